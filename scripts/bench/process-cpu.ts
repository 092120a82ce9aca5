import fs from "node:fs";
import { spawnSync } from "node:child_process";

// CPU time (user + system, all threads) of a process and its descendants, from /proc: the app server's cost per image.
const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

export function descendants(pid: number): number[] {
  const kids = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)])
    .stdout.toString()
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  return [pid, ...kids.flatMap(descendants)];
}

function cpuMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
  } catch {
    return 0;
  }
}

export const treeCpuMs = (pid: number): number => descendants(pid).reduce((ms, p) => ms + cpuMsOf(p), 0);
