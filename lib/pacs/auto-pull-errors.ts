import { db } from "@/lib/db";
import { PACS_POLL } from "@/lib/pacs/pull-job-type";

/** Per connection, the reason its latest auto-pull poll of the last 10 minutes failed (none when it succeeded). */
export async function recentAutoPullErrors(): Promise<Map<string, string>> {
  const polls = await db.job.findMany({
    where: { type: PACS_POLL, state: { in: ["succeeded", "failed"] }, finishedAt: { gt: new Date(Date.now() - 600_000) } },
    orderBy: { finishedAt: "desc" },
    select: { payload: true, state: true, error: true },
    take: 500,
  });
  const latest = new Map<string, string | null>();
  for (const p of polls) {
    const id = (p.payload as { connectionId?: string }).connectionId;
    if (id && !latest.has(id)) latest.set(id, p.state === "failed" ? (p.error ?? "failed") : null);
  }
  return new Map([...latest].filter((e): e is [string, string] => e[1] !== null));
}
