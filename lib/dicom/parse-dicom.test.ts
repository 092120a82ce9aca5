import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseDicom } from "./parse-dicom";
import { makeBrokenDicom, makeSyntheticDicom, type BrokenKind, type SyntheticKind } from "./testing/make-synthetic-dicom";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
  throw new Error("expected an AppError");
}

describe("parseDicom", () => {
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
  it.each(kinds)("parses the synthetic %s file with its transfer syntax", (kind) => {
    const fixture = makeSyntheticDicom(kind);
    const ds = parseDicom(fixture.bytes);
    expect(ds.transferSyntaxUid).toBe(fixture.transferSyntaxUid);
    expect(ds.hasFileMeta).toBe(kind !== "acr-nema");
    expect(ds.littleEndian).toBe(!kind.startsWith("explicit-be"));
    expect(ds.raw.elements.x7fe00010).toBeDefined();
  });

  it.each<[BrokenKind, string]>([
    ["not-dicom", "unsupported_media_type"],
    ["truncated", "unprocessable"],
    ["no-pixel-data", "unprocessable"],
    ["unsupported-ts", "unsupported"],
  ])("rejects %s input with AppError(%s)", (kind, code) => {
    expect(codeOf(() => parseDicom(makeBrokenDicom(kind)))).toBe(code);
  });

  it("rejects empty input, PNG bytes and random bytes as not DICOM", () => {
    expect(codeOf(() => parseDicom(new Uint8Array(0)))).toBe("unsupported_media_type");
    expect(codeOf(() => parseDicom(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52)))).toBe(
      "unsupported_media_type",
    );
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect(codeOf(() => parseDicom(noise))).toBe("unsupported_media_type");
  });

  it("reports a truncated deflated or ACR-NEMA file as unprocessable", () => {
    for (const kind of ["deflated", "acr-nema"] as const) {
      const bytes = makeSyntheticDicom(kind).bytes;
      expect(codeOf(() => parseDicom(bytes.subarray(0, bytes.length - 700)))).toBe("unprocessable");
    }
  });

  it("metadataOnly skips the pixel-data and transfer-syntax checks", () => {
    expect(parseDicom(makeBrokenDicom("unsupported-ts"), { metadataOnly: true }).transferSyntaxUid).toBe("1.2.840.10008.1.2.4.100");
    expect(parseDicom(makeBrokenDicom("no-pixel-data"), { metadataOnly: true }).raw.elements.x7fe00010).toBeUndefined();
  });
});
