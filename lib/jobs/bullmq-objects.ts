import { Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { log } from "@/lib/log";
import { redactRedisUrl } from "@/lib/jobs/redis-connection";

export type BullObjects = {
  queue(name: string): Queue;
  /** A worker without a processor (jobs are fetched by hand), its stalled-job check on a timer. */
  worker(name: string): Worker;
  /** Runs `work` on the named object; when it fails because that object never connected, forgets the object. */
  guard<T>(kind: "queue" | "worker", name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

// The BullMQ queues and workers one job queue uses, made on first use over one shared connection.
export function bullObjects(redis: Redis, o: { url: string; prefix: string; lockMs: number; stalledIntervalMs: number }): BullObjects {
  const queues = new Map<string, Queue>();
  const workers = new Map<string, Worker>();
  // Every object reports the shared connection's errors: during an outage, one line per 10 s.
  let lastWarning = 0;
  const warn = (what: string) => (e: Error) => {
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    log.warn(`redis queue ${what} error`, { url: redactRedisUrl(o.url), error: e.message });
  };

  function queue(name: string): Queue {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: redis, prefix: o.prefix, defaultJobOptions: { removeOnComplete: true, removeOnFail: true } });
      q.on("error", warn("connection"));
      queues.set(name, q);
    }
    return q;
  }
  function worker(name: string): Worker {
    let w = workers.get(name);
    if (!w) {
      w = new Worker(name, null, {
        connection: redis,
        prefix: o.prefix,
        autorun: false,
        lockDuration: o.lockMs,
        stalledInterval: o.stalledIntervalMs,
        maxStalledCount: 1_000_000,
      });
      w.on("error", warn("worker"));
      void w.startStalledCheckTimer().catch((e: Error) => log.warn("stalled-job check failed to start", { queue: name, error: e.message }));
      workers.set(name, w);
    }
    return w;
  }
  // BullMQ checks the server once when a queue or worker first connects, and a failed check (Redis down or stalled
  // then) breaks that object for good: forget it so the next call makes a fresh one.
  async function evictIfBroken<T extends Queue | Worker>(cache: Map<string, T>, name: string) {
    const obj = cache.get(name);
    const failed = obj?.waitUntilReady().then(
      () => false,
      () => true,
    );
    if (obj && (await Promise.race([failed, new Promise((r) => setTimeout(() => r(false), 20))]))) {
      cache.delete(name);
      await obj.close().catch(() => undefined);
    }
  }

  return {
    queue,
    worker,
    guard: (kind, name, work) =>
      work().catch(async (e: unknown) => {
        await (kind === "queue" ? evictIfBroken(queues, name) : evictIfBroken(workers, name));
        throw e;
      }),
    async close() {
      await Promise.allSettled([...workers.values()].map((w) => w.close(true)));
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
    },
  };
}
