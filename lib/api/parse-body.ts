import type { z } from "zod";
import { AppError } from "@/lib/errors";

const MAX_JSON_BYTES = 1_000_000;

// Malformed JSON is a 400 with a reason; a shape mismatch is a ZodError (422 with the issues).
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json"))
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  const text = await req.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError("payload_too_large", "The JSON body is too large.");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  return schema.parse(raw);
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = new URL(req.url).searchParams;
  return schema.parse(Object.fromEntries(params.entries()));
}

export function paramOf(params: Record<string, string | string[]>, key: string): string {
  const v = params[key];
  if (typeof v !== "string" || v.length === 0 || v.length > 64) throw new AppError("bad_request", `Missing or invalid '${key}'.`);
  return v;
}
