"use client";

import type { BrowserRun } from "./use-browser-inference";

interface Props {
  run: BrowserRun;
  canRun: boolean; // the server has predicted this study (there is a model version to run)
  shown: boolean;
  onRun: () => void;
  onToggle: () => void;
}

const fmt = (v: number) => v.toFixed(1);

// "Run in browser": the same model on this device for comparison with the server's AI suggestions.
export function BrowserInferencePanel({ run, canRun, shown, onRun, onToggle }: Props) {
  return (
    <section
      className="flex flex-col gap-1 rounded border border-slate-800 p-2 text-xs"
      data-testid="browser-inference"
      data-status={run.status}
    >
      <div className="flex items-center gap-2">
        <button
          type="button"
          className="rounded bg-slate-700 px-2 py-1 disabled:opacity-50"
          onClick={onRun}
          disabled={!canRun || run.status === "running"}
          data-testid="run-in-browser"
        >
          Run in browser (7)
        </button>
        {run.status === "done" && (
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={shown} onChange={onToggle} data-testid="browser-boxes-toggle" /> show on image
          </label>
        )}
      </div>
      {run.status === "running" && <p className="text-slate-400">{run.step}…</p>}
      {run.status === "error" && (
        <p className="text-red-400" role="alert">
          {run.message}
        </p>
      )}
      {run.status === "done" && (
        <>
          <p
            className="text-slate-300"
            data-testid="browser-summary"
            data-count={run.boxes.length}
            data-model-ms={run.inferenceMs.toFixed(1)}
          >
            Browser (WASM) result: {run.boxes.length} boxes, {Math.round(run.ms)} ms ({Math.round(run.inferenceMs)} ms model) · {run.model}
          </p>
          <p className="text-slate-400" data-testid="browser-backend">
            {run.backend}
          </p>
          <p className="text-slate-400">AI suggestions computed on this device, for comparison only; the findings are yours.</p>
          <ul className="flex flex-col gap-0.5 font-mono" data-testid="browser-box-list">
            {run.boxes.map((b, i) => (
              <li
                key={i}
                data-testid="browser-box"
                data-instance-id={b.instanceId}
                data-class={b.finding}
                data-confidence={b.confidence}
                data-box={b.box.join(",")}
              >
                AI suggestion · {b.finding} {Math.round(b.confidence * 100)}% [{b.box.map(fmt).join(", ")}]
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
