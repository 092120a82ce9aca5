// The worker's `--progress-json` stdout: one JSON object per line with a `stage` (see training/README.md).
export type WorkerEvent = { stage: string; message?: string; epoch?: number; epochs?: number; error?: string; map50?: number | null; metrics?: Record<string, number | null>; done?: number; total?: number };

export function parseEventLine(line: string): WorkerEvent | null {
  const t = line.trim();
  if (!t.startsWith("{")) return null;
  try {
    const v = JSON.parse(t) as unknown;
    return v && typeof v === "object" && typeof (v as { stage?: unknown }).stage === "string" ? (v as WorkerEvent) : null;
  } catch {
    return null;
  }
}

const fmt = (v: number | null | undefined) => (typeof v === "number" ? v.toFixed(3) : "n/a");

/**
 * Job progress for an event: 2 % started, epochs fill 5–85 %, then the final validation, ONNX export, evaluation on
 * the val split and done (registration follows in the app). Null for events that do not move it.
 */
export function progressOfEvent(e: WorkerEvent): { fraction: number; message: string } | null {
  switch (e.stage) {
    case "start":
      return { fraction: 0.02, message: e.message ?? "training started" };
    case "train": {
      const epochs = e.epochs && e.epochs > 0 ? e.epochs : 1;
      const m = e.metrics ?? {};
      return { fraction: 0.05 + 0.8 * Math.min(1, (e.epoch ?? 0) / epochs), message: `epoch ${e.epoch}/${epochs} · box loss ${fmt(m["train/box_loss"])} · mAP50 ${fmt(m["metrics/mAP50(B)"])}` };
    }
    case "validate":
      return { fraction: 0.86, message: "validating the best checkpoint" };
    case "export":
      return { fraction: 0.88, message: "exporting ONNX" };
    case "evaluate":
      return e.total ? { fraction: 0.88 + 0.08 * ((e.done ?? 0) / e.total), message: `evaluating ${e.done ?? 0}/${e.total}` } : { fraction: 0.96, message: `evaluated: mAP@0.5 ${fmt(e.map50)}` };
    case "done":
      return { fraction: 0.97, message: "trained; registering the model" };
    default:
      return null;
  }
}

/** A bounded tail of text lines (the run's log kept in the database). */
export function lineTail(max: number) {
  const lines: string[] = [];
  return {
    push(line: string) {
      if (!line.trim()) return;
      lines.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
      if (lines.length > max) lines.splice(0, lines.length - max);
    },
    text: () => lines.join("\n"),
  };
}
