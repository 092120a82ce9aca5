import { z } from "zod";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/job-queue";
import { defineJob } from "@/lib/jobs/job-registry";
import { checkCanaries } from "@/lib/performance/check-canaries";

export const CANARY_CHECK = "canary.check";

export const canaryCheckJob = defineJob(CANARY_CHECK, {
  schema: z.object({}).strict(),
  family: "evaluation",
  run: async () => ({ canaries: await checkCanaries() }),
});

type Client = Pick<Db, "job" | "modelVersion">;

// After a sign-off (inside its transaction) or periodically: one pending check is enough, and none without a canary.
export async function enqueueCanaryCheck(client: Client = db): Promise<{ id: string } | null> {
  if ((await client.modelVersion.count({ where: { stage: "canary" } })) === 0) return null;
  if (await client.job.findFirst({ where: { type: CANARY_CHECK, state: "queued" }, select: { id: true } })) return null;
  return enqueueJob(CANARY_CHECK, {}, { client });
}
