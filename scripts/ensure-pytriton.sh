#!/usr/bin/env bash
# A real Triton server for tests in .data/tools/pytriton: PyPI's nvidia-pytriton ships tritonserver (Python backend
# only: the model runs in a Python function, here onnxruntime on the ONNX file); its Python backend needs numpy < 2.
# Prints the bin folder.
set -euo pipefail
exec bash "$(dirname "$0")/ensure-venv.sh" pytriton v1 "nvidia-pytriton==0.7.*" "onnxruntime==1.*" "numpy<2"
