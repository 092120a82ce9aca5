import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAssignmentsBodySchema } from "@/lib/schemas/assignment";
import { saveReviewBodySchema } from "@/lib/schemas/review";
import { createAssignments } from "@/lib/assignments/create-assignments";
import { listAssignments } from "@/lib/assignments/manage-assignment";
import { agreementReport } from "@/lib/double-reading/agreement-report";
import { createConsensus } from "@/lib/double-reading/create-consensus";
import { getStudyReview } from "@/lib/reviews/get-review";
import { getReviewHistoryOrThrow } from "@/lib/reviews/review-history";
import { saveReview } from "@/lib/reviews/save-review";
import { signOffReview } from "@/lib/reviews/sign-off-review";
import { makeReviewableStudies, removeReviewableStudies, readerOf, visibleFindings } from "@/lib/reviews/testing/reviewable-studies";
import { makeUser } from "@/test/factories";

let fixture: Awaited<ReturnType<typeof makeReviewableStudies>>;
beforeAll(async () => {
  fixture = await makeReviewableStudies(2);
});
afterAll(() => removeReviewableStudies(fixture));
const save = (b: unknown) => saveReviewBodySchema.parse(b);

describe("double reading", () => {
  it("two independent reads, agreement at IoU ≥ 0.4 once both are signed off, and a WBF consensus with provenance", async () => {
    const admin = readerOf(await makeUser("admin"));
    const [a, b] = [readerOf(await makeUser("radiologist")), readerOf(await makeUser("radiologist"))];
    const [studyId, waitingId] = fixture.studies.map((s) => s.studyId) as [string, string];
    const { created } = await createAssignments(
      admin,
      createAssignmentsBodySchema.parse({ kind: "double_read", studyIds: [studyId, waitingId], assigneeIds: [a.id, b.id] }),
    );
    expect(created).toHaveLength(4);
    expect((await listAssignments(b, { mine: "1", limit: 200 })).map((t) => [t.studyId, t.kind])).toEqual([
      [studyId, "double_read"],
      [waitingId, "double_read"],
    ]);

    const [f] = await visibleFindings(studyId);
    const fb = [f!.x1, f!.y1, f!.x2, f!.y2];
    // A: accepts the AI box and adds cardiomegaly. B: moves the AI box a little (still IoU ≥ 0.4).
    const readA = await saveReview(
      a,
      studyId,
      save({
        version: 0,
        operations: [
          { op: "accept", findingId: f!.id },
          { op: "add", box: [10, 10, 60, 60], className: "Cardiomegaly" },
        ],
      }),
      "double_read",
    );
    // Isolation: B sees no review of their own and cannot open A's history; A's labels appear nowhere in B's view.
    const seenByB = await getStudyReview(b, studyId, "double_read");
    expect(seenByB.review).toBeNull();
    await expect(getReviewHistoryOrThrow(b, readA.review.id)).rejects.toMatchObject({ code: "not_found" });
    const shifted = [fb[0]! + 1, fb[1]!, fb[2]! + 1 > 96 ? 96 : fb[2]! + 1, fb[3]!];
    const readB = await saveReview(
      b,
      studyId,
      save({ version: 0, operations: [{ op: "edit", findingId: f!.id, box: shifted }] }),
      "double_read",
    );
    expect(readB.review.labels).toHaveLength(1);
    expect(readB.review.purpose).toBe("double_read");

    await signOffReview(a, studyId, { version: 1, impression: "abnormal" }, "double_read");
    let report = await agreementReport();
    let row = report.studies.find((s) => s.studyId === studyId)!;
    expect(row).toMatchObject({ state: "waiting", readsSignedOff: 1, counts: null, readerA: { id: a.id }, readerB: { id: b.id } });
    await expect(createConsensus(admin, studyId)).rejects.toMatchObject({ code: "conflict", details: { readsSignedOff: 1 } });

    await signOffReview(b, studyId, { version: 1, impression: "abnormal" }, "double_read");
    expect(await listAssignments(b, { mine: "1", limit: 200 })).toEqual([expect.objectContaining({ studyId: waitingId })]); // signing off completed the task
    report = await agreementReport();
    row = report.studies.find((s) => s.studyId === studyId)!;
    expect(row).toMatchObject({
      state: "complete",
      readsSignedOff: 2,
      impressions: ["abnormal", "abnormal"],
      counts: { matched: 1, onlyA: 1, onlyB: 0, f1: 2 / 3, agreementRate: 0.5 },
    });
    expect(report.studies.find((s) => s.studyId === waitingId)).toMatchObject({ state: "waiting", readsSignedOff: 0 });
    const nodule = report.perClass.find((c) => c.className === f!.className)!;
    expect(nodule).toMatchObject({ matched: 1, onlyA: 0, onlyB: 0, f1: 1 });
    expect(report.perClass.find((c) => c.className === "Cardiomegaly")).toMatchObject({ matched: 0, onlyA: 1, onlyB: 0, f1: 0 });

    await expect(getStudyReview(a, studyId, "consensus")).rejects.toMatchObject({ code: "forbidden" });
    // A consensus is never started empty: only fusion makes one.
    await expect(saveReview(admin, studyId, save({ version: 0, operations: [] }), "consensus")).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringMatching(/fusing/),
    });
    const consensus = await createConsensus(admin, studyId);
    expect(consensus).toMatchObject({ purpose: "consensus", status: "in_progress", impression: "abnormal", reader: { id: admin.id } });
    const fused = consensus.labels.find((l) => l.className === f!.className)!;
    expect(fused.box.map((v) => Math.round(v * 1000) / 1000)).toEqual(
      [fb[0]! + 0.5, fb[1]!, (fb[2]! + shifted[2]!) / 2, fb[3]!].map((v) => Math.round(v * 1000) / 1000),
    );
    expect(consensus.labels.find((l) => l.className === "Cardiomegaly")).toMatchObject({ box: [10, 10, 60, 60], source: "reader_added" });
    expect(consensus.labels).toHaveLength(2);
    const history = await getReviewHistoryOrThrow(admin, consensus.id);
    expect(history.revisions.map((r) => [r.change, r.author.id])).toEqual([
      ["consensus", admin.id],
      ["consensus", admin.id],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "review.consensus_created", targetId: consensus.id } });
    const labelsProv = (audit.details as { labels: { labelId: string; score: number; from: string[] }[] }).labels;
    expect(labelsProv.find((p) => p.labelId === fused.id)).toMatchObject({
      score: 1,
      from: expect.arrayContaining([readA.review.labels[0]!.id, readB.review.labels[0]!.id]),
    });
    await expect(createConsensus(admin, studyId)).rejects.toMatchObject({ code: "conflict" });

    // Any admin adjusts and confirms it like any review (the one consensus of the study; revisions name who); the report shows it.
    const admin2 = readerOf(await makeUser("admin"));
    expect((await getStudyReview(admin2, studyId, "consensus")).review?.id).toBe(consensus.id);
    const adjusted = await saveReview(
      admin2,
      studyId,
      save({ version: 1, operations: [{ op: "delete", labelId: consensus.labels.find((l) => l.className === "Cardiomegaly")!.id }] }),
      "consensus",
    );
    expect(adjusted.review.id).toBe(consensus.id);
    expect((await getReviewHistoryOrThrow(admin, consensus.id)).revisions.at(-1)).toMatchObject({
      change: "delete",
      author: { id: admin2.id },
    });
    await signOffReview(admin, studyId, { version: adjusted.review.version, impression: "abnormal" }, "consensus");
    expect((await agreementReport()).studies.find((s) => s.studyId === studyId)!.consensus).toMatchObject({
      reviewId: consensus.id,
      status: "signed_off",
      labels: 1,
    });
  });
});
