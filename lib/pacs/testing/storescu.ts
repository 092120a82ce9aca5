// DCMTK's storescu as the modality: C-STORE files to a DICOM node (Orthanc in tests), as a real X-ray unit would.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/** `propose`: storescu's transfer syntax option for compressed files, e.g. "-xy" (JPEG baseline), "-xr" (RLE). */
export async function storescu(
  o: { port: number; calledAeTitle: string; callingAeTitle?: string; propose?: string },
  files: Uint8Array[],
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-storescu-"));
  try {
    const paths = files.map((f, i) => {
      const p = path.join(dir, `${i}.dcm`);
      fs.writeFileSync(p, f);
      return p;
    });
    await promisify(execFile)("storescu", [
      o.propose ?? "-x=",
      "-aet",
      o.callingAeTitle ?? "MODALITY",
      "-aec",
      o.calledAeTitle,
      "127.0.0.1",
      String(o.port),
      ...paths,
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
