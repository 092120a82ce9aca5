import { decodePixels } from "@/lib/dicom/decode-pixels";
import { parseDicom } from "@/lib/dicom/parse-dicom";
import { readMetadata, type DicomMetadata } from "@/lib/dicom/read-metadata";
import { renderToGrey8 } from "@/lib/dicom/voi";
import type { DicomDataset } from "@/lib/dicom/types";
import type { GreyImage } from "@/lib/inference/preprocess";

export type ModelFrames = { meta: DicomMetadata; frames: number; image: (frame: number) => Promise<GreyImage> };

// DICOM bytes → the 8-bit images the model sees, one per frame (1-based): modality LUT, the file's own VOI (else a
// percentile window of that frame), MONOCHROME1 inverted so air is dark — the display pipeline the viewer and export use.
// Parsed once; each frame is decoded only when asked for, so a multi-frame file never holds all its frames at once.
export function openModelFrames(bytes: Uint8Array): ModelFrames {
  const ds = parseDicom(bytes);
  return openModelFramesOf(ds, readMetadata(ds));
}

/** The same, for a data set already parsed (and validated) by the caller. */
export function openModelFramesOf(ds: DicomDataset, meta: DicomMetadata): ModelFrames {
  return {
    meta,
    frames: meta.numberOfFrames,
    image: async (frame) => {
      const decoded = await decodePixels(ds, { metadata: meta, frame: frame - 1 });
      return { width: decoded.columns, height: decoded.rows, data: renderToGrey8(decoded, meta) };
    },
  };
}

export async function dicomToModelImage(bytes: Uint8Array, frame = 1): Promise<{ image: GreyImage; meta: DicomMetadata }> {
  const opened = openModelFrames(bytes);
  return { image: await opened.image(frame), meta: opened.meta };
}
