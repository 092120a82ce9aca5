import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveReviewBodySchema } from "@/lib/schemas/review";
import { saveReview } from "@/lib/reviews/save-review";
import { signOffReview } from "@/lib/reviews/sign-off-review";
import { startReview } from "@/lib/reviews/start-review";
import { getReviewHistoryOrThrow } from "@/lib/reviews/review-history";
import { makeReviewableStudies, removeReviewableStudies, readerOf, visibleFindings } from "@/lib/reviews/testing/reviewable-studies";
import { makeUser } from "@/test/factories";

let fixture: Awaited<ReturnType<typeof makeReviewableStudies>>;
let next = 0;
const freshStudy = async () => {
  const { studyId } = fixture.studies[next++]!;
  return { studyId, findings: await visibleFindings(studyId) };
};
const studyStatus = async (id: string) => (await db.study.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  fixture = await makeReviewableStudies(5);
});
afterAll(() => removeReviewableStudies(fixture));

describe("signing off", () => {
  it("locks the primary review, signs the study off, and every later change is a conflict", async () => {
    const { studyId, findings } = await freshStudy();
    const reader = readerOf(await makeUser("radiologist"));
    await saveReview(
      reader,
      studyId,
      saveReviewBodySchema.parse({ version: 0, operations: [{ op: "accept", findingId: findings[0]!.id }] }),
    );
    const signed = await signOffReview(reader, studyId, { version: 1, impression: "abnormal", comment: "nodule, follow up" });
    expect(signed).toMatchObject({ status: "signed_off", version: 2, impression: "abnormal", comment: "nodule, follow up" });
    expect(signed.signedOffAt).not.toBeNull();
    expect(await studyStatus(studyId)).toBe("signed_off");
    const later = saveReview(
      reader,
      studyId,
      saveReviewBodySchema.parse({ version: 2, operations: [{ op: "reject", findingId: findings[0]!.id }] }),
    );
    await expect(later).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/signed off/),
      details: { currentVersion: 2, status: "signed_off" },
    });
    await expect(signOffReview(reader, studyId, { version: 2, impression: "abnormal" })).rejects.toMatchObject({
      code: "conflict",
      details: { status: "signed_off" },
    });
    expect((await db.label.findFirstOrThrow({ where: { reviewId: signed.id } })).rejected).toBe(false);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "review.signed_off", targetId: signed.id } });
    expect(audit).toMatchObject({
      actorId: reader.id,
      details: { studyId, purpose: "primary", impression: "abnormal", boxes: 1, version: 2 },
    });
    expect(await db.auditEvent.count({ where: { action: "review.signed_off", targetId: signed.id } })).toBe(1);
  });

  it("a stale sign-off is a conflict; 'no finding' with accepted boxes is refused and changes nothing", async () => {
    const { studyId, findings } = await freshStudy();
    const reader = readerOf(await makeUser("admin"));
    await saveReview(
      reader,
      studyId,
      saveReviewBodySchema.parse({ version: 0, operations: [{ op: "accept", findingId: findings[0]!.id }] }),
    );
    await expect(signOffReview(reader, studyId, { version: 2, impression: "abnormal" })).rejects.toMatchObject({
      code: "conflict",
      details: { currentVersion: 1 },
    });
    await expect(signOffReview(reader, studyId, { version: 1, impression: "no_finding" })).rejects.toMatchObject({
      code: "unprocessable",
      details: { boxes: 1 },
    });
    expect(await db.review.findFirstOrThrow({ where: { studyId } })).toMatchObject({
      status: "in_progress",
      version: 1,
      signedOffAt: null,
      impression: null,
    });
    expect(await studyStatus(studyId)).toBe("in_review");
    await saveReview(
      reader,
      studyId,
      saveReviewBodySchema.parse({ version: 1, operations: [{ op: "reject", findingId: findings[0]!.id, reason: "nipple shadow" }] }),
    );
    expect(await signOffReview(reader, studyId, { version: 2, impression: "no_finding" })).toMatchObject({
      status: "signed_off",
      impression: "no_finding",
      role: "admin",
    });
  });

  it("annotators cannot sign off; a double read does not change the study status; nobody signs off a review they have not started", async () => {
    const { studyId, findings } = await freshStudy();
    const annotator = readerOf(await makeUser("annotator"));
    const saved = await saveReview(
      annotator,
      studyId,
      saveReviewBodySchema.parse({ version: 0, operations: [{ op: "accept", findingId: findings[0]!.id }] }),
    );
    expect(saved.review).toMatchObject({ purpose: "annotation", role: "annotator", version: 1 });
    await expect(signOffReview(annotator, studyId, { version: 1, impression: "abnormal" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await studyStatus(studyId)).toBe("predicted");

    const second = readerOf(await makeUser("radiologist"));
    await expect(signOffReview(second, studyId, { version: 1, impression: "abnormal" })).rejects.toMatchObject({ code: "not_found" });
    await startReview(second, studyId, "double_read");
    expect(await signOffReview(second, studyId, { version: 1, impression: "abnormal" }, "double_read")).toMatchObject({
      purpose: "double_read",
      status: "signed_off",
    });
    expect(await studyStatus(studyId)).toBe("predicted");
    await expect(signOffReview(second, "no-such-study", { version: 1, impression: "abnormal" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("history", () => {
  it("lists every revision of every label in order with author e-mails, to the reader and admins only", async () => {
    const { studyId, findings } = await freshStudy();
    const reader = readerOf(await makeUser("radiologist"));
    const f = findings[0]!;
    const s1 = await saveReview(
      reader,
      studyId,
      saveReviewBodySchema.parse({ version: 0, operations: [{ op: "accept", findingId: f.id }] }),
    );
    await saveReview(
      reader,
      studyId,
      saveReviewBodySchema.parse({ version: 1, operations: [{ op: "edit", findingId: f.id, box: [1, 2, 30, 40] }] }),
    );
    await saveReview(
      reader,
      studyId,
      saveReviewBodySchema.parse({ version: 2, operations: [{ op: "reject", findingId: f.id, reason: "not there" }] }),
    );
    const h = await getReviewHistoryOrThrow(reader, s1.review.id);
    expect(h.revisions.map((r) => [r.revision, r.change, r.source, r.box, r.rejected, r.rejectReason])).toEqual([
      [1, "accept", "ai_accepted", [f.x1, f.y1, f.x2, f.y2], false, null],
      [2, "edit", "ai_edited", [1, 2, 30, 40], false, null],
      [3, "reject", "ai_edited", [1, 2, 30, 40], true, "not there"],
    ]);
    expect(h.revisions.every((r) => r.author.email === reader.email)).toBe(true);
    const admin = readerOf(await makeUser("admin"));
    expect((await getReviewHistoryOrThrow(admin, s1.review.id)).revisions).toHaveLength(3);
    const other = readerOf(await makeUser("radiologist"));
    await expect(getReviewHistoryOrThrow(other, s1.review.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getReviewHistoryOrThrow(admin, "no-such-review")).rejects.toMatchObject({ code: "not_found" });
  });
});
