import { AppError, isAppError } from "@/lib/errors";
import { loadCharls, loadLibJpegTurbo, loadOpenJpeg } from "./wasm-codecs";

/** A codec's output: unsigned sample bits (signed data keeps its two's-complement bits), interleaved. */
export interface CodecFrame {
  samples: Uint8Array | Uint16Array;
  width: number;
  height: number;
  componentCount: number;
  bitsPerSample: number;
}

export async function decodeJpeg2000(bytes: Uint8Array, decodeLevel = 0): Promise<CodecFrame> {
  const codec = await loadOpenJpeg();
  const decoder = new codec.J2KDecoder();
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    if (decodeLevel > 0) decoder.decodeSubResolution(decodeLevel, 0);
    else decoder.decode();
    const info = decoder.getFrameInfo();
    const size = decodeLevel > 0 ? decoder.calculateSizeAtDecompositionLevel(decodeLevel) : info;
    return copyOut(decoder, { ...info, width: size.width, height: size.height });
  } catch (e) {
    throw codecError("JPEG 2000", e);
  } finally {
    decoder.delete();
  }
}

export async function decodeJpegLs(bytes: Uint8Array): Promise<CodecFrame> {
  const codec = await loadCharls();
  const decoder = new codec.JpegLSDecoder();
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    const frame = copyOut(decoder, decoder.getFrameInfo());
    // Interleave mode 0 (by plane) colour data → pixel-interleaved.
    if (frame.componentCount > 1 && decoder.getInterleaveMode() === 0) frame.samples = planarToInterleaved(frame);
    return frame;
  } catch (e) {
    throw codecError("JPEG-LS", e);
  } finally {
    decoder.delete();
  }
}

export async function decodeJpegBaseline8(bytes: Uint8Array): Promise<CodecFrame> {
  const codec = await loadLibJpegTurbo();
  const decoder = new codec.JPEGDecoder();
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    return copyOut(decoder, decoder.getFrameInfo());
  } catch (e) {
    throw codecError("JPEG baseline", e);
  } finally {
    decoder.delete();
  }
}

function copyOut(decoder: CornerstoneWasmDecoder, info: CornerstoneFrameInfo): CodecFrame {
  const heap = decoder.getDecodedBuffer(); // a Uint8(Clamped)Array view into WASM memory, reused by the next decode
  const copy = new Uint8Array(heap.buffer.slice(heap.byteOffset, heap.byteOffset + heap.byteLength));
  const samples = info.bitsPerSample > 8 ? new Uint16Array(copy.buffer, 0, copy.length >> 1) : copy;
  const { width, height, componentCount, bitsPerSample } = info;
  return { samples, width, height, componentCount, bitsPerSample };
}

function planarToInterleaved({ samples, width, height, componentCount }: CodecFrame): Uint8Array | Uint16Array {
  const plane = width * height;
  const out = samples instanceof Uint16Array ? new Uint16Array(samples.length) : new Uint8Array(samples.length);
  for (let p = 0; p < plane; p++) for (let c = 0; c < componentCount; c++) out[p * componentCount + c] = samples[c * plane + p]!;
  return out;
}

export function codecError(name: string, e: unknown): AppError {
  if (isAppError(e)) return e;
  const cause = e instanceof Error ? e.message : typeof e === "number" ? `WASM exception ${e}` : String(e);
  return new AppError("unprocessable", `${name} pixel data could not be decoded (corrupt or truncated)`, { cause });
}
