import type { Actor } from "@/lib/audit/record-audit";
import { requestEvaluation } from "@/lib/evaluation/evaluation-job";
import { registerModel } from "@/lib/models/register-model";

// Every registration that adds a candidate — an upload, a training run, `optimize` — queues the registry evaluation
// (held-out signed-off reviews, through the version's serving engine), so no version reaches a stage unmeasured.
export async function registerAndEvaluate(actor: Actor, bytes: Uint8Array, card: unknown) {
  const version = await registerModel(actor, bytes, card);
  const { evaluationId } = await requestEvaluation(version.id);
  return { version, evaluationId };
}
