// PACS connections as an admin manages them: the secret is write-only, rules across fields hold on every edit,
// every change is audited without the secret.
import { describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import {
  createPacsConnection,
  deletePacsConnection,
  listPacsConnections,
  listSearchablePacs,
  updatePacsConnection,
} from "@/lib/pacs/manage-connections";
import { createPacsConnectionBodySchema } from "@/lib/schemas/pacs";

const admin = { id: null, email: "pacs-admin@test.local" };
const body = (over: Record<string, unknown> = {}) =>
  createPacsConnectionBodySchema.parse({
    name: `pacs-${Math.random().toString(36).slice(2, 8)}`,
    dicomwebUrl: "http://127.0.0.1:1/dicom-web/",
    ...over,
  });

describe("PACS connections", () => {
  test("create → the secret is stored, never returned; defaults CR,DX; a trailing slash is trimmed", async () => {
    const c = await createPacsConnection(admin, body({ authType: "basic", username: "u", secret: "TOP-SECRET-1" }));
    expect(c).toMatchObject({
      secretSet: true,
      modalities: ["CR", "DX"],
      dicomwebUrl: "http://127.0.0.1:1/dicom-web",
      autoPull: false,
      lastTest: null,
    });
    expect(JSON.stringify(c)).not.toContain("TOP-SECRET-1");
    expect(JSON.stringify(await listPacsConnections())).not.toContain("TOP-SECRET-1");
    expect((await db.pacsConnection.findUniqueOrThrow({ where: { id: c.id } })).secret).toBe("TOP-SECRET-1");
    const events = await db.auditEvent.findMany({ where: { targetId: c.id } });
    expect(events.map((e) => e.action)).toEqual(["pacs.connection_created"]);
    expect(JSON.stringify(events)).not.toContain("TOP-SECRET-1");
  });

  test("edit without a secret keeps it; auth none clears it; changes are audited by field name", async () => {
    const c = await createPacsConnection(admin, body({ authType: "bearer", secret: "TOKEN-2" }));
    const renamed = await updatePacsConnection(admin, c.id, { name: `${c.name}-x`, autoPull: true });
    expect(renamed).toMatchObject({ secretSet: true, autoPull: true });
    const none = await updatePacsConnection(admin, c.id, { authType: "none" });
    expect(none.secretSet).toBe(false);
    const audit = await db.auditEvent.findMany({
      where: { targetId: c.id, action: "pacs.connection_updated" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((e) => (e.details as { changed: string[] }).changed)).toEqual([
      ["name", "autoPull"],
      ["authType", "secret"],
    ]);
    expect(JSON.stringify(audit)).not.toContain("TOKEN-2");
  });

  test("inconsistent settings are refused with a reason, before anything is written", async () => {
    await expect(createPacsConnection(admin, body({ authType: "basic", username: "u" }))).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringContaining("password"),
    });
    await expect(createPacsConnection(admin, body({ aeTitle: "PACS", host: "pacs" }))).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringContaining("together"),
    });
    await expect(createPacsConnection(admin, body({ dicomwebUrl: null }))).rejects.toMatchObject({ code: "unprocessable" });
    await expect(
      createPacsConnection(admin, body({ dicomwebUrl: null, aeTitle: "PACS", host: "pacs", port: 104, autoPull: true })),
    ).rejects.toMatchObject({ message: expect.stringContaining("QIDO-RS") });
    expect(() => body({ dicomwebUrl: "ftp://pacs/" })).toThrow();
    expect(() => body({ modalities: ["C R"] })).toThrow();
    const c = await createPacsConnection(admin, body());
    await expect(createPacsConnection(admin, body({ name: c.name }))).rejects.toMatchObject({ code: "conflict" });
    await expect(updatePacsConnection(admin, c.id, { pushResults: true, pushProtocol: "c-store" })).rejects.toMatchObject({
      message: expect.stringContaining("C-STORE"),
    });
    expect((await db.pacsConnection.findUniqueOrThrow({ where: { id: c.id } })).pushResults).toBe(false);
  });

  test("readers see enabled DICOMweb connections by name only; delete is audited", async () => {
    const c = await createPacsConnection(admin, body({ authType: "bearer", secret: "T" }));
    const off = await createPacsConnection(admin, body({ enabled: false }));
    const searchable = await listSearchablePacs();
    expect(searchable.find((s) => s.id === c.id)).toEqual({ id: c.id, name: c.name, modalities: ["CR", "DX"] });
    expect(searchable.some((s) => s.id === off.id)).toBe(false);
    await deletePacsConnection(admin, c.id);
    expect(await db.pacsConnection.count({ where: { id: c.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { targetId: c.id, action: "pacs.connection_deleted" } })).toBe(1);
    await expect(deletePacsConnection(admin, c.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
