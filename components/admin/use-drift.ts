"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client/web";
import type { z } from "zod";
import { DriftReportResponseSchema, DriftSnapshotListSchema, type computeDriftBodySchema } from "@/lib/schemas/drift";

const KEY = ["drift-snapshots"];

/** Stored drift computations (admin), and computing a new report (stored too: the history refreshes). */
export function useDrift() {
  const qc = useQueryClient();
  const history = useQuery({
    queryKey: KEY,
    queryFn: () => api(DriftSnapshotListSchema, "/api/v1/admin/drift", { query: { limit: 1000 } }),
  });
  const compute = useMutation({
    mutationFn: (body: z.input<typeof computeDriftBodySchema>) => api(DriftReportResponseSchema, "/api/v1/admin/drift", { json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  return { history, compute };
}
