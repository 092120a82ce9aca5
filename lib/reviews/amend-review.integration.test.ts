import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveReviewBodySchema } from "@/lib/schemas/review";
import { amendPrimaryRead } from "@/lib/reviews/amend-review";
import { getStudyReview } from "@/lib/reviews/get-review";
import { saveReview } from "@/lib/reviews/save-review";
import { signOffReview } from "@/lib/reviews/sign-off-review";
import { startReview } from "@/lib/reviews/start-review";
import { loadReportInputOrThrow } from "@/lib/sr/load-report-input";
import { makeReviewableStudies, removeReviewableStudies, readerOf, visibleFindings } from "@/lib/reviews/testing/reviewable-studies";
import { makeUser } from "@/test/factories";

let fixture: Awaited<ReturnType<typeof makeReviewableStudies>>;
let next = 0;
const freshStudy = async () => {
  const { studyId } = fixture.studies[next++]!;
  return { studyId, findings: await visibleFindings(studyId) };
};
const save = (ops: unknown[], version: number) => saveReviewBodySchema.parse({ version, operations: ops });

beforeAll(async () => {
  fixture = await makeReviewableStudies(5);
});
afterAll(() => removeReviewableStudies(fixture));

// A radiologist's signed-off primary read: one accepted AI box, one rejected, one added.
async function signedRead() {
  const { studyId, findings } = await freshStudy();
  const radiologist = readerOf(await makeUser("radiologist"));
  await saveReview(
    radiologist,
    studyId,
    save(
      [
        { op: "accept", findingId: findings[0]!.id },
        { op: "reject", findingId: findings[1]!.id, reason: "artefact" },
        { op: "add", box: [10, 10, 40, 40], className: "Nodule/Mass" },
      ],
      0,
    ),
  );
  const signed = await signOffReview(radiologist, studyId, { version: 1, impression: "abnormal", comment: "first read" });
  return { studyId, findings, radiologist, signed };
}

describe("a second primary read of a signed-off study", () => {
  it("cannot start empty: starting or first-saving another primary read is a conflict that points to amending", async () => {
    const { studyId, signed } = await signedRead();
    const admin = readerOf(await makeUser("admin"));
    await expect(startReview(admin, studyId)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/amend/),
      details: { signedOffReviewId: signed.id },
    });
    await expect(saveReview(admin, studyId, save([], 0))).rejects.toMatchObject({
      code: "conflict",
      details: { signedOffReviewId: signed.id },
    });
    expect(await db.review.count({ where: { studyId, purpose: "primary" } })).toBe(1);
    const view = await getStudyReview(admin, studyId);
    expect(view).toMatchObject({ review: null, amendable: { reviewId: signed.id, round: 0 } });
  });

  it("a read opened before the other's sign-off cannot sign off over it", async () => {
    const { studyId } = await freshStudy();
    const first = readerOf(await makeUser("radiologist"));
    const second = readerOf(await makeUser("admin"));
    await startReview(second, studyId); // empty, opened while nothing is signed off
    await saveReview(first, studyId, save([], 0));
    const signed = await signOffReview(first, studyId, { version: 1, impression: "no_finding" });
    await expect(signOffReview(second, studyId, { version: 1, impression: "no_finding" })).rejects.toMatchObject({
      code: "conflict",
      details: { signedOffReviewId: signed.id },
    });
    expect(await db.review.count({ where: { studyId, status: "signed_off" } })).toBe(1);
  });

  it("two first reads signing off in the same instant: exactly one is signed off, the other gets the conflict", async () => {
    const { studyId } = await freshStudy();
    const first = readerOf(await makeUser("radiologist"));
    const second = readerOf(await makeUser("admin"));
    await startReview(second, studyId);
    await saveReview(first, studyId, save([], 0));
    const outcomes = await Promise.allSettled([
      signOffReview(first, studyId, { version: 1, impression: "no_finding" }),
      signOffReview(second, studyId, { version: 1, impression: "no_finding" }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")!;
    expect(lost.reason).toMatchObject({ code: "conflict" });
    expect(await db.review.count({ where: { studyId, purpose: "primary", status: "signed_off" } })).toBe(1);
  });

  it("is an amendment: it starts from the signed-off labels, is audited, and wins the final read only once signed off", async () => {
    const { studyId, radiologist, signed } = await signedRead();
    const admin = readerOf(await makeUser("admin"));
    const { review: amendment, created } = await amendPrimaryRead(admin, studyId);
    expect(created).toBe(true);
    expect(amendment).toMatchObject({
      purpose: "primary",
      status: "in_progress",
      round: 1,
      amendsId: signed.id,
      impression: "abnormal",
      comment: "first read",
      version: 1,
    });
    const strip = (l: (typeof signed.labels)[number]) => ({
      className: l.className,
      box: l.box,
      source: l.source,
      rejected: l.rejected,
      rejectReason: l.rejectReason,
      originFindingId: l.originFindingId,
      instanceId: l.instanceId,
    });
    expect(amendment.labels.map(strip)).toEqual(signed.labels.filter((l) => !l.deleted).map(strip));
    expect(await db.labelRevision.count({ where: { label: { reviewId: amendment.id }, change: "amend", authorId: admin.id } })).toBe(3);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "review.amendment_started", targetId: amendment.id } })).toMatchObject({
      actorId: admin.id,
      details: { studyId, amends: signed.id, amendedReaderId: radiologist.id, round: 1, labels: 3 },
    });
    expect((await amendPrimaryRead(admin, studyId)).created).toBe(false); // idempotent
    expect((await getStudyReview(admin, studyId)).amendable).toBeNull(); // their amendment is open
    expect((await loadReportInputOrThrow(studyId)).reviewId).toBe(signed.id); // the signed-off read stands meanwhile

    const added = amendment.labels.find((l) => l.source === "reader_added")!;
    await saveReview(admin, studyId, save([{ op: "delete", labelId: added.id }], 1));
    const amended = await signOffReview(admin, studyId, { version: 2, impression: "abnormal" });
    const report = await loadReportInputOrThrow(studyId);
    expect(report.reviewId).toBe(amended.id);
    expect(report.input.boxes).toHaveLength(1); // the accepted AI box survives; the deleted one is gone
    expect(await db.review.findUniqueOrThrow({ where: { id: signed.id } })).toMatchObject({ status: "signed_off" }); // never overwritten
    // The original reader may amend the amendment in turn (round 2), and only from it.
    const again = await amendPrimaryRead(radiologist, studyId);
    expect(again.review).toMatchObject({ round: 2, amendsId: amended.id });
    expect(again.review.labels).toHaveLength(2);
  });

  it("annotators cannot amend; a study with no signed-off primary read has nothing to amend", async () => {
    const { studyId } = await freshStudy();
    await expect(amendPrimaryRead(readerOf(await makeUser("annotator")), studyId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(amendPrimaryRead(readerOf(await makeUser("radiologist")), studyId)).rejects.toMatchObject({ code: "conflict" });
  });
});
