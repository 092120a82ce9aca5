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

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

function cpuMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
  } catch {
    return 0;
  }
}

// CPU time (user + system, all threads) of a process and its descendants, from /proc: the app server's cost per image.
export const treeCpuMs = (pid: number): number => descendants(pid).reduce((ms, p) => ms + cpuMsOf(p), 0);
