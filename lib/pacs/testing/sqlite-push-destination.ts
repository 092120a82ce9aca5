import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";

// For suites that run the production server as a process (e2e, faults): a results destination written straight into
// that server's SQLite file, the way Prisma stores it. Admins add connections at /admin/pacs (another area).
export type SqliteDestination = { dicomwebUrl: string; username?: string; password?: string };

export function addPushDestination(dbFile: string, d: SqliteDestination): { id: string; name: string } {
  const db = new Database(dbFile);
  try {
    const id = `t${randomUUID().replace(/-/g, "").slice(0, 24)}`;
    const name = `orthanc-${id.slice(-6)}`;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO "PacsConnection" (id, name, dicomwebUrl, authType, username, secret, pushResults, pushProtocol, enabled, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, 1, 'stow', 1, ?, ?)`,
    ).run(id, name, d.dicomwebUrl, d.username ? "basic" : "none", d.username ?? null, d.password ?? null, now, now);
    return { id, name };
  } finally {
    db.close();
  }
}

export function removePushDestination(dbFile: string, id: string): void {
  const db = new Database(dbFile);
  try {
    db.prepare(`DELETE FROM "PacsPush" WHERE connectionId = ?`).run(id);
    db.prepare(`DELETE FROM "PacsConnection" WHERE id = ?`).run(id);
  } finally {
    db.close();
  }
}
