import type { ZodOpenApiPathsObject } from "zod-openapi";
import { binaryContent, jsonContent, operation } from "@/lib/api/openapi-operation";
import { AuditEventListSchema, listAuditQuerySchema } from "@/lib/schemas/audit";
import { computeDriftBodySchema, DriftReportResponseSchema, DriftSnapshotListSchema, listDriftQuerySchema } from "@/lib/schemas/drift";
import { idPathSchema } from "@/lib/schemas/common";
import { createExportBodySchema, ExportListSchema, ExportResponseSchema, listExportsQuerySchema } from "@/lib/schemas/export";
import {
  createTrainingRunBodySchema,
  listTrainingRunsQuerySchema,
  TrainingRunListSchema,
  TrainingRunResponseSchema,
} from "@/lib/schemas/training";

// Admin data: dataset exports, retraining runs, drift and the audit trail.
const admin = { roles: ["admin"] } as const;

export const datasetPaths: ZodOpenApiPathsObject = {
  "/api/v1/exports": {
    get: operation({
      summary: "Dataset exports, newest first, with their job's progress",
      auth: admin,
      query: listExportsQuerySchema,
      ok: { 200: jsonContent(ExportListSchema) },
    }),
    post: operation({
      summary: "Start a YOLO / COCO export of reviewed labels (patient-level split, de-identified) as a background job",
      auth: admin,
      json: createExportBodySchema,
      ok: { 201: jsonContent(ExportResponseSchema) },
      errors: ["unprocessable"],
    }),
  },
  "/api/v1/exports/{id}": {
    get: operation({
      summary: "One export: status, progress, counts per split and class",
      auth: admin,
      path: idPathSchema,
      ok: { 200: jsonContent(ExportResponseSchema) },
      errors: ["not_found"],
    }),
  },
  "/api/v1/exports/{id}/download": {
    get: operation({
      summary: "The finished export's zip (audited; an admin's token with 'read' works, e.g. for a GPU host)",
      auth: { ...admin, tokenScope: "read" },
      path: idPathSchema,
      ok: { 200: binaryContent("application/zip", "The export as a zip") },
      errors: ["not_found", "conflict"],
    }),
  },
  "/api/v1/training-runs": {
    get: operation({
      summary: "Retraining runs with progress and resulting model, and whether the worker is installed",
      auth: admin,
      query: listTrainingRunsQuerySchema,
      ok: { 200: jsonContent(TrainingRunListSchema) },
    }),
    post: operation({
      summary: "Retrain on a finished YOLO export; 503 when the training worker is not installed",
      auth: admin,
      json: createTrainingRunBodySchema,
      ok: { 201: jsonContent(TrainingRunResponseSchema) },
      errors: ["unprocessable", "unavailable"],
    }),
  },
  "/api/v1/training-runs/{id}": {
    get: operation({
      summary: "Status, progress, log tail, metrics and the registered model",
      auth: admin,
      path: idPathSchema,
      ok: { 200: jsonContent(TrainingRunResponseSchema) },
      errors: ["not_found"],
    }),
  },
  "/api/v1/admin/drift": {
    get: operation({
      summary: "Drift snapshot history, newest first",
      auth: admin,
      query: listDriftQuerySchema,
      ok: { 200: jsonContent(DriftSnapshotListSchema) },
    }),
    post: operation({
      summary: "Compute drift now for a reference and a current window (each from < to); returns the report",
      auth: admin,
      json: computeDriftBodySchema,
      ok: { 200: jsonContent(DriftReportResponseSchema) },
      errors: ["not_found", "unprocessable"],
    }),
  },
  "/api/v1/audit": {
    get: operation({
      summary: "The audit trail, newest first",
      auth: admin,
      query: listAuditQuerySchema,
      ok: { 200: jsonContent(AuditEventListSchema) },
    }),
  },
};
