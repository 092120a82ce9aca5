import fs from "node:fs";
import path from "node:path";
import { uniqueRaster } from "@/lib/dicom/testing/unique-raster";
import { makeChestPng, makeStudyDicom, type SyntheticStudyOptions } from "@/test/fixtures/synthetic-study";

export const SHARED_DICOM = path.resolve("../shared/data/dicom");

// A real chest DICOM from ../shared/data when present, else a synthetic one (said in the test output).
export function realOrSyntheticDicom(file: string, fallback: SyntheticStudyOptions) {
  const p = path.join(SHARED_DICOM, file);
  if (fs.existsSync(p)) return { name: path.basename(p), mimeType: "application/dicom", buffer: fs.readFileSync(p), real: true };
  console.warn(`shared data absent (${p}): using a synthetic DICOM instead`);
  return { name: "synthetic.dcm", mimeType: "application/dicom", buffer: Buffer.from(makeStudyDicom(fallback).bytes), real: false };
}

export function syntheticDicom(o: SyntheticStudyOptions, name = "synthetic.dcm") {
  return { name, mimeType: "application/dicom", buffer: Buffer.from(makeStudyDicom(o).bytes) };
}

// The server database is shared by all specs and a PNG/JPEG is deduplicated by its file bytes: every upload fixture of a
// raster gets unique bytes (a nonce in metadata, the same pixels) so it makes a new study, not a `duplicate`.
export function uniqueCopy<F extends { buffer: Buffer }>(file: F): F {
  return { ...file, buffer: Buffer.from(uniqueRaster(file.buffer)) };
}

// A shared NIH JPEG as a new file each call (same pixels).
export function nihJpeg(file: string, name = path.basename(file)) {
  return uniqueCopy({ name, mimeType: "image/jpeg", buffer: fs.readFileSync(file) });
}

// The synthetic chest PNG (same pixels every time), as new file bytes each call.
export function chestPng(name = "chest.png") {
  return uniqueCopy({ name, mimeType: "image/png", buffer: Buffer.from(makeChestPng(128)) });
}
