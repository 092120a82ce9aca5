import { z } from "zod";

export const ROLES = ["radiologist", "annotator", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const idParamSchema = z.object({ id: z.string().min(1).max(64) });
