// Domain errors carry a code, never an HTTP status: lib/api/errors.ts maps codes to responses.
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unsupported"
  | "unprocessable"
  | "rate_limited"
  | "unavailable";

const CODES: ReadonlySet<string> = new Set<AppErrorCode>([
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "unsupported",
  "unprocessable",
  "rate_limited",
  "unavailable",
]);

// A process-wide brand: Next compiles this module into several bundles (routes, instrumentation, worker threads), so
// an AppError made in one is not an `instanceof` the class of another. Symbol.for is the same symbol in all of them.
const BRAND = Symbol.for("cxr-review.AppError");

export class AppError extends Error {
  readonly [BRAND] = true;
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** True for an AppError from any bundle: recognised by its brand or its shape (name + a known code), never instanceof. */
export function isAppError(e: unknown): e is AppError {
  if (typeof e !== "object" || e === null) return false;
  const o = e as Record<string | symbol, unknown>;
  return o[BRAND] === true || (o.name === "AppError" && typeof o.code === "string" && CODES.has(o.code) && typeof o.message === "string");
}

/** True for a zod validation error from any copy of zod (its name and issue list, not instanceof). */
export function isZodError(e: unknown): e is { name: "ZodError"; issues: { path: PropertyKey[]; message: string; code: string }[] } {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as { name?: unknown }).name === "ZodError" &&
    Array.isArray((e as { issues?: unknown }).issues)
  );
}
