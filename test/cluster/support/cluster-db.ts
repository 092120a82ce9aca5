// Reads the cluster's PostgreSQL database directly, to see job rows and predictions as the processes change them.
import pg from "pg";

const PG_BASE = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";

async function onServer(sql: string) {
  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A private database for one run (created here, dropped by `drop`); `name`: lowercase letters, digits, '_'. */
export async function createDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  await onServer(`CREATE DATABASE ${name}`);
  return { url: `${PG_BASE}/${name}`, drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export type ClusterDb = Awaited<ReturnType<typeof openClusterDb>>;

export async function openClusterDb(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
  return {
    /** Studies per status. */
    studyStatuses: async () =>
      Object.fromEntries(
        (await rows<{ status: string; n: string }>('SELECT status, count(*) AS n FROM "Study" GROUP BY status')).map((r) => [
          r.status,
          Number(r.n),
        ]),
      ),
    /** Instances by how many production predictions they have: { "1": 250 } is exactly once each. */
    predictionsPerInstance: async () =>
      Object.fromEntries(
        (
          await rows<{ k: number; n: string }>(
            `SELECT k, count(*) AS n FROM (SELECT i.id, count(p.id)::int AS k FROM "Instance" i LEFT JOIN "Prediction" p ON p."instanceId" = i.id AND p.routing = 'production' GROUP BY i.id) x GROUP BY k`,
          )
        ).map((r) => [String(r.k), Number(r.n)]),
      ),
    jobStates: async (type: string) =>
      Object.fromEntries(
        (await rows<{ state: string; n: string }>('SELECT state, count(*) AS n FROM "Job" WHERE type = $1 GROUP BY state', [type])).map(
          (r) => [r.state, Number(r.n)],
        ),
      ),
    /** Jobs of the type created since `since` that failed at least once and wait for their retry. */
    retried: async (type: string, since: Date) =>
      Number(
        (
          await rows<{ n: string }>(
            'SELECT count(*) AS n FROM "Job" WHERE type = $1 AND "createdAt" >= $2 AND attempts > 0 AND state = \'queued\'',
            [type, since.toISOString()],
          )
        )[0]!.n,
      ),
    running: (type: string) =>
      rows<{ id: string; lockedBy: string; progress: number }>(
        'SELECT id, "lockedBy", progress FROM "Job" WHERE type = $1 AND state = \'running\'',
        [type],
      ),
    job: async (id: string) =>
      (
        await rows<{ id: string; state: string; lockedBy: string | null; attempts: number }>(
          'SELECT id, state, "lockedBy", attempts FROM "Job" WHERE id = $1',
          [id],
        )
      )[0],
    close: () => client.end(),
  };
}
