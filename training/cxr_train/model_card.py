"""Model card: what a model is, what it was trained on and how well it did — JSON for the app, Markdown for people."""

from __future__ import annotations

import json
from pathlib import Path

from .dataset import sha256_file

DISCLAIMER = "Demonstration / research model, not for clinical use."


def build_card(*, name: str, version: str, onnx_path: Path, classes: list[str], imgsz: int, architecture: str,
               training: dict, evaluation: dict | None, data: dict, notes: str = DISCLAIMER) -> dict:
    onnx_path = Path(onnx_path)
    return {
        "name": name,
        "version": version,
        "file": onnx_path.name,
        "sha256": sha256_file(onnx_path),
        "size_bytes": onnx_path.stat().st_size,
        "format": "onnx",
        "architecture": architecture,
        "classes": classes,
        "input": {"shape": [1, 3, imgsz, imgsz], "layout": "NCHW", "color": "RGB", "scale": "0..1",
                  "letterbox_pad": 114},
        "output": {"shape": [1, 4 + len(classes), "N"], "boxes": "cx,cy,w,h in input pixels",
                   "scores": "per-class sigmoid"},
        "data": data,
        "training": training,
        "evaluation": evaluation,
        "intended_use": notes,
        "license": "Weights trained with Ultralytics YOLO11 (AGPL-3.0).",
    }


def write_card(card: dict, folder: Path) -> tuple[Path, Path]:
    folder = Path(folder)
    jpath, mpath = folder / "model-card.json", folder / "model-card.md"
    jpath.write_text(json.dumps(card, indent=2) + "\n")
    mpath.write_text(to_markdown(card))
    return jpath, mpath


def _f(v) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def to_markdown(card: dict) -> str:
    ev, tr, data = card.get("evaluation") or {}, card.get("training") or {}, card.get("data") or {}
    shape = (card.get("input") or {}).get("shape") or [None, None, "?"]
    lines = [f"# {card['name']} {card['version']}", "", f"**{card.get('intended_use', DISCLAIMER)}**", "",
             f"- Architecture: {card.get('architecture', 'YOLO (Ultralytics)')}, input {shape[2]} px, "
             f"classes: {', '.join(card.get('classes') or [])}",
             f"- ONNX: `{card['file']}`, {card['size_bytes'] / 1e6:.1f} MB, sha256 `{card['sha256']}`",
             f"- Data: {data.get('description', '')}",
             f"- Split: {data.get('split', '')}",
             f"- Trained: {tr.get('date', '')}, {tr.get('epochs')} epochs, {(tr.get('duration_s') or 0) / 60:.1f} min "
             f"on {tr.get('device', '')} ({tr.get('host', '')})",
             f"- Command: `{tr.get('command', '')}`"]
    if data.get("preparation_command"):
        lines.append(f"- Data preparation: `{data['preparation_command']}`")
    lines.append("")
    if ev:
        lines += [f"## Validation ({ev.get('images')} images, split `{ev.get('split')}`)", "",
                  f"mAP@0.5 **{_f(ev.get('map50'))}**, mAP@0.4 **{_f(ev.get('map40'))}** "
                  "(VOC all-point AP, see training/README.md).", "",
                  "| class | GT boxes | AP@0.5 | AP@0.4 |", "|---|---|---|---|"]
        for n, r in ev.get("per_class", {}).items():
            lines.append(f"| {n} | {r['gt']} | {_f(r['ap50'])} | {_f(r['ap40'])} |")
        lines.append("")
    opt = card.get("optimization")
    if opt:
        cmp_ = opt.get("comparison") or {}
        fl, q = cmp_.get("float") or {}, cmp_.get("int8") or {}
        lines += [f"## Optimization: {opt.get('method', '')}", "",
                  f"From {opt['base']['name']} {opt['base']['version']} (sha256 `{opt['base']['sha256']}`), calibrated on "
                  f"{opt['calibration']['images']} images of the `{opt['calibration']['split']}` split.", "",
                  "| | mAP@0.5 | mAP@0.4 | latency p50 ms |", "|---|---|---|---|",
                  f"| float | {_f(fl.get('map50'))} | {_f(fl.get('map40'))} | {fl.get('latency_p50_ms')} |",
                  f"| INT8 | {_f(q.get('map50'))} | {_f(q.get('map40'))} | {q.get('latency_p50_ms')} |", "",
                  f"mAP@0.5 delta {cmp_.get('map50_delta')}; latency: {cmp_.get('latency', '')}.", ""]
    tr_ev = card.get("evaluation_train_split")
    if tr_ev:  # fit on the training images: a sanity figure, not a measure of generalisation
        lines += [f"Training split ({tr_ev.get('images')} images, seen in training): mAP@0.5 {_f(tr_ev.get('map50'))}, "
                  f"mAP@0.4 {_f(tr_ev.get('map40'))}.", ""]
    return "\n".join(lines)
