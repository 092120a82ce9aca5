import { withAuth } from "@/lib/api/with-auth";
import { parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { CANARY_RULE_SETTING, readCanaryRule } from "@/lib/performance/canary-rule-settings";
import { canaryRuleSchema } from "@/lib/schemas/model";
import { writeSetting } from "@/lib/settings/read-setting";

// GET /api/v1/admin/canary-rule — the automatic canary rollback rule (admin).
export const GET = withAuth(async () => Response.json({ rule: await readCanaryRule() }), { roles: ["admin"] });

// PATCH /api/v1/admin/canary-rule — change enabled, maxAcceptanceDrop, minReviewedStudies (admin; audited).
export const PATCH = withAuth(
  async ({ req, principal }) => {
    const patch = await parseJsonBody(req, canaryRuleSchema.partial().strict());
    return Response.json({
      rule: await writeSetting(actorOf(principal), CANARY_RULE_SETTING, canaryRuleSchema, { ...(await readCanaryRule()), ...patch }),
    });
  },
  { roles: ["admin"] },
);
