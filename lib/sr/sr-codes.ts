import { createHash } from "node:crypto";

// Coded concepts of the TID 1500 Measurement Report, and the finding types as codes.
export type Code = { value: string; scheme: string; meaning: string };

const dcm = (value: string, meaning: string): Code => ({ value, scheme: "DCM", meaning });
export const CODES = {
  measurementReport: dcm("126000", "Imaging Measurement Report"),
  languageOfContent: dcm("121049", "Language of Content Item and Descendants"),
  english: { value: "en-US", scheme: "RFC5646", meaning: "English (United States)" },
  observerType: dcm("121005", "Observer Type"),
  person: dcm("121006", "Person"),
  personObserverName: dcm("121008", "Person Observer Name"),
  procedureReported: dcm("121058", "Procedure reported"),
  chestXray: { value: "399208008", scheme: "SCT", meaning: "Plain chest X-ray" },
  imageLibrary: dcm("111028", "Image Library"),
  imageLibraryGroup: dcm("126200", "Image Library Group"),
  imagingMeasurements: dcm("126010", "Imaging Measurements"),
  measurementGroup: dcm("125007", "Measurement Group"),
  trackingIdentifier: dcm("112039", "Tracking Identifier"),
  trackingUid: dcm("112040", "Tracking Unique Identifier"),
  finding: dcm("121071", "Finding"),
  imageRegion: dcm("111030", "Image Region"),
  algorithmName: dcm("111001", "Algorithm Name"),
  algorithmVersion: dcm("111003", "Algorithm Version"),
  labelSource: { value: "LABELSOURCE", scheme: "99CXR", meaning: "Label source" },
} satisfies Record<string, Code>;

// SNOMED CT codes only where the concept is unambiguous; everything else is coded in the local scheme.
const SCT: Record<string, Code> = {
  Atelectasis: { value: "46621007", scheme: "SCT", meaning: "Atelectasis" },
  Cardiomegaly: { value: "8186001", scheme: "SCT", meaning: "Cardiomegaly" },
  Consolidation: { value: "95436008", scheme: "SCT", meaning: "Lung consolidation" },
  ILD: { value: "233703007", scheme: "SCT", meaning: "Interstitial lung disease" },
  "Pleural effusion": { value: "60046008", scheme: "SCT", meaning: "Pleural effusion" },
  Pneumothorax: { value: "36118008", scheme: "SCT", meaning: "Pneumothorax" },
  "Pulmonary fibrosis": { value: "51615001", scheme: "SCT", meaning: "Fibrosis of lung" },
};

export const LOCAL_SCHEME = "99CXR";

// Code Value is an SH (16 characters): a readable slug, shortened with a stable hash suffix when too long.
export function localCodeValue(className: string): string {
  const slug =
    className
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "FINDING";
  if (slug.length <= 16) return slug;
  return `${slug.slice(0, 11)}_${createHash("sha256").update(className).digest("hex").slice(0, 4).toUpperCase()}`;
}

export function findingCode(className: string): Code {
  return SCT[className] ?? { value: localCodeValue(className), scheme: LOCAL_SCHEME, meaning: className.slice(0, 64) };
}
