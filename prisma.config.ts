import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline: Prisma's native schema engine cannot be downloaded here; use the
// WebAssembly schema engine through driver adapters instead (scripts/schema-engine-wasm.mjs).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/schema-engine-wasm.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: { url: process.env.DATABASE_URL ?? "file:./.data/cxr-review.db" },
});
