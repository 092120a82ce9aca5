"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client/web";
import { unchecked } from "@/lib/api-client/unchecked";
import type { z } from "zod";
import type { computeDriftBodySchema, DriftReportDto, DriftSnapshotDto } from "@/lib/schemas/drift";

const KEY = ["drift-snapshots"];

/** Stored drift computations (admin), and computing a new report (stored too: the history refreshes). */
export function useDrift() {
  const qc = useQueryClient();
  const history = useQuery({
    queryKey: KEY,
    queryFn: () => api(unchecked<{ snapshots: DriftSnapshotDto[] }>(), "/api/v1/admin/drift", { query: { limit: 1000 } }),
  });
  const compute = useMutation({
    mutationFn: (body: z.input<typeof computeDriftBodySchema>) =>
      api(unchecked<{ report: DriftReportDto }>(), "/api/v1/admin/drift", { json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  return { history, compute };
}
