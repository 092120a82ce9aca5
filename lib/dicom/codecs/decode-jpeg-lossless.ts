import { codecError, type CodecFrame } from "./decode-wasm";

/** JPEG lossless, non-hierarchical (processes 14 and 14 SV1) via jpeg-lossless-decoder-js, loaded lazily. */
export async function decodeJpegLossless(bytes: Uint8Array, bitsAllocated: number): Promise<CodecFrame> {
  const { Decoder } = await import("jpeg-lossless-decoder-js");
  try {
    const decoder = new Decoder();
    const copy = bytes.slice(); // the decoder wants its own ArrayBuffer
    const numBytes = bitsAllocated > 8 ? 2 : 1;
    const samples = decoder.decode(copy.buffer, 0, copy.byteLength, numBytes);
    return {
      samples,
      width: decoder.xDim,
      height: decoder.yDim,
      componentCount: decoder.numComp,
      bitsPerSample: decoder.precision ?? bitsAllocated,
    };
  } catch (e) {
    throw codecError("JPEG lossless", e);
  }
}
