// Worker-thread entry. Plain ESM so Node starts it the same way under vitest, tsx and the Next.js production server
// (no TypeScript loader is active in a fresh worker); it then loads the TypeScript worker through tsx's scoped API.
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const tsconfig = fileURLToPath(new URL("../../tsconfig.json", import.meta.url)); // for the "@/…" path alias
await tsImport("./inference-worker.ts", { parentURL: import.meta.url, tsconfig });
