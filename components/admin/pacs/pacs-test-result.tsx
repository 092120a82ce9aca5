import type { PacsTestResult } from "@/lib/schemas/pacs";

// One line per probe: what was tried, whether it worked, the PACS's answer in words, how long it took.
export function PacsTestResultView({ result }: { result: PacsTestResult }) {
  const rows = [
    ["DICOMweb (QIDO-RS)", result.dicomweb],
    ["DIMSE (C-ECHO)", result.echo],
  ] as const;
  return (
    <ul className="space-y-1 text-sm" data-testid="pacs-test-result" data-ok={result.ok}>
      {rows
        .filter(([, p]) => p !== null)
        .map(([label, p]) => (
          <li key={label} className={p!.ok ? "text-emerald-400" : "text-rose-400"}>
            {p!.ok ? "✓" : "✗"} {label}: {p!.message} <span className="text-slate-400">({p!.ms} ms)</span>
          </li>
        ))}
    </ul>
  );
}
