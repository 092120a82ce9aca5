import { pixelToYolo } from "@/lib/boxes/convert";
import type { ExportBox } from "@/lib/exports/dataset-plan";

// The dataset format of training/cxr_train/dataset.py: data.yaml, images/{train,val}, labels/{train,val}.

/** data.yaml; names are JSON-quoted (valid YAML double-quoted scalars, safe for "Nodule/Mass" or "a: b"). */
export function dataYaml(classes: string[]): string {
  const names = classes.map((c, i) => `  ${i}: ${JSON.stringify(c)}`).join("\n");
  return `# CXR Review export: YOLO dataset (cxr-train train reads this folder)\npath: .\ntrain: images/train\nval: images/val\nnc: ${classes.length}\nnames:\n${names}\n`;
}

/** One "class cx cy w h" line per box (normalised to the image); an empty file for a negative image. */
export function yoloLabelText(boxes: ExportBox[], size: { width: number; height: number }, classIndex: Map<string, number>): string {
  const lines = boxes.map((b) => {
    const [cx, cy, w, h] = pixelToYolo(b.box, size);
    const idx = classIndex.get(b.className);
    if (idx === undefined) throw new Error(`class '${b.className}' is not in the export's class list`);
    return `${idx} ${cx.toFixed(6)} ${cy.toFixed(6)} ${w.toFixed(6)} ${h.toFixed(6)}`;
  });
  return lines.length ? lines.join("\n") + "\n" : "";
}
