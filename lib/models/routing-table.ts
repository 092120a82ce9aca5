import type { ModelVersion } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { findProductionVersion } from "@/lib/models/production-version";

// The versions prediction routing reads (production, canaries, shadows): registry state, so it lives with the registry
// and setStage can invalidate it without lib/models importing lib/predictions.
export type RoutingTable = { production: ModelVersion | null; canaries: ModelVersion[]; shadows: ModelVersion[] };

// Cached per process for callers that accept a few seconds of staleness (the predict API); kept on globalThis so every
// route bundle shares it and setStage's invalidation reaches them all.
const KEY = Symbol.for("cxr-review.routing-table");
type Holder = typeof globalThis & { [KEY]?: { at: number; table: Promise<RoutingTable> } };

async function loadRoutingTable(): Promise<RoutingTable> {
  const [production, canaries, shadows] = await Promise.all([
    findProductionVersion(),
    db.modelVersion.findMany({ where: { stage: "canary", canaryShare: { gt: 0 } }, orderBy: { stagedAt: "asc" } }),
    db.modelVersion.findMany({ where: { shadow: true, stage: { notIn: ["production", "archived"] } } }),
  ]);
  return { production, canaries, shadows };
}

/** The routing table, read at most `maxAgeMs` ago (0: read now). */
export function routingTable(maxAgeMs: number): Promise<RoutingTable> {
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
