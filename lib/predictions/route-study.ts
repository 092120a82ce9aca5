import { createHash } from "node:crypto";
import type { ModelVersion } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { routingTable } from "@/lib/models/routing-table";
import type { Routing } from "@/lib/predictions/predict-instance";

// A stable number in [0, 1) per study, so the same study always goes to the same version.
export function studyBucket(studyKey: string): number {
  return createHash("sha256").update(studyKey).digest().readUInt32BE(0) / 2 ** 32;
}

// Which version serves a study (shown to readers), plus shadow versions that run silently on all traffic.
// `maxAgeMs` > 0 accepts a routing table read up to that long ago (other processes see a stage change within it).
export async function routeStudy(
  studyKey: string,
  o: { maxAgeMs?: number } = {},
): Promise<{ served: { version: ModelVersion; routing: Routing }; shadows: ModelVersion[] }> {
  const { production, canaries, shadows } = await routingTable(o.maxAgeMs ?? 0);
  if (!production) throw new AppError("unavailable", "No model is in production; register one and promote it.", { retryAfterSeconds: 30 });
  const b = studyBucket(studyKey);
  let edge = 0;
  for (const c of canaries) {
    edge += c.canaryShare;
    if (b < edge) return { served: { version: c, routing: "canary" }, shadows: shadows.filter((s) => s.id !== c.id) };
  }
  return { served: { version: production, routing: "production" }, shadows };
}
