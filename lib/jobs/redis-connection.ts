import { Redis, type RedisOptions } from "ioredis";

export type RedisConnectionOptions = { commandTimeoutMs?: number; connectTimeoutMs?: number };

// One ioredis connection from a redis:// or rediss:// (TLS) URL. Every command has a deadline, so a stalled Redis
// fails a call instead of holding it; reconnects back off up to 2 s. BullMQ needs maxRetriesPerRequest null (its
// own scripts retry), the command timeout bounds them instead.
export function openRedis(url: string, o: RedisConnectionOptions = {}): Redis {
  const options: RedisOptions = {
    maxRetriesPerRequest: null,
    commandTimeout: o.commandTimeoutMs ?? 5_000,
    connectTimeout: o.connectTimeoutMs ?? 5_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    lazyConnect: false,
  };
  const redis = new Redis(url, options);
  redis.on("error", () => undefined); // surfaced through the failing command; without a listener ioredis prints each retry
  return redis;
}

/** Redis refused our credentials (wrong password or user): retrying cannot help, the process should stop. */
export function isRedisAuthError(e: unknown): boolean {
  return /WRONGPASS|NOAUTH|invalid password|invalid username-password|AUTH.*(failed|without any password)/i.test(
    (e as Error | null)?.message ?? "",
  );
}

/** A redacted URL for messages (never the password). */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "redis://(invalid url)";
  }
}
