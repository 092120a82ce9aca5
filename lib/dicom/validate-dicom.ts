import type { DataSet, Element } from "dicom-parser";
import { formatTag, violation, violationError, type DicomViolation } from "./dicom-violation";
import { imagePixelViolations } from "./validate-image-pixel";
import { valueProblem, type CheckedVr } from "./validate-values";
import type { DicomDataset } from "./types";

// What a DICOM node checks before it accepts an object: the tag stream parses to its end, the UIDs, the patient /
// study / series attributes hold values of their VR, and the Image Pixel module and LUTs are consistent. Every ingest
// path (upload page, POST /api/v1/studies, /predict, PACS receivers) goes through lib/studies/prepare-instance, which
// calls this before any decode.
const ATTRIBUTES: Record<string, [keyword: string, vr: CheckedVr, enumerated?: string[]]> = {
  x00020002: ["MediaStorageSOPClassUID", "UI"],
  x00020003: ["MediaStorageSOPInstanceUID", "UI"],
  x00020010: ["TransferSyntaxUID", "UI"],
  x00080016: ["SOPClassUID", "UI"],
  x00080018: ["SOPInstanceUID", "UI"],
  x00080020: ["StudyDate", "DA"],
  x00080021: ["SeriesDate", "DA"],
  x00080030: ["StudyTime", "TM"],
  x00080050: ["AccessionNumber", "SH"],
  x00080060: ["Modality", "CS"],
  x00080090: ["ReferringPhysicianName", "PN"],
  x00081030: ["StudyDescription", "LO"],
  x0008103e: ["SeriesDescription", "LO"],
  x00100010: ["PatientName", "PN"],
  x00100020: ["PatientID", "LO"],
  x00100030: ["PatientBirthDate", "DA"],
  x00100040: ["PatientSex", "CS", ["M", "F", "O"]],
  x00180015: ["BodyPartExamined", "CS"],
  x00185101: ["ViewPosition", "CS"],
  x0020000d: ["StudyInstanceUID", "UI"],
  x0020000e: ["SeriesInstanceUID", "UI"],
  x00200010: ["StudyID", "SH"],
  x00200011: ["SeriesNumber", "IS"],
  x00200013: ["InstanceNumber", "IS"],
  x00280002: ["SamplesPerPixel", "US"],
  x00280004: ["PhotometricInterpretation", "CS"],
  x00280010: ["Rows", "US"],
  x00280011: ["Columns", "US"],
  x00280030: ["PixelSpacing", "DS"],
  x00280100: ["BitsAllocated", "US"],
  x00280101: ["BitsStored", "US"],
  x00280102: ["HighBit", "US"],
  x00280103: ["PixelRepresentation", "US"],
  x00281050: ["WindowCenter", "DS"],
  x00281051: ["WindowWidth", "DS"],
  x00281052: ["RescaleIntercept", "DS"],
  x00281053: ["RescaleSlope", "DS"],
};

const KNOWN_VRS = new Set(
  "AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV".split(" "),
);
const UNDEFINED_LENGTH = 0xffffffff;

/** Every rule the data set breaks (empty when it may be ingested). */
export function findDicomViolations(dataset: DicomDataset): DicomViolation[] {
  const ds = dataset.raw;
  const stream = tagStreamViolations(ds, 0);
  if (stream.length > 0) return stream; // values read from a broken stream mean nothing
  const all = [...attributeViolations(ds, dataset.hasFileMeta), ...imagePixelViolations(ds)];
  return all.filter((v, i) => all.findIndex((w) => w.tag === v.tag && w.attribute === v.attribute) === i); // one reason per attribute
}

/** Throws AppError("unprocessable") naming the first broken rule (all of them in details.violations). */
export function assertValidDicom(dataset: DicomDataset): void {
  const violations = findDicomViolations(dataset);
  if (violations.length > 0) throw violationError(violations);
}

function attributeViolations(ds: DataSet, hasFileMeta: boolean): DicomViolation[] {
  const out: DicomViolation[] = [];
  for (const [key, [keyword, vr, enumerated]] of Object.entries(ATTRIBUTES)) {
    const el = ds.elements[key];
    if (!el || (!hasFileMeta && key.startsWith("x0002"))) continue; // an ACR-NEMA file's transfer syntax is our guess
    if (el.vr !== undefined && el.vr !== vr) {
      out.push(violation(keyword, key, `is encoded with VR ${printableVr(el.vr)}; the data dictionary says ${vr}`));
      continue;
    }
    if (vr === "US") {
      if (el.length === 0 || el.length % 2 !== 0)
        out.push(violation(keyword, key, `has a length of ${el.length} bytes; US values are 2 bytes each`));
      continue;
    }
    const text = rawText(ds, el, vr === "UI");
    const problem = valueProblem(vr, text);
    if (problem) out.push(violation(keyword, key, problem));
    else if (enumerated && text.trim() !== "" && !enumerated.includes(text.trim()))
      out.push(violation(keyword, key, `"${text.trim()}" is not one of ${enumerated.join(", ")}`));
  }
  return out;
}

// The value as latin-1 text without its padding (UI pads with one NUL, other text VRs with spaces; NULs are tolerated as
// padding too, as many writers use them). A NUL inside the value stays and is reported.
function rawText(ds: DataSet, el: Element, uid: boolean): string {
  const bytes = ds.byteArray.subarray(el.dataOffset, el.dataOffset + el.length);
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return uid ? text.replace(/\0$/, "").replace(/ +$/, "") : text.replace(/[\0 ]+$/, "");
}

// dicom-parser stops at the end of the buffer without complaint when a length points past it (implicit VR) and reads any
// two bytes as an explicit VR; a stream it could not really follow is refused here. Tags must ascend (PS3.5 §7.1).
function tagStreamViolations(ds: DataSet, depth: number): DicomViolation[] {
  const out: DicomViolation[] = [];
  const warning = (ds as DataSet & { warnings?: string[] }).warnings?.[0];
  if (warning && depth === 0) out.push({ attribute: "Data set", tag: "", rule: `cannot be parsed to its end: ${warning}` });
  const elements = streamElements(ds);
  let previous = "";
  for (const el of elements) {
    if (el.vr !== undefined && !KNOWN_VRS.has(el.vr))
      out.push(violation(`Element`, el.tag, `has the invalid VR ${printableVr(el.vr)}: the tag stream cannot be parsed`));
    else if (el.length !== UNDEFINED_LENGTH && !el.hadUndefinedLength && el.dataOffset + el.length > ds.byteArray.length) {
      out.push(
        violation("Element", el.tag, `declares ${el.length} bytes, past the end of the file: the tag stream cannot be parsed to its end`),
      );
    } else if (el.tag <= previous)
      out.push(violation("Element", el.tag, `follows ${formatTag(previous)}: tags must be in ascending order`));
    previous = el.tag > previous ? el.tag : previous;
    for (const item of el.items ?? []) if (item.dataSet && depth < 4) out.push(...tagStreamViolations(item.dataSet, depth + 1));
    if (out.length > 0) break;
  }
  return out;
}

// The data set's own elements in file order: the file meta group (parsed and checked by parseDicom itself, and partly
// synthesised for files without one) and item delimiters are structure, not content.
function streamElements(ds: DataSet): Element[] {
  const all = Object.values(ds.elements);
  const meta = all.filter((el) => el.tag.startsWith("x0002") && Number.isFinite(el.dataOffset));
  const metaEnd = meta.reduce((end, el) => Math.max(end, el.dataOffset + el.length), 0);
  return all
    .filter((el) => !el.tag.startsWith("x0002") && !el.tag.startsWith("xfffe") && el.dataOffset >= metaEnd)
    .sort((a, b) => a.dataOffset - b.dataOffset);
}

const printableVr = (vr: string) =>
  JSON.stringify(Array.from(vr, (c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) > 0x7e ? "?" : c)).join(""));
