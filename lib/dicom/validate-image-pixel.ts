import type { DataSet } from "dicom-parser";
import { violation, type DicomViolation } from "./dicom-violation";

// The Image Pixel module rules the decode pipeline relies on (PS3.3 C.7.6.3) and the LUTs it applies (C.11.1 Modality
// LUT, C.11.2 VOI LUT). A file that breaks them would decode to garbage or crash a decoder, so it is refused up front.
const SAMPLES_OF_PHOTOMETRIC: Record<string, number> = {
  MONOCHROME1: 1,
  MONOCHROME2: 1,
  RGB: 3,
  YBR_FULL: 3,
  YBR_FULL_422: 3,
  YBR_ICT: 3,
  YBR_RCT: 3,
};

export function imagePixelViolations(ds: DataSet): DicomViolation[] {
  const out: DicomViolation[] = [];
  const us = (key: string) => ds.uint16(key);
  const rows = us("x00280010");
  const columns = us("x00280011");
  if (!rows) out.push(violation("Rows", "x00280010", "is missing or zero"));
  if (!columns) out.push(violation("Columns", "x00280011", "is missing or zero"));

  const photometric = ds.string("x00280004")?.trim();
  const samples = us("x00280002");
  if (ds.elements.x00280004 && !photometric) out.push(violation("PhotometricInterpretation", "x00280004", "is empty (a required value)"));
  else if (photometric !== undefined && !(photometric in SAMPLES_OF_PHOTOMETRIC)) {
    out.push(
      violation(
        "PhotometricInterpretation",
        "x00280004",
        `"${photometric.slice(0, 20)}" is not one of ${Object.keys(SAMPLES_OF_PHOTOMETRIC).join(", ")}`,
      ),
    );
  }
  if (samples !== undefined && samples !== 1 && samples !== 3)
    out.push(violation("SamplesPerPixel", "x00280002", `is ${samples}; must be 1 or 3`));
  const expectedSamples = photometric ? SAMPLES_OF_PHOTOMETRIC[photometric] : undefined;
  if (expectedSamples !== undefined && samples !== undefined && (samples === 1 || samples === 3) && samples !== expectedSamples) {
    out.push(violation("SamplesPerPixel", "x00280002", `is ${samples}, but ${photometric} has ${expectedSamples}`));
  }
  if ((samples ?? 1) > 1 && ds.elements.x00280006) {
    const planar = us("x00280006");
    if (planar !== 0 && planar !== 1) out.push(violation("PlanarConfiguration", "x00280006", `is ${planar}; must be 0 or 1`));
  }

  const allocated = us("x00280100");
  const stored = us("x00280101");
  const high = us("x00280102");
  if (allocated !== undefined && allocated !== 8 && allocated !== 16)
    out.push(violation("BitsAllocated", "x00280100", `is ${allocated}; must be 8 or 16 for a radiograph`));
  if (stored !== undefined && (stored < 1 || stored > (allocated ?? 16)))
    out.push(violation("BitsStored", "x00280101", `is ${stored}; must be between 1 and BitsAllocated (${allocated ?? 16})`));
  if (high !== undefined && stored !== undefined && high !== stored - 1)
    out.push(violation("HighBit", "x00280102", `is ${high}; must be BitsStored − 1 (${stored - 1})`));
  const representation = us("x00280103");
  if (representation !== undefined && representation !== 0 && representation !== 1)
    out.push(violation("PixelRepresentation", "x00280103", `is ${representation}; must be 0 (unsigned) or 1 (signed)`));

  const width = ds.string("x00281051");
  if (width !== undefined && width.split("\\").some((w) => Number.parseFloat(w) < 1))
    out.push(violation("WindowWidth", "x00281051", "must be at least 1"));
  out.push(...lutViolations(ds, "x00283010", "VOILUTSequence", [8, 16]));
  out.push(...lutViolations(ds, "x00283000", "ModalityLUTSequence", [8, 16]));
  return out;
}

// Each item's LUT Descriptor (0028,3002) = [entries (0 means 65536), first mapped value, bits per entry] must describe
// the LUT Data (0028,3006) that follows it: a LUT whose data exceed or fall short of its descriptor is indexed out of range.
function lutViolations(ds: DataSet, key: string, name: string, bitsAllowed: number[]): DicomViolation[] {
  const items = ds.elements[key]?.items ?? [];
  const out: DicomViolation[] = [];
  items.forEach((item, i) => {
    const d = item.dataSet;
    const where = `${name} item ${i + 1}:`;
    const descriptor = d?.elements.x00283002;
    const data = d?.elements.x00283006;
    if (!d || !descriptor || descriptor.length !== 6)
      return void out.push(violation("LUTDescriptor", "x00283002", `${where} must hold 3 values`));
    if (!data) return void out.push(violation("LUTData", "x00283006", `${where} is missing`));
    const declared = d.uint16("x00283002", 0) || 65536;
    const bits = d.uint16("x00283002", 2) ?? 0;
    if (!bitsAllowed.includes(bits))
      return void out.push(
        violation("LUTDescriptor", "x00283002", `${where} declares ${bits} bits per entry; must be ${bitsAllowed.join(" or ")}`),
      );
    // 16-bit entries take 2 bytes; 8-bit entries are found both packed (1 byte) and one per 16-bit word.
    const fits = data.length === declared * 2 || (bits === 8 && (data.length === declared || data.length === declared + (declared % 2)));
    if (!fits)
      out.push(
        violation(
          "LUTData",
          "x00283006",
          `${where} holds ${data.length} bytes, but the descriptor declares ${declared} entries of ${bits} bits`,
        ),
      );
  });
  return out;
}
