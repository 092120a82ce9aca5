import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Evaluation } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { runNextJob } from "@/lib/jobs/testing/run-queued-jobs";
import { MODEL_EVALUATE, requestEvaluation } from "@/lib/evaluation/evaluation-job";
import { EVALUATION_SETTING, evaluationSettingSchema } from "@/lib/evaluation/evaluation-settings";
import { cxrTrain, workerEvaluate } from "@/lib/evaluation/testing/cross-check";
import { importNihDemoSplit, nihAvailable, signOffValidationSplit } from "@/lib/evaluation/testing/nih-demo-split";
import { openvinoAvailable, startOpenvinoServer, type OpenvinoServer } from "@/lib/inference/testing/openvino-server";
import { changeStage } from "@/lib/models/change-stage";
import { ensureBundledModel } from "@/lib/models/ensure-bundled-model";
import { registerModel } from "@/lib/models/register-model";
import { readerOf } from "@/lib/reviews/testing/reviewable-studies";
import { writeSetting } from "@/lib/settings/read-setting";
import { getStorage } from "@/lib/storage/get-storage";
import { makeUser } from "@/test/factories";

// The registry evaluating versions that run on OpenVINO (INFERENCE_BACKEND=kserve against `cxr-train serve-openvino`,
// OpenVINO's default precision: bf16 on this CPU): the float demo model and its INT8 (QDQ) sibling on the 8 NIH val
// images with signed-off reader boxes, beside `cxr-train evaluate` on onnxruntime fp32. The app's own configuration
// path is used: the environment is set before lib/env is read (vi.hoisted).
const PORT = vi.hoisted(() => {
  const port = 20_000 + (process.pid % 20_000);
  Object.assign(process.env, {
    INFERENCE_BACKEND: "kserve",
    INFERENCE_KSERVE_URL: `http://127.0.0.1:${port}`,
    INFERENCE_KSERVE_MODEL: "{name}-{version}",
    INFERENCE_KSERVE_BINARY: "true",
  });
  return port;
});

const DEMO = path.resolve("models/demo-nodule-mass/model.onnx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-registry-ov-"));
const data = path.join(tmp, "data");
const studyIds: string[] = [];
const versionIds: string[] = [];
let server: OpenvinoServer | undefined;

describe.runIf(openvinoAvailable() && nihAvailable())("the registry on OpenVINO (KServe v2)", () => {
  beforeAll(async () => {
    importNihDemoSplit(data);
    cxrTrain(["optimize", path.dirname(DEMO), data, "--out", path.join(tmp, "int8")]);
    const version = (JSON.parse(fs.readFileSync(path.join(path.dirname(DEMO), "model-card.json"), "utf8")) as { version: string }).version;
    server = await startOpenvinoServer(
      { [`demo-nodule-mass-${version}`]: DEMO, [`demo-nodule-mass-${version}-int8`]: path.join(tmp, "int8", "model.onnx") },
      { port: PORT },
    );
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
    const storage = await getStorage();
    // the INT8 canary must not outlive this file: later files would route studies to it (and this closed server)
    for (const v of await db.modelVersion.findMany({ where: { id: { in: versionIds } } })) await storage.delete(v.storageKey);
    await db.prediction.deleteMany({ where: { modelVersionId: { in: versionIds } } });
    await db.modelVersion.deleteMany({ where: { id: { in: versionIds } } });
    for (const i of await db.instance.findMany({ where: { series: { studyId: { in: studyIds } } }, select: { storageKey: true } }))
      await storage.delete(i.storageKey);
    await db.study.deleteMany({ where: { id: { in: studyIds } } });
    await db.setting.deleteMany({ where: { key: EVALUATION_SETTING } });
  });

  it("records the engine and precision with each evaluation, shows the mAP effect, and guards promotion by engine", async () => {
    await db.modelVersion.updateMany({ where: { stage: "production" }, data: { stage: "archived" } });
    await db.modelVersion.deleteMany({ where: { name: "demo-nodule-mass", predictions: { none: {} } } });
    await ensureBundledModel();
    const demo = await db.modelVersion.findFirstOrThrow({ where: { name: "demo-nodule-mass", stage: "production" } });
    const int8 = await registerModel(
      SYSTEM_ACTOR,
      new Uint8Array(fs.readFileSync(path.join(tmp, "int8", "model.onnx"))),
      JSON.parse(fs.readFileSync(path.join(tmp, "int8", "model-card.json"), "utf8")),
    );
    versionIds.push(int8.id);
    const reader = readerOf(await makeUser("radiologist"));
    await signOffValidationSplit(data, reader, studyIds);
    await writeSetting(SYSTEM_ACTOR, EVALUATION_SETTING, evaluationSettingSchema, { heldOutFraction: 1 });
    const evals: Evaluation[] = [];
    for (const v of [demo, int8]) {
      const { evaluationId } = await requestEvaluation(v.id);
      await runNextJob(MODEL_EVALUATE);
      evals.push(await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } }));
    }
    const ort = workerEvaluate(DEMO, data);
    const precision = server!.precisions[`demo-nodule-mass-${demo.version}`]!;
    const line = (e: Evaluation) => `mAP@0.5 ${e.map50?.toFixed(4)} mAP@0.4 ${e.map40?.toFixed(4)} p50 ${e.latencyP50Ms?.toFixed(0)} ms`;
    console.info(
      `registry on OpenVINO ${precision}, 8 NIH val images: float ${line(evals[0]!)}; INT8 ${line(evals[1]!)}; Δ mAP@0.5 INT8 − float ${(evals[1]!.map50! - evals[0]!.map50!).toFixed(4)}; onnxruntime fp32 (cxr-train) mAP@0.5 ${ort.map50?.toFixed(4)}`,
    );
    for (const e of evals) {
      expect(e.status).toBe("succeeded");
      expect(e.imageCount).toBe(8);
      expect((e.details as { engine: string }).engine).toBe(`kserve:openvino/${precision}`);
    }
    // bf16 moves the demo model's mAP by well under 0.01 here (0.3685 vs 0.3688 on the worker); INT8 by about 0.005
    expect(Math.abs(evals[0]!.map50! - ort.map50!)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(evals[1]!.map50! - evals[0]!.map50!)).toBeLessThanOrEqual(0.03);

    // An evaluation made on fp32 ONNX Runtime (before the backend changed) is not enough to promote onto OpenVINO
    await db.evaluation.create({
      data: {
        modelVersionId: int8.id,
        status: "succeeded",
        datasetDescription: "before the switch to OpenVINO",
        imageCount: 8,
        map50: 0.99,
        map40: 0.99,
        details: { engine: "cpu" },
      },
    });
    await expect(changeStage(SYSTEM_ACTOR, int8.id, { to: "canary", canaryShare: 0.1 })).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringContaining(`evaluated on cpu but would run on kserve:openvino/${precision}`),
    });
    const { evaluationId } = await requestEvaluation(int8.id); // re-evaluated where it will run
    await runNextJob(MODEL_EVALUATE);
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } })).status).toBe("succeeded");
    await expect(
      changeStage(SYSTEM_ACTOR, int8.id, {
        to: "canary",
        canaryShare: 0.1,
        overrideReason: "INT8 measured: below float by the delta shown",
      }),
    ).resolves.toMatchObject({ stage: "canary" });
  }, 300_000);
});
