import { z } from "zod";

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const driftWindowSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((w) => w.from < w.to, { message: "'from' must be before 'to'.", path: ["to"] });

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
  feature: z.string().max(64).optional().transform((v) => v || undefined), // `?feature=` means every feature
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ListDriftQuery = { feature?: string; limit: number }; // what the parsed query satisfies

export type DriftMetric = "psi" | "ks";
export type DriftMetricDto = { metric: DriftMetric; score: number; threshold: number; alert: boolean; pValue?: number };
export type DriftBinDto = { label: string; reference: number; current: number }; // shares of each window, unsmoothed

export type DriftFeatureDto = {
  feature: string;
  kind: "input" | "output";
  alert: boolean;
  severity: number;
  insufficientData: boolean;
  referenceCount: number;
  currentCount: number;
  metrics: DriftMetricDto[];
  bins: DriftBinDto[];
};

export type DriftWebhookOutcome = "not_configured" | "not_needed" | "delivered" | "failed";

export type DriftReportDto = {
  computedAt: string;
  modelVersionId: string | null;
  reference: { label: string; from: string | null; to: string | null; predictions: number };
  current: { from: string; to: string; predictions: number };
  alert: boolean;
  alertingFeatures: string[];
  features: DriftFeatureDto[];
  webhook: DriftWebhookOutcome;
};

export type DriftSnapshotDto = {
  id: string;
  createdAt: string;
  modelVersionId: string | null;
  windowStart: string;
  windowEnd: string;
  reference: string;
  feature: string;
  kind: string;
  metric: string;
  score: number;
  threshold: number;
  alert: boolean;
  details: unknown;
};
