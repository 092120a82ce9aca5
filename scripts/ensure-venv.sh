#!/usr/bin/env bash
# ensure-venv.sh NAME STAMP PIP-ARGS…: a Python tool venv at .data/tools/NAME with PIP-ARGS installed, made once
# (again when STAMP changes). Prints the venv's bin folder.
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1 stamp=$2
shift 2
venv=.data/tools/$name
if [ ! -f "$venv/.installed-$stamp" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "$@"
  touch "$venv/.installed-$stamp"
fi
echo "$(pwd)/$venv/bin"
