import { z } from "zod";

export const MODEL_STAGES = ["registered", "staging", "canary", "production", "archived"] as const;

// POST /api/v1/models/:id/stage
export const changeStageBodySchema = z
  .object({
    to: z.enum(MODEL_STAGES),
    /** Share of studies routed to a canary, 0 < share <= 1 (sticky per study). Required for canary. */
    canaryShare: z.number().gt(0).max(1).optional(),
    /** Run on all traffic silently (results stored, never shown). Not for production or archived versions. */
    shadow: z.boolean().optional(),
    reason: z.string().trim().max(500).optional(),
    /** Needed to promote a version whose evaluation is below production's (or has none while production has one). */
    overrideReason: z.string().trim().min(3).max(500).optional(),
  })
  .strict()
  .refine((b) => b.to !== "canary" || b.canaryShare !== undefined, {
    message: "A canary needs a canaryShare (0 < share <= 1).",
    path: ["canaryShare"],
  })
  .refine((b) => !(b.shadow && (b.to === "production" || b.to === "archived")), {
    message: "Production and archived versions cannot run as shadows.",
    path: ["shadow"],
  })
  .meta({
    description: "canaryShare is required when to is canary; shadow is not allowed for production or archived",
    override: ({ jsonSchema }) => {
      jsonSchema.if = { properties: { to: { const: "canary" } }, required: ["to"] };
      jsonSchema.then = { required: ["canaryShare"] };
    },
  });
export type ChangeStageBody = z.infer<typeof changeStageBodySchema>;

// POST /api/v1/models/:id/rollback
export const rollbackBodySchema = z
  .object({ reason: z.string().trim().max(500).optional(), to: z.enum(["registered", "archived"]).optional() })
  .strict();
export type RollbackBody = z.infer<typeof rollbackBodySchema>;

// GET /api/v1/admin/performance
export const performanceQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30),
  modelVersionId: z.string().min(1).max(64).optional(),
});

// PUT /api/v1/admin/canary-rule
export const canaryRuleSchema = z.object({
  enabled: z.boolean().default(true),
  /** Roll back when the canary's acceptance rate is below production's by more than this (0..1, absolute). */
  maxAcceptanceDrop: z.number().min(0).max(1).default(0.1),
  /** ...over at least this many signed-off studies read on the canary (and on production). */
  minReviewedStudies: z.number().int().min(1).max(100_000).default(20),
});
export type CanaryRule = z.infer<typeof canaryRuleSchema>;

// POST /api/v1/models: the `card` field (JSON) registered with the ONNX file; other keys are kept as they are.
export const modelCardSchema = z.looseObject({
  name: z.string().trim().min(1).max(80),
  version: z.string().trim().min(1).max(40),
  thresholds: z.object({ confidence: z.number().min(0).max(1).optional(), iou: z.number().min(0).max(1).optional() }).optional(),
});

// POST /api/v1/models/:id/optimize: the export to calibrate the INT8 version on (default: the one it was trained on).
export const optimizeBodySchema = z.object({ exportId: z.string().min(1).max(64).optional() }).strict();
