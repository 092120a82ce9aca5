"use client";

import { useState } from "react";
import { STATUS_LABEL } from "@/components/studies/status-chips";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Select } from "@/components/ui/field";
import { useAssignTasks } from "@/components/admin/use-assignments";
import { useUsers } from "@/components/admin/use-users";
import type { AssignmentKind, CreateAssignmentsBody } from "@/lib/schemas/assignment";
import { formatStudyDate } from "@/lib/studies/display-name";

const ROLES_FOR: Record<AssignmentKind, string[]> = { annotate: ["annotator"], double_read: ["radiologist", "admin"] };

/** Assign recent studies to one annotator, or to two readers for independent double reading. */
export function AssignForm() {
  const [kind, setKind] = useState<AssignmentKind>("annotate");
  const [assignees, setAssignees] = useState<[string, string]>(["", ""]);
  const [studyIds, setStudyIds] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState("");
  const users = useUsers().list;
  const { studies, create } = useAssignTasks();
  const eligible = (users.data?.users ?? []).filter((u) => !u.disabled && ROLES_FOR[kind].includes(u.role));
  const assign = {
    ...create,
    mutate: () =>
      create.mutate(
        {
          kind,
          studyIds: [...studyIds],
          ...(kind === "annotate" ? { assigneeId: assignees[0] } : { assigneeIds: assignees }),
        } as CreateAssignmentsBody,
        {
          onSuccess: (r) => {
            setMessage(`${r.created.length} task(s) created${r.skipped.length ? `, ${r.skipped.length} already existed` : ""}.`);
            setStudyIds(new Set());
          },
          onError: () => setMessage(""),
        },
      ),
  };
  const toggle = (id: string) =>
    setStudyIds((s) => {
      const n = new Set(s);
      if (!n.delete(id)) n.add(id);
      return n;
    });
  const picker = (i: 0 | 1, label: string) => (
    <Field label={label}>
      <Select
        value={assignees[i]}
        onChange={(e) => setAssignees((a) => (i === 0 ? [e.target.value, a[1]] : [a[0], e.target.value]))}
        data-testid={`assignee-${i}`}
      >
        <option value="">— choose —</option>
        {eligible.map((u) => (
          <option key={u.id} value={u.id}>
            {u.email} ({u.role})
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <form
      className="max-w-4xl space-y-3"
      data-testid="assign-form"
      onSubmit={(e) => {
        e.preventDefault();
        assign.mutate();
      }}
    >
      <div className="grid grid-cols-3 gap-3">
        <Field label="Task">
          <Select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as AssignmentKind);
              setAssignees(["", ""]);
            }}
            data-testid="assign-kind"
          >
            <option value="annotate">Annotate (one annotator)</option>
            <option value="double_read">Double read (two readers, independent)</option>
          </Select>
        </Field>
        {picker(0, kind === "annotate" ? "Annotator" : "Reader A")}
        {kind === "double_read" && picker(1, "Reader B")}
      </div>
      <div className="max-h-64 overflow-y-auto rounded border border-slate-800 p-2 text-sm" data-testid="assign-studies">
        {studies.isPending && <p className="text-slate-400">Loading studies…</p>}
        {studies.data?.items.map((s) => (
          <label key={s.id} className="flex items-center gap-2 py-0.5">
            <input
              type="checkbox"
              checked={studyIds.has(s.id)}
              onChange={() => toggle(s.id)}
              data-testid="assign-study"
              data-study-id={s.id}
            />
            <span className="font-mono text-xs" data-testid="assign-study-name">
              {s.displayName}
            </span>
            <span className="text-slate-400">
              {[
                ...(s.accessionNumber ? [s.description, `date ${formatStudyDate(s.studyDate)}`] : []),
                `received ${new Date(s.receivedAt).toLocaleString()}`,
                STATUS_LABEL[s.status],
              ]
                .filter(Boolean)
                .join(" · ")}
            </span>
          </label>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button
          type="submit"
          disabled={assign.isPending || studyIds.size === 0 || !assignees[0] || (kind === "double_read" && !assignees[1])}
          data-testid="assign-submit"
        >
          Assign {studyIds.size} stud{studyIds.size === 1 ? "y" : "ies"}
        </Button>
        {message && (
          <span className="text-sm text-emerald-300" data-testid="assign-result">
            {message}
          </span>
        )}
      </div>
      <ErrorText>{assign.error?.message}</ErrorText>
    </form>
  );
}
