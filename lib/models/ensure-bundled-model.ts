import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { registerModel } from "@/lib/models/register-model";
import { setStage } from "@/lib/models/set-stage";

export const BUNDLED_MODELS_DIR = path.resolve(env.BUNDLED_MODELS_DIR);

// First start: register the bundled demo model and put it in production, so a fresh install predicts at once.
export async function ensureBundledModel(dir = BUNDLED_MODELS_DIR): Promise<{ registered: boolean; reason: string }> {
  if ((await db.modelVersion.count({ where: { stage: "production" } })) > 0) return { registered: false, reason: "a production model exists" };
  const folder = fs.existsSync(dir) ? fs.readdirSync(dir).find((d) => fs.existsSync(path.join(dir, d, "model.onnx"))) : undefined;
  if (!folder) return { registered: false, reason: `no bundled model under ${dir}` };
  const bytes = new Uint8Array(fs.readFileSync(path.join(dir, folder, "model.onnx")));
  const cardPath = path.join(dir, folder, "model-card.json");
  const card = fs.existsSync(cardPath) ? JSON.parse(fs.readFileSync(cardPath, "utf8")) : { name: folder, version: "0.0.0" };
  const sha = (await import("node:crypto")).createHash("sha256").update(bytes).digest("hex");
  const existing = await db.modelVersion.findUnique({ where: { sha256: sha } });
  const version = existing ?? (await registerModel(SYSTEM_ACTOR, bytes, card));
  await setStage(SYSTEM_ACTOR, version.id, "production", { reason: "bundled model on first start" });
  log.info("bundled model in production", { name: version.name, version: version.version });
  return { registered: true, reason: `${version.name} ${version.version}` };
}
