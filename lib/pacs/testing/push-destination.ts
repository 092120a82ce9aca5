import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { claimJobRow, dbQueue } from "@/lib/jobs/db-queue";
import { runClaimedJob } from "@/lib/jobs/run-job";
import type { Orthanc } from "@/lib/pacs/testing/orthanc";

// Test helpers for results pushed to a real Orthanc: a destination row (the admin UI's job in production) and
// running exactly one push's job through the worker's claim-and-run path.
export type Destination = { protocol: "stow" | "c-store"; auth?: { username: string; password: string } };

export function createPushDestination(orthanc: Orthanc, d: Destination) {
  return db.pacsConnection.create({
    data: {
      name: `test-${d.protocol}-${randomUUID().slice(0, 8)}`,
      dicomwebUrl: orthanc.dicomWebUrl,
      authType: d.auth ? "basic" : "none",
      username: d.auth?.username ?? null,
      secret: d.auth?.password ?? null,
      aeTitle: orthanc.aeTitle,
      host: "127.0.0.1",
      port: orthanc.dicomPort,
      pushResults: true,
      pushProtocol: d.protocol,
    },
  });
}

/** Runs the push's current job once it is due (waits out a retry's backoff); returns the job row afterwards. */
export async function runPushJob(pushId: string) {
  const { jobId } = await db.pacsPush.findUniqueOrThrow({ where: { id: pushId } });
  if (!jobId) throw new Error("push has no job");
  const row = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  const wait = row.runAfter.getTime() - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait + 20));
  const claimed = await claimJobRow(jobId, "test-pacs-push");
  if (!claimed) throw new Error(`push job ${jobId} is not claimable (state ${row.state})`);
  await runClaimedJob(claimed, dbQueue);
  return db.job.findUniqueOrThrow({ where: { id: jobId } });
}
