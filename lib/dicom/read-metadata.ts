import type { DataSet } from "dicom-parser";
import type { DicomDataset, VoiLut } from "./types";

export interface DicomMetadata {
  patientId?: string;
  patientName?: string;
  patientBirthDate?: string;
  patientSex?: string;
  accessionNumber?: string;
  studyInstanceUid?: string;
  seriesInstanceUid?: string;
  sopInstanceUid?: string;
  sopClassUid?: string;
  studyDate?: string;
  studyDescription?: string;
  modality?: string;
  bodyPart?: string;
  viewPosition?: string;
  manufacturer?: string;
  manufacturerModelName?: string;
  photometricInterpretation: string;
  rows: number;
  columns: number;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  pixelRepresentation: 0 | 1;
  samplesPerPixel: number;
  planarConfiguration: 0 | 1;
  rescaleSlope: number;
  rescaleIntercept: number;
  /** All values of (0028,1050) / (0028,1051); empty when absent. */
  windowCenter: number[];
  windowWidth: number[];
  voiLutFunction?: string;
  voiLut?: VoiLut;
  /** [row spacing, column spacing] in mm */
  pixelSpacing?: [number, number];
  imagerPixelSpacing?: [number, number];
  transferSyntaxUid: string;
  numberOfFrames: number;
}

export function readMetadata(dataset: DicomDataset): DicomMetadata {
  const ds = dataset.raw;
  const str = (tag: string) => emptyToUndefined(ds.string(tag));
  const bitsAllocated = ds.uint16("x00280100") ?? 16;
  const bitsStored = ds.uint16("x00280101") ?? bitsAllocated;
  return {
    patientId: str("x00100020"),
    patientName: str("x00100010"),
    patientBirthDate: str("x00100030"),
    patientSex: str("x00100040"),
    accessionNumber: str("x00080050"),
    studyInstanceUid: str("x0020000d"),
    seriesInstanceUid: str("x0020000e"),
    sopInstanceUid: str("x00080018") ?? str("x00020003"),
    sopClassUid: str("x00080016") ?? str("x00020002"),
    studyDate: str("x00080020"),
    studyDescription: str("x00081030"),
    modality: str("x00080060"),
    bodyPart: str("x00180015"),
    viewPosition: str("x00185101"),
    manufacturer: str("x00080070"),
    manufacturerModelName: str("x00081090"),
    photometricInterpretation: str("x00280004") ?? "MONOCHROME2",
    rows: ds.uint16("x00280010") ?? 0,
    columns: ds.uint16("x00280011") ?? 0,
    bitsAllocated,
    bitsStored,
    highBit: ds.uint16("x00280102") ?? bitsStored - 1,
    pixelRepresentation: ds.uint16("x00280103") === 1 ? 1 : 0,
    samplesPerPixel: ds.uint16("x00280002") ?? 1,
    planarConfiguration: ds.uint16("x00280006") === 1 ? 1 : 0,
    rescaleSlope: nonZeroOr(ds.floatString("x00281053"), 1), // a zero slope would flatten the image: treat as absent
    rescaleIntercept: nonZeroOr(ds.floatString("x00281052"), 0),
    windowCenter: readDecimals(ds, "x00281050"),
    windowWidth: readDecimals(ds, "x00281051"),
    voiLutFunction: str("x00281056"),
    voiLut: readVoiLut(ds),
    pixelSpacing: readPair(ds, "x00280030"),
    imagerPixelSpacing: readPair(ds, "x00181164"),
    transferSyntaxUid: dataset.transferSyntaxUid,
    numberOfFrames: Math.max(1, ds.intString("x00280008") ?? 1),
  };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

function nonZeroOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value !== 0 ? value : fallback;
}

function readDecimals(ds: DataSet, tag: string): number[] {
  const text = ds.string(tag);
  if (!text) return [];
  return text
    .split("\\")
    .map((v) => Number.parseFloat(v))
    .filter((v) => Number.isFinite(v));
}

function readPair(ds: DataSet, tag: string): [number, number] | undefined {
  const values = readDecimals(ds, tag);
  return values.length >= 2 ? [values[0]!, values[1]!] : undefined;
}

/** First item of the VOI LUT Sequence (0028,3010), if any. */
function readVoiLut(ds: DataSet): VoiLut | undefined {
  const item = ds.elements.x00283010?.items?.[0]?.dataSet;
  const lutData = item?.elements.x00283006;
  if (!item || !lutData) return undefined;
  const entries = item.uint16("x00283002", 0) ?? 0;
  const descriptor: [number, number, number] = [entries, item.uint16("x00283002", 1) ?? 0, item.uint16("x00283002", 2) ?? 16];
  const count = entries === 0 ? 65536 : entries;
  const bytesPerEntry = lutData.length >= count * 2 ? 2 : 1;
  const data: number[] = [];
  for (let i = 0; i < count && i * bytesPerEntry < lutData.length; i++) {
    data.push(bytesPerEntry === 2 ? (item.uint16("x00283006", i) ?? 0) : item.byteArray[lutData.dataOffset + i]!);
  }
  return { descriptor, data, explanation: emptyToUndefined(item.string("x00283003")) };
}
