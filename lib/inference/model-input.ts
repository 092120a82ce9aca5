import type { GreyImage } from "./preprocess";

// What the engine accepts per request: an 8-bit grey image already decoded, or the encoded file itself, decoded in
// the inference worker thread (decode-input.ts) so the HTTP thread never runs a codec. Pure: no Node APIs.

/** A PNG/JPEG file, or one frame (1-based) of a DICOM file whose header the caller has already checked. */
export type EncodedImage = { kind: "raster"; bytes: Uint8Array } | { kind: "dicom"; bytes: Uint8Array; frame: number };
export type ModelInput = GreyImage | EncodedImage;

export const isEncoded = (x: ModelInput): x is EncodedImage => "kind" in x;

/** The buffer that moves to the worker thread (and is left detached here). */
export const bufferOf = (x: ModelInput): Uint8Array => (isEncoded(x) ? x.bytes : x.data);

/** False once the input's buffer has been detached (handed to a worker already) or does not fit its shape. */
export function intact(x: ModelInput): boolean {
  if (isEncoded(x)) return x.bytes.length > 0;
  return x.data.length === x.width * x.height;
}

/** Same input with `buffer` in place of its bytes (the moved or copied buffer). */
export const withBuffer = (x: ModelInput, buffer: Uint8Array): ModelInput =>
  isEncoded(x) ? { ...x, bytes: buffer } : { width: x.width, height: x.height, data: buffer };
