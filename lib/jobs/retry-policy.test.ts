import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { backoffMs, decideRetry } from "@/lib/jobs/retry-policy";

const s = { baseMs: 1000, maxMs: 30_000, deadlineMs: 3_600_000 };
const now = new Date("2026-12-01T10:00:00Z");
const job = (attempts: number, maxAttempts = 3, createdAt = now) => ({ attempts, maxAttempts, createdAt });
const noJitter = () => 0;

describe("job retry policy", () => {
  it("backs off exponentially from the base and never beyond the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((a) => backoffMs(a, s, noJitter))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoffMs(3, s, () => 1)).toBe(3200); // at most 20 % jitter, always below the plain value
  });

  it("retries a backend outage (AppError unavailable) past maxAttempts until the deadline", () => {
    const down = new AppError("unavailable", "Inference server unreachable");
    expect(decideRetry(down, job(10), s, now, noJitter)).toMatchObject({ kind: "transient", retryAt: new Date(now.getTime() + 30_000) });
    const old = job(10, 3, new Date(now.getTime() - s.deadlineMs + 10_000));
    expect(decideRetry(down, old, s, now, noJitter)).toMatchObject({ kind: "transient", retryAt: null, reason: "retry deadline passed" });
  });

  it.each([
    [
      "a refused connection",
      Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }),
    ],
    ["a timeout", new DOMException("The operation was aborted due to timeout", "TimeoutError")],
    ["SQLite busy through Prisma", Object.assign(new Error("Operation has timed out"), { code: "P1008" })],
    ["PostgreSQL unreachable", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["an S3 503", Object.assign(new Error("Service Unavailable"), { name: "ServiceUnavailable", $metadata: { httpStatusCode: 503 } })],
  ])("treats %s as transient", (_, e) => {
    expect(decideRetry(e, job(5), s, now, noJitter).kind).toBe("transient");
    expect(decideRetry(e, job(5), s, now, noJitter).retryAt).not.toBeNull();
  });

  it("runs a job enqueued with maxAttempts 1 once, even on a transient failure (a periodic poll)", () => {
    expect(decideRetry(new AppError("unavailable", "PACS did not answer"), job(1, 1), s, now)).toMatchObject({
      kind: "transient",
      retryAt: null,
      reason: "single attempt",
    });
  });

  it("a handler that counts its own tries retries a transient failure only while maxAttempts remain", () => {
    const down = new AppError("unavailable", "PACS unreachable");
    expect(decideRetry(down, job(2, 3), s, now, noJitter, "attempts").retryAt).toEqual(new Date(now.getTime() + 2000));
    expect(decideRetry(down, job(3, 3), s, now, noJitter, "attempts")).toMatchObject({ retryAt: null, reason: "attempts exhausted" });
  });

  it("fails bad input at once: a ZodError or any other AppError code", () => {
    const zod = z.object({ n: z.number() }).safeParse({}).error;
    expect(decideRetry(zod, job(1), s, now)).toMatchObject({ kind: "permanent", retryAt: null });
    expect(decideRetry(new AppError("unprocessable", "corrupt DICOM"), job(1), s, now)).toMatchObject({ kind: "permanent", retryAt: null });
  });

  it("recognises an AppError from another bundle by its shape, not instanceof", () => {
    const foreign = Object.assign(new Error("queue full"), { name: "AppError", code: "unavailable" });
    expect(decideRetry(foreign, job(1), s, now).kind).toBe("transient");
    const foreignBad = Object.assign(new Error("bad"), { name: "AppError", code: "unprocessable" });
    expect(decideRetry(foreignBad, job(1), s, now).kind).toBe("permanent");
  });

  it("retries an unexplained crash while attempts remain, then stops", () => {
    expect(decideRetry(new TypeError("x is undefined"), job(1), s, now, noJitter)).toMatchObject({
      kind: "unknown",
      retryAt: new Date(now.getTime() + 1000),
    });
    expect(decideRetry(new TypeError("x is undefined"), job(3), s, now)).toMatchObject({ kind: "unknown", retryAt: null });
  });
});
