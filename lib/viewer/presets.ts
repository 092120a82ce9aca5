// Window presets for chest radiographs, in modality units (after slope/intercept), as cornerstone expects them.
export interface Voi {
  center: number;
  width: number;
}

export type PresetId = "dicom" | "lung" | "mediastinum" | "bone";

export interface WindowPreset extends Voi {
  id: PresetId;
  label: string;
}

export interface PresetInput {
  /** The file's own window (first Window Center/Width), when it has a valid one. */
  fileWindow?: Voi;
  /** Robust value range of the image (e.g. 0.5–99.5 percentiles) in modality units. */
  range: { low: number; high: number };
  /** MONOCHROME1 stores air as high values, MONOCHROME2 as low values. */
  airIsHigh: boolean;
}

const LABELS: Record<PresetId, string> = { dicom: "DICOM", lung: "Lung", mediastinum: "Mediastinum", bone: "Bone" };

// CR/DX have no Hounsfield units: lung/mediastinum/bone are fractions [from, to] of the image's robust stored-value
// range (not of the file's VOI, which often spans the whole bit depth), measured from the air end (0) to the dense end (1).
export const PRESET_FRACTIONS: Record<Exclude<PresetId, "dicom">, [number, number]> = {
  lung: [0.1, 0.8],
  mediastinum: [0.4, 1],
  bone: [0.6, 1.05],
};

export function chestPresets({ fileWindow, range, airIsHigh }: PresetInput): WindowPreset[] {
  const lo = Math.min(range.low, range.high);
  const span = Math.abs(range.high - range.low);
  const fromAir = ([a, b]: [number, number]): Voi =>
    airIsHigh ? windowFromRange(lo + span * (1 - b), lo + span * (1 - a)) : windowFromRange(lo + span * a, lo + span * b);
  return [
    { id: "dicom", label: LABELS.dicom, ...(fileWindow ?? windowFromRange(range.low, range.high)) },
    ...(Object.keys(PRESET_FRACTIONS) as Exclude<PresetId, "dicom">[]).map((id) => ({
      id,
      label: LABELS[id],
      ...fromAir(PRESET_FRACTIONS[id]),
    })),
  ];
}

export function windowFromRange(a: number, b: number): Voi {
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  return { center: (low + high) / 2, width: Math.max(1, high - low) };
}
