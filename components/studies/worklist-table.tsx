"use client";

import Link from "next/link";
import { RerunPredictionButton } from "@/components/studies/rerun-prediction-button";
import { StatusBadge } from "@/components/studies/status-chips";
import type { WorklistParams } from "@/components/studies/use-worklist-query";
import type { WorklistItem } from "@/lib/schemas/study";
import { formatStudyDate } from "@/lib/studies/display-name";

type SortKey = "received" | "studyDate" | "aiPriority";

function SortHeader({
  k,
  label,
  params,
  update,
}: {
  k: SortKey;
  label: string;
  params: WorklistParams;
  update: (p: Partial<WorklistParams>) => void;
}) {
  const active = (params.sort || "received") === k;
  const dir = params.dir || "desc";
  return (
    <th className="py-2">
      <button
        onClick={() => update({ sort: k, dir: active && dir === "desc" ? "asc" : "desc" })}
        className="hover:text-white"
        data-testid={`sort-${k}`}
      >
        {label} {active ? (dir === "desc" ? "↓" : "↑") : ""}
      </button>
    </th>
  );
}

export function WorklistTable(props: {
  items: WorklistItem[];
  params: WorklistParams;
  queryString: string;
  update: (p: Partial<WorklistParams>) => void;
  canRerun?: boolean;
}) {
  const { items, params, update, queryString } = props;
  if (items.length === 0) return <p className="py-8 text-slate-400">No studies match these filters.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="worklist-table">
      <thead className="text-slate-400">
        <tr>
          <th className="py-2">Status</th>
          <th>Accession</th>
          <th>Patient ID</th>
          <th>Modality</th>
          <SortHeader k="studyDate" label="Study date" params={params} update={update} />
          <SortHeader k="received" label="Received" params={params} update={update} />
          <SortHeader k="aiPriority" label="AI priority" params={params} update={update} />
          <th>Description</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id} className="border-t border-slate-800 hover:bg-slate-900" data-testid="worklist-row">
            <td className="py-1.5">
              <StatusBadge status={s.status} />
              {props.canRerun && s.status === "prediction_failed" && <RerunPredictionButton studyId={s.id} />}
            </td>
            <td>
              <Link
                href={`/studies/${s.id}${queryString ? `?${queryString}` : ""}`}
                className="text-sky-400 hover:underline"
                data-testid="open-study"
              >
                {s.displayName}
              </Link>
            </td>
            <td>{s.patientId || "—"}</td>
            <td>{s.modality}</td>
            <td data-testid="study-date">{formatStudyDate(s.studyDate)}</td>
            <td className="text-slate-400">{new Date(s.receivedAt).toLocaleString()}</td>
            <td title="Highest AI finding confidence: a triage hint, not a diagnosis">
              {s.aiPriority === null ? "—" : `${Math.round(s.aiPriority * 100)} %`}
            </td>
            <td className="text-slate-400">{s.description ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
