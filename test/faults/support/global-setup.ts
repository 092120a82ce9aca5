// The fault suite's figures: one file per run, printed as a table at the end.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { formatFigures, type Figure } from "./figures";

export default function setup() {
  const file = path.join(os.tmpdir(), `cxr-fault-figures-${process.pid}-${Date.now()}.jsonl`);
  process.env.FAULT_FIGURES_FILE = file;
  fs.writeFileSync(file, "");
  return () => {
    const lines = fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Figure);
    console.log(`\nFault suite figures\n${formatFigures(lines)}\n`);
    fs.rmSync(file, { force: true });
  };
}
