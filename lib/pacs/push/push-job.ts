import { z } from "zod";
import { db, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/job-queue";
import { defineJob } from "@/lib/jobs/job-registry";
import { runPacsPush } from "@/lib/pacs/push/run-push";

export const PACS_PUSH = "pacs.push";
export const pacsPushPayloadSchema = z.object({ pushId: z.string().min(1) }).strict();

// transientRetry "attempts": run-push counts its tries against PACS_PUSH_MAX_ATTEMPTS and marks the push failed itself.
export const pacsPushJob = defineJob(PACS_PUSH, {
  schema: pacsPushPayloadSchema,
  family: "pacs",
  run: ({ pushId }, ctx) => runPacsPush(pushId, ctx),
  transientRetry: "attempts",
});

type Client = Pick<Db, "job" | "pacsConnection" | "pacsPush">;
export type PushRequest = { studyId: string; trigger: "sign_off" | "manual"; requestedById: string | null; connectionId?: string };

// One push row and one durable job per destination (every enabled connection with "push results"), in the caller's
// transaction (the sign-off's, so a signed-off study is never left without its pushes). A new request resets the row.
export async function enqueueResultPushes(r: PushRequest, client: Client = db): Promise<{ pushId: string; connection: string }[]> {
  const connections = await client.pacsConnection.findMany({
    where: { enabled: true, pushResults: true, ...(r.connectionId ? { id: r.connectionId } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  const queued = [];
  for (const c of connections) {
    // A re-send replaces a try still waiting for its backoff; one that is running finishes (the PACS stores it once).
    const previous = await client.pacsPush.findUnique({
      where: { studyId_connectionId: { studyId: r.studyId, connectionId: c.id } },
      select: { jobId: true },
    });
    if (previous?.jobId)
      await client.job.updateMany({ where: { id: previous.jobId, state: "queued" }, data: { state: "cancelled", finishedAt: new Date() } });
    const fresh = {
      state: "queued",
      trigger: r.trigger,
      requestedById: r.requestedById,
      attempts: 0,
      error: null,
      remoteStatus: null,
      jobId: null,
    };
    const push = await client.pacsPush.upsert({
      where: { studyId_connectionId: { studyId: r.studyId, connectionId: c.id } },
      create: { studyId: r.studyId, connectionId: c.id, ...fresh },
      update: fresh,
      select: { id: true },
    });
    const job = await enqueueJob(PACS_PUSH, { pushId: push.id }, { client, maxAttempts: env.PACS_PUSH_MAX_ATTEMPTS });
    await client.pacsPush.update({ where: { id: push.id }, data: { jobId: job.id } });
    queued.push({ pushId: push.id, connection: c.name });
  }
  return queued;
}
