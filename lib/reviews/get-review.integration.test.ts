import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getStudyReview } from "@/lib/reviews/get-review";
import { startReview } from "@/lib/reviews/start-review";
import {
  makeReviewableStudies,
  removeReviewableStudies,
  readerOf,
  shadowFindings,
  visibleFindings,
  IMAGE_SIZE,
} from "@/lib/reviews/testing/reviewable-studies";
import { makeUser } from "@/test/factories";

let fixture: Awaited<ReturnType<typeof makeReviewableStudies>>;
beforeAll(async () => {
  fixture = await makeReviewableStudies(2);
});
afterAll(() => removeReviewableStudies(fixture));

describe("a study's review", () => {
  it("shows the visible findings of the latest visible prediction, never shadow ones, and no review until started", async () => {
    const { studyId, instanceId } = fixture.studies[0]!;
    const reader = readerOf(await makeUser("radiologist"));
    const shadow = await shadowFindings(studyId);
    expect(shadow.length).toBeGreaterThan(0); // the fixture really has shadow findings to hide
    const dto = await getStudyReview(reader, studyId);
    expect(dto).toMatchObject({
      studyId,
      studyStatus: "predicted",
      purpose: "primary",
      review: null,
      modelVersion: { id: fixture.production.id },
    });
    expect(dto.instances).toEqual([{ id: instanceId, rows: IMAGE_SIZE, columns: IMAGE_SIZE, frames: 1 }]);
    expect(dto.findings.map((f) => f.id).sort()).toEqual((await visibleFindings(studyId)).map((f) => f.id).sort());
    expect(dto.findings.length).toBeGreaterThan(0);
    for (const f of dto.findings) expect(f).toMatchObject({ instanceId, modelVersionId: fixture.production.id });
    expect(dto.findings.some((f) => shadow.some((s) => s.id === f.id))).toBe(false);
  });

  it("carries the version's display thresholds, per-class names mapped to the app's vocabulary as findings are", async () => {
    const { studyId } = fixture.studies[0]!;
    const reader = readerOf(await makeUser("radiologist"));
    const stored = fixture.production.thresholds;
    expect((await getStudyReview(reader, studyId)).modelVersion?.thresholds).toEqual({
      confidence: (stored as { confidence: number }).confidence,
      perClass: {},
    });
    // Model class names as a version stores them: "Mass" and "Nodule" both mean Nodule/Mass (the lower value is kept).
    await db.modelVersion.update({
      where: { id: fixture.production.id },
      data: { thresholds: { confidence: 0.3, iou: 0.45, perClass: { Mass: 0.6, Nodule: 0.4, pleural_effusion: 0.7 } } },
    });
    try {
      expect((await getStudyReview(reader, studyId)).modelVersion?.thresholds).toEqual({
        confidence: 0.3,
        perClass: { "Nodule/Mass": 0.4, "Pleural effusion": 0.7 },
      });
    } finally {
      await db.modelVersion.update({ where: { id: fixture.production.id }, data: { thresholds: stored as object } });
    }
  });

  it("starting is idempotent, audited once, moves the study to in_review and records the version the reader saw", async () => {
    const { studyId } = fixture.studies[1]!;
    const reader = readerOf(await makeUser("radiologist"));
    const first = await startReview(reader, studyId);
    const again = await startReview(reader, studyId);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, review: { id: first.review.id, version: 1 } });
    expect(first.review).toMatchObject({
      status: "in_progress",
      purpose: "primary",
      role: "radiologist",
      modelVersionId: fixture.production.id,
      labels: [],
    });
    expect((await db.study.findUniqueOrThrow({ where: { id: studyId } })).status).toBe("in_review");
    expect(await db.auditEvent.count({ where: { action: "review.started", targetId: first.review.id, actorId: reader.id } })).toBe(1);
    expect((await getStudyReview(reader, studyId)).review?.id).toBe(first.review.id);
  });

  it("gives each reader and purpose their own review; annotators get annotation reviews that leave the study status alone", async () => {
    const { studyId } = fixture.studies[0]!;
    const annotator = readerOf(await makeUser("annotator"));
    const { review } = await startReview(annotator, studyId);
    expect(review).toMatchObject({ purpose: "annotation", role: "annotator" });
    expect((await db.study.findUniqueOrThrow({ where: { id: studyId } })).status).toBe("predicted");
    await expect(startReview(annotator, studyId, "primary")).rejects.toMatchObject({ code: "forbidden" });
    await expect(getStudyReview(annotator, "no-such-study")).rejects.toMatchObject({ code: "not_found" });
  });
});
