import { buildCoco } from "@/lib/exports/coco-format";
import type { DatasetPlan } from "@/lib/exports/dataset-plan";
import { renderInstancePng } from "@/lib/exports/render-png";
import { dataYaml, yoloLabelText } from "@/lib/exports/yolo-format";
import { createZipWriter } from "@/lib/exports/zip-writer";
import type { ExportFormat } from "@/lib/schemas/export";

export type ZipOptions = {
  format: ExportFormat;
  valFraction: number;
  seed: number;
  source: string; // no identifiers: e.g. "CXR Review export <export id>"
  readFile(storageKey: string): Promise<Uint8Array>;
  onImage?(done: number, total: number): Promise<void>;
};

// The zip: images/{train,val}/img_*.png (img_*_f<N>.png for frame N of a multi-frame image) (+ labels/ and data.yaml for YOLO, annotations.coco.json for COCO) and
// manifest.json with counts; only pseudonyms (img_*, pt_*) appear, never UIDs, patient names or ids.
export async function writeDatasetZip(plan: DatasetPlan, o: ZipOptions): Promise<Uint8Array> {
  const zip = createZipWriter();
  const yolo = o.format !== "coco";
  const coco = o.format !== "yolo";
  const classIndex = new Map(plan.classes.map((c, i) => [c, i]));
  for (const [i, im] of plan.images.entries()) {
    const { png, width, height } = await renderInstancePng(await o.readFile(im.item.storageKey), im.item.frame);
    if (width !== im.item.width || height !== im.item.height)
      throw new Error(`${im.name}: rendered ${width}x${height}, stored size ${im.item.width}x${im.item.height}`);
    zip.add(`images/${im.split}/${im.name}.png`, png);
    if (yolo) zip.addText(`labels/${im.split}/${im.name}.txt`, yoloLabelText(im.boxes, im.item, classIndex));
    await o.onImage?.(i + 1, plan.images.length);
  }
  if (yolo) zip.addText("data.yaml", dataYaml(plan.classes));
  if (coco) zip.addText("annotations.coco.json", JSON.stringify(buildCoco(plan.images, plan.classes, o.source)));
  const manifest = {
    source: o.source,
    format: o.format,
    val_fraction: o.valFraction,
    seed: o.seed,
    split_by: "patient",
    classes: plan.classes,
    splits: plan.summary.splits,
    dropped_boxes: plan.droppedBoxes,
    ...(plan.summary.heldOut && {
      held_out: {
        fraction: plan.summary.heldOut.fraction,
        included: plan.summary.heldOut.included,
        excluded_studies: plan.summary.heldOut.excludedStudies,
        excluded_images: plan.summary.heldOut.excludedImages,
      },
    }),
    items: plan.images.map((im) => ({
      image: `images/${im.split}/${im.name}.png`,
      patient: im.patient,
      split: im.split,
      boxes: im.boxes.length,
      ...(im.item.frames > 1 ? { frame: im.item.frame } : {}),
    })),
  };
  zip.addText("manifest.json", JSON.stringify(manifest, null, 1));
  return zip.finish();
}
