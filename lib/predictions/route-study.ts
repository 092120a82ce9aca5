import { createHash } from "node:crypto";
import type { ModelVersion } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Routing } from "@/lib/predictions/predict-instance";

// A stable number in [0, 1) per study, so the same study always goes to the same version.
export function studyBucket(studyKey: string): number {
  return createHash("sha256").update(studyKey).digest().readUInt32BE(0) / 2 ** 32;
}

// Which version serves a study (shown to readers), plus shadow versions that run silently on all traffic.
export async function routeStudy(studyKey: string): Promise<{ served: { version: ModelVersion; routing: Routing }; shadows: ModelVersion[] }> {
  const [production, canaries, shadows] = await Promise.all([
    db.modelVersion.findFirst({ where: { stage: "production" }, orderBy: { stagedAt: "desc" } }),
    db.modelVersion.findMany({ where: { stage: "canary", canaryShare: { gt: 0 } }, orderBy: { stagedAt: "asc" } }),
    db.modelVersion.findMany({ where: { shadow: true, stage: { notIn: ["production", "archived"] } } }),
  ]);
  if (!production) throw new AppError("unavailable", "No model is in production; register one and promote it.", { retryAfterSeconds: 30 });
  const b = studyBucket(studyKey);
  let edge = 0;
  for (const c of canaries) {
    edge += c.canaryShare;
    if (b < edge) return { served: { version: c, routing: "canary" }, shadows: shadows.filter((s) => s.id !== c.id) };
  }
  return { served: { version: production, routing: "production" }, shadows };
}
