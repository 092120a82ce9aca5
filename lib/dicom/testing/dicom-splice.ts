import dicomParser, { type DataSet, type Element } from "dicom-parser";
import { concat, writeElements, type DicomElement } from "./dicom-writer";

// Byte-level edits of a real DICOM file for the header fuzzer: find an element, rewrite its value (length field
// updated), its VR or its length field, insert a new element, swap two. Little-endian files only (explicit or implicit);
// edits outside the file meta group keep the meta group length right.
const LONG_VRS = new Set(["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"]);

export type ParsedFile = { bytes: Uint8Array; ds: DataSet; explicit: boolean };

export function parseForSplice(bytes: Uint8Array): ParsedFile | null {
  try {
    const ds = dicomParser.parseDicom(bytes);
    const ts = ds.string("x00020010");
    if (!ts || ts === "1.2.840.10008.1.2.2" || ts === "1.2.840.10008.1.2.1.99") return null; // big endian / deflated
    return { bytes, ds, explicit: ts !== "1.2.840.10008.1.2" };
  } catch {
    return null;
  }
}

/** Bytes of the element's header before its value: tag (4) + VR/length (explicit 4 or 8, implicit 4). */
export function headerSize(f: ParsedFile, el: Element): number {
  if (!f.explicit && !el.tag.startsWith("x0002")) return 8;
  return LONG_VRS.has(el.vr ?? "") ? 12 : 8;
}

const lengthFieldSize = (f: ParsedFile, el: Element) => (headerSize(f, el) === 12 || (!f.explicit && !el.tag.startsWith("x0002")) ? 4 : 2);

/** Top-level data set elements (no meta group) in file order. */
export function datasetElements(f: ParsedFile): Element[] {
  return Object.values(f.ds.elements)
    .filter((e) => !e.tag.startsWith("x0002") && !e.tag.startsWith("xfffe"))
    .sort((a, b) => a.dataOffset - b.dataOffset);
}

export function withValue(f: ParsedFile, el: Element, value: Uint8Array): Uint8Array {
  const padded = value.length % 2 ? concat(value, Uint8Array.of(el.vr === "UI" ? 0 : 0x20)) : value;
  const out = concat(f.bytes.subarray(0, el.dataOffset), padded, f.bytes.subarray(el.dataOffset + el.length));
  writeLength(out, el.dataOffset - lengthFieldSize(f, el), lengthFieldSize(f, el), padded.length);
  return out;
}

/** The same bytes with `bytes` written over position `at` (no length change). */
export function overwrite(f: ParsedFile, at: number, bytes: Uint8Array): Uint8Array {
  const out = f.bytes.slice();
  out.set(bytes, at);
  return out;
}

export function withLengthField(f: ParsedFile, el: Element, length: number): Uint8Array {
  const out = f.bytes.slice();
  writeLength(out, el.dataOffset - lengthFieldSize(f, el), lengthFieldSize(f, el), length);
  return out;
}

/** Inserts a new top-level element where its tag belongs (encoded like the file's data set). */
export function withInserted(f: ParsedFile, element: DicomElement): Uint8Array {
  const encoded = writeElements([element], { explicit: f.explicit, littleEndian: true });
  const tag = "x" + element.tag.toString(16).padStart(8, "0");
  const next = datasetElements(f).find((e) => e.tag > tag);
  const at = next ? next.dataOffset - headerSize(f, next) : f.bytes.length;
  return concat(f.bytes.subarray(0, at), encoded, f.bytes.subarray(at));
}

/** Swaps two consecutive elements (their whole encodings), so tags no longer ascend. */
export function withSwapped(f: ParsedFile, a: Element, b: Element): Uint8Array {
  const startA = a.dataOffset - headerSize(f, a);
  const startB = b.dataOffset - headerSize(f, b);
  const endB = b.dataOffset + b.length;
  return concat(f.bytes.subarray(0, startA), f.bytes.subarray(startB, endB), f.bytes.subarray(startA, startB), f.bytes.subarray(endB));
}

function writeLength(out: Uint8Array, at: number, size: number, length: number) {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (size === 2) view.setUint16(at, length, true);
  else view.setUint32(at, length, true);
}

export const latin1 = (s: string) => Uint8Array.from(Array.from(s, (c) => c.charCodeAt(0) & 255));
