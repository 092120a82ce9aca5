import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { makeBrokenDicom } from "@/lib/dicom/testing/make-synthetic-dicom";
import { uniqueRaster } from "@/lib/dicom/testing/unique-raster";
import { ingestFile } from "@/lib/studies/ingest-file";
import { getStudyOrThrow, readInstanceFileOrThrow } from "@/lib/studies/get-study";
import { makeChestPng, makeStudyDicom } from "@/test/fixtures/synthetic-study";

const actor = { id: null, email: "ingest-test" };
const storedFiles = () => {
  const root = path.join(inject("dataDir"), "files", "instances");
  const out: string[] = [];
  const walk = (d: string) =>
    fs.existsSync(d) &&
    fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : out.push(e.name)));
  walk(root);
  return out;
};

describe("ingest", () => {
  it("stores a DICOM once with its study, series, instance and key tags; a second upload is a duplicate", async () => {
    const { bytes, uids } = makeStudyDicom({ patientId: "P-INGEST-1", accessionNumber: "A-1" });
    const first = await ingestFile(actor, "chest.dcm", bytes);
    expect(first).toMatchObject({ status: "stored", studyId: expect.any(String), instanceId: expect.any(String) });
    const again = await ingestFile(actor, "copy.dcm", bytes);
    expect(again).toEqual({ fileName: "copy.dcm", status: "duplicate", studyId: first.studyId, instanceId: first.instanceId });
    const study = await db.study.findUniqueOrThrow({ where: { studyInstanceUid: uids.study } });
    expect(study).toMatchObject({ patientId: "P-INGEST-1", accessionNumber: "A-1", modality: "DX", status: "new" });
    expect(study.pseudonym).toMatch(/^S-[0-9A-F]{12}$/);
    expect(await db.instance.count({ where: { sopInstanceUid: uids.instance } })).toBe(1);
    const detail = await getStudyOrThrow(actor, first.studyId!, true);
    expect(detail.instances[0]).toMatchObject({
      rows: 128,
      columns: 128,
      photometric: "MONOCHROME2",
      windowCenter: 1800,
      windowWidth: 3000,
    });
    expect(JSON.stringify(detail.instances[0]!.tags)).not.toContain("P-INGEST-1");
    expect(Buffer.from(await readInstanceFileOrThrow(first.instanceId!, true)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("wraps a PNG as a secondary capture study", async () => {
    const r = await ingestFile(actor, "chest.png", makeChestPng());
    expect(r.status).toBe("stored");
    const inst = await db.instance.findUniqueOrThrow({ where: { id: r.instanceId! } });
    expect(inst).toMatchObject({ source: "png", sopClassUid: "1.2.840.10008.5.1.4.1.1.7", rows: 96, columns: 96, bitsStored: 8 });
  });

  it("the same PNG uploaded twice is a duplicate the second time and makes one study", async () => {
    const png = makeChestPng(80);
    const studies = await db.study.count();
    const first = await ingestFile(actor, "same.png", png);
    expect(first.status).toBe("stored");
    const again = await ingestFile(actor, "same-again.png", png);
    expect(again).toEqual({ fileName: "same-again.png", status: "duplicate", studyId: first.studyId, instanceId: first.instanceId });
    expect(await db.study.count()).toBe(studies + 1);
  });

  it("two different PNG files make two studies (a copy with other bytes but the same pixels is another file)", async () => {
    const studies = await db.study.count();
    const a = await ingestFile(actor, "a.png", makeChestPng(88));
    const b = await ingestFile(actor, "b.png", makeChestPng(72));
    const sameImageOtherFile = await ingestFile(actor, "a-resaved.png", uniqueRaster(makeChestPng(88)));
    expect([a.status, b.status, sameImageOtherFile.status]).toEqual(["stored", "stored", "stored"]);
    expect(new Set([a.studyId, b.studyId, sameImageOtherFile.studyId]).size).toBe(3);
    expect(await db.study.count()).toBe(studies + 3);
  });

  it.each([
    ["not-dicom", "unsupported_media_type"],
    ["truncated", "unprocessable"],
    ["no-pixel-data", "unprocessable"],
    ["unsupported-ts", "unsupported"],
  ] as const)("rejects %s with %s and writes nothing", async (kind, code) => {
    const before = { files: storedFiles().length, instances: await db.instance.count(), studies: await db.study.count() };
    const r = await ingestFile(actor, `${kind}.dcm`, makeBrokenDicom(kind));
    expect(r).toMatchObject({ status: "rejected", error: { code } });
    expect(r.error!.message.length).toBeGreaterThan(5);
    expect({ files: storedFiles().length, instances: await db.instance.count(), studies: await db.study.count() }).toEqual(before);
  });

  it("rejects an empty file", async () => {
    expect(await ingestFile(actor, "empty.dcm", new Uint8Array())).toMatchObject({ status: "rejected", error: { code: "bad_request" } });
  });

  it("leaves no stored file without its instance row (no orphans)", async () => {
    const keys = new Set((await db.instance.findMany({ select: { storageKey: true } })).map((i) => path.basename(i.storageKey)));
    expect(storedFiles().filter((f) => !keys.has(f))).toEqual([]);
    expect(storedFiles().length).toBeGreaterThan(0);
  });
});
