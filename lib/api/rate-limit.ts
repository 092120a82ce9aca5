import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import type { Principal } from "@/lib/auth/principal";
import { createLimiter, type Limiter } from "@/lib/rate-limit/create-limiter";

// Per API token (or per user for sessions): `perMinute` requests a minute, counted across every web instance when
// Redis is configured (REDIS_URL), in this process otherwise.
const limiters = new Map<number, Limiter>();
function limiterFor(perMinute: number): Limiter {
  let l = limiters.get(perMinute);
  if (!l) limiters.set(perMinute, (l = createLimiter({ name: `api:${perMinute}`, points: perMinute, durationS: 60 })));
  return l;
}

export async function enforceRateLimit(p: Principal, perMinute = env.RATE_LIMIT_PER_MINUTE): Promise<void> {
  const key = p.tokenId ? `t:${p.tokenId}` : `u:${p.userId}`;
  const r = await limiterFor(perMinute).take(key);
  if (!r.ok)
    throw new AppError("rate_limited", `Rate limit of ${perMinute} requests a minute reached.`, { retryAfterSeconds: r.retryAfterSeconds });
}
