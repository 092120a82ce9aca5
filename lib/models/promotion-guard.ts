import { AppError } from "@/lib/errors";

export type Score = { map50: number | null } | null;

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "none" : v.toFixed(3));

// A promotion to canary or production must not quietly serve a version that evaluated worse than production:
// below production's mAP@0.5 (or unevaluated while production has a figure) needs an explicit override reason.
export function promotionShortfall(to: string, candidate: Score, production: Score): string | null {
  if (to !== "canary" && to !== "production") return null;
  const prod = production?.map50;
  if (prod === null || prod === undefined) return null;
  const mine = candidate?.map50;
  if (mine !== null && mine !== undefined && mine >= prod) return null;
  return `This version's mAP@0.5 (${fmt(mine)}) is below production's (${fmt(prod)}).`;
}

export function assertPromotionAllowed(to: string, candidate: Score, production: Score, overrideReason?: string): void {
  const shortfall = promotionShortfall(to, candidate, production);
  if (shortfall && !overrideReason)
    throw new AppError("unprocessable", `${shortfall} Give an override reason to promote it anyway.`, {
      overrideRequired: true,
      candidateMap50: candidate?.map50 ?? null,
      productionMap50: production?.map50 ?? null,
    });
}

// The mAP a promotion relies on must come from the engine the version will run on: an evaluation on fp32 ONNX Runtime
// says nothing certain about OpenVINO in bf16 (its outputs differ). Evaluations from before engines were recorded
// (evaluatedOn null) are not held against a version.
export function engineMismatch(to: string, evaluatedOn: string | null, servedOn: string): string | null {
  if (to !== "canary" && to !== "production") return null;
  if (!evaluatedOn || evaluatedOn === servedOn) return null;
  return `This version was evaluated on ${evaluatedOn} but would run on ${servedOn}, whose outputs differ (e.g. bf16): re-evaluate it there first.`;
}

export function assertEngineEvaluated(to: string, evaluatedOn: string | null, servedOn: string, overrideReason?: string): void {
  const mismatch = engineMismatch(to, evaluatedOn, servedOn);
  if (mismatch && !overrideReason)
    throw new AppError("unprocessable", `${mismatch} Give an override reason to promote it anyway.`, { overrideRequired: true, evaluatedOn, servedOn });
}
