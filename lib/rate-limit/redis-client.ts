import { Redis } from "ioredis";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// One ioredis connection per process for the shared limits. No offline queue and one try per command: while Redis is
// away a limiter call fails at once and the limiter's in-memory insurance answers instead of holding the request.
let client: Redis | undefined;

export function limiterRedis(url = env.REDIS_URL): Redis | undefined {
  if (!url) return undefined;
  if (!client) {
    client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 1000,
      lazyConnect: false,
    });
    let down = false;
    client.on("error", (e: Error) => {
      if (!down) log.warn("rate limit store unreachable: limits are per process until it returns", { error: e.message });
      down = true;
    });
    client.on("ready", () => (down = false));
  }
  return client;
}
