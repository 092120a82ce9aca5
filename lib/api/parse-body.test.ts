import { describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import { paramOf, parseJsonBody, parseQuery } from "@/lib/api/parse-body";

const schema = z.object({ name: z.string() });
const req = (body: string, type = "application/json") =>
  new Request("http://x/api", { method: "POST", body, headers: { "content-type": type } });

describe("parseJsonBody", () => {
  it("parses a valid body", async () => {
    await expect(parseJsonBody(req('{"name":"a"}'), schema)).resolves.toEqual({ name: "a" });
  });
  it("rejects malformed JSON as bad_request", async () => {
    await expect(parseJsonBody(req("{oops"), schema)).rejects.toMatchObject({ code: "bad_request" });
  });
  it("rejects another content type", async () => {
    await expect(parseJsonBody(req("name=a", "text/plain"), schema)).rejects.toMatchObject({ code: "unsupported_media_type" });
  });
  it("rejects a body over the limit", async () => {
    await expect(parseJsonBody(req(JSON.stringify({ name: "x".repeat(1_000_001) })), schema)).rejects.toMatchObject({
      code: "payload_too_large",
    });
  });
  it("throws a ZodError for the wrong shape", async () => {
    await expect(parseJsonBody(req('{"name":1}'), schema)).rejects.toBeInstanceOf(ZodError);
  });
});

describe("query and params", () => {
  it("coerces query strings through the schema", () => {
    const q = parseQuery(new Request("http://x/?limit=5"), z.object({ limit: z.coerce.number() }));
    expect(q).toEqual({ limit: 5 });
  });
  it("rejects a missing or oversized param", () => {
    expect(() => paramOf({}, "id")).toThrow(/id/);
    expect(() => paramOf({ id: "x".repeat(65) }, "id")).toThrow();
    expect(paramOf({ id: "abc" }, "id")).toBe("abc");
  });
});
