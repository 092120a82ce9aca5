// Gives each integration run a fresh, migrated database: SQLite (default) or PostgreSQL with TEST_DB=postgres.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
  }
}

const PG_BASE = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";

function migrate(url: string, postgres: boolean) {
  const args = ["prisma", "migrate", "deploy", ...(postgres ? ["--config", "prisma.postgres.config.ts"] : [])];
  execFileSync("npx", args, { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-it-"));
  let url: string;
  let teardown: () => Promise<void>;
  if (process.env.TEST_DB === "postgres") {
    const name = `cxr_it_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = `${PG_BASE}/${name}`;
    teardown = async () => {
      const c = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    url = `file:${path.join(dataDir, "test.db")}`;
    teardown = async () => {};
  }
  migrate(url, process.env.TEST_DB === "postgres");
  console.log(`integration database: ${process.env.TEST_DB === "postgres" ? "PostgreSQL" : "SQLite"}`);
  project.provide("databaseUrl", url);
  project.provide("dataDir", dataDir);
  return async () => {
    await teardown();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
