import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "generated/**",
      "node_modules/**",
      "training/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "scripts/schema-engine-wasm.mjs",
      "clients/typescript/dist/**",
      "clients/python/.venv/**",
    ],
  },
  {
    // STYLE.md 7: lib/ is loaded by workers, CLIs and tests, so it never depends on Next or React.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*"], message: "lib/ must not import Next.js; keep it framework-free." },
            { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/ must not import React." },
            { group: ["@/app/*", "@/components/*"], message: "lib/ must not import app/ or components/." },
          ],
        },
      ],
    },
  },
  {
    // STYLE.md 8: process.env is read in lib/env.ts only (launchers in scripts/ and test setup excepted).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.ts", "workers/**/*.ts"],
    ignores: ["lib/env.ts", "lib/build-mode.ts", "**/*.test.ts"],
    rules: { "no-restricted-properties": ["error", { object: "process", property: "env", message: "Import env from @/lib/env." }] },
  },
];

export default config;
