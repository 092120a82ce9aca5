import { describe, expect, it } from "vitest";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { dicomToModelImage } from "@/lib/predictions/load-instance-image";
import { lungFieldBox, otsuThreshold } from "./lung-field";

// A film with black air around a grey body and two dark lungs inside it.
function film(w: number, h: number, lungs: [number, number, number, number][]) {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const body = x >= w * 0.1 && x < w * 0.9 && y >= h * 0.05;
      const lung = lungs.some(([x1, y1, x2, y2]) => x >= x1 && x < x2 && y >= y1 && y < y2);
      data[y * w + x] = lung ? 40 : body ? 180 : 5;
    }
  return { width: w, height: h, data };
}

describe("lung field", () => {
  it("splits two intensity groups with Otsu's threshold", () => {
    const t = otsuThreshold([10, 12, 11, 200, 210, 205]);
    expect(t).toBeGreaterThanOrEqual(12);
    expect(t).toBeLessThan(200);
  });

  it("is the bounding box of the dark regions inside the body, not the air around it", () => {
    const box = lungFieldBox(
      film(400, 300, [
        [80, 60, 180, 240],
        [220, 60, 320, 250],
      ]),
    );
    [80, 60, 320, 250].forEach((want, i) => expect(Math.abs(box[i]! - want)).toBeLessThanOrEqual(4));
  });

  it("finds the synthetic chest's lungs on the display image the server renders", async () => {
    // The fixture's lungs: |x/size − 0.5| within 0.22 ± 0.15 and 0.15 < y/size < 0.85, i.e. about [17, 19, 111, 109] at 128 px.
    const { image } = await dicomToModelImage(makeStudyDicom({ size: 128 }).bytes);
    const box = lungFieldBox(image);
    [17, 19, 111, 109].forEach((want, i) => expect(Math.abs(box[i]! - want)).toBeLessThanOrEqual(2));
  });

  it("is the whole image when nothing dark lies inside the body", () => {
    expect(lungFieldBox(film(100, 80, []))).toEqual([0, 0, 100, 80]);
  });
});
