import fs from "node:fs";
import { loadModel, releaseModels } from "@/lib/inference/onnx-session";
import { preprocessBatch, type GreyImage } from "@/lib/inference/preprocess";
import { p50 } from "./bench-images";

// session.run alone (no decode, no letterbox, no NMS): the floor the server is measured against. Measured with ONNX
// Runtime's thread spinning on (its default) and off (the server's default); the better of the two is the floor.
export async function rawSession(modelPath: string, images: GreyImage[], batchSizes: number[]) {
  const runs = [];
  for (const spinning of [true, false]) runs.push(await rawSessionWith(modelPath, images, batchSizes, spinning));
  const [on, off] = runs as [Raw, Raw];
  const throughput = Object.fromEntries(Object.keys(on.throughput).map((b) => [b, Math.max(on.throughput[+b]!, off.throughput[+b]!)]));
  console.error(`  raw p50 ${on.p50Ms.toFixed(1)} ms spinning, ${off.p50Ms.toFixed(1)} ms not; best img/s ${Math.max(...Object.values(on.throughput)).toFixed(2)} vs ${Math.max(...Object.values(off.throughput)).toFixed(2)}`);
  return { p50Ms: Math.min(on.p50Ms, off.p50Ms), throughput, provider: on.provider, inputSize: on.inputSize };
}
type Raw = Awaited<ReturnType<typeof rawSessionWith>>;

async function rawSessionWith(modelPath: string, images: GreyImage[], batchSizes: number[], spinning: boolean) {
  const key = `bench-${modelPath}-${spinning}`;
  const model = await loadModel(new Uint8Array(fs.readFileSync(modelPath)), { key, spinning });
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
  await releaseModels(model.key);
  return { p50Ms: p50(times), throughput, provider: model.providerUsed, inputSize: m.inputWidth };
}
