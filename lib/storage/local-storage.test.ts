import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, it, expect } from "vitest";
import { createLocalStorage } from "@/lib/storage/local-storage";
import { checkStorageContract } from "@/lib/storage/storage-contract";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-storage-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("local storage", () => {
  it("meets the storage contract", async () => {
    await checkStorageContract(createLocalStorage(root), "contract");
  });
  it("leaves no temporary files behind", async () => {
    const s = createLocalStorage(root);
    await s.put("x/y.bin", Uint8Array.of(9), "application/octet-stream");
    expect(fs.readdirSync(path.join(root, "x"))).toEqual(["y.bin"]);
  });
  it("sweeps temp files whose writer is gone, keeps those of live writers", async () => {
    const s = createLocalStorage(root);
    await s.put("warm/up.bin", Uint8Array.of(1), "application/octet-stream"); // creates the temp folder
    const tmp = path.join(root, ".tmp");
    const deadPid = spawnSync("node", ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    const host = os.hostname();
    const files = {
      dead: `${host}~${deadPid}~a.part`, // killed writer on this host
      live: `${host}~${process.pid}~b.part`, // this process, written now
      otherHostFresh: `elsewhere~1~c.part`,
      otherHostOld: `elsewhere~1~d.part`,
    };
    for (const f of Object.values(files)) fs.writeFileSync(path.join(tmp, f), "partial");
    const old = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(path.join(tmp, files.otherHostOld), old, old);
    expect(await s.sweepTemp()).toBe(2);
    expect(fs.readdirSync(tmp).sort()).toEqual([files.live, files.otherHostFresh].sort());
  });
});
