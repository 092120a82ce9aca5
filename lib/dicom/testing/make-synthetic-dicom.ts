import { encodingOf, writeElements, writePart10, type DicomElement } from "./dicom-writer";
import { encodeRleFrame } from "./rle-encode";

// Small synthetic DICOMs built in memory, so the decoder tests never need the shared data.
export const ROWS = 48;
export const COLUMNS = 64;
export const DX_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.1.1";
export const SOP_INSTANCE = "1.2.826.0.1.3680043.10.99.1";

export type SyntheticKind =
  | "explicit-le-16"
  | "implicit-le"
  | "explicit-be"
  | "explicit-be-8"
  | "mono1"
  | "signed-rescale"
  | "eight-bit"
  | "rle"
  | "acr-nema"
  | "deflated"
  | "voi-lut";

export interface SyntheticDicom {
  bytes: Uint8Array;
  transferSyntaxUid: string;
  /** Expected decoded values, row-major. */
  pixels: number[];
  photometricInterpretation: "MONOCHROME1" | "MONOCHROME2";
  bitsAllocated: 8 | 16;
  bitsStored: number;
  signed: boolean;
}

/** Gradient 0..~1000 left to right plus 2·row, with a bright disc (value `disc`) at (0.6·W, 0.4·H), radius 10. */
export function syntheticImage(scale = 1, offset = 0, disc = 4000): number[] {
  const out: number[] = [];
  for (let y = 0; y < ROWS; y++) {
    for (let x = 0; x < COLUMNS; x++) {
      const inDisc = (x - COLUMNS * 0.6) ** 2 + (y - ROWS * 0.4) ** 2 <= 100;
      out.push(inDisc ? disc : Math.round(((x / (COLUMNS - 1)) * 1000 + 2 * y) * scale) + offset);
    }
  }
  return out;
}

export function makeSyntheticDicom(kind: SyntheticKind): SyntheticDicom {
  const ts =
    {
      "implicit-le": "1.2.840.10008.1.2",
      "acr-nema": "1.2.840.10008.1.2",
      "explicit-be": "1.2.840.10008.1.2.2",
      "explicit-be-8": "1.2.840.10008.1.2.2",
      rle: "1.2.840.10008.1.2.5",
      deflated: "1.2.840.10008.1.2.1.99",
    }[kind as string] ?? "1.2.840.10008.1.2.1";
  const eight = kind === "eight-bit" || kind === "explicit-be-8";
  const signed = kind === "signed-rescale";
  const pixels = eight ? syntheticImage(0.2, 0, 250) : signed ? syntheticImage(1, -1024, 1500) : syntheticImage();
  const photometric = kind === "mono1" ? "MONOCHROME1" : "MONOCHROME2";
  const bitsStored = eight ? 8 : 12;
  // Stored words: signed values in two's complement; bit 15 set on row 0 of the 16-bit image (overlay-like garbage
  // above High Bit that the decoder must mask off).
  const words = pixels.map((v, i) => (signed ? v & 0xffff : kind === "explicit-le-16" && i < COLUMNS ? v | 0x8000 : v));
  const pixelElement: DicomElement =
    kind === "rle"
      ? { tag: 0x7fe00010, vr: "OB", value: { fragments: [encodeRleFrame(words, 2)] } }
      : kind === "explicit-be-8"
        ? { tag: 0x7fe00010, vr: "OW", value: pairsAsWords(words) } // big endian OW swaps byte pairs
        : eight
          ? { tag: 0x7fe00010, vr: "OB", value: Uint8Array.from(words) }
          : { tag: 0x7fe00010, vr: "OW", value: Uint16Array.from(words) };
  const elements: DicomElement[] = [
    ...identityElements(),
    { tag: 0x00280004, vr: "CS", value: photometric },
    { tag: 0x00280002, vr: "US", value: [1] },
    { tag: 0x00280010, vr: "US", value: [ROWS] },
    { tag: 0x00280011, vr: "US", value: [COLUMNS] },
    { tag: 0x00280100, vr: "US", value: [eight ? 8 : 16] },
    { tag: 0x00280101, vr: "US", value: [bitsStored] },
    { tag: 0x00280102, vr: "US", value: [bitsStored - 1] },
    { tag: 0x00280103, vr: "US", value: [signed ? 1 : 0] },
    { tag: 0x00280030, vr: "DS", value: "0.139\\0.14" },
    { tag: 0x00181164, vr: "DS", value: "0.15\\0.16" },
    pixelElement,
  ];
  if (kind === "explicit-le-16" || kind === "mono1") {
    elements.push({ tag: 0x00281050, vr: "DS", value: "2000\\1000" }, { tag: 0x00281051, vr: "DS", value: "4000\\2000" });
  }
  if (signed) elements.push({ tag: 0x00281052, vr: "DS", value: "-1024" }, { tag: 0x00281053, vr: "DS", value: "2" });
  if (kind === "voi-lut") elements.push(voiLutSequence());
  const bytes = kind === "acr-nema" ? writeElements(elements, encodingOf(ts)) : writePart10(elements, ts, DX_SOP_CLASS, SOP_INSTANCE);
  return {
    bytes,
    transferSyntaxUid: ts,
    pixels,
    photometricInterpretation: photometric,
    bitsAllocated: eight ? 8 : 16,
    bitsStored,
    signed,
  };
}

/** 8-bit samples packed two per 16-bit word, first sample in the low byte (how OW holds 8-bit pixels). */
function pairsAsWords(bytes: number[]): Uint16Array {
  return Uint16Array.from({ length: Math.ceil(bytes.length / 2) }, (_, i) => bytes[2 * i]! | ((bytes[2 * i + 1] ?? 0) << 8));
}

export function identityElements(): DicomElement[] {
  return [
    { tag: 0x00080016, vr: "UI", value: DX_SOP_CLASS },
    { tag: 0x00080018, vr: "UI", value: SOP_INSTANCE },
    { tag: 0x00080020, vr: "DA", value: "20240131" },
    { tag: 0x00080050, vr: "SH", value: "ACC123" },
    { tag: 0x00080060, vr: "CS", value: "DX" },
    { tag: 0x00080070, vr: "LO", value: "Synthetic Co" },
    { tag: 0x00081030, vr: "LO", value: "Chest PA" },
    { tag: 0x00081090, vr: "LO", value: "Model X" },
    { tag: 0x00100010, vr: "PN", value: "Doe^Jane" },
    { tag: 0x00100020, vr: "LO", value: "PID-42" },
    { tag: 0x00100030, vr: "DA", value: "19700101" },
    { tag: 0x00100040, vr: "CS", value: "F" },
    { tag: 0x00180015, vr: "CS", value: "CHEST" },
    { tag: 0x00185101, vr: "CS", value: "PA" },
    { tag: 0x0020000d, vr: "UI", value: "1.2.826.0.1.3680043.10.99.2" },
    { tag: 0x0020000e, vr: "UI", value: "1.2.826.0.1.3680043.10.99.3" },
  ];
}

/** VOI LUT: 4096 entries from stored value 0, 8-bit output, identity ramp value >> 4. */
function voiLutSequence(): DicomElement {
  const data = Uint16Array.from({ length: 4096 }, (_, i) => i >> 4);
  return {
    tag: 0x00283010,
    vr: "SQ",
    value: [
      [
        { tag: 0x00283002, vr: "US", value: [4096, 0, 8] },
        { tag: 0x00283003, vr: "LO", value: "RAMP" },
        { tag: 0x00283006, vr: "OW", value: data },
      ],
    ],
  };
}

export type BrokenKind = "truncated" | "not-dicom" | "no-pixel-data" | "unsupported-ts";

export function makeBrokenDicom(kind: BrokenKind): Uint8Array {
  if (kind === "not-dicom") return new TextEncoder().encode("%PDF-1.7 this is not a DICOM file at all, just text".repeat(4));
  if (kind === "truncated") {
    const full = makeSyntheticDicom("explicit-le-16").bytes;
    return full.subarray(0, full.length - 1000);
  }
  const elements = [...identityElements(), { tag: 0x00280010, vr: "US" as const, value: [ROWS] }];
  if (kind === "no-pixel-data") return writePart10(elements, "1.2.840.10008.1.2.1", DX_SOP_CLASS, SOP_INSTANCE);
  // MPEG2 Main Profile: a valid file whose pixel data this module cannot decode.
  const pixel: DicomElement = { tag: 0x7fe00010, vr: "OB", value: { fragments: [Uint8Array.of(0, 0, 1, 0xb3)] } };
  return writePart10([...elements, pixel], "1.2.840.10008.1.2.4.100", DX_SOP_CLASS, SOP_INSTANCE);
}
