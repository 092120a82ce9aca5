import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import type { Principal } from "@/lib/auth/principal";

type Bucket = { tokens: number; updated: number };
const buckets = new Map<string, Bucket>();

// A token bucket per API token (or per user for sessions), in this process: `perMinute` requests, bursts of the same size.
export function enforceRateLimit(p: Principal, perMinute = env.RATE_LIMIT_PER_MINUTE, now = Date.now()): void {
  const key = p.tokenId ? `t:${p.tokenId}` : `u:${p.userId}`;
  const b = buckets.get(key) ?? { tokens: perMinute, updated: now };
  b.tokens = Math.min(perMinute, b.tokens + ((now - b.updated) / 60_000) * perMinute);
  b.updated = now;
  if (b.tokens < 1) {
    buckets.set(key, b);
    const retryAfterSeconds = Math.ceil(((1 - b.tokens) / perMinute) * 60);
    throw new AppError("rate_limited", `Rate limit of ${perMinute} requests a minute reached.`, { retryAfterSeconds });
  }
  b.tokens -= 1;
  buckets.set(key, b);
}
