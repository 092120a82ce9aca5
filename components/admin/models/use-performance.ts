"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api-client/web";
import { PerformanceReportSchema } from "@/lib/schemas/model-registry";

/** Live performance per model version from reader verdicts, over the last `days` days (admin). */
export function usePerformance(days: number) {
  return useQuery({ queryKey: ["performance", days], queryFn: () => api(PerformanceReportSchema, "/api/v1/admin/performance", { query: { days } }) });
}
