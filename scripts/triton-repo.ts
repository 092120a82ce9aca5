// npm run triton:repo -- --out DIR [--version ID]… [--stage production] [options]: the registry as a Triton model
// repository (onnxruntime backend), named as INFERENCE_KSERVE_MODEL expects, for `tritonserver --model-repository`.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { runCli } from "@/lib/cli/run-cli";
import { writeTritonRepo } from "@/lib/inference/triton-repo";
import { buildTritonRepo } from "@/lib/models/build-triton-repo";
import { MODEL_STAGES } from "@/lib/schemas/model";
import { tritonRepoOptionsSchema } from "@/lib/schemas/triton-repo";

const USAGE = `usage: npm run triton:repo -- --out DIR [options]
  --version ID                 a registered version (repeatable); default: every production, canary, staging and
                               shadow version
  --stage STAGE                every version in this stage (${MODEL_STAGES.join(", ")})
  --kind cpu|gpu               instance group kind (default cpu)
  --instances N                model instances (per GPU with --kind gpu; default 1)
  --max-batch N                max_batch_size of dynamic-batch models (default INFERENCE_MAX_BATCH: the app's batch)
  --preferred-batch 4,8        dynamic batcher's preferred sizes (default: half the max and the max)
  --max-queue-delay-us N       dynamic batcher's wait for a preferred batch (default 500)
  --tensorrt                   ONNX Runtime's TensorRT accelerator (GPU hosts; engines are built at model load)
  --tensorrt-precision FP16|FP32  (default FP16)
  --name-template T            model names, {name} {version} {sha256} (default INFERENCE_KSERVE_MODEL)`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: "string" },
      version: { type: "string", multiple: true },
      stage: { type: "string" },
      kind: { type: "string" },
      instances: { type: "string" },
      "max-batch": { type: "string" },
      "preferred-batch": { type: "string" },
      "max-queue-delay-us": { type: "string" },
      tensorrt: { type: "boolean" },
      "tensorrt-precision": { type: "string" },
      "name-template": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return (console.log(USAGE), 0);
  if (!values.out) throw new AppError("bad_request", "--out DIR is required.");
  if (values.version && values.stage) throw new AppError("bad_request", "Give --version or --stage, not both.");
  const stage = values.stage as (typeof MODEL_STAGES)[number] | undefined;
  if (stage !== undefined && !MODEL_STAGES.includes(stage))
    throw new AppError("bad_request", `--stage must be one of ${MODEL_STAGES.join(", ")}.`);
  const options = tritonRepoOptionsSchema.parse({
    kind: values.kind,
    instances: values.instances,
    maxBatch: values["max-batch"],
    preferredBatch: values["preferred-batch"],
    maxQueueDelayUs: values["max-queue-delay-us"],
    tensorrt: values.tensorrt ? "true" : undefined,
    tensorrtPrecision: values["tensorrt-precision"],
    nameTemplate: values["name-template"],
  });
  const out = path.resolve(values.out);
  const repo = await buildTritonRepo({ versionIds: values.version, stage }, options);
  fs.mkdirSync(out, { recursive: true });
  await writeTritonRepo(out, repo.files);
  console.log(`wrote a Triton model repository to ${out}:`);
  for (const [i, v] of repo.versions.entries()) {
    const c = repo.configs[i]!;
    const batching = c.maxBatchSize > 0 ? `max_batch_size ${c.maxBatchSize}, dynamic batching` : "fixed batch (max_batch_size 0)";
    console.log(
      `  ${v.tritonName}/  ← ${v.name} ${v.version} (${v.stage}, sha256 ${v.sha256.slice(0, 12)}…): ${batching}, ${c.instanceGroup[0]!.kind}`,
    );
  }
  console.log(
    `serve it with: tritonserver --model-repository=${out}   (INFERENCE_BACKEND=kserve INFERENCE_KSERVE_URL=http://<triton>:8000)`,
  );
  return 0;
}

runCli(main, USAGE);
