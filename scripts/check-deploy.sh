#!/usr/bin/env bash
# Static checks of what ships for deployment; there is no container engine or cluster on the project machines, so
# the images and manifests are checked, not run: hadolint on both Dockerfiles, yamllint on deploy/, the compose
# files against the Compose Specification's JSON schema, and both kustomizations built by kubectl and validated
# against the Kubernetes API schemas. Fails on any finding. Run by `npm test` (lint and types).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(bash scripts/ensure-deploy-tools.sh | tail -1)
if ! command -v kubectl >/dev/null; then
  echo "installing Debian's kubernetes-client (kubectl kustomize)"
  (apt-get update -qq && apt-get install -y -qq kubernetes-client) >/tmp/cxr-apt.log 2>&1 || { tail -20 /tmp/cxr-apt.log; exit 1; }
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "· hadolint: Dockerfile training/Dockerfile"
"$bin/hadolint" --config .hadolint.yaml Dockerfile training/Dockerfile

echo "· yamllint: deploy/"
"$bin/yamllint" --strict -c .yamllint.yaml deploy/ .hadolint.yaml .yamllint.yaml

echo "· compose: deploy/compose.yaml deploy/compose.gpu.yaml against the Compose Specification schema"
"$bin/check-jsonschema" --builtin-schema vendor.compose-spec deploy/compose.yaml deploy/compose.gpu.yaml

for k in base overlays/gpu; do
  echo "· kustomize: deploy/k8s/$k → kubernetes-validate --strict"
  kubectl kustomize "deploy/k8s/$k" >"$out/manifests.yaml"
  "$bin/kubernetes-validate" --strict --quiet "$out/manifests.yaml"
done
echo "deployment checks passed"
