import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { childProcessEnv } from "@/lib/env";
import { parseEventLine, type WorkerEvent } from "@/lib/training/progress-lines";

export type CxrTrainResult = { code: number | null; error: string | null };

// Runs `cxr-train --progress-json …`: stdout JSON events in order (handled one at a time), stderr lines (Ultralytics'
// log, tqdm bars split at \r) to onLog. Resolves when the process exits; never rejects for a non-zero exit.
export function runCxrTrain(command: string, args: string[], o: { onEvent(e: WorkerEvent): Promise<void>; onLog(line: string): void }): Promise<CxrTrainResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: childProcessEnv({ YOLO_OFFLINE: "1", PYTHONUNBUFFERED: "1" }), stdio: ["ignore", "pipe", "pipe"] });
    let chain = Promise.resolve();
    let error: string | null = null;
    let handlerFailure: unknown = null;
    createInterface({ input: child.stdout }).on("line", (line) => {
      const e = parseEventLine(line);
      if (!e) return o.onLog(line);
      if (e.stage === "error") error = e.error ?? e.message ?? "error";
      chain = chain.then(() => o.onEvent(e)).catch((err) => {
        handlerFailure ??= err;
      });
    });
    let partial = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      const parts = (partial + chunk).split(/\r?\n|\r/);
      partial = parts.pop() ?? "";
      for (const p of parts) o.onLog(p);
    });
    child.on("error", reject); // e.g. the executable vanished
    child.on("close", async (code) => {
      if (partial) o.onLog(partial);
      await chain;
      if (handlerFailure) return reject(handlerFailure);
      resolve({ code, error });
    });
  });
}
