import { createHash } from "node:crypto";

export const DEFAULT_HELD_OUT_FRACTION = 0.2;

// Patient-level held-out selection: a patient is held out when a hash of its key falls below the fraction, so the
// choice is deterministic, needs no stored split, and all studies of one patient land on the same side. The key is
// the Patient ID, or the study's pseudonym when the file has none (then each study counts as its own patient).
export function heldOutBucket(patientKey: string): number {
  return createHash("sha256").update(`held-out:${patientKey}`).digest().readUInt32BE(0) / 2 ** 32;
}

export function isHeldOut(patientKey: string, fraction: number): boolean {
  return heldOutBucket(patientKey) < fraction;
}

export function patientKeyOf(study: { patientId: string | null; pseudonym: string }): string {
  return study.patientId?.trim() ? `patient:${study.patientId.trim()}` : `study:${study.pseudonym}`;
}

type PatientOfStudy = { patientId: string | null; pseudonym: string };

/** The one held-out rule, for the evaluation set and for what dataset exports leave out. */
export function isStudyHeldOut(study: PatientOfStudy, fraction: number): boolean {
  return isHeldOut(patientKeyOf(study), fraction);
}

/** Studies split into those a training export may use and the held-out ones the registry evaluates on. */
export function partitionHeldOut<T extends PatientOfStudy>(studies: T[], fraction: number): { kept: T[]; heldOut: T[] } {
  const kept: T[] = [];
  const heldOut: T[] = [];
  for (const s of studies) (isStudyHeldOut(s, fraction) ? heldOut : kept).push(s);
  return { kept, heldOut };
}
