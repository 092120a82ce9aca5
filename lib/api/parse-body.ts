import type { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertMediaType, readBodyBytes } from "@/lib/api/read-body";

// Exactly application/json (a charset parameter is fine; `text/plain; application/json` is not JSON: 415), counted
// while it streams (413 past MAX_JSON_BODY_KB). Malformed JSON is a 400 with a reason; a shape mismatch is a ZodError
// (422 with the issues).
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const media = assertMediaType(req, "application/json", "send the body as application/json.");
  if (media.params.charset && media.params.charset.toLowerCase() !== "utf-8")
    throw new AppError("unsupported_media_type", "JSON bodies must be UTF-8.");
  const bytes = await readBodyBytes(req, env.MAX_JSON_BODY_KB * 1000);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON (UTF-8).");
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
