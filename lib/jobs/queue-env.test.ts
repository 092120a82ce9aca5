import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/env";

describe("queue settings", () => {
  const families = envSchema.shape.JOB_FAMILY_CONCURRENCY;
  const redisUrl = envSchema.shape.REDIS_URL;

  it("JOB_FAMILY_CONCURRENCY reads family=N pairs and refuses unknown families or counts out of range", () => {
    expect(families.parse("training=1, exports=2")).toEqual({ training: 1, exports: 2 });
    expect(families.parse(undefined)).toEqual({});
    expect(families.safeParse("gpu=2").success).toBe(false);
    expect(families.safeParse("training=0").success).toBe(false);
    expect(families.safeParse("review=33").success).toBe(false);
    expect(families.safeParse("predict").success).toBe(false);
  });

  it("REDIS_URL takes redis:// and rediss:// (TLS), nothing else", () => {
    expect(redisUrl.parse("rediss://:secret@redis.example.org:6380/1")).toBe("rediss://:secret@redis.example.org:6380/1");
    expect(redisUrl.parse("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
    expect(redisUrl.safeParse("http://redis.example.org").success).toBe(false);
  });
});
