// QIDO-RS in DICOM terms, pure: our search filters → query parameters, a DICOM JSON study → a plain object.
import type { PacsStudy, SearchPacsQuery } from "@/lib/schemas/pacs";

type DicomJsonValue = { vr?: string; Value?: unknown[] };
export type DicomJsonDataset = Record<string, DicomJsonValue>;

const TAG = {
  studyDate: "00080020",
  studyTime: "00080030",
  accessionNumber: "00080050",
  modalitiesInStudy: "00080061",
  description: "00081030",
  patientName: "00100010",
  patientId: "00100020",
  studyInstanceUid: "0020000D",
  instances: "00201208",
} as const;

/** Attributes asked for beyond the QIDO-RS defaults (description and instance count are optional in PS3.18). */
export const STUDY_INCLUDE_FIELDS = `${TAG.description},${TAG.instances}`;

const toDicomDate = (iso: string) => iso.replaceAll("-", "");

/** A DICOM range "from-to", open on either side; QIDO-RS matches dates by day. */
export function dicomDateRange(from?: string, to?: string): string | undefined {
  if (!from && !to) return undefined;
  return `${from ? toDicomDate(from) : ""}-${to ? toDicomDate(to) : ""}`;
}

export function studySearchParams(q: Omit<SearchPacsQuery, "limit"> & { limit?: number; offset?: number }): Record<string, string> {
  const params: Record<string, string> = { includefield: STUDY_INCLUDE_FIELDS };
  if (q.patientId) params.PatientID = q.patientId;
  if (q.accessionNumber) params.AccessionNumber = q.accessionNumber;
  const range = dicomDateRange(q.dateFrom, q.dateTo);
  if (range) params.StudyDate = range;
  if (q.modality) params.ModalitiesInStudy = q.modality;
  if (q.limit) params.limit = String(q.limit);
  if (q.offset) params.offset = String(q.offset);
  return params;
}

function first(ds: DicomJsonDataset, tag: string): unknown {
  const v = ds[tag] ?? ds[tag.toLowerCase()];
  return v?.Value?.[0];
}

function text(ds: DicomJsonDataset, tag: string): string | null {
  const v = first(ds, tag);
  if (v === undefined || v === null) return null;
  if (typeof v === "object") return (v as { Alphabetic?: string }).Alphabetic?.trim() || null; // PN
  return String(v).trim() || null;
}

/** YYYYMMDD → YYYY-MM-DD; anything else → null. */
export function isoDate(dicom: string | null): string | null {
  const m = dicom?.match(/^(\d{4})(\d{2})(\d{2})$/);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** HHMMSS(.frac), HHMM or HH → HH:MM:SS; anything else → null. */
export function isoTime(dicom: string | null): string | null {
  const m = dicom?.match(/^(\d{2})(\d{2})?(\d{2})?/);
  return m ? `${m[1]}:${m[2] ?? "00"}:${m[3] ?? "00"}` : null;
}

export function parseStudy(ds: DicomJsonDataset): Omit<PacsStudy, "studyId"> | null {
  const studyInstanceUid = text(ds, TAG.studyInstanceUid);
  if (!studyInstanceUid) return null;
  const modalities = ds[TAG.modalitiesInStudy]?.Value ?? [];
  const instances = Number(first(ds, TAG.instances));
  return {
    studyInstanceUid,
    patientId: text(ds, TAG.patientId),
    patientName: text(ds, TAG.patientName),
    accessionNumber: text(ds, TAG.accessionNumber),
    studyDate: isoDate(text(ds, TAG.studyDate)),
    studyTime: isoTime(text(ds, TAG.studyTime)),
    modalities: modalities.map(String).filter(Boolean),
    description: text(ds, TAG.description),
    instances: Number.isFinite(instances) ? instances : null,
  };
}
