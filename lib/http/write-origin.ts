// CSRF defence for cookie-authenticated writes (ASVS 4.0 §13.2.3 / 50.x): a browser always says where a request comes
// from (Sec-Fetch-Site, else Origin); anything but our own origin is refused. Requests with a Bearer token are machine
// calls (a browser never adds that header on its own) and pass untouched; a client without either header is not a
// browser, so it cannot be a forged cross-site request.
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export type HeaderGetter = (name: string) => string | null;

/** Why this write is refused, or null when it may go ahead. */
export function crossOriginWriteRefusal(method: string, get: HeaderGetter): string | null {
  if (SAFE.has(method.toUpperCase())) return null;
  if (/^Bearer\s+\S+/i.test(get("authorization")?.trim() ?? "")) return null;
  const site = get("sec-fetch-site")?.toLowerCase();
  if (site === "same-origin" || site === "none") return null;
  if (site === "cross-site" || site === "same-site") return `A ${site} request may not change anything here (Sec-Fetch-Site).`;
  const origin = get("origin");
  if (origin === null) return null;
  const host = get("x-forwarded-host") ?? get("host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  return originHost !== null && originHost === host ? null : `Origin ${origin} may not change anything here.`;
}
