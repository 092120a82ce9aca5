import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { writeMeasurementReport } from "@/lib/sr/write-measurement-report";
import { sampleReportInput } from "@/lib/sr/testing/sample-report";

// DCMTK is the reference reader: the SR must parse there without errors, as a PACS would read it.
const hasDcmtk = !spawnSync("dcmdump", ["--version"]).error;
if (!hasDcmtk && env.CI) throw new Error("dcmdump (DCMTK) is required in CI: apt-get install -y dcmtk");
if (!hasDcmtk) console.warn("[lib/sr] dcmdump not installed (apt-get install -y dcmtk): the DCMTK check of the SR is skipped");

function run(tool: string, file: string) {
  const r = spawnSync(tool, [file], { encoding: "utf8" });
  return { status: r.status, out: r.stdout, errors: `${r.stderr}\n${r.stdout}`.split("\n").filter((l) => l.startsWith("E:")) };
}

describe.skipIf(!hasDcmtk)("the SR read by DCMTK", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-sr-"));
  const file = path.join(dir, "report.dcm");
  fs.writeFileSync(file, writeMeasurementReport(sampleReportInput()));

  it("dcmdump parses it without errors and shows every box's closed rectangle", () => {
    const r = run("dcmdump", file);
    expect(r.status).toBe(0);
    expect(r.errors).toEqual([]);
    expect(r.out).toMatch(/\(0008,0016\) UI =ComprehensiveSRStorage/);
    const polylines = [...r.out.matchAll(/\(0070,0022\) FL ([\d.\\]+)/g)].map((m) => m[1]);
    expect(polylines).toEqual([
      "100\\200\\400\\200\\400\\380\\100\\380\\100\\200",
      "10.5\\20.25\\60\\20.25\\60\\70\\10.5\\70\\10.5\\20.25",
      "5\\6\\50\\6\\50\\60\\5\\60\\5\\6",
    ]);
  });

  it("dsrdump reads it as an SR document tree with the three measurement groups", () => {
    const r = run("dsrdump", file);
    expect(r.status).toBe(0);
    expect(r.errors).toEqual([]);
    expect(r.out).toMatch(/Comprehensive SR Document/);
    expect(r.out.match(/CONTAINER:\(,,"Measurement Group"\)/g)).toHaveLength(3);
    expect(r.out).toMatch(/SCOORD:\(,,"Image Region"\)=\(POLYLINE,100\/200/);
  });
});
