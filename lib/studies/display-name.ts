// The one name a study goes by in every list and header (worklist, tasks, viewer, assignment pickers): its accession
// number; else patient ID + study date + description; the pseudonym alone for callers who may not see patient
// identifiers (annotators, non-admin tokens), so an annotator meets the same name on every page.

export type StudyIdentity = {
  pseudonym: string;
  accessionNumber: string | null;
  patientId: string | null;
  studyDate: string | null; // YYYY-MM-DD, null when the file carries none (PNG/JPEG uploads)
  description: string | null;
};

export const UNKNOWN_DATE = "unknown";

/** A study date as shown: the date, or "unknown" (never an invented one). */
export function formatStudyDate(date: string | null): string {
  return date?.slice(0, 10) || UNKNOWN_DATE;
}

export function studyDisplayName(s: StudyIdentity, identity: boolean): string {
  if (!identity) return s.pseudonym;
  const accession = s.accessionNumber?.trim();
  if (accession) return accession;
  const who = s.patientId?.trim() || s.pseudonym; // a file without patient ID still needs a handle
  return [who, `date ${formatStudyDate(s.studyDate)}`, s.description?.trim()].filter(Boolean).join(" · ");
}
