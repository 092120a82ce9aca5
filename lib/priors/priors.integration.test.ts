import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { listPriorsOrThrow } from "@/lib/priors/list-priors";
import { loadPriorComparisonOrThrow } from "@/lib/priors/load-prior-comparison";
import { saveReview } from "@/lib/reviews/save-review";
import { signOffReview } from "@/lib/reviews/sign-off-review";
import { readerOf } from "@/lib/reviews/testing/reviewable-studies";
import { getStorage } from "@/lib/storage/get-storage";
import { ingestFile } from "@/lib/studies/ingest-file";
import { makeUser } from "@/test/factories";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

const patientId = `PRIORS-${Date.now()}`;
const ids: Record<"old" | "current" | "other", string> = { old: "", current: "", other: "" };

beforeAll(async () => {
  const ingest = async (name: string, o: Parameters<typeof makeStudyDicom>[0]) =>
    (await ingestFile(SYSTEM_ACTOR, name, makeStudyDicom({ size: 128, ...o }).bytes)).studyId!;
  ids.old = await ingest("old.dcm", { patientId, studyDate: "20240301", accessionNumber: "PR-OLD" });
  ids.current = await ingest("current.dcm", { patientId, studyDate: "20260301" });
  ids.other = await ingest("other.dcm", { patientId: `${patientId}-X`, studyDate: "20250301" });
});
afterAll(async () => {
  const keys = await db.instance.findMany({ where: { series: { studyId: { in: Object.values(ids) } } }, select: { storageKey: true } });
  await db.study.deleteMany({ where: { id: { in: Object.values(ids) } } });
  const storage = await getStorage();
  for (const k of keys) await storage.delete(k.storageKey);
});

describe("priors", () => {
  it("lists the patient's studies newest first, the current one marked; without identity access the current study alone", async () => {
    const list = await listPriorsOrThrow(ids.current, true);
    expect(list.linked).toBe(true);
    expect(list.studies.map((s) => [s.studyId, s.current, s.studyDate])).toEqual([
      [ids.current, true, "2026-03-01"],
      [ids.old, false, "2024-03-01"],
    ]);
    expect(list.studies[1]!.displayName).toBe("PR-OLD");
    const blind = await listPriorsOrThrow(ids.current, false);
    expect(blind).toMatchObject({ linked: false, studies: [{ studyId: ids.current, current: true }] });
    expect(blind.studies[0]!.displayName).toMatch(/^[^P]/); // the pseudonym, never the patient ID
    await expect(listPriorsOrThrow("no-such-study", true)).rejects.toMatchObject({ code: "not_found" });
  });

  it("compares with a prior: both lung fields, the prior's final kept boxes, audited; never across patients", async () => {
    const reader = readerOf(await makeUser("radiologist"));
    const saved = await saveReview(reader, ids.old, {
      version: 0,
      operations: [
        { op: "add", box: [20, 30, 50, 60], className: "Nodule/Mass" },
        { op: "add", box: [70, 70, 90, 90], className: "ILD" },
      ],
    });
    const ild = saved.review.labels.find((l) => l.className === "ILD")!;
    const v = (await saveReview(reader, ids.old, { version: saved.review.version, operations: [{ op: "delete", labelId: ild.id }] })).review
      .version;
    await signOffReview(reader, ids.old, { version: v, impression: "abnormal" });
    expect((await listPriorsOrThrow(ids.current, true)).studies[1]!.finalRead).toMatchObject({ purpose: "primary" });

    const admin = await makeUser("admin");
    const c = await loadPriorComparisonOrThrow(admin, ids.current, ids.old, true);
    expect(c.prior.boxes.map((b) => [b.className, b.box])).toEqual([["Nodule/Mass", [20, 30, 50, 60]]]); // the deleted box is not final
    expect(c.prior).toMatchObject({ studyId: ids.old, displayName: "PR-OLD", studyDate: "2024-03-01", finalRead: { purpose: "primary" } });
    for (const film of [c.current, c.prior]) {
      const [x1, y1, x2, y2] = film.lungBox;
      expect(x1).toBeGreaterThan(0); // the synthetic lungs, not the whole 128 px film
      expect(x2 - x1).toBeLessThan(128);
      expect(y2 - y1).toBeLessThan(128);
      expect(y1).toBeGreaterThan(0);
    }
    expect(await db.auditEvent.count({ where: { action: "study.viewed", targetId: ids.old, actorId: admin.id } })).toBe(1);
    await expect(loadPriorComparisonOrThrow(admin, ids.current, ids.other, true)).rejects.toMatchObject({ code: "not_found" });
    await expect(loadPriorComparisonOrThrow(admin, ids.current, ids.old, false)).rejects.toMatchObject({ code: "not_found" });
  });
});
