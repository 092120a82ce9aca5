import { log } from "@/lib/log";
import type { DriftReportDto, DriftWebhookOutcome } from "@/lib/schemas/drift";

const TIMEOUT_MS = 5_000;

// POSTs a summary (features past a threshold, no histograms) when a computation alerts; a failure is logged, never thrown,
// so an unreachable receiver does not lose the stored snapshots.
export async function notifyDriftWebhook(url: string | undefined, report: Omit<DriftReportDto, "webhook">): Promise<DriftWebhookOutcome> {
  if (!url) return "not_configured";
  if (!report.alert) return "not_needed";
  const body = {
    event: "drift.alert",
    computedAt: report.computedAt,
    modelVersionId: report.modelVersionId,
    reference: report.reference,
    current: report.current,
    alerts: report.features
      .filter((f) => f.alert)
      .flatMap((f) =>
        f.metrics
          .filter((m) => m.alert)
          .map((m) => ({ feature: f.feature, kind: f.kind, metric: m.metric, score: m.score, threshold: m.threshold })),
      ),
  };
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (res.ok) return "delivered";
    log.warn("drift webhook refused", { status: res.status });
  } catch (e) {
    log.warn("drift webhook failed", { error: e instanceof Error ? e.message : String(e) });
  }
  return "failed";
}
