#!/usr/bin/env node
// `npm start`: prepare the embedded defaults (data dir, auth secret, migrations, first admin), build if needed,
// then serve the production build. A launcher, so it reads and sets process.env for the processes it starts.
import { spawnSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const e = process.env;
e.DATA_DIR = path.resolve(e.DATA_DIR || ".data");
fs.mkdirSync(e.DATA_DIR, { recursive: true });
e.DATABASE_URL ||= `file:${path.join(e.DATA_DIR, "cxr-review.db")}`;
const port = e.PORT || "3000";
e.NEXTAUTH_URL ||= `http://localhost:${port}`;
e.NEXTAUTH_SECRET ||= readOrCreateSecret(path.join(e.DATA_DIR, "auth-secret"));
const postgres = /^postgres(ql)?:\/\//.test(e.DATABASE_URL);

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: e });
  if (r.status !== 0) {
    console.error(`\n✖ ${what} failed (exit ${r.status}).`);
    process.exit(r.status || 1);
  }
}

function readOrCreateSecret(file) {
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

// Rebuild when any source file is newer than the last build.
function buildIsStale() {
  const stamp = ".next/BUILD_ID";
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const newer = (dir) =>
    fs.existsSync(dir) &&
    fs.readdirSync(dir, { withFileTypes: true }).some((d) => {
      const p = path.join(dir, d.name);
      return d.isDirectory() ? newer(p) : fs.statSync(p).mtimeMs > built;
    });
  return (
    ["app", "components", "lib", "public"].some(newer) || ["next.config.mjs", "package.json"].some((f) => fs.statSync(f).mtimeMs > built)
  );
}

const prismaArgs = ["prisma", "migrate", "deploy", ...(postgres ? ["--config", "prisma.postgres.config.ts"] : [])];
const skipMigrations = e.SKIP_MIGRATIONS === "1" || e.SKIP_MIGRATIONS === "true";
if (skipMigrations) {
  // Several replicas: one migration job migrates and creates the first admin; /api/ready waits for it.
  console.log(`▶ database: ${postgres ? "PostgreSQL" : "SQLite"} — migrations left to the migration job (SKIP_MIGRATIONS)`);
} else {
  console.log(`▶ database: ${postgres ? "PostgreSQL" : `SQLite (${e.DATABASE_URL.slice(5)})`} — applying migrations`);
  run("npx", prismaArgs, "Database migration");
  run("npx", ["tsx", "scripts/bootstrap.ts"], "First-run setup");
}
// The inference worker compiled beside the build (`npm run build`'s second step): also made alone after a bare
// `npx next build`, which empties .next (lib/inference/build-worker.ts).
const compiledWorker = ".next/cxr/inference-worker.mjs";
const workerIsStale = () => !fs.existsSync(compiledWorker) || fs.statSync(compiledWorker).mtimeMs < fs.statSync(".next/BUILD_ID").mtimeMs;
if (e.SKIP_BUILD !== "1" && buildIsStale()) {
  console.log("▶ building the production bundle (first start or changed sources)…");
  run("npx", ["next", "build"], "Build");
}
if (e.SKIP_BUILD !== "1" && workerIsStale()) run("npx", ["tsx", "scripts/build-inference-worker.ts"], "Inference worker build");
console.log(`▶ serving on http://localhost:${port}`);
// scripts/serve.mjs is `next start` plus the TCP peer address in X-Forwarded-For (see there why).
const server = spawn("node", ["scripts/serve.mjs"], { stdio: "inherit", env: { ...e, PORT: port, HOSTNAME: e.HOSTNAME || "0.0.0.0" } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
