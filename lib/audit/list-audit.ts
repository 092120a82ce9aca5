import { db } from "@/lib/db";
import type { AuditEventDto, ListAuditQuery } from "@/lib/schemas/audit";

export async function listAudit(q: ListAuditQuery): Promise<AuditEventDto[]> {
  const rows = await db.auditEvent.findMany({
    where: {
      action: q.action ? { startsWith: q.action } : undefined,
      actorId: q.actorId,
      targetId: q.targetId,
      createdAt: q.before ? { lt: new Date(q.before) } : undefined,
    },
    orderBy: { createdAt: "desc" },
    take: q.limit,
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    actorEmail: r.actorEmail,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    details: r.details,
  }));
}
