#!/usr/bin/env bash
# Installs a real Triton server for tests into .data/tools/pytriton: PyPI's nvidia-pytriton ships tritonserver
# (Python backend only: the model runs in a Python function, here onnxruntime on the ONNX file). Prints the python.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.data/tools/pytriton
stamp="$venv/.installed-v1"
if [ ! -f "$stamp" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  # tritonserver 2.51's Python backend needs numpy < 2.
  "$venv/bin/pip" install -q "nvidia-pytriton==0.7.*" "onnxruntime==1.*" "numpy<2"
  touch "$stamp"
fi
echo "$(pwd)/$venv/bin/python"
