import path from "node:path";

// Where `npm run build` writes the inference worker compiled to one ESM file (build-worker.ts), beside Next's build
// output. Relative to the working directory the server runs in (the repository root, as `npm start` sets it); the
// bundle imports its packages by name, which Node resolves from there through ./node_modules.
export const COMPILED_WORKER_FILE = path.join(".next", "cxr", "inference-worker.mjs");
