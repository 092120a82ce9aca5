// Live performance from reader verdicts: per version, per class, per day. Pure: rows in, series out.

export type VerdictCounts = { shown: number; accepted: number; rejected: number; added: number };
/** One signed-off review: the version whose boxes the reader saw, the UTC day it was signed off, counts per class. */
export type ReviewVerdicts = { versionId: string; day: string; images: number; perClass: Record<string, VerdictCounts> };

export type PerformancePoint = VerdictCounts & {
  studies: number;
  images: number;
  /** (accepted + edited) / shown; null when no AI box was shown. */
  acceptanceRate: number | null;
  rejectedPerImage: number | null;
  addedPerImage: number | null;
};
export type VersionPerformance = {
  versionId: string;
  total: PerformancePoint;
  byDay: (PerformancePoint & { day: string })[];
  byClass: Record<string, PerformancePoint>;
};

const zero = (): VerdictCounts & { studies: number; images: number } => ({
  shown: 0,
  accepted: 0,
  rejected: 0,
  added: 0,
  studies: 0,
  images: 0,
});

export function toPoint(c: VerdictCounts & { studies: number; images: number }): PerformancePoint {
  return {
    ...c,
    acceptanceRate: c.shown > 0 ? c.accepted / c.shown : null,
    rejectedPerImage: c.images > 0 ? c.rejected / c.images : null,
    addedPerImage: c.images > 0 ? c.added / c.images : null,
  };
}

function add(into: VerdictCounts & { studies: number; images: number }, counts: VerdictCounts, images: number, studies: number) {
  into.shown += counts.shown;
  into.accepted += counts.accepted;
  into.rejected += counts.rejected;
  into.added += counts.added;
  into.images += images;
  into.studies += studies;
}

export function sumClasses(perClass: Record<string, VerdictCounts>): VerdictCounts {
  const s = zero();
  for (const c of Object.values(perClass)) add(s, c, 0, 0);
  return { shown: s.shown, accepted: s.accepted, rejected: s.rejected, added: s.added };
}

export function aggregatePerformance(reviews: readonly ReviewVerdicts[]): VersionPerformance[] {
  const byVersion = new Map<
    string,
    { total: ReturnType<typeof zero>; days: Map<string, ReturnType<typeof zero>>; classes: Map<string, ReturnType<typeof zero>> }
  >();
  for (const r of reviews) {
    let v = byVersion.get(r.versionId);
    if (!v) byVersion.set(r.versionId, (v = { total: zero(), days: new Map(), classes: new Map() }));
    const all = sumClasses(r.perClass);
    add(v.total, all, r.images, 1);
    if (!v.days.has(r.day)) v.days.set(r.day, zero());
    add(v.days.get(r.day)!, all, r.images, 1);
    for (const [name, c] of Object.entries(r.perClass)) {
      if (!v.classes.has(name)) v.classes.set(name, zero());
      add(v.classes.get(name)!, c, r.images, 1);
    }
  }
  return [...byVersion].map(([versionId, v]) => ({
    versionId,
    total: toPoint(v.total),
    byDay: [...v.days].sort(([a], [b]) => a.localeCompare(b)).map(([day, c]) => ({ day, ...toPoint(c) })),
    byClass: Object.fromEntries([...v.classes].sort(([a], [b]) => a.localeCompare(b)).map(([n, c]) => [n, toPoint(c)])),
  }));
}
