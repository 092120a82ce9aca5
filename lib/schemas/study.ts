import { z } from "zod";
import { PacsPushSchema } from "@/lib/schemas/pacs-push";

// prediction_failed: the AI could not predict it for good (bad input, or the retry deadline passed); an admin can re-run it.
export const STUDY_STATUSES = ["new", "prediction_failed", "predicted", "in_review", "signed_off"] as const;
export const studyStatusSchema = z.enum(STUDY_STATUSES);
export type StudyStatus = z.infer<typeof studyStatusSchema>;

export const WORKLIST_SORTS = ["received", "studyDate", "aiPriority"] as const;

// A real calendar date (2024-13-45 and 2024-02-30 are refused with this reason, not passed on to the database).
const dateOnly = z.iso.date({ message: "Use a real date as YYYY-MM-DD." });

export const listStudiesQuerySchema = z
  .object({
    status: studyStatusSchema.optional(),
    modality: z.string().trim().toUpperCase().max(16).optional(),
    from: dateOnly.optional().meta({ description: "Study date from (inclusive), a real calendar date YYYY-MM-DD; not after `to`" }),
    to: dateOnly.optional().meta({ description: "Study date to (inclusive), a real calendar date YYYY-MM-DD; not before `from`" }),
    q: z.string().trim().max(64).optional(), // accession number or patient id (prefix)
    sort: z.enum(WORKLIST_SORTS).default("received"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "'from' must not be after 'to'.", path: ["to"] });
export type ListStudiesQuery = z.infer<typeof listStudiesQuerySchema>;

// Patient identifiers are null for callers who may not see them (lib/auth/phi-access); the pseudonym is always there.
export const WorklistItemSchema = z
  .object({
    id: z.string(),
    pseudonym: z.string(),
    displayName: z.string(), // lib/studies/display-name: the one name the study goes by for this caller
    accessionNumber: z.string().nullable(),
    patientId: z.string().nullable(),
    patientName: z.string().nullable(),
    studyDate: z.string().nullable(),
    receivedAt: z.string(),
    modality: z.string(),
    description: z.string().nullable(),
    status: studyStatusSchema,
    aiPriority: z.number().nullable(),
    instanceCount: z.number(),
  })
  .meta({ id: "WorklistItem" });
export type WorklistItem = z.infer<typeof WorklistItemSchema>;

export const WorklistPageSchema = z
  .object({
    items: z.array(WorklistItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    counts: z.record(studyStatusSchema, z.number().int()),
  })
  .meta({ id: "WorklistPage" });
export type WorklistPage = z.infer<typeof WorklistPageSchema>;

export const WorklistNeighboursSchema = z.object({ previousId: z.string().nullable(), nextId: z.string().nullable() });
export type WorklistNeighbours = z.infer<typeof WorklistNeighboursSchema>;

export const IngestResultSchema = z
  .object({
    fileName: z.string(),
    status: z.enum(["stored", "duplicate", "rejected"]),
    studyId: z.string().optional(),
    instanceId: z.string().optional(),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
  })
  .meta({ id: "IngestResult" });
export type IngestResult = z.infer<typeof IngestResultSchema>;
export const IngestResponseSchema = z.object({ results: z.array(IngestResultSchema) });

export const InstanceSchema = z
  .object({
    id: z.string(),
    rows: z.number().int(),
    columns: z.number().int(),
    photometric: z.string(),
    bitsStored: z.number().int(),
    windowCenter: z.number().nullable(),
    windowWidth: z.number().nullable(),
    frames: z.number().int(), // Number of Frames; the viewer pages through them (1-based)
    tags: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    fileUrl: z.string(),
  })
  .meta({ id: "Instance" });
export type InstanceDto = z.infer<typeof InstanceSchema>;

export const StudyDetailSchema = z
  .object({
    study: WorklistItemSchema.omit({ instanceCount: true, receivedAt: true, aiPriority: true }),
    instances: z.array(InstanceSchema),
    pacsPushes: z.array(PacsPushSchema), // where the signed-off results (SR + GSPS) went, per PACS destination
  })
  .meta({ id: "StudyDetail" });
export type StudyDetail = z.infer<typeof StudyDetailSchema>;

// POST /api/v1/studies/:studyId/predict (admin re-run)
export const RerunPredictionSchema = z.object({ jobId: z.string(), status: z.literal("new") });
