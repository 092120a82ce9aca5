// Reads the production server's SQLite database directly (read-only), to see job rows and predictions as they change.
import Database from "better-sqlite3";

export type JobRow = { id: string; state: string; attempts: number; lockedBy: string | null; progress: number; error: string | null };

export function openFaultDb(databaseUrl: string) {
  const db = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 2000");
  return {
    jobs: (type: string) =>
      db.prepare("SELECT id, state, attempts, lockedBy, progress, error FROM Job WHERE type = ? ORDER BY createdAt").all(type) as JobRow[],
    job: (id: string) =>
      db.prepare("SELECT id, state, attempts, lockedBy, progress, error FROM Job WHERE id = ?").get(id) as JobRow | undefined,
    studyStatuses: () => db.prepare("SELECT status, count(*) AS n FROM Study GROUP BY status").all() as { status: string; n: number }[],
    predictionsPerInstance: () =>
      db
        .prepare("SELECT i.id AS instanceId, count(p.id) AS n FROM Instance i LEFT JOIN Prediction p ON p.instanceId = i.id GROUP BY i.id")
        .all() as { instanceId: string; n: number }[],
    close: () => db.close(),
  };
}
