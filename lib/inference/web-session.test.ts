import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { predictDicomBytes } from "@/lib/predictions/predict-dicom-bytes";
import { detect } from "./detect";
import { loadModel, releaseModels } from "./onnx-session";
import type { Detection } from "./postprocess";
import { loadWebModel } from "./web-session";

// onnxruntime-web's WASM backend (what the viewer's "run in browser" uses; it runs in Node too) against
// onnxruntime-node on the same bytes, through the same pre/post-processing: the boxes must agree.
const tinyBytes = new Uint8Array(readFileSync(path.join(__dirname, "testing", "tiny-yolo.onnx")));
afterAll(() => releaseModels());

function expectSame(web: Detection[], node: Detection[]) {
  expect(web.map((d) => d.className)).toEqual(node.map((d) => d.className));
  web.forEach((d, i) => {
    expect(Math.abs(d.confidence - node[i]!.confidence)).toBeLessThan(1e-4);
    d.box.forEach((v, k) => expect(Math.abs(v - node[i]!.box[k]!)).toBeLessThan(1e-3));
  });
}

describe("onnxruntime-web (WASM) detector", () => {
  it("reads the same metadata and finds the same boxes as onnxruntime-node", async () => {
    const web = await loadWebModel("tiny", tinyBytes);
    const node = await loadModel(tinyBytes, { key: "tiny-node" });
    expect(web.providerUsed).toBe("wasm");
    expect(web.metadata).toEqual(node.metadata);
    const img = () => ({ width: 48, height: 32, data: Uint8Array.from({ length: 48 * 32 }, (_, i) => (i * 7) % 256) });
    const [w] = await detect(web, [img()]);
    const [n] = await detect(node, [img()]);
    expect(n!.length).toBeGreaterThan(0);
    expectSame(w!, n!);
    expect(await loadWebModel("tiny", tinyBytes)).toBe(web); // cached per key
  });

  it("predicts on DICOM bytes exactly as the server path does, with per-class thresholds applied", async () => {
    const dicom = makeStudyDicom({ size: 96 }).bytes;
    const web = await loadWebModel("tiny", tinyBytes);
    const node = await loadModel(tinyBytes, { key: "tiny-node" });
    const options = { confidence: 0.25, iou: 0.45, classConfidence: { Mass: 0.65 } };
    const a = await predictDicomBytes(web, dicom, options);
    const b = await predictDicomBytes(node, dicom, options);
    expect(a.image).toEqual({ width: 96, height: 96 });
    expect(b.detections.length).toBeGreaterThan(0);
    expect(b.detections.filter((d) => d.className === "Mass").every((d) => d.confidence > 0.65)).toBe(true);
    expectSame(a.detections, b.detections);
  });

  it("refuses bytes that are not an ONNX model with a clear error", async () => {
    await expect(loadWebModel("junk", new TextEncoder().encode("not a model"))).rejects.toMatchObject({ code: "unprocessable" });
  });
});
