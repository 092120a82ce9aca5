import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { binaryContent, jsonContent, operation } from "@/lib/api/openapi-operation";
import { idPathSchema } from "@/lib/schemas/common";
import {
  canaryRuleSchema,
  changeStageBodySchema,
  modelCardSchema,
  optimizeBodySchema,
  performanceQuerySchema,
  rollbackBodySchema,
} from "@/lib/schemas/model";
import {
  CanaryRuleResponseSchema,
  EvaluationListSchema,
  EvaluationRequestedSchema,
  ModelResponseSchema,
  PerformanceReportSchema,
  RegisteredModelSchema,
  RegistryViewSchema,
  RollbackResponseSchema,
} from "@/lib/schemas/model-registry";
import { binaryFile } from "@/lib/schemas/openapi/studies";
import { tritonRepoOptionsSchema } from "@/lib/schemas/triton-repo";

// The model registry: versions, stages, evaluations, live performance and the canary rollback rule.
const admin = { roles: ["admin"] } as const;

export const modelPaths: ZodOpenApiPathsObject = {
  "/api/v1/models": {
    get: operation({
      summary: "Model versions with stage, latest evaluation and stage history; recent automatic rollbacks",
      auth: admin,
      ok: { 200: jsonContent(RegistryViewSchema) },
    }),
    post: operation({
      summary: "Register an Ultralytics ONNX (multipart `file`) with its model card (`card`, a JSON document); an evaluation job is queued",
      auth: { ...admin, tokenScope: "models:write" },
      multipart: z.object({
        file: binaryFile,
        card: z.string().meta({
          description: "The model card, a JSON document (a string field or a JSON file part)",
          contentMediaType: "application/json",
          contentSchema: z.toJSONSchema(modelCardSchema, { io: "input" }),
        }),
      }),
      ok: { 201: jsonContent(RegisteredModelSchema, "Registered; evaluationId is the queued evaluation") },
      errors: ["bad_request", "conflict", "unprocessable", "unavailable"],
    }),
  },
  "/api/v1/models/{id}/file": {
    get: operation({
      summary: "A version's ONNX bytes (ETag = sha256; 304 for If-None-Match), for running the same model in the browser",
      auth: {},
      path: idPathSchema,
      ok: { 200: binaryContent("application/octet-stream", "The ONNX model"), 304: { description: "Not modified (ETag matched)" } },
      errors: ["not_found"],
    }),
  },
  "/api/v1/models/{id}/triton-repo": {
    get: operation({
      summary: "A version as a Triton model repository zip: config.pbtxt (onnxruntime backend) + 1/model.onnx",
      auth: admin,
      path: idPathSchema,
      query: tritonRepoOptionsSchema,
      ok: { 200: binaryContent("application/zip", "The repository as a zip") },
      errors: ["not_found", "unprocessable"],
    }),
  },
  "/api/v1/models/{id}/stage": {
    post: operation({
      summary: "Change stage (canary share, shadow); below production's mAP@0.5 needs overrideReason (422 otherwise) (audited)",
      auth: admin,
      path: idPathSchema,
      json: changeStageBodySchema,
      ok: { 200: jsonContent(ModelResponseSchema) },
      errors: ["not_found", "conflict", "unprocessable"],
    }),
  },
  "/api/v1/models/{id}/rollback": {
    post: operation({
      summary: "Roll back a canary (→ registered or archived) or production (→ the version it replaced) (audited)",
      auth: admin,
      path: idPathSchema,
      json: rollbackBodySchema,
      jsonOptional: true,
      ok: { 200: jsonContent(RollbackResponseSchema) },
      errors: ["not_found", "conflict"],
    }),
  },
  "/api/v1/models/{id}/optimize": {
    post: operation({
      summary:
        "Queue a statically quantized INT8 (QDQ) sibling version, calibrated on an export's images; registered and evaluated in the background (admin, audited)",
      auth: { roles: ["admin"] },
      path: idPathSchema,
      json: optimizeBodySchema,
      ok: { 202: jsonContent(z.object({ jobId: z.string(), exportId: z.string() }), "Queued") },
      errors: ["not_found", "unprocessable", "unavailable"],
    }),
  },
  "/api/v1/models/{id}/evaluations": {
    get: operation({
      summary: "Evaluations of a version, newest first",
      auth: admin,
      path: idPathSchema,
      ok: { 200: jsonContent(EvaluationListSchema) },
      errors: ["not_found"],
    }),
    post: operation({
      summary: "Re-evaluate on the held-out signed-off reviews (audited)",
      auth: admin,
      path: idPathSchema,
      ok: { 202: jsonContent(EvaluationRequestedSchema, "Queued") },
      errors: ["not_found"],
    }),
  },
  "/api/v1/admin/performance": {
    get: operation({
      summary: "Live performance from reader verdicts per version, class and day",
      auth: admin,
      query: performanceQuerySchema,
      ok: { 200: jsonContent(PerformanceReportSchema) },
    }),
  },
  "/api/v1/admin/canary-rule": {
    get: operation({ summary: "The automatic canary rollback rule", auth: admin, ok: { 200: jsonContent(CanaryRuleResponseSchema) } }),
    patch: operation({
      summary: "Change enabled, maxAcceptanceDrop, minReviewedStudies (audited)",
      auth: admin,
      json: canaryRuleSchema.partial().strict(),
      ok: { 200: jsonContent(CanaryRuleResponseSchema) },
    }),
  },
};
