#!/usr/bin/env bash
# Idempotent: creates training/.venv and installs the exact set in requirements-lock.txt (torch included), then this
# package (editable, without re-resolving its dependencies). Skips when the lock file and pyproject.toml are unchanged.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$here/.venv"
py="${PYTHON:-python3.11}"
stamp="$venv/.cxr-train-stamp"
lock="$here/requirements-lock.txt"
want="$(cat "$here/pyproject.toml" "$lock" "$here/../clients/python/pyproject.toml" | sha256sum | cut -d' ' -f1)"

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
echo "[setup-venv] installing the locked set ($lock)"
"${pip[@]}" install -r "$lock"
echo "[setup-venv] installing the app's Python client (editable, dependencies from the lock; register uploads through it)"
"${pip[@]}" install --no-deps -e "$here/../clients/python"
echo "[setup-venv] installing cxr-train (editable, dependencies from the lock)"
"${pip[@]}" install --no-deps -e "$here"
# The lock must satisfy pyproject.toml's ranges: a drifted lock fails here, not at the first import.
"${pip[@]}" check
echo "$want" > "$stamp"
echo "[setup-venv] done"
