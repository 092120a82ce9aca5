import fs from "node:fs";
import path from "node:path";
import { db, dbProvider } from "@/lib/db";
import { env } from "@/lib/env";
import type { Readiness, ReadinessCheck } from "@/lib/schemas/health";

// Extra checks (storage, job queue, inference backend, model) register here from lib/server. Kept on globalThis: Next
// loads instrumentation (which registers) and the route handlers (which read) as separate bundles.
const CHECKS = Symbol.for("cxr-review.readiness.checks");
const extraChecks: Map<string, () => Promise<ReadinessCheck>> = ((globalThis as Record<symbol, unknown>)[CHECKS] ??= new Map()) as Map<
  string,
  () => Promise<ReadinessCheck>
>;
export function registerReadinessCheck(name: string, check: () => Promise<ReadinessCheck>) {
  extraChecks.set(name, check);
}

function migrationsDir(): string {
  return path.resolve(dbProvider === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations");
}

async function checkDatabase(): Promise<ReadinessCheck> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true, detail: dbProvider };
  } catch {
    return { ok: false, detail: `database unreachable (${dbProvider})` };
  }
}

async function checkMigrations(): Promise<ReadinessCheck> {
  try {
    const expected = fs
      .readdirSync(migrationsDir(), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const missing = expected.filter((m) => !applied.has(m));
    return missing.length === 0 ? { ok: true, detail: `${applied.size} applied` } : { ok: false, detail: `pending: ${missing.join(", ")}` };
  } catch {
    return { ok: false, detail: "migration history unreadable" };
  }
}

// A hung backend must not hang the probe: each check answers within the timeout or counts as down.
function bounded(check: () => Promise<ReadinessCheck>, ms: number): Promise<ReadinessCheck> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ReadinessCheck>(
    (resolve) => (timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${ms} ms` }), ms)),
  );
  const run = check().catch((e: unknown) => ({
    ok: false,
    detail: e instanceof Error ? e.message.split("\n")[0]!.slice(0, 200) : "check failed",
  }));
  return Promise.race([run, late]).finally(() => clearTimeout(timer));
}

/** Every check at once, each bounded by `timeoutMs`; `down` names the failing ones (what the operator must fix). */
export async function checkReadiness(timeoutMs = env.READY_CHECK_TIMEOUT_MS): Promise<Readiness> {
  const all: [string, () => Promise<ReadinessCheck>][] = [
    ["database", checkDatabase],
    ["migrations", async () => ((await checkDatabase()).ok ? checkMigrations() : { ok: false, detail: "database unreachable" })],
    ...extraChecks,
  ];
  const results = await Promise.all(all.map(async ([name, check]) => [name, await bounded(check, timeoutMs)] as const));
  const checks = Object.fromEntries(results);
  const down = results.filter(([, c]) => !c.ok).map(([name]) => name);
  return { ready: down.length === 0, checks, down };
}
