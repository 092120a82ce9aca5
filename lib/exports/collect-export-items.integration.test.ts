import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { collectExportItems } from "@/lib/exports/collect-export-items";
import { createExport } from "@/lib/exports/manage-exports";
import { makeReviewedStudies, removeReviewedStudies } from "@/lib/exports/testing/reviewed-studies";
import { createExportBodySchema, exportFiltersSchema } from "@/lib/schemas/export";
import { makeUser } from "@/test/factories";

// Signed off in 2031, a year no other test file uses, so a date filter isolates these studies. These tests are about
// the review filters, so held-out evaluation patients (random here) are included; build-export tests their exclusion.
const IN_RANGE = { from: "2031-01-01T00:00:00Z", to: "2032-01-01T00:00:00Z", includeHeldOut: true };
const filters = (o: object = {}) => exportFiltersSchema.parse({ ...IN_RANGE, ...o });

describe("which labels an export takes", () => {
  let readerA: Awaited<ReturnType<typeof makeUser>>;
  let readerB: Awaited<ReturnType<typeof makeUser>>;
  let f: Awaited<ReturnType<typeof makeReviewedStudies>>;
  const boxesOf = async (o: object) => {
    const { items } = await collectExportItems(filters(o));
    return new Map(items.map((i) => [i.instanceId, i.boxes.map((b) => `${b.className}@${b.box.join(",")}`)]));
  };

  beforeAll(async () => {
    readerA = await makeUser("radiologist");
    readerB = await makeUser("radiologist");
    f = await makeReviewedStudies(4, {
      readerId: readerA.id,
      patients: 4,
      modelVersionId: "mv-export-test",
      signedOffAt: (i) => (i === 3 ? new Date("2030-06-01T00:00:00Z") : new Date(`2031-0${i + 1}-10T00:00:00Z`)),
      labels: (i) => [
        { className: "Nodule/Mass", box: [1, 2, 8, 9] },
        { className: "Cardiomegaly", box: [3, 3, 12, 12], rejected: i === 1 },
      ],
    });
    // Study 0 also has a double read by B and a consensus by B; study 2's review goes back to in progress.
    for (const purpose of ["double_read", "consensus"]) {
      await db.review.create({
        data: {
          studyId: f.studies[0]!.studyId,
          readerId: readerB.id,
          role: "radiologist",
          purpose,
          status: "signed_off",
          signedOffAt: new Date("2031-03-01T00:00:00Z"),
          modelVersionId: "mv-other",
          labels: {
            create: [
              {
                instanceId: f.studies[0]!.instanceId,
                source: "reader_added",
                className: purpose === "consensus" ? "ILD" : "Atelectasis",
                x1: 0,
                y1: 0,
                x2: 4,
                y2: 4,
              },
            ],
          },
        },
      });
    }
    await db.review.updateMany({ where: { studyId: f.studies[2]!.studyId }, data: { status: "in_progress", signedOffAt: null } });
  });

  afterAll(async () => {
    await removeReviewedStudies(f);
  });

  it("takes signed-off reviews in the date range; a consensus read wins over the individual reads", async () => {
    const boxes = await boxesOf({});
    expect([...boxes.keys()].sort()).toEqual([f.studies[0]!.instanceId, f.studies[1]!.instanceId].sort());
    expect(boxes.get(f.studies[0]!.instanceId)).toEqual(["ILD@0,0,4,4"]);
    expect(boxes.get(f.studies[1]!.instanceId)).toEqual(["Nodule/Mass@1,2,8,9"]); // the rejected AI box is not an object
  });

  it("filters by reader, by the model version the reader saw, by purpose, and optionally includes reviews in progress", async () => {
    expect((await boxesOf({ readerId: readerA.id })).get(f.studies[0]!.instanceId)).toEqual([
      "Nodule/Mass@1,2,8,9",
      "Cardiomegaly@3,3,12,12",
    ]);
    expect([...(await boxesOf({ modelVersionId: "mv-other" })).values()]).toEqual([["ILD@0,0,4,4"]]);
    expect([...(await boxesOf({ purposes: ["double_read"] })).values()]).toEqual([["Atelectasis@0,0,4,4"]]);
    const withProgress = await collectExportItems(
      exportFiltersSchema.parse({ readerId: readerA.id, includeInProgress: true, includeHeldOut: true }),
    );
    expect(withProgress.items.map((i) => i.instanceId)).toContain(f.studies[2]!.instanceId);
    expect(withProgress.items.map((i) => i.instanceId)).toContain(f.studies[3]!.instanceId); // no date filter
    expect(
      (await collectExportItems(exportFiltersSchema.parse({ readerId: readerA.id, includeHeldOut: true }))).items.map((i) => i.instanceId),
    ).not.toContain(f.studies[2]!.instanceId);
  });

  it("takes an annotator's completed task (annotations are completed, never signed off) over the primary read", async () => {
    const annotator = await makeUser("annotator");
    await db.review.create({
      data: {
        studyId: f.studies[1]!.studyId,
        readerId: annotator.id,
        role: "annotator",
        purpose: "annotation",
        status: "completed",
        updatedAt: new Date("2031-05-01T00:00:00Z"),
        labels: {
          create: [
            { instanceId: f.studies[1]!.instanceId, source: "reader_added", className: "Pleural effusion", x1: 5, y1: 5, x2: 9, y2: 9 },
          ],
        },
      },
    });
    expect((await boxesOf({})).get(f.studies[1]!.instanceId)).toEqual(["Pleural effusion@5,5,9,9"]);
    expect([...(await boxesOf({ purposes: ["annotation"] })).values()]).toEqual([["Pleural effusion@5,5,9,9"]]);
    expect((await boxesOf({ from: "2032-01-01T00:00:00Z", to: "2033-01-01T00:00:00Z" })).size).toBe(0); // dated by its completion
  });

  it("refuses filters that match nothing or name unknown readers and versions, without writing a row", async () => {
    const admin = await makeUser("admin");
    const actor = { id: admin.id, email: admin.email };
    const before = await db.export.count();
    const body = (o: object) => createExportBodySchema.parse({ filters: { ...IN_RANGE, ...o } });
    await expect(createExport(actor, body({ from: "2040-01-01T00:00:00Z", to: "2041-01-01T00:00:00Z" }))).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringContaining("No reviews match"),
    });
    await expect(createExport(actor, body({ readerId: "nobody" }))).rejects.toMatchObject({
      code: "unprocessable",
      message: "Unknown reader 'nobody'.",
    });
    await expect(createExport(actor, body({ modelVersionId: "no-such-version" }))).rejects.toMatchObject({ code: "unprocessable" });
    expect(await db.export.count()).toBe(before);
    expect(createExportBodySchema.safeParse({ format: "voc" }).success).toBe(false);
    expect(createExportBodySchema.safeParse({ valFraction: 0.95 }).success).toBe(false);
    expect(createExportBodySchema.safeParse({ filters: { from: "2031-02-01T00:00:00Z", to: "2031-01-01T00:00:00Z" } }).success).toBe(false);
  });
});
