// Backpressure through the production server: 96 concurrent predict clients against a small inference queue. The
// queue-full error is thrown in the inference bundle and mapped in the route bundle — it must arrive as a 503 with
// Retry-After (not a 500), and everything else must be a 200.
import { afterAll, beforeAll, expect, test } from "vitest";

import { makeChestPng } from "@/test/fixtures/synthetic-study";
import { recordFigure } from "./support/figures";
import { startProdServer, type ProdServer } from "./support/prod-server";
import { statusCounts } from "./support/upload";

const CLIENTS = 96;
const SECONDS = 20;

let server: ProdServer;
beforeAll(async () => {
  server = await startProdServer({ env: { INFERENCE_MAX_QUEUE: "4", RATE_LIMIT_PER_MINUTE: "1000000" } });
});
afterAll(async () => server?.stop());

test("96 concurrent predict clients: only 200 and 503-with-Retry-After", async () => {
  const token = server.token(["predict"]);
  const png = makeChestPng(512);
  const statuses: number[] = [];
  let missingRetryAfter = 0;
  const until = Date.now() + SECONDS * 1000;
  const client = async () => {
    while (Date.now() < until) {
      const form = new FormData();
      form.append("file", new Blob([png as BlobPart], { type: "image/png" }), "chest.png");
      const res = await fetch(`${server.url}/api/v1/predict`, {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${token}` },
      }).catch(() => null);
      const status = res?.status ?? 0;
      statuses.push(status);
      if (status === 503 && !res!.headers.get("retry-after")) missingRetryAfter++;
      await res?.arrayBuffer().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const { counts, text } = statusCounts(statuses);
  console.log(`[predict overload] ${statuses.length} requests: ${text}`);
  recordFigure({ scenario: "96 predict clients, queue 4", figure: "responses by status", value: text, target: "only 200 and 503" });
  recordFigure({ scenario: "96 predict clients, queue 4", figure: "503 without Retry-After", value: missingRetryAfter, target: "0" });
  expect(Object.keys(counts).map(Number).sort()).toEqual([200, 503]); // overload is certain with 96 clients and a queue of 4
  expect(missingRetryAfter).toBe(0);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
});
