import { isAppError, isZodError } from "@/lib/errors";

// Is a failure worth retrying? One classification for the job runner (retry with backoff) and the HTTP error map
// (503 + Retry-After instead of a 500). Recognised by codes and names only — errors cross bundles and libraries.

/** transient: a backend down, slow or busy (retry later); permanent: the input is wrong; unknown: a crash (bug). */
export type FailureKind = "transient" | "permanent" | "unknown";

// Node/undici network failures: the peer is down, unreachable or hung up.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);
// Prisma: cannot reach / timed out / connection closed / pool exhausted / write conflict (SQLite busy is P1008).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);
// SQLite and PostgreSQL driver codes that mean "busy, try again": locked, serialization, deadlock, shutting down.
const DRIVER_CODES = new Set(["SQLITE_BUSY", "SQLITE_LOCKED", "40001", "40P01", "53300", "57P01", "57P02", "57P03"]);
// Names of timeouts/aborts (AbortSignal.timeout, AWS SDK) and of S3's own "try later" answers.
const TRANSIENT_NAMES = new Set([
  "TimeoutError",
  "AbortError",
  "RequestTimeout",
  "RequestTimeoutException",
  "ServiceUnavailable",
  "SlowDown",
  "InternalError",
  "ThrottlingException",
]);

type Shape = {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $retryable?: unknown;
};

function transientShape(e: Shape): boolean {
  if (
    typeof e.code === "string" &&
    (NETWORK_CODES.has(e.code) || PRISMA_CODES.has(e.code) || DRIVER_CODES.has(e.code) || e.code.startsWith("SQLITE_BUSY"))
  )
    return true;
  if (typeof e.name === "string" && TRANSIENT_NAMES.has(e.name)) return true;
  const http = e.$metadata?.httpStatusCode;
  if (typeof http === "number" && (http >= 500 || http === 429)) return true; // the AWS SDK's view of an S3 answer
  if (e.$retryable) return true;
  // Prisma wraps the adapter's error; fetch wraps the socket's ("fetch failed" with a cause).
  const msg = typeof e.message === "string" ? e.message : "";
  return /database is locked|Operation has timed out|Unable to start a transaction in the given time|connection terminated|Connection is closed/i.test(
    msg,
  );
}

/** Classifies a thrown value per the shared job contract. Walks `cause` chains (fetch, Prisma, AWS SDK wrap theirs). */
export function classifyFailure(e: unknown): FailureKind {
  if (isAppError(e)) return e.code === "unavailable" || e.code === "rate_limited" ? "transient" : "permanent";
  if (isZodError(e)) return "permanent";
  for (let cur: unknown = e, depth = 0; typeof cur === "object" && cur !== null && depth < 5; cur = (cur as Shape).cause, depth++) {
    if (transientShape(cur as Shape)) return "transient";
  }
  return "unknown";
}

export const isTransientFailure = (e: unknown) => classifyFailure(e) === "transient";
