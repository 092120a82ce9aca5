import { z } from "zod";
import { canaryRuleSchema, MODEL_STAGES } from "@/lib/schemas/model";

// Response schemas of the model registry API (GET /api/v1/models and the stage, rollback and evaluation routes).
export const ModelVersionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    sha256: z.string(),
    sizeBytes: z.number().int(),
    classes: z.array(z.string()),
    inputSize: z.number().int(),
    stage: z.enum(MODEL_STAGES),
    canaryShare: z.number(),
    shadow: z.boolean(),
    thresholds: z.unknown().describe("Display thresholds from the model card"),
    modelCard: z.unknown().describe("The model card as registered (JSON)"),
    createdAt: z.string(),
  })
  .meta({ id: "ModelVersion" });
export type ModelVersionDto = z.infer<typeof ModelVersionSchema>;

const apPerClass = z.record(z.string(), z.object({ ap50: z.number().nullable(), ap40: z.number().nullable(), gt: z.number().int() }));

export const EvaluationSchema = z
  .object({
    id: z.string(),
    status: z.string().describe("queued | running | succeeded | failed"),
    datasetDescription: z.string(),
    imageCount: z.number().int(),
    map50: z.number().nullable(),
    map40: z.number().nullable(),
    perClassAp: apPerClass.nullable(),
    fpPerImage: z.number().nullable(),
    latencyP50Ms: z.number().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "Evaluation" });
export type EvaluationDto = z.infer<typeof EvaluationSchema>;

export const StageChangeSchema = z
  .object({ id: z.string(), from: z.string(), to: z.string(), reason: z.string().nullable(), automatic: z.boolean(), at: z.string() })
  .meta({ id: "StageChange" });
export type StageChangeDto = z.infer<typeof StageChangeSchema>;
// What the registry shows for an optimized (INT8) version beside the float version it came from: the worker's
// comparison on the export's val split (from the card) and the registry's own held-out evaluations of both.
const optimizationComparison = z.object({
  floatMap50: z.number().nullable(),
  int8Map50: z.number().nullable(),
  map50Delta: z.number().nullable(),
  floatLatencyMs: z.number().nullable(),
  int8LatencyMs: z.number().nullable(),
});
export const OptimizationSchema = z
  .object({
    method: z.string(),
    precision: z.string(),
    base: z.object({ id: z.string().nullable(), name: z.string(), version: z.string() }),
    calibrationImages: z.number().nullable(),
    exportComparison: optimizationComparison.nullable(),
    heldOut: optimizationComparison.nullable(),
  })
  .meta({ id: "Optimization" });
export type OptimizationDto = z.infer<typeof OptimizationSchema>;
// optimization: for an INT8 version, its comparison with the float version it came from (null otherwise).
export const RegistryEntrySchema = ModelVersionSchema.extend({
  evaluation: EvaluationSchema.nullable(),
  stageHistory: z.array(StageChangeSchema),
  optimization: OptimizationSchema.nullable(),
}).meta({ id: "RegistryEntry" });
export type RegistryEntryDto = z.infer<typeof RegistryEntrySchema>;
export const AutomaticRollbackSchema = StageChangeSchema.extend({ modelVersionId: z.string(), name: z.string(), version: z.string() });
export type AutomaticRollbackDto = z.infer<typeof AutomaticRollbackSchema>;
export const RegistryViewSchema = z
  .object({ models: z.array(RegistryEntrySchema), automaticRollbacks: z.array(AutomaticRollbackSchema) })
  .meta({ id: "RegistryView" });
export type RegistryView = z.infer<typeof RegistryViewSchema>;

export const RegisteredModelSchema = z.object({ model: ModelVersionSchema, evaluationId: z.string() });
export const ModelResponseSchema = z.object({ model: ModelVersionSchema });
export const RollbackResponseSchema = z.object({ rolledBack: ModelVersionSchema, restored: ModelVersionSchema.nullable() });
export const EvaluationListSchema = z.object({ evaluations: z.array(EvaluationSchema) });
export const EvaluationRequestedSchema = z.object({ evaluationId: z.string(), jobId: z.string() });
export const CanaryRuleResponseSchema = z.object({ rule: canaryRuleSchema });

// GET /api/v1/admin/performance
export const PerformancePointSchema = z
  .object({
    shown: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    added: z.number().int(),
    studies: z.number().int(),
    images: z.number().int(),
    acceptanceRate: z.number().nullable().describe("(accepted + edited) / shown; null when no AI box was shown"),
    rejectedPerImage: z.number().nullable(),
    addedPerImage: z.number().nullable(),
  })
  .meta({ id: "PerformancePoint" });
export const PerformanceReportSchema = z
  .object({
    from: z.string(),
    rule: canaryRuleSchema,
    versions: z.array(
      z.object({
        versionId: z.string(),
        name: z.string(),
        version: z.string(),
        stage: z.string(),
        total: PerformancePointSchema,
        byDay: z.array(PerformancePointSchema.extend({ day: z.string() })),
        byClass: z.record(z.string(), PerformancePointSchema),
      }),
    ),
  })
  .meta({ id: "PerformanceReport" });
export type PerformanceReport = z.infer<typeof PerformanceReportSchema>;
