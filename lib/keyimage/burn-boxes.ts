// Draws rectangles into an 8-bit grey raster (the "key image" for PACS that show neither SR nor GSPS): a white line
// with a black edge on both sides, so the box reads on dark lungs and on bright bone alike.
export type GreyRaster = { width: number; height: number; data: Uint8Array };

export function burnBoxes(img: GreyRaster, boxes: readonly (readonly [number, number, number, number])[]): Uint8Array {
  const out = Uint8Array.from(img.data);
  const line = Math.max(1, Math.round(Math.min(img.width, img.height) / 400)); // ~2-5 px on a radiograph
  const put = (x: number, y: number, v: number) => {
    if (x >= 0 && y >= 0 && x < img.width && y < img.height) out[y * img.width + x] = v;
  };
  const rect = (x1: number, y1: number, x2: number, y2: number, v: number) => {
    for (let x = x1; x <= x2; x++) {
      put(x, y1, v);
      put(x, y2, v);
    }
    for (let y = y1; y <= y2; y++) {
      put(x1, y, v);
      put(x2, y, v);
    }
  };
  for (const [bx1, by1, bx2, by2] of boxes) {
    const [x1, y1, x2, y2] = [Math.round(bx1), Math.round(by1), Math.round(bx2) - 1, Math.round(by2) - 1];
    rect(x1 - line, y1 - line, x2 + line, y2 + line, 0);
    rect(x1 + line, y1 + line, x2 - line, y2 - line, 0);
    for (let i = -line + 1; i < line; i++) rect(x1 - i, y1 - i, x2 + i, y2 + i, 255);
  }
  return out;
}
