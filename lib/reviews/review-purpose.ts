import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/schemas/common";
import type { ReviewPurpose } from "@/lib/schemas/review";

// The signed-in reader, as lib/auth/principal.ts actorOf() gives it.
export type Reader = { id: string; email: string; role: Role };

// Radiologists and admins read (primary, or a second double read); annotators annotate; admins confirm consensus.
export function resolvePurpose(role: Role, requested?: ReviewPurpose): ReviewPurpose {
  if (role === "annotator") {
    if (requested && requested !== "annotation") throw new AppError("forbidden", "Annotators can only make annotation reviews.");
    return "annotation";
  }
  if (requested === "annotation") throw new AppError("forbidden", "Annotation reviews are made by annotators.");
  if (requested === "consensus" && role !== "admin") throw new AppError("forbidden", "Consensus reviews are made and confirmed by admins.");
  return requested ?? "primary";
}

export const canSignOff = (purpose: ReviewPurpose) => purpose !== "annotation";
