import { describe, expect, it } from "vitest";
import { yoloToPixel } from "@/lib/boxes/convert";
import { buildCoco } from "@/lib/exports/coco-format";
import { planDataset, type ExportItem } from "@/lib/exports/dataset-plan";
import { splitByPatient } from "@/lib/exports/patient-split";
import { dataYaml, yoloLabelText } from "@/lib/exports/yolo-format";
import { VINDR_FINDINGS } from "@/lib/inference/vocabulary";

function items(n: number, perPatient = 3): ExportItem[] {
  return Array.from({ length: n }, (_, i) => ({
    instanceId: `inst-${i}`,
    frame: 1,
    frames: 1,
    studyId: `study-${i}`,
    patientKey: `p:PATIENT-${Math.floor(i / perPatient)}`,
    width: 200,
    height: 100,
    storageKey: `instances/${i}.dcm`,
    boxes: i % 4 === 0 ? [] : [{ className: i % 5 === 0 ? "Rib fracture" : "Nodule/Mass", box: [10, 20, 60, 80] }],
  }));
}

describe("patient-level split", () => {
  it("keeps every image of a patient in one split, reaches the val fraction and is deterministic from the seed", () => {
    const plan = planDataset(items(300), { valFraction: 0.2, seed: 7, reviews: 300 });
    const splitOf = new Map<string, Set<string>>();
    for (const im of plan.images) splitOf.set(im.item.patientKey, (splitOf.get(im.item.patientKey) ?? new Set()).add(im.split));
    expect([...splitOf.values()].every((s) => s.size === 1)).toBe(true);
    const val = plan.summary.splits.val.images;
    expect(val).toBeGreaterThanOrEqual(60);
    expect(val).toBeLessThan(60 + 3); // overshoots by less than one patient
    expect(plan.summary.splits.val.patients + plan.summary.splits.train.patients).toBe(100);
    const again = planDataset([...items(300)].reverse(), { valFraction: 0.2, seed: 7, reviews: 300 });
    expect(again.images.map((i) => [i.name, i.item.instanceId, i.split])).toEqual(
      plan.images.map((i) => [i.name, i.item.instanceId, i.split]),
    );
    const other = planDataset(items(300), { valFraction: 0.2, seed: 8, reviews: 300 });
    expect(other.images.filter((i) => i.split === "val").map((i) => i.item.instanceId)).not.toEqual(
      plan.images.filter((i) => i.split === "val").map((i) => i.item.instanceId),
    );
  });

  it("puts everything in train when the val fraction is 0", () => {
    const s = splitByPatient(
      new Map([
        ["a", 2],
        ["b", 1],
      ]),
      0,
      0,
    );
    expect([...s.values()]).toEqual(["train", "train"]);
  });
});

describe("de-identification", () => {
  it("names images and patients by pseudonyms and keeps the mapping apart", () => {
    const plan = planDataset(items(10), { valFraction: 0.3, seed: 0, reviews: 10 });
    expect(plan.images.map((i) => i.name)).toEqual(Array.from({ length: 10 }, (_, i) => `img_${String(i + 1).padStart(6, "0")}`));
    for (const im of plan.images) {
      expect(im.patient).toMatch(/^pt_\d{6}$/);
      expect(plan.mapping[im.name]).toBe(im.item.instanceId);
    }
    const coco = JSON.stringify(buildCoco(plan.images, plan.classes, "test"));
    expect(coco).not.toMatch(/PATIENT|inst-|study-|instances\//);
  });

  it("names each frame of a multi-frame image as its own image carrying the frame, mapped back to instance and frame", () => {
    const single = items(2)[1]!; // one with a box
    const frames = [1, 2, 3].map((frame) => ({ ...single, instanceId: "mf", frame, frames: 3, boxes: frame === 2 ? single.boxes : [] }));
    const plan = planDataset([...frames, { ...single, instanceId: "sf" }], { valFraction: 0, seed: 3, reviews: 2 });
    const names = Object.fromEntries(plan.images.map((im) => [plan.mapping[im.name], im.name]));
    expect(Object.keys(names).sort()).toEqual(["mf", "mf#frame=2", "mf#frame=3", "sf"]); // lib/dicom/frames imageKey
    expect(names["mf"]).toMatch(/^img_\d{6}_f1$/);
    expect(names["mf#frame=2"]).toMatch(/^img_\d{6}_f2$/);
    expect(names["sf"]).toMatch(/^img_\d{6}$/);
    expect(plan.images.find((im) => im.item.frame === 2 && im.item.instanceId === "mf")!.boxes).toHaveLength(1);
    expect(plan.summary.splits.train.images).toBe(4);
  });
});

describe("YOLO and COCO conversion", () => {
  const plan = planDataset(items(10), { valFraction: 0.3, seed: 0, reviews: 10 });

  it("lists the 14 VinDr-CXR findings first, then extra classes", () => {
    expect(plan.classes.slice(0, 14)).toEqual([...VINDR_FINDINGS]);
    expect(plan.classes[14]).toBe("Rib fracture");
    expect(dataYaml(plan.classes)).toContain('  8: "Nodule/Mass"\n');
    expect(dataYaml(plan.classes)).toContain("train: images/train\nval: images/val\n");
  });

  it("writes normalised centre/size lines that convert back to the pixel box, and empty files for negatives", () => {
    const index = new Map(plan.classes.map((c, i) => [c, i]));
    const text = yoloLabelText([{ className: "Nodule/Mass", box: [10, 20, 60, 80] }], { width: 200, height: 100 }, index);
    expect(text).toBe("8 0.175000 0.500000 0.250000 0.600000\n");
    const [, ...nums] = text.trim().split(" ").map(Number);
    expect(
      yoloToPixel(nums as [number, number, number, number], { width: 200, height: 100 }).map((v) => Math.round(v * 1e4) / 1e4),
    ).toEqual([10, 20, 60, 80]);
    expect(yoloLabelText([], { width: 200, height: 100 }, index)).toBe("");
  });

  it("writes COCO bbox [x, y, w, h] in pixels with 1-based category ids and a split per image", () => {
    const coco = buildCoco(plan.images, plan.classes, "test");
    expect(coco.images).toHaveLength(10);
    expect(coco.annotations).toHaveLength(plan.summary.splits.train.boxes + plan.summary.splits.val.boxes);
    expect(coco.annotations[0]).toMatchObject({ bbox: [10, 20, 50, 60], area: 3000, iscrowd: 0 });
    expect(coco.categories.find((c) => c.name === "Nodule/Mass")!.id).toBe(9);
    for (const im of coco.images) expect(im.file_name).toBe(`images/${im.split}/img_${String(im.id).padStart(6, "0")}.png`);
  });

  it("clamps boxes into the image and drops ones with no area", () => {
    const p = planDataset(
      [
        {
          ...items(1)[0]!,
          boxes: [
            { className: "ILD", box: [150, -10, 250, 50] },
            { className: "ILD", box: [210, 10, 260, 20] },
          ],
        },
      ],
      { valFraction: 0, seed: 0, reviews: 1 },
    );
    expect(p.images[0]!.boxes).toEqual([{ className: "ILD", box: [150, 0, 200, 50] }]);
    expect(p.droppedBoxes).toBe(1);
  });
});
