import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { decodePixels } from "./decode-pixels";
import { parseDicom } from "./parse-dicom";
import { readFrameBytes } from "./pixel-frame";
import { readMetadata } from "./read-metadata";
import { makeMultiFrameDicom, syntheticFrames, type MultiFrameSyntax } from "./testing/make-multi-frame";
import { hasSharedDicom, loadDicom, pixelDiff } from "./testing/shared-data";

// Every frame of a multi-frame file decodes to its own pixels, whatever the transfer syntax and fragment layout.
async function decodeAll(bytes: Uint8Array) {
  const ds = parseDicom(bytes);
  const meta = readMetadata(ds);
  const frames = [];
  for (let f = 0; f < meta.numberOfFrames; f++) frames.push(await decodePixels(ds, { frame: f, metadata: meta }));
  return { meta, frames };
}

describe("multi-frame files built in memory", () => {
  const cases: [MultiFrameSyntax, 8 | 16, boolean][] = [
    ["explicit-le", 16, false],
    ["explicit-le", 8, false],
    ["implicit-le", 16, false],
    ["explicit-be", 16, false],
    ["explicit-be", 8, false],
    ["rle", 16, false],
    ["rle", 16, true],
    ["rle", 8, true],
  ];
  it.each(cases)("%s %i-bit (offset table %s): each frame is exactly its own pixels", async (syntax, bits, bot) => {
    const expected = syntheticFrames(3, bits === 8);
    const { meta, frames } = await decodeAll(makeMultiFrameDicom({ frames: expected, bitsAllocated: bits, syntax, basicOffsetTable: bot }));
    expect(meta.numberOfFrames).toBe(3);
    frames.forEach((img, k) => expect(Array.from(img.pixels), `frame ${k + 1}`).toEqual(expected[k]));
  });

  it("a frame past the last one is a bad request naming the range", async () => {
    const ds = parseDicom(makeMultiFrameDicom({ frames: syntheticFrames(3) }));
    await expect(decodePixels(ds, { frame: 3 })).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/0\.\.2/) });
  });

  it("a header that claims more frames than the pixel data holds is refused on the missing frame", async () => {
    const bytes = makeMultiFrameDicom({ frames: syntheticFrames(3) });
    // (0028,0008) IS "3 " → "4 ": the file now says 4 frames but carries 3.
    const at = Buffer.from(bytes).indexOf(Buffer.from([0x28, 0x00, 0x08, 0x00, 0x49, 0x53, 0x02, 0x00, 0x33]));
    bytes[at + 8] = 0x34;
    const ds = parseDicom(bytes);
    expect(readMetadata(ds).numberOfFrames).toBe(4);
    await expect(decodePixels(ds, { frame: 2 })).resolves.toMatchObject({ rows: 48 });
    await expect(decodePixels(ds, { frame: 3 })).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringMatching(/truncated/),
    });
  });
});

// DCMTK is the reference encoder of encapsulated multi-frame data: one fragment per frame or several, offset table or not.
const hasDcmtk = !spawnSync("dcmcjpeg", ["--version"]).error;
if (!hasDcmtk && env.CI) throw new Error("dcmcjpeg (DCMTK) is required in CI: apt-get install -y dcmtk");
if (!hasDcmtk) console.warn("[lib/dicom] DCMTK not installed (apt-get install -y dcmtk): multi-frame transcodes are skipped");

describe.skipIf(!hasDcmtk)("multi-frame files encoded by DCMTK", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-mf-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const source16 = path.join(dir, "native16.dcm");
  const source8 = path.join(dir, "native8.dcm");
  fs.writeFileSync(source16, makeMultiFrameDicom({ frames: syntheticFrames(3) }));
  fs.writeFileSync(source8, makeMultiFrameDicom({ frames: syntheticFrames(3, true), bitsAllocated: 8 }));

  // [name, tool, options, 8-bit source?, max error allowed, expected transfer syntax]
  const transcodes: [string, string, string[], boolean, number, string][] = [
    ["JPEG lossless SV1, offset table", "dcmcjpeg", ["+e1"], false, 0, "1.2.840.10008.1.2.4.70"],
    ["JPEG lossless SV1, 1 kB fragments, offset table", "dcmcjpeg", ["+e1", "+fs", "1"], false, 0, "1.2.840.10008.1.2.4.70"],
    ["JPEG lossless SV1, 1 kB fragments, empty offset table", "dcmcjpeg", ["+e1", "+fs", "1", "-ot"], false, 0, "1.2.840.10008.1.2.4.70"],
    ["JPEG baseline 8-bit, empty offset table", "dcmcjpeg", ["+eb", "-ot"], true, 16, "1.2.840.10008.1.2.4.50"],
    ["JPEG extended 12-bit", "dcmcjpeg", ["+ee"], false, 40, "1.2.840.10008.1.2.4.51"],
    ["JPEG-LS lossless, 1 kB fragments", "dcmcjpls", ["+el", "+fs", "1"], false, 0, "1.2.840.10008.1.2.4.80"],
    ["JPEG-LS near-lossless, empty offset table", "dcmcjpls", ["+en", "-ot"], false, 2, "1.2.840.10008.1.2.4.81"],
    ["RLE, empty offset table", "dcmcrle", ["-ot"], false, 0, "1.2.840.10008.1.2.5"],
  ];
  it.each(transcodes)("%s", async (name, tool, options, eight, maxError, ts) => {
    const out = path.join(dir, `${name.replace(/\W+/g, "-")}.dcm`);
    const r = spawnSync(tool, [...options, eight ? source8 : source16, out], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const bytes = new Uint8Array(fs.readFileSync(out));
    const { meta, frames } = await decodeAll(bytes);
    expect(parseDicom(bytes).transferSyntaxUid).toBe(ts);
    expect(meta.numberOfFrames).toBe(3);
    const expected = syntheticFrames(3, eight);
    frames.forEach((img, k) => expect(pixelDiff(img.pixels, expected[k]!).max, `frame ${k + 1}`).toBeLessThanOrEqual(maxError));
  });
});

// No encoder here writes JPEG 2000, so two real codestreams (RG3, lossless and lossy) become the two frames of one file.
describe.skipIf(!hasSharedDicom)("a multi-frame JPEG 2000 file", () => {
  it("decodes each frame like the single-frame file its codestream came from, at full and reduced resolution", async () => {
    const lossless = await loadDicom("pydicom-data/non-chest/RG3_J2KR.dcm");
    const lossy = await loadDicom("pydicom-data/non-chest/RG3_J2KI.dcm");
    const codestream = (d: typeof lossless) => readFrameBytes(d.dataset, d.meta, 0).slice();
    const bytes = makeMultiFrameDicom({
      frames: [],
      rows: 1760,
      columns: 1760,
      bitsStored: 10,
      codestreams: { transferSyntaxUid: "1.2.840.10008.1.2.4.90", frames: [codestream(lossless), codestream(lossy)] },
    });
    const ds = parseDicom(bytes);
    const second = await decodePixels(ds, { frame: 1 });
    expect(pixelDiff(second.pixels, lossy.image.pixels).max).toBe(0);
    const first = await decodePixels(ds, { frame: 0 });
    expect(pixelDiff(first.pixels, lossless.image.pixels).max).toBe(0);
    const quarter = await decodePixels(ds, { frame: 1, j2kDecodeLevel: 2 });
    expect([quarter.rows, quarter.columns]).toEqual([440, 440]);
  }, 30_000);
});
