"use client";

import { Fragment, useState } from "react";
import { EvaluationDetails, EvaluationSummary } from "@/components/admin/models/evaluation-summary";
import { OptimizationSummary, OptimizeAction } from "@/components/admin/models/optimization-summary";
import { StageActions } from "@/components/admin/models/stage-actions";
import type { RegistryEntryDto } from "@/lib/schemas/model-registry";

const STAGE_STYLE: Record<string, string> = {
  production: "bg-emerald-800 text-emerald-100",
  canary: "bg-amber-700 text-amber-50",
  staging: "bg-sky-800 text-sky-100",
  registered: "bg-slate-700 text-slate-200",
  archived: "bg-slate-800 text-slate-400",
};

export function ModelRow({ model, onChanged, onOptimizeQueued }: { model: RegistryEntryDto; onChanged: () => void; onOptimizeQueued?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <tr className="border-t border-slate-800 align-top" data-testid="model-row" data-model={`${model.name} ${model.version}`} data-stage={model.stage}>
        <td className="py-2 pr-3">
          <button onClick={() => setOpen(!open)} className="text-left hover:underline" aria-expanded={open} data-testid="model-expand">
            {open ? "▾" : "▸"} {model.name} <span className="text-slate-400">{model.version}</span>
          </button>
        </td>
        <td className="py-2 pr-3">
          <span className={`rounded px-2 py-0.5 text-xs ${STAGE_STYLE[model.stage] ?? ""}`} data-testid="model-stage">
            {model.stage}
            {model.stage === "canary" && ` ${Math.round(model.canaryShare * 100)} %`}
            {model.shadow && " · shadow"}
          </span>
        </td>
        <td className="py-2 pr-3">
          <EvaluationSummary evaluation={model.evaluation} />
          {model.optimization && <OptimizationSummary optimization={model.optimization} />}
        </td>
        <td className="py-2">
          <StageActions model={model} onChanged={onChanged} />
        </td>
      </tr>
      {open && (
        <tr data-testid="model-details" data-model={`${model.name} ${model.version}`}>
          <td colSpan={4} className="grid grid-cols-2 gap-6 pb-4 pl-6">
            <div className="space-y-3">
              <EvaluationDetails evaluation={model.evaluation} />
              <OptimizeAction model={model} onQueued={onOptimizeQueued ?? onChanged} />
            </div>
            <div>
              <h3 className="text-xs text-slate-400">Serve on Triton (model repository zip)</h3>
              <p className="mb-3 flex gap-3 text-xs">
                <a className="underline" href={`/api/v1/models/${model.id}/triton-repo`} download data-testid="triton-repo-cpu">
                  CPU
                </a>
                <a className="underline" href={`/api/v1/models/${model.id}/triton-repo?kind=gpu`} download data-testid="triton-repo-gpu">
                  GPU
                </a>
                <a className="underline" href={`/api/v1/models/${model.id}/triton-repo?kind=gpu&tensorrt=true`} download data-testid="triton-repo-gpu-trt">
                  GPU + TensorRT
                </a>
              </p>
              <h3 className="text-xs text-slate-400">Stage history</h3>
              <ul className="text-xs" data-testid="stage-history">
                {model.stageHistory.map((c) => (
                  <li key={c.id}>
                    {new Date(c.at).toLocaleString()} · {c.from} → {c.to}
                    {c.automatic && <span className="text-amber-300"> (automatic)</span>}
                    {c.reason && <span className="text-slate-400"> — {c.reason}</span>}
                  </li>
                ))}
              </ul>
            </div>
          </td>
        </tr>
      )}
    </Fragment>
  );
}
