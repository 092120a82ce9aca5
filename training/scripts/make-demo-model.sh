#!/usr/bin/env bash
# Rebuilds models/demo-nodule-mass/ from ../shared/data/cxr-mass-nodule (40 NIH images): import with a
# patient-level split, train YOLO11n on the CPU, copy ONNX + model card. ~40-60 min on 2 busy cores.
# EPOCHS / IMGSZ / SEED override the defaults used for the committed model.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(dirname "$here")"
src="$(realpath -m "${CXR_SHARED_DATA:-$repo/../shared/data}/cxr-mass-nodule")"
epochs="${EPOCHS:-80}"; imgsz="${IMGSZ:-512}"; seed="${SEED:-0}"
[[ -d "$src" ]] || { echo "no $src: the demo model needs the shared 40-image set" >&2; exit 1; }
"$here/scripts/setup-venv.sh"
cd "$here"
cli=(nice -n 10 .venv/bin/cxr-train)
import_cmd=(import coco "$src/coco.json" --images "$src/images" --out runs/demo-data --classes "Nodule/Mass"
            --val-fraction 0.2 --seed 0)
rm -rf runs/demo-data runs/demo-run runs/demo-model
"${cli[@]}" "${import_cmd[@]}"
"${cli[@]}" --progress-json train runs/demo-data --out runs/demo-model --run-dir runs/demo-run \
  --name demo-nodule-mass --version 0.1.0 --size n --imgsz "$imgsz" --epochs "$epochs" --batch 8 --set nbs=8 \
  --seed "$seed" --data-description "40 NIH ChestX-ray14 images (1024 px) with 212 Mass/Nodule boxes from \
drpradeepAI/Medical-AI-Data-Annotation (not NIH's own radiologist boxes; a few look doubtful), Mass and Nodule merged \
into one class Nodule/Mass; patient-level split 32 train / 8 val images (27 / 6 patients)" | tee runs/demo-train.jsonl
.venv/bin/python scripts/finish_demo_card.py runs/demo-model "$repo/models/demo-nodule-mass" "cxr-train ${import_cmd[*]}"
