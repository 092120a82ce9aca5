import net from "node:net";
import { AppError, isAppError } from "@/lib/errors";

// A minimal Redis client (RESP2 over TCP), enough for the job queue: no dependency, commands pipelined in order.
export class RespError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RespError";
  }
}
export type RespReply = string | number | null | RespReply[];
type Arg = string | number;

export function encodeCommand(args: readonly Arg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.from(String(a), "utf8");
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}

const INCOMPLETE = Symbol("incomplete");
// Redis unreachable or gone: the shared "backend down" error (a 503 to clients, a retry with backoff for jobs).
const down = (why: string) => new AppError("unavailable", `Redis at ${why}`, { retryAfterSeconds: 2 });
type Parsed = { value: RespReply | RespError; end: number } | typeof INCOMPLETE;

// Parses one reply starting at `at`; INCOMPLETE when the buffer does not hold all of it yet.
function parseAt(buf: Buffer, at: number): Parsed {
  const eol = buf.indexOf("\r\n", at);
  if (eol < 0) return INCOMPLETE;
  const line = buf.toString("utf8", at + 1, eol);
  switch (buf[at]) {
    case 0x2b: // +
      return { value: line, end: eol + 2 };
    case 0x2d: // -
      return { value: new RespError(line), end: eol + 2 };
    case 0x3a: // :
      return { value: Number(line), end: eol + 2 };
    case 0x24: {
      // $
      const len = Number(line);
      if (len < 0) return { value: null, end: eol + 2 };
      if (buf.length < eol + 2 + len + 2) return INCOMPLETE;
      return { value: buf.toString("utf8", eol + 2, eol + 2 + len), end: eol + 2 + len + 2 };
    }
    case 0x2a: {
      // *
      const n = Number(line);
      if (n < 0) return { value: null, end: eol + 2 };
      const items: RespReply[] = [];
      let end = eol + 2;
      for (let i = 0; i < n; i++) {
        const item = parseAt(buf, end);
        if (item === INCOMPLETE) return INCOMPLETE;
        if (item.value instanceof RespError) throw item.value; // errors nested in arrays (EXEC) are not used here
        items.push(item.value);
        end = item.end;
      }
      return { value: items, end };
    }
    default:
      throw new RespError(`Protocol error: unexpected byte ${buf[at]} in a Redis reply`);
  }
}

// Accumulates socket chunks and hands out every complete reply, in order.
export class RespParser {
  private buf: Buffer = Buffer.alloc(0);
  push(chunk: Buffer): (RespReply | RespError)[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: (RespReply | RespError)[] = [];
    let at = 0;
    while (at < this.buf.length) {
      const r = parseAt(this.buf, at);
      if (r === INCOMPLETE) break;
      out.push(r.value);
      at = r.end;
    }
    this.buf = this.buf.subarray(at);
    return out;
  }
}

type Pending = { resolve: (v: RespReply) => void; reject: (e: Error) => void };

export class RedisClient {
  private socket: net.Socket | null = null;
  private ready: Promise<void> | null = null;
  private pending: Pending[] = [];
  private parser = new RespParser();
  private readonly url: URL;

  constructor(url: string, private readonly connectTimeoutMs = 5000) {
    this.url = new URL(url);
    if (this.url.protocol !== "redis:") throw new Error(`Only redis:// URLs are supported (got ${this.url.protocol}).`);
  }

  /** Sends one command; connects (again) on demand. Redis errors reject with RespError. */
  async send(...args: Arg[]): Promise<RespReply> {
    if (!this.socket) this.open();
    await this.ready;
    return this.write(args);
  }

  async quit(): Promise<void> {
    if (!this.socket) return;
    await this.send("QUIT").catch(() => undefined);
    this.socket?.destroy();
  }

  private write(args: Arg[]): Promise<RespReply> {
    const socket = this.socket;
    if (!socket) return Promise.reject(down(`${this.url.host}: connection closed`));
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      socket.write(encodeCommand(args)); // a socket still connecting buffers the bytes
    });
  }

  private open() {
    const socket = net.connect({ host: this.url.hostname || "127.0.0.1", port: Number(this.url.port || 6379) });
    this.socket = socket;
    this.parser = new RespParser();
    socket.setNoDelay(true);
    socket.setTimeout(this.connectTimeoutMs, () => socket.destroy(down(`${this.url.host} did not answer`)));
    socket.on("data", (chunk) => this.onData(socket, chunk));
    socket.on("error", (e) => this.onClose(socket, isAppError(e) ? e : down(`${this.url.host}: ${e.message}`)));
    socket.on("close", () => this.onClose(socket, down(`${this.url.host}: connection closed`)));
    socket.once("connect", () => socket.setTimeout(0));
    // AUTH and SELECT go first on the wire, so every later command runs authenticated on the right database.
    const user = decodeURIComponent(this.url.username), password = decodeURIComponent(this.url.password);
    const db = Number(this.url.pathname.slice(1) || 0);
    const setup: Promise<RespReply>[] = [];
    if (password) setup.push(this.write(user ? ["AUTH", user, password] : ["AUTH", password]));
    if (db) setup.push(this.write(["SELECT", db]));
    this.ready = Promise.all(setup).then(() => undefined);
    this.ready.catch(() => undefined); // a failed setup rejects the send that awaits it
  }

  private onData(socket: net.Socket, chunk: Buffer) {
    if (socket !== this.socket) return;
    let replies: (RespReply | RespError)[];
    try {
      replies = this.parser.push(chunk);
    } catch (e) {
      socket.destroy(e as Error);
      return;
    }
    for (const r of replies) {
      const p = this.pending.shift();
      if (!p) continue;
      if (r instanceof RespError) p.reject(r);
      else p.resolve(r);
    }
  }

  // Every command in flight on this socket fails; the next send opens a fresh connection.
  private onClose(socket: net.Socket, e: Error) {
    if (socket !== this.socket) return;
    this.socket = null;
    this.ready = null;
    for (const p of this.pending.splice(0)) p.reject(e);
  }
}
