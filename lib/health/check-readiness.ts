import fs from "node:fs";
import path from "node:path";
import { db, dbProvider } from "@/lib/db";

export type ReadinessCheck = { ok: boolean; detail?: string };
export type Readiness = { ready: boolean; checks: Record<string, ReadinessCheck> };

// Extra checks (e.g. "model loaded") register here. Kept on globalThis: Next loads instrumentation (which registers)
// and the route handlers (which read) as separate bundles with separate module instances.
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
    const expected = fs.readdirSync(migrationsDir(), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
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

export async function checkReadiness(): Promise<Readiness> {
  const database = await checkDatabase();
  const checks: Record<string, ReadinessCheck> = {
    database,
    migrations: database.ok ? await checkMigrations() : { ok: false, detail: "database unreachable" },
  };
  for (const [name, check] of extraChecks) checks[name] = await check().catch(() => ({ ok: false, detail: "check failed" }));
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}
