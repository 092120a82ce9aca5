import { loadStudyAiStateOrThrow, type StudyAiState } from "@/lib/studies/study-ai-state";

const CHECK_MS = 1000; // one indexed count per open viewer per second, on the server, instead of the page refetching the review
const MAX_OPEN_MS = 15 * 60_000; // the browser's EventSource reconnects after this; it bounds a forgotten tab's cost

export const sseEvent = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

// The study's AI state as a server-sent event stream: the state at once, then each change (a prediction landed, the
// study failed or moved on). Works with either queue: the Job and Prediction rows are the source of truth.
export function streamStudyEvents(
  studyId: string,
  signal: AbortSignal,
  load: (id: string) => Promise<StudyAiState> = loadStudyAiStateOrThrow,
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const opened = Date.now();
      let last = "";
      const stop = () => {
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const tick = async () => {
        if (signal.aborted) return stop();
        try {
          const state = await load(studyId);
          if (state.key !== last) controller.enqueue(enc.encode(sseEvent("ai", state)));
          else controller.enqueue(enc.encode(": keep-alive\n\n"));
          last = state.key;
        } catch {
          return stop(); // the study was deleted, or the database is gone: the client reconnects and gets the error
        }
        if (Date.now() - opened > MAX_OPEN_MS) return stop();
        timer = setTimeout(() => void tick(), CHECK_MS);
      };
      signal.addEventListener("abort", stop, { once: true });
      void tick();
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}
