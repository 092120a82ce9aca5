import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/schemas/common";
import type { ReviewPurpose } from "@/lib/schemas/review";

// The signed-in reader, as lib/auth/principal.ts actorOf() gives it.
export type Reader = { id: string; email: string; role: Role };

// Radiologists and admins read (primary, or a second double read); annotators annotate.
export function resolvePurpose(role: Role, requested?: ReviewPurpose): ReviewPurpose {
  if (role === "annotator") {
    if (requested && requested !== "annotation") throw new AppError("forbidden", "Annotators can only make annotation reviews.");
    return "annotation";
  }
  if (requested === "annotation") throw new AppError("forbidden", "Annotation reviews are made by annotators.");
  return requested ?? "primary";
}

export const canSignOff = (purpose: ReviewPurpose) => purpose !== "annotation";
