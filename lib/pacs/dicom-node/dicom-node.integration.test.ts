import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { generateUid } from "@/lib/dicom/write-secondary-capture";
import { writePart10 } from "@/lib/dicom/testing/dicom-writer";
import { drainJobs } from "@/lib/jobs/testing/run-queued-jobs";
import { PREDICT_STUDY } from "@/lib/predictions/predict-study-job";
import { listWorklist } from "@/lib/studies/list-worklist";
import { listStudiesQuerySchema } from "@/lib/schemas/study";
import { startDicomNode, type DicomNode } from "@/lib/pacs/dicom-node/start-dicom-node";
import { dcmtkAvailable } from "@/lib/pacs/testing/orthanc";
import { runDcmtk, storeStatuses, writeStudyFiles } from "@/lib/pacs/testing/dcmtk";
import { registerTinyModel } from "@/test/fixtures/models";
import { env } from "@/lib/env";

// The app's C-STORE SCP in-process on a free port against the test database; DCMTK's storescu / echoscu as the modality.
const run = dcmtkAvailable() || env.CI ? describe : describe.skip;
const AE = "CXR_IT";
const node = (allowedAets: string[] = []) =>
  startDicomNode({ port: 0, aeTitle: AE, allowedAets, timeoutSeconds: 30, maxInstanceBytes: 5e6 });
// The association's audit event is written when the connection closes, just after the sender has exited.
const associationAudit = (callingAe: string, action: string, expected: Record<string, unknown>) =>
  vi.waitFor(async () => {
    const e = await db.auditEvent.findFirst({
      where: { action, actorEmail: { startsWith: `dicom:${callingAe}@` } },
      orderBy: { createdAt: "desc" },
    });
    expect(e?.details).toMatchObject(expected);
    return e!;
  });
const storescu = (n: DicomNode, files: string[], aet = "MODALITY1", called = AE) =>
  runDcmtk("storescu", ["-v", "-aet", aet, "-aec", called, "127.0.0.1", String(n.port), ...files]);

run("DICOM node (C-STORE / C-ECHO SCP)", () => {
  let scp: DicomNode;
  beforeAll(async () => {
    await registerTinyModel("dicom-node-it");
    scp = await node();
  });
  afterAll(() => scp?.close());

  it("answers C-ECHO from echoscu", async () => {
    const r = await runDcmtk("echoscu", ["-v", "-aet", "ECHOER", "-aec", AE, "127.0.0.1", String(scp.port)]);
    expect(r.output).toContain("Received Echo Response (Success)");
    expect(r.code).toBe(0);
  });

  it("stores an association's instances as one study, with predictions, on the worklist", async () => {
    const study = writeStudyFiles(3, { patientId: "P-SCP-1" });
    try {
      const r = await storescu(scp, study.files);
      expect(storeStatuses(r.output)).toEqual(["Success", "Success", "Success"]);
      const rows = await db.study.findMany({
        where: { studyInstanceUid: study.studyUid },
        include: { series: { include: { instances: true } } },
      });
      expect(rows).toHaveLength(1);
      const instances = rows[0]!.series.flatMap((s) => s.instances);
      expect(instances.map((i) => i.sopInstanceUid).sort()).toEqual([...study.instanceUids].sort());
      // Stored as sent: the file is the modality's data set behind a file meta group naming the sender.
      const stored = fs.readFileSync(path.join(env.DATA_DIR, "files", instances[0]!.storageKey));
      expect(stored.subarray(128, 132).toString("latin1")).toBe("DICM");
      expect(stored.includes(Buffer.from("MODALITY1"))).toBe(true);

      await drainJobs([PREDICT_STUDY]);
      const after = await db.study.findUniqueOrThrow({ where: { id: rows[0]!.id } });
      expect(after.status).toBe("predicted");
      expect(await db.prediction.count({ where: { instanceId: { in: instances.map((i) => i.id) } } })).toBeGreaterThanOrEqual(3);
      const worklist = await listWorklist(listStudiesQuerySchema.parse({ q: "P-SCP-1" }), true);
      expect(worklist.items).toEqual([expect.objectContaining({ id: rows[0]!.id, status: "predicted", instanceCount: 3 })]);

      const audit = await associationAudit("MODALITY1", "dicom.association", {
        callingAeTitle: "MODALITY1",
        stored: 3,
        failed: 0,
        studyIds: [rows[0]!.id],
      });
      expect(JSON.stringify(audit)).not.toContain("P-SCP-1");

      // The same instances again: already held, so success for the sender and nothing new stored.
      const again = await storescu(scp, study.files);
      expect(storeStatuses(again.output)).toEqual(["Success", "Success", "Success"]);
      expect(await db.instance.count({ where: { sopInstanceUid: { in: study.instanceUids } } })).toBe(3);
    } finally {
      study.remove();
    }
  });

  it("concurrent associations carrying one study end as one study", async () => {
    const study = writeStudyFiles(6);
    try {
      const runs = await Promise.all([0, 1, 2].map((i) => storescu(scp, study.files.slice(i * 2, i * 2 + 2), "MODALITY2")));
      expect(runs.flatMap((r) => storeStatuses(r.output))).toEqual(Array(6).fill("Success"));
      const rows = await db.study.findMany({
        where: { studyInstanceUid: study.studyUid },
        include: { series: { include: { _count: { select: { instances: true } } } } },
      });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.series.reduce((n, s) => n + s._count.instances, 0)).toBe(6);
    } finally {
      study.remove();
    }
  });

  it("refuses a corrupt instance with a failure status and its reason, and stores nothing", async () => {
    const dir = fs.mkdtempSync(path.join(env.DATA_DIR, "corrupt-"));
    const uid = generateUid();
    const file = path.join(dir, "corrupt.dcm");
    // A JPEG baseline data set whose compressed stream is garbage: the file reads, its pixels do not decode.
    const elements = [
      { tag: 0x00080016, vr: "UI" as const, value: "1.2.840.10008.5.1.4.1.1.1.1" },
      { tag: 0x00080018, vr: "UI" as const, value: uid },
      { tag: 0x0020000d, vr: "UI" as const, value: generateUid() },
      { tag: 0x0020000e, vr: "UI" as const, value: generateUid() },
      { tag: 0x00280002, vr: "US" as const, value: [1] },
      { tag: 0x00280004, vr: "CS" as const, value: "MONOCHROME2" },
      { tag: 0x00280010, vr: "US" as const, value: [64] },
      { tag: 0x00280011, vr: "US" as const, value: [64] },
      { tag: 0x00280100, vr: "US" as const, value: [8] },
      { tag: 0x00280101, vr: "US" as const, value: [8] },
      { tag: 0x00280102, vr: "US" as const, value: [7] },
      { tag: 0x00280103, vr: "US" as const, value: [0] },
      { tag: 0x7fe00010, vr: "OB" as const, value: { fragments: [Uint8Array.from({ length: 400 }, (_, i) => (i * 37) & 0xff)] } },
    ];
    fs.writeFileSync(file, writePart10(elements, "1.2.840.10008.1.2.4.50", "1.2.840.10008.5.1.4.1.1.1.1", uid));
    const r = await runDcmtk("storescu", ["-v", "-xy", "-aet", "CORRUPTER", "-aec", AE, "127.0.0.1", String(scp.port), file]); // -xy: send it as JPEG
    fs.rmSync(dir, { recursive: true, force: true });
    expect(storeStatuses(r.output)).toEqual(["Error: CannotUnderstand"]); // 0xC000
    expect(await db.instance.count({ where: { sopInstanceUid: uid } })).toBe(0);
    await associationAudit("CORRUPTER", "dicom.association", {
      stored: 0,
      failed: 1,
      failures: [{ status: "0xC000", reason: expect.stringContaining("could not be decoded") }],
    });
  });

  it("drops an instance over the size limit while it streams in and refuses it as out of resources (0xA700)", async () => {
    const small = await startDicomNode({ port: 0, aeTitle: AE, allowedAets: [], timeoutSeconds: 30, maxInstanceBytes: 20_000 });
    const study = writeStudyFiles(1, { size: 128 }); // 32 KB of pixels
    try {
      const r = await storescu(small, study.files, "BIGSENDER");
      expect(storeStatuses(r.output)).toEqual(["Refused: OutOfResources"]);
      expect(await db.study.count({ where: { studyInstanceUid: study.studyUid } })).toBe(0);
      await associationAudit("BIGSENDER", "dicom.association", {
        failed: 1,
        failures: [{ status: "0xA700", reason: "Instance larger than 0.02 MB" }],
      });
    } finally {
      study.remove();
      await small.close();
    }
  });

  it("rejects the association of a calling AE that is not allowed, and of a wrong called AE", async () => {
    const strict = await node(["PACS1"]);
    const study = writeStudyFiles(1);
    try {
      const refused = await storescu(strict, study.files, "INTRUDER");
      expect(refused.output).toMatch(/Association Rejected/i);
      expect(refused.output).toMatch(/Calling AE Title Not Recognized/i);
      const wrongCalled = await storescu(strict, study.files, "PACS1", "SOMEONE_ELSE");
      expect(wrongCalled.output).toMatch(/Called AE Title Not Recognized/i);
      expect(await db.study.count({ where: { studyInstanceUid: study.studyUid } })).toBe(0);
      await associationAudit("INTRUDER", "dicom.association_rejected", { reason: "calling_ae_not_allowed" });

      const allowed = await storescu(strict, study.files, "PACS1");
      expect(storeStatuses(allowed.output)).toEqual(["Success"]);
    } finally {
      study.remove();
      await strict.close();
    }
  });
});
