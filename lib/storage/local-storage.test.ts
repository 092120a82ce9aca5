import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
});
