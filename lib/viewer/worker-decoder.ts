import { loadOpenJpeg } from "@/lib/dicom/codecs/wasm-codecs";
import type { GreyPixels } from "@/lib/dicom/types";
import { decodeDisplayImage, openDicom, previewLevel, type OpenedDicom } from "./display-image";
import type { WindowPreset } from "./presets";
import type { DecodeReply, DecodeRequest, DecodeResult } from "./decode-protocol";

// The decoding half of the viewer's image loader, run inside components/viewer/decode.worker.ts: fetch, parse and decode with lib/dicom,
// off the main thread. `post` sends a reply to the page (with the buffers to transfer).
type Post = (reply: DecodeReply, transfer?: Transferable[]) => void;

const J2K = new Set(["1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"]);

interface Opened extends OpenedDicom {
  /** The file's bytes: never transferred, the next pass (or frame) parses from them. */
  fileBuffer: ArrayBufferLike;
}

// One fetch + parse per load of a file, shared by its first pass and full-resolution pass, dropped after the latter.
const opened = new Map<string, Promise<Opened>>();
// Presets come from the first pass and are reused by the full-resolution pass, so the contrast does not jump (per
// frame: the frames of a dual-energy image differ in range).
const presetsOf = new WeakMap<Opened, Map<number, WindowPreset[]>>();
const MAX_OPEN = 4;

function openUrl(url: string, href: string, post: Post): Promise<Opened> {
  let pending = opened.get(url);
  if (!pending) {
    pending = (async () => {
      const t0 = performance.now();
      post({ type: "timing", url, start: true, patch: {} });
      // Compile the JPEG 2000 codec (the usual CR/DX syntax) while the bytes are on the wire.
      loadOpenJpeg().catch(() => undefined);
      const res = await fetch(href, { credentials: "same-origin" });
      if (!res.ok) throw new Error(`Could not load the image (${res.status})`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const t1 = performance.now();
      const o = openDicom(bytes);
      const patch = { fetchMs: t1 - t0, parseMs: performance.now() - t1, transferSyntax: o.meta.transferSyntaxUid };
      post({ type: "timing", url, bytesAtEpoch: performance.timeOrigin + t1, patch });
      return { ...o, fileBuffer: bytes.buffer };
    })();
    pending.catch(() => opened.delete(url));
    opened.set(url, pending);
    if (opened.size > MAX_OPEN) opened.delete(opened.keys().next().value!);
  }
  return pending;
}

/** Decodes one request and posts the result, its pixel buffer transferred (copied first only if it is a view into the file). */
export async function handleDecodeRequest(req: DecodeRequest, post: Post): Promise<void> {
  try {
    const o = await openUrl(req.url, req.href, post);
    const level = req.preview ? previewLevel(o.meta) : 0;
    const t0 = performance.now();
    if (J2K.has(o.meta.transferSyntaxUid)) await loadOpenJpeg(); // measured apart: compiling the codec is not decoding
    const codecWaitMs = performance.now() - t0;
    const framePresets = presetsOf.get(o) ?? new Map<number, WindowPreset[]>();
    const d = await decodeDisplayImage(o, req.imageId, level, framePresets.get(req.frame), req.frame);
    presetsOf.set(o, framePresets.set(req.frame, d.presets));
    // A single-frame file is done after its full pass; a multi-frame file stays parsed while the reader pages (MAX_OPEN bounds it).
    if (!d.preview && o.meta.numberOfFrames === 1) opened.delete(req.url);
    post({
      type: "timing",
      url: req.url,
      patch: d.preview
        ? { previewCodecWaitMs: codecWaitMs, previewDecodeMs: d.decodeMs, previewVoiMs: d.voiMs, previewLevel: level }
        : { decodeMs: d.decodeMs, voiMs: d.voiMs },
    });
    const { getPixelData, ...rest } = d.image;
    const pixels = ownBuffer(getPixelData() as GreyPixels, o.fileBuffer);
    const result: DecodeResult = {
      image: { ...rest, pixels },
      preview: d.preview,
      scale: d.scale,
      fullSize: { columns: o.meta.columns, rows: o.meta.rows },
      presets: d.presets,
    };
    post({ type: "result", id: req.id, result }, [pixels.buffer]);
  } catch (e) {
    post({ type: "error", id: req.id, message: e instanceof Error ? e.message : String(e) });
  }
}

/** The pixels in a buffer of their own, so transferring it neither detaches the cached file nor sends unrelated bytes. */
export function ownBuffer(pixels: GreyPixels, fileBuffer: ArrayBufferLike): GreyPixels {
  const whole = pixels.byteOffset === 0 && pixels.byteLength === pixels.buffer.byteLength;
  return whole && pixels.buffer !== fileBuffer ? pixels : pixels.slice();
}
