import { z } from "zod";

export const ROLES = ["radiologist", "annotator", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

// Path parameters: paramOf() refuses empty and over-long ids with 400.
export const pathId = z.string().min(1).max(64);
export const idPathSchema = z.object({ id: pathId });
export const studyIdPathSchema = z.object({ studyId: pathId });
