import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/generated/prisma-pg/client";
import { env, isPostgresUrl } from "@/lib/env";

export type Db = PrismaClient;

function create(url: string): PrismaClient {
  if (isPostgresUrl(url)) {
    // Same models generated for the postgresql provider (prisma/postgres); the client API is identical.
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

// One client per process; kept on globalThis so dev hot reloads do not open a new pool each time.
const g = globalThis as unknown as { cxrPrisma?: PrismaClient };
export const db: PrismaClient = g.cxrPrisma ?? create(env.DATABASE_URL);
g.cxrPrisma = db;

export const dbProvider: "sqlite" | "postgresql" = isPostgresUrl(env.DATABASE_URL) ? "postgresql" : "sqlite";
