import { describe, expect, it } from "vitest";
import { aiPhase, type StudyAiState } from "@/lib/studies/study-ai-state";
import { streamStudyEvents } from "@/lib/studies/study-events";

const state = (status: StudyAiState["status"], predictions: number): StudyAiState => ({
  studyId: "s1",
  status,
  predictions,
  key: `${status}/${predictions}`,
  aiKey: `${aiPhase(status)}/${predictions}`,
});

describe("study events stream", () => {
  it("sends the state at once and again only when it changes; stops when the client leaves", async () => {
    const states = [state("new", 0), state("new", 0), state("predicted", 1)];
    let calls = 0;
    const abort = new AbortController();
    const reader = streamStudyEvents("s1", abort.signal, async () => states[Math.min(calls++, states.length - 1)]!).getReader();
    const dec = new TextDecoder();
    const chunks: string[] = [];
    while (chunks.length < 3) chunks.push(dec.decode((await reader.read()).value));
    expect(chunks[0]).toBe(`event: ai\ndata: ${JSON.stringify(states[0])}\n\n`);
    expect(chunks[1]).toBe(": keep-alive\n\n");
    expect(chunks[2]).toContain('"status":"predicted"');
    abort.abort();
    expect((await reader.read()).done).toBe(true);
  }, 10_000);
});

describe("AI phase", () => {
  it("moves with the AI only: starting or signing off a review leaves it alone", () => {
    expect(["new", "prediction_failed", "predicted", "in_review", "signed_off"].map((s) => aiPhase(s as StudyAiState["status"]))).toEqual([
      "pending",
      "failed",
      "done",
      "done",
      "done",
    ]);
  });
});
