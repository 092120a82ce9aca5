"use client";

import { useEffect, useRef, useState } from "react";
import { focusImage } from "@/components/viewer/focus-image";
import { findingColour } from "@/lib/inference/vocabulary";
import type { ReviewItem } from "@/lib/review-ui/review-items";
import { statusText } from "./overlay-box";

export interface RowActions {
  onSelect: (key: string) => void;
  onHover: (key: string | null) => void;
  onAccept: (item: ReviewItem) => void;
  onReject: (item: ReviewItem, reason?: string) => void;
  onEdit: (item: ReviewItem) => void;
  onDelete: (item: ReviewItem) => void;
  onClassChange: (item: ReviewItem, className: string) => void;
}

interface Props extends RowActions {
  item: ReviewItem;
  selected: boolean;
  hovered: boolean;
  editing: boolean;
  readOnly: boolean;
  classOptions: string[];
  classFirst?: boolean;
  showFrame?: boolean;
  number?: number; // the tag drawn beside the box on the image
  focusRequest?: { key: string; field: "reason" | "class"; n: number } | null; // a key asked to type into this row
}

const small = "rounded px-1.5 py-0.5 text-xs disabled:opacity-40";

export function FindingRow({
  item,
  selected,
  hovered,
  editing,
  readOnly,
  classOptions,
  classFirst,
  showFrame,
  number,
  focusRequest,
  ...a
}: Props) {
  const [reason, setReason] = useState(item.rejectReason ?? "");
  const reasonField = useRef<HTMLInputElement>(null);
  const classField = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (focusRequest?.key === item.key) (focusRequest.field === "reason" ? reasonField : classField).current?.focus();
  }, [focusRequest, item.key]);
  return (
    <li
      data-testid="finding-row"
      data-key={item.key}
      data-status={item.status}
      data-frame={item.frame}
      data-selected={selected ? "true" : undefined}
      className={`rounded border px-2 py-1.5 ${selected ? "border-sky-500 bg-slate-800" : hovered ? "border-slate-500 bg-slate-800/60" : "border-slate-800"}`}
      onPointerEnter={() => a.onHover(item.key)}
      onPointerLeave={() => a.onHover(null)}
      onClick={() => a.onSelect(item.key)}
    >
      <div className="flex items-center gap-2 text-sm">
        <span
          className="inline-grid h-4 min-w-4 shrink-0 place-items-center rounded-sm px-0.5 text-[10px] font-bold text-black"
          style={{ background: findingColour(item.className) }}
          data-testid="row-number"
          aria-label={number ? `Box ${number}` : undefined}
        >
          {number ?? ""}
        </span>
        <span className="min-w-0 flex-1 truncate">{statusText(item)}</span>
        {showFrame && (
          <span className="shrink-0 rounded bg-slate-800 px-1 text-xs text-slate-300" title={`On frame ${item.frame}`}>
            F{item.frame}
          </span>
        )}
      </div>
      {selected && !readOnly && (
        <div className="mt-1.5 flex flex-wrap items-center gap-1" onClick={(e) => e.stopPropagation()}>
          {item.kind === "ai" && (
            <>
              <button type="button" className={`${small} bg-emerald-800`} onClick={() => a.onAccept(item)} data-testid="row-accept">
                Accept (A)
              </button>
              <button type="button" className={`${small} bg-rose-900`} onClick={() => a.onReject(item)} data-testid="row-reject">
                Reject (R)
              </button>
            </>
          )}
          <button
            type="button"
            className={`${small} ${editing ? "bg-sky-700" : "bg-slate-700"}`}
            onClick={() => a.onEdit(item)}
            data-testid="row-edit"
          >
            Edit (E)
          </button>
          {item.kind === "reader" && (
            <button type="button" className={`${small} bg-slate-700`} onClick={() => a.onDelete(item)} data-testid="row-delete">
              Delete (D)
            </button>
          )}
          {(editing || classFirst) && (
            <select
              ref={classField}
              className="rounded bg-slate-900 px-1 py-0.5 text-xs"
              value={item.className}
              onChange={(e) => a.onClassChange(item, e.target.value)}
              data-testid="class-select"
              aria-label="Class"
              onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), focusImage())}
            >
              {classOptions.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
          {item.status === "rejected" && (
            <form
              className="flex w-full gap-1"
              onSubmit={(e) => {
                e.preventDefault();
                a.onReject(item, reason.trim());
                focusImage();
              }}
            >
              <input
                ref={reasonField}
                className="min-w-0 flex-1 rounded bg-slate-900 px-1 py-0.5 text-xs"
                placeholder="Reason (optional)"
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
                data-testid="reject-reason"
                aria-label="Reason for rejecting"
              />
              <button type="submit" className={`${small} bg-slate-700`}>
                Save
              </button>
            </form>
          )}
        </div>
      )}
    </li>
  );
}
