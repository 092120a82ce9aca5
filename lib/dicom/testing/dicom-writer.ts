import { deflateSync } from "fflate";

// Minimal DICOM writer for test fixtures: Part 10 (meta group explicit LE) or a bare ACR-NEMA style data set.
export type Vr = "AE" | "CS" | "DA" | "DS" | "IS" | "LO" | "PN" | "SH" | "UI" | "US" | "UL" | "OB" | "OW" | "SQ" | "LT" | "AT" | "TM";
// Encapsulated pixel data: fragments in order; basicOffsetTable (byte offsets of each frame's first fragment item) is
// written into the first item when given, else that item is empty.
export type EncapsulatedValue = { fragments: Uint8Array[]; basicOffsetTable?: number[] };
export type ElementValue = string | number[] | Uint8Array | Uint16Array | DicomElement[][] | EncapsulatedValue;
export interface DicomElement {
  tag: number; // (group << 16) | element
  vr: Vr;
  value: ElementValue;
}

export interface Encoding {
  explicit: boolean;
  littleEndian: boolean;
}

const LONG_VRS = new Set<Vr>(["OB", "OW", "SQ"]);
const UNDEFINED = 0xffffffff;

class Out {
  private chunks: number[] = [];
  constructor(private readonly le: boolean) {}
  u8(...bytes: number[]) {
    this.chunks.push(...bytes);
  }
  u16(v: number) {
    if (this.le) this.u8(v & 255, v >> 8);
    else this.u8(v >> 8, v & 255);
  }
  u32(v: number) {
    const [first, second] = this.le ? [v & 0xffff, v >>> 16] : [v >>> 16, v & 0xffff];
    this.u16(first);
    this.u16(second);
  }
  bytes(b: Uint8Array) {
    for (const x of b) this.chunks.push(x);
  }
  tag(t: number) {
    this.u16(t >>> 16);
    this.u16(t & 0xffff);
  }
  toBytes() {
    return Uint8Array.from(this.chunks);
  }
}

function valueBytes(el: DicomElement, enc: Encoding): Uint8Array {
  const { value, vr } = el;
  if (typeof value === "string") {
    const text = Array.from(value, (c) => c.charCodeAt(0) & 255);
    if (text.length % 2) text.push(vr === "UI" ? 0 : 0x20);
    return Uint8Array.from(text);
  }
  const out = new Out(enc.littleEndian);
  if (value instanceof Uint16Array || (Array.isArray(value) && (vr === "US" || vr === "AT")))
    for (const v of Array.from(value as ArrayLike<number>)) out.u16(v);
  else if (Array.isArray(value) && vr === "UL") for (const v of value as number[]) out.u32(v);
  else if (value instanceof Uint8Array) {
    out.bytes(value);
    if (value.length % 2) out.u8(0);
  } else if (Array.isArray(value)) {
    for (const item of value as DicomElement[][]) {
      const body = writeElements(item, enc);
      out.tag(0xfffee000);
      out.u32(body.length);
      out.bytes(body);
    }
  }
  return out.toBytes();
}

function writeElement(out: Out, el: DicomElement, enc: Encoding): void {
  out.tag(el.tag);
  const encapsulated = typeof el.value === "object" && "fragments" in el.value;
  const body = encapsulated ? new Uint8Array(0) : valueBytes(el, enc);
  const length = encapsulated ? UNDEFINED : body.length;
  if (enc.explicit) {
    out.u8(el.vr.charCodeAt(0), el.vr.charCodeAt(1));
    if (LONG_VRS.has(el.vr)) {
      out.u16(0);
      out.u32(length);
    } else out.u16(length);
  } else out.u32(length);
  if (!encapsulated) return out.bytes(body);
  const { fragments, basicOffsetTable = [] } = el.value as EncapsulatedValue;
  out.tag(0xfffee000);
  out.u32(basicOffsetTable.length * 4);
  for (const offset of basicOffsetTable) out.u32(offset);
  for (const fragment of fragments) {
    out.tag(0xfffee000);
    out.u32(fragment.length + (fragment.length % 2));
    out.bytes(fragment);
    if (fragment.length % 2) out.u8(0);
  }
  out.tag(0xfffee0dd);
  out.u32(0);
}

export function writeElements(elements: DicomElement[], enc: Encoding): Uint8Array {
  const out = new Out(enc.littleEndian);
  for (const el of [...elements].sort((a, b) => a.tag - b.tag)) writeElement(out, el, enc);
  return out.toBytes();
}

export function encodingOf(transferSyntaxUid: string): Encoding {
  return {
    explicit: transferSyntaxUid !== "1.2.840.10008.1.2",
    littleEndian: transferSyntaxUid !== "1.2.840.10008.1.2.2",
  };
}

/** Part 10 file: 128-byte preamble, "DICM", meta group (explicit LE), then the data set (deflated for .1.99). */
export function writePart10(elements: DicomElement[], transferSyntaxUid: string, sopClassUid: string, sopInstanceUid: string): Uint8Array {
  const metaBody = writeElements(
    [
      { tag: 0x00020001, vr: "OB", value: Uint8Array.of(0, 1) },
      { tag: 0x00020002, vr: "UI", value: sopClassUid },
      { tag: 0x00020003, vr: "UI", value: sopInstanceUid },
      { tag: 0x00020010, vr: "UI", value: transferSyntaxUid },
      { tag: 0x00020012, vr: "UI", value: "1.2.826.0.1.3680043.10.1" },
    ],
    { explicit: true, littleEndian: true },
  );
  const groupLength = writeElements([{ tag: 0x00020000, vr: "UL", value: [metaBody.length] }], { explicit: true, littleEndian: true });
  let body = writeElements(
    elements,
    encodingOf(transferSyntaxUid === "1.2.840.10008.1.2.1.99" ? "1.2.840.10008.1.2.1" : transferSyntaxUid),
  );
  if (transferSyntaxUid === "1.2.840.10008.1.2.1.99") body = deflateSync(body);
  return concat(new Uint8Array(128), Uint8Array.from([0x44, 0x49, 0x43, 0x4d]), groupLength, metaBody, body);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
