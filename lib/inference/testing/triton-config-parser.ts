import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Parses config.pbtxt text with Triton's model_config.proto (Python protobuf + tritonclient, installed by
// scripts/ensure-deploy-tools.sh). Returns undefined when the tools are absent; CI must have them.
const BIN = path.resolve(".data/tools/deploy/bin");

export const tritonParserAvailable = fs.existsSync(path.join(BIN, "python")) && fs.existsSync(path.join(BIN, "../.installed-v1"));

// int64 / uint64 fields are JSON strings in protobuf's JSON mapping; these are the ones our configs set.
const INT64_FIELDS = new Set(["dims", "maxQueueDelayMicroseconds"]);

/** The parsed ModelConfig as protobuf's JSON mapping, with its 64-bit integers as numbers. */
export function parseTritonConfig(pbtxt: string): Record<string, unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "triton-config-"));
  try {
    fs.writeFileSync(path.join(dir, "config.pbtxt"), pbtxt);
    const out = execFileSync(path.join(BIN, "python"), ["scripts/parse-triton-config.py", path.join(dir, "config.pbtxt")], {
      encoding: "utf8",
    });
    const parsed = JSON.parse(out, (k, v: unknown) => (INT64_FIELDS.has(k) ? (Array.isArray(v) ? v.map(Number) : Number(v)) : v)) as Record<
      string,
      unknown
    >;
    return { maxBatchSize: 0, ...parsed }; // proto3's JSON mapping leaves out zero values
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
