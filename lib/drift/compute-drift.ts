import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAudit, SYSTEM_ACTOR, type Actor } from "@/lib/audit/record-audit";
import { recordDriftGauges } from "@/lib/drift/drift-metrics";
import { extractFeatureValues, FEATURES } from "@/lib/drift/features";
import { loadReference, loadWindow } from "@/lib/drift/load-window";
import { notifyDriftWebhook } from "@/lib/drift/notify-webhook";
import { rankFeatures, scoreFeature, type FeatureScore } from "@/lib/drift/score-feature";
import type { ComputeDriftBody, DriftFeatureDto, DriftReportDto } from "@/lib/schemas/drift";

export type ComputeDriftOptions = { actor?: Actor; webhookUrl?: string | null };

const share = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 1e6) / 1e6);

function toFeatureDto(f: FeatureScore): DriftFeatureDto {
  const refTotal = f.histogram.reference.reduce((s, c) => s + c, 0);
  const curTotal = f.histogram.current.reduce((s, c) => s + c, 0);
  return {
    feature: f.feature,
    kind: f.kind,
    alert: f.alert,
    severity: f.severity,
    insufficientData: f.insufficientData,
    referenceCount: f.referenceCount,
    currentCount: f.currentCount,
    metrics: f.metrics,
    bins: f.histogram.labels.map((label, i) => ({
      label,
      reference: share(f.histogram.reference[i]!, refTotal),
      current: share(f.histogram.current[i]!, curTotal),
    })),
  };
}

// Scores every monitored feature of the current window against the reference, stores one DriftSnapshot per feature and
// metric, updates the gauges and, when a threshold is crossed, POSTs to the webhook (DRIFT_WEBHOOK_URL unless overridden).
export async function computeDrift(input: ComputeDriftBody, o: ComputeDriftOptions = {}): Promise<DriftReportDto> {
  const { modelVersionId } = input;
  if (modelVersionId && !(await db.modelVersion.findUnique({ where: { id: modelVersionId }, select: { id: true } })))
    throw new AppError("not_found", "No such model version.");
  const [reference, current] = await Promise.all([
    loadReference(input.reference, modelVersionId),
    loadWindow(input.current, modelVersionId),
  ]);
  if (reference.samples.length === 0) throw new AppError("unprocessable", "The reference window has no visible predictions.");
  if (current.samples.length === 0) throw new AppError("unprocessable", "The current window has no visible predictions.");

  const refValues = extractFeatureValues(reference.samples);
  const curValues = extractFeatureValues(current.samples);
  const scores = rankFeatures(FEATURES.map((spec) => scoreFeature(spec, refValues[spec.name]!, curValues[spec.name]!)));
  const features = scores.map(toFeatureDto);
  const computedAt = new Date();

  await db.driftSnapshot.createMany({
    data: features.flatMap((f) =>
      f.metrics.map((m) => ({
        modelVersionId: modelVersionId ?? null,
        windowStart: input.current.from,
        windowEnd: input.current.to,
        reference: reference.label,
        feature: f.feature,
        kind: f.kind,
        metric: m.metric,
        score: m.score,
        threshold: m.threshold,
        alert: m.alert,
        createdAt: computedAt,
        details: {
          pValue: m.pValue ?? null,
          referenceFrom: reference.from?.toISOString() ?? null,
          referenceTo: reference.to?.toISOString() ?? null,
          referenceCount: f.referenceCount,
          currentCount: f.currentCount,
          insufficientData: f.insufficientData,
          bins: f.bins,
        } as never,
      })),
    ),
  });
  recordDriftGauges(scores);

  const alertingFeatures = features.filter((f) => f.alert).map((f) => f.feature);
  const report: Omit<DriftReportDto, "webhook"> = {
    computedAt: computedAt.toISOString(),
    modelVersionId: modelVersionId ?? null,
    reference: {
      label: reference.label,
      from: reference.from?.toISOString() ?? null,
      to: reference.to?.toISOString() ?? null,
      predictions: reference.samples.length,
    },
    current: { from: input.current.from.toISOString(), to: input.current.to.toISOString(), predictions: current.samples.length },
    alert: alertingFeatures.length > 0,
    alertingFeatures,
    features,
  };
  const webhook = await notifyDriftWebhook(o.webhookUrl === undefined ? env.DRIFT_WEBHOOK_URL : (o.webhookUrl ?? undefined), report);
  await recordAudit(db, {
    actor: o.actor ?? SYSTEM_ACTOR,
    action: "drift.compute",
    targetType: modelVersionId ? "model_version" : undefined,
    targetId: modelVersionId,
    details: { reference: reference.label, current: report.current, alertingFeatures, webhook },
  });
  return { ...report, webhook };
}
