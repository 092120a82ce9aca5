import type { Principal } from "@/lib/auth/principal";

// Least privilege (issue 11 item 7): who may see patient identifiers (name, ID, birth date, accession) and the full
// DICOM. Annotators only label pixels, so they work on pseudonyms; an API token carries its owner's view only when the
// owner is an admin (a radiologist's `read` token on a script host gets the de-identified view).
export function seesPatientIdentity(p: Principal): boolean {
  if (p.via === "token") return p.role === "admin";
  return p.role !== "annotator";
}
