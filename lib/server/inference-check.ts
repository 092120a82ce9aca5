import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ReadinessCheck } from "@/lib/schemas/health";
import { checkKserveModel } from "@/lib/inference/kserve-check";
import { log } from "@/lib/log";
import { kserveOptionsFor, modelBytesOf } from "@/lib/models/version-detector";

// The KServe v2 / Triton scale option, checked against the production model: served under the expected name, with
// the ONNX file's inputs and outputs, Triton's max_batch_size ≥ INFERENCE_MAX_BATCH, and one blank image through the
// configured tensor protocol (JSON or binary). Without it a misconfigured server reports "loaded" and then fails every
// prediction permanently. The probe inference runs at start and, in /api/ready, until it has passed once per version;
// after that the frequent readiness polls compare only the metadata (three GETs).
const probePassed = new Set<string>();

export async function checkInferenceServer(timeoutMs = env.INFERENCE_KSERVE_TIMEOUT_MS): Promise<ReadinessCheck> {
  const v = await db.modelVersion.findFirst({ where: { stage: "production" }, orderBy: { stagedAt: "desc" } });
  if (!v) return { ok: false, detail: "no production model" };
  const o = { ...kserveOptionsFor(v), timeoutMs };
  const probe = !probePassed.has(`${v.id}@${o.url}`);
  const r = await checkKserveModel(await modelBytesOf(v), o, { maxBatch: env.INFERENCE_MAX_BATCH, probe });
  if (probe && r.ok) probePassed.add(`${v.id}@${o.url}`);
  return r;
}

/** At start of a web process or worker: logs the outcome, loudly (error level, with what to fix) when it fails. */
export async function checkInferenceAtStart(): Promise<ReadinessCheck | undefined> {
  if (env.INFERENCE_BACKEND !== "kserve") return undefined;
  const r = await checkInferenceServer().catch((e: Error) => ({ ok: false, detail: e.message.split("\n")[0]! }));
  if (r.ok) log.info("inference server check passed", { url: env.INFERENCE_KSERVE_URL, detail: r.detail });
  else
    log.error(
      "INFERENCE SERVER CHECK FAILED: predictions will fail until the KServe/Triton server serves the production model as configured",
      {
        url: env.INFERENCE_KSERVE_URL,
        detail: r.detail,
        fix: "check INFERENCE_KSERVE_URL, INFERENCE_KSERVE_MODEL, INFERENCE_KSERVE_BINARY and INFERENCE_MAX_BATCH, or regenerate the repository with `npm run triton:repo`",
      },
    );
  return r;
}
