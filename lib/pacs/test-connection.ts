// "Test connection": QIDO-RS /studies?limit=1 with the stored credentials and, when AE/host/port are set, a C-ECHO.
// The result is kept on the connection and returned to the admin page; a refusal is a result, never a crash.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { cEcho } from "@/lib/pacs/dicom-echo";
import { createDicomWebClient } from "@/lib/pacs/dicomweb-client";
import { getPacsConnectionOrThrow } from "@/lib/pacs/manage-connections";
import type { PacsTestResult } from "@/lib/schemas/pacs";

type Probe = NonNullable<PacsTestResult["dicomweb"]>;

async function probe(run: () => Promise<string>): Promise<Probe> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    return { ok: true, message: await run(), ms: ms() };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e), ms: ms() };
  }
}

export async function testPacsConnection(actor: Actor, id: string): Promise<PacsTestResult> {
  const c = await getPacsConnectionOrThrow(id);
  const dicomweb = c.dicomwebUrl
    ? await probe(async () => {
        const found = await createDicomWebClient({ ...c, dicomwebUrl: c.dicomwebUrl! }).searchStudies({ limit: "1" });
        return `QIDO-RS answered (${found.length} ${found.length === 1 ? "study" : "studies"} in a limit=1 query).`;
      })
    : null;
  const echo =
    c.aeTitle && c.host && c.port
      ? await probe(async () => {
          await cEcho({
            host: c.host!,
            port: c.port!,
            calledAeTitle: c.aeTitle!,
            callingAeTitle: env.PACS_CALLING_AE_TITLE,
            timeoutMs: Math.min(env.PACS_HTTP_TIMEOUT_MS, 10_000),
          });
          return `C-ECHO to ${c.aeTitle} succeeded.`;
        })
      : null;
  const result: PacsTestResult = { ok: [dicomweb, echo].every((p) => p === null || p.ok), dicomweb, echo };
  const error =
    [dicomweb, echo]
      .filter((p) => p && !p.ok)
      .map((p) => p!.message)
      .join(" ") || null;
  await db.$transaction(async (tx) => {
    await tx.pacsConnection.update({ where: { id }, data: { lastTestAt: new Date(), lastTestOk: result.ok, lastTestError: error } });
    await recordAudit(tx, {
      actor,
      action: "pacs.connection_tested",
      targetType: "pacsConnection",
      targetId: id,
      details: { name: c.name, ok: result.ok, error },
    });
  });
  return result;
}
