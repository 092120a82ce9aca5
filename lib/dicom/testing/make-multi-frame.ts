import { writePart10, type DicomElement } from "./dicom-writer";
import { COLUMNS, DX_SOP_CLASS, identityElements, ROWS, syntheticImage } from "./make-synthetic-dicom";
import { encodeRleFrame } from "./rle-encode";

// Multi-frame DX fixtures built in memory (native and RLE); DCMTK transcodes them for the other encapsulated syntaxes.
export type MultiFrameSyntax = "explicit-le" | "implicit-le" | "explicit-be" | "rle";
const TS: Record<MultiFrameSyntax, string> = {
  "explicit-le": "1.2.840.10008.1.2.1",
  "implicit-le": "1.2.840.10008.1.2",
  "explicit-be": "1.2.840.10008.1.2.2",
  rle: "1.2.840.10008.1.2.5",
};

export interface MultiFrameOptions {
  /** Row-major grey values, one array per frame. */
  frames: number[][];
  /** Already-compressed frames (one fragment each, with a Basic Offset Table) in this transfer syntax, instead of frames. */
  codestreams?: { transferSyntaxUid: string; frames: Uint8Array[] };
  rows?: number;
  columns?: number;
  bitsAllocated?: 8 | 16;
  bitsStored?: number;
  syntax?: MultiFrameSyntax;
  /** RLE only: write the Basic Offset Table (else it is empty and each fragment is one frame). */
  basicOffsetTable?: boolean;
  uids?: { study?: string; series?: string; instance?: string };
  /** Window centre/width written into the file (e.g. the identity window of 8-bit images). */
  window?: { center: number; width: number };
}

/** Frames that differ from each other: frame k (0-based) is the synthetic gradient raised by 100·k with its own disc. */
export function syntheticFrames(count: number, eightBit = false): number[][] {
  return Array.from({ length: count }, (_, k) =>
    eightBit ? syntheticImage(0.2, 10 * k, 250 - 20 * k) : syntheticImage(1, 100 * k, 4000 - 500 * k),
  );
}

export function makeMultiFrameDicom(o: MultiFrameOptions): Uint8Array {
  const rows = o.rows ?? ROWS;
  const columns = o.columns ?? COLUMNS;
  const bitsAllocated = o.bitsAllocated ?? 16;
  const bitsStored = o.bitsStored ?? (bitsAllocated === 8 ? 8 : 12);
  const syntax = o.syntax ?? "explicit-le";
  const sop = o.uids?.instance ?? "1.2.826.0.1.3680043.10.99.11";
  const elements: DicomElement[] = identityElements()
    .filter((e) => e.tag !== 0x00080018 && !(o.uids?.study && e.tag === 0x0020000d) && !(o.uids?.series && e.tag === 0x0020000e))
    .concat(
      { tag: 0x00080018, vr: "UI", value: sop },
      { tag: 0x00280008, vr: "IS", value: String(o.codestreams?.frames.length ?? o.frames.length) },
      { tag: 0x00280009, vr: "AT", value: [0x0018, 0x1063] }, // Frame Increment Pointer → Frame Time
      { tag: 0x00181063, vr: "DS", value: "1000" },
      { tag: 0x00280004, vr: "CS", value: "MONOCHROME2" },
      { tag: 0x00280002, vr: "US", value: [1] },
      { tag: 0x00280010, vr: "US", value: [rows] },
      { tag: 0x00280011, vr: "US", value: [columns] },
      { tag: 0x00280100, vr: "US", value: [bitsAllocated] },
      { tag: 0x00280101, vr: "US", value: [bitsStored] },
      { tag: 0x00280102, vr: "US", value: [bitsStored - 1] },
      { tag: 0x00280103, vr: "US", value: [0] },
      o.codestreams ? encapsulated(o.codestreams.frames, true) : pixelData(o.frames, bitsAllocated, syntax, o.basicOffsetTable ?? false),
    );
  if (o.uids?.study) elements.push({ tag: 0x0020000d, vr: "UI", value: o.uids.study });
  if (o.uids?.series) elements.push({ tag: 0x0020000e, vr: "UI", value: o.uids.series });
  if (o.window)
    elements.push(
      { tag: 0x00281050, vr: "DS", value: String(o.window.center) },
      { tag: 0x00281051, vr: "DS", value: String(o.window.width) },
    );
  return writePart10(elements, o.codestreams?.transferSyntaxUid ?? TS[syntax], DX_SOP_CLASS, sop);
}

function pixelData(frames: number[][], bitsAllocated: 8 | 16, syntax: MultiFrameSyntax, bot: boolean): DicomElement {
  if (syntax === "rle")
    return encapsulated(
      frames.map((f) => encodeRleFrame(f, bitsAllocated === 8 ? 1 : 2)),
      bot,
    );
  const all = frames.flat();
  // OB for 8-bit native data (as DCMTK writes it), OW for 16-bit; big endian swaps OW words, not OB bytes.
  return bitsAllocated === 8
    ? { tag: 0x7fe00010, vr: "OB", value: Uint8Array.from(all) }
    : { tag: 0x7fe00010, vr: "OW", value: Uint16Array.from(all) };
}

/** One fragment per frame; the offset table, when written, points at each fragment's item tag. */
function encapsulated(fragments: Uint8Array[], bot: boolean): DicomElement {
  const offsets: number[] = [];
  let at = 0;
  for (const f of fragments) {
    offsets.push(at);
    at += 8 + f.length + (f.length % 2); // item tag + length + even-padded value
  }
  return { tag: 0x7fe00010, vr: "OB", value: { fragments, basicOffsetTable: bot ? offsets : undefined } };
}
