import { z } from "zod";

export const EXPORT_FORMATS = ["yolo", "coco", "both"] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

// "consensus" reviews (fused double reads) may not exist yet; they win over individual reads of a study when present.
export const EXPORT_PURPOSES = ["primary", "double_read", "annotation", "consensus"] as const;
export const exportPurposeSchema = z.enum(EXPORT_PURPOSES);
export type ExportPurpose = z.infer<typeof exportPurposeSchema>;

const isoDate = z.iso.datetime({ offset: true });

// Which reviews' labels go into a dataset. Dates apply to the sign-off time (the last save for in-progress reviews).
export const exportFiltersSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    modelVersionId: z.string().min(1).max(64).optional(), // the version whose findings the reader saw
    readerId: z.string().min(1).max(64).optional(),
    purposes: z.array(exportPurposeSchema).min(1).max(EXPORT_PURPOSES.length).optional(),
    includeInProgress: z.boolean().default(false),
    // Studies of the registry's held-out evaluation patients (lib/evaluation/held-out.ts) are left out unless set:
    // a model trained on them would be evaluated on its own training data.
    includeHeldOut: z.boolean().default(false),
  })
  .strict()
  .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), { message: "'from' must be before 'to'.", path: ["to"] });
export type ExportFilters = z.infer<typeof exportFiltersSchema>;

export const createExportBodySchema = z
  .object({
    format: exportFormatSchema.default("yolo"),
    filters: exportFiltersSchema.default({ includeInProgress: false, includeHeldOut: false }),
    valFraction: z.number().min(0).max(0.9).default(0.2),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(0),
  })
  .strict();
export type CreateExportBody = z.infer<typeof createExportBodySchema>;

export const listExportsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export type SplitName = "train" | "val";
export type SplitSummary = { images: number; negatives: number; boxes: number; patients: number; perClass: Record<string, number> };
/** What the held-out rule did: the evaluation fraction used, whether held-out patients were kept, and how many
 * matching studies / images were left out because they belong to held-out patients (0 when included). */
export type HeldOutSummary = { fraction: number; included: boolean; excludedStudies: number; excludedImages: number };
export type ExportSummary = { classes: string[]; reviews: number; splits: Record<SplitName, SplitSummary>; heldOut?: HeldOutSummary };

export type ExportDto = {
  id: string;
  format: ExportFormat;
  filters: ExportFilters;
  split: { valFraction: number; seed: number };
  status: string; // queued | running | succeeded | failed
  imageCount: number;
  boxCount: number;
  sizeBytes: number | null;
  summary: ExportSummary | null;
  error: string | null;
  progress: number;
  progressMessage: string | null;
  createdAt: string;
  finishedAt: string | null;
  downloadUrl: string | null;
};
