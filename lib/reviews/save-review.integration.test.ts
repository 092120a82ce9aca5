import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { saveReviewBodySchema, type SaveReviewBody } from "@/lib/schemas/review";
import { saveReview } from "@/lib/reviews/save-review";
import { getReviewHistoryOrThrow } from "@/lib/reviews/review-history";
import {
  makeReviewableStudies,
  removeReviewableStudies,
  readerOf,
  shadowFindings,
  visibleFindings,
} from "@/lib/reviews/testing/reviewable-studies";
import { makeUser } from "@/test/factories";

let fixture: Awaited<ReturnType<typeof makeReviewableStudies>>;
let next = 0;
// A fresh study with five visible AI findings (and five shadow ones) per test.
const freshStudy = async () => {
  const { studyId } = fixture.studies[next++]!;
  return { studyId, findings: await visibleFindings(studyId) };
};
const body = (b: Partial<SaveReviewBody> & { version: number }) => saveReviewBodySchema.parse({ operations: [], ...b });

beforeAll(async () => {
  fixture = await makeReviewableStudies(10);
});
afterAll(() => removeReviewableStudies(fixture));

describe("saving verdicts", () => {
  it("accept, reject, edit, add and delete become labels with provenance and one revision each", async () => {
    const { studyId, findings } = await freshStudy();
    const [a, r, e] = findings;
    const reader = readerOf(await makeUser("radiologist"));
    const first = await saveReview(
      reader,
      studyId,
      body({
        version: 0,
        impression: "abnormal",
        operations: [
          { op: "accept", findingId: a!.id },
          { op: "reject", findingId: r!.id, reason: "overlaps the clavicle" },
          { op: "edit", findingId: e!.id, box: [50, 50, 90, 90], className: "Mass" },
          { op: "add", box: [5, 40, 25, 60], className: "Pleural effusion" },
        ],
      }),
    );
    const { review, results } = first;
    expect(review).toMatchObject({
      version: 1,
      status: "in_progress",
      impression: "abnormal",
      modelVersionId: fixture.production.id,
      reader: { id: reader.id, email: reader.email },
      role: "radiologist",
    });
    expect(results.map((x) => x.change)).toEqual(["accept", "reject", "edit", "add"]);
    const byId = new Map(review.labels.map((l) => [l.id, l]));
    expect(byId.get(results[0]!.labelId)).toMatchObject({
      source: "ai_accepted",
      originFindingId: a!.id,
      className: a!.className,
      box: [a!.x1, a!.y1, a!.x2, a!.y2],
      rejected: false,
      revision: 1,
      origin: { confidence: a!.confidence, modelClass: a!.modelClass, modelVersionId: fixture.production.id },
    });
    expect(byId.get(results[1]!.labelId)).toMatchObject({
      source: "ai_accepted",
      originFindingId: r!.id,
      rejected: true,
      rejectReason: "overlaps the clavicle",
    });
    expect(byId.get(results[2]!.labelId)).toMatchObject({
      source: "ai_edited",
      originFindingId: e!.id,
      className: "Nodule/Mass",
      box: [50, 50, 90, 90],
      origin: { box: [e!.x1, e!.y1, e!.x2, e!.y2] },
    });
    const added = byId.get(results[3]!.labelId)!;
    expect(added).toMatchObject({
      source: "reader_added",
      originFindingId: null,
      origin: null,
      className: "Pleural effusion",
      instanceId: fixture.studies[next - 1]!.instanceId,
    });

    const second = await saveReview(reader, studyId, body({ version: 1, operations: [{ op: "delete", labelId: added.id }] }));
    expect(second.review.version).toBe(2);
    expect(second.review.labels.find((l) => l.id === added.id)).toMatchObject({ deleted: true, revision: 2 });

    const history = await getReviewHistoryOrThrow(reader, review.id);
    expect(history.revisions.map((h) => h.change).sort()).toEqual(["accept", "add", "delete", "edit", "reject"]);
    expect(history.revisions.at(-1)).toMatchObject({
      labelId: added.id,
      change: "delete",
      revision: 2,
      deleted: true,
      author: { email: reader.email },
    });
    for (const h of history.revisions) expect(h.author).toEqual({ id: reader.id, email: reader.email });
    const audit = await db.auditEvent.findMany({ where: { targetId: review.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((x) => x.action)).toEqual(["review.started", "review.saved", "review.saved"]);
    expect(audit[1]!.details).toMatchObject({
      studyId,
      version: 1,
      operations: { accept: 1, reject: 1, edit: 1, add: 1 },
      revisions: 4,
      unchanged: 0,
    });
    expect((await db.study.findUniqueOrThrow({ where: { id: studyId } })).status).toBe("in_review");
  });

  it("an edit appends a revision and never touches the AI finding; editing back to the AI box counts as accepted again", async () => {
    const { studyId, findings } = await freshStudy();
    const f = findings[0]!;
    const reader = readerOf(await makeUser("radiologist"));
    const { review, results } = await saveReview(reader, studyId, body({ version: 0, operations: [{ op: "accept", findingId: f.id }] }));
    const labelId = results[0]!.labelId;
    const edited = await saveReview(
      reader,
      studyId,
      body({ version: review.version, operations: [{ op: "edit", labelId, box: [10, 11, 40, 41] }] }),
    );
    expect(edited.review.labels[0]).toMatchObject({
      id: labelId,
      source: "ai_edited",
      box: [10, 11, 40, 41],
      className: f.className,
      revision: 2,
    });
    expect(await db.finding.findUniqueOrThrow({ where: { id: f.id } })).toEqual(f);
    const back = await saveReview(
      reader,
      studyId,
      body({ version: 2, operations: [{ op: "edit", findingId: f.id, box: [f.x1, f.y1, f.x2, f.y2] }] }),
    );
    expect(back.review.labels[0]).toMatchObject({ source: "ai_accepted", revision: 3 });
    const revs = await db.labelRevision.findMany({ where: { labelId }, orderBy: { revision: "asc" } });
    expect(revs.map((x) => [x.revision, x.change, x.source, x.x1])).toEqual([
      [1, "accept", "ai_accepted", f.x1],
      [2, "edit", "ai_edited", 10],
      [3, "edit", "ai_accepted", f.x1],
    ]);
  });

  it("repeating a verdict is an idempotent no-op (no revision), while the save itself still bumps the version", async () => {
    const { studyId, findings } = await freshStudy();
    const reader = readerOf(await makeUser("radiologist"));
    const ops = [
      { op: "accept" as const, findingId: findings[0]!.id },
      { op: "reject" as const, findingId: findings[1]!.id, reason: "artefact" },
    ];
    await saveReview(reader, studyId, body({ version: 0, operations: ops }));
    const again = await saveReview(
      reader,
      studyId,
      body({ version: 1, operations: [...ops, { op: "accept", findingId: findings[0]!.id }] }),
    );
    expect(again.results.map((x) => x.change)).toEqual([null, null, null]);
    expect(again.review.version).toBe(2);
    expect(await db.labelRevision.count({ where: { label: { reviewId: again.review.id } } })).toBe(2);
    // Accepting a rejected finding, then rejecting it with a new reason, are real changes.
    const flip = await saveReview(
      reader,
      studyId,
      body({
        version: 2,
        operations: [
          { op: "accept", findingId: findings[1]!.id },
          { op: "reject", findingId: findings[1]!.id, reason: "rib" },
        ],
      }),
    );
    expect(flip.results.map((x) => x.change)).toEqual(["accept", "reject"]);
    expect(flip.review.labels.find((l) => l.originFindingId === findings[1]!.id)).toMatchObject({
      rejected: true,
      rejectReason: "rib",
      revision: 3,
    });
  });

  it("a stale version is a conflict carrying the current version, and leaves nothing behind", async () => {
    const { studyId, findings } = await freshStudy();
    const reader = readerOf(await makeUser("radiologist"));
    const { review } = await saveReview(reader, studyId, body({ version: 0, operations: [{ op: "accept", findingId: findings[0]!.id }] }));
    await saveReview(reader, studyId, body({ version: 1, comment: "second tab" }));
    const before = await snapshot(review.id);
    const stale = saveReview(
      reader,
      studyId,
      body({
        version: 1,
        impression: "no_finding",
        operations: [
          { op: "reject", findingId: findings[0]!.id },
          { op: "add", box: [1, 1, 9, 9], className: "Nodule/Mass" },
        ],
      }),
    );
    await expect(stale).rejects.toMatchObject({ code: "conflict", details: { currentVersion: 2, status: "in_progress" } });
    await expect(saveReview(reader, studyId, body({ version: 0 }))).rejects.toMatchObject({
      code: "conflict",
      details: { currentVersion: 2 },
    });
    expect(await snapshot(review.id)).toEqual(before);
  });

  it("a failing operation rolls back the whole save, earlier operations included", async () => {
    const { studyId, findings } = await freshStudy();
    const reader = readerOf(await makeUser("radiologist"));
    const failing = saveReview(
      reader,
      studyId,
      body({
        version: 0,
        impression: "abnormal",
        operations: [
          { op: "accept", findingId: findings[0]!.id },
          { op: "add", box: [10, 10, 20, 20], className: "Not a finding" },
        ],
      }),
    );
    await expect(failing).rejects.toMatchObject({ code: "unprocessable", details: { index: 1, op: "add" } });
    expect(await db.review.count({ where: { studyId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "review." }, actorId: reader.id } })).toBe(0);
    expect((await db.study.findUniqueOrThrow({ where: { id: studyId } })).status).toBe("predicted");
    const { review } = await saveReview(reader, studyId, body({ version: 0, operations: [{ op: "accept", findingId: findings[0]!.id }] }));
    const before = await snapshot(review.id);
    await expect(
      saveReview(
        reader,
        studyId,
        body({
          version: 1,
          comment: "x",
          operations: [
            { op: "reject", findingId: findings[0]!.id },
            { op: "delete", labelId: review.labels[0]!.id },
          ],
        }),
      ),
    ).rejects.toMatchObject({ code: "unprocessable" });
    expect(await snapshot(review.id)).toEqual(before);
  });

  it("two concurrent saves with the same version: exactly one wins, the other gets a conflict", async () => {
    const { studyId, findings } = await freshStudy();
    const reader = readerOf(await makeUser("radiologist"));
    // Twice: racing to create the review lazily (version 0), then racing on an existing review.
    for (const version of [0, 1]) {
      const outcomes = await Promise.allSettled(
        findings
          .slice(version * 2, version * 2 + 2)
          .map((f) =>
            saveReview(reader, studyId, body({ version, operations: [{ op: "edit", findingId: f.id, className: "Atelectasis" }] })),
          ),
      );
      const won = outcomes.filter((o) => o.status === "fulfilled");
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({ code: "conflict", details: { currentVersion: version + 1 } });
    }
    const review = await db.review.findFirstOrThrow({ where: { studyId, readerId: reader.id }, include: { labels: true } });
    expect(review.version).toBe(2);
    expect(review.labels).toHaveLength(2);
    expect(await db.auditEvent.count({ where: { action: "review.saved", targetId: review.id } })).toBe(2);
  });
});

describe("validation", () => {
  it("rejects malformed boxes and classes in the schema (ZodError → 422)", () => {
    const bad = [
      { op: "add", box: [10, 10, 5, 20], className: "ILD" }, // x1 ≥ x2
      { op: "add", box: [10, 20, 20, 20], className: "ILD" }, // y1 ≥ y2
      { op: "add", box: [-1, 0, 5, 5], className: "ILD" },
      { op: "add", box: [0, 0, 5], className: "ILD" },
      { op: "add", box: [0, 0, 5, 5], className: "  " },
      { op: "edit", findingId: "f", labelId: "l", box: [0, 0, 5, 5] },
      { op: "edit", findingId: "f" },
      { op: "merge", labelId: "l" },
    ];
    for (const op of bad) expect(() => saveReviewBodySchema.parse({ version: 1, operations: [op] }), JSON.stringify(op)).toThrow(ZodError);
    expect(() => saveReviewBodySchema.parse({ version: -1 })).toThrow(ZodError);
    expect(() => saveReviewBodySchema.parse({ version: 1, impression: "normal" })).toThrow(ZodError);
  });

  it("refuses boxes outside the image, unknown classes, shadow findings and findings of other studies", async () => {
    const { studyId, findings } = await freshStudy();
    const other = await freshStudy();
    const reader = readerOf(await makeUser("radiologist"));
    const shadow = (await shadowFindings(studyId))[0]!;
    const cases = [
      { op: "add" as const, box: [10, 10, 97, 20] as [number, number, number, number], className: "ILD" },
      { op: "edit" as const, findingId: findings[0]!.id, box: [0, 0, 50, 100] as [number, number, number, number] },
      { op: "edit" as const, findingId: findings[0]!.id, className: "Fracture" },
      { op: "accept" as const, findingId: shadow.id },
      { op: "reject" as const, findingId: shadow.id },
      { op: "accept" as const, findingId: other.findings[0]!.id },
      { op: "delete" as const, labelId: "no-such-label" },
      {
        op: "add" as const,
        box: [1, 1, 5, 5] as [number, number, number, number],
        className: "ILD",
        instanceId: fixture.studies[0]!.instanceId,
      },
    ];
    for (const op of cases)
      await expect(saveReview(reader, studyId, body({ version: 0, operations: [op] })), JSON.stringify(op)).rejects.toMatchObject({
        code: "unprocessable",
      });
    expect(await db.review.count({ where: { studyId } })).toBe(0);
    // Boxes touching the image edge are inside; model class names are accepted and mapped to the vocabulary.
    const ok = await saveReview(
      reader,
      studyId,
      body({ version: 0, operations: [{ op: "add", box: [0, 0, 96, 96], className: "nodule" }] }),
    );
    expect(ok.review.labels[0]).toMatchObject({ className: "Nodule/Mass", box: [0, 0, 96, 96] });
  });

  it("deletes only reader-added labels; AI labels are rejected instead, and a deleted label can be restored", async () => {
    const { studyId, findings } = await freshStudy();
    const reader = readerOf(await makeUser("radiologist"));
    const { results } = await saveReview(
      reader,
      studyId,
      body({
        version: 0,
        operations: [
          { op: "accept", findingId: findings[0]!.id },
          { op: "add", box: [1, 1, 9, 9], className: "ILD" },
        ],
      }),
    );
    const [ai, mine] = results.map((x) => x.labelId);
    await expect(saveReview(reader, studyId, body({ version: 1, operations: [{ op: "delete", labelId: ai! }] }))).rejects.toMatchObject({
      code: "unprocessable",
    });
    await expect(
      saveReview(
        reader,
        studyId,
        body({
          version: 1,
          operations: [
            { op: "accept", findingId: findings[0]!.id },
            { op: "delete", labelId: mine! },
            { op: "edit", labelId: mine!, className: "ILD" },
          ],
        }),
      ),
    ).rejects.toMatchObject({ code: "unprocessable", details: { index: 2 } });
    const r = await saveReview(
      reader,
      studyId,
      body({
        version: 1,
        operations: [
          { op: "delete", labelId: mine! },
          { op: "delete", labelId: mine! },
          { op: "restore", labelId: mine! },
          { op: "edit", labelId: mine!, box: [2, 2, 9, 9] },
        ],
      }),
    );
    expect(r.results.map((x) => x.change)).toEqual(["delete", null, "restore", "edit"]);
    expect(r.review.labels.find((l) => l.id === mine)).toMatchObject({
      source: "reader_added",
      deleted: false,
      box: [2, 2, 9, 9],
      revision: 4,
    });
  });
});

async function snapshot(reviewId: string) {
  const review = await db.review.findUniqueOrThrow({ where: { id: reviewId }, include: { labels: { orderBy: { id: "asc" } } } });
  const revisions = await db.labelRevision.findMany({ where: { label: { reviewId } }, orderBy: [{ labelId: "asc" }, { revision: "asc" }] });
  const audits = await db.auditEvent.count({ where: { targetId: reviewId } });
  return { review, revisions, audits };
}
