import { boxOfRow } from "@/lib/boxes/convert";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { uidFromSeed } from "@/lib/dicom/derived-uid";
import { pickFinalRead } from "@/lib/reviews/final-read";
import { readSourceStudyTags } from "@/lib/sr/read-source-study-tags";
import type { SrBox, SrImage, SrInput } from "@/lib/sr/write-measurement-report";

// A report carries readers' signed-off reads (not annotation tasks); lib/reviews/final-read picks the final one.
const REPORTED_PURPOSES = ["consensus", "primary", "double_read"];

const da = (d: Date | null) => (d ? d.toISOString().slice(0, 10).replace(/-/g, "") : undefined);
const orUndefined = (s: string | null) => s ?? undefined;

export type ReportSource = { input: SrInput; reviewId: string; pseudonym: string };

// Gathers a signed-off study's final labels (not rejected, not deleted) with their images and AI provenance.
export async function loadReportInputOrThrow(studyId: string): Promise<ReportSource> {
  const study = await db.study.findUnique({ where: { id: studyId } });
  if (!study) throw new AppError("not_found", "No such study.");
  const reviews = await db.review.findMany({
    where: { studyId, status: "signed_off", purpose: { in: REPORTED_PURPOSES } },
    orderBy: { signedOffAt: "desc" },
    include: {
      reader: { select: { name: true } },
      labels: {
        where: { rejected: false, deleted: false },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: {
          instance: { include: { series: { select: { seriesInstanceUid: true } } } },
          originFinding: { select: { prediction: { select: { modelVersion: { select: { name: true, version: true } } } } } },
        },
      },
    },
  });
  const review = pickFinalRead(reviews);
  if (!review?.signedOffAt)
    throw new AppError("conflict", "This study has no signed-off review yet: a structured report is written once it is signed off.");
  const reviewModel = review.modelVersionId
    ? await db.modelVersion.findUnique({ where: { id: review.modelVersionId }, select: { name: true, version: true } })
    : null;
  const images = new Map<string, SrImage>();
  const boxes: SrBox[] = [];
  for (const l of review.labels) {
    if (!l.instance)
      throw new AppError(
        "unprocessable",
        "A label of this review names no image (written before labels kept their image); it cannot be placed in a report.",
      );
    const image = {
      sopClassUid: l.instance.sopClassUid,
      sopInstanceUid: l.instance.sopInstanceUid,
      seriesInstanceUid: l.instance.series.seriesInstanceUid,
    };
    images.set(image.sopInstanceUid, image);
    const fromAi = l.source !== "reader_added";
    const model = fromAi ? (l.originFinding?.prediction.modelVersion ?? reviewModel ?? undefined) : undefined;
    const frame = l.instance.frames > 1 ? { frame: l.frame } : {}; // single-frame images are referenced whole
    boxes.push({
      trackingUid: uidFromSeed(`label:${l.id}`),
      className: l.className,
      box: boxOfRow(l),
      image,
      ...frame,
      source: l.source,
      model,
    });
  }
  const signedOffAt = review.signedOffAt;
  const source = await readSourceStudyTags(studyId);
  return {
    reviewId: review.id,
    pseudonym: study.pseudonym,
    input: {
      study: {
        studyInstanceUid: study.studyInstanceUid,
        studyDate: da(study.studyDate),
        studyTime: source.studyTime,
        studyId: source.studyId,
        referringPhysicianName: source.referringPhysicianName,
        accessionNumber: orUndefined(study.accessionNumber),
        patientId: orUndefined(study.patientId),
        patientName: orUndefined(study.patientName),
        patientBirthDate: orUndefined(study.patientBirthDate),
        patientSex: orUndefined(study.patientSex),
      },
      // Stable per signed-off review: downloading twice gives the same object, which a PACS stores once.
      sr: {
        seriesInstanceUid: uidFromSeed(`sr-series:${review.id}`),
        sopInstanceUid: uidFromSeed(`sr:${review.id}:${signedOffAt.toISOString()}`),
        contentDateTime: signedOffAt,
      },
      reader: { name: review.reader.name },
      organization: source.institutionName,
      signedOffAt,
      boxes,
      images: [...images.values()],
    },
  };
}
