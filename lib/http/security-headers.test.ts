import { describe, expect, it } from "vitest";
import { newNonce, ownsCaching, pageCsp, responseKind, securityHeaders } from "./security-headers";

describe("security header policy", () => {
  it("classifies paths", () => {
    expect(responseKind("/api/v1/studies")).toBe("api");
    expect(responseKind("/predict")).toBe("api");
    expect(responseKind("/_next/static/chunks/a.js")).toBe("asset");
    expect(responseKind("/studies/abc")).toBe("page");
  });

  it("pages: nonce scripts, WebAssembly and blob workers allowed, no framing, no eval, no plugins", () => {
    const csp = pageCsp("n0nce", false);
    expect(csp).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic' 'wasm-unsafe-eval'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageCsp("x", true)).toContain("upgrade-insecure-requests");
  });

  it("every kind gets nosniff, referrer and permissions policies; only non-assets get no-store; HSTS only over TLS", () => {
    for (const kind of ["page", "api", "asset"] as const) {
      const h = securityHeaders(kind, { nonce: "n", https: false });
      expect(h["X-Content-Type-Options"]).toBe("nosniff");
      expect(h["Referrer-Policy"]).toBe("same-origin");
      expect(h["Permissions-Policy"]).toContain("camera=()");
      expect([h["Cross-Origin-Opener-Policy"], h["Cross-Origin-Embedder-Policy"]]).toEqual(["same-origin", "require-corp"]); // cross-origin isolated
      expect(h["Strict-Transport-Security"]).toBeUndefined();
      expect(h["Cache-Control"]).toBe(kind === "asset" ? undefined : "no-store");
    }
    expect(securityHeaders("api", { https: true })["Strict-Transport-Security"]).toMatch(/max-age=31536000/);
    expect(securityHeaders("api", { https: false })["Content-Security-Policy"]).toContain("default-src 'none'");
  });

  it("only the model file keeps its own caching; patient files never do", () => {
    expect(ownsCaching("/api/v1/models/abc/file")).toBe(true);
    expect(ownsCaching("/api/v1/instances/abc/file")).toBe(false);
    expect(securityHeaders("api", { https: false, ownCaching: true })["Cache-Control"]).toBeUndefined();
  });

  it("nonces are fresh", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});
