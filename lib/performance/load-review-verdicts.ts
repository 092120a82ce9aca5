import { db } from "@/lib/db";
import type { ReviewVerdicts, VerdictCounts } from "@/lib/performance/aggregate-performance";

const blank = (): VerdictCounts => ({ shown: 0, accepted: 0, rejected: 0, added: 0 });

// Signed-off reader reviews (primary and double reads) since `from`, each reduced to verdict counts per class for
// the version whose boxes the reader saw: shown = that version's findings on the study's images (latest visible
// prediction per image), accepted = kept or edited, rejected = rejected, added = reader-drawn boxes.
export async function loadReviewVerdicts(o: { from: Date; versionIds?: string[] }): Promise<ReviewVerdicts[]> {
  const reviews = await db.review.findMany({
    where: {
      status: "signed_off",
      signedOffAt: { gte: o.from },
      purpose: { in: ["primary", "double_read"] },
      modelVersionId: o.versionIds ? { in: o.versionIds } : { not: null },
    },
    select: {
      modelVersionId: true,
      signedOffAt: true,
      labels: { where: { deleted: false }, select: { originFindingId: true, source: true, className: true, rejected: true } },
      study: {
        select: {
          series: {
            select: {
              instances: {
                select: {
                  predictions: {
                    where: { visible: true },
                    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
                    select: { modelVersionId: true, findings: { select: { id: true, className: true } } },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  return reviews.map((r) => {
    const versionId = r.modelVersionId!;
    const instances = r.study.series.flatMap((s) => s.instances);
    const shown = new Map<string, string>(); // finding id -> class
    for (const inst of instances) {
      const p = inst.predictions.find((x) => x.modelVersionId === versionId);
      for (const f of p?.findings ?? []) shown.set(f.id, f.className);
    }
    const perClass: Record<string, VerdictCounts> = {};
    const at = (c: string) => (perClass[c] ??= blank());
    for (const c of shown.values()) at(c).shown++;
    for (const l of r.labels) {
      const origin = l.originFindingId ? shown.get(l.originFindingId) : undefined;
      if (origin !== undefined) {
        if (l.rejected) at(origin).rejected++;
        else at(origin).accepted++;
      } else if (l.source === "reader_added" && !l.rejected) at(l.className).added++;
    }
    return { versionId, day: r.signedOffAt!.toISOString().slice(0, 10), images: instances.length, perClass };
  });
}
