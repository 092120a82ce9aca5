import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { jsonContent, operation } from "@/lib/api/openapi-operation";
import { HealthSchema, ReadinessSchema } from "@/lib/schemas/health";

// Probes, metrics and this document.
export const systemPaths: ZodOpenApiPathsObject = {
  "/api/health": { get: operation({ summary: "Process alive", auth: "public", ok: { 200: jsonContent(HealthSchema) } }) },
  "/api/ready": {
    get: operation({
      summary: "Database, migrations, storage, job queue, production model and inference backend ready (503 names what is down)",
      auth: "public",
      ok: { 200: jsonContent(ReadinessSchema, "Ready") },
      other: { 503: jsonContent(ReadinessSchema, "Not ready: `down` names the failed checks") },
    }),
  },
  "/api/metrics": {
    get: operation({
      summary: "Prometheus metrics (text exposition format)",
      auth: { roles: ["admin"], tokenScope: "metrics" },
      ok: { 200: { description: "Prometheus text format", content: { "text/plain": { schema: z.string() } } } },
    }),
  },
  "/api/v1/openapi.json": {
    get: operation({
      summary: "This OpenAPI 3.1 document, generated from the zod schemas the handlers validate with",
      auth: "public",
      ok: { 200: jsonContent(z.looseObject({ openapi: z.string() })) },
    }),
  },
};
