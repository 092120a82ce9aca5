"use client";

import type { PacsPushDto } from "@/lib/schemas/pacs-push";
import { usePacsPushes } from "./use-pacs-pushes";

const STATE_STYLE: Record<PacsPushDto["state"], string> = {
  queued: "bg-slate-600",
  sending: "bg-sky-700",
  retrying: "bg-amber-700",
  sent: "bg-emerald-700",
  failed: "bg-red-700",
};
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

function PushRow({ p }: { p: PacsPushDto }) {
  return (
    <li
      className="flex flex-col gap-0.5 rounded border border-slate-800 p-1.5"
      data-testid="pacs-push"
      data-connection={p.connection.name}
      data-state={p.state}
      data-trigger={p.trigger}
    >
      <div className="flex items-center justify-between gap-2">
        <span
          className="truncate text-slate-200"
          title={`${p.connection.name} (${p.connection.protocol === "stow" ? "STOW-RS" : "C-STORE"})`}
        >
          {p.connection.name}
        </span>
        <span className={`rounded px-1.5 py-0.5 text-[11px] uppercase ${STATE_STYLE[p.state]}`} data-testid="pacs-push-state">
          {p.state}
        </span>
      </div>
      {p.state === "sent" && (
        <span className="text-slate-400">
          Sent {time(p.sentAt)} · {p.remoteStatus}
        </span>
      )}
      {p.error && p.state !== "sent" && (
        <span className="text-red-300" data-testid="pacs-push-error">
          {p.error}
        </span>
      )}
      {p.state === "retrying" && (
        <span className="text-slate-400">
          Next try {time(p.nextTryAt)} (try {p.attempts})
        </span>
      )}
      {p.state === "failed" && <span className="text-slate-400">Last try {time(p.lastTriedAt)}</span>}
    </li>
  );
}

/** The results (SR + GSPS) in the PACS: status per destination and "Send to PACS" to send them (again). */
export function PacsPushStatus({ studyId }: { studyId: string }) {
  const { query, send } = usePacsPushes(studyId);
  const pushes = query.data ?? [];
  return (
    <section className="flex flex-col gap-1 text-xs" data-testid="pacs-pushes" aria-label="Results in the PACS">
      <h3 className="text-slate-400">Results in the PACS (SR + presentation state)</h3>
      {query.isError && <p className="text-red-300">{query.error.message}</p>}
      {query.isSuccess && pushes.length === 0 && <p className="text-slate-400">Not sent to any PACS yet.</p>}
      <ul className="flex flex-col gap-1">
        {pushes.map((p) => (
          <PushRow key={p.id} p={p} />
        ))}
      </ul>
      <button
        type="button"
        className="rounded bg-slate-700 px-3 py-1.5 hover:bg-slate-600 disabled:opacity-50"
        disabled={send.isPending}
        onClick={() => send.mutate(undefined)}
        data-testid="send-to-pacs"
        title="Store the signed-off SR and presentation state in every PACS that receives results"
      >
        {send.isPending ? "Sending…" : "Send to PACS"}
      </button>
      {send.isError && (
        <p className="text-red-300" role="alert" data-testid="send-to-pacs-error">
          {send.error.message}
        </p>
      )}
    </section>
  );
}
