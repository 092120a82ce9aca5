import { db } from "@/lib/db";
import type { ReviewPurpose, StudyReviewDto } from "@/lib/schemas/review";
import { loadReviewContext } from "@/lib/reviews/review-context";
import { loadReviewDtoOrThrow, toAiFindingDto } from "@/lib/reviews/review-dto";
import { resolvePurpose, type Reader } from "@/lib/reviews/review-purpose";
import { findReviewId } from "@/lib/reviews/start-review";
import { amendableFor } from "@/lib/reviews/amend-review";

// The caller's own review of a study (or the study's consensus; null until started) with the AI findings they are shown. Reads only.
export async function getStudyReview(reader: Reader, studyId: string, requested?: ReviewPurpose): Promise<StudyReviewDto> {
  const purpose = resolvePurpose(reader.role, requested);
  const ctx = await loadReviewContext(db, studyId);
  const mine = await findReviewId(db, studyId, reader, purpose);
  const review = mine ? await loadReviewDtoOrThrow(db, mine) : null;
  return {
    studyId,
    studyStatus: ctx.studyStatus,
    purpose,
    review,
    modelVersion: ctx.modelVersion,
    instances: ctx.instances,
    findings: [...ctx.findings.values()].map(toAiFindingDto),
    amendable: purpose === "primary" ? await amendableFor(reader, studyId, review) : null,
  };
}
