import type { OptimizationDto } from "@/lib/schemas/model-registry";

type Eval = { status: string; map50: number | null; latencyP50Ms: number | null } | null;
type Sibling = { id: string; sha256: string; evaluation: Eval };
type CardOptimization = {
  method?: string;
  base?: { name?: string; version?: string; sha256?: string };
  calibration?: { images?: number };
  comparison?: { float?: { map50?: number | null; latency_p50_ms?: number | null }; int8?: { map50?: number | null; latency_p50_ms?: number | null }; map50_delta?: number | null } | null;
};

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

export function optimizationOf(card: unknown, evaluation: Eval, versions: readonly Sibling[]): OptimizationDto | null {
  const opt = (card as { optimization?: CardOptimization } | null)?.optimization;
  if (!opt?.base) return null;
  const base = versions.find((v) => v.sha256 === opt.base!.sha256) ?? null;
  const c = opt.comparison;
  const done = (e: Eval) => (e?.status === "succeeded" ? e : null);
  const [f, q] = [done(base?.evaluation ?? null), done(evaluation)];
  return {
    method: opt.method ?? "",
    precision: "int8",
    base: { id: base?.id ?? null, name: opt.base.name ?? "", version: opt.base.version ?? "" },
    calibrationImages: num(opt.calibration?.images),
    exportComparison: c ? { floatMap50: num(c.float?.map50), int8Map50: num(c.int8?.map50), map50Delta: num(c.map50_delta), floatLatencyMs: num(c.float?.latency_p50_ms), int8LatencyMs: num(c.int8?.latency_p50_ms) } : null,
    heldOut: f && q ? { floatMap50: f.map50, int8Map50: q.map50, map50Delta: delta(f.map50, q.map50), floatLatencyMs: f.latencyP50Ms, int8LatencyMs: q.latencyP50Ms } : null,
  };
}
