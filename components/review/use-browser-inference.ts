"use client";

import { useCallback, useState } from "react";
import type { Detection } from "@/lib/inference/postprocess";
import { loadWebModel } from "@/lib/inference/web-session";
import { decodeOptionsOf, thresholdsSchema } from "@/lib/models/thresholds";
import { predictDicomBytes } from "@/lib/predictions/predict-dicom-bytes";
import { configureCodecAssets } from "@/components/viewer/codec-assets";
import { ortWasmPaths, ortWebGpuPaths } from "./ort-assets";

// "Run in browser": the model version the server used for this study, fetched once (HTTP-cached by sha256), run
// with onnxruntime-web on the study's own DICOM bytes through the same decode, letterbox, NMS and thresholds.

export type BrowserBox = Pick<Detection, "className" | "finding" | "confidence" | "box"> & { instanceId: string };
export type BrowserRun =
  | { status: "idle" }
  | { status: "running"; step: string }
  | { status: "done"; boxes: BrowserBox[]; ms: number; inferenceMs: number; model: string; backend: string }
  | { status: "error"; message: string };

async function fetchBytes(url: string, what: string): Promise<{ bytes: Uint8Array; res: Response }> {
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`Could not load the ${what} (HTTP ${res.status})`);
  return { bytes: new Uint8Array(await res.arrayBuffer()), res };
}

async function loadVersion(modelVersionId: string) {
  const { bytes, res } = await fetchBytes(`/api/v1/models/${encodeURIComponent(modelVersionId)}/file`, "model");
  const header = (name: string) => decodeURIComponent(res.headers.get(name) ?? "");
  const thresholds = thresholdsSchema.parse(JSON.parse(header("x-model-thresholds") || "{}"));
  const model = await loadWebModel(modelVersionId, bytes, { wasmPaths: ortWasmPaths(), webgpuPaths: ortWebGpuPaths() });
  return { model, thresholds, label: `${header("x-model-name")} ${header("x-model-version")}`.trim() };
}

export function useBrowserInference() {
  const [run, setRun] = useState<BrowserRun>({ status: "idle" });
  const start = useCallback(async (modelVersionId: string, instanceIds: readonly string[]) => {
    const t0 = performance.now();
    try {
      setRun({ status: "running", step: "Loading the model" });
      configureCodecAssets();
      const { model, thresholds, label } = await loadVersion(modelVersionId);
      const boxes: BrowserBox[] = [];
      let inferenceMs = 0;
      for (const instanceId of instanceIds) {
        setRun({ status: "running", step: "Running the model" });
        const { bytes } = await fetchBytes(`/api/v1/instances/${encodeURIComponent(instanceId)}/file`, "image");
        const r = await predictDicomBytes(model, bytes, decodeOptionsOf(thresholds));
        inferenceMs += r.timings.detectMs;
        boxes.push(
          ...r.detections.map((d) => ({ instanceId, className: d.className, finding: d.finding, confidence: d.confidence, box: d.box })),
        );
      }
      const backend = model.providerUsed === "webgpu" ? "WebGPU" : `WASM SIMD, ${model.threads} thread${model.threads === 1 ? "" : "s"}`;
      setRun({ status: "done", boxes, ms: performance.now() - t0, inferenceMs, model: label, backend });
    } catch (e) {
      setRun({ status: "error", message: e instanceof Error ? e.message : String(e) });
    }
  }, []);
  return { run, start };
}
