import { AppError } from "@/lib/errors";
import { detectRasterFormat, type RasterFormat } from "./decode-raster";
import { assertPixelBudget, jpegDimensions, pngDimensions } from "./image-dimensions";
import { assertDecodable, parseDicom } from "./parse-dicom";
import { readMetadata, type DicomMetadata } from "./read-metadata";
import type { DicomDataset } from "./types";
import { assertValidDicom } from "./validate-dicom";

export type InspectedUpload = { kind: RasterFormat } | { kind: "dicom"; dataset: DicomDataset; meta: DicomMetadata };

// The one gate in front of every decoder, shared by every ingest path (upload, API, predict, PACS receivers): what the
// file is, whether its DICOM header is valid, and whether its declared size fits MAX_IMAGE_PIXELS. Nothing is decoded.
export function inspectUpload(bytes: Uint8Array, limits: { maxPixels: number }): InspectedUpload {
  if (bytes.length === 0) throw new AppError("bad_request", "The file is empty.");
  const raster = detectRasterFormat(bytes);
  if (raster) {
    assertPixelBudget(raster === "png" ? pngDimensions(bytes) : jpegDimensions(bytes), limits.maxPixels);
    return { kind: raster };
  }
  const dataset = parseDicom(bytes, { metadataOnly: true });
  assertValidDicom(dataset); // first: a broken header is named as such, not as an undecodable file
  assertDecodable(dataset);
  const meta = readMetadata(dataset);
  assertPixelBudget({ width: meta.columns, height: meta.rows, samples: meta.samplesPerPixel, frames: meta.numberOfFrames }, limits.maxPixels);
  return { kind: "dicom", dataset, meta };
}
