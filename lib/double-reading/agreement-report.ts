import { db } from "@/lib/db";
import { agreementRateOf, countsOf, f1Of, perClassAgreement, totalAgreement } from "@/lib/agreement/agreement";
import { matchBoxes, type MatchResult } from "@/lib/agreement/match-boxes";
import { loadSignedReads, type LoadedRead } from "@/lib/reviews/signed-reads";
import type { AgreementReportDto } from "@/lib/schemas/double-reading";

type Reader = { id: string; email: string; name: string };

// Every double-read study: its two readers (in the order they were assigned), whether both reads are signed off,
// and for complete ones the box agreement at the IoU threshold; summed per class over complete studies.
export async function agreementReport(iouThreshold = 0.4): Promise<AgreementReportDto> {
  const assignments = await db.assignment.findMany({
    where: { kind: "double_read" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { assignee: { select: { id: true, email: true, name: true } }, study: { select: { pseudonym: true } } },
  });
  const byStudy = new Map<string, { pseudonym: string; readers: Reader[] }>();
  for (const a of assignments) {
    const s = byStudy.get(a.studyId) ?? byStudy.set(a.studyId, { pseudonym: a.study.pseudonym, readers: [] }).get(a.studyId)!;
    if (s.readers.length < 2 && !s.readers.some((r) => r.id === a.assigneeId)) s.readers.push(a.assignee);
  }
  const pairs = [...byStudy.entries()].filter(([, s]) => s.readers.length === 2);
  const ids = pairs.map(([id]) => id);
  const reads = await loadSignedReads(db, ids, ["double_read"]);
  const consensus = await db.review.findMany({
    where: { studyId: { in: ids }, purpose: "consensus" },
    select: { id: true, studyId: true, status: true, _count: { select: { labels: { where: { deleted: false, rejected: false } } } } },
  });

  const results: MatchResult[] = [];
  const studies = pairs.map(([studyId, s]) => {
    const [readerA, readerB] = s.readers as [Reader, Reader];
    const readOf = (r: Reader): LoadedRead | undefined => reads.find((x) => x.studyId === studyId && x.reader.id === r.id);
    const a = readOf(readerA);
    const b = readOf(readerB);
    const c = consensus.find((x) => x.studyId === studyId);
    let counts = null;
    if (a && b) {
      const m = matchBoxes(a.boxes, b.boxes, iouThreshold);
      results.push(m);
      const k = countsOf(m);
      counts = { ...k, f1: f1Of(k), agreementRate: agreementRateOf(k) };
    }
    return {
      studyId,
      pseudonym: s.pseudonym,
      readerA,
      readerB,
      state: a && b ? ("complete" as const) : ("waiting" as const),
      readsSignedOff: (a ? 1 : 0) + (b ? 1 : 0),
      impressions: a && b ? ([a.impression, b.impression] as [string | null, string | null]) : null,
      counts,
      consensus: c ? { reviewId: c.id, status: c.status, labels: c._count.labels } : null,
    };
  });
  return { iouThreshold, total: totalAgreement(results), perClass: perClassAgreement(results), studies };
}
