import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";

// Unpacks an export zip into `dir`; entry names that would escape it are refused.
export function extractZip(bytes: Uint8Array, dir: string): number {
  const files = unzipSync(bytes);
  const root = path.resolve(dir);
  let n = 0;
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith("/")) continue;
    const target = path.resolve(root, name);
    if (!target.startsWith(root + path.sep)) throw new Error(`unsafe path in zip: ${name}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
    n++;
  }
  return n;
}
