#!/usr/bin/env bash
# Creates/updates training/.venv (idempotent) and runs the training worker's tests; non-zero exit on failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup-venv.sh"
cd "$here"
export YOLO_OFFLINE=1
export YOLO_CONFIG_DIR="${YOLO_CONFIG_DIR:-$(mktemp -d -t cxr-train-yolo-XXXXXX)}"
exec "$here/.venv/bin/python" -m pytest "$@"
