import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage/get-storage";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

export type FixtureLabel = { className: string; box: [number, number, number, number]; rejected?: boolean; deleted?: boolean };
export type FixtureStudy = { studyId: string; instanceId: string; patientId: string; studyUid: string; instanceUid: string };

const DX = "1.2.840.10008.5.1.4.1.1.1.1";

// Reviewed studies made fast: one tiny synthetic DICOM per study in storage and the rows written directly
// (createMany), so a 1,000-study export test needs seconds, not an ingest and predict run per study.
export async function makeReviewedStudies(
  n: number,
  o: {
    readerId: string;
    patients: number;
    size?: number;
    tag?: string;
    signedOffAt?: (i: number) => Date;
    labels: (i: number) => FixtureLabel[];
    modelVersionId?: string | null;
  },
) {
  const size = o.size ?? 16;
  const tag = o.tag ?? randomUUID().slice(0, 8);
  const storage = await getStorage();
  const studies: FixtureStudy[] = [];
  const rows = { study: [] as object[], series: [] as object[], instance: [] as object[], review: [] as object[], label: [] as object[] };
  for (let i = 0; i < n; i++) {
    const patientId = `EXPPAT-${tag}-${i % o.patients}`;
    const { bytes, uids } = makeStudyDicom({ size, patientId, accessionNumber: `ACC${i}` });
    const [studyId, seriesId, instanceId, reviewId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const storageKey = `instances/export-fixture/${tag}-${i}.dcm`;
    await storage.put(storageKey, bytes, "application/dicom");
    rows.study.push({
      id: studyId,
      studyInstanceUid: uids.study,
      pseudonym: `X-${tag}-${i}`,
      patientId,
      patientName: "Synthetic^Patient",
      modality: "DX",
      status: "signed_off",
    });
    rows.series.push({ id: seriesId, studyId, seriesInstanceUid: uids.series, modality: "DX" });
    rows.instance.push({
      id: instanceId,
      seriesId,
      sopInstanceUid: uids.instance,
      sopClassUid: DX,
      source: "dicom",
      transferSyntaxUid: "1.2.840.10008.1.2.1",
      storageKey,
      sha256: `fixture-${tag}-${i}`,
      sizeBytes: bytes.length,
      rows: size,
      columns: size,
      bitsAllocated: 16,
      bitsStored: 12,
      photometric: "MONOCHROME2",
      windowCenter: 1800,
      windowWidth: 3000,
      tags: {},
    });
    const at = o.signedOffAt?.(i) ?? new Date();
    rows.review.push({
      id: reviewId,
      studyId,
      readerId: o.readerId,
      role: "radiologist",
      purpose: "primary",
      status: "signed_off",
      impression: "abnormal",
      modelVersionId: o.modelVersionId ?? null,
      signedOffAt: at,
    });
    for (const l of o.labels(i))
      rows.label.push({
        reviewId,
        instanceId,
        source: "reader_added",
        className: l.className,
        x1: l.box[0],
        y1: l.box[1],
        x2: l.box[2],
        y2: l.box[3],
        rejected: l.rejected ?? false,
        deleted: l.deleted ?? false,
      });
    studies.push({ studyId, instanceId, patientId, studyUid: uids.study, instanceUid: uids.instance });
  }
  await db.study.createMany({ data: rows.study as never });
  await db.series.createMany({ data: rows.series as never });
  await db.instance.createMany({ data: rows.instance as never });
  await db.review.createMany({ data: rows.review as never });
  if (rows.label.length) await db.label.createMany({ data: rows.label as never });
  return { tag, studies };
}

// Leaves the shared run database and storage as found (other files count stored files).
export async function removeReviewedStudies(f: { studies: FixtureStudy[] }) {
  const storage = await getStorage();
  const instances = await db.instance.findMany({ where: { id: { in: f.studies.map((s) => s.instanceId) } }, select: { storageKey: true } });
  await db.study.deleteMany({ where: { id: { in: f.studies.map((s) => s.studyId) } } });
  for (const i of instances) await storage.delete(i.storageKey);
}

export async function removeExports(ids: string[]) {
  const storage = await getStorage();
  for (const e of await db.export.findMany({ where: { id: { in: ids } } })) {
    if (e.storageKey) await storage.delete(e.storageKey);
    if (e.jobId) await db.job.deleteMany({ where: { id: e.jobId } });
  }
  await db.export.deleteMany({ where: { id: { in: ids } } });
}
