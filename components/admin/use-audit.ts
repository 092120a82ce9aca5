"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client/web";
import { AuditEventListSchema, type ListAuditQuery } from "@/lib/schemas/audit";

/** The audit trail, newest first (admin). */
export function useAudit(query: Partial<ListAuditQuery> = {}) {
  return useQuery({ queryKey: ["audit", query], queryFn: () => api(AuditEventListSchema, "/api/v1/audit", { query }) });
}
