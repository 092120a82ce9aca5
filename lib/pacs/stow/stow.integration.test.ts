import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { drainJobs } from "@/lib/jobs/testing/run-queued-jobs";
import { PREDICT_STUDY } from "@/lib/predictions/predict-study-job";
import { createToken } from "@/lib/tokens/manage-tokens";
import { multipartRelated, serveRoutes, type RouteServer } from "@/lib/pacs/testing/serve-route";
import { stowRoutes } from "@/test/fixtures/stow-routes";
import { registerTinyModel } from "@/test/fixtures/models";
import { makeChestPng, makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { makeUser } from "@/test/factories";

// The real STOW-RS route handlers (withAuth, the multipart parser, the shared ingest) served over HTTP.
type DicomJson = Record<string, { vr: string; Value?: Record<string, { Value?: unknown[] }>[] | string[] }>;
const seq = (body: DicomJson, tag: string) => (body[tag]?.Value ?? []) as Record<string, { Value?: unknown[] }>[];
const uidsIn = (items: Record<string, { Value?: unknown[] }>[]) => items.map((i) => i["00081155"]?.Value?.[0]);
const reasons = (items: Record<string, { Value?: unknown[] }>[]) => items.map((i) => i["00081197"]?.Value?.[0]);

describe("STOW-RS receive", () => {
  let app: RouteServer;
  let token: string;
  const stow = (path: string, parts: { type: string; bytes: Uint8Array }[], auth = `Bearer ${token}`) => {
    const { body, contentType } = multipartRelated(parts);
    return fetch(`${app.url}${path}`, {
      method: "POST",
      body,
      headers: { "content-type": contentType, accept: "application/dicom+json", authorization: auth },
    });
  };

  beforeAll(async () => {
    await registerTinyModel("stow-it");
    const user = await makeUser("radiologist");
    token = (await createToken({ id: user.id, email: user.email }, { name: "stow", scopes: ["studies:write"] })).token;
    app = await serveRoutes(stowRoutes);
  });
  afterAll(() => app?.close());

  it("stores the DICOM parts as one study with predictions; a non-DICOM part is a failed instance, not an error", async () => {
    const a = makeStudyDicom({ patientId: "P-STOW-1" });
    const b = makeStudyDicom({ patientId: "P-STOW-1", studyUid: a.uids.study, seriesUid: a.uids.series });
    const res = await stow("/dicomweb/studies", [
      { type: "application/dicom", bytes: a.bytes },
      { type: "text/plain", bytes: new TextEncoder().encode("not an image") },
      { type: "application/dicom", bytes: makeChestPng() }, // a PNG that says it is DICOM
      { type: "application/dicom", bytes: b.bytes },
    ]);
    expect(res.status).toBe(202);
    expect(res.headers.get("content-type")).toBe("application/dicom+json");
    const body = (await res.json()) as DicomJson;
    expect(uidsIn(seq(body, "00081199"))).toEqual([a.uids.instance, b.uids.instance]);
    expect(reasons(seq(body, "00081198"))).toEqual([0xc000, 0xc000]);
    const study = await db.study.findUniqueOrThrow({
      where: { studyInstanceUid: a.uids.study },
      include: { series: { include: { instances: true } } },
    });
    expect(body["00081190"]?.Value).toEqual([`${app.url}/api/v1/studies/${study.id}`]);
    const instanceUrl = seq(body, "00081199")[0]!["00081190"]?.Value?.[0] as string;
    expect(instanceUrl).toMatch(new RegExp(`^${app.url}/api/v1/instances/[^/]+/file$`));
    expect(study.series.flatMap((s) => s.instances)).toHaveLength(2);

    await drainJobs([PREDICT_STUDY]);
    expect((await db.study.findUniqueOrThrow({ where: { id: study.id } })).status).toBe("predicted");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "dicomweb.stow", targetId: study.id } });
    expect(audit.details).toMatchObject({ stored: 2, failed: 2 });
    expect(JSON.stringify(audit)).not.toContain("P-STOW-1");

    // Sent again: already held, reported as stored (200), nothing new.
    const again = await stow("/dicomweb/studies", [{ type: "application/dicom", bytes: a.bytes }]);
    expect(again.status).toBe(200);
    expect(await db.instance.count({ where: { sopInstanceUid: a.uids.instance } })).toBe(1);
  });

  it("into one study: an instance of another study fails with 0xA900 (409 when nothing was stored)", async () => {
    const target = makeStudyDicom();
    const other = makeStudyDicom();
    const res = await stow(`/dicomweb/studies/${target.uids.study}`, [{ type: "application/dicom", bytes: other.bytes }]);
    expect(res.status).toBe(409);
    const body = (await res.json()) as DicomJson;
    expect(reasons(seq(body, "00081198"))).toEqual([0xa900]);
    expect(uidsIn(seq(body, "00081198"))).toEqual([other.uids.instance]);
    expect(await db.instance.count({ where: { sopInstanceUid: other.uids.instance } })).toBe(0);
    const ok = await stow(`/dicomweb/studies/${target.uids.study}`, [{ type: "application/dicom", bytes: target.bytes }]);
    expect(ok.status).toBe(200);
  });

  it("authenticates a token as Bearer or as the Basic password, and refuses the rest with 401/403", async () => {
    const one = () => [{ type: "application/dicom", bytes: makeStudyDicom().bytes }];
    // (No credentials at all falls through to the session check, which needs Next's request scope: see the faults suite.)
    expect((await stow("/dicomweb/studies", one(), "Bearer cxr_not-a-token")).status).toBe(401);
    expect((await stow("/dicomweb/studies", one(), `Basic ${Buffer.from(`orthanc:${token}`).toString("base64")}`)).status).toBe(200);
    const user = await makeUser("radiologist");
    const readOnly = (await createToken({ id: user.id, email: user.email }, { name: "read", scopes: ["read"] })).token;
    expect((await stow("/dicomweb/studies", one(), `Bearer ${readOnly}`)).status).toBe(403);
  });

  it("answers bad requests with a 4xx and a reason", async () => {
    const form = await fetch(`${app.url}/dicomweb/studies`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/dicom" },
      body: "x",
    });
    expect(form.status).toBe(415);
    const xml = await fetch(`${app.url}/dicomweb/studies`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": 'multipart/related; type="application/dicom+xml"; boundary=x' },
      body: "--x--",
    });
    expect(xml.status).toBe(415);
    const empty = await fetch(`${app.url}/dicomweb/studies`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": 'multipart/related; type="application/dicom"; boundary=x' },
      body: "--x--\r\n",
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/no parts/);
    const xmlOnly = await fetch(`${app.url}/dicomweb/studies`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        accept: "application/dicom+xml",
        "content-type": 'multipart/related; type="application/dicom"; boundary=x',
      },
      body: "--x--",
    });
    expect(xmlOnly.status).toBe(406);
    const badUid = await stow("/dicomweb/studies/not-a-uid", [{ type: "application/dicom", bytes: makeStudyDicom().bytes }]);
    expect(badUid.status).toBe(400);
  });
});
