#!/usr/bin/env bash
# Installs schemathesis (the API fuzzer of `npm test`) and openapi-spec-validator (PyPI) into .data/tools/schemathesis.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.data/tools/schemathesis
if [ ! -x "$venv/bin/st" ] || [ ! -x "$venv/bin/openapi-spec-validator" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==4.32.5" "openapi-spec-validator==0.7.2"
fi
echo "$(pwd)/$venv/bin"
