import { z } from "zod";

export const listAuditQuerySchema = z.object({
  action: z.string().max(80).optional(),
  actorId: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime().optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export const AuditEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    details: z.unknown(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventDto = z.infer<typeof AuditEventSchema>;
export const AuditEventListSchema = z.object({ events: z.array(AuditEventSchema) });
