import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { recordAudit, SYSTEM_ACTOR, type Actor } from "@/lib/audit/record-audit";
import { buildResultObjects } from "@/lib/pacs/push/build-result-objects";
import { cStoreInstances } from "@/lib/pacs/push/c-store";
import { stowInstances } from "@/lib/pacs/push/stow-rs";
import type { PushOutcome, PushTarget, ResultObject } from "@/lib/pacs/push/push-target";

const errorCode = (e: unknown) => (e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : null);

function send(protocol: string, target: PushTarget, objects: ResultObject[]): Promise<PushOutcome> {
  if (protocol === "c-store") return cStoreInstances(target, objects, env.PACS_CALLING_AE_TITLE, env.PACS_HTTP_TIMEOUT_MS);
  if (protocol === "stow") return stowInstances(target, objects, env.PACS_HTTP_TIMEOUT_MS);
  throw new AppError("unprocessable", `Unknown push protocol '${protocol}' (stow or c-store).`);
}

async function actorOf(userId: string | null): Promise<Actor> {
  if (!userId) return SYSTEM_ACTOR;
  const u = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  return u ?? SYSTEM_ACTOR;
}

// One try of one push (the pacs.push job): build the SR + GSPS, store them, record the outcome on the push row.
// A PACS that is down throws AppError("unavailable") so the job runner retries; anything else fails for good.
export async function runPacsPush(
  pushId: string,
  job: { jobId: string; attempt: number },
): Promise<{ state: string; remoteStatus?: string }> {
  const { attempt } = job;
  const push = await db.pacsPush.findUnique({ where: { id: pushId }, include: { connection: true } });
  if (!push) throw new AppError("not_found", "This push was removed (its study or PACS connection was deleted).");
  if (push.jobId && push.jobId !== job.jobId) return { state: "superseded" }; // a re-send queued a newer job
  const { connection: c } = push;
  const audit = { targetType: "study", targetId: push.studyId };
  const base = { connection: c.name, connectionId: c.id, protocol: c.pushProtocol, trigger: push.trigger, attempt };
  await db.pacsPush.update({ where: { id: pushId }, data: { state: "sending", attempts: { increment: 1 }, lastTriedAt: new Date() } });
  let objects: ResultObject[] = [];
  try {
    if (!c.enabled || !c.pushResults)
      throw new AppError("conflict", `PACS connection '${c.name}' no longer receives results (disabled or 'push results' off).`);
    objects = (await buildResultObjects(push.studyId, { keyImage: env.PACS_PUSH_KEY_IMAGE })).objects;
    const outcome = await send(c.pushProtocol, c, objects);
    const sent = objects.map(({ kind, sopClassUid, sopInstanceUid }) => ({ kind, sopClassUid, sopInstanceUid }));
    await db.pacsPush.update({
      where: { id: pushId },
      data: { state: "sent", sentAt: new Date(), error: null, remoteStatus: outcome.remoteStatus, objects: sent },
    });
    await recordAudit(db, {
      actor: await actorOf(push.requestedById),
      action: "pacs.push_sent",
      ...audit,
      details: { ...base, objects: sent, remoteStatus: outcome.remoteStatus },
    });
    log.info("pacs push sent", { pushId, connection: c.name, objects: sent.length });
    return { state: "sent", remoteStatus: outcome.remoteStatus };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const retrying = errorCode(e) === "unavailable" && attempt < env.PACS_PUSH_MAX_ATTEMPTS;
    await db.pacsPush.update({ where: { id: pushId }, data: { state: retrying ? "retrying" : "failed", error: message.slice(0, 1000) } });
    if (!retrying)
      await recordAudit(db, {
        actor: await actorOf(push.requestedById),
        action: "pacs.push_failed",
        ...audit,
        details: { ...base, error: message.slice(0, 500) },
      });
    log.warn("pacs push failed", { pushId, connection: c.name, attempt, retrying, error: message });
    throw e;
  }
}
