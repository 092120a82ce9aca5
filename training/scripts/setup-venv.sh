#!/usr/bin/env bash
# Idempotent: creates training/.venv and installs torch + this package; skips when pyproject.toml is unchanged.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$here/.venv"
py="${PYTHON:-python3.11}"
stamp="$venv/.cxr-train-stamp"
want="$( (cat "$here/pyproject.toml" "$here/../clients/python/pyproject.toml"; echo "torch==2.14.1 torchvision==0.29.1") | sha256sum | cut -d' ' -f1)"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$venv/bin/python" ]]; then
  echo "[setup-venv] $venv is up to date"
  exit 0
fi
if [[ ! -x "$venv/bin/python" ]]; then
  echo "[setup-venv] creating $venv with $py"
  "$py" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check)
"${pip[@]}" install -q --upgrade pip
if ! "$venv/bin/python" -c "import torch, torchvision" 2>/dev/null; then
  echo "[setup-venv] installing torch==2.14.1 torchvision==0.29.1"
  "${pip[@]}" install torch==2.14.1 torchvision==0.29.1
fi
echo "[setup-venv] installing the app's Python client (editable; register uploads through it)"
"${pip[@]}" install -e "$here/../clients/python"
echo "[setup-venv] installing cxr-train (editable) with test extras"
"${pip[@]}" install -e "$here[test]"
echo "$want" > "$stamp"
echo "[setup-venv] done"
