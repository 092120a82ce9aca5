import { z } from "zod";

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const driftWindowSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((w) => w.from < w.to, { message: "'from' must be before 'to'.", path: ["to"] })
  .meta({ description: "A time window: from < to (ISO 8601 date-times with an offset)" });

// The reference is a period, or the first N visible predictions (of the version when one is given).
export const driftReferenceSchema = z.union([driftWindowSchema, z.object({ firstN: z.number().int().min(1).max(100_000) })]);

export const computeDriftBodySchema = z.object({
  modelVersionId: z.string().min(1).max(64).optional(),
  reference: driftReferenceSchema,
  current: driftWindowSchema,
});
export type ComputeDriftBody = z.infer<typeof computeDriftBodySchema>;
export type DriftWindow = z.infer<typeof driftWindowSchema>;
export type DriftReference = z.infer<typeof driftReferenceSchema>;

export const listDriftQuerySchema = z.object({
  feature: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined), // `?feature=` means every feature
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ListDriftQuery = { feature?: string; limit: number }; // what the parsed query satisfies

export const DriftMetricSchema = z.object({
  metric: z.enum(["psi", "ks"]),
  score: z.number(),
  threshold: z.number(),
  alert: z.boolean(),
  pValue: z.number().optional(),
});
export type DriftMetric = "psi" | "ks";
export type DriftMetricDto = z.infer<typeof DriftMetricSchema>;
export const DriftBinSchema = z.object({ label: z.string(), reference: z.number(), current: z.number() }); // shares of each window, unsmoothed
export type DriftBinDto = z.infer<typeof DriftBinSchema>;

export const DriftFeatureSchema = z
  .object({
    feature: z.string(),
    kind: z.enum(["input", "output"]),
    alert: z.boolean(),
    severity: z.number(),
    insufficientData: z.boolean(),
    referenceCount: z.number().int(),
    currentCount: z.number().int(),
    metrics: z.array(DriftMetricSchema),
    bins: z.array(DriftBinSchema),
  })
  .meta({ id: "DriftFeature" });
export type DriftFeatureDto = z.infer<typeof DriftFeatureSchema>;

export const DRIFT_WEBHOOK_OUTCOMES = ["not_configured", "not_needed", "delivered", "failed"] as const;
export type DriftWebhookOutcome = (typeof DRIFT_WEBHOOK_OUTCOMES)[number];

export const DriftReportSchema = z
  .object({
    computedAt: z.string(),
    modelVersionId: z.string().nullable(),
    reference: z.object({ label: z.string(), from: z.string().nullable(), to: z.string().nullable(), predictions: z.number().int() }),
    current: z.object({ from: z.string(), to: z.string(), predictions: z.number().int() }),
    alert: z.boolean(),
    alertingFeatures: z.array(z.string()),
    features: z.array(DriftFeatureSchema),
    webhook: z.enum(DRIFT_WEBHOOK_OUTCOMES),
  })
  .meta({ id: "DriftReport" });
export type DriftReportDto = z.infer<typeof DriftReportSchema>;

export const DriftSnapshotSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    modelVersionId: z.string().nullable(),
    windowStart: z.string(),
    windowEnd: z.string(),
    reference: z.string(),
    feature: z.string(),
    kind: z.string(),
    metric: z.string(),
    score: z.number(),
    threshold: z.number(),
    alert: z.boolean(),
    details: z.unknown(),
  })
  .meta({ id: "DriftSnapshot" });
export type DriftSnapshotDto = z.infer<typeof DriftSnapshotSchema>;
export const DriftSnapshotListSchema = z.object({ snapshots: z.array(DriftSnapshotSchema) });
export const DriftReportResponseSchema = z.object({ report: DriftReportSchema });
