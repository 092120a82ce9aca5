import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/api/errors";

describe("the error map", () => {
  it.each([
    ["bad_request", 400],
    ["unauthorized", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["payload_too_large", 413],
    ["unsupported_media_type", 415],
    ["unsupported", 422],
    ["rate_limited", 429],
    ["unavailable", 503],
  ] as const)("maps AppError %s to %i with its message", async (code, status) => {
    const res = toErrorResponse(new AppError(code, "reason here"));
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message: "reason here" } });
  });

  it("sets Retry-After when the error says when to retry", () => {
    const res = toErrorResponse(new AppError("unavailable", "queue full", { retryAfterSeconds: 2 }));
    expect(res.headers.get("retry-after")).toBe("2");
  });

  it("turns a ZodError into 422 with every issue and its path", async () => {
    const r = z.object({ role: z.enum(["admin"]), n: z.number() }).safeParse({ role: "king", n: "x" });
    const res = toErrorResponse(r.error);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["n", "role"]);
  });

  it("hides everything about an unexpected error behind a generic 500", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = toErrorResponse(new Error("SQLITE_CORRUPT at /secret/path.ts:12"));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("SQLITE");
    expect(text).not.toContain("secret");
    spy.mockRestore();
  });

  it("maps Prisma's record-not-found to 404", () => {
    expect(toErrorResponse(Object.assign(new Error("x"), { code: "P2025" })).status).toBe(404);
  });
});

describe("errors that cross bundles and backends", () => {
  it("maps an AppError made by another copy of the class (another bundle) by its code: 503 with Retry-After", async () => {
    const foreign = Object.assign(new Error("Inference queue is full; retry shortly."), {
      name: "AppError",
      code: "unavailable",
      details: { retryAfterSeconds: 1 },
    });
    const res = toErrorResponse(foreign);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect((await res.json()).error.code).toBe("unavailable");
  });

  it("always gives a 503 a Retry-After, even when the thrower did not", () => {
    expect(toErrorResponse(new AppError("unavailable", "down")).headers.get("retry-after")).toBe("2");
  });

  it("answers 503 + Retry-After, not 500, when a backend is down or busy (database, storage, network)", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const e of [
      Object.assign(new Error("Operation has timed out"), { code: "P1008" }),
      Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }),
      Object.assign(new Error("We encountered an internal error"), { name: "InternalError", $metadata: { httpStatusCode: 500 } }),
    ]) {
      const res = toErrorResponse(e);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("2");
      expect(JSON.stringify(await res.json())).not.toMatch(/P1008|ECONNREFUSED|internal error/);
    }
    spy.mockRestore();
  });

  it("keeps decoder internals (details.cause) out of the body", async () => {
    const res = toErrorResponse(
      new AppError("unprocessable", "JPEG image could not be decoded", { cause: "RangeError at libjpeg.c:42", frame: 1 }),
    );
    expect(await res.json()).toEqual({
      error: { code: "unprocessable", message: "JPEG image could not be decoded", details: { frame: 1 } },
    });
    const only = toErrorResponse(new AppError("unprocessable", "bad", { cause: "x" }));
    expect(await only.json()).toEqual({ error: { code: "unprocessable", message: "bad" } });
  });

  it("logs a 500 with method, path and a request id — never the query or the error message", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((l: string) => void lines.push(l));
    const prismaLike = new Error('Invalid `db.study.findMany()` invocation: { patientId: { startsWith: "PAT-4711" } } Invalid date');
    const res = toErrorResponse(prismaLike, new Request("http://x/api/v1/studies?patientId=PAT-4711&from=2024-13-45"));
    spy.mockRestore();
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("PAT-4711");
    expect(JSON.parse(lines[0]!)).toMatchObject({
      requestId: body.error.requestId,
      method: "GET",
      path: "/api/v1/studies",
      error: "Error",
    });
  });
});
