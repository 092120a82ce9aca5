import { describe, expect, it } from "vitest";
import { parseJsonBody } from "@/lib/api/parse-body";
import { parseMediaType, readBodyBytes } from "@/lib/api/read-body";
import { readMultipartFiles } from "@/lib/api/read-multipart";
import { z } from "zod";

// A chunked body (no Content-Length) of `chunks` × `size` bytes that records how many chunks were pulled.
function chunkedRequest(chunks: number, size: number, type = "application/octet-stream") {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (pulled++ >= chunks) return c.close();
      c.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  const req = new Request("http://x/api", { method: "POST", body, headers: { "content-type": type }, duplex: "half" } as RequestInit);
  return { req, pulled: () => pulled };
}

describe("bodies counted while streaming", () => {
  it("stops a chunked body at the limit with 413 instead of reading it whole", async () => {
    const { req, pulled } = chunkedRequest(4000, 64 * 1024); // 250 MB offered
    await expect(readBodyBytes(req, 1_000_000)).rejects.toMatchObject({
      code: "payload_too_large",
      message: "The request body is larger than 1 MB.",
    });
    expect(pulled()).toBeLessThan(20);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const req = new Request("http://x/api", { method: "POST", body: "x".repeat(10), headers: { "content-length": "5000000" } });
    await expect(readBodyBytes(req, 1000)).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("reads a body under the limit", async () => {
    const { req } = chunkedRequest(3, 100);
    expect((await readBodyBytes(req, 1000)).length).toBe(300);
  });

  it("counts JSON bodies the same way (chunked, over MAX_JSON_BODY_KB)", async () => {
    const { req, pulled } = chunkedRequest(200, 64 * 1024, "application/json");
    await expect(parseJsonBody(req, z.unknown())).rejects.toMatchObject({ code: "payload_too_large" });
    expect(pulled()).toBeLessThan(30);
  });

  it("counts multipart bodies the same way", async () => {
    const { req, pulled } = chunkedRequest(4000, 64 * 1024, "multipart/form-data; boundary=abc");
    await expect(readMultipartFiles(req, "files", { maxFiles: 1, maxTotalBytes: 2_000_000 })).rejects.toMatchObject({
      code: "payload_too_large",
    });
    expect(pulled()).toBeLessThan(50);
  });
});

describe("exact media types", () => {
  it.each([
    ["application/json", "application/json"],
    ["Application/JSON; charset=utf-8", "application/json"],
    ['multipart/form-data; boundary="a b"', "multipart/form-data"],
  ])("parses %j", (header, type) => expect(parseMediaType(header)?.type).toBe(type));

  it.each(["text/plain; application/json", "application/json, text/plain", "application/jsonx", "json", ""])(
    "%j is not a media type we accept as JSON",
    async (type) => {
      const req = new Request("http://x/api", { method: "POST", body: "{}", headers: type ? { "content-type": type } : {} });
      await expect(parseJsonBody(req, z.unknown())).rejects.toMatchObject({ code: "unsupported_media_type" });
    },
  );

  it("names the media type it got", async () => {
    const req = new Request("http://x/api", { method: "POST", body: "{}", headers: { "content-type": "text/plain; application/json" } });
    await expect(parseJsonBody(req, z.unknown())).rejects.toThrow(
      'Content-Type "text/plain; application/json" is not application/json: send the body as application/json.',
    );
  });

  it("wants a boundary for multipart", async () => {
    const req = new Request("http://x/api", { method: "POST", body: "x", headers: { "content-type": "multipart/form-data" } });
    await expect(readMultipartFiles(req, "files", { maxFiles: 1, maxTotalBytes: 100 })).rejects.toMatchObject({
      code: "unsupported_media_type",
    });
  });
});
