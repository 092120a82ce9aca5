// The Orthanc test harness itself: a real PACS on free ports that stores what it is sent and answers QIDO-RS.
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { env } from "@/lib/env";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

import { ORTHANC_MISSING, orthancAvailable, startOrthanc, type Orthanc } from "./orthanc";

const available = orthancAvailable();
if (!available && env.CI) throw new Error(ORTHANC_MISSING);
if (!available) console.warn(`SKIPPED: ${ORTHANC_MISSING}`);

describe.skipIf(!available)("Orthanc test harness", () => {
  let orthanc: Orthanc;
  beforeAll(async () => {
    orthanc = await startOrthanc();
  });
  afterAll(async () => orthanc?.stop());

  test("stores an uploaded instance and finds its study over QIDO-RS", async () => {
    const stored = await orthanc.upload(makeStudyDicom().bytes);
    expect(stored.ParentStudy).toBeTruthy();
    const res = await fetch(`${orthanc.dicomWebUrl}/studies`, { headers: { accept: "application/dicom+json" } });
    expect(res.status).toBe(200);
    const studies = (await res.json()) as unknown[];
    expect(studies).toHaveLength(1);
  });
});
