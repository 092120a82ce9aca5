"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client/web";
import { unchecked } from "@/lib/api-client/unchecked";
import type { AuditEventDto, ListAuditQuery } from "@/lib/schemas/audit";

/** The audit trail, newest first (admin). */
export function useAudit(query: Partial<ListAuditQuery> = {}) {
  return useQuery({ queryKey: ["audit", query], queryFn: () => api(unchecked<{ events: AuditEventDto[] }>(), "/api/v1/audit", { query }) });
}
