import { db } from "@/lib/db";
import { uidFromSeed } from "@/lib/dicom/derived-uid";
import { boxLabel } from "@/lib/gsps/write-presentation-state";
import { burnBoxes } from "@/lib/keyimage/burn-boxes";
import { writeKeyImage } from "@/lib/keyimage/write-key-image";
import { dicomToModelImage } from "@/lib/predictions/load-instance-image";
import { getStorage } from "@/lib/storage/get-storage";
import type { SrInput } from "@/lib/sr/write-measurement-report";

// One key image per source image that has boxes, rendered with the same VOI pipeline as the viewer and the detector.
export async function buildKeyImages(report: SrInput, reviewId: string): Promise<{ sopInstanceUid: string; bytes: Uint8Array }[]> {
  const storage = await getStorage();
  const out = [];
  for (const img of report.images) {
    const boxes = report.boxes.filter((b) => b.image.sopInstanceUid === img.sopInstanceUid);
    if (boxes.length === 0) continue;
    const row = await db.instance.findUniqueOrThrow({ where: { sopInstanceUid: img.sopInstanceUid }, select: { storageKey: true } });
    const { image } = await dicomToModelImage(await storage.get(row.storageKey));
    const sopInstanceUid = uidFromSeed(`key-image:${reviewId}:${report.signedOffAt.toISOString()}:${img.sopInstanceUid}`);
    const bytes = writeKeyImage({
      study: report.study,
      uids: { seriesInstanceUid: uidFromSeed(`key-image-series:${reviewId}`), sopInstanceUid },
      source: img,
      raster: {
        width: image.width,
        height: image.height,
        data: burnBoxes(
          image,
          boxes.map((b) => b.box),
        ),
      },
      labels: boxes.map(boxLabel),
      created: report.signedOffAt,
    });
    out.push({ sopInstanceUid, bytes });
  }
  return out;
}
