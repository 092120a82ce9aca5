import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

// SQLite as a real embedded database beside a separate worker process (two connections to one file):
// - WAL: readers never block the writer and the writer never blocks readers;
// - write transactions start with BEGIN IMMEDIATE, so they queue for the write lock up front instead of failing
//   with SQLITE_BUSY halfway (a deferred BEGIN that read first cannot wait for the lock: it must fail);
// - waiting for the lock happens asynchronously (short synchronous busy handler, then retries off the event loop
//   until SQLITE_BUSY_TIMEOUT_MS), because better-sqlite3 is synchronous and a long busy wait would freeze the server.
// The adapter exposes no hook for this, so `connect()` tunes the connection it opens (better-sqlite3's `client`).

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type Tx = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Statement = { run(...a: unknown[]): unknown };
type Sqlite = { pragma(s: string): unknown; exec(sql: string): unknown; prepare(sql: string): Statement };

const SYNC_BUSY_MS = 25; // the longest the event loop may block in one try

/** True for SQLite's "database is busy/locked", raw or as Prisma's driver adapter wraps it. */
export function isSqliteBusy(e: unknown): boolean {
  const o = e as { code?: unknown; cause?: { kind?: unknown; originalCode?: unknown } } | null;
  if (typeof o?.code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(o.code)) return true;
  return (
    o?.cause?.kind === "SocketTimeout" || (typeof o?.cause?.originalCode === "string" && /^SQLITE_(BUSY|LOCKED)/.test(o.cause.originalCode))
  );
}

async function retryBusy<T>(work: () => Promise<T> | T, deadline: number): Promise<T> {
  for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
    try {
      return await work();
    } catch (e) {
      if (!isSqliteBusy(e) || Date.now() + wait > deadline) throw e;
      await new Promise((r) => setTimeout(r, wait + Math.random() * wait));
    }
  }
}

// One in-process queue in front of the adapter's own transaction mutex: the write lock is taken here (async retries),
// then the adapter's BEGIN becomes a no-op on a connection that already holds it.
function tune(adapter: Adapter, busyTimeoutMs: number): Adapter {
  const client = (adapter as unknown as { client: Sqlite }).client;
  client.pragma("journal_mode = WAL");
  client.pragma("synchronous = NORMAL"); // safe in WAL: a power cut may lose the last commits, never corrupt the file
  client.pragma(`busy_timeout = ${Math.min(SYNC_BUSY_MS, busyTimeoutMs)}`);
  let begun = false;
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => (sql === "BEGIN" && begun ? { run: () => void (begun = false) } : prepare(sql));

  let queue: Promise<void> = Promise.resolve();
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolation) => {
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const before = queue;
    queue = before.then(() => mine);
    await before;
    try {
      await retryBusy(() => client.exec("BEGIN IMMEDIATE"), Date.now() + busyTimeoutMs);
      begun = true;
      const tx: Tx = await startTransaction(isolation);
      const end = (f: () => Promise<void>) => () => f().finally(release);
      tx.commit = end(tx.commit.bind(tx));
      tx.rollback = end(tx.rollback.bind(tx));
      return tx;
    } catch (e) {
      if (begun) client.exec("ROLLBACK");
      begun = false;
      release();
      throw e;
    }
  };
  // Statements outside a transaction commit on their own: one that found the database busy did nothing, so retry it.
  for (const m of ["queryRaw", "executeRaw"] as const) {
    const original = adapter[m].bind(adapter) as (q: never) => Promise<unknown>;
    (adapter as unknown as Record<string, unknown>)[m] = (q: never) => retryBusy(() => original(q), Date.now() + busyTimeoutMs);
  }
  return adapter;
}

/** The better-sqlite3 adapter factory with the connection tuned for concurrent processes (see above). */
export class TunedSqliteAdapter extends PrismaBetterSqlite3 {
  constructor(
    url: string,
    private readonly busyTimeoutMs: number,
  ) {
    super({ url, timeout: Math.min(SYNC_BUSY_MS, busyTimeoutMs) });
  }
  async connect(): Promise<Adapter> {
    return tune(await super.connect(), this.busyTimeoutMs);
  }
}
