import type cornerstoneType from "cornerstone-core";
import type { WindowPreset } from "@/lib/viewer/presets";
import type { CornerstoneImageData } from "@/lib/viewer/display-image";
import { splitFrameSource } from "@/lib/viewer/frame-source";
import type { DecodeReply, DecodeRequest, DecodeResult } from "@/lib/viewer/decode-protocol";
import { recordTiming, startTiming } from "./viewer-timings";

// cornerstone image loaders for our DICOM files. Image ids: "cxr:<source>" (full resolution) and "cxr-preview:<source>"
// (a reduced-resolution JPEG 2000 first pass, or the full image when there is none); the source is the file URL, with
// "#frame=N" for frame N > 1 of a multi-frame file (lib/viewer/frame-source.ts). Fetching and decoding (lib/dicom) run
// in decode.worker.ts, so a large film never blocks the page; the pixels come back in a transferred buffer.
type Cornerstone = typeof cornerstoneType;
/** cxrScale: full-resolution pixels per decoded pixel (a first pass is decoded smaller; viewers scale by it). */
export type CxrImage = CornerstoneImageData & {
  cxrPreview: boolean;
  cxrScale: number;
  cxrFullSize: { columns: number; rows: number };
  cxrPresets: WindowPreset[];
};

export const fullImageId = (source: string) => `cxr:${source}`;
export const previewImageId = (source: string) => `cxr-preview:${source}`;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: DecodeResult) => void; reject: (e: Error) => void }>();

function onReply({ data }: MessageEvent<DecodeReply>): void {
  if (data.type === "timing") {
    if (data.start) startTiming(data.url);
    // The worker's clock starts elsewhere: the epoch time of the last byte, back on this page's performance clock.
    const bytesAt = data.bytesAtEpoch === undefined ? undefined : data.bytesAtEpoch - performance.timeOrigin;
    if (bytesAt !== undefined) performance.mark(`cxr:bytes:${data.url}`, { startTime: Math.max(0, bytesAt) });
    recordTiming(data.url, bytesAt === undefined ? data.patch : { ...data.patch, bytesAt });
    return;
  }
  const pending = waiting.get(data.id);
  waiting.delete(data.id);
  if (data.type === "result") pending?.resolve(data.result);
  else pending?.reject(new Error(data.message));
}

function decoder(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./decode.worker.ts", import.meta.url), { type: "module", name: "cxr-decode" });
    worker.onmessage = onReply;
    // A worker that fails to start or crashes fails every pending load (cornerstone shows the error) and is replaced on the next one.
    worker.onerror = (e) => {
      for (const p of waiting.values()) p.reject(new Error(e.message || "The image decoder stopped"));
      waiting.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

function decode(request: Omit<DecodeRequest, "id">): Promise<DecodeResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    decoder().postMessage({ ...request, id } satisfies DecodeRequest);
  });
}

async function load(imageId: string, source: string, preview: boolean): Promise<CxrImage> {
  const { url, frame } = splitFrameSource(source);
  const href = new URL(url, location.href).href;
  const { image, ...d } = await decode({ imageId, url, href, frame, preview });
  const { pixels, ...rest } = image;
  return {
    ...rest,
    getPixelData: () => pixels,
    cxrPreview: d.preview,
    cxrScale: d.scale,
    cxrFullSize: d.fullSize,
    cxrPresets: d.presets,
  };
}

let registered = false;

export function registerCxrImageLoaders(cornerstone: Cornerstone): void {
  if (registered) return;
  registered = true;
  cornerstone.registerImageLoader("cxr", (imageId) => ({ promise: load(imageId, imageId.slice("cxr:".length), false) }));
  cornerstone.registerImageLoader("cxr-preview", (imageId) => ({ promise: load(imageId, imageId.slice("cxr-preview:".length), true) }));
}
