// DCMTK's storescu / echoscu as the modality side of tests, and synthetic studies written as files for them to send.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

export type DcmtkRun = { code: number | null; output: string };

/** `onOutput` sees the output so far after each chunk (e.g. to act after the n-th acknowledged C-STORE). */
export function runDcmtk(
  tool: "storescu" | "echoscu",
  args: string[],
  timeoutMs = 120_000,
  onOutput?: (soFar: string) => void,
): Promise<DcmtkRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const add = (d: Buffer) => {
      output += d;
      onOutput?.(output);
    };
    child.stdout.on("data", add);
    child.stderr.on("data", add);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The status of each C-STORE as storescu -v reports it, e.g. ["Success", "Error: Cannot understand"]. */
export function storeStatuses(output: string): string[] {
  return [...output.matchAll(/Received Store Response \(([^)]*)\)/g)].map((m) => m[1]!);
}

export type StudyOnDisk = { dir: string; files: string[]; studyUid: string; instanceUids: string[]; remove(): void };

/** `count` instances of one new study (one series) as Part 10 files in a temporary folder. */
export function writeStudyFiles(count: number, o: { size?: number; patientId?: string } = {}): StudyOnDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-dcm-"));
  const first = makeStudyDicom({ size: o.size ?? 64, patientId: o.patientId });
  const instances = [
    first,
    ...Array.from({ length: count - 1 }, () =>
      makeStudyDicom({ size: o.size ?? 64, patientId: o.patientId, studyUid: first.uids.study, seriesUid: first.uids.series }),
    ),
  ];
  const files = instances.map((d, i) => {
    const file = path.join(dir, `im${String(i).padStart(4, "0")}.dcm`);
    fs.writeFileSync(file, d.bytes);
    return file;
  });
  return {
    dir,
    files,
    studyUid: first.uids.study,
    instanceUids: instances.map((d) => d.uids.instance),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
