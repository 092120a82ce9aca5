import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "./engine";
import type { Detection } from "./postprocess";
import type { GreyImage } from "./preprocess";
import { openvinoAvailable, startOpenvinoServer, type OpenvinoServer } from "./testing/openvino-server";

// The KServe v2 backend against a real OpenVINO server (`cxr-train serve-openvino`, OpenVINO's CPU plugin from PyPI)
// running the demo model (YOLO11n, 512 px), compared with onnxruntime-node on the same bytes. onnxruntime-node 1.30
// cannot load ONNX Runtime's OpenVINO plugin EP (its binding has no plugin-EP registration), hence the server.
const MODEL = "models/demo-nodule-mass/model.onnx";
const bytes = new Uint8Array(readFileSync(MODEL));
const available = openvinoAvailable();
if (!available) console.warn("training venv with openvino not found: skipping the OpenVINO backend test");

// A radiograph-like grey image: noise with bright blobs, so the detector ranks candidates.
function image(seed: number): GreyImage {
  const w = 640,
    h = 560,
    data = new Uint8Array(w * h);
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < data.length; i++) data[i] = 70 + Math.floor(rnd() * 40);
  for (let b = 0; b < 4; b++) {
    const cx = 100 + rnd() * 440,
      cy = 100 + rnd() * 360,
      r = 15 + rnd() * 35;
    for (let y = Math.floor(cy - r); y < cy + r; y++)
      for (let x = Math.floor(cx - r); x < cx + r; x++) if ((x - cx) ** 2 + (y - cy) ** 2 < r * r) data[y * w + x] = 200;
  }
  return { width: w, height: h, data };
}

const iou = (a: Detection["box"], b: Detection["box"]) => {
  const ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])),
    iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = ix * iy;
  return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
};

describe.skipIf(!available)("INFERENCE_BACKEND=kserve on OpenVINO", () => {
  let bf16: OpenvinoServer;
  let f32: OpenvinoServer;
  let local: Engine;
  beforeAll(async () => {
    [bf16, f32] = await Promise.all([startOpenvinoServer({ demo: MODEL }), startOpenvinoServer({ demo: MODEL }, { precision: "f32" })]);
    local = await createEngine({ modelBytes: bytes, key: "openvino-test-local" });
  }, 120_000);
  afterAll(async () => {
    await local?.close();
    await Promise.all([bf16?.close(), f32?.close()]);
  });

  it("states its precision: OpenVINO's default on this CPU, or f32 when asked", () => {
    expect(f32.precisions).toEqual({ demo: "f32" });
    expect(["bf16", "f32"]).toContain(bf16.precisions.demo); // bf16 on CPUs with AVX512_BF16 / AMX (the project machines)
  });

  it.each([true, false])(
    "runs the demo model (binary %s): f32 matches onnxruntime, bf16 stays close and says so",
    async (binary) => {
      const engines = await Promise.all(
        [f32, bf16].map((s, i) =>
          createEngine({ modelBytes: bytes, key: `openvino-test-${i}-${binary}`, kserve: { url: s.url, model: "demo", binary } }),
        ),
      );
      try {
        expect(engines.map((e) => e.providerUsed)).toEqual(["kserve:openvino/f32", `kserve:openvino/${bf16.precisions.demo}`]);
        expect(engines[0]!.metadata).toEqual(local.metadata);
        const spread = { f32: 0, bf16: 0 };
        for (const seed of [1, 2, 3]) {
          const opts = { confidence: 0.001 };
          const want = (await local.detect(image(seed), opts)).detections.slice(0, 5);
          expect(want.length).toBeGreaterThan(0);
          const [a, b] = await Promise.all(engines.map(async (e) => (await e.detect(image(seed), opts)).detections.slice(0, 5)));
          a!.forEach((d, k) => {
            expect(iou(d.box, want[k]!.box)).toBeGreaterThan(0.99);
            spread.f32 = Math.max(spread.f32, Math.abs(d.confidence - want[k]!.confidence));
          });
          // bf16: the same top detection, its box and score a little off (8-bit mantissa)
          expect(iou(b![0]!.box, want[0]!.box)).toBeGreaterThan(0.8);
          spread.bf16 = Math.max(spread.bf16, Math.abs(b![0]!.confidence - want[0]!.confidence));
        }
        console.log(
          `OpenVINO vs onnxruntime-node, top detection confidence difference: f32 ${spread.f32.toExponential(2)}, ${bf16.precisions.demo} ${spread.bf16.toExponential(2)}`,
        );
        expect(spread.f32).toBeLessThan(1e-3);
        expect(spread.bf16).toBeLessThan(0.05);
      } finally {
        await Promise.all(engines.map((e) => e.close()));
      }
    },
    120_000,
  );
});
