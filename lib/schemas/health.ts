import { z } from "zod";

// GET /api/health and GET /api/ready (no auth: load balancers and orchestrators call them).
export const HealthSchema = z.object({ status: z.literal("ok"), uptimeSeconds: z.number().int() });

export const ReadinessCheckSchema = z.object({ ok: z.boolean(), detail: z.string().optional() });
export type ReadinessCheck = z.infer<typeof ReadinessCheckSchema>;
export const ReadinessSchema = z
  .object({
    ready: z.boolean(),
    checks: z.record(z.string(), ReadinessCheckSchema),
    down: z.array(z.string()).describe("Names of the checks that failed"),
  })
  .meta({ id: "Readiness" });
export type Readiness = z.infer<typeof ReadinessSchema>;
