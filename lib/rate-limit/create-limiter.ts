import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { limiterRedis } from "./redis-client";

// A fixed-window counter shared by every web instance through Redis when REDIS_URL is set (rate-limiter-flexible's
// atomic INCR + TTL), in this process otherwise. A Redis outage falls back to an in-memory limiter of the same size
// per process: a ceiling per instance rather than no limit, and never a failed request.
export type LimiterOptions = { name: string; points: number; durationS: number };
export type Take = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export type Limiter = {
  readonly shared: boolean;
  /** Takes `points` (default 1) for `key`, or says how many seconds until the window frees them. */
  take(key: string, points?: number): Promise<Take>;
  /** Gives points back (an attempt that turned out fine). */
  giveBack(key: string, points?: number): Promise<void>;
  clear(key: string): Promise<void>;
};

const PREFIX = "cxr:rl";

export function createLimiter({ name, points, durationS }: LimiterOptions, redis: Redis | undefined = limiterRedis()): Limiter {
  const keyPrefix = `${PREFIX}:${name}`;
  const memory = new RateLimiterMemory({ keyPrefix, points, duration: durationS });
  const rl: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix,
        points,
        duration: durationS,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    shared: Boolean(redis),
    async take(key, n = 1) {
      try {
        const r = await rl.consume(key, n);
        return { ok: true, remaining: r.remainingPoints };
      } catch (e) {
        // A refusal is the library's RateLimiterRes (not an Error), recognised by its shape.
        const ms = (e as { msBeforeNext?: unknown }).msBeforeNext;
        if (typeof ms === "number" && !(e instanceof Error)) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) };
        throw e;
      }
    },
    async giveBack(key, n = 1) {
      await rl.reward(key, n).catch(() => undefined); // a lost give-back only makes the limit stricter
    },
    async clear(key) {
      await rl.delete(key).catch(() => undefined);
    },
  };
}
