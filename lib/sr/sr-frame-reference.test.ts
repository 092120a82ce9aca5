import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseDicom, type DataSet } from "dicom-parser";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { writeMeasurementReport } from "@/lib/sr/write-measurement-report";
import { sampleReportInput } from "@/lib/sr/testing/sample-report";

// A box on frame N of a multi-frame image references that frame (Referenced Frame Number); single-frame boxes do not.
const items = (ds: DataSet, tag: string) => (ds.elements[tag]?.items ?? []).map((i) => i.dataSet!);
const CONTENT = "x0040a730";
const hasDsrdump = spawnSync("dsrdump", ["--version"]).error === undefined;
if (!hasDsrdump && env.CI) throw new Error("dsrdump (DCMTK) is required in CI: apt-get install -y dcmtk");

// Every SCOORD of the tree, in document order, with the image (and frame) it is SELECTED FROM.
function selectedFrom(bytes: Uint8Array): { uid: string | undefined; frame: string | undefined }[] {
  const out: { uid: string | undefined; frame: string | undefined }[] = [];
  const walk = (ds: DataSet) => {
    for (const c of items(ds, CONTENT)) {
      if (c.string("x0040a040") === "SCOORD") {
        const sop = items(items(c, CONTENT)[0]!, "x00081199")[0]!;
        out.push({ uid: sop.string("x00081155"), frame: sop.string("x00081160") });
      } else walk(c);
    }
  };
  walk(parseDicom(bytes));
  return out;
}

describe("SR frame references", () => {
  const input = sampleReportInput();
  input.boxes[1] = { ...input.boxes[1]!, frame: 2 };
  const bytes = writeMeasurementReport(input);

  it("puts ReferencedFrameNumber in the SELECTED FROM image reference of a box on a frame, and only there", () => {
    expect(selectedFrom(bytes)).toEqual([
      { uid: "1.2.826.0.1.3680043.8.498.1", frame: undefined },
      { uid: "1.2.826.0.1.3680043.8.498.1", frame: "2" },
      { uid: "1.2.826.0.1.3680043.8.498.2", frame: undefined },
    ]);
  });

  it.skipIf(!hasDsrdump)("dsrdump reads the frame reference", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cxr-sr-frame-")), "sr.dcm");
    fs.writeFileSync(file, bytes);
    const r = spawnSync("dsrdump", [file], { encoding: "utf8" });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect(r.status).toBe(0);
    expect(r.stdout.match(/selected from IMAGE:=\(DX image,,2\)/g)).toHaveLength(1);
  });
});
