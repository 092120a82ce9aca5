import { db } from "@/lib/db";
import type { PredictionSample } from "@/lib/drift/features";
import type { DriftReference, DriftWindow } from "@/lib/schemas/drift";

export const MAX_WINDOW_PREDICTIONS = 50_000; // bounds memory; a larger window is sampled by its newest predictions

export type LoadedWindow = { samples: PredictionSample[]; label: string; from: Date | null; to: Date | null };

const select = { features: true, createdAt: true, findings: { select: { className: true, confidence: true } } } as const;

// Visible predictions only: shadow results are a different question (how a candidate would behave) and must not mix in.
export async function loadWindow(window: DriftWindow, modelVersionId?: string): Promise<LoadedWindow> {
  const rows = await db.prediction.findMany({
    where: { visible: true, modelVersionId, createdAt: { gte: window.from, lt: window.to } },
    orderBy: { createdAt: "desc" },
    take: MAX_WINDOW_PREDICTIONS,
    select,
  });
  return { samples: rows, label: `${window.from.toISOString()}/${window.to.toISOString()}`, from: window.from, to: window.to };
}

export async function loadReference(reference: DriftReference, modelVersionId?: string): Promise<LoadedWindow> {
  if ("from" in reference) return loadWindow(reference, modelVersionId);
  const rows = await db.prediction.findMany({
    where: { visible: true, modelVersionId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: Math.min(reference.firstN, MAX_WINDOW_PREDICTIONS),
    select,
  });
  return {
    samples: rows,
    label: `first ${reference.firstN} predictions`,
    from: rows[0]?.createdAt ?? null,
    to: rows[rows.length - 1]?.createdAt ?? null,
  };
}
