"use client";

import { formatStudyDate } from "@/lib/studies/display-name";
import { usePriors } from "./use-priors";

// The patient's studies beside the review: the current one marked, any other can be opened side by side.
export function PriorsList({
  studyId,
  comparing,
  onCompare,
}: {
  studyId: string;
  comparing: string | null;
  onCompare: (priorId: string | null) => void;
}) {
  const q = usePriors(studyId);
  if (!q.data) return null;
  const others = q.data.studies.filter((s) => !s.current);
  return (
    <section className="flex flex-col gap-1 text-xs" data-testid="priors" aria-labelledby="priors-title">
      <h3 id="priors-title" className="font-medium text-slate-300">
        This patient&apos;s studies
      </h3>
      {!q.data.linked && (
        <p className="text-slate-400" data-testid="priors-unlinked">
          No patient ID to link other studies by, or no access to patient identity.
        </p>
      )}
      {q.data.linked && others.length === 0 && <p className="text-slate-400">No other study of this patient.</p>}
      {q.data.linked && others.length > 0 && (
        <ul className="flex flex-col gap-0.5">
          {q.data.studies.map((s) => (
            <li
              key={s.studyId}
              className="flex items-center justify-between gap-2"
              data-testid="prior-row"
              data-study-id={s.studyId}
              data-current={s.current}
            >
              <span className={s.current ? "text-slate-200" : "text-slate-400"}>
                {formatStudyDate(s.studyDate)} · {s.displayName}
                {s.current ? " (this study)" : s.finalRead ? "" : " · no final read"}
              </span>
              {!s.current && (
                <button
                  type="button"
                  className="rounded bg-slate-700 px-2 py-0.5 hover:bg-slate-600"
                  aria-pressed={comparing === s.studyId}
                  data-testid="prior-compare"
                  onClick={() => onCompare(comparing === s.studyId ? null : s.studyId)}
                >
                  {comparing === s.studyId ? "Close" : "Compare"}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
