import { beforeAll, inject } from "vitest";

// Runs before each integration test file is imported, so lib/env sees the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATA_DIR = inject("dataDir");
process.env.LOG_LEVEL ??= "warn";

// As the web process and the workers do at start. In a hook, not at import: it loads lib/env, and a test file that
// configures a scale option (INFERENCE_BACKEND=kserve …) sets its environment at its own top level, before lib/env.
beforeAll(async () => {
  const { registerJobHandlers } = await import("@/lib/server/job-handlers");
  registerJobHandlers();
});
