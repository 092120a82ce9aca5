"use client";

import { useState } from "react";
import { PacsConnectionForm } from "@/components/admin/pacs/pacs-connection-form";
import { PacsTestResultView } from "@/components/admin/pacs/pacs-test-result";
import { usePacsConnections } from "@/components/admin/pacs/use-pacs-connections";
import { apiErrorText } from "@/components/pacs/api-error-text";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/field";
import type { PacsConnectionDto, PacsTestResult } from "@/lib/schemas/pacs";

function Summary({ c }: { c: PacsConnectionDto }) {
  const parts = [
    c.dicomwebUrl,
    c.aeTitle && `${c.aeTitle}@${c.host}:${c.port}`,
    c.authType !== "none" && `${c.authType} auth${c.secretSet ? " (secret set)" : ""}`,
    c.modalities.join(","),
  ];
  const flags = [
    c.autoPull && "auto-pull",
    c.pushResults && `results by ${c.pushProtocol === "stow" ? "STOW-RS" : "C-STORE"}`,
    !c.enabled && "disabled",
  ];
  return (
    <div className="text-xs text-slate-400">
      {parts.filter(Boolean).join(" · ")}
      {flags.some(Boolean) && <span className="ml-2 text-sky-300">{flags.filter(Boolean).join(" · ")}</span>}
      {c.autoPullError && (
        <p className="mt-1 text-rose-400" data-testid="pacs-autopull-error">
          Auto-pull failing: {c.autoPullError}
        </p>
      )}
    </div>
  );
}

// /admin/pacs: the connections, each with Test / Edit / Delete, and the form to add one.
export function PacsAdmin() {
  const { list, save, remove, test } = usePacsConnections();
  const [editing, setEditing] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, PacsTestResult>>({});
  const [error, setError] = useState("");

  async function runTest(id: string) {
    setError("");
    try {
      const r = await test.mutateAsync(id);
      setResults((all) => ({ ...all, [id]: r.result }));
    } catch (e) {
      setError(apiErrorText(e));
    }
  }

  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Connections</h2>
        <ErrorText>{error || (list.isError ? list.error.message : "")}</ErrorText>
        {list.data?.connections.length === 0 && <p className="text-sm text-slate-400">No PACS connected yet.</p>}
        <ul className="max-w-5xl space-y-3">
          {list.data?.connections.map((c) => (
            <li key={c.id} className="space-y-2 rounded border border-slate-800 p-3" data-testid={`pacs-row-${c.name}`}>
              <div className="flex flex-wrap items-center gap-3">
                <span className="font-medium">{c.name}</span>
                {c.lastTest && (
                  <span className={`text-xs ${c.lastTest.ok ? "text-emerald-400" : "text-rose-400"}`}>
                    last test {c.lastTest.ok ? "passed" : "failed"} {new Date(c.lastTest.at).toLocaleString()}
                  </span>
                )}
                <span className="ml-auto flex gap-2">
                  <Button variant="secondary" onClick={() => void runTest(c.id)} disabled={test.isPending} data-testid="pacs-test">
                    {test.isPending && test.variables === c.id ? "Testing…" : "Test connection"}
                  </Button>
                  <Button variant="secondary" onClick={() => setEditing(editing === c.id ? null : c.id)} data-testid="pacs-edit">
                    Edit
                  </Button>
                  <Button
                    variant="danger"
                    onClick={() => window.confirm(`Delete the PACS connection "${c.name}"?`) && remove.mutate(c.id)}
                    data-testid="pacs-delete"
                  >
                    Delete
                  </Button>
                </span>
              </div>
              <Summary c={c} />
              {results[c.id] && <PacsTestResultView result={results[c.id]!} />}
              {editing === c.id && (
                <PacsConnectionForm
                  initial={c}
                  onCancel={() => setEditing(null)}
                  onSave={(body) => save.mutateAsync({ id: c.id, body }).then(() => setEditing(null))}
                />
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Add a connection</h2>
        <PacsConnectionForm onSave={(body) => save.mutateAsync({ body })} />
      </section>
    </div>
  );
}
