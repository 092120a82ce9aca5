import { randomUUID } from "node:crypto";
import { isAppError, isZodError, type AppErrorCode } from "@/lib/errors";
import { log } from "@/lib/log";
import type { ErrorResponse } from "@/lib/schemas/error";
import { isTransientFailure } from "@/lib/transient-error";

// The one map from domain errors to HTTP. Internals (stacks, SQL, decoder causes, query values) never leave the server.
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
/** The HTTP status an AppError code maps to (the OpenAPI document derives its error responses from this). */
export function statusOfCode(code: AppErrorCode): number {
  return STATUS[code];
}
// A 503 or 429 always says when to come back, even when the thrower did not.
const DEFAULT_RETRY_AFTER_S = 2;
// Keys of AppError details that carry internals (library messages, stacks) rather than a reason for the client.
const INTERNAL_KEYS = new Set(["cause", "stack", "sql", "query"]);

// Every 4xx/5xx body has this shape (the Error schema of the OpenAPI document).
export type ApiErrorBody = ErrorResponse;

export function errorBody(code: string, message: string, details?: unknown): ApiErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function jsonError(status: number, code: string, message: string, details?: unknown, headers?: HeadersInit) {
  return Response.json(errorBody(code, message, details), { status, headers });
}

function publicDetails(details: unknown): unknown {
  if (typeof details !== "object" || details === null || Array.isArray(details)) return details;
  const kept = Object.entries(details).filter(([k]) => !INTERNAL_KEYS.has(k));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

// What an operator needs to find the bug — error class, code, where — without the message (Prisma puts query
// values such as a patient ID prefix in it) and without the query string of the request.
function logUnexpected(e: unknown, req: Request | undefined, requestId: string) {
  const o = (typeof e === "object" && e !== null ? e : {}) as { name?: unknown; code?: unknown; stack?: unknown };
  const at =
    typeof o.stack === "string"
      ? o.stack
          .split("\n")
          .filter((l) => l.trimStart().startsWith("at "))
          .slice(0, 4)
          .map((l) => l.trim())
      : [];
  const path = req ? new URL(req.url).pathname : undefined;
  log.error("unhandled error in API handler", {
    requestId,
    method: req?.method,
    path,
    error: typeof o.name === "string" ? o.name : typeof e,
    code: o.code,
    at,
  });
}

export function toErrorResponse(e: unknown, req?: Request): Response {
  if (isAppError(e)) {
    const retry =
      (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ??
      (e.code === "unavailable" || e.code === "rate_limited" ? DEFAULT_RETRY_AFTER_S : undefined);
    const headers: Record<string, string> = retry === undefined ? {} : { "Retry-After": String(retry) };
    return jsonError(STATUS[e.code], e.code, e.message, publicDetails(e.details), headers);
  }
  if (isZodError(e)) {
    const issues = e.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
    return jsonError(422, "validation_failed", "The request did not pass validation.", issues);
  }
  if (isPrismaNotFound(e)) return jsonError(404, "not_found", "Not found.");
  const requestId = randomUUID();
  if (isTransientFailure(e)) {
    // A backend (database, storage, queue, inference server) down, slow or busy: retry later, not a server bug.
    log.warn("backend unavailable in API handler", {
      requestId,
      path: req ? new URL(req.url).pathname : undefined,
      error: (e as { name?: string }).name,
      code: (e as { code?: unknown }).code,
    });
    const body = { error: { code: "unavailable", message: "A backend service is unavailable or busy; retry shortly.", requestId } };
    return Response.json(body, { status: 503, headers: { "Retry-After": String(DEFAULT_RETRY_AFTER_S) } });
  }
  logUnexpected(e, req, requestId);
  return Response.json({ error: { code: "internal_error", message: "Something went wrong on the server.", requestId } }, { status: 500 });
}

function isPrismaNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2025";
}
