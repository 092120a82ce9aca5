import { parseDicom } from "dicom-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveReviewBodySchema } from "@/lib/schemas/review";
import { saveReview } from "@/lib/reviews/save-review";
import { signOffReview } from "@/lib/reviews/sign-off-review";
import { makeReviewableStudies, removeReviewableStudies, readerOf, visibleFindings } from "@/lib/reviews/testing/reviewable-studies";
import { exportStudySr } from "@/lib/sr/export-study-sr";
import { makeUser } from "@/test/factories";

let fixture: Awaited<ReturnType<typeof makeReviewableStudies>>;
beforeAll(async () => {
  fixture = await makeReviewableStudies(2);
});
afterAll(() => removeReviewableStudies(fixture));

const items = (ds: ReturnType<typeof parseDicom>, tag: string) => (ds.elements[tag]?.items ?? []).map((i) => i.dataSet!);
const concept = (ds: ReturnType<typeof parseDicom>) => items(ds, "x0040a043")[0]?.string("x00080100");

describe("exporting a study's SR", () => {
  it("refuses a study that is not signed off (409) and an unknown one (404)", async () => {
    const actor = readerOf(await makeUser("radiologist"));
    await expect(exportStudySr(actor, fixture.studies[0]!.studyId)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/signed-off/),
    });
    await expect(exportStudySr(actor, "no-such-study")).rejects.toMatchObject({ code: "not_found" });
  });

  it("writes the final boxes only (accepted, edited, added; not rejected or deleted) with their images, audited", async () => {
    const { studyId, instanceId } = fixture.studies[1]!;
    const findings = await visibleFindings(studyId);
    expect(findings.length).toBeGreaterThanOrEqual(2);
    const reader = readerOf(await makeUser("radiologist"));
    await saveReview(
      reader,
      studyId,
      saveReviewBodySchema.parse({
        version: 0,
        operations: [
          { op: "accept", findingId: findings[0]!.id },
          { op: "reject", findingId: findings[1]!.id, reason: "artefact" },
          { op: "add", instanceId, className: "Pneumothorax", box: [4, 5, 30, 40] },
        ],
      }),
    );
    await signOffReview(reader, studyId, { version: 1, impression: "abnormal" });
    const study = await db.study.findUniqueOrThrow({ where: { id: studyId } });
    const sr = await exportStudySr(reader, studyId);
    expect(sr.filename).toBe(`${study.pseudonym}-sr.dcm`);
    expect(sr.boxes).toBe(2);
    const ds = parseDicom(sr.bytes);
    expect(ds.string("x0020000d")).toBe(study.studyInstanceUid);
    const measurements = items(ds, "x0040a730").find((c) => concept(c) === "126010")!;
    const groups = items(measurements, "x0040a730");
    const region = (g: (typeof groups)[number]) => items(g, "x0040a730").find((c) => concept(c) === "111030")!;
    const polyline = (g: (typeof groups)[number]) => Array.from({ length: 10 }, (_, i) => region(g).float("x00700022", i));
    expect(groups).toHaveLength(2);
    const f = findings[0]!;
    expect(polyline(groups[0]!)).toEqual([f.x1, f.y1, f.x2, f.y1, f.x2, f.y2, f.x1, f.y2, f.x1, f.y1].map((v) => Math.fround(v)));
    expect(polyline(groups[1]!)).toEqual([4, 5, 30, 5, 30, 40, 4, 40, 4, 5]);
    const instance = await db.instance.findUniqueOrThrow({ where: { id: instanceId } });
    const ref = items(items(region(groups[1]!), "x0040a730")[0]!, "x00081199")[0]!;
    expect(ref.string("x00081155")).toBe(instance.sopInstanceUid);
    const text = (g: (typeof groups)[number], code: string) =>
      items(g, "x0040a730")
        .find((c) => concept(c) === code)
        ?.string("x0040a160");
    expect(text(groups[0]!, "111003")).toBe(fixture.production.version); // the AI box names its model version
    expect(text(groups[1]!, "111003")).toBeUndefined(); // the reader's own box does not
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "study.sr_downloaded", targetId: studyId } });
    expect(audit).toMatchObject({ actorId: reader.id, details: { boxes: 2, sopInstanceUid: sr.sopInstanceUid } });
    expect((await exportStudySr(reader, studyId)).sopInstanceUid).toBe(sr.sopInstanceUid); // the same report, twice
  });
});
