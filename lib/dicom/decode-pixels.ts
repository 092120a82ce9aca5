import { AppError } from "@/lib/errors";
import { decodeJpegExtended } from "./codecs/decode-jpeg-extended";
import { decodeJpegLossless } from "./codecs/decode-jpeg-lossless";
import { decodeJpeg2000, decodeJpegBaseline8, decodeJpegLs, type CodecFrame } from "./codecs/decode-wasm";
import { decodeNative } from "./decode-native";
import { decodeRle } from "./decode-rle";
import { readFrameBytes } from "./pixel-frame";
import { finishPixels } from "./pixel-values";
import { readMetadata, type DicomMetadata } from "./read-metadata";
import { codecForTransferSyntax } from "./transfer-syntax";
import type { DecodedImage, DicomDataset } from "./types";

export interface DecodePixelsOptions {
  /** Zero-based frame index (default 0). */
  frame?: number;
  /**
   * JPEG 2000 only: decode at a reduced resolution (each level halves rows and columns) for a fast first pass.
   * Ignored by every other transfer syntax.
   */
  j2kDecodeLevel?: number;
  /** Metadata already read with readMetadata (saves re-reading it). */
  metadata?: DicomMetadata;
}

/** Decodes one frame of a parsed DICOM into grey (Uint8/Uint16/Int16) or interleaved RGB pixels. */
export async function decodePixels(dataset: DicomDataset, options: DecodePixelsOptions = {}): Promise<DecodedImage> {
  const meta = options.metadata ?? readMetadata(dataset);
  if (meta.rows <= 0 || meta.columns <= 0) throw new AppError("unprocessable", "Rows/Columns missing or zero");
  if (meta.samplesPerPixel !== 1 && meta.samplesPerPixel !== 3) {
    throw new AppError("unsupported", `Samples per pixel ${meta.samplesPerPixel} is not supported`);
  }
  const codec = codecForTransferSyntax(dataset.transferSyntaxUid);
  if (!codec) throw new AppError("unsupported", `Unsupported transfer syntax ${dataset.transferSyntaxUid}`);
  const bytes = readFrameBytes(dataset, meta, options.frame ?? 0);
  if (codec === "native")
    return finishPixels(
      decodeNative(bytes, meta, dataset.littleEndian, dataset.raw.elements.x7fe00010?.vr),
      meta,
      meta.rows,
      meta.columns,
      "native",
    );
  if (codec === "rle") return finishPixels(decodeRle(bytes, meta), meta, meta.rows, meta.columns, "native");
  const level = codec === "jpeg-2000" ? Math.max(0, Math.floor(options.j2kDecodeLevel ?? 0)) : 0;
  const frame = await decodeCompressed(codec, bytes, meta, level);
  const expected = level > 0 ? frame : { width: meta.columns, height: meta.rows };
  if (frame.width !== expected.width || frame.height !== expected.height || frame.componentCount !== meta.samplesPerPixel) {
    throw new AppError(
      "unprocessable",
      `Decoded frame is ${frame.width}×${frame.height}×${frame.componentCount}, header says ${meta.columns}×${meta.rows}×${meta.samplesPerPixel}`,
    );
  }
  return finishPixels(frame.samples, meta, frame.height, frame.width, "codec");
}

function decodeCompressed(codec: string, bytes: Uint8Array, meta: DicomMetadata, level: number): Promise<CodecFrame> {
  switch (codec) {
    case "jpeg-baseline":
    case "jpeg-extended":
      // libjpeg-turbo-8bit handles 8-bit DCT; 12-bit (process 4) goes to the built-in decoder.
      return jpegPrecision(bytes) > 8 ? Promise.resolve().then(() => decodeJpegExtended(bytes)) : decodeJpegBaseline8(bytes);
    case "jpeg-lossless":
      return decodeJpegLossless(bytes, meta.bitsAllocated);
    case "jpeg-ls":
      return decodeJpegLs(bytes);
    case "jpeg-2000":
      return decodeJpeg2000(bytes, level);
    default:
      throw new AppError("unsupported", `No decoder for ${codec}`);
  }
}

/** Sample precision from the first SOFn marker (8 when none is found). */
function jpegPrecision(bytes: Uint8Array): number {
  for (let p = 2; p + 4 < bytes.length;) {
    if (bytes[p] !== 0xff) return 8;
    const marker = bytes[p + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return bytes[p + 4]!;
    p += 2 + ((bytes[p + 2]! << 8) | bytes[p + 3]!);
  }
  return 8;
}
