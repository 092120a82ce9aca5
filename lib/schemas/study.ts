import { z } from "zod";

// prediction_failed: the AI could not predict it for good (bad input, or the retry deadline passed); an admin can re-run it.
export const STUDY_STATUSES = ["new", "prediction_failed", "predicted", "in_review", "signed_off"] as const;
export const studyStatusSchema = z.enum(STUDY_STATUSES);
export type StudyStatus = z.infer<typeof studyStatusSchema>;

export const WORKLIST_SORTS = ["received", "studyDate", "aiPriority"] as const;

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.");

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
});
export type ListStudiesQuery = z.infer<typeof listStudiesQuerySchema>;

export const WorklistItemSchema = z.object({
  id: z.string(),
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
  error?: { code: string; message: string };
};

export type InstanceDto = {
  id: string;
  rows: number;
  columns: number;
  photometric: string;
  bitsStored: number;
  windowCenter: number | null;
  windowWidth: number | null;
  tags: Record<string, string | number | null>;
  fileUrl: string;
};

export type StudyDetail = {
  study: Omit<WorklistItem, "instanceCount" | "receivedAt" | "aiPriority">;
  instances: InstanceDto[];
};
