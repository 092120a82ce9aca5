import { AppError } from "@/lib/errors";

// One broken rule of the ingest validator: the attribute (keyword + tag) and the rule it broke, in words.
export type DicomViolation = { attribute: string; tag: string; rule: string };

/** "x00280004" → "(0028,0004)" */
export const formatTag = (key: string) => `(${key.slice(1, 5).toUpperCase()},${key.slice(5, 9).toUpperCase()})`;

export const violation = (attribute: string, key: string, rule: string): DicomViolation => ({ attribute, tag: formatTag(key), rule });

/** The first violation as the reason (what a user reads), all of them in details (what an integrator logs). */
export function violationError(violations: DicomViolation[]): AppError {
  const [first] = violations;
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more problem${violations.length > 2 ? "s" : ""})` : "";
  return new AppError("unprocessable", `Invalid DICOM: ${first!.attribute} ${first!.tag} ${first!.rule}${more}.`, {
    violations: violations.slice(0, 20),
  });
}
