import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { decodePixels } from "@/lib/dicom/decode-pixels";
import { decodeRasterFast, type DecodedRaster } from "@/lib/dicom/decode-raster";
import { parseDicom } from "@/lib/dicom/parse-dicom";
import { readMetadata } from "@/lib/dicom/read-metadata";
import { scaleToGrey8 } from "@/lib/dicom/scale-to-grey8";
import { renderToGrey8 } from "@/lib/dicom/voi";
import { greyOfGreyRgb } from "./grey-rgb";
import { isEncoded, type ModelInput } from "./model-input";
import type { GreyImage } from "./preprocess";

// Runs in the inference worker thread: an encoded request → the 8-bit grey image the model sees. 8-bit PNG/JPEG go
// through libvips (sharp: libjpeg-turbo / libspng, measured 5.3 ms against 12 ms for the libjpeg-turbo WASM codec plus
// a JS grey loop on a 1024² NIH JPEG); 16-bit PNGs and anything libvips refuses take the pure-JS decoders. The result
// is the same image the HTTP thread used to make: channels that agree are that value, colour becomes luma.

sharp.concurrency(1); // one libvips thread per inference worker: the workers are the parallelism
sharp.cache(false); // every request is a new file: caching decoded pixels only costs memory

/** Interleaved 8-bit samples (1–4 channels, alpha ignored) → grey: the value where R = G = B, else rounded BT.601 luma. */
export function greyOf(data: Uint8Array, pixels: number, channels: number): Uint8Array {
  if (channels < 3) {
    if (channels === 1) return data.slice(); // its own memory (libvips' buffer cannot be transferred)
    const out = new Uint8Array(pixels);
    for (let i = 0; i < pixels; i++) out[i] = data[i * channels]!;
    return out;
  }
  const grey = channels === 3 ? greyOfGreyRgb(data, pixels) : null; // a grey image saved as colour: no rounding to do
  if (grey) return grey;
  const out = new Uint8Array(pixels);
  for (let i = 0, j = 0; i < pixels; i++, j += channels) {
    const r = data[j]!,
      g = data[j + 1]!,
      b = data[j + 2]!;
    out[i] = r === g && g === b ? r : Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return out;
}

// The former HTTP-thread path, for what libvips does not take (16-bit PNG, 12-bit JPEG, damaged files).
function greyOfRaster(img: DecodedRaster): GreyImage {
  const n = img.rows * img.columns;
  const data =
    img.samplesPerPixel !== 1
      ? greyOf(img.pixels as Uint8Array, n, img.samplesPerPixel)
      : img.maxValue <= 255
        ? Uint8Array.from(img.pixels)
        : scaleToGrey8(img.pixels, img.maxValue);
  return { width: img.columns, height: img.rows, data };
}

const isSixteenBitPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[24] === 16;

async function decodeRasterGrey(bytes: Uint8Array): Promise<GreyImage> {
  if (!isSixteenBitPng(bytes)) {
    try {
      const { data, info } = await sharp(bytes, { limitInputPixels: false, failOn: "error" }).raw().toBuffer({ resolveWithObject: true });
      if (data.byteLength === info.width * info.height * info.channels) {
        // 8 bits per sample
        const u8 = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        return { width: info.width, height: info.height, data: greyOf(u8, info.width * info.height, info.channels) };
      }
    } catch {
      // fall through to the JS decoders, which name the problem if the file really is broken
    }
  }
  return greyOfRaster(await decodeRasterFast(bytes));
}

async function decodeDicomFrame(bytes: Uint8Array, frame: number): Promise<GreyImage> {
  const ds = parseDicom(bytes);
  const meta = readMetadata(ds);
  if (!(frame >= 1 && frame <= meta.numberOfFrames))
    throw new AppError("bad_request", `Frame ${frame} is outside 1..${meta.numberOfFrames}`);
  const decoded = await decodePixels(ds, { metadata: meta, frame: frame - 1 });
  return { width: decoded.columns, height: decoded.rows, data: renderToGrey8(decoded, meta) };
}

/** A grey image passes through; an encoded one is decoded here. Throws AppError on a file that cannot be decoded. */
export async function decodeInput(input: ModelInput): Promise<GreyImage> {
  if (!isEncoded(input)) return input;
  return input.kind === "raster" ? decodeRasterGrey(input.bytes) : decodeDicomFrame(input.bytes, input.frame);
}
