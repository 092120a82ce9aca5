import type { WindowPreset } from "./presets";
import type { GreyPixels } from "@/lib/dicom/types";
import type { CornerstoneImageData } from "./display-image";

// Messages between the viewer (main thread) and decode.worker.ts: a request per image, a reply carrying the pixels
// in a transferred buffer, and timing notes in the order they happen (components/viewer/cxr-image-loader.ts is the page side).
/** The worker's share of a load's timings (components/viewer/viewer-timings.ts), in milliseconds. */
export interface DecodeTimings {
  transferSyntax?: string;
  fetchMs?: number;
  parseMs?: number;
  previewLevel?: number;
  previewCodecWaitMs?: number;
  previewDecodeMs?: number;
  previewVoiMs?: number;
  decodeMs?: number;
  voiMs?: number;
}

export interface DecodeRequest {
  id: number;
  /** The cornerstone image id the result answers. */
  imageId: string;
  /** The page's URL for the file (the key of the worker's cache and of the timings). */
  url: string;
  /** The same URL made absolute: a worker resolves relative URLs against its own script, not the page. */
  href: string;
  /** 1-based frame of a multi-frame file. */
  frame: number;
  preview: boolean;
}

export type TransferredImage = Omit<CornerstoneImageData, "getPixelData"> & { pixels: GreyPixels };

export interface DecodeResult {
  image: TransferredImage;
  preview: boolean;
  scale: number;
  fullSize: { columns: number; rows: number };
  presets: WindowPreset[];
}

export type DecodeReply =
  | { type: "result"; id: number; result: DecodeResult }
  | { type: "error"; id: number; message: string }
  /** `start`: a new fetch of `url` began; `bytesAtEpoch`: when its last byte arrived, on the shared epoch clock. */
  | { type: "timing"; url: string; start?: boolean; bytesAtEpoch?: number; patch: DecodeTimings };
