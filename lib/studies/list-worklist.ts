import type { Prisma } from "@/generated/prisma/client";
import { db, dbProvider } from "@/lib/db";
import { STUDY_STATUSES, type ListStudiesQuery, type StudyStatus, type WorklistPage } from "@/lib/schemas/study";
import { toWorklistItem } from "@/lib/studies/study-dto";

type Where = Prisma.StudyWhereInput;

// Without identity the search box matches pseudonyms only: patient IDs cannot be probed by prefix.
export function worklistWhere(q: ListStudiesQuery, identity: boolean, withStatus = true): Where {
  const where: Where = {};
  if (withStatus && q.status) where.status = q.status;
  if (q.modality) where.modality = q.modality;
  if (q.from || q.to)
    where.studyDate = {
      gte: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
      lte: q.to ? new Date(`${q.to}T23:59:59.999Z`) : undefined,
    };
  // A prefix as a range (>= q and < q + U+FFFF) uses the indexes on both databases; LIKE 'q%' does not on SQLite.
  const prefix = q.q ? { gte: q.q, lt: q.q + "\uffff" } : undefined;
  if (prefix) where.OR = identity ? [{ accessionNumber: prefix }, { patientId: prefix }] : [{ pseudonym: prefix }];
  return where;
}

// Nullable sort keys (study date, AI priority) put empty values last either way; id breaks ties so pages are stable.
// An explicit NULLS LAST is only added where the database would not do it anyway, so the index can serve the sort.
export function worklistOrder(q: ListStudiesQuery): Prisma.StudyOrderByWithRelationInput[] {
  const dir = q.dir;
  const nullsLastByDefault = dbProvider === "sqlite" ? dir === "desc" : dir === "asc";
  const nullable = (sort: Prisma.SortOrder) => (nullsLastByDefault ? sort : { sort, nulls: "last" as const });
  const primary: Prisma.StudyOrderByWithRelationInput =
    q.sort === "received" ? { receivedAt: dir } : q.sort === "studyDate" ? { studyDate: nullable(dir) } : { aiPriority: nullable(dir) };
  return [primary, { id: dir }];
}

export async function listWorklist(q: ListStudiesQuery, identity: boolean): Promise<WorklistPage> {
  const where = worklistWhere(q, identity);
  const [rows, total, grouped] = await Promise.all([
    db.study.findMany({
      where,
      orderBy: worklistOrder(q),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { series: { select: { _count: { select: { instances: true } } } } },
    }),
    db.study.count({ where }),
    db.study.groupBy({ by: ["status"], where: worklistWhere(q, identity, false), _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(STUDY_STATUSES.map((s) => [s, 0])) as Record<StudyStatus, number>;
  for (const g of grouped) if (g.status in counts) counts[g.status as StudyStatus] = g._count._all;
  return { items: rows.map((r) => toWorklistItem(r, identity)), total, page: q.page, pageSize: q.pageSize, counts };
}

// Previous/next study in the worklist order, so a reader moves on without going back to the list.
export async function worklistNeighbours(
  studyId: string,
  q: ListStudiesQuery,
  identity: boolean,
): Promise<{ previousId: string | null; nextId: string | null }> {
  const ids = (
    await db.study.findMany({ where: worklistWhere(q, identity), orderBy: worklistOrder(q), select: { id: true }, take: 10_000 })
  ).map((r) => r.id);
  const i = ids.indexOf(studyId);
  if (i < 0) return { previousId: null, nextId: ids[0] ?? null };
  return { previousId: ids[i - 1] ?? null, nextId: ids[i + 1] ?? null };
}
