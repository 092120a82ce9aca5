"use client";

import { useState, type FormEvent } from "react";
import { apiErrorText } from "@/components/pacs/api-error-text";
import { PacsResultsTable } from "@/components/pacs/pacs-results-table";
import { usePacsPulls } from "@/components/pacs/use-pacs-pulls";
import { usePacsSearch } from "@/components/pacs/use-pacs-search";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input, Select } from "@/components/ui/field";
import type { PacsStudy } from "@/lib/schemas/pacs";

// "Search PACS" on the worklist (radiologists and admins): QIDO-RS search, tick studies, Pull → one job each.
export function PacsSearchPanel() {
  const { searchable: connections, search } = usePacsSearch();
  const [chosen, setChosen] = useState("");
  const connectionId = chosen || connections.data?.connections[0]?.id || "";
  const [studies, setStudies] = useState<PacsStudy[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState("");
  const [searching, setSearching] = useState(false);
  const { pulls, pull } = usePacsPulls(connectionId);

  async function onSearch(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const q = Object.fromEntries(
      [...new FormData(e.currentTarget)].filter(([, v]) => typeof v === "string" && v.trim() !== "") as [string, string][],
    );
    setSearching(true);
    setError("");
    try {
      setStudies(await search(connectionId, q));
      setSelected(new Set());
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setSearching(false);
    }
  }

  async function onPull() {
    setError("");
    try {
      await pull.mutateAsync([...selected]);
      setSelected(new Set());
    } catch (err) {
      setError(apiErrorText(err));
    }
  }

  if (connections.data?.connections.length === 0)
    return (
      <p className="text-sm text-slate-400" data-testid="pacs-search-panel">
        No PACS is connected (an admin adds one at /admin/pacs).
      </p>
    );
  return (
    <section className="space-y-3 rounded border border-slate-800 p-3" data-testid="pacs-search-panel" aria-label="Search PACS">
      <form onSubmit={onSearch} className="grid grid-cols-2 items-end gap-3 md:grid-cols-7">
        <Field label="PACS">
          <Select value={connectionId} onChange={(e) => setChosen(e.target.value)} data-testid="pacs-search-connection">
            {connections.data?.connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Patient ID">
          <Input name="patientId" data-testid="pacs-search-patient" />
        </Field>
        <Field label="Accession">
          <Input name="accessionNumber" data-testid="pacs-search-accession" />
        </Field>
        <Field label="From">
          <Input name="dateFrom" type="date" />
        </Field>
        <Field label="To">
          <Input name="dateTo" type="date" />
        </Field>
        <Field label="Modality">
          <Input name="modality" placeholder="CR, DX…" maxLength={16} />
        </Field>
        <Button type="submit" disabled={!connectionId || searching} data-testid="pacs-search-submit">
          {searching ? "Searching…" : "Search"}
        </Button>
      </form>
      <ErrorText>{error}</ErrorText>
      {studies && (
        <PacsResultsTable
          studies={studies}
          pulls={pulls.data?.pulls ?? []}
          selected={selected}
          toggle={(uid) => setSelected((s) => new Set(s.has(uid) ? [...s].filter((x) => x !== uid) : [...s, uid]))}
        />
      )}
      {studies && studies.length > 0 && (
        <Button onClick={() => void onPull()} disabled={selected.size === 0 || pull.isPending} data-testid="pacs-pull">
          Pull {selected.size || ""} {selected.size === 1 ? "study" : "studies"}
        </Button>
      )}
    </section>
  );
}
