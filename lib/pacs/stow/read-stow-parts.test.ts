import { describe, expect, it } from "vitest";
import { multipartRelated } from "@/lib/pacs/testing/serve-route";
import { assertStowContentType, readStowParts } from "./read-stow-parts";

const request = (parts: { type: string; bytes: Uint8Array }[]) => {
  const { body, contentType } = multipartRelated(parts, "b0undary");
  return new Request("http://app/dicomweb/studies", { method: "POST", body, headers: { "content-type": contentType } });
};
const collect = async (req: Request, maxPartBytes = 1000) => {
  const out = [];
  for await (const p of readStowParts(req, { maxPartBytes, maxTotalBytes: 10_000, maxParts: 5 })) out.push(p);
  return out;
};

describe("readStowParts", () => {
  it("yields each part with its media type and bytes, in order", async () => {
    const parts = await collect(
      request([
        { type: "application/dicom", bytes: Uint8Array.of(1, 2, 3) },
        { type: "Text/Plain", bytes: Uint8Array.of(13, 10, 45, 45) },
      ]),
    );
    expect(parts.map((p) => [p.index, p.mediaType, Array.from(p.bytes)])).toEqual([
      [0, "application/dicom", [1, 2, 3]],
      [1, "text/plain", [13, 10, 45, 45]],
    ]);
  });
  it("stops with payload_too_large as soon as a part crosses the limit", async () => {
    await expect(collect(request([{ type: "application/dicom", bytes: new Uint8Array(1001) }]))).rejects.toMatchObject({
      code: "payload_too_large",
    });
  });
  it("accepts only multipart/related with type application/dicom and a boundary", () => {
    expect(() => assertStowContentType('multipart/related; type="application/dicom"; boundary=x')).not.toThrow();
    expect(() => assertStowContentType("multipart/related; boundary=x")).not.toThrow(); // type is optional
    expect(() => assertStowContentType("multipart/form-data; boundary=x")).toThrow(
      expect.objectContaining({ code: "unsupported_media_type" }),
    );
    expect(() => assertStowContentType('multipart/related; type="application/dicom+xml"; boundary=x')).toThrow(
      expect.objectContaining({ code: "unsupported_media_type" }),
    );
    expect(() => assertStowContentType('multipart/related; type="application/dicom"')).toThrow(
      expect.objectContaining({ code: "bad_request" }),
    );
  });
});

describe("readStowParts on a broken body", () => {
  it("a body cut off inside a part is bad_request", async () => {
    const req = new Request("http://app/x", {
      method: "POST",
      body: "--b\r\nContent-Type: application/dicom\r\n",
      headers: { "content-type": 'multipart/related; type="application/dicom"; boundary=b' },
    });
    await expect(collect(req)).rejects.toMatchObject({ code: "bad_request" });
  });
});
