import type { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/record-audit";
import { recordAudit } from "@/lib/audit/record-audit";

// Typed admin settings stored as JSON rows in Setting; a missing or invalid row falls back to the schema's defaults.
export async function readSetting<S extends z.ZodType>(key: string, schema: S): Promise<z.infer<S>> {
  const row = await db.setting.findUnique({ where: { key } });
  const parsed = schema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}

export async function writeSetting<S extends z.ZodType>(actor: Actor, key: string, schema: S, value: unknown): Promise<z.infer<S>> {
  const data = schema.parse(value);
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key }, create: { key, value: data as never }, update: { value: data as never } });
    await recordAudit(tx, { actor, action: "setting.changed", targetType: "setting", targetId: key, details: { value: data } });
  });
  return data;
}
