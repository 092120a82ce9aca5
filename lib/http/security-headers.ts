// The response header policy of the whole web surface (applied by proxy.ts to every response).
export type ResponseKind = "page" | "api" | "asset";

export const KNOWN_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export function responseKind(pathname: string): ResponseKind {
  if (pathname.startsWith("/api/") || pathname === "/api" || pathname === "/predict" || pathname.startsWith("/predict/")) return "api";
  if (pathname.startsWith("/_next/static/") || pathname === "/icon.svg" || pathname === "/favicon.ico") return "asset";
  return "page";
}

// Pages: scripts only with this response's nonce (and what they load: 'strict-dynamic'); 'wasm-unsafe-eval' lets the
// DICOM codecs and onnxruntime-web compile WebAssembly (not JS eval); workers from our origin or blob: (onnxruntime-web's
// proxy worker); images from blob:/data: (canvas exports, icons). Inline style attributes stay allowed: React and
// cornerstone set them, and a style cannot run code. Nothing may frame the app.
export function pageCsp(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

// JSON and files never need to run or embed anything.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "hid=()",
  "display-capture=()",
  "interest-cohort=()",
].join(", ");

// Responses that carry no patient data and set their own caching (proxy headers would override the route's): the ONNX
// model file, immutable under its sha256 ETag so the browser downloads it once.
const OWN_CACHING = [/^\/api\/v1\/models\/[^/]+\/file$/];

export function ownsCaching(pathname: string): boolean {
  return OWN_CACHING.some((re) => re.test(pathname));
}

export function securityHeaders(
  kind: ResponseKind,
  opts: { nonce?: string; https: boolean; ownCaching?: boolean },
): Record<string, string> {
  const h: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin", // worklist URLs can hold a patient-ID filter: never sent to another site
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    // With COOP same-origin this makes pages cross-origin isolated (SharedArrayBuffer), so onnxruntime-web runs on
    // several threads. It only blocks cross-origin subresources without CORP, and the app loads nothing cross-origin.
    "Cross-Origin-Embedder-Policy": "require-corp",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (opts.https) h["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  if (kind === "page") h["Content-Security-Policy"] = pageCsp(opts.nonce ?? "", opts.https);
  if (kind === "api") h["Content-Security-Policy"] = API_CSP;
  // Patient data must never sit in a browser or proxy cache; hashed build assets may.
  if (kind !== "asset" && !opts.ownCaching) h["Cache-Control"] = "no-store";
  return h;
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}
