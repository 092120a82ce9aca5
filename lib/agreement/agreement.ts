import type { MatchResult } from "@/lib/agreement/match-boxes";

export type AgreementCounts = { matched: number; onlyA: number; onlyB: number };
export type ClassAgreement = AgreementCounts & { className: string; f1: number | null; agreementRate: number | null };

// F1 of reader B against reader A (symmetric): 2·matched / (2·matched + onlyA + onlyB). null when neither drew a box.
export function f1Of(c: AgreementCounts): number | null {
  const d = 2 * c.matched + c.onlyA + c.onlyB;
  return d === 0 ? null : (2 * c.matched) / d;
}

// Share of all distinct findings both readers marked: matched / (matched + onlyA + onlyB).
export function agreementRateOf(c: AgreementCounts): number | null {
  const d = c.matched + c.onlyA + c.onlyB;
  return d === 0 ? null : c.matched / d;
}

export function countsOf(m: MatchResult): AgreementCounts {
  return { matched: m.matched.length, onlyA: m.onlyA.length, onlyB: m.onlyB.length };
}

// Per-class counts summed over any number of studies' match results, classes sorted by name.
export function perClassAgreement(results: MatchResult[]): ClassAgreement[] {
  const by = new Map<string, AgreementCounts>();
  const at = (c: string) => by.get(c) ?? by.set(c, { matched: 0, onlyA: 0, onlyB: 0 }).get(c)!;
  for (const r of results) {
    for (const m of r.matched) at(m.a.className).matched++;
    for (const x of r.onlyA) at(x.className).onlyA++;
    for (const x of r.onlyB) at(x.className).onlyB++;
  }
  return [...by.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([className, c]) => ({ className, ...c, f1: f1Of(c), agreementRate: agreementRateOf(c) }));
}

export function totalAgreement(results: MatchResult[]): AgreementCounts & { f1: number | null; agreementRate: number | null } {
  const c = results
    .map(countsOf)
    .reduce((s, x) => ({ matched: s.matched + x.matched, onlyA: s.onlyA + x.onlyA, onlyB: s.onlyB + x.onlyB }), {
      matched: 0,
      onlyA: 0,
      onlyB: 0,
    });
  return { ...c, f1: f1Of(c), agreementRate: agreementRateOf(c) };
}
