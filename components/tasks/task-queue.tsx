"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ErrorText } from "@/components/ui/field";
import { fetchJson } from "@/lib/http/fetch-json";
import type { AssignmentDto } from "@/lib/schemas/assignment";
import { kindText, ReasonChip, taskHref } from "./reason-chip";

/** The signed-in user's open tasks, oldest first, each opening the viewer configured for it. */
export function TaskQueue() {
  const tasks = useQuery({
    queryKey: ["my-tasks"],
    queryFn: () => fetchJson<{ assignments: AssignmentDto[] }>("/api/v1/assignments?mine=1"),
  });
  if (tasks.isPending) return <p className="text-slate-400">Loading tasks…</p>;
  if (tasks.isError) return <ErrorText>{tasks.error.message}</ErrorText>;
  const list = tasks.data.assignments;
  if (list.length === 0)
    return (
      <p className="text-slate-400" data-testid="no-tasks">
        No open tasks.
      </p>
    );
  return (
    <table className="w-full max-w-4xl text-left text-sm" data-testid="task-table">
      <thead className="text-slate-400">
        <tr>
          <th className="py-2">Study</th>
          <th>Task</th>
          <th>Why</th>
          <th>AI priority</th>
          <th>Assigned</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {list.map((t) => (
          <tr key={t.id} className="border-t border-slate-800" data-testid="task-row" data-study-id={t.studyId} data-task-id={t.id}>
            <td className="py-2 font-mono text-xs" data-testid="task-study-name">
              {t.study.displayName}
            </td>
            <td>{kindText(t.kind)}</td>
            <td>
              <ReasonChip reason={t.reason} />
            </td>
            <td>{t.study.aiPriority === null ? "—" : `${Math.round(t.study.aiPriority * 100)}%`}</td>
            <td className="text-slate-400">{new Date(t.createdAt).toLocaleString()}</td>
            <td>
              <Link href={taskHref(t)} className="text-sky-400 underline" data-testid="open-task">
                Open
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
