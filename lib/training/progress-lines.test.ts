import { describe, expect, it } from "vitest";
import { lineTail, parseEventLine, progressOfEvent, type WorkerEvent } from "@/lib/training/progress-lines";

describe("cxr-train --progress-json lines", () => {
  it("parses JSON event lines and ignores anything else", () => {
    expect(parseEventLine('{"stage": "train", "epoch": 2, "epochs": 4, "time": 1.5}')).toMatchObject({ stage: "train", epoch: 2 });
    expect(parseEventLine("Ultralytics 8.4 🚀 Python-3.11")).toBeNull();
    expect(parseEventLine('{"no_stage": 1}')).toBeNull();
    expect(parseEventLine("{broken")).toBeNull();
  });

  it("maps epochs onto 5–85 % and the later stages above it, in order", () => {
    const events: WorkerEvent[] = [
      { stage: "start", message: "yolo11n" },
      { stage: "train", epoch: 1, epochs: 4, metrics: { "train/box_loss": 1.5, "metrics/mAP50(B)": 0.1 } },
      { stage: "train", epoch: 4, epochs: 4, metrics: {} },
      { stage: "validate" },
      { stage: "export" },
      { stage: "evaluate", done: 1, total: 2 },
      { stage: "evaluate", map50: 0.3 },
      { stage: "done" },
    ];
    const seq = events.map((e) => progressOfEvent(e)!);
    expect(seq.map((p) => p.fraction)).toEqual([...seq.map((p) => p.fraction)].sort((a, b) => a - b));
    expect(seq[1]).toEqual({ fraction: 0.25, message: "epoch 1/4 · box loss 1.500 · mAP50 0.100" });
    expect(seq[2]!.fraction).toBeCloseTo(0.85);
    expect(seq[6]!.message).toBe("evaluated: mAP@0.5 0.300");
    expect(progressOfEvent({ stage: "import" })).toBeNull();
  });

  it("keeps only the last lines, each bounded", () => {
    const t = lineTail(3);
    for (const l of ["a", "", "b", "c", "d", "x".repeat(600)]) t.push(l);
    expect(t.text().split("\n")).toEqual(["c", "d", `${"x".repeat(500)}…`]);
  });
});
