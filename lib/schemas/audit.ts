import { z } from "zod";

export const listAuditQuerySchema = z.object({
  action: z.string().max(80).optional(),
  actorId: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime().optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export type AuditEventDto = {
  id: string;
  at: string;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
};
