import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodePixels } from "./decode-pixels";
import { parseDicom } from "./parse-dicom";
import { COLUMNS, makeSyntheticDicom, ROWS, type SyntheticKind } from "./testing/make-synthetic-dicom";

describe("decodePixels on synthetic files", () => {
  const kinds: SyntheticKind[] = [
    "explicit-le-16",
    "implicit-le",
    "explicit-be",
    "explicit-be-8",
    "mono1",
    "signed-rescale",
    "eight-bit",
    "rle",
    "acr-nema",
    "deflated",
    "voi-lut",
  ];
  it.each(kinds)("%s decodes to exactly the written values", async (kind) => {
    const fixture = makeSyntheticDicom(kind);
    const image = await decodePixels(parseDicom(fixture.bytes));
    expect(image).toMatchObject({ rows: ROWS, columns: COLUMNS, samplesPerPixel: 1, bitsStored: fixture.bitsStored });
    expect(image.pixelRepresentation).toBe(fixture.signed ? 1 : 0);
    const expectedType = fixture.signed ? Int16Array : fixture.bitsAllocated === 8 ? Uint8Array : Uint16Array;
    expect(image.pixels).toBeInstanceOf(expectedType);
    expect(Array.from(image.pixels)).toEqual(fixture.pixels);
    expect(image.minValue).toBe(Math.min(...fixture.pixels));
    expect(image.maxValue).toBe(Math.max(...fixture.pixels));
  });

  it("masks bits above High Bit (row 0 of explicit-le-16 has bit 15 set in the file)", async () => {
    const image = await decodePixels(parseDicom(makeSyntheticDicom("explicit-le-16").bytes));
    expect(image.maxValue).toBeLessThan(4096);
  });

  it("rejects an out-of-range frame with bad_request", async () => {
    const ds = parseDicom(makeSyntheticDicom("implicit-le").bytes);
    await expect(decodePixels(ds, { frame: 1 })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("rejects corrupt encapsulated data with unprocessable", async () => {
    const fixture = makeSyntheticDicom("rle");
    const bytes = fixture.bytes.slice();
    const fragment = parseDicom(bytes).raw.elements.x7fe00010?.fragments?.[0];
    if (!fragment) throw new Error("fixture has no RLE fragment");
    // First segment offset (header bytes 4..7) → far past the end of the frame.
    bytes.set([0xff, 0xff, 0xff, 0x7f], fragment.position + 4);
    const error = await decodePixels(parseDicom(bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("unprocessable");
  });
});
