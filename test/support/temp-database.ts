// Fresh, migrated throwaway databases (SQLite file or PostgreSQL database): the integration run's own database,
// a test that needs one no other test file writes to, and the benchmarks.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const PG_BASE = process.env.TEST_PG_URL ?? process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";

export type TempDb = { url: string; drop: () => Promise<void> };

export async function createTempDb(kind: "sqlite" | "postgres", name: string): Promise<TempDb> {
  if (kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    const url = `file:${path.join(dir, "test.db")}`;
    migrate(url, false);
    return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const db = `${name.replace(/\W/g, "_")}_${process.pid}_${Date.now()}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${db}`);
  const url = `${PG_BASE}/${db}`;
  migrate(url, true);
  return { url, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`) };
}

export async function postgresReachable(): Promise<boolean> {
  return adminQuery("SELECT 1").then(
    () => true,
    () => false,
  );
}

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: `${PG_BASE}/postgres`, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function migrate(url: string, postgres: boolean) {
  const args = ["prisma", "migrate", "deploy", ...(postgres ? ["--config", "prisma.postgres.config.ts"] : [])];
  execFileSync("npx", args, { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}
