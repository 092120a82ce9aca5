import { env } from "@/lib/env";
import { registerReadinessCheck } from "@/lib/health/check-readiness";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { findProductionVersion } from "@/lib/models/production-version";
import { engineFor } from "@/lib/models/version-detector";
import { checkInferenceServer } from "@/lib/server/inference-check";
import { getStorage } from "@/lib/storage/get-storage";

const production = () => findProductionVersion();

// What /api/ready asks besides the database: each backend the app needs to accept and process work.
export function registerBackendReadinessChecks(): void {
  registerReadinessCheck("storage", async () => {
    const s = await getStorage();
    await s.ping();
    return { ok: true, detail: s.kind };
  });
  const queue = getJobQueue();
  // The database queue lives in the database (checked already); Redis is its own backend.
  registerReadinessCheck("jobQueue", async () => {
    await queue.ping();
    return { ok: true, detail: queue.kind };
  });
  registerReadinessCheck("model", async () => {
    const v = await production();
    if (!v) return { ok: false, detail: "no production model" };
    const engine = await engineFor(v); // loaded once, then cached
    return { ok: true, detail: `${v.name} ${v.version} loaded on ${engine.providerUsed}` };
  });
  if (env.INFERENCE_BACKEND === "kserve")
    // The engine above is cached once opened: ask the server itself whether it serves the model as configured now.
    registerReadinessCheck("inference", () => checkInferenceServer(env.READY_CHECK_TIMEOUT_MS));
}
