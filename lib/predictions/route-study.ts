import { createHash } from "node:crypto";
import type { ModelVersion } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Routing } from "@/lib/predictions/predict-instance";

// A stable number in [0, 1) per study, so the same study always goes to the same version.
export function studyBucket(studyKey: string): number {
  return createHash("sha256").update(studyKey).digest().readUInt32BE(0) / 2 ** 32;
}

type RoutingTable = { production: ModelVersion | null; canaries: ModelVersion[]; shadows: ModelVersion[] };

// The versions routing reads (3 queries), cached per process for callers that accept a few seconds of staleness
// (the predict API); kept on globalThis so every route bundle shares it and setStage's invalidation reaches them all.
const KEY = Symbol.for("cxr-review.routing-table");
type Holder = typeof globalThis & { [KEY]?: { at: number; table: Promise<RoutingTable> } };

async function loadRoutingTable(): Promise<RoutingTable> {
  const [production, canaries, shadows] = await Promise.all([
    db.modelVersion.findFirst({ where: { stage: "production" }, orderBy: { stagedAt: "desc" } }),
    db.modelVersion.findMany({ where: { stage: "canary", canaryShare: { gt: 0 } }, orderBy: { stagedAt: "asc" } }),
    db.modelVersion.findMany({ where: { shadow: true, stage: { notIn: ["production", "archived"] } } }),
  ]);
  return { production, canaries, shadows };
}

function routingTable(maxAgeMs: number): Promise<RoutingTable> {
  const g = globalThis as Holder;
  const now = Date.now();
  const hit = g[KEY];
  if (maxAgeMs > 0 && hit && now - hit.at <= maxAgeMs) return hit.table;
  const table = loadRoutingTable();
  g[KEY] = { at: now, table };
  table.catch(() => g[KEY]?.table === table && delete g[KEY]);
  return table;
}

/** Forgets the cached routing table (setStage calls it, so a stage change routes the next request at once). */
export function invalidateRouting(): void {
  delete (globalThis as Holder)[KEY];
}

// Which version serves a study (shown to readers), plus shadow versions that run silently on all traffic.
// `maxAgeMs` > 0 accepts a routing table read up to that long ago (other processes see a stage change within it).
export async function routeStudy(studyKey: string, o: { maxAgeMs?: number } = {}): Promise<{ served: { version: ModelVersion; routing: Routing }; shadows: ModelVersion[] }> {
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
