import { clampBox, type BoxXyxy } from "@/lib/boxes/convert";
import { imageKey } from "@/lib/dicom/frames";
import { exportClasses } from "@/lib/exports/class-list";
import { orderBySeed, splitByPatient } from "@/lib/exports/patient-split";
import { imageName, patientName } from "@/lib/exports/pseudonym";
import type { ExportSummary, SplitName, SplitSummary } from "@/lib/schemas/export";

export type ExportBox = { className: string; box: BoxXyxy };

/** One image as collected from the database (identifiers stay in the app): one frame of an instance. */
export type ExportItem = {
  instanceId: string;
  frame: number; // 1-based
  frames: number; // the instance's frame count: names of multi-frame images carry the frame

  studyId: string;
  patientKey: string; // Study.patientId, or the study id when the study has none
  width: number;
  height: number;
  storageKey: string;
  boxes: ExportBox[];
};

/** One image as it appears in the dataset: a pseudonym, its split and clean pixel boxes. */
export type PlannedImage = { name: string; patient: string; split: SplitName; item: ExportItem; boxes: ExportBox[] };

export type DatasetPlan = {
  classes: string[];
  images: PlannedImage[];
  summary: ExportSummary;
  droppedBoxes: number;
  mapping: Record<string, string>; // pseudonym → image key (lib/dicom/frames imageKey: instance id, "#frame=N" past frame 1); never in the zip
};

const emptySplit = (): SplitSummary => ({ images: 0, negatives: 0, boxes: 0, patients: 0, perClass: {} });

// Clamped into the image; boxes with no area left are dropped (they cannot be trained on).
function cleanBoxes(item: ExportItem): { boxes: ExportBox[]; dropped: number } {
  const size = { width: item.width, height: item.height };
  const boxes: ExportBox[] = [];
  for (const b of item.boxes) {
    const lo: BoxXyxy = [
      Math.min(b.box[0], b.box[2]),
      Math.min(b.box[1], b.box[3]),
      Math.max(b.box[0], b.box[2]),
      Math.max(b.box[1], b.box[3]),
    ];
    const c = clampBox(lo, size);
    if (c[2] - c[0] > 0 && c[3] - c[1] > 0) boxes.push({ className: b.className, box: c });
  }
  return { boxes, dropped: item.boxes.length - boxes.length };
}

// Pure: split by patient, name images and patients by pseudonyms in a seeded order, count per split and class.
export function planDataset(items: ExportItem[], o: { valFraction: number; seed: number; reviews: number }): DatasetPlan {
  const perPatient = new Map<string, number>();
  for (const it of items) perPatient.set(it.patientKey, (perPatient.get(it.patientKey) ?? 0) + 1);
  const split = splitByPatient(perPatient, o.valFraction, o.seed);
  const patientOrder = orderBySeed(perPatient.keys(), o.seed + 1, (k) => k);
  const patientPseudonym = new Map(patientOrder.map((p, i) => [p, patientName(i + 1)]));
  const ordered = orderBySeed(items, o.seed, (it) => imageKey(it.instanceId, it.frame)).sort((a, b) =>
    split.get(a.patientKey) === split.get(b.patientKey) ? 0 : split.get(a.patientKey) === "train" ? -1 : 1,
  );

  const splits: Record<SplitName, SplitSummary> = { train: emptySplit(), val: emptySplit() };
  const patients: Record<SplitName, Set<string>> = { train: new Set(), val: new Set() };
  const images: PlannedImage[] = [];
  const mapping: Record<string, string> = {};
  let droppedBoxes = 0;
  for (const [i, item] of ordered.entries()) {
    const part = split.get(item.patientKey)!;
    const { boxes, dropped } = cleanBoxes(item);
    droppedBoxes += dropped;
    const name = imageName(i + 1, item.frames > 1 ? item.frame : undefined);
    images.push({ name, patient: patientPseudonym.get(item.patientKey)!, split: part, item, boxes });
    mapping[name] = imageKey(item.instanceId, item.frame);
    const s = splits[part];
    s.images++;
    s.boxes += boxes.length;
    if (boxes.length === 0) s.negatives++;
    for (const b of boxes) s.perClass[b.className] = (s.perClass[b.className] ?? 0) + 1;
    patients[part].add(item.patientKey);
  }
  splits.train.patients = patients.train.size;
  splits.val.patients = patients.val.size;
  const classes = exportClasses(images.flatMap((im) => im.boxes.map((b) => b.className)));
  return { classes, images, droppedBoxes, mapping, summary: { classes, reviews: o.reviews, splits } };
}
