import { boxOfRow } from "@/lib/boxes/convert";
import type { Db } from "@/lib/db";
import { imageKey } from "@/lib/dicom/frames";
import type { ReadBox } from "@/lib/agreement/match-boxes";

type Client = Pick<Db, "review">;
export type ReadPurpose = "primary" | "double_read";

export type LoadedRead = {
  reviewId: string;
  studyId: string;
  purpose: string;
  reader: { id: string; email: string; name: string };
  impression: string | null;
  signedOffAt: Date | null;
  boxes: ReadBox[]; // kept boxes: not rejected, not deleted
  rejected: number;
  added: number;
};

// The signed-off reads of some studies (oldest sign-off first), each with the boxes the reader kept.
export async function loadSignedReads(
  client: Client,
  studyIds: string[],
  purposes: ReadPurpose[] = ["primary", "double_read"],
): Promise<LoadedRead[]> {
  const rows = await client.review.findMany({
    where: { studyId: { in: studyIds }, status: "signed_off", purpose: { in: purposes } },
    orderBy: [{ signedOffAt: "asc" }, { id: "asc" }],
    include: {
      reader: { select: { id: true, email: true, name: true } },
      labels: {
        where: { deleted: false },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { originFinding: { select: { prediction: { select: { instanceId: true } } } } },
      },
    },
  });
  return rows.map((r) => ({
    reviewId: r.id,
    studyId: r.studyId,
    purpose: r.purpose,
    reader: r.reader,
    impression: r.impression,
    signedOffAt: r.signedOffAt,
    boxes: r.labels
      .filter((l) => !l.rejected)
      // One image per frame: boxes on different frames of a multi-frame image are never matched or fused.
      .map((l) => ({
        id: l.id,
        imageId: imageKey(l.instanceId ?? l.originFinding?.prediction.instanceId ?? "", l.frame),
        className: l.className,
        box: boxOfRow(l),
      })),
    rejected: r.labels.filter((l) => l.rejected).length,
    added: r.labels.filter((l) => l.source === "reader_added").length,
  }));
}
