import { AppError } from "@/lib/errors";
import type { DicomMetadata } from "./read-metadata";

// Multi-frame radiographs (dual-energy triplets, repeated exposures, tomosynthesis slabs as DX/CR) are accepted: every
// frame is its own image for the detector and the reader. Other multi-frame objects (cine, ultrasound) are not chest
// radiographs. Frame numbers outside lib/dicom are 1-based, as DICOM's Referenced Frame Number.
export const MULTI_FRAME_MODALITIES = ["DX", "CR"] as const;

export function assertAcceptedFrames(meta: Pick<DicomMetadata, "numberOfFrames" | "modality">, maxFrames: number): void {
  const n = meta.numberOfFrames;
  if (n <= 1) return;
  const modality = (meta.modality ?? "").toUpperCase();
  if (!(MULTI_FRAME_MODALITIES as readonly string[]).includes(modality)) {
    throw new AppError(
      "unsupported",
      `Multi-frame ${modality || "images without a modality"} (${n} frames) are not chest radiographs: only DX and CR may have several frames.`,
    );
  }
  if (n > maxFrames)
    throw new AppError("payload_too_large", `The image has ${n} frames; at most ${maxFrames} are accepted (MAX_FRAMES_PER_IMAGE).`);
}

/** 1..frames, the frame numbers of an image. */
export const frameNumbers = (frames: number): number[] => Array.from({ length: Math.max(1, frames) }, (_, i) => i + 1);

/**
 * One key per image the detector and readers see (agreement, fusion, evaluation, the export mapping): the instance id,
 * with "#frame=N" for frame N > 1 of a multi-frame image, so boxes on different frames are never matched or fused.
 */
export const imageKey = (instanceId: string, frame = 1): string => (frame > 1 ? `${instanceId}#frame=${frame}` : instanceId);

export function splitImageKey(key: string): { instanceId: string; frame: number } {
  const m = /^(.*)#frame=(\d+)$/.exec(key);
  return m ? { instanceId: m[1]!, frame: Number(m[2]) } : { instanceId: key, frame: 1 };
}
