import { inject } from "vitest";

// Runs before each integration test file is imported, so lib/env sees the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATA_DIR = inject("dataDir");
process.env.LOG_LEVEL ??= "warn";

// As the web process and the workers do at start; imported after the env above, so lib/env sees the test database.
const { registerJobHandlers } = await import("@/lib/server/job-handlers");
registerJobHandlers();
