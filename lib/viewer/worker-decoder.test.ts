import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeMultiFrameDicom, syntheticFrames } from "@/lib/dicom/testing/make-multi-frame";
import { makeSyntheticDicom } from "@/lib/dicom/testing/make-synthetic-dicom";
import type { DecodeReply, DecodeRequest } from "./decode-protocol";
import { handleDecodeRequest, ownBuffer } from "./worker-decoder";

// The worker's decoding half, run in Node against a real HTTP server (the worker itself needs a browser: e2e/viewer.spec.ts).
const mono1 = makeSyntheticDicom("mono1");
const frames = syntheticFrames(3);
const files: Record<string, Uint8Array> = { "/mono1.dcm": mono1.bytes, "/multi.dcm": makeMultiFrameDicom({ frames }) };
let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = files[req.url ?? ""];
    res.writeHead(body ? 200 : 404).end(body ? Buffer.from(body) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let id = 0;
async function request(path: string, o: Partial<DecodeRequest> = {}) {
  const replies: { reply: DecodeReply; transfer: Transferable[] }[] = [];
  const url = `${path}?n=${o.frame ?? 1}`;
  await handleDecodeRequest(
    { id: ++id, imageId: `cxr:${url}`, url, href: base + path, frame: 1, preview: false, ...o },
    (reply, transfer = []) => replies.push({ reply, transfer }),
  );
  const last = replies.at(-1)!;
  return { replies, last, result: last.reply.type === "result" ? last.reply.result : null };
}

describe("handleDecodeRequest", () => {
  it("fetches, decodes and replies with the pixels in a buffer of their own, listed for transfer", async () => {
    const { replies, last, result } = await request("/mono1.dcm");
    expect(replies.map((r) => r.reply.type)).toEqual(["timing", "timing", "timing", "result"]);
    expect(replies[0]!.reply).toMatchObject({ type: "timing", start: true });
    expect(replies[1]!.reply).toMatchObject({ type: "timing", bytesAtEpoch: expect.any(Number) });
    expect(result!.image.invert).toBe(true); // MONOCHROME1 still shows air dark
    expect([...result!.image.pixels]).toEqual(mono1.pixels);
    expect(result!.image.imageId).toBe(`cxr:/mono1.dcm?n=1`);
    expect(last.transfer).toEqual([result!.image.pixels.buffer]);
    expect(result!.image.pixels.byteLength).toBe(result!.image.pixels.buffer.byteLength);
  });

  it("decodes the requested frame of a multi-frame file", async () => {
    const { result } = await request("/multi.dcm", { frame: 2 });
    expect([...result!.image.pixels]).toEqual(frames[1]);
  });

  it("answers a failed fetch with an error reply", async () => {
    const { last } = await request("/missing.dcm");
    expect(last.reply).toMatchObject({ type: "error", message: "Could not load the image (404)" });
  });
});

describe("ownBuffer", () => {
  it("copies a view into the file (transferring it would detach the cached file) and keeps a buffer of its own", () => {
    const file = new Uint8Array(16);
    const view = new Uint16Array(file.buffer, 4, 4);
    expect(ownBuffer(view, file.buffer).buffer).not.toBe(file.buffer);
    expect(ownBuffer(new Uint8Array(file.buffer), file.buffer).buffer).not.toBe(file.buffer);
    const own = new Int16Array(8);
    expect(ownBuffer(own, file.buffer)).toBe(own);
  });
});
