// Query for readers: QIDO-RS on one connection, each study marked with the app's copy when it is already here.
import type { PacsConnection } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { createDicomWebClient, type DicomWebClient } from "@/lib/pacs/dicomweb-client";
import { getPacsConnectionOrThrow } from "@/lib/pacs/manage-connections";
import { parseStudy, studySearchParams } from "@/lib/pacs/qido";
import type { PacsStudy, SearchPacsQuery } from "@/lib/schemas/pacs";

/** A usable DICOMweb connection, or a clear reason why not. */
export async function dicomWebOf(connectionId: string): Promise<{ connection: PacsConnection; client: DicomWebClient }> {
  const connection = await getPacsConnectionOrThrow(connectionId);
  if (!connection.enabled) throw new AppError("conflict", `The PACS connection "${connection.name}" is disabled.`);
  if (!connection.dicomwebUrl) throw new AppError("unprocessable", `The PACS connection "${connection.name}" has no DICOMweb base URL.`);
  return { connection, client: createDicomWebClient({ ...connection, dicomwebUrl: connection.dicomwebUrl }) };
}

/** The app's study id per Study Instance UID, for those already here. */
export async function studiesInApp(uids: string[]): Promise<Map<string, string>> {
  if (uids.length === 0) return new Map();
  const rows = await db.study.findMany({ where: { studyInstanceUid: { in: uids } }, select: { id: true, studyInstanceUid: true } });
  return new Map(rows.map((r) => [r.studyInstanceUid, r.id]));
}

export async function searchPacs(actor: Actor, connectionId: string, q: SearchPacsQuery): Promise<PacsStudy[]> {
  const { connection, client } = await dicomWebOf(connectionId);
  const found = (await client.searchStudies(studySearchParams(q))).map(parseStudy).filter((s) => s !== null);
  const here = await studiesInApp(found.map((s) => s.studyInstanceUid));
  // The query itself may hold a patient ID: the trail keeps which filters were used and how much was seen.
  const filters = Object.keys(q).filter((k) => k !== "limit" && q[k as keyof SearchPacsQuery] !== undefined);
  await recordAudit(db, {
    actor,
    action: "pacs.searched",
    targetType: "pacsConnection",
    targetId: connection.id,
    details: { name: connection.name, filters, results: found.length },
  });
  return found.map((s) => ({ ...s, studyId: here.get(s.studyInstanceUid) ?? null }));
}
