import { decodePixels } from "@/lib/dicom/decode-pixels";
import { parseDicom } from "@/lib/dicom/parse-dicom";
import { readMetadata, type DicomMetadata } from "@/lib/dicom/read-metadata";
import type { DecodedImage, DicomDataset } from "@/lib/dicom/types";
import { dicomWindow, percentileWindow } from "@/lib/dicom/voi";
import { chestPresets, type Voi, type WindowPreset } from "./presets";

// DICOM bytes → a cornerstone-core Image object (plain data, no cornerstone import), built on lib/dicom.
export interface CornerstoneImageData {
  imageId: string;
  rows: number;
  columns: number;
  width: number;
  height: number;
  color: boolean;
  rgba: boolean;
  /** true for MONOCHROME1, so cornerstone shows air dark. */
  invert: boolean;
  minPixelValue: number;
  maxPixelValue: number;
  slope: number;
  intercept: number;
  windowCenter: number;
  windowWidth: number;
  columnPixelSpacing?: number;
  rowPixelSpacing?: number;
  sizeInBytes: number;
  getPixelData: () => ArrayLike<number>;
  voiLUT?: { firstValueMapped: number; numBitsPerEntry: number; lut: number[] };
}

export interface OpenedDicom {
  dataset: DicomDataset;
  meta: DicomMetadata;
}

export interface DisplayImage {
  image: CornerstoneImageData;
  presets: WindowPreset[];
  /** true when decoded at reduced resolution (a JPEG 2000 first pass). */
  preview: boolean;
  /** Full-resolution columns per decoded column (1, or 2^level for a first pass); viewers scale by it. */
  scale: number;
  decodeMs: number;
  voiMs: number;
}

const J2K = new Set(["1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"]);

export function openDicom(bytes: Uint8Array): OpenedDicom {
  const dataset = parseDicom(bytes);
  return { dataset, meta: readMetadata(dataset) };
}

/** JPEG 2000 decomposition level for a fast first pass (each level halves both sides), or 0 for none. */
export function previewLevel(meta: DicomMetadata, maxPreviewSide = 512): number {
  if (!J2K.has(meta.transferSyntaxUid) || meta.numberOfFrames > 1) return 0;
  let level = 0;
  while (Math.max(meta.rows, meta.columns) / 2 ** level > maxPreviewSide && level < 3) level++;
  return level;
}

/**
 * Decodes one frame (1-based) for display at a JPEG 2000 decomposition `level` (0 = full resolution). Pass the presets
 * of an earlier pass of the same frame to keep them identical (no contrast jump when the full resolution replaces it).
 */
export async function decodeDisplayImage(
  { dataset, meta }: OpenedDicom,
  imageId: string,
  level = 0,
  presets?: WindowPreset[],
  frame = 1,
): Promise<DisplayImage> {
  const t0 = performance.now();
  const decoded = await decodePixels(dataset, { metadata: meta, j2kDecodeLevel: level, frame: frame - 1 });
  const preview = decoded.rows !== meta.rows || decoded.columns !== meta.columns;
  const scale = meta.columns / decoded.columns;
  const t1 = performance.now();
  const chosen = presets ?? displayPresets(decoded, meta);
  const image = toCornerstoneImage(imageId, decoded, meta, chosen[0]!, scale);
  return { image, presets: chosen, preview, scale, decodeMs: t1 - t0, voiMs: performance.now() - t1 };
}

/** The file's window first, then lung/mediastinum/bone from the robust (0.5–99.5 %) range of the decoded frame. */
export function displayPresets(decoded: DecodedImage, meta: DicomMetadata): WindowPreset[] {
  if (decoded.samplesPerPixel === 3) return chestPresets({ range: { low: 0, high: 255 }, airIsHigh: false });
  const auto = percentileWindow(decoded, meta);
  const range = { low: auto.center - auto.width / 2, high: auto.center + auto.width / 2 };
  const file = dicomWindow(meta);
  const fileWindow = file && { center: file.center, width: file.width };
  return chestPresets({ fileWindow, range, airIsHigh: meta.photometricInterpretation === "MONOCHROME1" });
}

/** `scale` > 1 for a reduced-resolution frame: its pixels are that much larger, so the spacing is too. */
export function toCornerstoneImage(imageId: string, decoded: DecodedImage, meta: DicomMetadata, voi: Voi, scale = 1): CornerstoneImageData {
  const color = decoded.samplesPerPixel === 3;
  const pixels = color ? rgbToRgba(decoded.pixels as Uint8Array) : decoded.pixels;
  const spacing = meta.pixelSpacing ?? meta.imagerPixelSpacing;
  const image: CornerstoneImageData = {
    imageId,
    rows: decoded.rows,
    columns: decoded.columns,
    width: decoded.columns,
    height: decoded.rows,
    color,
    rgba: false,
    invert: !color && meta.photometricInterpretation === "MONOCHROME1",
    minPixelValue: color ? 0 : decoded.minValue,
    maxPixelValue: color ? 255 : decoded.maxValue,
    slope: color ? 1 : meta.rescaleSlope,
    intercept: color ? 0 : meta.rescaleIntercept,
    windowCenter: voi.center,
    windowWidth: voi.width,
    columnPixelSpacing: spacing && spacing[1] * scale,
    rowPixelSpacing: spacing && spacing[0] * scale,
    sizeInBytes: pixels.byteLength,
    getPixelData: () => pixels,
  };
  // A VOI LUT Sequence is used only when the file has no window (the window takes precedence in resolveVoi too).
  if (!color && meta.voiLut && !dicomWindow(meta)) image.voiLUT = toCornerstoneVoiLut(meta.voiLut);
  return image;
}

/** cornerstone shifts LUT entries by (bits − 8): rescale to 8-bit so LUTs declaring 16 bits for 12-bit data still work. */
function toCornerstoneVoiLut(lut: NonNullable<DicomMetadata["voiLut"]>): NonNullable<CornerstoneImageData["voiLUT"]> {
  let dataMax = 0;
  for (const v of lut.data) if (v > dataMax) dataMax = v;
  const top = Math.max(2 ** Math.min(lut.descriptor[2], 16) - 1, dataMax) || 1;
  return { firstValueMapped: lut.descriptor[1], numBitsPerEntry: 8, lut: lut.data.map((v) => Math.round((v / top) * 255)) };
}

function rgbToRgba(rgb: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgb.length / 3) * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    out[j] = rgb[i]!;
    out[j + 1] = rgb[i + 1]!;
    out[j + 2] = rgb[i + 2]!;
    out[j + 3] = 255;
  }
  return out;
}
