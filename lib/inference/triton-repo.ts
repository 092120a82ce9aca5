import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { zipSync } from "fflate";
import { AppError } from "@/lib/errors";
import type { TensorInfo } from "./model-metadata";
import { tritonModelConfig, type TritonConfigOptions, type TritonModelConfig } from "./triton-config";
import { toPbtxt } from "./triton-pbtxt";

// A Triton model repository (https://github.com/triton-inference-server/server/blob/main/docs/user_guide/model_repository.md)
// for registered ONNX versions: `<name>/config.pbtxt` + `<name>/1/model.onnx` per model. One version directory per
// model, because the app's KServe client asks for `/v2/models/<name>` without a version, and Triton would then
// answer with whichever version its policy picks: distinct versions need distinct names (INFERENCE_KSERVE_MODEL).

export interface TritonRepoModel {
  /** The Triton model name (INFERENCE_KSERVE_MODEL applied to the version). */
  name: string;
  onnx: Uint8Array;
  inputs: readonly TensorInfo[];
  outputs: readonly TensorInfo[];
  /** For the error message when two versions collide on one name. */
  label: string;
}

export interface TritonRepoFile {
  path: string;
  data: Uint8Array;
}

export const TRITON_MODEL_VERSION_DIR = "1";

/** The files of the repository, in a stable order, and each model's config. Pure. */
export function tritonRepoFiles(
  models: readonly TritonRepoModel[],
  o: TritonConfigOptions,
): { files: TritonRepoFile[]; configs: TritonModelConfig[] } {
  if (models.length === 0) throw new AppError("not_found", "No model versions to write");
  const seen = new Map<string, string>();
  for (const m of models) {
    const other = seen.get(m.name);
    if (other) {
      throw new AppError(
        "conflict",
        `${other} and ${m.label} would both be served as '${m.name}': put {version} or {sha256} in INFERENCE_KSERVE_MODEL (or pick one version)`,
      );
    }
    seen.set(m.name, m.label);
  }
  const configs = models.map((m) => tritonModelConfig(m.name, m.inputs, m.outputs, o));
  // The ONNX before its config: Triton's repository polling loads a model once its config.pbtxt appears.
  const files = models.flatMap((m, i) => [
    { path: `${m.name}/${TRITON_MODEL_VERSION_DIR}/model.onnx`, data: m.onnx },
    { path: `${m.name}/config.pbtxt`, data: new TextEncoder().encode(toPbtxt(configs[i]!)) },
  ]);
  return { files, configs };
}

/** The repository as one zip (ONNX stored, not deflated: it barely compresses). */
export function zipTritonRepo(files: readonly TritonRepoFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.path, [f.data, { level: f.path.endsWith(".onnx") ? 0 : 6 }]])));
}

/** Writes the files under `dir`; each file goes to a temp name first, so Triton's polling never sees half a model. */
export async function writeTritonRepo(dir: string, files: readonly TritonRepoFile[]): Promise<void> {
  for (const f of files) {
    const target = path.join(dir, f.path);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.tmp-${process.pid}`;
    await writeFile(tmp, f.data);
    await rename(tmp, target);
  }
}
