"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/field";
import { StatusChips } from "@/components/studies/status-chips";
import { useWorklistParams } from "@/components/studies/use-worklist-query";
import { WorklistFilters } from "@/components/studies/worklist-filters";
import { WorklistTable } from "@/components/studies/worklist-table";
import { fetchJson } from "@/lib/http/fetch-json";
import type { WorklistPage } from "@/lib/schemas/study";

/** `canRerun`: the viewer is an admin, who may queue the AI again for studies whose prediction failed. */
export function Worklist({ canRerun = false }: { canRerun?: boolean }) {
  const { params, queryString, update } = useWorklistParams();
  const q = useQuery({
    queryKey: ["worklist", queryString],
    queryFn: () => fetchJson<WorklistPage>(`/api/v1/studies?${queryString}`),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000, // new studies and AI results appear without a reload
  });
  const page = q.data;
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;

  return (
    <div className="space-y-4">
      <StatusChips counts={page?.counts} active={params.status} onSelect={(status) => update({ status })} />
      <WorklistFilters params={params} update={update} />
      {q.isError && <ErrorText>{q.error.message}</ErrorText>}
      {page && <WorklistTable items={page.items} params={params} queryString={queryString} update={update} canRerun={canRerun} />}
      {page && (
        <div className="flex items-center gap-3 text-sm text-slate-400" data-testid="worklist-pager">
          <Button variant="secondary" disabled={page.page <= 1} onClick={() => update({ page: String(page.page - 1) })}>
            Previous
          </Button>
          <span>
            Page {page.page} of {pages} · {page.total} studies
          </span>
          <Button variant="secondary" disabled={page.page >= pages} onClick={() => update({ page: String(page.page + 1) })}>
            Next
          </Button>
        </div>
      )}
    </div>
  );
}
