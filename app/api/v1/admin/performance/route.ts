import { withAuth } from "@/lib/api/with-auth";
import { parseQuery } from "@/lib/api/parse-body";
import { getPerformanceReport } from "@/lib/performance/performance-report";
import { performanceQuerySchema } from "@/lib/schemas/model";

// GET /api/v1/admin/performance?days=&modelVersionId= — live performance from reader verdicts per version, class and day (admin).
export const GET = withAuth(async ({ req }) => Response.json(await getPerformanceReport(parseQuery(req, performanceQuerySchema))), {
  roles: ["admin"],
});
