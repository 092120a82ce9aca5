// The VinDr-CXR finding vocabulary, overlay colours, and the mapping from a model's own class names to it.

export const VINDR_FINDINGS = [
  "Aortic enlargement",
  "Atelectasis",
  "Calcification",
  "Cardiomegaly",
  "Consolidation",
  "ILD",
  "Infiltration",
  "Lung Opacity",
  "Nodule/Mass",
  "Other lesion",
  "Pleural effusion",
  "Pleural thickening",
  "Pneumothorax",
  "Pulmonary fibrosis",
] as const;

export type VinDrFinding = (typeof VINDR_FINDINGS)[number];

// Fixed colours (never derived from list order at runtime) so a finding keeps its colour across releases.
export const FINDING_COLOURS: Readonly<Record<VinDrFinding, string>> = {
  "Aortic enlargement": "#e6194b",
  Atelectasis: "#3cb44b",
  Calcification: "#ffe119",
  Cardiomegaly: "#4363d8",
  Consolidation: "#f58231",
  ILD: "#911eb4",
  Infiltration: "#42d4f4",
  "Lung Opacity": "#f032e6",
  "Nodule/Mass": "#bfef45",
  "Other lesion": "#fabed4",
  "Pleural effusion": "#469990",
  "Pleural thickening": "#dcbeff",
  Pneumothorax: "#9a6324",
  "Pulmonary fibrosis": "#800000",
};

// Colours for names outside the vocabulary, picked by a stable hash of the name.
const EXTRA_COLOURS = ["#808000", "#ffd8b1", "#000075", "#a9a9a9", "#aaffc3", "#fffac8"] as const;

/** Lower-case, `_`/`-`/whitespace runs → one space, no spaces around `/`. */
function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, " ").replace(/\s*\/\s*/g, "/");
}

const ALIASES: Readonly<Record<string, VinDrFinding>> = {
  mass: "Nodule/Mass",
  nodule: "Nodule/Mass",
  "mass/nodule": "Nodule/Mass",
  "nodule mass": "Nodule/Mass",
  effusion: "Pleural effusion",
  "interstitial lung disease": "ILD",
  "aortic enlargment": "Aortic enlargement",
};

const BY_NORMALISED = new Map<string, VinDrFinding>([
  ...VINDR_FINDINGS.map((f) => [normalise(f), f] as const),
  ...Object.entries(ALIASES),
]);

/** Maps a model's class name to the VinDr-CXR finding it means; names that match none are returned unchanged. */
export function mapClassName(modelName: string): string {
  return BY_NORMALISED.get(normalise(modelName)) ?? modelName;
}

export function isVinDrFinding(name: string): name is VinDrFinding {
  return (VINDR_FINDINGS as readonly string[]).includes(name);
}

/** Overlay colour for a finding (or any other class name, stable per name). */
export function findingColour(name: string): string {
  const mapped = mapClassName(name);
  if (isVinDrFinding(mapped)) return FINDING_COLOURS[mapped];
  let h = 0;
  for (let i = 0; i < mapped.length; i++) h = (h * 31 + mapped.charCodeAt(i)) >>> 0;
  return EXTRA_COLOURS[h % EXTRA_COLOURS.length]!;
}
