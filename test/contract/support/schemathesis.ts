// Runs schemathesis (PyPI, in its own venv: scripts/ensure-schemathesis.sh) against a running server and returns
// its summary: how many test cases it generated and which operations failed which check.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type FuzzRun = { name: string; cases: number; failures: string[]; output: string; exitCode: number };
export type FuzzOptions = {
  name: string;
  schemaFile: string;
  baseUrl: string;
  headers: Record<string, string>;
  seed: number;
  maxExamples: number;
  workDir: string;
  /** Operations (by schemathesis' name, "METHOD /path") pinned to a fixture: { "DELETE /api/v1/tokens/{id}": { "path.id": "…" } } */
  pinned?: Record<string, Record<string, string>>;
  exclude?: string[]; // "METHOD /path" of operations this identity must not fuzz
  include?: string[]; // only these operations
  /** Operations whose documented 503 is the state of this environment (e.g. no training worker installed). */
  unavailable?: string[];
};

// The three promises of the contract: no 5xx, every status documented, every body matching its schema.
const CHECKS = ["not_a_server_error", "status_code_conformance", "response_schema_conformance", "content_type_conformance"];

export function schemathesisBin(): string {
  const out = execFileSync("bash", ["scripts/ensure-schemathesis.sh"]).toString().trim().split("\n");
  return out[out.length - 1]!;
}

const q = (s: string) => JSON.stringify(s); // TOML basic strings accept JSON string escapes

function configToml(o: FuzzOptions): string {
  const lines = [
    `seed = ${o.seed}`,
    `workers = 2`,
    `request-timeout = 60`,
    `[generation]`,
    `max-examples = ${o.maxExamples}`,
    `with-security-parameters = false`,
    `database = "none"`,
  ];
  lines.push(`[checks]`, `enabled = false`, ...CHECKS.map((c) => `${c}.enabled = true`));
  lines.push(`[headers]`, ...Object.entries(o.headers).map(([k, v]) => `${q(k)} = ${q(v)}`));
  for (const op of o.unavailable ?? []) {
    lines.push(
      `[[operations]]`,
      `include-name = ${q(op)}`,
      `checks = { not_a_server_error = { expected-statuses = ["2xx", "3xx", "4xx", "503"] } }`,
    );
  }
  for (const [op, params] of Object.entries(o.pinned ?? {})) {
    lines.push(
      `[[operations]]`,
      `include-name = ${q(op)}`,
      `parameters = { ${Object.entries(params)
        .map(([k, v]) => `${q(k)} = ${q(v)}`)
        .join(", ")} }`,
    );
  }
  return lines.join("\n") + "\n";
}

export async function runSchemathesis(bin: string, o: FuzzOptions): Promise<FuzzRun> {
  const config = path.join(o.workDir, `${o.name}.toml`);
  fs.writeFileSync(config, configToml(o));
  const junit = path.join(o.workDir, `${o.name}.junit.xml`);
  const args = [
    "--config-file",
    config,
    "run",
    o.schemaFile,
    "--url",
    o.baseUrl,
    "--report",
    "junit",
    "--report-junit-path",
    junit,
    "--no-color",
    "--output-truncate",
    "false",
    ...(o.exclude ?? []).flatMap((op) => ["--exclude-name", op]),
    ...(o.include ?? []).flatMap((op) => ["--include-name", op]),
  ];
  const child = spawn(path.join(bin, "st"), args, { cwd: o.workDir, env: { ...process.env, SCHEMATHESIS_HOOKS: "" } });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exitCode = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const cases = Number(/(\d+) generated/.exec(output)?.[1] ?? /Test cases:\s*(\d+)/.exec(output)?.[1] ?? 0);
  const xml = fs.existsSync(junit) ? fs.readFileSync(junit, "utf8") : "";
  const failures = [...xml.matchAll(/<testcase name="([^"]+)"[^>]*>\s*<(?:failure|error)/g)].map((m) => m[1]!);
  return { name: o.name, cases, failures, output, exitCode };
}
