"use client";

import type { ReactNode } from "react";
import type { ReviewItem } from "@/lib/review-ui/review-items";
import type { Impression } from "@/lib/schemas/review";
import { FindingRow, type RowActions } from "./finding-row";

interface Props extends RowActions {
  modelName: string | null;
  items: ReviewItem[]; // the visible ones, in list order
  filters: ReactNode; // the display filters for AI suggestions (slider, per-class toggles and thresholds)
  selectedKey: string | null;
  hoveredKey: string | null;
  editing: boolean;
  readOnly: boolean;
  classOptions: string[];
  adding: boolean;
  onToggleAdd: () => void;
  impression: Impression | null;
  onImpression: (i: Impression) => void;
  onSignOff: () => void;
  canSignOff: boolean;
  srHref: string | null; // the DICOM SR download, once the study is signed off
  results?: ReactNode; // where the signed-off results went (PACS push status, "Send to PACS")
  showSignOff?: boolean; // false for annotation: it is completed as a task instead
  classFirst?: boolean; // annotation: the class picker shows as soon as a box is selected
  showFrames?: boolean; // a multi-frame study: each row names its frame
  footer?: ReactNode;
  focusRequest?: { key: string; field: "reason" | "class"; n: number } | null; // a key asked to type into a row's field
  children?: ReactNode; // the new-box class picker, when a box was just drawn
}

export function ReviewPanel(p: Props) {
  return (
    // The list scrolls; the impression, sign-off and SR stay pinned at the bottom, always in reach without page scroll.
    <aside className="flex h-full flex-col text-sm" data-testid="review-panel" aria-label="Review">
      <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto p-3">
        <p className="text-xs text-slate-400" data-testid="model-version">
          AI suggestions from <span className="text-slate-200">{p.modelName ?? "no model (no prediction yet)"}</span>. They are proposals;{" "}
          {p.showSignOff === false ? "the boxes you keep are yours." : "the findings and the sign-off are yours."}
        </p>
        {p.filters}
        <ul className="flex flex-col gap-1" data-testid="finding-list">
          {p.items.length === 0 && <li className="text-slate-400">No boxes shown.</li>}
          {p.items.map((it, n) => (
            <FindingRow
              key={it.key}
              item={it}
              number={n + 1}
              focusRequest={p.focusRequest}
              selected={it.key === p.selectedKey}
              hovered={it.key === p.hoveredKey}
              editing={p.editing && it.key === p.selectedKey}
              classFirst={p.classFirst}
              showFrame={p.showFrames}
              readOnly={p.readOnly}
              classOptions={p.classOptions}
              onSelect={p.onSelect}
              onHover={p.onHover}
              onAccept={p.onAccept}
              onReject={p.onReject}
              onEdit={p.onEdit}
              onDelete={p.onDelete}
              onClassChange={p.onClassChange}
            />
          ))}
        </ul>
        {!p.readOnly && (
          <button
            type="button"
            onClick={p.onToggleAdd}
            data-testid="add-box"
            aria-pressed={p.adding}
            className={`rounded px-2 py-1 text-xs ${p.adding ? "bg-sky-700" : "bg-slate-700"}`}
          >
            {p.adding ? "Drawing: drag on the image (Esc to stop)" : "Add a missed finding (B)"}
          </button>
        )}
        {p.children}
      </div>
      <div className="flex flex-col gap-2 border-t border-slate-800 p-3" data-testid="review-panel-footer">
        <fieldset className="flex flex-col gap-1" disabled={p.readOnly} data-testid="impression">
          <legend className="mb-1 text-xs text-slate-400">Impression</legend>
          {(["no_finding", "abnormal"] as const).map((i) => (
            <label key={i} className="flex items-center gap-2">
              <input
                type="radio"
                name="impression"
                checked={p.impression === i}
                onChange={() => p.onImpression(i)}
                data-testid={`impression-${i}`}
              />
              {i === "no_finding" ? "No finding (Y)" : "Abnormal (Q)"}
            </label>
          ))}
        </fieldset>
        {p.footer}
        {!p.readOnly && p.showSignOff !== false && (
          <button
            type="button"
            className="rounded bg-sky-700 px-3 py-1.5 font-medium hover:bg-sky-600 disabled:opacity-50"
            onClick={p.onSignOff}
            disabled={!p.canSignOff}
            data-testid="sign-off"
          >
            Sign off (S)
          </button>
        )}
        {p.srHref && (
          <a
            href={p.srHref}
            download
            className="rounded bg-slate-700 px-3 py-1.5 text-center text-xs hover:bg-slate-600"
            data-testid="download-sr"
            title="The signed-off findings as a DICOM Structured Report (TID 1500), to send to the PACS with the study"
          >
            Download SR (DICOM) (6)
          </a>
        )}
        {p.results}
        <p className="text-xs text-slate-400" data-testid="review-legend">
          Every action has a key: press <kbd className="font-mono text-sky-300">?</kbd> for the list.
        </p>
      </div>
    </aside>
  );
}
