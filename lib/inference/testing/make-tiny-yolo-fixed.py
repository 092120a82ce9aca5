"""Derives tiny-yolo-b1.onnx from tiny-yolo.onnx: the same model with a fixed batch of 1 (a `dynamic=False` export),
for the engine's fixed-batch tests. Run: python3 make-tiny-yolo-fixed.py (needs `onnx`; writes next to this file).
"""
from pathlib import Path

import onnx

HERE = Path(__file__).resolve().parent

model = onnx.load(HERE / "tiny-yolo.onnx")
for value in [*model.graph.input, *model.graph.output]:
    dim = value.type.tensor_type.shape.dim[0]
    dim.Clear()
    dim.dim_value = 1
for prop in model.metadata_props:
    if prop.key == "args":
        prop.value = prop.value.replace("'dynamic': True", "'dynamic': False")
onnx.checker.check_model(model)
onnx.save(model, HERE / "tiny-yolo-b1.onnx")
print("wrote tiny-yolo-b1.onnx")
