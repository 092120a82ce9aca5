import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAssignmentsBodySchema } from "@/lib/schemas/assignment";
import { saveReviewBodySchema } from "@/lib/schemas/review";
import { autoAssign } from "@/lib/assignments/auto-assign";
import { AUTO_ASSIGN } from "@/lib/jobs/auto-assign-request";
import { completeAnnotationTask } from "@/lib/assignments/complete-annotation-task";
import { createAssignments } from "@/lib/assignments/create-assignments";
import { cancelAssignment, listAssignments } from "@/lib/assignments/manage-assignment";
import { getReviewHistoryOrThrow } from "@/lib/reviews/review-history";
import { saveReview } from "@/lib/reviews/save-review";
import { signOffReview } from "@/lib/reviews/sign-off-review";
import { makeReviewableStudies, removeReviewableStudies, readerOf, visibleFindings } from "@/lib/reviews/testing/reviewable-studies";
import { makeUser } from "@/test/factories";

let fixture: Awaited<ReturnType<typeof makeReviewableStudies>>;
let otherAnnotators: string[] = [];
const body = (b: unknown) => createAssignmentsBodySchema.parse(b);
const save = (b: unknown) => saveReviewBodySchema.parse(b);

beforeAll(async () => {
  fixture = await makeReviewableStudies(6);
  // Automatic tasks go to every active annotator: park other files' annotators so the spread is ours to check.
  otherAnnotators = (await db.user.findMany({ where: { role: "annotator", disabled: false }, select: { id: true } })).map((u) => u.id);
  await db.user.updateMany({ where: { id: { in: otherAnnotators } }, data: { disabled: true } });
});
afterAll(async () => {
  await db.user.updateMany({ where: { id: { in: otherAnnotators } }, data: { disabled: false } });
  await removeReviewableStudies(fixture);
});

describe("assigning studies", () => {
  it("checks roles, studies and users before writing anything, and never duplicates a task", async () => {
    const admin = readerOf(await makeUser("admin"));
    const annotator = await makeUser("annotator");
    const reader = await makeUser("radiologist");
    const [s0, s1] = fixture.studies.map((s) => s.studyId);
    const r = await createAssignments(admin, body({ kind: "annotate", studyIds: [s0, s1, s0], assigneeId: annotator.id }));
    expect(r.created.map((a) => [a.studyId, a.assignee.id, a.kind, a.reason, a.status])).toEqual([
      [s0, annotator.id, "annotate", "admin", "open"],
      [s1, annotator.id, "annotate", "admin", "open"],
    ]);
    expect(JSON.stringify(r.created)).not.toMatch(/patient/i);
    const again = await createAssignments(admin, body({ kind: "annotate", studyIds: [s0], assigneeId: annotator.id }));
    expect(again).toEqual({ created: [], skipped: [{ studyId: s0, assigneeId: annotator.id }] });

    await expect(createAssignments(admin, body({ kind: "annotate", studyIds: [s0], assigneeId: reader.id }))).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringMatching(/radiologist/),
    });
    await expect(
      createAssignments(admin, body({ kind: "double_read", studyIds: [s0], assigneeIds: [reader.id, annotator.id] })),
    ).rejects.toMatchObject({ code: "unprocessable" });
    const before = await db.assignment.count();
    await expect(
      createAssignments(admin, body({ kind: "annotate", studyIds: [s1, "no-such-study"], assigneeId: annotator.id })),
    ).rejects.toMatchObject({ code: "unprocessable", details: { missing: ["no-such-study"] } });
    expect(await db.assignment.count()).toBe(before);
    expect(() => body({ kind: "double_read", studyIds: [s0], assigneeIds: [reader.id, reader.id] })).toThrow(/two different readers/);
    expect(() => body({ kind: "annotate", studyIds: [], assigneeId: reader.id })).toThrow();

    const mine = await listAssignments(readerOf(annotator), { mine: "1", limit: 200 });
    expect(mine.map((a) => a.studyId)).toEqual([s0, s1]);
    expect(await listAssignments(readerOf(reader), { mine: "1", limit: 200 })).toEqual([]);
    await expect(listAssignments(readerOf(reader), { limit: 200 })).rejects.toMatchObject({ code: "forbidden" });
    expect((await listAssignments(admin, { studyId: s0, limit: 200 })).map((a) => a.assignee.id)).toEqual([annotator.id]);

    await cancelAssignment(admin, mine[1]!.id);
    expect(await listAssignments(readerOf(annotator), { mine: "1", limit: 200 })).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "assignment.cancelled", targetId: mine[1]!.id } })).toBe(1);
  });
});

describe("completing an annotation task", () => {
  it("locks the annotator's review as completed with every revision kept; stale, foreign or repeated completions are refused", async () => {
    const admin = readerOf(await makeUser("admin"));
    const annotator = readerOf(await makeUser("annotator"));
    const stranger = readerOf(await makeUser("annotator"));
    const { studyId } = fixture.studies[2]!;
    const [f] = await visibleFindings(studyId);
    const [task] = (await createAssignments(admin, body({ kind: "annotate", studyIds: [studyId], assigneeId: annotator.id }))).created;
    const saved = await saveReview(
      annotator,
      studyId,
      save({ version: 0, operations: [{ op: "edit", findingId: f!.id, box: [1, 2, 30, 40], className: "Pleural effusion" }] }),
    );
    expect(saved.review).toMatchObject({ purpose: "annotation", version: 1 });

    await expect(completeAnnotationTask(stranger, task!.id, { version: 1 })).rejects.toMatchObject({ code: "not_found" });
    await expect(completeAnnotationTask(annotator, task!.id, { version: 0 })).rejects.toMatchObject({
      code: "conflict",
      details: { currentVersion: 1 },
    });
    const done = await completeAnnotationTask(annotator, task!.id, { version: 1 });
    expect(done.assignment).toMatchObject({ status: "done", completedAt: expect.any(String) });
    expect(done.review).toMatchObject({
      status: "completed",
      version: 2,
      labels: [{ className: "Pleural effusion", box: [1, 2, 30, 40], source: "ai_edited" }],
    });
    await expect(completeAnnotationTask(annotator, task!.id, { version: 2 })).rejects.toMatchObject({ code: "conflict" });
    await expect(
      saveReview(annotator, studyId, save({ version: 2, operations: [{ op: "accept", findingId: f!.id }] })),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/completed/) });
    const history = await getReviewHistoryOrThrow(annotator, done.review.id);
    expect(history.revisions).toEqual([expect.objectContaining({ change: "edit", author: { id: annotator.id, email: annotator.email } })]);
    expect(await listAssignments(annotator, { mine: "1", limit: 200 })).toEqual([]);
    await expect(cancelAssignment(admin, task!.id)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("automatic annotation tasks", () => {
  it("flags disagreement, rejected or added boxes and low AI confidence from real reviews, spreads them, and never doubles a task", async () => {
    const [busy, free] = [readerOf(await makeUser("annotator")), readerOf(await makeUser("annotator"))];
    const admin = readerOf(await makeUser("admin"));
    await db.user.updateMany({ where: { role: "annotator", id: { notIn: [busy.id, free.id] } }, data: { disabled: true } }); // this file's earlier annotators
    const [r1, r2] = [readerOf(await makeUser("radiologist")), readerOf(await makeUser("radiologist"))];
    const [sRejected, sAgree, sDisagree, sPlain] = fixture.studies.slice(2, 6).map((s) => s.studyId) as [string, string, string, string];
    // The annotator of the previous test finished; `busy` has one open task already.
    await createAssignments(admin, body({ kind: "annotate", studyIds: [fixture.studies[1]!.studyId], assigneeId: busy.id }));
    await db.assignment.deleteMany({ where: { studyId: sRejected } }); // the finished task of the previous test is not part of this one

    const [fr] = await visibleFindings(sRejected);
    await saveReview(r1, sRejected, save({ version: 0, operations: [{ op: "reject", findingId: fr!.id, reason: "artefact" }] }));
    await signOffReview(r1, sRejected, { version: 1, impression: "abnormal" });
    expect(await db.job.count({ where: { type: AUTO_ASSIGN, state: "queued" } })).toBe(1); // queued on sign-off
    for (const s of [sAgree, sPlain]) {
      const [f] = await visibleFindings(s);
      await saveReview(r1, s, save({ version: 0, operations: [{ op: "accept", findingId: f!.id }] }));
      await signOffReview(r1, s, { version: 1, impression: "abnormal" });
    }
    const [fd] = await visibleFindings(sDisagree);
    await saveReview(r1, sDisagree, save({ version: 0, operations: [{ op: "accept", findingId: fd!.id }] }));
    await signOffReview(r1, sDisagree, { version: 1, impression: "abnormal" });
    await saveReview(
      r2,
      sDisagree,
      save({ version: 0, operations: [{ op: "edit", findingId: fd!.id, className: "Cardiomegaly" }] }),
      "double_read",
    );
    await signOffReview(r2, sDisagree, { version: 1, impression: "abnormal" }, "double_read");
    expect(await db.job.count({ where: { type: AUTO_ASSIGN, state: "queued" } })).toBe(1); // still one queued run

    const tasksOf = async (studyId: string) =>
      db.assignment.findMany({ where: { studyId, kind: "annotate" }, select: { assigneeId: true, reason: true } });
    const first = await autoAssign({ lowConfidenceBelow: 0 });
    expect(await tasksOf(sRejected)).toEqual([{ assigneeId: free.id, reason: "rejected_or_added" }]);
    expect(await tasksOf(sDisagree)).toEqual([{ assigneeId: expect.any(String), reason: "disagreement" }]);
    expect(await tasksOf(sAgree)).toEqual([]);
    expect(await tasksOf(sPlain)).toEqual([]);
    expect(first.byReason).toMatchObject({ rejected_or_added: 1, disagreement: 1 });
    // busy had 1 open, free 0: free takes the first, then they are level and the older annotator (busy) goes next.
    expect((await tasksOf(sDisagree))[0]!.assigneeId).toBe(busy.id);

    const second = await autoAssign({ lowConfidenceBelow: 1 });
    expect(await tasksOf(sAgree)).toEqual([{ assigneeId: expect.any(String), reason: "low_confidence" }]);
    expect(await tasksOf(sPlain)).toEqual([{ assigneeId: expect.any(String), reason: "low_confidence" }]);
    expect(new Set([(await tasksOf(sAgree))[0]!.assigneeId, (await tasksOf(sPlain))[0]!.assigneeId])).toEqual(new Set([busy.id, free.id]));
    expect(await tasksOf(sRejected)).toHaveLength(1); // not doubled
    expect(second.byReason.disagreement).toBeUndefined();
    const third = await autoAssign({ lowConfidenceBelow: 1 });
    expect(third.created).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "assignment.auto" } })).toBeGreaterThanOrEqual(3);
  });
});
