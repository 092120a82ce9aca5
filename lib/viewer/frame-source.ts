import { imageKey, splitImageKey } from "@/lib/dicom/frames";

// A multi-frame image is one file; the viewer shows one frame at a time. A frame's source is the file URL with
// "#frame=N" (1-based) past frame 1: a URL fragment never reaches the server, so one fetch of the file serves every
// frame, and frame 1 keeps the plain URL a single-frame image has (the image-key convention of lib/dicom/frames).

export const frameSource = (fileUrl: string, frame: number): string => imageKey(fileUrl, frame);

/** "…/file#frame=2" → { url: "…/file", frame: 2 }; no fragment → frame 1. */
export function splitFrameSource(source: string): { url: string; frame: number } {
  const { instanceId: url, frame } = splitImageKey(source);
  return { url, frame: Math.max(1, frame) };
}

/** The 1-based frame a cornerstone image id ("cxr:…", "cxr-preview:…") shows. */
export const frameFromImageId = (imageId: string): number => splitFrameSource(imageId).frame;

/** The next frame `step` away, wrapping at both ends (PageDown past the last frame shows the first). */
export function stepFrame(frame: number, frames: number, step: number): number {
  const n = Math.max(1, frames);
  return ((((frame - 1 + step) % n) + n) % n) + 1;
}
