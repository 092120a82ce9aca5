// Whether this is a development build, for code that also runs in the browser (lib/env.ts is server-only). Next and
// bundlers inline process.env.NODE_ENV at build time, so this is a constant in the shipped bundle.
export const isDevelopmentBuild = process.env.NODE_ENV !== "production";
