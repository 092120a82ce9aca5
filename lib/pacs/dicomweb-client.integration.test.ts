// The DICOMweb client and "Test connection" against a real Orthanc (Debian's orthanc + orthanc-dicomweb): search by
// each filter, retrieve a study with several instances in several transfer syntaxes as stored, wrong credentials,
// PACS down. No mock of the PACS.
import fs from "node:fs";
import dicomParser from "dicom-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { env } from "@/lib/env";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { createDicomWebClient } from "@/lib/pacs/dicomweb-client";
import { createPacsConnection, updatePacsConnection } from "@/lib/pacs/manage-connections";
import { parseStudy, studySearchParams } from "@/lib/pacs/qido";
import { testPacsConnection } from "@/lib/pacs/test-connection";
import { makePacsStudy, TRANSFER_SYNTAX, type FixtureStudy } from "@/lib/pacs/testing/pacs-fixtures";
import { dcmtkAvailable, ORTHANC_MISSING, orthancAvailable, startOrthanc, type Orthanc } from "@/lib/pacs/testing/orthanc";
import { generateUid } from "@/lib/dicom/write-secondary-capture";

const available = orthancAvailable() && dcmtkAvailable();
if (!available && env.CI) throw new Error(`${ORTHANC_MISSING}; DCMTK too (apt-get install -y dcmtk)`);
if (!available) console.warn(`SKIPPED: ${ORTHANC_MISSING}; DCMTK too`);
const J2K = "../shared/data/dicom/pydicom-data/RG1_J2KI.dcm";

describe.skipIf(!available)("DICOMweb client against Orthanc", () => {
  let orthanc: Orthanc;
  let a: FixtureStudy;
  let b: FixtureStudy;
  const target = (password = "s3cret") => ({ dicomwebUrl: orthanc.dicomWebUrl, authType: "basic", username: "reader", secret: password });
  const uidsOf = async (params: Record<string, string>) =>
    (await createDicomWebClient(target()).searchStudies(studySearchParams({ limit: 50, ...params })))
      .map(parseStudy)
      .map((s) => s!.studyInstanceUid)
      .sort();

  beforeAll(async () => {
    orthanc = await startOrthanc({ users: { reader: "s3cret" } });
    a = makePacsStudy({
      patientId: "PQ-A",
      accessionNumber: "ACC-A",
      studyDate: "20250301",
      modality: "DX",
      encodings: ["explicit", "rle", "jpegls"],
    });
    b = makePacsStudy({ patientId: "PQ-B", accessionNumber: "ACC-B", studyDate: "20250310", modality: "CR" });
    for (const f of [...a.files, ...b.files]) await orthanc.upload(f);
  });
  afterAll(async () => orthanc?.stop());

  test("QIDO-RS: patient ID, accession, date range and modality each narrow the search", async () => {
    expect(await uidsOf({})).toEqual([a.studyInstanceUid, b.studyInstanceUid].sort());
    expect(await uidsOf({ patientId: "PQ-A" })).toEqual([a.studyInstanceUid]);
    expect(await uidsOf({ accessionNumber: "ACC-B" })).toEqual([b.studyInstanceUid]);
    expect(await uidsOf({ dateFrom: "2025-03-05", dateTo: "2025-03-31" })).toEqual([b.studyInstanceUid]);
    expect(await uidsOf({ dateTo: "2025-03-01" })).toEqual([a.studyInstanceUid]);
    expect(await uidsOf({ modality: "CR" })).toEqual([b.studyInstanceUid]);
    expect(await uidsOf({ modality: "MR" })).toEqual([]);
    const [study] = (await createDicomWebClient(target()).searchStudies(studySearchParams({ limit: 5, patientId: "PQ-A" }))).map(
      parseStudy,
    );
    expect(study).toMatchObject({
      patientId: "PQ-A",
      accessionNumber: "ACC-A",
      studyDate: "2025-03-01",
      studyTime: "10:15:00",
      modalities: ["DX"],
      instances: 3,
    });
  });

  test("WADO-RS: a whole study with three transfer syntaxes comes back as stored", async () => {
    const parts = await createDicomWebClient(target()).retrieveStudy(a.studyInstanceUid);
    expect(parts).toHaveLength(3);
    const syntaxes = parts.map((p) => dicomParser.parseDicom(p).string("x00020010")).sort();
    expect(syntaxes).toEqual(Object.values(TRANSFER_SYNTAX).sort());
    const sent = new Set(a.files.map((f) => Buffer.from(f).toString("base64")));
    for (const p of parts) expect(sent.has(Buffer.from(p).toString("base64"))).toBe(true);
  });

  test.skipIf(!fs.existsSync(J2K))("WADO-RS: a JPEG 2000 chest radiograph is not transcoded (Orthanc 1.10 cannot)", async () => {
    const uploaded = await orthanc.upload(new Uint8Array(fs.readFileSync(J2K)));
    const tags = await orthanc.rest<{ MainDicomTags: { StudyInstanceUID: string } }>(`/studies/${uploaded.ParentStudy}`);
    const [part] = await createDicomWebClient(target()).retrieveStudy(tags.MainDicomTags.StudyInstanceUID);
    expect(dicomParser.parseDicom(part!).string("x00020010")).toBe("1.2.840.10008.1.2.4.91");
  });

  test("an unknown study is 404 from the PACS, a permanent error", async () => {
    await expect(createDicomWebClient(target()).retrieveStudy(generateUid())).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("404 from the PACS"),
    });
  });

  test("wrong credentials: a permanent, clearly worded error", async () => {
    await expect(createDicomWebClient(target("wrong")).searchStudies({})).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringContaining("401 from the PACS"),
    });
    await expect(createDicomWebClient(target("wrong")).retrieveStudy(a.studyInstanceUid)).rejects.toMatchObject({ code: "unprocessable" });
  });

  test("Test connection: QIDO-RS and C-ECHO pass; a wrong password and a wrong DICOM port are reported, not thrown", async () => {
    const c = await createPacsConnection(SYSTEM_ACTOR, {
      ...{
        name: `orthanc-${generateUid().slice(-8)}`,
        dicomwebUrl: orthanc.dicomWebUrl,
        authType: "basic",
        username: "reader",
        secret: "s3cret",
      },
      ...{
        aeTitle: orthanc.aeTitle,
        host: "127.0.0.1",
        port: orthanc.dicomPort,
        modalities: ["CR", "DX"],
        autoPull: false,
        pushResults: false,
        pushProtocol: "stow",
        enabled: true,
      },
    });
    const ok = await testPacsConnection(SYSTEM_ACTOR, c.id);
    expect(ok).toMatchObject({ ok: true, dicomweb: { ok: true }, echo: { ok: true, message: expect.stringContaining("C-ECHO") } });
    await updatePacsConnection(SYSTEM_ACTOR, c.id, { secret: "wrong", port: 1 });
    const bad = await testPacsConnection(SYSTEM_ACTOR, c.id);
    expect(bad.ok).toBe(false);
    expect(bad.dicomweb).toMatchObject({ ok: false, message: expect.stringContaining("401 from the PACS") });
    expect(bad.echo).toMatchObject({ ok: false, message: expect.stringContaining("did not answer") });
  });

  test("PACS down: unavailable (transient), for search and retrieve", async () => {
    await orthanc.kill();
    try {
      await expect(createDicomWebClient(target()).searchStudies({})).rejects.toMatchObject({ code: "unavailable" });
      await expect(createDicomWebClient(target()).retrieveStudy(a.studyInstanceUid)).rejects.toMatchObject({ code: "unavailable" });
    } finally {
      await orthanc.start();
    }
  });
});
