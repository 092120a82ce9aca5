// Part of `npm run build` (after `next build`, which empties .next): the inference worker compiled to one file that
// the worker pool runs in production (lib/inference/build-worker.ts).
import { buildInferenceWorker } from "@/lib/inference/build-worker";
import { COMPILED_WORKER_FILE } from "@/lib/inference/compiled-worker";

const { outfile, inputs } = await buildInferenceWorker(COMPILED_WORKER_FILE);
console.log(`built ${outfile} (${inputs.length} source files)`);
