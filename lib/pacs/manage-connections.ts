// PACS connections, configured by an admin: create, edit, delete; every change audited (never with the secret).
import type { PacsConnection } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { recentAutoPullErrors } from "@/lib/pacs/auto-pull-errors";
import { toPacsConnectionDto } from "@/lib/pacs/connection-dto";
import type { CreatePacsConnectionBody, PacsConnectionDto, UpdatePacsConnectionBody } from "@/lib/schemas/pacs";

type Fields = Omit<PacsConnection, "id" | "createdAt" | "updatedAt" | "pullWatermark" | "lastTestAt" | "lastTestOk" | "lastTestError">;

// Rules across fields, checked on the merged result so an edit cannot leave a connection half-configured.
function assertConsistent(c: Fields): void {
  const dimse = [c.aeTitle, c.host, c.port].filter((v) => v !== null && v !== undefined).length;
  if (dimse !== 0 && dimse !== 3) throw new AppError("unprocessable", "Give AE title, host and port together (or none of them) for DIMSE.");
  if (!c.dicomwebUrl && dimse === 0) throw new AppError("unprocessable", "Give a DICOMweb base URL or an AE title / host / port.");
  if (c.authType === "basic" && (!c.username || !c.secret))
    throw new AppError("unprocessable", "Basic auth needs a username and a password.");
  if (c.authType === "bearer" && !c.secret) throw new AppError("unprocessable", "Bearer auth needs a token.");
  if (c.autoPull && !c.dicomwebUrl) throw new AppError("unprocessable", "Auto-pull polls QIDO-RS: give a DICOMweb base URL.");
  if (c.pushResults && c.pushProtocol === "stow" && !c.dicomwebUrl)
    throw new AppError("unprocessable", "Results by STOW-RS need a DICOMweb base URL.");
  if (c.pushResults && c.pushProtocol === "c-store" && dimse === 0)
    throw new AppError("unprocessable", "Results by C-STORE need AE title, host and port.");
}

type Input = Omit<Fields, "modalities" | "secret"> & { modalities: string | string[]; secret?: string | null };

function toFields(b: Input): Fields {
  const modalities = Array.isArray(b.modalities) ? [...new Set(b.modalities)].join(",") : b.modalities;
  const none = b.authType === "none";
  return {
    name: b.name,
    dicomwebUrl: b.dicomwebUrl ?? null,
    authType: b.authType,
    username: none ? null : (b.username ?? null),
    secret: none ? null : (b.secret ?? null),
    aeTitle: b.aeTitle ?? null,
    host: b.host ?? null,
    port: b.port ?? null,
    modalities,
    autoPull: b.autoPull,
    pushResults: b.pushResults,
    pushProtocol: b.pushProtocol,
    enabled: b.enabled,
  };
}

// What changed, for the audit trail: field names only for the secret.
function changedFields(before: Fields, after: Fields): string[] {
  return (Object.keys(after) as (keyof Fields)[]).filter((k) => before[k] !== after[k]);
}

export async function listPacsConnections(): Promise<PacsConnectionDto[]> {
  const errors = await recentAutoPullErrors();
  return (await db.pacsConnection.findMany({ orderBy: { name: "asc" } })).map((c) => toPacsConnectionDto(c, errors.get(c.id) ?? null));
}

/** What readers need to pick a PACS to search: enabled DICOMweb connections, names only. */
export async function listSearchablePacs(): Promise<Pick<PacsConnectionDto, "id" | "name" | "modalities">[]> {
  const rows = await db.pacsConnection.findMany({ where: { enabled: true, dicomwebUrl: { not: null } }, orderBy: { name: "asc" } });
  return rows.map((c) => ({ id: c.id, name: c.name, modalities: toPacsConnectionDto(c).modalities }));
}

export async function getPacsConnectionOrThrow(id: string): Promise<PacsConnection> {
  const c = await db.pacsConnection.findUnique({ where: { id } });
  if (!c) throw new AppError("not_found", "No such PACS connection.");
  return c;
}

async function assertNameFree(name: string, exceptId?: string): Promise<void> {
  const other = await db.pacsConnection.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== exceptId) throw new AppError("conflict", `A PACS connection named "${name}" already exists.`);
}

export async function createPacsConnection(actor: Actor, body: CreatePacsConnectionBody): Promise<PacsConnectionDto> {
  const data = toFields(body);
  assertConsistent(data);
  await assertNameFree(data.name);
  const created = await db.$transaction(async (tx) => {
    const c = await tx.pacsConnection.create({ data });
    await recordAudit(tx, {
      actor,
      action: "pacs.connection_created",
      targetType: "pacsConnection",
      targetId: c.id,
      details: { name: c.name, fields: Object.keys(data).filter((k) => data[k as keyof Fields] !== null) },
    });
    return c;
  });
  return toPacsConnectionDto(created);
}

export async function updatePacsConnection(actor: Actor, id: string, body: UpdatePacsConnectionBody): Promise<PacsConnectionDto> {
  const before = await getPacsConnectionOrThrow(id);
  const merged: Input = { ...before, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) };
  const data = toFields(merged);
  assertConsistent(data);
  if (data.name !== before.name) await assertNameFree(data.name, id);
  const changed = changedFields(before, data);
  const updated = await db.$transaction(async (tx) => {
    // Turning auto-pull on starts from today, not from the PACS's whole history.
    const watermark = data.autoPull && !before.autoPull ? { pullWatermark: null } : {};
    const c = await tx.pacsConnection.update({ where: { id }, data: { ...data, ...watermark } });
    if (changed.length)
      await recordAudit(tx, {
        actor,
        action: "pacs.connection_updated",
        targetType: "pacsConnection",
        targetId: id,
        details: { name: c.name, changed },
      });
    return c;
  });
  return toPacsConnectionDto(updated);
}

export async function deletePacsConnection(actor: Actor, id: string): Promise<void> {
  const c = await getPacsConnectionOrThrow(id);
  await db.$transaction(async (tx) => {
    await tx.pacsConnection.delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      action: "pacs.connection_deleted",
      targetType: "pacsConnection",
      targetId: id,
      details: { name: c.name },
    });
  });
}
