"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/field";
import { kindText, ReasonChip } from "@/components/tasks/reason-chip";
import { useAssignments } from "@/components/admin/use-assignments";

/** Every task (open first), cancel for open ones, and the automatic assignment run. */
export function AssignmentTable() {
  const [status, setStatus] = useState<"open" | "done">("open");
  const [note, setNote] = useState("");
  const [watchUntil, setWatchUntil] = useState(0); // after queuing a run, refresh for a while so its tasks show up
  const { list, cancel, auto: autoRun } = useAssignments(status, { watchUntil });
  const auto = {
    ...autoRun,
    mutate: () =>
      autoRun.mutate(undefined, {
        onSuccess: (r) => {
          setNote(
            r.alreadyQueued ? `A run is already queued (job ${r.jobId}).` : `Queued (job ${r.jobId}); new tasks appear below as it runs.`,
          );
          setWatchUntil(Date.now() + 30_000);
        },
      }),
  };
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-3">
        <select
          className="rounded border border-slate-700 bg-slate-900 px-1 py-1 text-sm"
          value={status}
          onChange={(e) => setStatus(e.target.value as "open" | "done")}
          aria-label="Status"
          data-testid="assignment-status-filter"
        >
          <option value="open">Open</option>
          <option value="done">Done</option>
        </select>
        <Button variant="secondary" onClick={() => auto.mutate()} disabled={auto.isPending} data-testid="run-auto-assign">
          Run automatic assignment
        </Button>
        {note && (
          <span className="text-sm text-slate-300" data-testid="auto-assign-note">
            {note}
          </span>
        )}
      </div>
      <ErrorText>{list.error?.message ?? cancel.error?.message ?? auto.error?.message}</ErrorText>
      <table className="w-full max-w-5xl text-left text-sm" data-testid="assignment-table">
        <thead className="text-slate-400">
          <tr>
            <th className="py-2">Study</th>
            <th>Assignee</th>
            <th>Task</th>
            <th>Why</th>
            <th>Created</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.data?.assignments.map((a) => (
            <tr key={a.id} className="border-t border-slate-800" data-testid="assignment-row" data-study-id={a.studyId}>
              <td className="py-2 font-mono text-xs">{a.study.displayName}</td>
              <td>{a.assignee.email}</td>
              <td>{kindText(a.kind)}</td>
              <td>
                <ReasonChip reason={a.reason} />
              </td>
              <td className="text-slate-400">{new Date(a.completedAt ?? a.createdAt).toLocaleString()}</td>
              <td>
                {a.status === "open" && (
                  <Button variant="danger" className="px-2 py-0.5 text-xs" onClick={() => cancel.mutate(a.id)} disabled={cancel.isPending}>
                    Cancel
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data?.assignments.length === 0 && <p className="text-slate-400">No {status} tasks.</p>}
    </div>
  );
}
