import fs from "node:fs";
import { loadModel, releaseModels } from "@/lib/inference/onnx-session";
import { preprocessBatch, type GreyImage } from "@/lib/inference/preprocess";
import { p50 } from "./bench-images";

// session.run alone (no decode, no letterbox, no NMS): the floor the server is measured against.
export async function rawSession(modelPath: string, images: GreyImage[], batchSizes: number[]) {
  const model = await loadModel(new Uint8Array(fs.readFileSync(modelPath)), { key: `bench-${modelPath}` });
  const m = model.metadata;
  const spec = { width: m.inputWidth, height: m.inputHeight, channels: m.channels };
  const one = images.map((img) => preprocessBatch([img], spec, 1).data);
  await model.run(one[0]!, 1); // warm-up
  const times: number[] = [];
  for (const t of one) {
    const s = performance.now();
    await model.run(t, 1);
    times.push(performance.now() - s);
  }
  const throughput: Record<number, number> = {};
  const sizes = m.batch === "dynamic" ? batchSizes : [m.batch];
  for (const b of sizes) {
    const { data } = preprocessBatch(images.slice(0, b).concat(Array(Math.max(0, b - images.length)).fill(images[0]!)), spec, b);
    await model.run(data, b);
    const reps = Math.max(2, Math.ceil(8 / b));
    const s = performance.now();
    for (let r = 0; r < reps; r++) await model.run(data, b);
    throughput[b] = (b * reps) / ((performance.now() - s) / 1000);
  }
  await releaseModels(`bench-${modelPath}`);
  return { p50Ms: p50(times), throughput, provider: model.providerUsed, inputSize: m.inputWidth };
}
