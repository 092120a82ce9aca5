// The API contract, fuzzed: schemathesis generates requests from the served OpenAPI document (fixed seed, bounded
// examples per operation) against the production server, once with an admin's session cookie and once with an
// admin's API token, and fails on any 5xx, any undocumented status and any body that does not match its schema.
// Destructive operations (DELETE, PATCH of a user) are pinned to fixtures made for them, never the signed-in admin.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";

import { startOrthanc, type Orthanc } from "@/lib/pacs/testing/orthanc";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "@/test/faults/support/prod-server";
import { signIn, type Session } from "@/test/faults/support/session";
import { runSchemathesis, schemathesisBin, type FuzzRun } from "./support/schemathesis";

const SEED = 20261206;
const MAX_EXAMPLES = Number(process.env.CONTRACT_MAX_EXAMPLES ?? 12);
const ALL_SCOPES = ["predict", "studies:write", "models:write", "read", "metrics"];
// STOW-RS bodies are multipart/related, which schemathesis cannot build; the pacs-in fault scenarios send real ones
// (Orthanc as the sender) through the same production server.
const NOT_FUZZED = ["POST /dicomweb/studies", "POST /dicomweb/studies/{studyInstanceUid}"];
// No training worker here (a real run is minutes of CPU): starting a run or an INT8 calibration answers its documented
// 503, the one 5xx allowed.
const UNAVAILABLE = ["POST /api/v1/training-runs", "POST /api/v1/models/{id}/optimize"];

let server: ProdServer;
let orthanc: Orthanc; // the real PACS the fixture connections search, test and pull from
let admin: Session;
let bin: string;
let workDir: string;
const runs: FuzzRun[] = [];

async function json<T>(res: Response | Promise<Response>, status: number): Promise<T> {
  const r = await res;
  const body = await r.text();
  if (r.status !== status) throw new Error(`fixture request answered ${r.status}: ${body}`);
  return JSON.parse(body) as T;
}

const post = (p: string, body: unknown) =>
  admin.fetch(p, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

// The tiny test YOLO model with a tag appended (its own sha256), registered as a version the fuzzer may stage and roll back.
function tinyModelForm(): FormData {
  const tag = new TextEncoder().encode("contract fixture");
  const bytes = new Uint8Array([...fs.readFileSync("lib/inference/testing/tiny-yolo.onnx"), 0x32, tag.length, ...tag]);
  const form = new FormData();
  form.append("file", new Blob([bytes]), "tiny.onnx");
  form.append("card", JSON.stringify({ name: "contract", version: "1" }));
  return form;
}

/** Fixtures the destructive operations (and the routes reading one record) are pinned to: never the signed-in admin or the production model. */
async function makeFixtures(token: string) {
  const form = new FormData();
  form.append("files", new Blob([makeStudyDicom({ patientId: "CONTRACT-1" }).bytes as BlobPart]), "contract.dcm");
  const upload = await json<{ results: { studyId: string }[] }>(
    fetch(`${server.url}/api/v1/studies`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }),
    201,
  );
  const studyId = upload.results[0]!.studyId;
  const target = await json<{ user: { id: string } }>(
    post("/api/v1/users", {
      email: "contract-target@local.test",
      name: "Contract target",
      role: "radiologist",
      password: "contract-target-pw",
    }),
    201,
  );
  const annotator = (n: number) =>
    json<{ user: { id: string } }>(
      post("/api/v1/users", {
        email: `contract-annotator-${n}@local.test`,
        name: `Annotator ${n}`,
        role: "annotator",
        password: "contract-annot-pw",
      }),
      201,
    );
  const assign = async (n: number) =>
    (
      await json<{ created: { id: string }[] }>(
        post("/api/v1/assignments", { kind: "annotate", studyIds: [studyId], assigneeId: (await annotator(n)).user.id }),
        201,
      )
    ).created[0]!.id;
  const [kept, cancelled] = [await assign(1), await assign(2)];
  const revoked = await json<{ token: { id: string } }>(post("/api/v1/tokens", { name: "contract-revoke", scopes: ["read"] }), 201);
  await orthanc.upload(makeStudyDicom({ patientId: "CONTRACT-PACS" }).bytes);
  const pacsConnection = (name: string) =>
    json<{ connection: { id: string } }>(
      post("/api/v1/pacs/connections", { name, dicomwebUrl: orthanc.dicomWebUrl, authType: "basic", username: "app", secret: "pacs-pw" }),
      201,
    );
  const [pacs, editedPacs, deletedPacs] = [
    await pacsConnection("contract-pacs"),
    await pacsConnection("contract-pacs-edited"),
    await pacsConnection("contract-pacs-deleted"),
  ];
  const model = await json<{ model: { id: string } }>(admin.fetch("/api/v1/models", { method: "POST", body: tinyModelForm() }), 201);
  const id = (v: string) => ({ "path.id": v });
  const study = { "path.studyId": studyId };
  return {
    "DELETE /api/v1/tokens/{id}": id(revoked.token.id),
    "PATCH /api/v1/users/{id}": id(target.user.id),
    "GET /api/v1/users/{id}": id(target.user.id),
    "DELETE /api/v1/assignments/{id}": id(cancelled),
    "GET /api/v1/assignments/{id}": id(kept),
    "POST /api/v1/assignments/{id}/complete": id(kept),
    "DELETE /api/v1/pacs/connections/{id}": id(deletedPacs.connection.id),
    "GET /api/v1/pacs/connections/{id}": id(pacs.connection.id),
    "PATCH /api/v1/pacs/connections/{id}": id(editedPacs.connection.id),
    "POST /api/v1/pacs/connections/{id}/test": id(pacs.connection.id),
    "GET /api/v1/pacs/connections/{id}/studies": id(pacs.connection.id),
    "POST /api/v1/pacs/connections/{id}/pulls": id(pacs.connection.id),
    "POST /api/v1/models/{id}/stage": id(model.model.id),
    "POST /api/v1/models/{id}/rollback": id(model.model.id),
    "GET /api/v1/models/{id}/evaluations": id(model.model.id),
    "POST /api/v1/models/{id}/evaluations": id(model.model.id),
    "GET /api/v1/models/{id}/file": id(model.model.id),
    "GET /api/v1/models/{id}/triton-repo": id(model.model.id),
    "GET /api/v1/studies/{studyId}": study,
    "GET /api/v1/studies/{studyId}/review": study,
    "POST /api/v1/studies/{studyId}/review": study,
    "PATCH /api/v1/studies/{studyId}/review": study,
    "GET /api/v1/studies/{studyId}/neighbours": study,
    "GET /api/v1/studies/{studyId}/pacs-pushes": study,
    "POST /api/v1/studies/{studyId}/pacs-pushes": study,
    "POST /api/v1/studies/{studyId}/review/sign-off": study,
    "GET /api/v1/studies/{studyId}/sr": study,
    "POST /api/v1/studies/{studyId}/predict": study,
    "POST /api/v1/studies/{studyId}/consensus": study,
  };
}

beforeAll(async () => {
  bin = schemathesisBin();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-contract-"));
  orthanc = await startOrthanc({ users: { app: "pacs-pw" } });
  server = await startProdServer({
    env: {
      SIGN_IN_MAX_PER_ACCOUNT: "100000",
      SIGN_IN_MAX_PER_IP: "100000",
      RATE_LIMIT_PER_MINUTE: "100000",
      TRAINING_WORKER_BIN: "/nonexistent/cxr-train",
    },
  });
  admin = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
});
afterAll(async () => {
  await server?.stop();
  await orthanc?.stop();
  const total = runs.reduce((n, r) => n + r.cases, 0);
  console.log(
    `\nschemathesis: ${total} test cases (${runs.map((r) => `${r.name} ${r.cases}`).join(", ")}), ${runs.reduce((n, r) => n + r.failures.length, 0)} failing operations\n`,
  );
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

test("the served document is a valid OpenAPI 3.1 document (openapi-spec-validator)", async () => {
  const doc = await json<object>(fetch(`${server.url}/api/v1/openapi.json`), 200);
  const file = path.join(workDir, "openapi.json");
  fs.writeFileSync(file, JSON.stringify(doc));
  const out = execFileSync(path.join(bin, "openapi-spec-validator"), [file]).toString();
  expect(out).toContain("OK");
});

test("schemathesis: no 5xx, no undocumented status, every body matches its schema (session and token)", async () => {
  const token = server.token(ALL_SCOPES);
  const pinned = await makeFixtures(token);
  const schemaFile = path.join(workDir, "openapi.json");
  if (!fs.existsSync(schemaFile))
    fs.writeFileSync(schemaFile, JSON.stringify(await json<object>(fetch(`${server.url}/api/v1/openapi.json`), 200)));
  const common = {
    schemaFile,
    baseUrl: server.url,
    seed: SEED,
    maxExamples: MAX_EXAMPLES,
    workDir,
    pinned,
    exclude: NOT_FUZZED,
    unavailable: UNAVAILABLE,
  };
  // Cookie writes need the app's own Origin (cross-site cookie writes are refused with 403 before any handler runs).
  runs.push(await runSchemathesis(bin, { ...common, name: "session", headers: { cookie: admin.cookie, origin: server.url } }));
  // Operations that refuse every token (403 before the handler; e2e/api-rbac covers that) are not fuzzed with one.
  const doc = JSON.parse(fs.readFileSync(schemaFile, "utf8")) as {
    paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
  };
  const sessionOnly = Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item)
      .filter(([, op]) => op.security?.length && !op.security.some((s) => "bearer" in s))
      .map(([m]) => `${m.toUpperCase()} ${p}`),
  );
  runs.push(
    await runSchemathesis(bin, {
      ...common,
      name: "token",
      headers: { authorization: `Bearer ${token}` },
      exclude: [...NOT_FUZZED, ...sessionOnly],
    }),
  );
  for (const r of runs) {
    console.log(
      r.exitCode !== 0 || r.failures.length
        ? r.output.slice(-20_000)
        : r.output.slice(r.output.indexOf("Operations:"), r.output.indexOf("API capabilities")),
    );
    expect(r.cases, `${r.name}: test cases`).toBeGreaterThan(0);
    expect(r.failures, `${r.name}: failing operations`).toEqual([]);
    expect(r.exitCode, `${r.name}: schemathesis exit code`).toBe(0);
  }
});

test("the run fails when a response breaks its documented schema (the checks are live)", async () => {
  const doc = JSON.parse(fs.readFileSync(path.join(workDir, "openapi.json"), "utf8")) as {
    paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> } }>;
  };
  const health = doc.paths["/api/health"]!.get.responses["200"]!.content["application/json"]!;
  health.schema = { type: "object", required: ["notThere"], properties: { notThere: { type: "string" } } };
  const schemaFile = path.join(workDir, "broken.json");
  fs.writeFileSync(schemaFile, JSON.stringify(doc));
  const run = await runSchemathesis(bin, {
    name: "broken",
    schemaFile,
    baseUrl: server.url,
    headers: {},
    seed: SEED,
    maxExamples: 2,
    workDir,
    include: ["GET /api/health"],
  });
  expect(run.failures).toEqual(["GET /api/health"]);
  expect(run.exitCode).not.toBe(0);
});
