// Studies arriving through the production server: DCMTK's storescu / echoscu against the DICOM node it starts
// (DICOM_PORT on a free port), STOW-RS bad input, the web process killed in the middle of a C-STORE association, and
// a DICOM port already taken. Prints the C-STORE throughput figure (100 instances from storescu).
import http from "node:http";
import net from "node:net";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { runDcmtk, storeStatuses, writeStudyFiles, type StudyOnDisk } from "@/lib/pacs/testing/dcmtk";
import { multipartRelated } from "@/lib/pacs/testing/serve-route";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { recordFigure } from "./support/figures";
import { freePort } from "./support/free-port";
import { startProdServer, type ProdServer } from "./support/prod-server";

const AE = "CXR_FAULTS";
let server: ProdServer;
let dicomPort: number;
let sqlite: Database.Database;
const storescu = (files: string[], aet = "MODALITY1", onOutput?: (soFar: string) => void) =>
  runDcmtk("storescu", ["-v", "-aet", aet, "-aec", AE, "127.0.0.1", String(dicomPort), ...files], 300_000, onOutput);
const count = (sql: string, ...args: unknown[]) => (sqlite.prepare(sql).get(...args) as { n: number }).n;
const instancesOf = (studyUid: string) =>
  count(
    'SELECT COUNT(*) AS n FROM "Instance" i JOIN "Series" s ON s.id = i."seriesId" JOIN "Study" st ON st.id = s."studyId" WHERE st."studyInstanceUid" = ?',
    studyUid,
  );
const predictedOf = (studyUid: string) =>
  count(
    'SELECT COUNT(DISTINCT p."instanceId") AS n FROM "Prediction" p JOIN "Instance" i ON i.id = p."instanceId" JOIN "Series" s ON s.id = i."seriesId" JOIN "Study" st ON st.id = s."studyId" WHERE st."studyInstanceUid" = ?',
    studyUid,
  );
const healthOnNewConnection = (url: string) =>
  new Promise<number>((resolve, reject) =>
    http.get(`${url}/api/health`, { agent: false }, (r) => (r.resume(), resolve(r.statusCode ?? 0))).on("error", reject),
  );
async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  dicomPort = await freePort();
  server = await startProdServer({ env: { DICOM_ENABLED: "true", DICOM_PORT: String(dicomPort), DICOM_AE_TITLE: AE, MAX_UPLOAD_MB: "2" } });
  sqlite = new Database(server.databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
});
afterAll(async () => {
  sqlite?.close();
  await server?.stop();
});

describe("DICOM node in the production server", () => {
  test("echoscu gets Success and readiness reports the node", async () => {
    const echo = await runDcmtk("echoscu", ["-v", "-aet", "MODALITY1", "-aec", AE, "127.0.0.1", String(dicomPort)]);
    expect(echo.output).toContain("Received Echo Response (Success)");
    const ready = (await (await fetch(`${server.url}/api/ready`)).json()) as { checks: Record<string, { ok: boolean; detail?: string }> };
    expect(ready.checks.dicomNode).toEqual({ ok: true, detail: `${AE} on port ${dicomPort}` });
  });

  test("100 instances from storescu: each stored once, one study on the worklist, every instance predicted", async () => {
    const study = writeStudyFiles(100, { size: 512, patientId: "P-FAULTS-100" });
    try {
      const t0 = performance.now();
      const r = await storescu(study.files);
      const seconds = (performance.now() - t0) / 1000;
      const statuses = storeStatuses(r.output);
      expect(statuses).toHaveLength(100);
      expect(statuses.every((s) => s === "Success")).toBe(true);
      recordFigure({
        scenario: "C-STORE 100 × 512² 16-bit from storescu",
        figure: "instances/s (acknowledged = stored)",
        value: (100 / seconds).toFixed(1),
      });
      expect(instancesOf(study.studyUid)).toBe(100);
      expect(count('SELECT COUNT(*) AS n FROM "Study" WHERE "studyInstanceUid" = ?', study.studyUid)).toBe(1);

      const token = server.token(["read"]);
      const list = await fetch(`${server.url}/api/v1/studies?q=P-FAULTS-100`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await list.json()) as { items: { instanceCount: number }[] }).items).toEqual([
        expect.objectContaining({ instanceCount: 100 }),
      ]);
      const t1 = Date.now();
      await until(() => predictedOf(study.studyUid) === 100, 240_000);
      recordFigure({
        scenario: "C-STORE 100 × 512² 16-bit from storescu",
        figure: "last C-STORE to all 100 predicted (s)",
        value: ((Date.now() - t1) / 1000).toFixed(1),
      });
    } finally {
      study.remove();
    }
  });

  test("web process killed mid-association: every acknowledged instance survives, a resend completes the study once", async () => {
    const study: StudyOnDisk = writeStudyFiles(60, { size: 512 });
    try {
      // Killed right after the 10th Success reaches the sender. (The database is not polled meanwhile: SQLite in
      // rollback-journal mode makes a polling reader stall the server's writes.)
      // The test's own read connection is closed across the kill: a connection held open over a crashed WAL writer
      // kept the restart's migration from getting the database (SQLITE_BUSY).
      sqlite.close();
      let killing: Promise<void> | undefined;
      const sending = storescu(study.files, "MODALITY2", (soFar) => {
        if (!killing && storeStatuses(soFar).length >= 10) killing = server.kill9();
      });
      const cut = await sending;
      await killing;
      const acknowledged = storeStatuses(cut.output).filter((s) => s === "Success").length;
      expect(acknowledged).toBeGreaterThan(0);
      expect(acknowledged).toBeLessThan(60);
      await server.restart();
      sqlite = new Database(server.databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
      // Success was only sent after the rows committed: all acknowledged instances are there (maybe one more that was
      // stored but whose answer never left), and no half-written instance is.
      const kept = instancesOf(study.studyUid);
      expect(kept).toBeGreaterThanOrEqual(acknowledged);
      expect(kept).toBeLessThanOrEqual(acknowledged + 1);
      recordFigure({
        scenario: "kill -9 during C-STORE of 60",
        figure: "acknowledged before kill / stored after restart",
        value: `${acknowledged} / ${kept}`,
      });

      const resend = await storescu(study.files, "MODALITY2");
      expect(storeStatuses(resend.output).filter((s) => s === "Success")).toHaveLength(60);
      expect(instancesOf(study.studyUid)).toBe(60);
      expect(count('SELECT COUNT(*) AS n FROM "Study" WHERE "studyInstanceUid" = ?', study.studyUid)).toBe(1);
    } finally {
      study.remove();
    }
  });
});

describe("STOW-RS in the production server", () => {
  const post = (body: BodyInit, contentType: string, auth?: string) =>
    fetch(`${server.url}/dicomweb/studies`, {
      method: "POST",
      body,
      headers: { "content-type": contentType, ...(auth ? { authorization: auth } : {}) },
    });

  test("no credentials: 401; a non-DICOM part: a failed instance (202); too large: 413; malformed: 400; the server keeps serving", async () => {
    const token = server.token(["studies:write"]);
    const good = makeStudyDicom();
    const ok = multipartRelated([{ type: "application/dicom", bytes: good.bytes }]);
    expect((await post(ok.body, ok.contentType)).status).toBe(401);

    const mixed = multipartRelated([
      { type: "application/dicom", bytes: good.bytes },
      { type: "application/dicom", bytes: new TextEncoder().encode("%PDF-1.7 not dicom") },
    ]);
    const res = await post(mixed.body, mixed.contentType, `Bearer ${token}`);
    expect(res.status).toBe(202);
    const body = (await res.json()) as Record<string, { Value?: Record<string, { Value?: unknown[] }>[] }>;
    expect(body["00081198"]?.Value?.[0]?.["00081197"]?.Value).toEqual([0xc000]);
    expect(instancesOf(good.uids.study)).toBe(1);

    const broken = await post(
      "--b\r\nContent-Type: application/dicom\r\n",
      'multipart/related; type="application/dicom"; boundary=b',
      `Bearer ${token}`,
    );
    expect(broken.status).toBe(400);

    const big = multipartRelated([{ type: "application/dicom", bytes: new Uint8Array(3e6) }]);
    const tooLarge = await post(big.body, big.contentType, `Bearer ${token}`);
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: { message: string } }).error.message).toMatch(/larger than 2 MB/);
    // The process still serves (on a fresh connection: the sender's may be reset, the part's last bytes never read).
    expect(await healthOnNewConnection(server.url)).toBe(200);
  });
});

test("DICOM port already taken: the web process serves, readiness says why", async () => {
  const blocker = net.createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => blocker.listen(port, "0.0.0.0", resolve));
  const other = await startProdServer({ env: { DICOM_ENABLED: "true", DICOM_PORT: String(port) } });
  try {
    const ready = await fetch(`${other.url}/api/ready`);
    expect(ready.status).toBe(503);
    const checks = ((await ready.json()) as { checks: Record<string, { ok: boolean; detail?: string }> }).checks;
    expect(checks.dicomNode).toMatchObject({ ok: false, detail: expect.stringContaining(`DICOM port ${port} unavailable`) });
    expect((await fetch(`${other.url}/api/health`)).status).toBe(200);
  } finally {
    await other.stop();
    blocker.close();
  }
});
