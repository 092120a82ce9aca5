import { area, xyxyToCoco } from "@/lib/boxes/convert";
import type { PlannedImage } from "@/lib/exports/dataset-plan";

export type CocoDataset = {
  info: { description: string; version: string; date_created: string };
  images: { id: number; file_name: string; width: number; height: number; split: "train" | "val" }[];
  annotations: { id: number; image_id: number; category_id: number; bbox: [number, number, number, number]; area: number; iscrowd: 0 }[];
  categories: { id: number; name: string; supercategory: string }[];
};

const r2 = (v: number) => Math.round(v * 100) / 100;

// COCO JSON with one `split` field per image; bbox [x, y, w, h] in pixels (unrounded) of the exported PNG; category ids from 1.
export function buildCoco(images: PlannedImage[], classes: string[], description: string, now = new Date()): CocoDataset {
  const categoryId = new Map(classes.map((c, i) => [c, i + 1]));
  const coco: CocoDataset = {
    info: { description, version: "1", date_created: now.toISOString() },
    images: [],
    annotations: [],
    categories: classes.map((name, i) => ({ id: i + 1, name, supercategory: "finding" })),
  };
  for (const [i, im] of images.entries()) {
    const id = i + 1;
    coco.images.push({ id, file_name: `images/${im.split}/${im.name}.png`, width: im.item.width, height: im.item.height, split: im.split });
    for (const b of im.boxes) {
      const bbox = xyxyToCoco(b.box);
      coco.annotations.push({
        id: coco.annotations.length + 1,
        image_id: id,
        category_id: categoryId.get(b.className)!,
        bbox,
        area: r2(area(b.box)),
        iscrowd: 0,
      });
    }
  }
  return coco;
}
