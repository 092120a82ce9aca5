// The response envelopes the web's hooks validate in development (lib/api-client/responses.ts), checked against the
// production server with an admin session through the same typed fetch, validating: a schema that drifted from its
// handler fails here, not in a developer's browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiRequest, type ApiRequest } from "@/lib/api-client/request";
import * as R from "@/lib/api-client/responses";
import { AuditEventListSchema } from "@/lib/schemas/audit";
import { AgreementReportSchema } from "@/lib/schemas/double-reading";
import { DriftSnapshotListSchema } from "@/lib/schemas/drift";
import { ExportListSchema } from "@/lib/schemas/export";
import { PerformanceReportSchema, RegistryViewSchema } from "@/lib/schemas/model-registry";
import { WorklistPageSchema } from "@/lib/schemas/study";
import { TrainingRunListSchema } from "@/lib/schemas/training";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "@/test/faults/support/prod-server";
import { signIn } from "@/test/faults/support/session";

let server: ProdServer;
let api: ApiRequest;

beforeAll(async () => {
  server = await startProdServer();
  const session = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
  api = createApiRequest({ baseUrl: server.url, headers: { cookie: session.cookie, origin: server.url }, validate: true });
});
afterAll(() => server?.stop());

describe("the web's response schemas match the production server", () => {
  it("users and tokens", async () => {
    const { user } = await api(R.UserResponse, "/api/v1/users", {
      json: { email: `hooks-${Date.now()}@local.test`, name: "Hooks", role: "annotator", password: "hooks-password-1" },
    });
    expect((await api(R.UserListResponse, "/api/v1/users")).users.map((u) => u.id)).toContain(user.id);
    expect((await api(R.UserResponse, `/api/v1/users/${user.id}`, { method: "PATCH", json: { disabled: true } })).user.disabled).toBe(true);
    const { token } = await api(R.CreatedTokenResponse, "/api/v1/tokens", { json: { name: "hooks", scopes: ["read"] } });
    expect((await api(R.TokenListResponse, "/api/v1/tokens")).tokens.map((t) => t.id)).toContain(token.id);
    expect((await api(R.TokenResponse, `/api/v1/tokens/${token.id}`, { method: "DELETE" })).token.id).toBe(token.id);
  });

  it("PACS connections, their test, search list and pulls", async () => {
    const body = {
      name: `hooks-pacs-${Date.now()}`,
      dicomwebUrl: "http://127.0.0.1:9/dicom-web",
      aeTitle: "HOOKS",
      host: "127.0.0.1",
      port: 9,
    };
    const { connection } = await api(R.PacsConnectionResponse, "/api/v1/pacs/connections", { json: body });
    expect((await api(R.PacsConnectionListResponse, "/api/v1/pacs/connections")).connections.map((c) => c.id)).toContain(connection.id);
    await api(R.PacsConnectionResponse, `/api/v1/pacs/connections/${connection.id}`, { method: "PATCH", json: { modalities: ["DX"] } });
    expect((await api(R.PacsTestResponse, `/api/v1/pacs/connections/${connection.id}/test`, { method: "POST" })).result.ok).toBe(false); // nothing listens there
    expect((await api(R.PacsSearchableResponse, "/api/v1/pacs/searchable")).connections.map((c) => c.id)).toContain(connection.id);
    const requested = await api(R.PacsPullsRequestedResponse, `/api/v1/pacs/connections/${connection.id}/pulls`, {
      json: { studyInstanceUids: ["1.2.3.4"] },
    });
    expect(requested.pulls).toHaveLength(1);
    expect(
      (await api(R.PacsPullListResponse, "/api/v1/pacs/pulls", { query: { connectionId: connection.id, limit: 20 } })).pulls.length,
    ).toBeGreaterThan(0);
  });

  it("assignments, the automatic run and the agreement report", async () => {
    await api(R.AssignmentListResponse, "/api/v1/assignments", { query: { status: "open" } });
    await api(R.AutoAssignResponse, "/api/v1/assignments/auto", { json: {} });
    await api(AgreementReportSchema, "/api/v1/admin/agreement");
  });

  it("the admin pages' reads: registry, performance, exports, training runs, drift, audit and the studies to assign", async () => {
    expect((await api(RegistryViewSchema, "/api/v1/models")).models.length).toBeGreaterThan(0); // the bundled model
    await api(PerformanceReportSchema, "/api/v1/admin/performance", { query: { days: 30 } });
    await api(ExportListSchema, "/api/v1/exports");
    await api(TrainingRunListSchema, "/api/v1/training-runs");
    await api(DriftSnapshotListSchema, "/api/v1/admin/drift", { query: { limit: 1000 } });
    expect((await api(AuditEventListSchema, "/api/v1/audit")).events.length).toBeGreaterThan(0); // the user and token changes above
    await api(WorklistPageSchema, "/api/v1/studies", { query: { pageSize: 100 } });
  });
});
