"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client/web";
import type { Query } from "@/lib/api-client/request";
import { PacsSearchableResponse, PacsStudiesResponse } from "@/lib/api-client/responses";

// The PACS a reader may search (QIDO-RS), and one search of one of them.
export function usePacsSearch() {
  const searchable = useQuery({ queryKey: ["pacs-searchable"], queryFn: () => api(PacsSearchableResponse, "/api/v1/pacs/searchable") });
  const search = (connectionId: string, query: Query) =>
    api(PacsStudiesResponse, `/api/v1/pacs/connections/${encodeURIComponent(connectionId)}/studies`, { query }).then((r) => r.studies);
  return { searchable, search };
}
