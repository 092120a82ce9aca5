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
  .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), { message: "'from' must be before 'to'.", path: ["to"] })
  .meta({ description: "Which reviews to export; from < to when both are given (ISO 8601 date-times)" });
export type ExportFilters = z.infer<typeof exportFiltersSchema>;

export const createExportBodySchema = z
  .object({
    format: exportFormatSchema.default("yolo"),
    filters: exportFiltersSchema.default({ includeInProgress: false, includeHeldOut: false }),
    valFraction: z.number().min(0).max(0.9).default(0.2),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(0),
  })
  .strict();
export type CreateExportBody = z.infer<typeof createExportBodySchema>;

export const listExportsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export type SplitName = "train" | "val";
const SplitSummarySchema = z.object({
  images: z.number().int(),
  negatives: z.number().int(),
  boxes: z.number().int(),
  patients: z.number().int(),
  perClass: z.record(z.string(), z.number().int()),
});
export type SplitSummary = z.infer<typeof SplitSummarySchema>;
/** What the held-out rule did: the evaluation fraction used, whether held-out patients were kept, and how many
 * matching studies / images were left out because they belong to held-out patients (0 when included). */
const HeldOutSummarySchema = z.object({
  fraction: z.number(),
  included: z.boolean(),
  excludedStudies: z.number().int(),
  excludedImages: z.number().int(),
});
export type HeldOutSummary = z.infer<typeof HeldOutSummarySchema>;
const ExportSummarySchema = z.object({
  classes: z.array(z.string()),
  reviews: z.number().int(),
  splits: z.object({ train: SplitSummarySchema, val: SplitSummarySchema }),
  heldOut: HeldOutSummarySchema.optional(),
});
export type ExportSummary = z.infer<typeof ExportSummarySchema>;

export const ExportSchema = z
  .object({
    id: z.string(),
    format: exportFormatSchema,
    filters: exportFiltersSchema,
    split: z.object({ valFraction: z.number(), seed: z.number().int() }),
    status: z.string().describe("queued | running | succeeded | failed"),
    imageCount: z.number().int(),
    boxCount: z.number().int(),
    sizeBytes: z.number().int().nullable(),
    summary: ExportSummarySchema.nullable(),
    error: z.string().nullable(),
    progress: z.number(),
    progressMessage: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    downloadUrl: z.string().nullable(),
  })
  .meta({ id: "Export" });
export type ExportDto = z.infer<typeof ExportSchema>;
export const ExportResponseSchema = z.object({ export: ExportSchema });
export const ExportListSchema = z.object({ exports: z.array(ExportSchema) });
