#!/usr/bin/env bash
# Installs moto's S3-compatible server (PyPI) into .data/tools/moto for the S3 adapter's integration test.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.data/tools/moto
if [ ! -x "$venv/bin/moto_server" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "moto[server]==5.*"
fi
echo "$(pwd)/$venv/bin/moto_server"
