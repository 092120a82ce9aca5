"use client";

import { findingColour } from "@/lib/inference/vocabulary";
import { classThreshold } from "@/lib/review-ui/display-thresholds";
import type { DisplayFiltersState } from "./use-display-filters";

const pct = (v: number) => Math.round(v * 100);

// Display filters for AI suggestions: the global confidence slider, and per class a visibility toggle and (for classes
// the AI suggested) a confidence threshold with a reset to the model's default. Filtering never rejects a suggestion.
export function DisplayFilters({ f, classes, aiClasses }: { f: DisplayFiltersState; classes: string[]; aiClasses: ReadonlySet<string> }) {
  return (
    <section className="flex flex-col gap-2" aria-labelledby="display-filters-title" data-testid="display-filters">
      <h2 id="display-filters-title" className="text-xs font-medium text-slate-300">
        Display filters for AI suggestions
      </h2>
      <p className="text-[11px] text-slate-400">
        Hidden suggestions are not rejected: the decision stays yours. Defaults come from the model version.
      </p>
      <label className="flex flex-col gap-1 text-xs text-slate-300">
        <span>
          Show AI suggestions from {pct(f.thresholds.confidence)}% confidence (<kbd>8</kbd> −5 %, <kbd>9</kbd> +5 %)
        </span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={f.thresholds.confidence}
          onChange={(e) => f.setGlobal(Number(e.target.value))}
          data-testid="confidence-slider"
          data-default={f.defaults.confidence}
        />
      </label>
      {classes.length > 0 && (
        <fieldset className="flex flex-col gap-1" aria-label="Classes shown">
          {classes.map((c) => (
            <ClassFilterRow key={c} f={f} className={c} ai={aiClasses.has(c)} />
          ))}
        </fieldset>
      )}
    </section>
  );
}

function ClassFilterRow({ f, className: c, ai }: { f: DisplayFiltersState; className: string; ai: boolean }) {
  const value = classThreshold(f.thresholds, c);
  const modelDefault = classThreshold(f.defaults, c);
  const changed = c in f.choices.perClass;
  // A class without its own value in the version follows the global slider once reset.
  const resetTo =
    c in f.defaults.perClass ? `the model default (${pct(modelDefault)}%)` : `the global slider (${pct(f.thresholds.confidence)}%)`;
  return (
    <div className="flex items-center gap-1 rounded bg-slate-800 px-1.5 py-0.5 text-xs" data-testid={`class-filter-${c}`}>
      <label className="flex min-w-0 flex-1 items-center gap-1">
        <input type="checkbox" checked={!f.hidden.has(c)} onChange={() => f.toggleClass(c)} data-testid={`class-toggle-${c}`} />
        <span className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: findingColour(c) }} aria-hidden />
        <span className="truncate">{c}</span>
      </label>
      {ai && (
        <>
          <label
            className="flex items-center gap-0.5 text-slate-400"
            title={`Show ${c} AI suggestions from this confidence (model default ${pct(modelDefault)}%)`}
          >
            <span className="sr-only">{c}: show AI suggestions from (%)</span>
            ≥
            <input
              type="number"
              min={0}
              max={100}
              step={5}
              value={pct(value)}
              className="w-12 rounded bg-slate-900 px-1 text-right text-slate-200"
              onChange={(e) => e.target.value !== "" && f.setClass(c, Number(e.target.value) / 100)}
              data-testid={`class-threshold-${c}`}
              data-value={value}
              data-default={modelDefault}
            />
            %
          </label>
          <button
            type="button"
            className="rounded px-1 text-slate-400 hover:text-slate-100 disabled:opacity-30"
            disabled={!changed}
            onClick={() => f.resetClass(c)}
            aria-label={`Reset ${c} to ${resetTo}`}
            title={`Reset to ${resetTo}`}
            data-testid={`class-threshold-reset-${c}`}
          >
            ↺
          </button>
        </>
      )}
    </div>
  );
}
