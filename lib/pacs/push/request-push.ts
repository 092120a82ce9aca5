import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { enqueueResultPushes } from "@/lib/pacs/push/push-job";
import { listStudyPushes } from "@/lib/pacs/push/list-pushes";
import type { PacsPushDto, RequestPacsPushBody } from "@/lib/schemas/pacs-push";

// "Send to PACS" on a signed-off study: a fresh push per destination (or the one named), audited with who asked.
export async function requestResultPush(actor: Actor, studyId: string, body: RequestPacsPushBody): Promise<PacsPushDto[]> {
  const study = await db.study.findUnique({ where: { id: studyId }, select: { id: true } });
  if (!study) throw new AppError("not_found", "No such study.");
  const signed = await db.review.count({ where: { studyId, status: "signed_off", purpose: { in: ["primary", "consensus"] } } });
  if (!signed) throw new AppError("conflict", "This study is not signed off yet: its results go to the PACS once it is.");
  if (body.connectionId) {
    const c = await db.pacsConnection.findUnique({
      where: { id: body.connectionId },
      select: { enabled: true, pushResults: true, name: true },
    });
    if (!c) throw new AppError("not_found", "No such PACS connection.");
    if (!c.enabled || !c.pushResults)
      throw new AppError("conflict", `PACS connection '${c.name}' does not receive results (disabled or 'push results' off).`);
  }
  await db.$transaction(async (tx) => {
    const queued = await enqueueResultPushes({ studyId, trigger: "manual", requestedById: actor.id, connectionId: body.connectionId }, tx);
    if (queued.length === 0)
      throw new AppError("conflict", "No PACS connection receives results: an admin enables 'push results' on one at /admin/pacs.");
    await recordAudit(tx, {
      actor,
      action: "pacs.push_requested",
      targetType: "study",
      targetId: studyId,
      details: { destinations: queued.map((q) => q.connection), trigger: "manual" },
    });
  });
  return listStudyPushes(studyId);
}
