import { z } from "zod";
import type { PacsPushDto } from "@/lib/schemas/pacs-push";

// prediction_failed: the AI could not predict it for good (bad input, or the retry deadline passed); an admin can re-run it.
export const STUDY_STATUSES = ["new", "prediction_failed", "predicted", "in_review", "signed_off"] as const;
export const studyStatusSchema = z.enum(STUDY_STATUSES);
export type StudyStatus = z.infer<typeof studyStatusSchema>;

export const WORKLIST_SORTS = ["received", "studyDate", "aiPriority"] as const;

// A real calendar date (2024-13-45 and 2024-02-30 are refused with this reason, not passed on to the database).
const dateOnly = z.iso.date({ message: "Use a real date as YYYY-MM-DD." });

export const listStudiesQuerySchema = z.object({
  status: studyStatusSchema.optional(),
  modality: z.string().trim().toUpperCase().max(16).optional(),
  from: dateOnly.optional(), // study date, inclusive
  to: dateOnly.optional(),
  q: z.string().trim().max(64).optional(), // accession number or patient id (prefix)
  sort: z.enum(WORKLIST_SORTS).default("received"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: "'from' must not be after 'to'.", path: ["to"] });
export type ListStudiesQuery = z.infer<typeof listStudiesQuerySchema>;

// Patient identifiers are null for callers who may not see them (lib/auth/phi-access); the pseudonym is always there.
export const WorklistItemSchema = z.object({
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
});
export type WorklistItem = z.infer<typeof WorklistItemSchema>;

export type WorklistPage = {
  items: WorklistItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<StudyStatus, number>;
};

export type IngestResult = {
  fileName: string;
  status: "stored" | "duplicate" | "rejected";
  studyId?: string;
  instanceId?: string;
  error?: { code: string; message: string; details?: unknown };
};

export type InstanceDto = {
  id: string;
  rows: number;
  columns: number;
  photometric: string;
  bitsStored: number;
  windowCenter: number | null;
  windowWidth: number | null;
  frames: number; // Number of Frames; the viewer pages through them (1-based)
  tags: Record<string, string | number | null>;
  fileUrl: string;
};

export type StudyDetail = {
  study: Omit<WorklistItem, "instanceCount" | "receivedAt" | "aiPriority">;
  instances: InstanceDto[];
  pacsPushes: PacsPushDto[]; // where the signed-off results (SR + GSPS) went, per PACS destination
};
