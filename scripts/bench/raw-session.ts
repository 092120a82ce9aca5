import fs from "node:fs";
import { loadModel, releaseModels } from "@/lib/inference/onnx-session";
import { preprocessBatch, type GreyImage } from "@/lib/inference/preprocess";

// session.run alone (no decode, no letterbox, no NMS): the floor the server is measured against.
export type RawSession = {
  provider: string;
  batch: number | "dynamic";
  /** One session.run of one letterboxed image: wall and process CPU ms. */
  run(image: GreyImage): Promise<{ ms: number; cpuMs: number }>;
  /** Images per second for each batch size (a fixed-batch model: only its own). */
  throughput(images: GreyImage[], batchSizes: number[]): Promise<Record<number, number>>;
  close(): Promise<void>;
};

export async function openRawSession(modelPath: string, spinning: boolean): Promise<RawSession> {
  const key = `bench-${modelPath}-${spinning}`;
  const model = await loadModel(new Uint8Array(fs.readFileSync(modelPath)), { key, spinning });
  const m = model.metadata;
  const spec = { width: m.inputWidth, height: m.inputHeight, channels: m.channels };
  const one = (img: GreyImage) => preprocessBatch([img], spec, m.batch === "dynamic" ? 1 : m.batch).data;
  return {
    provider: model.providerUsed,
    batch: m.batch,
    async run(image) {
      const data = one(image);
      const c = process.cpuUsage();
      const s = performance.now();
      await model.run(data, m.batch === "dynamic" ? 1 : m.batch);
      const ms = performance.now() - s;
      const used = process.cpuUsage(c);
      return { ms, cpuMs: (used.user + used.system) / 1000 };
    },
    async throughput(images, batchSizes) {
      const out: Record<number, number> = {};
      for (const b of m.batch === "dynamic" ? batchSizes : [m.batch]) {
        const pick = Array.from({ length: b }, (_, i) => images[i % images.length]!);
        const { data } = preprocessBatch(pick, spec, b);
        await model.run(data, b);
        const reps = Math.max(2, Math.ceil(16 / b));
        const s = performance.now();
        for (let r = 0; r < reps; r++) await model.run(data, b);
        out[b] = (b * reps) / ((performance.now() - s) / 1000);
      }
      return out;
    },
    close: () => releaseModels(model.key),
  };
}
