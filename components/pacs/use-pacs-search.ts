"use client";

import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client/web";
import type { Query } from "@/lib/api-client/request";
import { PacsConnectionSummarySchema, PacsStudySchema } from "@/lib/schemas/pacs";

// The PACS a reader may search (QIDO-RS), and one search of one of them.
export function usePacsSearch() {
  const searchable = useQuery({ queryKey: ["pacs-searchable"], queryFn: () => api(z.object({ connections: z.array(PacsConnectionSummarySchema) }), "/api/v1/pacs/searchable") });
  const search = (connectionId: string, query: Query) =>
    api(z.object({ studies: z.array(PacsStudySchema) }), `/api/v1/pacs/connections/${encodeURIComponent(connectionId)}/studies`, { query }).then((r) => r.studies);
  return { searchable, search };
}
