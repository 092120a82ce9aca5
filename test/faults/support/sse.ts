import type { Session } from "./session";

// A server-sent event stream read as the browser's EventSource would: each `event:`/`data:` block parsed as it arrives.
export type SseStream = { events: { event: string; data: unknown }[]; close(): void; ended: Promise<void> };

export async function openSse(session: Session, path: string): Promise<SseStream> {
  const ctl = new AbortController();
  const res = await session.fetch(path, { signal: ctl.signal, headers: { accept: "text/event-stream" } });
  if (res.status !== 200 || !res.headers.get("content-type")?.startsWith("text/event-stream"))
    throw new Error(`${path}: ${res.status} ${res.headers.get("content-type")}`);
  const events: SseStream["events"] = [];
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  const ended = (async () => {
    let buf = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += dec.decode(value, { stream: true });
        for (let i = buf.indexOf("\n\n"); i >= 0; i = buf.indexOf("\n\n")) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return { events, close: () => ctl.abort(), ended };
}
