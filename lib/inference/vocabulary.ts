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

// Fixed colours (never derived from list order at runtime) so a finding keeps its colour across releases. Colour-blind
// safe: the six most frequent VinDr-CXR findings get Okabe-Ito's colours (black and dark blue left out: they vanish on a film), the
// rest Paul Tol's "light" scheme; the numbered tag and the legend tell the classes apart where two hues come close.
export const FINDING_COLOURS: Readonly<Record<VinDrFinding, string>> = {
  "Aortic enlargement": "#e69f00",
  Cardiomegaly: "#56b4e9",
  "Pleural thickening": "#009e73",
  "Pulmonary fibrosis": "#f0e442",
  "Nodule/Mass": "#d55e00",
  "Lung Opacity": "#cc79a7",
  "Pleural effusion": "#77aadd",
  "Other lesion": "#dddddd",
  ILD: "#ffaabb",
  Infiltration: "#99ddff",
  Calcification: "#bbcc33",
  Consolidation: "#44bb99",
  Atelectasis: "#aaaa00",
  Pneumothorax: "#ee8866",
};

// Colours for names outside the vocabulary, picked by a stable hash of the name.
const EXTRA_COLOURS = ["#eedd88", "#bbbbbb", "#66ccee", "#ee6677", "#ccbb44", "#dd99cc"] as const;

/** Lower-case, `_`/`-`/whitespace runs → one space, no spaces around `/`. */
function normalise(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .replace(/\s*\/\s*/g, "/");
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

const BY_NORMALISED = new Map<string, VinDrFinding>([...VINDR_FINDINGS.map((f) => [normalise(f), f] as const), ...Object.entries(ALIASES)]);

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
