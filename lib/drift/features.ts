// The monitored features: what each prediction's stored input features and findings contribute to each window.

export type FeatureKind = "input" | "output";
export type FeatureType = "categorical" | "continuous";
export type FeatureSpec = { name: string; kind: FeatureKind; type: FeatureType };

export const FEATURES: readonly FeatureSpec[] = [
  { name: "manufacturer", kind: "input", type: "categorical" },
  { name: "viewPosition", kind: "input", type: "categorical" },
  { name: "photometric", kind: "input", type: "categorical" },
  { name: "modality", kind: "input", type: "categorical" },
  { name: "pixelSpacingMm", kind: "input", type: "continuous" },
  { name: "rows", kind: "input", type: "continuous" },
  { name: "columns", kind: "input", type: "continuous" },
  { name: "meanIntensity", kind: "input", type: "continuous" },
  { name: "stdIntensity", kind: "input", type: "continuous" },
  { name: "p05", kind: "input", type: "continuous" },
  { name: "p50", kind: "input", type: "continuous" },
  { name: "p95", kind: "input", type: "continuous" },
  { name: "boxesPerImage", kind: "output", type: "categorical" }, // 0 … 4 and "5+", so PSI bins are fixed
  { name: "classMix", kind: "output", type: "categorical" }, // one value per finding
  { name: "confidence", kind: "output", type: "continuous" }, // one value per finding
];

export type PredictionSample = { features: unknown; findings: readonly { className: string; confidence: number }[] };
export type FeatureValues = Record<string, (string | number | null)[]>;

const MAX_BOXES_BIN = 5;

function field(features: unknown, key: string): unknown {
  return typeof features === "object" && features !== null ? (features as Record<string, unknown>)[key] : undefined;
}

/** One value array per feature; malformed or absent stored values become null (counted as missing). */
export function extractFeatureValues(samples: readonly PredictionSample[]): FeatureValues {
  const out: FeatureValues = Object.fromEntries(FEATURES.map((f) => [f.name, []]));
  for (const s of samples) {
    for (const f of FEATURES) {
      if (f.kind !== "input") continue;
      const v = field(s.features, f.name);
      if (f.type === "categorical") out[f.name]!.push(typeof v === "string" && v.length > 0 ? v : null);
      else out[f.name]!.push(typeof v === "number" && Number.isFinite(v) ? v : null);
    }
    const boxes = s.findings.length;
    out.boxesPerImage!.push(boxes >= MAX_BOXES_BIN ? `${MAX_BOXES_BIN}+` : String(boxes));
    for (const finding of s.findings) {
      out.classMix!.push(finding.className);
      out.confidence!.push(finding.confidence);
    }
  }
  return out;
}
