import fs from "node:fs";
import path from "node:path";
import { decodeRasterFast } from "@/lib/dicom/decode-raster";
import { AppError } from "@/lib/errors";
import { detect } from "@/lib/inference/detect";
import { loadModel, releaseModels } from "@/lib/inference/onnx-session";
import type { GreyImage } from "@/lib/inference/preprocess";
import { EVAL_DECODE } from "@/lib/evaluation/eval-decode";
import { scoreDetections, type DetectionScore, type EvalDetection, type EvalTruth } from "@/lib/evaluation/score-detections";
import { listSplit, parseDataYamlNames, readTruth } from "@/lib/evaluation/yolo-dataset";

// The registry's evaluator on a worker-format dataset folder, for cross-checking against `cxr-train evaluate`:
// same images, same decode settings, same AP definition; classes matched by name (the model's own names).

/** PNG/JPEG → the 8-bit grey image the model sees (RGB → luma, 16-bit → high byte, as OpenCV's 8-bit read). */
export async function rasterToGrey(bytes: Uint8Array): Promise<GreyImage> {
  const d = await decodeRasterFast(bytes);
  const n = d.rows * d.columns;
  const data = new Uint8Array(n);
  if (d.samplesPerPixel === 3)
    for (let i = 0; i < n; i++)
      data[i] = Math.round(0.299 * d.pixels[3 * i]! + 0.587 * d.pixels[3 * i + 1]! + 0.114 * d.pixels[3 * i + 2]!);
  else if (d.pixels instanceof Uint16Array) for (let i = 0; i < n; i++) data[i] = d.pixels[i]! >> 8;
  else data.set(d.pixels);
  return { width: d.columns, height: d.rows, data };
}

export type DatasetEvaluation = DetectionScore & { images: number; conf: number; nmsIou: number; maxDet: number };

export async function evaluateDataset(modelPath: string, folder: string, split = "val"): Promise<DatasetEvaluation> {
  const yaml = path.join(folder, "data.yaml");
  if (!fs.existsSync(yaml)) throw new AppError("bad_request", `${folder} has no data.yaml`);
  const names = parseDataYamlNames(fs.readFileSync(yaml, "utf8"));
  const key = `evaluate-dataset:${path.resolve(modelPath)}`;
  const model = await loadModel(modelPath, { key });
  const dets: EvalDetection[] = [];
  const truth: EvalTruth[] = [];
  const images = listSplit(folder, split);
  try {
    for (const img of images) {
      const grey = await rasterToGrey(new Uint8Array(fs.readFileSync(img.file)));
      const size = { width: grey.width, height: grey.height };
      const [found] = await detect(model, [grey], EVAL_DECODE);
      for (const d of found!) dets.push({ image: img.key, className: d.className, score: d.confidence, box: d.box });
      truth.push(...readTruth(img, names, size));
    }
  } finally {
    await releaseModels(key);
  }
  const classes = names.filter((n) => n !== undefined);
  return {
    ...scoreDetections(dets, truth, classes),
    images: images.length,
    conf: EVAL_DECODE.confidence,
    nmsIou: EVAL_DECODE.iou,
    maxDet: EVAL_DECODE.maxDetections,
  };
}
