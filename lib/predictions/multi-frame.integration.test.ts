import fs from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { parseDicom, type DataSet } from "dicom-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { makeMultiFrameDicom } from "@/lib/dicom/testing/make-multi-frame";
import { generateUid } from "@/lib/dicom/write-secondary-capture";
import { EXPORT_BUILD } from "@/lib/exports/export-job";
import { createExport, readExportZip } from "@/lib/exports/manage-exports";
import { runNextJob } from "@/lib/jobs/testing/run-queued-jobs";
import { ensureBundledModel } from "@/lib/models/ensure-bundled-model";
import { PREDICT_STUDY, predictStudy } from "@/lib/predictions/predict-study-job";
import { predictUpload } from "@/lib/predictions/predict-upload";
import { getStudyReview } from "@/lib/reviews/get-review";
import { saveReview } from "@/lib/reviews/save-review";
import { signOffReview } from "@/lib/reviews/sign-off-review";
import { readerOf } from "@/lib/reviews/testing/reviewable-studies";
import { createExportBodySchema } from "@/lib/schemas/export";
import { saveReviewBodySchema } from "@/lib/schemas/review";
import { exportStudySr } from "@/lib/sr/export-study-sr";
import { getStorage } from "@/lib/storage/get-storage";
import { ingestFile } from "@/lib/studies/ingest-file";
import { makeUser } from "@/test/factories";
import { hasNihImages, multiFrameChestDicom, nihImageFiles } from "@/test/fixtures/multi-frame-chest";
import { syntheticChestPixels } from "@/test/fixtures/synthetic-study";

// A multi-frame DX goes round the whole loop frame by frame: ingest → predict job (each frame its own image) → findings
// per frame → review labels with their frame → export items per frame → SR with frame references. The bundled model
// serves, as on a fresh install.
if (!hasNihImages) console.warn("[multi-frame] shared NIH images absent: the round trip on real radiographs is skipped");

const studyIds: string[] = [];
beforeAll(async () => {
  await db.modelVersion.updateMany({
    where: { OR: [{ stage: { in: ["production", "canary"] } }, { shadow: true }] },
    data: { stage: "archived", shadow: false, canaryShare: 0 },
  });
  await db.modelVersion.deleteMany({ where: { name: "demo-nodule-mass", predictions: { none: {} } } });
  await ensureBundledModel();
});
afterAll(async () => {
  const storage = await getStorage();
  const instances = await db.instance.findMany({ where: { series: { studyId: { in: studyIds } } }, select: { storageKey: true } });
  await db.study.deleteMany({ where: { id: { in: studyIds } } });
  for (const i of instances) await storage.delete(i.storageKey);
});

// Ingests and runs exactly this study's predict job (not other files' leftovers).
async function ingestAndPredict(name: string, bytes: Uint8Array) {
  const r = await ingestFile(SYSTEM_ACTOR, name, bytes);
  expect(r.status, r.error?.message).toBe("stored");
  studyIds.push(r.studyId!);
  const jobs = await db.job.findMany({ where: { type: PREDICT_STUDY, state: "queued" }, select: { id: true, payload: true } });
  await db.job.deleteMany({
    where: { id: { in: jobs.filter((j) => (j.payload as { studyId?: string }).studyId === r.studyId).map((j) => j.id) } },
  });
  const predicted = await predictStudy(r.studyId!);
  return { studyId: r.studyId!, instanceId: r.instanceId!, predicted };
}

describe("multi-frame ingest", () => {
  it("stores a 3-frame DX with its frame count and predicts each frame with its own drift features", async () => {
    const frames = [0.6, 1, 1.4].map((b) => Array.from(syntheticChestPixels(128, b)));
    const { instanceId, predicted } = await ingestAndPredict(
      "three.dcm",
      makeMultiFrameDicom({
        frames,
        rows: 128,
        columns: 128,
        uids: { study: generateUid(), series: generateUid(), instance: generateUid() },
      }),
    );
    expect(predicted).toMatchObject({ instances: 1, frames: 3 });
    expect((await db.instance.findUniqueOrThrow({ where: { id: instanceId } })).frames).toBe(3);
    const predictions = await db.prediction.findMany({ where: { instanceId }, orderBy: { frame: "asc" } });
    expect(predictions.map((p) => p.frame)).toEqual([1, 2, 3]);
    const means = predictions.map((p) => (p.features as { meanIntensity: number }).meanIntensity);
    expect(new Set(means).size).toBe(3); // each frame's own pixels, not frame 1 three times
  });

  it("refuses multi-frame objects that are not radiographs, naming the rule", async () => {
    const bytes = makeMultiFrameDicom({ frames: [[...syntheticChestPixels(32)], [...syntheticChestPixels(32)]], rows: 32, columns: 32 });
    const at = Buffer.from(bytes).indexOf(Buffer.from([0x08, 0x00, 0x60, 0x00, 0x43, 0x53, 0x02, 0x00, 0x44, 0x58])); // (0008,0060) CS "DX"
    bytes.set([0x58, 0x41], at + 8); // → "XA" (angiography cine)
    const r = await ingestFile(SYSTEM_ACTOR, "cine.dcm", bytes);
    expect(r).toMatchObject({
      status: "rejected",
      error: { code: "unsupported", message: expect.stringMatching(/Multi-frame XA .*only DX and CR/) },
    });
  });
});

describe.runIf(hasNihImages)("a 3-frame chest DX round trip", () => {
  let files: string[];
  let study: { studyId: string; instanceId: string };
  const items = (ds: DataSet, tag: string) => (ds.elements[tag]?.items ?? []).map((i) => i.dataSet!);

  beforeAll(async () => {
    // Frame 2 is an image the model finds something on; frames 1 and 3 are two others.
    const all = nihImageFiles();
    let withBoxes: string | undefined;
    for (const f of all) if ((withBoxes = f) && (await predictUpload(new Uint8Array(fs.readFileSync(f)))).predictions.length > 0) break;
    const others = all.filter((f) => f !== withBoxes).slice(0, 2);
    files = [others[0]!, withBoxes!, others[1]!];
    study = await ingestAndPredict("chest-3-frames.dcm", await multiFrameChestDicom(files));
  }, 120_000);

  it("/predict answers per frame exactly what it answers for each frame's own image", async () => {
    const multi = await predictUpload(await multiFrameChestDicom(files));
    expect(multi.image).toMatchObject({ width: 1024, height: 1024, frames: 3 });
    for (const [k, f] of files.entries()) {
      const single = await predictUpload(new Uint8Array(fs.readFileSync(f)));
      expect(single.image.frames).toBe(1);
      expect(single.predictions.every((p) => p.frame === 1)).toBe(true);
      expect(
        multi.predictions.filter((p) => p.frame === k + 1),
        `frame ${k + 1}`,
      ).toEqual(single.predictions.map((p) => ({ ...p, frame: k + 1 })));
    }
  }, 60_000);

  it("reviews frame by frame, exports one image per frame and references the frame in the SR", async () => {
    const reader = readerOf(await makeUser("radiologist"));
    const view = await getStudyReview(reader, study.studyId);
    expect(view.instances).toEqual([{ id: study.instanceId, rows: 1024, columns: 1024, frames: 3 }]);
    const onFrame2 = view.findings.filter((f) => f.frame === 2);
    expect(onFrame2.length).toBeGreaterThan(0);
    expect(new Set(view.findings.map((f) => f.frame)).size).toBeGreaterThanOrEqual(1);

    // A box on a frame the image does not have is refused with the reason, and nothing is written.
    await expect(
      saveReview(
        reader,
        study.studyId,
        saveReviewBodySchema.parse({ version: 0, operations: [{ op: "add", className: "ILD", box: [1, 1, 9, 9], frame: 4 }] }),
      ),
    ).rejects.toMatchObject({ code: "unprocessable", message: expect.stringMatching(/Frame 4 is not a frame of this image \(it has 3\)/) });
    const saved = await saveReview(
      reader,
      study.studyId,
      saveReviewBodySchema.parse({
        version: 0,
        operations: [
          { op: "accept", findingId: onFrame2[0]!.id },
          { op: "add", className: "Pneumothorax", box: [100, 120, 300, 400], frame: 3 },
          { op: "add", className: "ILD", box: [10, 10, 60, 60] }, // no frame: frame 1
        ],
      }),
    );
    expect(saved.review.labels.map((l) => [l.source, l.frame])).toEqual([
      ["ai_accepted", 2],
      ["reader_added", 3],
      ["reader_added", 1],
    ]);
    await signOffReview(reader, study.studyId, { version: saved.review.version, impression: "abnormal" });

    // Export: the instance is three images, named with their frame, each with its own boxes.
    const admin = await makeUser("admin");
    const created = await createExport(
      { id: admin.id, email: admin.email },
      createExportBodySchema.parse({ format: "both", filters: { readerId: reader.id, includeHeldOut: true }, valFraction: 0, seed: 1 }),
    );
    expect((await runNextJob(EXPORT_BUILD)).payload).toEqual({ exportId: created.id });
    const zip = unzipSync((await readExportZip({ id: admin.id, email: admin.email }, created.id)).bytes);
    const frameOf = (name: string) => Number(/_f(\d+)\.png$/.exec(name)?.[1]);
    const pngs = Object.keys(zip)
      .filter((n) => n.endsWith(".png"))
      .sort((a, b) => frameOf(a) - frameOf(b)); // the split order is seeded
    expect(pngs.map((n) => n.replace(/img_\d{6}/, "img"))).toEqual([
      "images/train/img_f1.png",
      "images/train/img_f2.png",
      "images/train/img_f3.png",
    ]);
    const labelLines = (frame: number) =>
      strFromU8(zip[pngs[frame - 1]!.replace("images/", "labels/").replace(".png", ".txt")]!)
        .trim()
        .split("\n")
        .filter(Boolean);
    expect([labelLines(1).length, labelLines(2).length, labelLines(3).length]).toEqual([1, 1, 1]);
    const coco = JSON.parse(strFromU8(zip["annotations.coco.json"]!)) as {
      images: { id: number; file_name: string }[];
      annotations: { image_id: number; bbox: number[] }[];
    };
    const frame3 = coco.images.find((i) => i.file_name.endsWith("_f3.png"))!;
    expect(coco.annotations.filter((a) => a.image_id === frame3.id).map((a) => a.bbox)).toEqual([[100, 120, 200, 280]]);

    // SR: every box's image reference names its frame.
    const sr = parseDicom((await exportStudySr(reader, study.studyId)).bytes);
    const frames: string[] = [];
    const walk = (ds: DataSet) => {
      for (const c of items(ds, "x0040a730")) {
        if (c.string("x0040a040") === "SCOORD") frames.push(items(items(c, "x0040a730")[0]!, "x00081199")[0]!.string("x00081160")!);
        else walk(c);
      }
    };
    walk(sr);
    expect(frames).toEqual(["2", "3", "1"]);
  }, 120_000);
});
