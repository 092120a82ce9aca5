import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { bombDicom, bombPng } from "@/lib/dicom/testing/bombs";
import { latin1, parseForSplice, withValue } from "@/lib/dicom/testing/dicom-splice";
import { fuzzHeaders } from "@/lib/dicom/testing/fuzz-headers";
import { getStorage } from "@/lib/storage/get-storage";
import { ingestFile } from "@/lib/studies/ingest-file";
import { ingestFiles, ingestHttpStatus } from "@/lib/studies/ingest-files";
import { prepareInstance } from "@/lib/studies/prepare-instance";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

const actor = { id: null, email: "ingest-validation-test" };
const filesDir = () => path.join(inject("dataDir"), "files");
const countFiles = (dir = filesDir()): number =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0)
    : 0;
const file = (name: string, bytes: Uint8Array) => ({ name, type: "application/dicom", bytes });

describe("ingest: validation, conflicts and interrupted uploads", () => {
  it("refuses the same SOP Instance UID with other bytes as a conflict naming both, stores nothing, audits it", async () => {
    const { bytes, uids } = makeStudyDicom({ patientId: "P-CONFLICT" });
    const first = await ingestFile(actor, "a.dcm", bytes);
    expect(first.status).toBe("stored");
    const f = parseForSplice(bytes)!;
    const other = withValue(f, f.ds.elements.x00081030!, latin1("Chest AP, other content"));
    const filesBefore = countFiles();

    const second = await ingestFile(actor, "b.dcm", other);
    const series = await db.series.findUniqueOrThrow({ where: { seriesInstanceUid: uids.series } });
    expect(second).toMatchObject({
      fileName: "b.dcm",
      status: "rejected",
      studyId: first.studyId,
      instanceId: first.instanceId,
      error: { code: "conflict" },
    });
    expect(second.error!.message).toContain(
      `SOP Instance UID ${uids.instance} is already stored with different content (study ${first.studyId}, series ${series.seriesInstanceUid}`,
    );
    expect(second.error!.details).toMatchObject({
      stored: { studyId: first.studyId, seriesInstanceUid: uids.series },
      received: { fileName: "b.dcm" },
    });
    expect(ingestHttpStatus([second])).toBe(409);
    expect(countFiles()).toBe(filesBefore);
    expect(await db.instance.count({ where: { sopInstanceUid: uids.instance } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "study.instance_conflict", targetId: first.studyId } })).toBe(1);
    // the identical bytes are still a plain duplicate
    expect(await ingestFile(actor, "a-again.dcm", bytes)).toMatchObject({ status: "duplicate", instanceId: first.instanceId });
  });

  it("a multi-file request says per file what happened and answers 207 when some were refused", async () => {
    const good = makeStudyDicom();
    const bad = makeStudyDicom();
    const f = parseForSplice(bad.bytes)!;
    const broken = withValue(f, f.ds.elements.x00280004!, latin1("MONOCHROM\u00f21"));
    const results = await ingestFiles(actor, [file("good.dcm", good.bytes), file("broken.dcm", broken)]);
    expect(results.map((r) => [r.fileName, r.status, r.error?.code])).toEqual([
      ["good.dcm", "stored", undefined],
      ["broken.dcm", "rejected", "unprocessable"],
    ]);
    expect(results[1]!.error!.message).toBe(
      "Invalid DICOM: PhotometricInterpretation (0028,0004) contains the byte 0xF2, which CS does not allow.",
    );
    expect(ingestHttpStatus(results)).toBe(207);
    expect(await db.study.count({ where: { studyInstanceUid: bad.uids.study } })).toBe(0);
  });

  it("refuses fuzzed headers and decompression bombs without writing a row or a file", async () => {
    const seeds = [1, 2, 3].map((i) => ({ name: `study-${i}`, bytes: makeStudyDicom().bytes }));
    const mutants = fuzzHeaders(seeds, 60, 11);
    const studiesBefore = await db.study.count();
    const filesBefore = countFiles();
    const results = await ingestFiles(actor, [
      ...mutants.map((m) => file(m.name, m.bytes)),
      file("bomb.png", bombPng(20000, 20000)),
      file("bomb.dcm", bombDicom(65535, 65535)),
    ]);
    expect(results.filter((r) => r.status !== "rejected").map((r) => r.fileName)).toEqual([]);
    expect(results.at(-2)!.error).toMatchObject({ code: "payload_too_large", message: expect.stringContaining("20000×20000") });
    expect(results.at(-1)!.error).toMatchObject({ code: "payload_too_large", message: expect.stringContaining("65535×65535") });
    expect(new Set(results.map((r) => r.error!.code))).toEqual(
      new Set(
        ["unprocessable", "payload_too_large", "unsupported", "unsupported_media_type"].filter((c) =>
          results.some((r) => r.error!.code === c),
        ),
      ),
    );
    expect(await db.study.count()).toBe(studiesBefore);
    expect(countFiles()).toBe(filesBefore);
  });

  it("re-sending an interrupted upload completes it: a file written before the kill is reused, stored files are duplicates", async () => {
    const a = makeStudyDicom();
    const b = makeStudyDicom();
    // the kill came after b's file was written but before its rows: the file is there, nothing points at it
    const prepared = await prepareInstance(b.bytes, { maxBytes: 1e8, maxPixels: 36e6 });
    const key = `instances/${prepared.sha256.slice(0, 2)}/${prepared.sha256}.dcm`;
    await (await getStorage()).put(key, prepared.bytes, "application/dicom");
    expect((await ingestFile(actor, "a.dcm", a.bytes)).status).toBe("stored"); // a had completed before the kill
    const filesBefore = countFiles();

    const resent = await ingestFiles(actor, [file("a.dcm", a.bytes), file("b.dcm", b.bytes)]);
    expect(resent.map((r) => r.status)).toEqual(["duplicate", "stored"]);
    expect(ingestHttpStatus(resent)).toBe(201);
    expect(countFiles()).toBe(filesBefore); // b's file reused under its content address, not written twice
    const inst = await db.instance.findUniqueOrThrow({ where: { sopInstanceUid: b.uids.instance } });
    expect(inst.storageKey).toBe(key);
    const jobs = await db.job.findMany({ where: { type: "predict.study" }, select: { payload: true } });
    expect(jobs.some((j) => JSON.stringify(j.payload).includes(resent[1]!.studyId!))).toBe(true); // its prediction job came with the rows
  });
});
