import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { log } from "@/lib/log";

// The one map from domain errors to HTTP. Internals (stacks, SQL) never leave the server.
const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  unsupported: 422,
  rate_limited: 429,
  unavailable: 503,
};

export type ApiErrorBody = { error: { code: string; message: string; details?: unknown } };

export function errorBody(code: string, message: string, details?: unknown): ApiErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function jsonError(status: number, code: string, message: string, details?: unknown, headers?: HeadersInit) {
  return Response.json(errorBody(code, message, details), { status, headers });
}

export function toErrorResponse(e: unknown): Response {
  if (e instanceof AppError) {
    const headers: Record<string, string> = {};
    const retry = (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry !== undefined) headers["Retry-After"] = String(retry);
    return jsonError(STATUS[e.code], e.code, e.message, e.details, headers);
  }
  if (e instanceof ZodError) {
    const issues = e.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
    return jsonError(422, "validation_failed", "The request did not pass validation.", issues);
  }
  if (isPrismaNotFound(e)) return jsonError(404, "not_found", "Not found.");
  log.error("unhandled error in API handler", { error: e instanceof Error ? e.message : String(e) });
  return jsonError(500, "internal_error", "Something went wrong on the server.");
}

function isPrismaNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2025";
}
