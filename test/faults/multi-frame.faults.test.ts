// Multi-frame DICOM through the production server: a valid 3-frame DX is stored and predicted frame by frame; a file
// whose header claims more frames than it carries, a multi-frame cine and one over MAX_FRAMES_PER_IMAGE are refused
// with a 4xx naming the reason, on upload and on /predict alike, and nothing of them is stored.
import { afterAll, beforeAll, expect, test } from "vitest";

import { makeMultiFrameDicom, syntheticFrames } from "@/lib/dicom/testing/make-multi-frame";
import { generateUid } from "@/lib/dicom/write-secondary-capture";
import { recordFigure } from "./support/figures";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "./support/prod-server";
import { signIn, type Session } from "./support/session";

const MAX_FRAMES = 8;
let server: ProdServer;
let session: Session;
let token: string;
beforeAll(async () => {
  server = await startProdServer({ env: { MAX_FRAMES_PER_IMAGE: String(MAX_FRAMES) } });
  // The token first: making it takes seconds, longer than the server keeps an idle keep-alive connection open, and
  // fetch would reuse the sign-in's closed connection (EPIPE).
  token = server.token(["studies:write", "predict", "read"]);
  session = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
});
afterAll(async () => server?.stop());

const fresh = (frames: number) =>
  makeMultiFrameDicom({ frames: syntheticFrames(frames), uids: { study: generateUid(), series: generateUid(), instance: generateUid() } });

// Edits the header in place: (tag, VR, old value) → new value of the same length.
function patch(bytes: Uint8Array, tag: [number, number, number, number], vr: string, from: string, to: string): Uint8Array {
  const needle = Buffer.from([...tag, ...Buffer.from(vr), from.length, 0, ...Buffer.from(from)]);
  const at = Buffer.from(bytes).indexOf(needle);
  if (at < 0) throw new Error(`fixture has no ${vr} "${from}"`);
  bytes.set(Buffer.from(to), at + 8);
  return bytes;
}

async function post(path: string, field: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append(field, new Blob([Buffer.from(bytes)], { type: "application/dicom" }), "file.dcm");
  const res = await fetch(`${server.url}${path}`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

test("a valid 3-frame DX is stored with its frames and predicted frame by frame", async () => {
  const bytes = fresh(3);
  const up = await post("/api/v1/studies", "files", bytes);
  expect(up.status).toBe(201);
  const studyId = (up.body.results as { studyId: string }[])[0]!.studyId;
  const study = (await (await session.fetch(`/api/v1/studies/${studyId}`)).json()) as { instances: { frames: number }[] };
  expect(study.instances.map((i) => i.frames)).toEqual([3]);
  await expect
    .poll(async () => ((await (await session.fetch(`/api/v1/studies/${studyId}`)).json()) as { study: { status: string } }).study.status, {
      timeout: 60_000,
    })
    .toBe("predicted");
  const predicted = await post("/predict", "file", bytes);
  expect(predicted.status).toBe(200);
  expect(predicted.body.image).toMatchObject({ frames: 3 });
});

test("bad multi-frame files get a clear 4xx on upload and /predict, and nothing is stored", async () => {
  const before = ((await (await session.fetch("/api/v1/studies")).json()) as { total: number }).total;
  const cases: { name: string; bytes: () => Uint8Array; status: number; code: string; reason: RegExp }[] = [
    {
      name: "header claims 4 frames, data holds 3",
      bytes: () => patch(fresh(3), [0x28, 0x00, 0x08, 0x00], "IS", "3 ", "4 "),
      status: 422,
      code: "unprocessable",
      reason: /truncated/,
    },
    {
      name: "multi-frame XA cine",
      bytes: () => patch(fresh(2), [0x08, 0x00, 0x60, 0x00], "CS", "DX", "XA"),
      status: 422,
      code: "unsupported",
      reason: /Multi-frame XA.*only DX and CR/,
    },
    {
      name: `${MAX_FRAMES + 1} frames`,
      bytes: () => fresh(MAX_FRAMES + 1),
      status: 413,
      code: "payload_too_large",
      reason: new RegExp(`${MAX_FRAMES + 1} frames; at most ${MAX_FRAMES}`),
    },
  ];
  let clear = 0;
  for (const c of cases) {
    const up = await post("/api/v1/studies", "files", c.bytes());
    expect(up.status, c.name).toBe(c.status);
    expect((up.body.results as { status: string; error: { code: string; message: string } }[])[0], c.name).toMatchObject({
      status: "rejected",
      error: { code: c.code, message: expect.stringMatching(c.reason) },
    });
    const predicted = await post("/predict", "file", c.bytes());
    expect(predicted.status, `/predict: ${c.name}`).toBe(c.status);
    expect(JSON.stringify(predicted.body), `/predict: ${c.name}`).toMatch(c.reason);
    clear += 2;
  }
  const after = ((await (await session.fetch("/api/v1/studies")).json()) as { total: number }).total;
  expect(after).toBe(before);
  recordFigure({
    scenario: "bad multi-frame DICOM",
    figure: "clear 4xx (upload + /predict)",
    value: `${clear}/${cases.length * 2}`,
    target: "100 %",
  });
  recordFigure({ scenario: "bad multi-frame DICOM", figure: "studies stored", value: after - before, target: "0" });
});
