import Link from "next/link";
import type { PacsPullDto, PacsStudy } from "@/lib/schemas/pacs";

type Props = { studies: PacsStudy[]; pulls: PacsPullDto[]; selected: Set<string>; toggle(uid: string): void };

// Search results: tick studies to pull; those already here link to the viewer, those being pulled show progress.
export function PacsResultsTable({ studies, pulls, selected, toggle }: Props) {
  const pullOf = new Map(pulls.map((p) => [p.studyInstanceUid, p]));
  if (studies.length === 0)
    return (
      <p className="text-sm text-slate-400" data-testid="pacs-no-results">
        No studies match.
      </p>
    );
  return (
    <table className="w-full text-left text-sm" data-testid="pacs-results">
      <thead className="text-slate-400">
        <tr>
          <th className="w-8 py-2" />
          <th>Patient ID</th>
          <th>Name</th>
          <th>Accession</th>
          <th>Date</th>
          <th>Modality</th>
          <th>Images</th>
          <th>Description</th>
          <th>Here?</th>
        </tr>
      </thead>
      <tbody>
        {studies.map((s) => {
          const pull = pullOf.get(s.studyInstanceUid);
          const studyId = s.studyId ?? (pull?.state === "succeeded" ? pull.studyId : null);
          return (
            <tr
              key={s.studyInstanceUid}
              className="border-t border-slate-800"
              data-testid="pacs-result-row"
              data-accession={s.accessionNumber ?? ""}
            >
              <td className="py-2">
                <input
                  type="checkbox"
                  aria-label={`Pull study ${s.accessionNumber ?? s.studyInstanceUid}`}
                  checked={selected.has(s.studyInstanceUid)}
                  disabled={Boolean(studyId)}
                  onChange={() => toggle(s.studyInstanceUid)}
                />
              </td>
              <td>{s.patientId}</td>
              <td>{s.patientName}</td>
              <td>{s.accessionNumber}</td>
              <td>{[s.studyDate, s.studyTime?.slice(0, 5)].filter(Boolean).join(" ")}</td>
              <td>{s.modalities.join(",")}</td>
              <td>{s.instances}</td>
              <td>{s.description}</td>
              <td data-testid="pacs-result-status">
                {studyId ? (
                  <Link className="text-sky-400 underline" href={`/studies/${studyId}`}>
                    in worklist
                  </Link>
                ) : pull ? (
                  <span className={pull.state === "failed" ? "text-rose-400" : "text-slate-300"} title={pull.error ?? undefined}>
                    {pull.state === "failed" ? `failed: ${pull.error}` : `${pull.state} ${Math.round(pull.progress * 100)}%`}
                  </span>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
