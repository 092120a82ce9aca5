// Which of a study's finished reads is its final one — the label exports train on, the registry evaluates against and
// the SR reports: a consensus first (the fused label), then an annotator's correction, then the primary read, then a
// double read; among reads of one purpose, the latest (sign-off, else last save) wins.
// "Latest wins" is safe for primary reads because a second primary read cannot be started or signed off over a
// signed-off one: it has to be an explicit amendment that starts from the signed-off labels (lib/reviews/amend-review.ts,
// lib/reviews/primary-rounds.ts), so the latest primary sign-off is always the latest amendment of what came before.
const PRECEDENCE: Record<string, number> = { consensus: 0, annotation: 1, primary: 2, double_read: 3 };

export type ReadCandidate = { studyId: string; purpose: string; signedOffAt: Date | null; updatedAt: Date };

const rank = (r: ReadCandidate) => PRECEDENCE[r.purpose] ?? 9;
const when = (r: ReadCandidate) => (r.signedOffAt ?? r.updatedAt).getTime();
const better = (a: ReadCandidate, b: ReadCandidate) => rank(a) < rank(b) || (rank(a) === rank(b) && when(a) > when(b));

/** The final read among one study's reads (undefined when there are none). */
export function pickFinalRead<T extends ReadCandidate>(reads: T[]): T | undefined {
  let best: T | undefined;
  for (const r of reads) if (!best || better(r, best)) best = r;
  return best;
}

/** One final read per study. */
export function pickFinalReadPerStudy<T extends ReadCandidate>(reads: T[]): T[] {
  const best = new Map<string, T>();
  for (const r of reads) {
    const cur = best.get(r.studyId);
    if (!cur || better(r, cur)) best.set(r.studyId, r);
  }
  return [...best.values()];
}
