import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorCodesByStatus, jsonContent, operation } from "@/lib/api/openapi-operation";

const ok = { 200: jsonContent(z.object({ ok: z.boolean() })) };

describe("operation(): error responses derived from the handler's shape and the error map", () => {
  it("an authenticated JSON write with a path id answers 400, 401, 403, 413, 415, 422 and its codes' statuses", () => {
    const statuses = [
      ...errorCodesByStatus({
        summary: "x",
        auth: { roles: ["admin"] },
        path: z.object({ id: z.string() }),
        json: z.object({}),
        ok,
        errors: ["not_found", "conflict"],
      }).keys(),
    ];
    expect(statuses.sort()).toEqual([400, 401, 403, 404, 409, 413, 415, 422]);
  });

  it("a public GET without parameters documents no error status", () => {
    expect(errorCodesByStatus({ summary: "x", auth: "public", ok }).size).toBe(0);
  });

  it("maps codes through the one error map (unsupported is 422, unavailable 503, rate_limited 429)", () => {
    const byStatus = errorCodesByStatus({ summary: "x", auth: "public", ok, errors: ["unsupported", "unavailable", "rate_limited"] });
    expect(Object.fromEntries(byStatus)).toEqual({ 422: ["unsupported"], 503: ["unavailable"], 429: ["rate_limited"] });
  });

  it("only sessions are accepted unless the route takes a token scope", () => {
    expect(operation({ summary: "x", auth: {}, ok }).security).toEqual([{ session: [] }]);
    expect(operation({ summary: "x", auth: { tokenScope: "read" }, ok }).security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(operation({ summary: "x", auth: "public", ok }).security).toEqual([]);
  });
});
