// The harness itself under the harshest stop: a web process killed with SIGKILL comes back on the same data, and a
// session and an API token issued before the kill still work after it.
import { afterAll, beforeAll, expect, test } from "vitest";

import { recordFigure } from "./support/figures";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "./support/prod-server";
import { signIn } from "./support/session";

let server: ProdServer;
beforeAll(async () => {
  server = await startProdServer();
});
afterAll(async () => server?.stop());

test("kill -9 of the web process: it restarts on the same data, sessions and tokens still valid", async () => {
  const session = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
  const token = server.token(["read"]);
  expect((await session.fetch("/api/v1/me")).status).toBe(200);

  await server.kill9();
  expect(
    await fetch(`${server.url}/api/health`).then(
      (r) => r.status,
      () => 0,
    ),
  ).toBe(0);
  const t0 = Date.now();
  await server.restart();
  recordFigure({ scenario: "web kill -9", figure: "restart to healthy (s)", value: ((Date.now() - t0) / 1000).toFixed(1) });

  expect((await session.fetch("/api/v1/me")).status).toBe(200);
  const models = await fetch(`${server.url}/api/v1/studies`, { headers: { authorization: `Bearer ${token}` } });
  expect(models.status).toBe(200);
});
