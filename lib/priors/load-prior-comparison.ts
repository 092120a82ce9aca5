import { boxOfRow, type BoxXyxy } from "@/lib/boxes/convert";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { dicomToModelImage } from "@/lib/predictions/load-instance-image";
import { lungFieldBox } from "@/lib/priors/lung-field";
import { FINISHED_READ } from "@/lib/priors/list-priors";
import { pickFinalRead } from "@/lib/reviews/final-read";
import type { PriorComparisonDto } from "@/lib/schemas/prior";
import type { ReviewPurpose } from "@/lib/schemas/review";
import { getStorage } from "@/lib/storage/get-storage";
import { studyDisplayName } from "@/lib/studies/display-name";

async function firstFilm(studyId: string) {
  const inst = await db.instance.findFirst({
    where: { series: { studyId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, storageKey: true, rows: true, columns: true },
  });
  if (!inst) throw new AppError("unprocessable", "The study has no image to compare.");
  const { image } = await dicomToModelImage(await (await getStorage()).get(inst.storageKey));
  const lungBox: BoxXyxy = lungFieldBox(image);
  return { studyId, instanceId: inst.id, fileUrl: `/api/v1/instances/${inst.id}/file`, columns: inst.columns, rows: inst.rows, lungBox };
}

// The current study's first image beside a prior's, each with its lung field, and the prior's final boxes on that image.
// Only for callers who may see patient identity, and only between two studies of one patient (else not_found).
export async function loadPriorComparisonOrThrow(
  actor: Actor,
  studyId: string,
  priorId: string,
  identity: boolean,
): Promise<PriorComparisonDto> {
  const [cur, prior] = await Promise.all(
    [studyId, priorId].map((id) =>
      db.study.findUnique({
        where: { id },
        select: { id: true, patientId: true, pseudonym: true, accessionNumber: true, studyDate: true, description: true },
      }),
    ),
  );
  if (!identity || !cur || !prior || studyId === priorId || !cur.patientId?.trim() || cur.patientId !== prior.patientId)
    throw new AppError("not_found", "No such prior of this study.");
  const [current, priorFilm] = await Promise.all([firstFilm(studyId), firstFilm(priorId)]);
  const reviews = await db.review.findMany({
    where: { studyId: priorId, ...FINISHED_READ },
    include: {
      labels: {
        where: { deleted: false, rejected: false, frame: 1 },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { originFinding: { select: { prediction: { select: { instanceId: true } } } } },
      },
    },
  });
  const final = pickFinalRead(reviews);
  const boxes = (final?.labels ?? [])
    .filter((l) => (l.instanceId ?? l.originFinding?.prediction.instanceId) === priorFilm.instanceId)
    .map((l) => ({ id: l.id, className: l.className, box: boxOfRow(l) }));
  await recordAudit(db, { actor, action: "study.viewed", targetType: "study", targetId: priorId, details: { asPriorOf: studyId } });
  const studyDate = prior.studyDate?.toISOString().slice(0, 10) ?? null;
  return {
    current,
    prior: {
      ...priorFilm,
      displayName: studyDisplayName({ ...prior, studyDate }, identity),
      studyDate,
      finalRead: final ? { purpose: final.purpose as ReviewPurpose, at: (final.signedOffAt ?? final.updatedAt).toISOString() } : null,
      boxes,
    },
  };
}
