// Gives each integration run a fresh, migrated database: SQLite (default) or PostgreSQL with TEST_DB=postgres.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTempDb } from "./support/temp-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-it-"));
  const postgres = process.env.TEST_DB === "postgres";
  const database = await createTempDb(postgres ? "postgres" : "sqlite", "cxr_it");
  console.log(`integration database: ${postgres ? "PostgreSQL" : "SQLite"}`);
  project.provide("databaseUrl", database.url);
  project.provide("dataDir", dataDir);
  return async () => {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
