import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";

// Temporary files of the local storage adapter live in one folder, named after the host and process that writes them,
// so a process that starts can tell the leftovers of a killed writer (its process is gone, or it is us from an earlier
// life) from files a live writer (another process on this data directory) is still writing.
const TEMP_DIR = ".tmp";
const STALE_MS = 60 * 60_000; // a writer on another host: only after an hour without a write
const startedAt = Date.now() - process.uptime() * 1000;

export const tempDirOf = (root: string) => path.join(root, TEMP_DIR);

export function tempPathFor(root: string): string {
  return path.join(tempDirOf(root), `${os.hostname()}~${process.pid}~${randomUUID()}.part`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Deletes the temporary files no live writer owns; returns how many. */
export async function sweepTempFiles(root: string): Promise<number> {
  const dir = tempDirOf(root);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) continue;
    const [host, pidText] = name.split("~");
    const pid = Number(pidText);
    const ours = host === os.hostname() && Number.isInteger(pid);
    const dead = ours ? !isAlive(pid) || (pid === process.pid && stat.mtimeMs < startedAt) : Date.now() - stat.mtimeMs > STALE_MS;
    if (dead)
      removed += await fs.rm(file, { force: true }).then(
        () => 1,
        () => 0,
      );
  }
  return removed;
}
