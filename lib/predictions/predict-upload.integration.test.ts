import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ensureBundledModel } from "@/lib/models/ensure-bundled-model";
import { predictUpload } from "@/lib/predictions/predict-upload";
import { makeBrokenDicom } from "@/lib/dicom/testing/make-synthetic-dicom";
import { bombDicom, bombPng } from "@/lib/dicom/testing/bombs";
import { fuzzHeaders } from "@/lib/dicom/testing/fuzz-headers";
import { makeChestPng, makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { registerTinyModel } from "@/test/fixtures/models";
import { setStage } from "@/lib/models/set-stage";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";

const SHARED = path.resolve("../shared/data");
const shared = fs.existsSync(SHARED);
if (!shared) console.warn(`SKIPPED real-image predictions: ${SHARED} is absent.`);

function filesUnder(dir: string, re: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), re) : re.test(e.name) ? [path.join(dir, e.name)] : []));
}

beforeAll(async () => {
  // The bundled demo model serves, exactly as on a fresh install. Its row may exist already (other files of the run
  // registered it, and their predictions and evaluations point at it): the start-up step then puts that one back.
  await db.modelVersion.updateMany({ where: { stage: "production" }, data: { stage: "archived" } });
  const r = await ensureBundledModel();
  expect(r.registered).toBe(true);
});

describe("predict on uploads with the bundled model", () => {
  it("answers for a synthetic DICOM and PNG with normalised and pixel boxes and the serving version", async () => {
    for (const bytes of [makeStudyDicom({ size: 256 }).bytes, makeChestPng(200)]) {
      const r = await predictUpload(bytes);
      expect(r.model.name).toBe("demo-nodule-mass");
      expect(r.inference_time).toBeGreaterThan(0);
      for (const p of r.predictions) {
        expect(p.bbox.every((v) => v >= 0 && v <= 1)).toBe(true);
        expect(p.bbox_px[2]).toBeLessThanOrEqual(r.image.width);
      }
    }
  });

  it("?stage=staging is served by the staging version only; production traffic never sees it", async () => {
    await db.modelVersion.updateMany({ where: { stage: "staging" }, data: { stage: "archived" } });
    await expect(predictUpload(makeChestPng(64), { stage: "staging" })).rejects.toMatchObject({ code: "not_found" });
    const staging = await registerTinyModel(`staging-${Date.now()}`, "staging");
    const r = await predictUpload(makeChestPng(64), { stage: "staging" });
    expect(r.model).toEqual({ name: "tiny", version: staging.version });
    expect((await predictUpload(makeChestPng(64))).model.name).toBe("demo-nodule-mass");
    await setStage(SYSTEM_ACTOR, staging.id, "archived");
  });

  it.each([
    [new Uint8Array(), "bad_request"],
    [new TextEncoder().encode("just some text, not an image at all".repeat(5)), "unsupported_media_type"],
    [makeBrokenDicom("truncated"), "unprocessable"],
    [makeBrokenDicom("unsupported-ts"), "unsupported"],
    [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3), "unprocessable"],
    [fuzzHeaders([{ name: "study", bytes: makeStudyDicom().bytes }], 1, 3)[0]!.bytes, "unprocessable"], // the ingest validator's refusal
    [bombPng(20000, 20000), "payload_too_large"], // MAX_IMAGE_PIXELS before any decode
    [bombDicom(65535, 65535), "payload_too_large"],
  ])("refuses bad input %# with %s", async (bytes, code) => {
    await expect(predictUpload(bytes)).rejects.toMatchObject({ code });
  });

  it.runIf(shared)(
    "finds boxes on the shared NIH images and decodes every shared DICOM",
    async () => {
      const images = filesUnder(path.join(SHARED, "cxr-mass-nodule/images"), /\.jpe?g$/i);
      let withBoxes = 0;
      for (const f of images) if ((await predictUpload(new Uint8Array(fs.readFileSync(f)))).predictions.length > 0) withBoxes++;
      expect(images.length).toBe(40);
      expect(withBoxes).toBeGreaterThan(10);
      const dicoms = filesUnder(path.join(SHARED, "dicom"), /\.dcm$/i);
      for (const f of dicoms) {
        const r = await predictUpload(new Uint8Array(fs.readFileSync(f)));
        expect(r.image.width).toBeGreaterThan(0);
      }
    },
    300_000,
  );
});
