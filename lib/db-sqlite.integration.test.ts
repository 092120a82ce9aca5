import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { TunedSqliteAdapter } from "@/lib/db-sqlite";

// Two connections to one SQLite file, as the web process and `npm run worker` have. Each runs read-then-write
// transactions that stay open across awaits (like Prisma's interactive transactions in ingest), all at once.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-sqlite-"));
const clients: PrismaClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function pair(file: string, tuned: boolean) {
  const url = `file:${path.join(dir, file)}`;
  const make = () => new PrismaClient({ adapter: tuned ? new TunedSqliteAdapter(url, 10_000) : new PrismaBetterSqlite3({ url }) });
  const [a, b] = [make(), make()];
  clients.push(a, b);
  await a.$executeRawUnsafe("CREATE TABLE counter (n INTEGER NOT NULL)");
  return [a, b] as const;
}

async function contend(a: PrismaClient, b: PrismaClient, each: number) {
  const one = (c: PrismaClient) =>
    c.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe("SELECT count(*) FROM counter"); // read first: a deferred BEGIN cannot wait for the lock after this
        await new Promise((r) => setTimeout(r, 5));
        await tx.$executeRawUnsafe("INSERT INTO counter (n) VALUES (1)");
      },
      { timeout: 20_000, maxWait: 20_000 },
    );
  const runs = [...Array.from({ length: each }, () => one(a)), ...Array.from({ length: each }, () => one(b))];
  const results = await Promise.allSettled(runs);
  const rows = (await a.$queryRawUnsafe<{ c: bigint }[]>("SELECT count(*) AS c FROM counter"))[0]!.c;
  return { errors: results.filter((r) => r.status === "rejected").length, rows: Number(rows) };
}

describe("SQLite shared by two processes' connections", () => {
  it("tuned (WAL, BEGIN IMMEDIATE, async busy retries): every concurrent write transaction commits", async () => {
    const [a, b] = await pair("tuned.db", true);
    expect(await a.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    expect(await contend(a, b, 20)).toEqual({ errors: 0, rows: 40 });
    // Plain statements outside transactions interleave with them too.
    const plain = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).$executeRawUnsafe("INSERT INTO counter (n) VALUES (2)")),
    );
    expect(plain.every((r) => r.status === "fulfilled")).toBe(true);
  });

  it("the untuned adapter (the previous default) loses writes under the same load — what the tuning fixes", async () => {
    const [a, b] = await pair("plain.db", false);
    const r = await contend(a, b, 3); // small: each failure first blocks the event loop for the 5 s busy timeout
    expect(r.errors).toBeGreaterThan(0);
    expect(r.rows).toBeLessThan(6);
  }, 90_000);
});
