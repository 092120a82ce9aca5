import type cornerstoneType from "cornerstone-core";
import { loadOpenJpeg } from "@/lib/dicom/codecs/wasm-codecs";
import type { WindowPreset } from "@/lib/viewer/presets";
import { decodeDisplayImage, openDicom, previewLevel, type CornerstoneImageData, type OpenedDicom } from "@/lib/viewer/display-image";
import { splitFrameSource } from "@/lib/viewer/frame-source";
import { configureCodecAssets } from "./codec-assets";
import { recordTiming, startTiming } from "./viewer-timings";

// cornerstone image loaders for our DICOM files, built on lib/dicom. Image ids: "cxr:<source>" (full resolution)
// and "cxr-preview:<source>" (a reduced-resolution JPEG 2000 first pass, or the full image when there is none); the
// source is the file URL, with "#frame=N" for frame N > 1 of a multi-frame file (lib/viewer/frame-source.ts).
type Cornerstone = typeof cornerstoneType;
/** cxrScale: full-resolution pixels per decoded pixel (a first pass is decoded smaller; viewers scale by it). */
export type CxrImage = CornerstoneImageData & {
  cxrPreview: boolean;
  cxrScale: number;
  cxrFullSize: { columns: number; rows: number };
  cxrPresets: WindowPreset[];
};

const J2K = new Set(["1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"]);

export const fullImageId = (source: string) => `cxr:${source}`;
export const previewImageId = (source: string) => `cxr-preview:${source}`;

// One fetch + parse per load of a file, shared by its first pass and full-resolution pass, dropped after the latter.
const opened = new Map<string, Promise<OpenedDicom>>();
// Presets come from the first pass and are reused by the full-resolution pass, so the contrast does not jump (per
// frame: the frames of a dual-energy image differ in range).
const presetsOf = new WeakMap<OpenedDicom, Map<number, WindowPreset[]>>();
const MAX_OPEN = 4;

function openUrl(url: string): Promise<OpenedDicom> {
  let pending = opened.get(url);
  if (!pending) {
    pending = (async () => {
      const t0 = performance.now();
      startTiming(url);
      // Compile the JPEG 2000 codec (the usual CR/DX syntax) while the bytes are on the wire.
      loadOpenJpeg().catch(() => undefined);
      const res = await fetch(url, { credentials: "same-origin" });
      if (!res.ok) throw new Error(`Could not load the image (${res.status})`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const t1 = performance.now();
      performance.mark(`cxr:bytes:${url}`);
      const o = openDicom(bytes);
      recordTiming(url, { bytesAt: t1, fetchMs: t1 - t0, parseMs: performance.now() - t1, transferSyntax: o.meta.transferSyntaxUid });
      return o;
    })();
    pending.catch(() => opened.delete(url));
    opened.set(url, pending);
    if (opened.size > MAX_OPEN) opened.delete(opened.keys().next().value!);
  }
  return pending;
}

async function load(imageId: string, source: string, preview: boolean): Promise<CxrImage> {
  const { url, frame } = splitFrameSource(source);
  const o = await openUrl(url);
  const level = preview ? previewLevel(o.meta) : 0;
  const t0 = performance.now();
  if (J2K.has(o.meta.transferSyntaxUid)) await loadOpenJpeg(); // measured apart: compiling the codec is not decoding
  const codecWaitMs = performance.now() - t0;
  const framePresets = presetsOf.get(o) ?? new Map<number, WindowPreset[]>();
  const d = await decodeDisplayImage(o, imageId, level, framePresets.get(frame), frame);
  presetsOf.set(o, framePresets.set(frame, d.presets));
  // A single-frame file is done after its full pass; a multi-frame file stays parsed while the reader pages (MAX_OPEN bounds it).
  if (!d.preview && o.meta.numberOfFrames === 1) opened.delete(url);
  recordTiming(
    url,
    d.preview
      ? { previewCodecWaitMs: codecWaitMs, previewDecodeMs: d.decodeMs, previewVoiMs: d.voiMs, previewLevel: level }
      : { decodeMs: d.decodeMs, voiMs: d.voiMs },
  );
  return {
    ...d.image,
    cxrPreview: d.preview,
    cxrScale: d.scale,
    cxrFullSize: { columns: o.meta.columns, rows: o.meta.rows },
    cxrPresets: d.presets,
  };
}

let registered = false;

export function registerCxrImageLoaders(cornerstone: Cornerstone): void {
  if (registered) return;
  registered = true;
  configureCodecAssets();
  cornerstone.registerImageLoader("cxr", (imageId) => ({ promise: load(imageId, imageId.slice("cxr:".length), false) }));
  cornerstone.registerImageLoader("cxr-preview", (imageId) => ({ promise: load(imageId, imageId.slice("cxr-preview:".length), true) }));
}
