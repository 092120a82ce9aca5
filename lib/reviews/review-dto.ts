import { boxOfRow } from "@/lib/boxes/convert";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/schemas/common";
import type { AiFindingDto, Impression, LabelDto, LabelSource, ReviewDto, ReviewPurpose } from "@/lib/schemas/review";
import type { VisibleFinding } from "@/lib/reviews/review-context";

type Client = Pick<Db, "review" | "instance">;

export function toAiFindingDto(f: VisibleFinding): AiFindingDto {
  return {
    id: f.id,
    instanceId: f.instanceId,
    frame: f.frame,
    predictionId: f.predictionId,
    modelVersionId: f.modelVersionId,
    className: f.className,
    modelClass: f.modelClass,
    confidence: f.confidence,
    box: boxOfRow(f),
  };
}

const reviewInclude = {
  reader: { select: { id: true, email: true, name: true } },
  labels: {
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    include: { originFinding: { include: { prediction: { select: { instanceId: true, modelVersionId: true } } } } },
  },
};

// A review with its labels and each label's provenance (origin finding, its confidence and the version that made it).
export async function loadReviewDtoOrThrow(client: Client, reviewId: string): Promise<ReviewDto> {
  const r = await client.review.findUnique({ where: { id: reviewId }, include: reviewInclude });
  if (!r) throw new AppError("not_found", "No such review.");
  const labels: LabelDto[] = r.labels.map((l) => {
    const f = l.originFinding;
    return {
      id: l.id,
      instanceId: l.instanceId ?? f?.prediction.instanceId ?? null,
      frame: l.frame,
      originFindingId: l.originFindingId,
      origin: f && {
        className: f.className,
        modelClass: f.modelClass,
        confidence: f.confidence,
        box: boxOfRow(f),
        modelVersionId: f.prediction.modelVersionId,
      },
      source: l.source as LabelSource,
      className: l.className,
      box: boxOfRow(l),
      rejected: l.rejected,
      rejectReason: l.rejectReason,
      deleted: l.deleted,
      revision: l.revision,
      createdAt: l.createdAt.toISOString(),
      updatedAt: l.updatedAt.toISOString(),
    };
  });
  return {
    id: r.id,
    studyId: r.studyId,
    reader: r.reader,
    role: r.role as Role,
    purpose: r.purpose as ReviewPurpose,
    status: r.status as ReviewDto["status"],
    version: r.version,
    impression: r.impression as Impression | null,
    comment: r.comment,
    modelVersionId: r.modelVersionId,
    startedAt: r.startedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    signedOffAt: r.signedOffAt?.toISOString() ?? null,
    round: r.round,
    amendsId: r.amendsId,
    labels,
  };
}
