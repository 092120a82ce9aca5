// The TypeScript client package as another Node service would use it: built (npm run clients:build), imported from
// its dist/ output, against the real production server with an API token.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startProdServer, type ProdServer } from "@/test/faults/support/prod-server";
import { makeChestPng, makeStudyDicom } from "@/test/fixtures/synthetic-study";

type ClientModule = typeof import("../../clients/typescript/src/index");
let server: ProdServer;
let pkg: ClientModule;
let token: string;

beforeAll(async () => {
  execFileSync("node", ["scripts/build-ts-client.mjs"], { stdio: "pipe" });
  pkg = (await import(pathToFileURL(path.resolve("clients/typescript/dist/index.js")).href)) as ClientModule; // the built file, not the source
  server = await startProdServer();
  token = server.token(["predict", "studies:write", "models:write", "read"]);
});
afterAll(() => server?.stop());

describe("TypeScript client package against the production server", () => {
  it("predicts, uploads and reads the study back, every answer validated by the app's schemas", async () => {
    const client = pkg.createCxrReviewClient({ baseUrl: server.url, token });
    const me = await client.me();
    expect(me).toMatchObject({ user: { role: "admin" }, via: "token" });
    const predicted = await client.predict({ name: "chest.png", data: makeChestPng(256) });
    expect(predicted.image).toMatchObject({ width: 256, height: 256, frames: 1 });
    for (const p of predicted.predictions) expect(p.bbox.every((v) => v >= 0 && v <= 1)).toBe(true);
    const { results } = await client.uploadStudies([{ name: "chest.dcm", data: makeStudyDicom({ size: 128 }).bytes }]);
    expect(results).toEqual([expect.objectContaining({ status: "stored", studyId: expect.any(String) })]);
    const detail = await client.study(results[0]!.studyId!);
    expect(detail.study.id).toBe(results[0]!.studyId);
    expect(detail.instances.map((i) => i.id)).toEqual([results[0]!.instanceId]);
  });

  it("registers a model; the app's errors arrive as ApiRequestError with status and code", async () => {
    const client = pkg.createCxrReviewClient({ baseUrl: server.url, token });
    const onnx = { name: "model.onnx", data: new Uint8Array(fs.readFileSync("lib/inference/testing/tiny-yolo-fp16.onnx")) };
    const { model } = await client.registerModel(onnx, { name: "ts-client", version: "1.0.0" });
    expect(model).toMatchObject({ name: "ts-client", version: "1.0.0", stage: "registered" });
    await expect(client.registerModel(onnx, { name: "ts-client", version: "1.0.1" })).rejects.toMatchObject({
      status: 409,
      code: "conflict",
    });
    const anonymous = pkg.createCxrReviewClient({ baseUrl: server.url });
    const refused = await anonymous.me().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(pkg.ApiRequestError);
    expect(refused).toMatchObject({ status: 401 });
  });

  it("a response that drifts from its schema is a ContractError, not silently mistyped data", async () => {
    const client = pkg.createCxrReviewClient({ baseUrl: server.url, token });
    const drifted = await client.request(z.object({ user: z.object({ shoeSize: z.number() }) }), "/api/v1/me").catch((e: unknown) => e);
    expect(drifted).toMatchObject({ code: "contract_mismatch", message: expect.stringContaining("user.shoeSize") });
    const unchecked = pkg.createCxrReviewClient({ baseUrl: server.url, token, validate: false });
    expect(await unchecked.request(z.object({ user: z.object({ shoeSize: z.number() }) }), "/api/v1/me")).toMatchObject({
      user: { role: "admin" },
    });
  });
});
