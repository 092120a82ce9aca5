import type { PerformancePoint } from "@/lib/performance/aggregate-performance";

type VersionSeries = { versionId: string; name: string; version: string; byDay: (PerformancePoint & { day: string })[] };
export type DayRow = { day: string } & Record<string, number | string | null>;

export const versionLabel = (v: { name: string; version: string }) => `${v.name} ${v.version}`;

// One row per day with one column per version id (labels hold dots, which chart libraries read as paths), for a
// multi-line chart; days without reviews stay empty.
export function seriesByDay(versions: readonly VersionSeries[], metric: "acceptanceRate" | "rejectedPerImage" | "addedPerImage"): DayRow[] {
  const days = new Map<string, DayRow>();
  for (const v of versions)
    for (const p of v.byDay) {
      const row = days.get(p.day) ?? { day: p.day };
      row[v.versionId] = p[metric];
      days.set(p.day, row);
    }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
