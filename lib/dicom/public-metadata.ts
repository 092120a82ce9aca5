import type { DicomMetadata } from "./read-metadata";

/** Fields that identify a patient or can be linked back to one; never logged or exported. */
const PHI_KEYS = [
  "patientId",
  "patientName",
  "patientBirthDate",
  "patientSex",
  "accessionNumber",
  "studyInstanceUid",
  "seriesInstanceUid",
  "sopInstanceUid",
  "studyDate",
  "studyDescription",
] as const satisfies readonly (keyof DicomMetadata)[];

export type PhiKey = (typeof PHI_KEYS)[number];
export type PublicDicomMetadata = Omit<DicomMetadata, PhiKey>;

/** Copy of the metadata without patient-identifying fields (for logs, exports, public APIs). */
export function toPublicMetadata(meta: DicomMetadata): PublicDicomMetadata {
  const copy: Partial<DicomMetadata> = { ...meta };
  for (const key of PHI_KEYS) delete copy[key];
  return copy as PublicDicomMetadata;
}

export const stripPhi = toPublicMetadata;
