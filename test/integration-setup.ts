import { inject } from "vitest";

// Runs before each integration test file is imported, so lib/env sees the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATA_DIR = inject("dataDir");
process.env.LOG_LEVEL ??= "warn";
