import { defineConfig } from "vitest/config";

// Two projects: fast pure unit tests, and integration tests that hit a real database or server.
export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/*.faults.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**", "training/**"],
          environment: "node",
          globalSetup: ["test/integration-global-setup.ts"],
          setupFiles: ["test/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The API clients (clients/python, clients/typescript) against the real production server (needs `next build`).
          name: "clients",
          include: ["test/clients/**/*.clients.test.ts"],
          environment: "node",
          setupFiles: ["test/faults/support/setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Faults and abuse against the real production server (needs `next build`); prints a figures table.
          name: "faults",
          include: ["test/faults/**/*.faults.test.ts"],
          environment: "node",
          globalSetup: ["test/faults/support/global-setup.ts"],
          setupFiles: ["test/faults/support/setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The scale layout as real processes (2 webs behind a proxy, workers, PostgreSQL, Redis, S3, Triton): `npm run test:cluster`.
          name: "cluster",
          include: ["test/cluster/**/*.cluster.test.ts"],
          environment: "node",
          globalSetup: ["test/faults/support/global-setup.ts"],
          setupFiles: ["test/faults/support/setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The API contract fuzzed by schemathesis against the production server (needs `next build`).
          name: "contract",
          include: ["test/contract/**/*.contract.test.ts"],
          environment: "node",
          setupFiles: ["test/faults/support/setup.ts"],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
