import { boxOfRow } from "@/lib/boxes/convert";
import type { Finding, Label, Prisma } from "@/generated/prisma/client";
import { AppError, isAppError } from "@/lib/errors";
import type { LabelChange, LabelSource, ReviewOperation } from "@/lib/schemas/review";
import { addedLabel, nextLabelState, type LabelState, type Origin, type Transition } from "@/lib/reviews/label-transitions";
import { assertBoxInside, assertFrameOf, labelClassOrThrow, type ImageSize, type ReviewContext } from "@/lib/reviews/review-context";

type Tx = Prisma.TransactionClient;
type LabelRow = Label & { originFinding: (Finding & { prediction: { instanceId: string; frame: number } }) | null };
export type OperationResult = { labelId: string; change: LabelChange | null };

const stateOf = (l: Label): LabelState => ({
  source: l.source as LabelSource,
  className: l.className,
  box: boxOfRow(l),
  rejected: l.rejected,
  rejectReason: l.rejectReason,
  deleted: l.deleted,
});
const columnsOf = (s: LabelState) => ({
  source: s.source,
  className: s.className,
  x1: s.box[0],
  y1: s.box[1],
  x2: s.box[2],
  y2: s.box[3],
  rejected: s.rejected,
  rejectReason: s.rejectReason,
  deleted: s.deleted,
});

// Applies a save's operations in order inside the caller's transaction (after the version lock), so a failure
// anywhere rolls every write back. Each change appends a LabelRevision; the Label row mirrors the latest one.
export async function applyOperations(
  tx: Tx,
  ctx: ReviewContext,
  reviewId: string,
  authorId: string,
  ops: ReviewOperation[],
): Promise<OperationResult[]> {
  const rows: LabelRow[] = await tx.label.findMany({
    where: { reviewId },
    include: { originFinding: { include: { prediction: { select: { instanceId: true, frame: true } } } } },
  });
  const byId = new Map(rows.map((l) => [l.id, l]));
  const byFinding = new Map(rows.filter((l) => l.originFindingId).map((l) => [l.originFindingId!, l]));
  const results: OperationResult[] = [];

  for (const [index, op] of ops.entries()) {
    try {
      results.push(await applyOne(op));
    } catch (e) {
      if (isAppError(e)) throw new AppError(e.code, `operations[${index}] (${op.op}): ${e.message}`, { index, op: op.op });
      throw e;
    }
  }
  return results;

  async function applyOne(op: ReviewOperation): Promise<OperationResult> {
    if (op.op === "add") {
      const image = imageForAdd(ctx, op.instanceId);
      assertBoxInside(op.box, image);
      const frame = op.frame ?? 1;
      assertFrameOf(image, frame);
      return write(
        null,
        null,
        { change: "add", state: addedLabel(op.box, labelClassOrThrow(ctx, op.className)) },
        { instanceId: image.id, frame },
      );
    }
    const findingId = "findingId" in op ? op.findingId : undefined;
    const labelId = "labelId" in op ? op.labelId : undefined;
    const label = findingId !== undefined ? (byFinding.get(findingId) ?? null) : labelOrThrow(labelId ?? "");
    let originRow = label?.originFinding ?? null;
    if (findingId !== undefined) {
      const f = ctx.findings.get(findingId);
      if (!f)
        throw new AppError("unprocessable", `AI finding ${findingId} is not one of this study's visible findings (reload the study).`);
      originRow = { ...f, prediction: { instanceId: f.instanceId, frame: f.frame } };
    }
    const origin: Origin | null = originRow && { className: originRow.className, box: boxOfRow(originRow) };
    if (op.op === "edit" && op.box)
      assertBoxInside(op.box, imageById(ctx, label?.instanceId ?? originRow?.prediction.instanceId ?? imageForAdd(ctx).id));
    const verdict = op.op === "edit" && op.className !== undefined ? { ...op, className: labelClassOrThrow(ctx, op.className) } : op;
    return write(label, originRow, nextLabelState(label ? stateOf(label) : null, origin, verdict));
  }

  function labelOrThrow(labelId: string): LabelRow {
    const l = byId.get(labelId);
    if (!l) throw new AppError("unprocessable", `No label ${labelId} in this review.`);
    return l;
  }

  // A label is on the image and frame of its AI finding, or on those the reader added it to (`placed`).
  async function write(
    label: LabelRow | null,
    origin: LabelRow["originFinding"],
    t: Transition,
    placed?: { instanceId: string; frame: number },
  ): Promise<OperationResult> {
    if (!t) return { labelId: label!.id, change: null };
    const revision = (label?.revision ?? 0) + 1;
    const cols = columnsOf(t.state);
    const saved = label
      ? await tx.label.update({ where: { id: label.id }, data: { ...cols, revision } })
      : await tx.label.create({
          data: {
            ...cols,
            reviewId,
            instanceId: placed?.instanceId ?? origin?.prediction.instanceId ?? null,
            frame: placed?.frame ?? origin?.prediction.frame ?? 1,
            originFindingId: origin?.id ?? null,
            revision,
          },
        });
    await tx.labelRevision.create({ data: { ...cols, labelId: saved.id, revision, change: t.change, authorId } });
    const row: LabelRow = { ...saved, originFinding: origin };
    byId.set(saved.id, row);
    if (origin) byFinding.set(origin.id, row);
    return { labelId: saved.id, change: t.change };
  }
}

function imageById(ctx: ReviewContext, instanceId: string): ImageSize {
  const image = ctx.instances.find((i) => i.id === instanceId);
  if (!image) throw new AppError("unprocessable", `Image ${instanceId} is not part of this study.`);
  return image;
}

// A reader-added box names its image; on a single-image study the image is implied.
function imageForAdd(ctx: ReviewContext, instanceId?: string): ImageSize {
  if (instanceId !== undefined) return imageById(ctx, instanceId);
  if (ctx.instances.length !== 1)
    throw new AppError("unprocessable", `This study has ${ctx.instances.length} images: name the image of an added box (instanceId).`);
  return ctx.instances[0]!;
}
