import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { computeDrift } from "@/lib/drift/compute-drift";
import { DRIFT_COMPUTE, runDriftJob } from "@/lib/drift/drift-job";
import { listDriftSnapshots } from "@/lib/drift/list-snapshots";
import { PSI_ALERT } from "@/lib/drift/psi";
import { jobHandler } from "@/lib/jobs/job-registry";
import { metricsRegistry } from "@/lib/metrics/registry";
import type { DriftReportDto } from "@/lib/schemas/drift";

// Seeded PRNG (mulberry32) and Box–Muller normals: every run draws the same synthetic streams.
function rng(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean: number, sd: number) => mean + sd * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const pick = <T>(weighted: [T, number][]) => {
    let u = uniform();
    for (const [v, w] of weighted) if ((u -= w) <= 0) return v;
    return weighted[weighted.length - 1]![0];
  };
  return { uniform, normal, pick };
}

const CLASSES = ["Cardiomegaly", "Pleural effusion", "Nodule/Mass", "Atelectasis", "Lung Opacity"];
const PER_WINDOW = 400;
const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const REF = { from: day(1), to: day(8) };
const SAME = { from: day(8), to: day(15) };
const SHIFTED = { from: day(15), to: day(22) };

type Stream = { seed: number; window: { from: Date; to: Date }; shifted: boolean; visible?: boolean };

async function seedStream(modelVersionId: string, instanceId: string, s: Stream) {
  const r = rng(s.seed);
  const predictions = [];
  const findings = [];
  const span = s.window.to.getTime() - s.window.from.getTime();
  for (let i = 0; i < PER_WINDOW; i++) {
    const id = randomUUID();
    const mean = Math.round(r.normal(s.shifted ? 150 : 110, 12) * 100) / 100;
    const std = Math.round(r.normal(52, 6) * 100) / 100;
    const manufacturer = s.shifted
      ? r.pick<string | null>([
          ["Nova DR", 0.7],
          ["Acme Imaging", 0.3],
        ])
      : r.pick<string | null>([
          ["Acme Imaging", 0.6],
          ["Borealis Medical", 0.38],
          [null, 0.02],
        ]);
    const features = {
      manufacturer,
      viewPosition: r.pick([
        ["PA", 0.7],
        ["AP", 0.3],
      ]),
      photometric: r.pick([
        ["MONOCHROME2", 0.9],
        ["MONOCHROME1", 0.1],
      ]),
      modality: r.pick([
        ["DX", 0.8],
        ["CR", 0.2],
      ]),
      pixelSpacingMm: r.pick([
        [0.139, 0.2],
        [0.143, 0.3],
        [0.15, 0.2],
        [0.168, 0.2],
        [0.2, 0.1],
      ]),
      rows: Math.round(r.normal(2500, 200)),
      columns: Math.round(r.normal(2300, 200)),
      meanIntensity: mean,
      stdIntensity: std,
      p05: Math.max(0, Math.round(mean - 1.7 * std + r.normal(0, 4))),
      p50: Math.round(mean + r.normal(0, 5)),
      p95: Math.min(255, Math.round(mean + 1.6 * std + r.normal(0, 4))),
    };
    predictions.push({
      id,
      instanceId,
      modelVersionId,
      routing: "production",
      visible: s.visible ?? true,
      thresholds: {},
      preprocessMs: 1,
      inferenceMs: 10,
      postprocessMs: 1,
      features,
      createdAt: new Date(s.window.from.getTime() + ((i + 0.5) / PER_WINDOW) * span),
    });
    const boxes = r.pick([
      [0, 0.4],
      [1, 0.3],
      [2, 0.2],
      [3, 0.1],
    ]);
    for (let b = 0; b < boxes; b++) {
      const classIndex = Math.floor(r.uniform() * CLASSES.length);
      findings.push({
        predictionId: id,
        classIndex,
        className: CLASSES[classIndex]!,
        modelClass: CLASSES[classIndex]!,
        confidence: 0.25 + 0.7 * r.uniform(),
        x1: 10,
        y1: 10,
        x2: 50,
        y2: 50,
      });
    }
  }
  await db.prediction.createMany({ data: predictions });
  await db.finding.createMany({ data: findings });
}

let modelVersionId: string;
let server: http.Server;
let webhookUrl: string;
const received: { headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];

// The integration database is shared by the run's files (a periodic drift job elsewhere may add snapshots): this
// file counts the snapshots made since it started.
const since = new Date();
const ours = <T extends { createdAt: string }>(rows: T[]) => rows.filter((r) => new Date(r.createdAt) >= since);

beforeAll(async () => {
  const tag = randomUUID();
  const version = await db.modelVersion.create({
    data: {
      name: "drift-test",
      version: tag,
      sha256: tag,
      storageKey: `models/${tag}.onnx`,
      sizeBytes: 1,
      classes: CLASSES,
      inputSize: 640,
      headType: "yolo-anchor-free",
      thresholds: {},
      modelCard: {},
    },
  });
  modelVersionId = version.id;
  const study = await db.study.create({ data: { studyInstanceUid: `1.2.3.${Date.now()}`, pseudonym: `drift-${tag}`, modality: "DX" } });
  const series = await db.series.create({ data: { studyId: study.id, seriesInstanceUid: `1.2.4.${Date.now()}`, modality: "DX" } });
  const instance = await db.instance.create({
    data: {
      seriesId: series.id,
      sopInstanceUid: `1.2.5.${Date.now()}`,
      sopClassUid: "1.2.840.10008.5.1.4.1.1.1.1",
      source: "dicom",
      transferSyntaxUid: "1.2.840.10008.1.2.1",
      storageKey: `drift/${tag}`,
      sha256: tag,
      sizeBytes: 1,
      rows: 128,
      columns: 128,
      bitsAllocated: 16,
      bitsStored: 12,
      photometric: "MONOCHROME2",
      tags: {},
    },
  });
  await seedStream(modelVersionId, instance.id, { seed: 1, window: REF, shifted: false });
  await seedStream(modelVersionId, instance.id, { seed: 2, window: SAME, shifted: false });
  await seedStream(modelVersionId, instance.id, { seed: 3, window: SHIFTED, shifted: true });
  // Shadow predictions are stored, never shown: a shifted shadow stream inside the unshifted window must not count.
  await seedStream(modelVersionId, instance.id, { seed: 4, window: SAME, shifted: true, visible: false });

  server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body: JSON.parse(text) as Record<string, unknown> });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/drift`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const feature = (report: DriftReportDto, name: string) => report.features.find((f) => f.feature === name)!;
const psiOf = (report: DriftReportDto, name: string) => feature(report, name).metrics.find((m) => m.metric === "psi")!;

describe("computeDrift", () => {
  it("does not alert on an unshifted stream (same distribution, other draws) and calls no webhook", async () => {
    const report = await computeDrift({ modelVersionId, reference: { firstN: PER_WINDOW }, current: SAME }, { webhookUrl });
    expect(report.reference.predictions).toBe(PER_WINDOW);
    expect(report.current.predictions).toBe(PER_WINDOW); // the invisible shadow stream is left out
    expect(report.features).toHaveLength(15);
    expect(report.alert).toBe(false);
    expect(report.alertingFeatures).toEqual([]);
    for (const f of report.features) for (const m of f.metrics) expect(m.score, `${f.feature} ${m.metric}`).toBeLessThan(m.threshold);
    expect(report.webhook).toBe("not_needed");
    expect(received).toHaveLength(0);
  });

  it("raises drift on a shifted stream, alerts and POSTs the webhook", async () => {
    const report = await computeDrift({ modelVersionId, reference: { firstN: PER_WINDOW }, current: SHIFTED }, { webhookUrl });
    expect(report.alert).toBe(true);
    for (const name of ["manufacturer", "meanIntensity", "p50", "p05", "p95"]) {
      expect(psiOf(report, name).score, name).toBeGreaterThan(PSI_ALERT);
      expect(feature(report, name).alert, name).toBe(true);
    }
    expect(feature(report, "meanIntensity").metrics.find((m) => m.metric === "ks")!.alert).toBe(true);
    // Unshifted features stay quiet, and the drifting ones lead the report.
    for (const name of ["viewPosition", "rows", "confidence", "classMix"]) expect(feature(report, name).alert, name).toBe(false);
    expect(report.features.slice(0, 5).every((f) => f.alert)).toBe(true);
    expect(new Set(report.alertingFeatures)).toEqual(new Set(["manufacturer", "meanIntensity", "p05", "p50", "p95"]));
    const bins = feature(report, "manufacturer").bins;
    expect(bins.find((b) => b.label === "Nova DR")).toMatchObject({ reference: 0 });
    expect(bins.reduce((s, b) => s + b.current, 0)).toBeCloseTo(1, 5);

    expect(report.webhook).toBe("delivered");
    expect(received).toHaveLength(1);
    expect(received[0]!.headers["content-type"]).toBe("application/json");
    const body = received[0]!.body as {
      event: string;
      modelVersionId: string;
      alerts: { feature: string; metric: string; score: number; threshold: number }[];
    };
    expect(body.event).toBe("drift.alert");
    expect(body.modelVersionId).toBe(modelVersionId);
    expect(body.alerts).toContainEqual(expect.objectContaining({ feature: "manufacturer", metric: "psi", threshold: PSI_ALERT }));
    expect(body.alerts.every((a) => a.score > a.threshold)).toBe(true);
  });

  it("exports the latest scores and alerts as Prometheus gauges", async () => {
    const text = await metricsRegistry().metrics();
    expect(text).toContain("# TYPE cxr_drift_score gauge");
    expect(text).toMatch(/cxr_drift_score\{feature="meanIntensity",metric="psi"\} \d/);
    expect(text).toMatch(/cxr_drift_score\{feature="meanIntensity",metric="ks"\} 0\.\d+/);
    expect(text).toContain('cxr_drift_alert{feature="manufacturer"} 1');
    expect(text).toContain('cxr_drift_alert{feature="rows"} 0');
  });

  it("stores one snapshot per feature and metric, listed newest first", async () => {
    const all = ours(await listDriftSnapshots({ feature: "meanIntensity", limit: 10 }));
    expect(all).toHaveLength(4); // two runs × (psi, ks)
    expect(all.slice(0, 2).every((s) => s.alert && s.windowStart === SHIFTED.from.toISOString())).toBe(true);
    expect(all[0]!.reference).toBe(`first ${PER_WINDOW} predictions`);
    expect(all[0]!.details).toMatchObject({ referenceCount: PER_WINDOW, currentCount: PER_WINDOW });
    const ks = all.find((s) => s.metric === "ks" && s.alert)!;
    expect((ks.details as { pValue: number }).pValue).toBeLessThan(0.01);
    expect(ours(await listDriftSnapshots({ limit: 1000 }))).toHaveLength(2 * (15 + 9)); // per run: 15 PSI rows + 9 KS rows (continuous features)
  });

  it("takes a reference period as well as the first N predictions", async () => {
    const report = await computeDrift({ modelVersionId, reference: REF, current: SHIFTED }, { webhookUrl: null });
    expect(report.reference.label).toBe(`${REF.from.toISOString()}/${REF.to.toISOString()}`);
    expect(report.reference.predictions).toBe(PER_WINDOW);
    expect(psiOf(report, "manufacturer").alert).toBe(true);
    expect(report.webhook).toBe("not_configured");
  });

  it("keeps the snapshots when the webhook receiver is down", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const before = (await listDriftSnapshots({ limit: 1000 })).length;
    const report = await computeDrift(
      { modelVersionId, reference: { firstN: PER_WINDOW }, current: SHIFTED },
      { webhookUrl: `http://127.0.0.1:${port}/` },
    );
    expect(report.webhook).toBe("failed");
    expect((await listDriftSnapshots({ limit: 1000 })).length).toBe(before + 24);
  });

  it("refuses an unknown version and an empty window", async () => {
    await expect(computeDrift({ modelVersionId: "nope", reference: { firstN: 10 }, current: SAME })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      computeDrift({ modelVersionId, reference: { firstN: 10 }, current: { from: day(25), to: day(26) } }),
    ).rejects.toMatchObject({ code: "unprocessable" });
  });

  it("runs as the drift.compute job from a JSON payload", async () => {
    const handler = jobHandler(DRIFT_COMPUTE)!;
    const payload = handler.schema.parse({
      modelVersionId,
      reference: { firstN: PER_WINDOW },
      current: { from: SHIFTED.from.toISOString(), to: SHIFTED.to.toISOString() },
    });
    const result = (await handler.run(payload, { jobId: "test", attempt: 1, progress: async () => {} })) as {
      alert: boolean;
      alertingFeatures: string[];
    };
    expect(result.alert).toBe(true);
    expect(result.alertingFeatures).toContain("manufacturer");
    expect(() => handler.schema.parse({ current: { from: SHIFTED.to.toISOString(), to: SHIFTED.from.toISOString() } })).toThrow();
  });

  it("defaults a periodic job to the first 200 predictions against the 7 days before it runs", async () => {
    const result = await runDriftJob({ modelVersionId }, day(22));
    expect(result.current).toEqual({ from: SHIFTED.from.toISOString(), to: SHIFTED.to.toISOString(), predictions: PER_WINDOW });
    expect(result.alertingFeatures).toContain("meanIntensity");
  });
});
