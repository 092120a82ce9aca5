import { db } from "@/lib/db";
import { dbQueue, LEASE_MS } from "@/lib/jobs/db-queue";
import { describeQueueContract } from "@/lib/jobs/testing/queue-contract";

describeQueueContract("database", async () => ({
  queue: dbQueue,
  expireLease: async (id) => void (await db.job.update({ where: { id }, data: { lockedAt: new Date(Date.now() - LEASE_MS - 1000) } })),
  skipBackoff: async (id) => void (await db.job.update({ where: { id }, data: { runAfter: new Date() } })),
}));
