"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/field";
import { useAgreement } from "@/components/admin/use-agreement";
import { AgreementChart } from "./agreement-chart";

const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${Math.round(v * 100)}%`);
const consensusHref = (studyId: string) => `/studies/${encodeURIComponent(studyId)}?purpose=consensus`;

/** Double-read agreement: per-class chart and table, per-study rows with the consensus step. */
export function AgreementView() {
  const { report, fuse } = useAgreement();
  if (report.isPending) return <p className="text-slate-400">Loading agreement…</p>;
  if (report.isError) return <ErrorText>{report.error.message}</ErrorText>;
  const r = report.data;
  return (
    <div className="space-y-6" data-testid="agreement-view">
      <p className="text-sm text-slate-300" data-testid="agreement-total">
        Boxes matched at IoU ≥ {r.iouThreshold} (same class, same image), over {r.studies.filter((s) => s.state === "complete").length}{" "}
        completed double read(s): {r.total.matched} matched, {r.total.onlyA} only reader A, {r.total.onlyB} only reader B — F1{" "}
        {pct(r.total.f1)}, agreement {pct(r.total.agreementRate)}.
      </p>
      <AgreementChart perClass={r.perClass} />
      <table className="w-full max-w-4xl text-left text-sm" data-testid="agreement-class-table">
        <thead className="text-slate-400">
          <tr>
            <th className="py-2">Class</th>
            <th>Matched</th>
            <th>Only A</th>
            <th>Only B</th>
            <th>F1</th>
            <th>Agreement</th>
          </tr>
        </thead>
        <tbody>
          {r.perClass.map((c) => (
            <tr key={c.className} className="border-t border-slate-800" data-testid="agreement-class-row" data-class={c.className}>
              <td className="py-1.5">{c.className}</td>
              <td>{c.matched}</td>
              <td>{c.onlyA}</td>
              <td>{c.onlyB}</td>
              <td>{pct(c.f1)}</td>
              <td>{pct(c.agreementRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Studies</h2>
        <ErrorText>{fuse.error?.message}</ErrorText>
        <table className="w-full max-w-6xl text-left text-sm" data-testid="agreement-study-table">
          <thead className="text-slate-400">
            <tr>
              <th className="py-2">Study</th>
              <th>Reader A</th>
              <th>Reader B</th>
              <th>State</th>
              <th>Matched / A / B</th>
              <th>F1</th>
              <th>Consensus</th>
            </tr>
          </thead>
          <tbody>
            {r.studies.map((s) => (
              <tr
                key={s.studyId}
                className="border-t border-slate-800"
                data-testid="agreement-study-row"
                data-study-id={s.studyId}
                data-state={s.state}
              >
                <td className="py-1.5 font-mono text-xs">{s.pseudonym}</td>
                <td>{s.readerA.email}</td>
                <td>{s.readerB.email}</td>
                <td>{s.state === "complete" ? "both signed off" : `waiting (${s.readsSignedOff}/2 signed off)`}</td>
                <td>{s.counts ? `${s.counts.matched} / ${s.counts.onlyA} / ${s.counts.onlyB}` : "—"}</td>
                <td>{pct(s.counts?.f1)}</td>
                <td>
                  {s.consensus ? (
                    <Link href={consensusHref(s.studyId)} className="text-sky-400 underline" data-testid="open-consensus">
                      {s.consensus.status === "signed_off" ? "confirmed" : "adjust & confirm"} ({s.consensus.labels} boxes)
                    </Link>
                  ) : s.state === "complete" ? (
                    <Button
                      className="px-2 py-0.5 text-xs"
                      onClick={() => fuse.mutate(s.studyId)}
                      disabled={fuse.isPending}
                      data-testid="create-consensus"
                    >
                      Fuse boxes (WBF)
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.studies.length === 0 && <p className="text-slate-400">No double reads assigned yet (Assignments → Double read).</p>}
      </section>
    </div>
  );
}
