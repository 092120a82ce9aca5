import fs from "node:fs";
import path from "node:path";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { yoloToPixel } from "@/lib/boxes/convert";
import { db } from "@/lib/db";
import { cxrTrain } from "@/lib/evaluation/testing/cross-check";
import { listSplit } from "@/lib/evaluation/yolo-dataset";
import { predictStudy } from "@/lib/predictions/predict-study-job";
import type { Reader } from "@/lib/reviews/review-purpose";
import { saveReview } from "@/lib/reviews/save-review";
import { signOffReview } from "@/lib/reviews/sign-off-review";
import { saveReviewBodySchema } from "@/lib/schemas/review";
import { ingestFile } from "@/lib/studies/ingest-file";

// The demo model's NIH images as the registry tests use them: the split it was validated on, then those validation
// images uploaded and signed off with their labelled boxes, as a reader would. Needs ../shared/data and the venv.

export const NIH = path.resolve("../shared/data/cxr-mass-nodule");
export const nihAvailable = (): boolean => fs.existsSync(path.join(NIH, "coco.json"));

/** The demo model card's preparation command into `out`: the same patient-level split (images linked, not copied). */
export function importNihDemoSplit(out: string): void {
  const [coco, images] = [path.join(NIH, "coco.json"), path.join(NIH, "images")];
  cxrTrain([
    "import",
    "coco",
    coco,
    "--images",
    images,
    "--out",
    out,
    "--classes",
    "Nodule/Mass",
    "--val-fraction",
    "0.2",
    "--seed",
    "0",
    "--link",
  ]);
}

/** Uploads each validation image of `dataset`, predicts it with what serves now, and signs off its labelled boxes as
 * `reader`'s review. Each study id is pushed to `studyIds` as soon as it exists, so the caller can clean up after a
 * failure half-way. */
export async function signOffValidationSplit(dataset: string, reader: Reader, studyIds: string[]): Promise<void> {
  for (const img of listSplit(dataset, "val")) {
    const r = await ingestFile(SYSTEM_ACTOR, img.key, new Uint8Array(fs.readFileSync(img.file)));
    studyIds.push(r.studyId!);
    // Predicted here, in order, rather than by a queued job another file's worker might pick up.
    await db.job.deleteMany({ where: { type: "predict.study", state: "queued", payload: { equals: { studyId: r.studyId! } } } });
    await predictStudy(r.studyId!);
    const inst = await db.instance.findFirstOrThrow({ where: { id: r.instanceId! } });
    const boxes = fs
      .readFileSync(img.labelFile, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split(" ").slice(1).map(Number) as [number, number, number, number]);
    const ops = boxes.map((b) => ({
      op: "add" as const,
      box: yoloToPixel(b, { width: inst.columns, height: inst.rows }),
      className: "Nodule/Mass",
    }));
    const saved = await saveReview(reader, r.studyId!, saveReviewBodySchema.parse({ version: 0, operations: ops }));
    await signOffReview(reader, r.studyId!, { version: saved.review.version, impression: ops.length ? "abnormal" : "no_finding" });
  }
}
