import type { CanaryRule } from "@/lib/schemas/model";
import type { PerformancePoint } from "@/lib/performance/aggregate-performance";

export type CanaryDecision = { rollback: boolean; reason: string };

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

// The canary rule: roll back when, over at least N reviewed studies on each side (signed off since the canary
// started), the canary's acceptance rate is below production's by more than X (absolute).
export function decideCanary(rule: CanaryRule, canary: PerformancePoint, production: PerformancePoint): CanaryDecision {
  if (!rule.enabled) return { rollback: false, reason: "the canary rule is off" };
  if (canary.studies < rule.minReviewedStudies || production.studies < rule.minReviewedStudies)
    return {
      rollback: false,
      reason: `waiting for ${rule.minReviewedStudies} reviewed studies on each (canary ${canary.studies}, production ${production.studies})`,
    };
  if (canary.acceptanceRate === null || production.acceptanceRate === null)
    return { rollback: false, reason: "no AI boxes shown yet on one side" };
  const drop = production.acceptanceRate - canary.acceptanceRate;
  const numbers = `acceptance ${pct(canary.acceptanceRate)} on the canary vs ${pct(production.acceptanceRate)} on production (drop ${pct(Math.max(0, drop))}, limit ${pct(rule.maxAcceptanceDrop)}) over ${canary.studies} canary / ${production.studies} production studies`;
  return drop > rule.maxAcceptanceDrop + 1e-9
    ? { rollback: true, reason: `canary rule: ${numbers}` }
    : { rollback: false, reason: numbers };
}
