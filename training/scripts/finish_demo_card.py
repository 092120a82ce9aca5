"""Copy the trained demo model into models/demo-nodule-mass/ and complete its card (data preparation command,
train-split sanity metrics, the demonstration-only statement). Usage: finish_demo_card.py RUN_OUT DEST IMPORT_CMD"""

import json
import shutil
import sys
from pathlib import Path

from cxr_train.evaluate import evaluate
from cxr_train.model_card import write_card

src, dest, import_cmd = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
card = json.loads((src / "model-card.json").read_text())
dest.mkdir(parents=True, exist_ok=True)
shutil.copy2(src / "model.onnx", dest / "model.onnx")
card["data"]["preparation_command"] = import_cmd.replace(str(Path.cwd().parent.parent), "..")
card["data"]["source_licence"] = ("NIH ChestX-ray14 images are public; the boxes' author states no licence. "
                                  "The data are not in this repository.")
train_eval = evaluate(dest / "model.onnx", Path(card["data"]["folder"]), "train")
card["evaluation_train_split"] = {k: train_eval[k] for k in ("images", "map50", "map40", "per_class")}
card["intended_use"] = ("Demonstration model, NOT for clinical use: a YOLO11n trained from random initialisation "
                        "on 32 chest X-rays. It exists so that a fresh install runs its main job with a real model; "
                        "its validation mAP on 8 images is a rough figure with a wide uncertainty.")
card["data"]["folder"] = "runs/demo-data (made by the preparation command; not committed)"
card["data"]["split"] = ("patient-level (NIH patient id = file name before the first '_'), seed 0: 32 train / 8 val "
                         "images, 27 / 6 patients; " f"{card['evaluation']['per_class']['Nodule/Mass']['gt']} val boxes")
write_card(card, dest)
print(json.dumps({k: card[k] for k in ("name", "version", "sha256", "size_bytes")}))
