import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { extractZip } from "@/lib/training/extract-zip";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-unzip-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("extractZip", () => {
  it("unpacks nested entries", () => {
    const dir = tmp();
    const n = extractZip(zipSync({ "data.yaml": strToU8("names: {}\n"), "labels/train/img_000001.txt": strToU8("0 0.5 0.5 0.1 0.1\n") }), dir);
    expect(n).toBe(2);
    expect(fs.readFileSync(path.join(dir, "labels/train/img_000001.txt"), "utf8")).toBe("0 0.5 0.5 0.1 0.1\n");
  });

  it("refuses entries that would land outside the folder", () => {
    const dir = tmp();
    expect(() => extractZip(zipSync({ "../escape.txt": strToU8("x") }), path.join(dir, "inner"))).toThrow(/unsafe path/);
    expect(fs.existsSync(path.join(dir, "escape.txt"))).toBe(false);
  });
});
