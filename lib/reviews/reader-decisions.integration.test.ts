import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadReaderDecisionsOrThrow } from "@/lib/reviews/reader-decisions";
import { getReviewHistoryOrThrow } from "@/lib/reviews/review-history";
import { saveReview } from "@/lib/reviews/save-review";
import { signOffReview } from "@/lib/reviews/sign-off-review";
import { makeReviewableStudies, readerOf, removeReviewableStudies, visibleFindings } from "@/lib/reviews/testing/reviewable-studies";
import { makeUser } from "@/test/factories";

let fixture: Awaited<ReturnType<typeof makeReviewableStudies>>;
beforeAll(async () => {
  fixture = await makeReviewableStudies(1);
});
afterAll(() => removeReviewableStudies(fixture));

describe("the reader's decisions and the review history", () => {
  it("gives an annotation task the signed-off read's decisions with reasons; the history names the model version", async () => {
    const { studyId } = fixture.studies[0]!;
    const [f1] = await visibleFindings(studyId);
    expect(f1).toBeDefined();
    const reader = readerOf(await makeUser("radiologist"));
    const saved = await saveReview(reader, studyId, {
      version: 0,
      operations: [
        { op: "reject", findingId: f1!.id, reason: "skin fold" },
        { op: "add", box: [5, 5, 30, 30], className: "Atelectasis" },
      ],
    });
    await signOffReview(reader, studyId, { version: saved.review.version, impression: "abnormal" });

    const history = await getReviewHistoryOrThrow(reader, saved.review.id);
    const reject = history.revisions.find((r) => r.change === "reject")!;
    expect(reject).toMatchObject({
      originFindingId: f1!.id,
      rejectReason: "skin fold",
      modelVersion: { id: fixture.production.id, name: fixture.production.name, version: fixture.production.version },
    });
    expect(history.revisions.find((r) => r.change === "add")).toMatchObject({ originFindingId: null, modelVersion: null });

    const annotator = readerOf(await makeUser("annotator"));
    await expect(loadReaderDecisionsOrThrow(annotator, studyId)).rejects.toMatchObject({ code: "not_found" }); // no task on it
    await db.assignment.create({ data: { studyId, assigneeId: annotator.id, kind: "annotate", reason: "rejected_or_added" } });
    const dto = await loadReaderDecisionsOrThrow(annotator, studyId);
    expect(dto.reads).toHaveLength(1);
    expect(dto.reads[0]).toMatchObject({ purpose: "primary", reader: { id: reader.id }, impression: "abnormal" });
    expect(dto.reads[0]!.decisions.map((d) => [d.decision, d.className, d.reason, d.aiClassName])).toEqual([
      ["rejected", f1!.className, "skin fold", f1!.className],
      ["added", "Atelectasis", null, null],
    ]);
    const admin = readerOf(await makeUser("admin"));
    expect((await loadReaderDecisionsOrThrow(admin, studyId)).reads).toHaveLength(1);
    await expect(loadReaderDecisionsOrThrow(readerOf(await makeUser("radiologist")), studyId)).rejects.toMatchObject({ code: "forbidden" });
  });
});
