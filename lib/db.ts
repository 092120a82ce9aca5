import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/generated/prisma-pg/client";
import { env, isPostgresUrl } from "@/lib/env";
import { TunedSqliteAdapter } from "@/lib/db-sqlite";

export type Db = PrismaClient;

/** A client for the database at `url` (the process's own is `db`; tools and tests may open another). */
export function openDb(url: string): PrismaClient {
  if (isPostgresUrl(url)) {
    // Same models generated for the postgresql provider (prisma/postgres); the client API is identical.
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  }
  // WAL, BEGIN IMMEDIATE and busy retries: the web process and `npm run worker` share the file safely.
  return new PrismaClient({ adapter: new TunedSqliteAdapter(url, env.SQLITE_BUSY_TIMEOUT_MS) });
}

// One client per process; kept on globalThis so dev hot reloads do not open a new pool each time.
const g = globalThis as unknown as { cxrPrisma?: PrismaClient };
export const db: PrismaClient = g.cxrPrisma ?? openDb(env.DATABASE_URL);
g.cxrPrisma = db;

export const dbProvider: "sqlite" | "postgresql" = isPostgresUrl(env.DATABASE_URL) ? "postgresql" : "sqlite";
