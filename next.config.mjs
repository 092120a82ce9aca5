/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM-heavy server packages stay out of the bundle.
  serverExternalPackages: ["onnxruntime-node", "better-sqlite3", "@prisma/adapter-better-sqlite3", "bcryptjs"],
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
