"""Give a fixed-batch (batch 1) Ultralytics YOLO ONNX a dynamic batch axis, for models whose weights are gone.

    python training/scripts/dynamic_batch.py IN.onnx OUT.onnx

New exports need none of this (cxr-train exports with dynamic axes). The batch dimension of the graph input and
outputs becomes the symbol "batch", and every Reshape target that starts with the fixed batch 1 starts with 0 instead
(ONNX: copy the input's dimension 0), which holds in a YOLO graph where dimension 0 is the batch everywhere. The
result is checked before it is written: a batch of 2 must give each image's batch-1 output (|diff| <= 1e-4), else
nothing is written and the exit code is 1. Weights, metadata_props and opset are unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import numpy_helper


def make_batch_dynamic(model: onnx.ModelProto) -> onnx.ModelProto:
    g = model.graph
    for value in [*g.input, *g.output]:
        dim0 = value.type.tensor_type.shape.dim[0]
        dim0.ClearField("dim_value")
        dim0.dim_param = "batch"
    del g.value_info[:]  # intermediate shapes held batch 1; ONNX Runtime infers them again
    inits = {i.name: i for i in g.initializer}
    for node in g.node:
        if node.op_type != "Reshape" or node.input[1] not in inits:
            continue
        shape = numpy_helper.to_array(inits[node.input[1]]).copy()
        if shape.ndim == 1 and len(shape) > 1 and shape[0] == 1:
            shape[0] = 0
            inits[node.input[1]].CopyFrom(numpy_helper.from_array(shape.astype(np.int64), node.input[1]))
    return model


def check_batch_of_two(path: str) -> float:
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    inp = sess.get_inputs()[0]
    _, c, h, w = inp.shape
    x = np.random.default_rng(0).random((2, c, h, w), dtype=np.float32)
    both = sess.run(None, {inp.name: x})[0]
    single = np.concatenate([sess.run(None, {inp.name: x[i:i + 1]})[0] for i in range(2)])
    return float(np.abs(both - single).max())


def main(src: str, dst: str) -> int:
    model = make_batch_dynamic(onnx.load(src))
    onnx.checker.check_model(model)
    tmp = Path(dst).with_suffix(".tmp.onnx")
    onnx.save(model, tmp)
    diff = check_batch_of_two(str(tmp))
    if diff > 1e-4:
        tmp.unlink()
        print(f"batch of 2 differs from single runs by {diff:.2e}: not written", file=sys.stderr)
        return 1
    tmp.replace(dst)
    print(f"wrote {dst}: dynamic batch, batch-of-2 max |diff| vs single runs {diff:.1e}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
