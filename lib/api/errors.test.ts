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
