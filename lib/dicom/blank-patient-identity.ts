import type { DataSet, Element } from "dicom-parser";
import { parseDicom } from "./parse-dicom";
import { TS } from "./transfer-syntax";

// Attributes outside group 0010 (Patient) that point at a patient or an encounter.
const ALSO_BLANKED = new Set(["x00080050" /* Accession Number */, "x00200010" /* Study ID */, "x00380010" /* Admission ID */]);
const BINARY_VRS = new Set(["US", "SS", "UL", "SL", "FL", "FD", "OB", "OW", "OF", "OD", "OL", "UN", "AT", "SV", "UV", "OV"]);
const DEFLATED = "1.2.840.10008.1.2.1.99";

/**
 * A copy of a DICOM file with the Patient module (every attribute of group 0010, in sequences too), Accession Number,
 * Study ID and Admission ID blanked in place: text becomes spaces, binary values zeros. Lengths and offsets do not
 * change, so the pixel data and every other byte stay exactly as stored. For annotators, who label pixels only.
 */
export function blankPatientIdentity(file: Uint8Array): Uint8Array {
  const parsed = parseDicom(file, { metadataOnly: true });
  // A deflated file is parsed from its inflated copy: write that out as explicit VR little endian (same length UID).
  const out = new Uint8Array(parsed.raw.byteArray);
  if (parsed.transferSyntaxUid === DEFLATED) rewriteTransferSyntax(parsed.raw, out);
  blankDataSet(parsed.raw, out);
  return out;
}

function blankDataSet(ds: DataSet, out: Uint8Array): void {
  for (const [tag, el] of Object.entries(ds.elements)) {
    const identifying = (tag.startsWith("x0010") && tag !== "x00100000") || ALSO_BLANKED.has(tag);
    if (el.items) {
      for (const item of el.items) if (item.dataSet) blankDataSet(item.dataSet, out);
      continue;
    }
    if (identifying) blankValue(el, out);
  }
}

function blankValue(el: Element, out: Uint8Array): void {
  const end = Math.min(el.dataOffset + el.length, out.length);
  out.fill(el.vr && BINARY_VRS.has(el.vr) ? 0 : 0x20, el.dataOffset, end);
}

function rewriteTransferSyntax(ds: DataSet, out: Uint8Array): void {
  const el = ds.elements.x00020010;
  if (!el) return;
  const uid = new TextEncoder().encode(TS.explicitLittle);
  out.fill(0, el.dataOffset, el.dataOffset + el.length); // UI values are padded with NUL
  out.set(uid.subarray(0, el.length), el.dataOffset);
}
