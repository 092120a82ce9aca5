import type { Db } from "@/lib/db";

export type Actor = { id: string | null; email: string | null };
export const SYSTEM_ACTOR: Actor = { id: null, email: null };

export type AuditInput = {
  actor: Actor;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
};

type AuditClient = Pick<Db, "auditEvent">;

// Append-only: nothing in the app updates or deletes audit events.
export async function recordAudit(client: AuditClient, input: AuditInput): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: input.actor.id,
      actorEmail: input.actor.email,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      details: (input.details ?? undefined) as never,
      ip: input.ip ?? null,
    },
  });
}
