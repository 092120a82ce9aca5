import { AppError } from "@/lib/errors";
import { resizeBilinear, roundHalfEven } from "./resize-bilinear";

// Ultralytics LetterBox(auto=False, scaleup=True, center=True), pad 114, cv2.INTER_LINEAR, then grey → C
// identical channels, CHW float32 / 255. Pure: no Node APIs, so onnxruntime-web can reuse it.

/** A windowed 8-bit grey image, row-major, `data.length === width * height`. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The model's input grid and channel count. */
export interface InputSpec {
  width: number;
  height: number;
  channels: 1 | 3;
}

/** How an original image sits inside the model input: input = original * scale + pad. */
export interface Letterbox {
  scale: number;
  padX: number;
  padY: number;
  srcWidth: number;
  srcHeight: number;
  inputWidth: number;
  inputHeight: number;
}

export const PAD_VALUE = 114;
const BY_255 = Float32Array.from({ length: 256 }, (_, v) => v / 255);

function checkImage(img: GreyImage): void {
  const ok = Number.isInteger(img.width) && Number.isInteger(img.height) && img.width > 0 && img.height > 0;
  if (!ok || img.data.length !== img.width * img.height) {
    throw new AppError("bad_request", `Invalid grey image ${img.width}x${img.height} with ${img.data.length} bytes`);
  }
}

/** Letterbox geometry exactly as Ultralytics computes it. */
export function letterboxGeometry(srcWidth: number, srcHeight: number, inputWidth: number, inputHeight: number) {
  const scale = Math.min(inputHeight / srcHeight, inputWidth / srcWidth);
  const newWidth = roundHalfEven(srcWidth * scale);
  const newHeight = roundHalfEven(srcHeight * scale);
  const padX = roundHalfEven((inputWidth - newWidth) / 2 - 0.1);
  const padY = roundHalfEven((inputHeight - newHeight) / 2 - 0.1);
  return { scale, newWidth, newHeight, padX, padY };
}

/** Resizes and pads to the input grid; returns the 8-bit letterboxed image and its geometry. */
export function letterboxGrey(img: GreyImage, input: { width: number; height: number }) {
  checkImage(img);
  const g = letterboxGeometry(img.width, img.height, input.width, input.height);
  const resized = resizeBilinear(img.data, img.width, img.height, g.newWidth, g.newHeight);
  const out = new Uint8Array(input.width * input.height).fill(PAD_VALUE);
  for (let y = 0; y < g.newHeight; y++) {
    out.set(resized.subarray(y * g.newWidth, (y + 1) * g.newWidth), (y + g.padY) * input.width + g.padX);
  }
  const letterbox: Letterbox = {
    scale: g.scale,
    padX: g.padX,
    padY: g.padY,
    srcWidth: img.width,
    srcHeight: img.height,
    inputWidth: input.width,
    inputHeight: input.height,
  };
  return { pixels: out, letterbox };
}

/** Letterboxes one image into `target` (CHW float32 / 255) starting at `offset`. */
function writeChw(img: GreyImage, input: InputSpec, target: Float32Array, offset: number): Letterbox {
  const { pixels, letterbox } = letterboxGrey(img, input);
  const plane = input.width * input.height;
  for (let i = 0; i < plane; i++) target[offset + i] = BY_255[pixels[i]!]!;
  for (let c = 1; c < input.channels; c++) target.copyWithin(offset + c * plane, offset, offset + plane);
  return letterbox;
}

export function preprocess(img: GreyImage, input: InputSpec): { data: Float32Array; letterbox: Letterbox } {
  const data = new Float32Array(input.channels * input.width * input.height);
  return { data, letterbox: writeChw(img, input, data, 0) };
}

/** Stacks N images into one NCHW tensor; `batchSize` (≥ N) pads the batch with zero images for fixed-batch models. */
export function preprocessBatch(images: readonly GreyImage[], input: InputSpec, batchSize = images.length) {
  if (images.length === 0) throw new AppError("bad_request", "No images to preprocess");
  if (batchSize < images.length) throw new AppError("bad_request", `Batch of ${images.length} exceeds ${batchSize}`);
  const size = input.channels * input.width * input.height;
  const data = new Float32Array(batchSize * size);
  const letterboxes = images.map((img, i) => writeChw(img, input, data, i * size));
  return { data, letterboxes };
}
