/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM-heavy server packages stay out of the bundle.
  serverExternalPackages: [
    "onnxruntime-node",
    "bullmq", // loads ioredis at run time by name; bundling breaks that
    "ioredis",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@node-rs/argon2",
    "@node-rs/bcrypt",
    "@cornerstonejs/codec-charls",
    "@cornerstonejs/codec-openjpeg",
    "@cornerstonejs/codec-libjpeg-turbo-8bit",
    // PACS clients (lib/pacs): Node networking libraries, loaded as they are published.
    "dcmjs-dimse",
    "dicomweb-client",
    "xhr2",
  ],
  // The WASM codecs require("fs") only when running under Node; the browser bundle gets an empty module.
  turbopack: { resolveAlias: { fs: { browser: "./lib/browser-empty-module.ts" } } },
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // The short machine-facing paths answer exactly like the versioned API.
  async rewrites() {
    return [
      { source: "/predict", destination: "/api/v1/predict" },
      { source: "/predict/batch", destination: "/api/v1/predict/batch" },
    ];
  },
  // Uploads skip proxy.ts (see its matcher) so their bodies stream: they get the API header set here instead
  // (the values of lib/http/security-headers.ts for "api" responses).
  async headers() {
    return [
      {
        source: "/:path*",
        has: [{ type: "header", key: "content-type", value: "(?:multipart/.*|application/dicom.*|application/octet-stream.*)" }],
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Cross-Origin-Embedder-Policy", value: "require-corp" },
          { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
  typedRoutes: false,
};

export default nextConfig;
