import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evaluateDataset } from "@/lib/evaluation/evaluate-dataset";
import { hasTrainingVenv, workerEvaluate, writeYoloDataset, type SyntheticImage } from "@/lib/evaluation/testing/cross-check";
import { importNihDemoSplit, nihAvailable } from "@/lib/evaluation/testing/nih-demo-split";
import { TINY_MODEL } from "@/test/fixtures/models";

// The registry's TypeScript evaluator against the training worker's `cxr-train evaluate` on the same folder.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-eval-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const DEMO_MODEL = path.resolve("models/demo-nodule-mass/model.onnx");

// 64x64 images: tiny-yolo's anchors (32x32 input) land at twice their input coordinates. Ground truth shifted by
// varying amounts so some detections match at 0.4 but not 0.5, some images hold misses, some none.
function syntheticImages(): SyntheticImage[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = (i % 5) * 2;
    const boxes: SyntheticImage["boxes"] = [];
    if (i % 3 !== 2) boxes.push({ cls: 0, box: [8 + d, 8 + d / 2, 24 + d, 24 + d / 2] });
    if (i % 2 === 0) boxes.push({ cls: 1, box: [10, 10 + d, 26, 26 + d] });
    if (i % 4 === 1) boxes.push({ cls: 0, box: [40, 40 + d, 56, 56 + d] });
    if (i % 5 === 3) boxes.push({ cls: 1, box: [2, 20 + d, 60, 44] });
    return { width: 64, height: 64, fill: 20 * i, boxes };
  });
}

describe.skipIf(!hasTrainingVenv())("TypeScript evaluator vs cxr-train evaluate", () => {
  it("agrees within 0.01 on a synthetic dataset with the tiny YOLO", async () => {
    const dir = path.join(tmp, "synthetic");
    writeYoloDataset(dir, ["Mass", "Nodule"], syntheticImages());
    const ts = await evaluateDataset(TINY_MODEL, dir);
    const py = workerEvaluate(TINY_MODEL, dir);
    expect(ts.images).toBe(12);
    expect(py.images).toBe(12);
    expect(ts.map50).not.toBeNull();
    expect(ts.map50!).toBeGreaterThan(0); // a result of 0 would agree trivially
    expect(ts.map40!).toBeGreaterThan(ts.map50!); // the shifted boxes make the looser IoU count
    expect(Math.abs(ts.map50! - py.map50!)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(ts.map40! - py.map40!)).toBeLessThanOrEqual(0.01);
    for (const name of ["Mass", "Nodule"]) {
      expect(ts.perClass[name]!.gt).toBe(py.per_class[name]!.gt);
      expect(Math.abs(ts.perClass[name]!.ap50! - py.per_class[name]!.ap50!)).toBeLessThanOrEqual(0.01);
    }
  }, 120_000);

  it.skipIf(!nihAvailable())(
    "agrees within 0.01 with the demo model on the NIH validation split",
    async () => {
      const dir = path.join(tmp, "nih");
      // The demo model card's preparation command: the same patient-level split the model was validated on.
      importNihDemoSplit(dir);
      const ts = await evaluateDataset(DEMO_MODEL, dir);
      const py = workerEvaluate(DEMO_MODEL, dir);
      console.info(
        `demo model on ${ts.images} NIH val images: TS mAP@0.5 ${ts.map50?.toFixed(4)} mAP@0.4 ${ts.map40?.toFixed(4)}; cxr-train mAP@0.5 ${py.map50?.toFixed(4)} mAP@0.4 ${py.map40?.toFixed(4)}`,
      );
      expect(ts.images).toBe(py.images);
      expect(Math.abs(ts.map50! - py.map50!)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(ts.map40! - py.map40!)).toBeLessThanOrEqual(0.01);
    },
    300_000,
  );
});

describe.runIf(!hasTrainingVenv())("cross-check skipped", () => {
  it("needs training/.venv (the training worker's venv)", () =>
    console.warn("skipped: training/.venv is absent; run scripts/test-all.sh to create it"));
});
