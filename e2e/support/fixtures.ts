import fs from "node:fs";
import path from "node:path";
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

export function chestPng(name = "chest.png") {
  return { name, mimeType: "image/png", buffer: Buffer.from(makeChestPng(128)) };
}
