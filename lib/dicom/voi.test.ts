import { describe, expect, it } from "vitest";
import { decodePixels } from "./decode-pixels";
import { parseDicom } from "./parse-dicom";
import { readMetadata } from "./read-metadata";
import { makeSyntheticDicom } from "./testing/make-synthetic-dicom";
import type { DecodedImage } from "./types";
import {
  applyWindow,
  dicomWindow,
  modalityValue,
  percentileWindow,
  rangeWindow,
  renderToGrey8,
  voiLutMapper,
  type VoiMetadata,
} from "./voi";
import { windowPresets } from "./window-presets";

const mono2: VoiMetadata = {
  photometricInterpretation: "MONOCHROME2",
  rescaleSlope: 1,
  rescaleIntercept: 0,
  windowCenter: [],
  windowWidth: [],
};
const grey = (values: number[]): DecodedImage => ({
  rows: 1,
  columns: values.length,
  pixels: Uint16Array.from(values),
  samplesPerPixel: 1,
  bitsStored: 16,
  pixelRepresentation: 0,
  minValue: Math.min(...values),
  maxValue: Math.max(...values),
});

describe("window functions (PS3.3 C.11.2.1.2, hand-computed)", () => {
  it("LINEAR c=40 w=400: ≤ -160 → 0, > 239 → 255, 39.5 → 127.5", () => {
    const w = { center: 40, width: 400 };
    expect(applyWindow(-160, w)).toBe(0);
    expect(applyWindow(239.5, w)).toBe(255);
    expect(applyWindow(239, w)).toBeCloseTo(255, 10);
    expect(applyWindow(39.5, w)).toBeCloseTo(127.5, 10);
    expect(applyWindow(139.25, w)).toBeCloseTo(191.25, 10);
  });
  it("LINEAR_EXACT c=100 w=200 and SIGMOID midpoint", () => {
    expect(applyWindow(0, { center: 100, width: 200, fn: "LINEAR_EXACT" })).toBe(0);
    expect(applyWindow(100, { center: 100, width: 200, fn: "LINEAR_EXACT" })).toBeCloseTo(127.5, 10);
    expect(applyWindow(150, { center: 100, width: 200, fn: "LINEAR_EXACT" })).toBeCloseTo(191.25, 10);
    expect(applyWindow(100, { center: 100, width: 200, fn: "SIGMOID" })).toBeCloseTo(127.5, 10);
  });
  it("rangeWindow(100, 355) maps x → x − 100 exactly", () => {
    const w = rangeWindow(355, 100);
    expect(w).toEqual({ center: 228, width: 256, fn: "LINEAR" });
    for (const x of [100, 101, 200, 354, 355]) expect(applyWindow(x, w)).toBeCloseTo(x - 100, 10);
  });
  it("modality LUT: stored 600, slope 2, intercept −1024 → 176", () => {
    expect(modalityValue(600, { rescaleSlope: 2, rescaleIntercept: -1024 })).toBe(176);
  });
  it("VOI LUT clamps outside its range and scales by bits per entry", () => {
    const map = voiLutMapper({ descriptor: [3, 10, 8], data: [0, 128, 255] });
    expect([map(0), map(10), map(11), map(12), map(99)]).toEqual([0, 0, 128, 255, 255]);
  });
  it("dicomWindow takes the first centre/width and ignores width < 1", () => {
    expect(dicomWindow({ ...mono2, windowCenter: [2000, 1000], windowWidth: [4000, 2000] })).toEqual({
      center: 2000,
      width: 4000,
      fn: "LINEAR",
    });
    expect(dicomWindow({ ...mono2, windowCenter: [10], windowWidth: [0] })).toBeUndefined();
  });
});

describe("percentileWindow", () => {
  it("values 0..999: the 0.5–99.5 % window spans 5..994", () => {
    const w = percentileWindow(grey(Array.from({ length: 1000 }, (_, i) => i)), mono2);
    expect(w).toEqual({ center: 500, width: 990, fn: "LINEAR" });
  });
  it("ignores 0.2 % of extreme outliers", () => {
    const values = [...Array.from({ length: 998 }, (_, i) => 100 + (i % 101)), 60000, 60000];
    const w = percentileWindow(grey(values), mono2);
    expect(w.center + w.width / 2).toBeLessThanOrEqual(201);
  });
});

describe("renderToGrey8", () => {
  it("c=128 w=256 is the identity on 8-bit values; MONOCHROME1 inverts it", () => {
    const image = grey([0, 64, 128, 255]);
    const window = { center: 128, width: 256 };
    expect(Array.from(renderToGrey8(image, mono2, window))).toEqual([0, 64, 128, 255]);
    expect(Array.from(renderToGrey8(image, { ...mono2, photometricInterpretation: "MONOCHROME1" }, window))).toEqual([255, 191, 127, 0]);
  });
  it("uses the file window, then VOI LUT, then percentiles", () => {
    expect(Array.from(renderToGrey8(grey([0, 1000, 2000]), { ...mono2, windowCenter: [1000.5], windowWidth: [2001] }))).toEqual([
      0, 128, 255,
    ]);
    const lutMeta = { ...mono2, voiLut: { descriptor: [3, 0, 8] as [number, number, number], data: [0, 255, 255] } };
    expect(Array.from(renderToGrey8(grey([0, 1, 2]), lutMeta))).toEqual([0, 255, 255]);
    expect(Array.from(renderToGrey8(grey([10, 20, 30]), mono2))).toEqual([0, 128, 255]);
  });
  it("RGB → luma", () => {
    const rgb = { pixels: Uint8Array.of(255, 0, 0, 10, 10, 10), samplesPerPixel: 3 as const, minValue: 0, maxValue: 255 };
    expect(Array.from(renderToGrey8(rgb, mono2))).toEqual([76, 10]);
  });
  it("synthetic files: the bright disc renders white in MONOCHROME2 and black in MONOCHROME1; VOI LUT and rescale apply", async () => {
    const render = async (kind: Parameters<typeof makeSyntheticDicom>[0]) => {
      const ds = parseDicom(makeSyntheticDicom(kind).bytes);
      const meta = readMetadata(ds);
      return { meta, image: await decodePixels(ds), grey: renderToGrey8(await decodePixels(ds), meta) };
    };
    const disc = 19 * 64 + 38; // (x 38, y 19) lies inside the disc
    const m2 = await render("explicit-le-16");
    const m1 = await render("mono1");
    expect(m2.grey[disc]).toBe(255);
    expect(m1.grey[disc]).toBe(0);
    expect(m1.grey[0]).toBeGreaterThan(200); // MONOCHROME1: the lowest stored values display white
    const lut = await render("voi-lut");
    expect(Array.from(lut.grey)).toEqual(Array.from(lut.image.pixels, (v) => v >> 4));
    const signed = await render("signed-rescale");
    expect(signed.grey[disc]).toBe(255);
    expect(signed.grey[0]).toBe(0);
  });
});

describe("windowPresets", () => {
  it("default is the file window; lung sits on the air side (low values in MONOCHROME2, high in MONOCHROME1)", () => {
    const image = grey(Array.from({ length: 1000 }, (_, i) => i));
    const p2 = windowPresets(image, { ...mono2, windowCenter: [300], windowWidth: [200] });
    expect(p2.default).toEqual({ center: 300, width: 200, fn: "LINEAR" });
    expect(p2.lung.center).toBeLessThan(p2.mediastinum.center);
    const p1 = windowPresets(image, { ...mono2, photometricInterpretation: "MONOCHROME1" });
    expect(p1.lung.center).toBeGreaterThan(p1.mediastinum.center);
    expect(p1.default).toEqual(p1.auto);
    expect(p1.full).toEqual(rangeWindow(0, 999));
  });
});
