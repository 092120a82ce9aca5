import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertAcceptedFrames } from "@/lib/dicom/frames";
import { decodePixels } from "@/lib/dicom/decode-pixels";
import { decodeRasterFast } from "@/lib/dicom/decode-raster";
import { inspectUpload } from "@/lib/dicom/inspect-upload";
import { scaleToGrey8 } from "@/lib/dicom/scale-to-grey8";
import { parseDicom } from "@/lib/dicom/parse-dicom";
import { readMetadata, type DicomMetadata } from "@/lib/dicom/read-metadata";
import { IDENTITY_WINDOW_8BIT, writeSecondaryCapture } from "@/lib/dicom/write-secondary-capture";
import { uidFromSeed } from "@/lib/dicom/derived-uid";

export type PreparedInstance = {
  source: "dicom" | "png" | "jpeg";
  bytes: Uint8Array; // what is stored: the original DICOM, or the secondary capture wrapping a PNG/JPEG
  sha256: string;
  meta: DicomMetadata & { studyInstanceUid: string; seriesInstanceUid: string; sopInstanceUid: string; sopClassUid: string };
};

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

// ACR-NEMA files and PNG/JPEG uploads lack UIDs: derive stable ones from the content so a re-upload is recognised as a
// duplicate.
const uidFromHash = (hash: string, salt: string) => uidFromSeed(hash + salt);

export type IngestLimits = { maxBytes: number; maxPixels: number };

// Validates an upload completely before anything is written: header rules and declared size first (nothing decoded
// yet), then a full pixel decode of every frame.
export async function prepareInstance(bytes: Uint8Array, limits: IngestLimits): Promise<PreparedInstance> {
  if (bytes.length > limits.maxBytes)
    throw new AppError("payload_too_large", `The file is larger than ${Math.round(limits.maxBytes / 1e6)} MB.`);
  const inspected = inspectUpload(bytes, limits);
  if (inspected.kind !== "dicom") return prepareRaster(bytes, inspected.kind);
  const { dataset, meta } = inspected;
  assertAcceptedFrames(meta, env.MAX_FRAMES_PER_IMAGE);
  // Proves every frame decodes (throws a coded AppError otherwise); one frame in memory at a time.
  for (let f = 0; f < meta.numberOfFrames; f++) await decodePixels(dataset, { frame: f, metadata: meta });
  const hash = sha256(bytes);
  return {
    source: "dicom",
    bytes,
    sha256: hash,
    meta: {
      ...meta,
      studyInstanceUid: meta.studyInstanceUid || uidFromHash(hash, "study"),
      seriesInstanceUid: meta.seriesInstanceUid || uidFromHash(hash, "series"),
      sopInstanceUid: meta.sopInstanceUid || uidFromHash(hash, "instance"),
      sopClassUid: meta.sopClassUid || "1.2.840.10008.5.1.4.1.1.1", // CR Image Storage for ACR-NEMA CR files
      modality: meta.modality || "OT",
    },
  };
}

// An 8-bit PNG/JPEG is already a display image (and what cxr-train trains on): it is wrapped with the identity window,
// so viewer, detector and export see its own pixels. A 16-bit PNG holds detector values like a DICOM without a window:
// it is scaled 0..max → 0..255 and wrapped without a window, so it gets the app's robust percentile window.
async function prepareRaster(bytes: Uint8Array, format: "png" | "jpeg"): Promise<PreparedInstance> {
  const img = await decodeRasterFast(bytes);
  if (img.samplesPerPixel !== 1) throw new AppError("unsupported", "Colour images are not supported; upload a greyscale radiograph.");
  const wide = img.bitsStored > 8;
  const grey8 = wide ? scaleToGrey8(img.pixels, img.maxValue) : Uint8Array.from(img.pixels);
  // UIDs from the sha256 of the uploaded bytes: the same file uploaded again is the same instance (result `duplicate`),
  // so one image cannot become two studies (and land in both train and val of an export). Identity is by file, not by
  // picture: a re-encoded or re-saved image is a different file and becomes a new study.
  const fileHash = sha256(bytes);
  const uids = {
    studyInstanceUid: uidFromHash(fileHash, "study"),
    seriesInstanceUid: uidFromHash(fileHash, "series"),
    sopInstanceUid: uidFromHash(fileHash, "instance"),
  };
  // A raster carries no acquisition date: Study Date (type 2) stays empty rather than invented; the UI says "unknown"
  // and the upload time is kept apart as receivedAt.
  const studyDate = "";
  const dicom = writeSecondaryCapture({
    rows: img.rows,
    columns: img.columns,
    pixels: grey8,
    ...uids,
    studyDate,
    description: `Uploaded ${format.toUpperCase()}`,
    window: wide ? undefined : IDENTITY_WINDOW_8BIT,
  });
  const meta = readMetadata(parseDicom(dicom));
  return { source: format, bytes: dicom, sha256: sha256(dicom), meta: { ...meta, ...uids, sopClassUid: meta.sopClassUid! } };
}
