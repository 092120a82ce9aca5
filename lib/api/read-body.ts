import { AppError } from "@/lib/errors";

// Request bodies are counted while they stream in (chunked or not, whatever Content-Length claims): the read stops and
// the request fails with 413 as soon as the limit passes, so an oversized body never sits in memory.

/** The media type of a Content-Type header, exactly: `type/subtype` lower-cased, parameters parsed; null if malformed. */
export function parseMediaType(header: string | null): { type: string; params: Record<string, string> } | null {
  if (!header) return null;
  const [head, ...rest] = header.split(";");
  const type = head!.trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type)) return null;
  const params: Record<string, string> = {};
  for (const part of rest) {
    const m = /^\s*([a-z0-9!#$&^_.+-]+)=("(?:[^"\\]|\\.)*"|[^\s";]+)\s*$/i.exec(part);
    if (!m) return null; // e.g. "text/plain; application/json": a second type is no parameter
    params[m[1]!.toLowerCase()] = m[2]!.startsWith('"') ? m[2]!.slice(1, -1).replace(/\\(.)/g, "$1") : m[2]!;
  }
  return { type, params };
}

/** Throws 415 with a reason unless the request's Content-Type is exactly `expected` (parameters allowed). */
export function assertMediaType(req: Request, expected: string, hint: string): { type: string; params: Record<string, string> } {
  const header = req.headers.get("content-type");
  const media = parseMediaType(header);
  if (!media || media.type !== expected) {
    const got = header ? `Content-Type "${header.slice(0, 80)}" is not ${expected}` : "No Content-Type";
    throw new AppError("unsupported_media_type", `${got}: ${hint}`);
  }
  return media;
}

export const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The request body is larger than ${formatBytes(maxBytes)}.`);

/** The body as a stream that errors with 413 once more than `maxBytes` have arrived (and stops reading the request). */
export function limitedBody(req: Request, maxBytes: number): { stream: ReadableStream<Uint8Array>; exceeded: () => boolean } {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  let seen = 0;
  let over = false;
  const reader = req.body?.getReader();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!reader) return controller.close();
      const { done, value } = await reader.read();
      if (done) return controller.close();
      seen += value.byteLength;
      if (seen > maxBytes) {
        over = true;
        controller.error(tooLarge(maxBytes));
        await reader.cancel("payload too large").catch(() => undefined);
        return;
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader?.cancel(reason),
  });
  return { stream, exceeded: () => over };
}

/** The whole body, at most `maxBytes` of it (413 beyond). */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const { stream, exceeded } = limitedBody(req, maxBytes);
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    if (exceeded()) throw tooLarge(maxBytes);
    throw new AppError("bad_request", "The request body could not be read.", { cause: e instanceof Error ? e.message : String(e) });
  }
}

function formatBytes(n: number): string {
  return n >= 1e6 ? `${Math.round(n / 1e5) / 10} MB` : `${Math.round(n / 100) / 10} kB`;
}
