#!/usr/bin/env bash
# Idempotent: clients/python/.venv with the Python client (editable), its tests and its generator, pinned by
# clients/python/requirements-lock.txt; skips when neither that file nor pyproject.toml changed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../clients/python" && pwd)"
venv="$here/.venv"
want="$(cat "$here/pyproject.toml" "$here/requirements-lock.txt" | sha256sum | cut -d' ' -f1)"
if [[ -f "$venv/.stamp" && "$(cat "$venv/.stamp")" == "$want" && -x "$venv/bin/python" ]]; then exit 0; fi
[[ -x "$venv/bin/python" ]] || "${PYTHON:-python3.11}" -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$here/requirements-lock.txt" -e "$here[test,dev]"
echo "$want" > "$venv/.stamp"
echo "[setup-python-client] $venv ready"
