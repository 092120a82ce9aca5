import type { GspsInput } from "@/lib/gsps/write-presentation-state";
import { sampleReportInput } from "@/lib/sr/testing/sample-report";

// The SR sample's study, images and boxes as a presentation-state input (two images, three boxes).
export function sampleGspsInput(): GspsInput {
  const r = sampleReportInput();
  return {
    study: r.study,
    gsps: { seriesInstanceUid: "2.25.31", sopInstanceUid: "2.25.32", contentDateTime: r.sr.contentDateTime },
    creator: r.reader,
    images: r.images.map((i) => ({ ...i, rows: 512, columns: 512, photometric: "MONOCHROME2", window: { center: 1800, width: 3000 } })),
    boxes: r.boxes.map((b) => ({ className: b.className, box: b.box, sopInstanceUid: b.image.sopInstanceUid, source: b.source })),
  };
}
