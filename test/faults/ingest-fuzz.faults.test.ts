// Fuzzed DICOM headers through the production server: every mutant of a real or synthetic file (UIDs, VRs, enumerated
// values, lengths, LUTs, the tag stream) must get a clear 4xx with a reason, nothing may be stored, nothing may 500.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";

import { fuzzHeaders } from "@/lib/dicom/testing/fuzz-headers";
import { fuzzSeeds } from "@/lib/dicom/testing/fuzz-seeds";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { recordFigure } from "./support/figures";
import { pool, postFiles } from "./support/ingest-client";
import { startProdServer, type ProdServer } from "./support/prod-server";

const MUTANTS = 500;
let server: ProdServer;
beforeAll(async () => {
  server = await startProdServer();
});
afterAll(async () => server?.stop());

test(`${MUTANTS} fuzzed DICOM headers → 100 % clear 4xx, 0 stored, 0 5xx`, async () => {
  const { seeds, realFiles } = fuzzSeeds({
    maxBytes: 1_500_000,
    extra: [1, 2].map((i) => ({ name: `synthetic-study-${i}`, bytes: makeStudyDicom({ size: 256 }).bytes })),
  });
  const mutants = fuzzHeaders(seeds, MUTANTS, 2026);
  const token = server.token(["studies:write", "read"]);
  const statuses: Record<string, number> = {};
  const unclear: string[] = [];
  let stored = 0;
  const t0 = Date.now();
  await pool(mutants, 4, async (m) => {
    const { status, body } = await postFiles(server.url, "/api/v1/studies", token, [{ name: `${m.family}.dcm`, bytes: m.bytes }]);
    statuses[status] = (statuses[status] ?? 0) + 1;
    const r = body?.results?.[0];
    if (r?.status === "stored" || r?.status === "duplicate") stored++;
    const reason = r?.error?.message ?? body?.error?.message ?? "";
    if (status < 400 || status >= 500 || reason.length < 10) unclear.push(`${m.name} → ${status} ${reason}`);
  });
  const seconds = (Date.now() - t0) / 1000;
  const worklist = (await (await fetch(`${server.url}/api/v1/studies`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    total: number;
  };
  const filesDir = path.join(server.dataDir, "files", "instances");
  const filesOnDisk = fs.existsSync(filesDir)
    ? fs.readdirSync(filesDir, { recursive: true }).filter((f) => String(f).endsWith(".dcm")).length
    : 0;
  const clear4xx = mutants.length - unclear.length;
  const fiveXx = Object.entries(statuses)
    .filter(([s]) => Number(s) >= 500)
    .reduce((n, [, c]) => n + c, 0);

  console.log(
    `[ingest-fuzz] ${mutants.length} mutants of ${seeds.length} seed files (${realFiles} real) in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(statuses)}; stored ${stored}; studies ${worklist.total}; files ${filesOnDisk}`,
  );
  recordFigure({
    scenario: "fuzzed DICOM headers",
    figure: `mutants (seed files: ${seeds.length}, real ${realFiles})`,
    value: mutants.length,
  });
  recordFigure({
    scenario: "fuzzed DICOM headers",
    figure: "clear 4xx",
    value: `${((100 * clear4xx) / mutants.length).toFixed(1)} %`,
    target: "100 %",
  });
  recordFigure({
    scenario: "fuzzed DICOM headers",
    figure: "stored (results / studies / files)",
    value: `${stored} / ${worklist.total} / ${filesOnDisk}`,
    target: "0",
  });
  recordFigure({ scenario: "fuzzed DICOM headers", figure: "5xx", value: fiveXx, target: "0" });

  expect(unclear).toEqual([]);
  expect({ stored, studies: worklist.total, files: filesOnDisk, fiveXx }).toEqual({ stored: 0, studies: 0, files: 0, fiveXx: 0 });
  expect(mutants.length).toBe(MUTANTS);
  // the same server stores an unmutated file: the refusals are the mutations', not a server that refuses everything
  expect((await postFiles(server.url, "/api/v1/studies", token, [{ name: "valid.dcm", bytes: seeds.at(-1)!.bytes }])).status).toBe(201);
}, 300_000);
