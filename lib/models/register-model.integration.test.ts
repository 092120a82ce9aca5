import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { registerModel } from "@/lib/models/register-model";
import { setStage } from "@/lib/models/set-stage";

const bytes = new Uint8Array(fs.readFileSync("lib/inference/testing/tiny-yolo-b1.onnx"));

describe("model registration", () => {
  it("validates, stores by sha256 with its card and audits; the same file twice is a conflict", async () => {
    const v = await registerModel(SYSTEM_ACTOR, bytes, { name: "reg-test", version: "2.0.0", data: "synthetic" });
    expect(v).toMatchObject({ stage: "registered", classes: ["Mass", "Nodule"], inputSize: 32, headType: "anchors" });
    expect(v.storageKey).toBe(`models/${v.sha256}.onnx`);
    expect(await db.auditEvent.count({ where: { action: "model.registered", targetId: v.id } })).toBe(1);
    await expect(registerModel(SYSTEM_ACTOR, bytes, { name: "reg-test", version: "2.0.1" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a file that is not a YOLO ONNX model, and a card without name/version", async () => {
    await expect(registerModel(SYSTEM_ACTOR, new TextEncoder().encode("not onnx"), { name: "x", version: "1" })).rejects.toMatchObject({ code: "unprocessable" });
    await expect(registerModel(SYSTEM_ACTOR, bytes, { version: "1" })).rejects.toThrow();
  });

  it("promotes to production, archiving the previous production version, with history", async () => {
    const a = await registerModel(SYSTEM_ACTOR, new Uint8Array(fs.readFileSync("lib/inference/testing/tiny-yolo-e2e.onnx")), { name: "stage-a", version: "1" });
    const b = await registerModel(SYSTEM_ACTOR, new Uint8Array(fs.readFileSync("lib/inference/testing/tiny-yolo-fp16.onnx")), { name: "stage-b", version: "1" });
    await setStage(SYSTEM_ACTOR, a.id, "production");
    await setStage(SYSTEM_ACTOR, b.id, "production", { reason: "better" });
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: a.id } })).stage).toBe("archived");
    const changes = await db.modelStageChange.findMany({ where: { modelVersionId: { in: [a.id, b.id] } }, orderBy: { createdAt: "asc" } });
    expect(changes.map((c) => `${c.fromStage}->${c.toStage}`)).toEqual(["registered->production", "production->archived", "registered->production"]);
  });
});
