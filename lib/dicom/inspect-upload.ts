import { AppError } from "@/lib/errors";
import { detectRasterFormat, type RasterFormat } from "./decode-raster";
import { assertPixelBudget, jpegDimensions, pngDimensions } from "./image-dimensions";
import { assertDecodable, parseDicom } from "./parse-dicom";
import { readMetadata, type DicomMetadata } from "./read-metadata";
import type { DicomDataset } from "./types";
import { violationError } from "./dicom-violation";
import { isSupportedTransferSyntax } from "./transfer-syntax";
import { findDicomViolations } from "./validate-dicom";

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
  const violations = findDicomViolations(dataset);
  // A valid transfer syntax this module cannot decode says more than the rules of a module it would not read; a broken
  // header otherwise comes first, named as such rather than as an undecodable file.
  const syntaxValid = !violations.some((v) => v.attribute === "TransferSyntaxUID");
  if (syntaxValid && !isSupportedTransferSyntax(dataset.transferSyntaxUid)) assertDecodable(dataset);
  if (violations.length > 0) throw violationError(violations);
  assertDecodable(dataset);
  const meta = readMetadata(dataset);
  assertPixelBudget(
    { width: meta.columns, height: meta.rows, samples: meta.samplesPerPixel, frames: meta.numberOfFrames },
    limits.maxPixels,
  );
  return { kind: "dicom", dataset, meta };
}
