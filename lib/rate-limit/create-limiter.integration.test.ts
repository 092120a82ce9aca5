import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/test/faults/support/free-port";
import { createLimiter } from "./create-limiter";

// Against the real local Redis (127.0.0.1:6379, as in CI): two clients stand for two web instances. Keys carry a
// random name, so parallel runs and other suites' data are untouched (and expire with the window).
const REDIS = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const clients: Redis[] = [];
const client = (url = REDIS) => {
  const c = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 1000, lazyConnect: false });
  c.on("error", () => undefined);
  clients.push(c);
  return c;
};
const connected = (c: Redis) => new Promise<void>((r) => (c.status === "ready" ? r() : c.once("ready", () => r())));
afterAll(() => clients.forEach((c) => c.disconnect()));

describe("createLimiter on Redis", () => {
  it("one limit across two instances: the second instance sees the first one's takes", async () => {
    const name = `it-${randomUUID()}`;
    const [a, b] = [client(), client()];
    await Promise.all([connected(a), connected(b)]);
    const one = createLimiter({ name, points: 4, durationS: 60 }, a);
    const two = createLimiter({ name, points: 4, durationS: 60 }, b);
    expect(one.shared).toBe(true);
    const takes = await Promise.all([one.take("t"), two.take("t"), one.take("t"), two.take("t"), one.take("t"), two.take("t")]);
    expect(takes.filter((t) => t.ok)).toHaveLength(4);
    const refused = takes.filter((t) => !t.ok);
    expect(refused).toHaveLength(2);
    for (const r of refused) expect(r).toEqual({ ok: false, retryAfterSeconds: expect.any(Number) });
    expect((refused[0] as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await two.take("other")).ok).toBe(true); // per key
    expect(Number(await a.get(`cxr:rl:${name}:t`))).toBe(6); // the counter lives in Redis
    await one.clear("t");
    expect((await two.take("t")).ok).toBe(true);
  });

  it("Redis unreachable: each instance falls back to its own in-memory limit instead of failing the request", async () => {
    const down = client(`redis://127.0.0.1:${await freePort()}`);
    const l = createLimiter({ name: `it-${randomUUID()}`, points: 2, durationS: 60 }, down);
    const t0 = Date.now();
    expect(await l.take("t")).toMatchObject({ ok: true });
    expect(await l.take("t")).toMatchObject({ ok: true });
    expect(await l.take("t")).toMatchObject({ ok: false });
    expect(Date.now() - t0).toBeLessThan(1000); // no waiting on the dead store
  });
});
