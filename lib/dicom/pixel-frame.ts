import dicomParser from "dicom-parser";
import { AppError } from "@/lib/errors";
import type { DicomMetadata } from "./read-metadata";
import type { DicomDataset } from "./types";

// Default import: dicom-parser is CommonJS, and Node's ESM loader (tsx CLIs) exposes only its default export.
const { createJPEGBasicOffsetTable, readEncapsulatedImageFrame, readEncapsulatedPixelDataFromFragments } = dicomParser;

/** Bytes of one frame: native pixels (still in file byte order) or one encapsulated frame's codestream. */
export function readFrameBytes(dataset: DicomDataset, meta: DicomMetadata, frame: number): Uint8Array {
  const { raw } = dataset;
  const element = raw.elements.x7fe00010;
  if (!element) throw new AppError("unprocessable", "DICOM object has no pixel data (7FE0,0010)");
  if (frame < 0 || frame >= meta.numberOfFrames || !Number.isInteger(frame)) {
    throw new AppError("bad_request", `Frame ${frame} out of range (0..${meta.numberOfFrames - 1})`);
  }
  if (!element.encapsulatedPixelData) {
    const frameBytes = (meta.rows * meta.columns * meta.samplesPerPixel * meta.bitsAllocated) / 8;
    const start = element.dataOffset + frame * frameBytes;
    if (start + frameBytes > raw.byteArray.length || (frame + 1) * frameBytes > element.length) {
      throw new AppError("unprocessable", "DICOM file is truncated: pixel data shorter than rows × columns × bits");
    }
    return new Uint8Array(raw.byteArray.buffer, raw.byteArray.byteOffset + start, frameBytes);
  }
  const fragments = element.fragments ?? [];
  if (fragments.length === 0) throw new AppError("unprocessable", "Encapsulated pixel data has no fragments");
  try {
    if (element.basicOffsetTable && element.basicOffsetTable.length > 0) {
      return toUint8(readEncapsulatedImageFrame(raw, element, frame));
    }
    if (meta.numberOfFrames === 1) {
      return toUint8(readEncapsulatedPixelDataFromFragments(raw, element, 0, fragments.length));
    }
    if (fragments.length === meta.numberOfFrames) {
      return toUint8(readEncapsulatedPixelDataFromFragments(raw, element, frame, 1));
    }
    const offsets = createJPEGBasicOffsetTable(raw, element);
    return toUint8(readEncapsulatedImageFrame(raw, element, frame, offsets));
  } catch (e) {
    throw new AppError("unprocessable", "Encapsulated pixel data is truncated or malformed", { cause: String(e) });
  }
}

function toUint8(bytes: Uint8Array): Uint8Array {
  return bytes instanceof Uint8Array && bytes.constructor === Uint8Array
    ? bytes
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
