// `npm run clients:build`: the TypeScript client package (clients/typescript) as one ESM file (zod left to the
// consumer) and one bundled declaration file, so a Node service can install it without this repository's paths.
import { execFileSync } from "node:child_process";
import { build } from "esbuild";

const dir = "clients/typescript";
await build({
  entryPoints: [`${dir}/src/index.ts`],
  outfile: `${dir}/dist/index.js`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["zod"],
  logLevel: "warning",
});
execFileSync(
  "npx",
  [
    "dts-bundle-generator",
    "--silent",
    "--no-check",
    "--project",
    "tsconfig.json",
    "--external-imports",
    "zod",
    "-o",
    `${dir}/dist/index.d.ts`,
    `${dir}/src/index.ts`,
  ],
  { stdio: "inherit" },
);
console.log(`built ${dir}/dist/index.js and index.d.ts`);
