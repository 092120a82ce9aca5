import { rangeWindow, type VoiWindow } from "./voi";

// Wraps an 8-bit grey raster (an uploaded PNG/JPEG) as a DICOM Part 10 Secondary Capture, explicit VR little endian,
// so that storage, viewer and inference handle every image as DICOM.
export const SECONDARY_CAPTURE_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.7";
const EXPLICIT_LE = "1.2.840.10008.1.2.1";
const IMPLEMENTATION_UID = "2.25.329800735698586629295641978511506172918";

export type SecondaryCaptureInput = {
  rows: number;
  columns: number;
  pixels: Uint8Array; // rows*columns grey samples
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  studyDate: string; // YYYYMMDD, or "" when unknown (Study Date is type 2: present, may be empty)
  description: string;
  /** Written as Window Center / Width (LINEAR); without one, readers fall back to their own windowing. */
  window?: Pick<VoiWindow, "center" | "width">;
};

/** The LINEAR window (PS3.3 C.11.2.1.2.1) that maps every 8-bit value to itself: centre 128, width 256. An 8-bit
 * PNG/JPEG wrapped with it is shown, predicted on and exported with exactly its own pixels (no contrast stretch). */
export const IDENTITY_WINDOW_8BIT = rangeWindow(0, 255);

type El = { tag: number; vr: string; value: string | Uint8Array | number };
const LONG = new Set(["OB", "OW", "UN", "SQ", "UT"]);

function encodeValue(el: El): Uint8Array {
  if (typeof el.value === "number") {
    const b = new Uint8Array(el.vr === "UL" ? 4 : 2);
    const v = new DataView(b.buffer);
    if (el.vr === "UL") v.setUint32(0, el.value, true);
    else v.setUint16(0, el.value, true);
    return b;
  }
  if (el.value instanceof Uint8Array) return el.value.length % 2 ? concat([el.value, new Uint8Array(1)]) : el.value;
  const s = el.value.length % 2 ? el.value + (el.vr === "UI" ? "\0" : " ") : el.value;
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0x7f);
}

function encodeElement(el: El): Uint8Array {
  const value = encodeValue(el);
  const long = LONG.has(el.vr);
  const head = new Uint8Array(long ? 12 : 8);
  const v = new DataView(head.buffer);
  v.setUint16(0, el.tag >>> 16, true);
  v.setUint16(2, el.tag & 0xffff, true);
  head[4] = el.vr.charCodeAt(0);
  head[5] = el.vr.charCodeAt(1);
  if (long) v.setUint32(8, value.length, true);
  else v.setUint16(6, value.length, true);
  return concat([head, value]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function writeSecondaryCapture(input: SecondaryCaptureInput): Uint8Array {
  if (input.pixels.length !== input.rows * input.columns) throw new Error("pixel count does not match rows × columns");
  const meta = [
    { tag: 0x00020001, vr: "OB", value: Uint8Array.of(0, 1) },
    { tag: 0x00020002, vr: "UI", value: SECONDARY_CAPTURE_SOP_CLASS },
    { tag: 0x00020003, vr: "UI", value: input.sopInstanceUid },
    { tag: 0x00020010, vr: "UI", value: EXPLICIT_LE },
    { tag: 0x00020012, vr: "UI", value: IMPLEMENTATION_UID },
  ].map(encodeElement);
  const metaLength = meta.reduce((n, p) => n + p.length, 0);
  const data: El[] = [
    { tag: 0x00080016, vr: "UI", value: SECONDARY_CAPTURE_SOP_CLASS },
    { tag: 0x00080018, vr: "UI", value: input.sopInstanceUid },
    { tag: 0x00080020, vr: "DA", value: input.studyDate },
    { tag: 0x00080060, vr: "CS", value: "OT" },
    { tag: 0x00080064, vr: "CS", value: "WSD" },
    { tag: 0x00081030, vr: "LO", value: input.description.slice(0, 64) },
    { tag: 0x00100010, vr: "PN", value: "" },
    { tag: 0x00100020, vr: "LO", value: "" },
    { tag: 0x0020000d, vr: "UI", value: input.studyInstanceUid },
    { tag: 0x0020000e, vr: "UI", value: input.seriesInstanceUid },
    { tag: 0x00200013, vr: "IS", value: "1" },
    { tag: 0x00280002, vr: "US", value: 1 },
    { tag: 0x00280004, vr: "CS", value: "MONOCHROME2" },
    { tag: 0x00280010, vr: "US", value: input.rows },
    { tag: 0x00280011, vr: "US", value: input.columns },
    { tag: 0x00280100, vr: "US", value: 8 },
    { tag: 0x00280101, vr: "US", value: 8 },
    { tag: 0x00280102, vr: "US", value: 7 },
    { tag: 0x00280103, vr: "US", value: 0 },
    ...(input.window
      ? [
          { tag: 0x00281050, vr: "DS", value: String(input.window.center) },
          { tag: 0x00281051, vr: "DS", value: String(input.window.width) },
        ]
      : []),
    { tag: 0x7fe00010, vr: "OB", value: input.pixels },
  ];
  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128); // "DICM"
  const groupLength = encodeElement({ tag: 0x00020000, vr: "UL", value: metaLength });
  return concat([preamble, groupLength, ...meta, ...data.map(encodeElement)]);
}

// UUID-derived UIDs (PS3.5 B.2): no organisation root needed.
export function generateUid(): string {
  const hex = crypto.randomUUID().replace(/-/g, "");
  return `2.25.${BigInt("0x" + hex).toString(10)}`;
}
