"""A real Triton server (PyPI's nvidia-pytriton: tritonserver with the Python backend) serving one ONNX file run by
onnxruntime, for the KServe checks: Triton's own HTTP front end, metadata, /config and binary tensor extension.
usage: serve-onnx-pytriton.py MODEL.onnx NAME HTTP_PORT GRPC_PORT METRICS_PORT MAX_BATCH (0 = no batching)"""
import sys

import numpy as np
import onnxruntime as ort
from pytriton.decorators import batch
from pytriton.model_config import ModelConfig, Tensor
from pytriton.triton import Triton, TritonConfig

model_file, name, http_port, grpc_port, metrics_port, max_batch = sys.argv[1:7]
max_batch = int(max_batch)
session = ort.InferenceSession(model_file, providers=["CPUExecutionProvider"])
DTYPES = {"tensor(float)": np.float32, "tensor(float16)": np.float16}


def spec(t):
    dims = [d if isinstance(d, int) else -1 for d in t.shape]
    return Tensor(name=t.name, dtype=DTYPES[t.type], shape=tuple(dims[1:] if max_batch > 0 else dims))


def infer(**inputs):
    names = [o.name for o in session.get_outputs()]
    return dict(zip(names, session.run(names, inputs)))


config = TritonConfig(http_address="127.0.0.1", http_port=int(http_port), grpc_address="127.0.0.1", grpc_port=int(grpc_port), metrics_port=int(metrics_port))
with Triton(config=config) as triton:
    triton.bind(
        model_name=name,
        infer_func=batch(infer) if max_batch > 0 else infer,
        inputs=[spec(t) for t in session.get_inputs()],
        outputs=[spec(t) for t in session.get_outputs()],
        config=ModelConfig(max_batch_size=max_batch, batching=max_batch > 0),
        strict=True,
    )
    print("serving", flush=True)
    triton.serve()
