import { spawnSync } from "node:child_process";
import fs from "node:fs";

export function descendants(pid: number): number[] {
  const kids = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)])
    .stdout.toString()
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  return [pid, ...kids.flatMap(descendants)];
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

// Current resident memory of a process and all its descendants, in MB.
export function processTreeRssMb(pid: number): number {
  return descendants(pid).reduce((mb, p) => mb + statusKb(p, "VmRSS") / 1024, 0);
}
