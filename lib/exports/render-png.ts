import { PNG } from "pngjs";
import { dicomToModelImage } from "@/lib/predictions/load-instance-image";

// A stored DICOM → the 8-bit grey PNG a dataset holds: the same VOI rendering the viewer and the detector use.
// pngjs writes no text chunks, so nothing from the DICOM header travels with the pixels.
export async function renderInstancePng(dicom: Uint8Array, frame = 1): Promise<{ png: Uint8Array; width: number; height: number }> {
  const { image } = await dicomToModelImage(dicom, frame);
  return { png: encodeGreyPng(image.data, image.width, image.height), width: image.width, height: image.height };
}

export function encodeGreyPng(grey: Uint8Array, width: number, height: number): Uint8Array {
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  png.data = Buffer.from(grey.buffer, grey.byteOffset, grey.byteLength);
  return new Uint8Array(PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false }));
}
