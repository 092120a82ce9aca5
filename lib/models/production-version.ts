import type { Db } from "@/lib/db";
import { db } from "@/lib/db";

// The one "which version is in production" query: the most recently staged production version (a promotion archives
// the previous one in the same transaction, so there is at most one outside a promotion in flight).
export function findProductionVersion(client: Pick<Db, "modelVersion"> = db) {
  return client.modelVersion.findFirst({ where: { stage: "production" }, orderBy: { stagedAt: "desc" } });
}
