import { dicomWindow, modalityValue, percentileWindow, rangeWindow, type VoiMetadata, type VoiWindow } from "./voi";
import type { DecodedImage } from "./types";

export type WindowPresetName = "default" | "auto" | "full" | "lung" | "mediastinum";

// CR/DX values are not Hounsfield units, so CT-style presets (lung C-600 W1500) are meaningless: presets are
// the file's own VOI, else fractions of the image's robust (0.5–99.5 %) value range, on its air or dense side.
export function windowPresets(
  image: Pick<DecodedImage, "pixels" | "samplesPerPixel" | "minValue" | "maxValue">,
  meta: VoiMetadata,
): Record<WindowPresetName, VoiWindow> {
  const auto = percentileWindow(image, meta);
  const lo = auto.center - auto.width / 2;
  const hi = auto.center + auto.width / 2;
  const span = hi - lo;
  // MONOCHROME1 stores air as high values; MONOCHROME2 as low values.
  const airIsHigh = meta.photometricInterpretation === "MONOCHROME1";
  const airSide = airIsHigh ? rangeWindow(hi - 0.6 * span, hi) : rangeWindow(lo, lo + 0.6 * span);
  const denseSide = airIsHigh ? rangeWindow(lo, lo + 0.6 * span) : rangeWindow(hi - 0.6 * span, hi);
  return {
    default: dicomWindow(meta) ?? auto,
    auto,
    full: rangeWindow(modalityValue(image.minValue, meta), modalityValue(image.maxValue, meta)),
    lung: airSide,
    mediastinum: denseSide,
  };
}
