import type { EvaluationDto } from "@/lib/schemas/model-registry";

const f3 = (v: number | null) => (v === null ? "–" : v.toFixed(3));

// The latest evaluation of a version in one line; queued, running, failed and "no data" said plainly.
export function EvaluationSummary({ evaluation }: { evaluation: EvaluationDto | null }) {
  if (!evaluation) return <span className="text-slate-400">not evaluated</span>;
  if (evaluation.status === "no_data") return <span className="text-amber-300" data-testid="evaluation-no-data">no signed-off reviews yet</span>;
  if (evaluation.status === "failed") return <span className="text-rose-400" title={evaluation.error ?? ""}>evaluation failed</span>;
  if (evaluation.status !== "succeeded") return <span className="text-slate-400" data-testid="evaluation-pending">evaluation {evaluation.status}…</span>;
  return (
    <span className="font-mono text-xs" data-testid="evaluation-metrics">
      mAP@0.5 {f3(evaluation.map50)} · mAP@0.4 {f3(evaluation.map40)} · FP/img {f3(evaluation.fpPerImage)} · p50 {evaluation.latencyP50Ms?.toFixed(0) ?? "–"} ms · {evaluation.imageCount} img
    </span>
  );
}

export function EvaluationDetails({ evaluation }: { evaluation: EvaluationDto | null }) {
  if (!evaluation?.perClassAp) return null;
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-400">{evaluation.datasetDescription}</p>
      <table className="text-xs" data-testid="per-class-ap">
        <thead className="text-slate-400">
          <tr>
            <th className="pr-4 text-left">class</th>
            <th className="pr-4">AP@0.5</th>
            <th className="pr-4">AP@0.4</th>
            <th>reader boxes</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {Object.entries(evaluation.perClassAp).map(([name, r]) => (
            <tr key={name}>
              <td className="pr-4 font-sans">{name}</td>
              <td className="pr-4 text-center">{f3(r.ap50)}</td>
              <td className="pr-4 text-center">{f3(r.ap40)}</td>
              <td className="text-center">{r.gt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
