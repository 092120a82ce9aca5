#!/usr/bin/env bash
# `npm run clients:generate`: writes the OpenAPI document the app serves (clients/openapi.json) and regenerates the
# Python client's pydantic models from it (clients/python/cxr_review_client/models.py) with datamodel-code-generator.
# The TypeScript client needs no generation: it is typed from lib/schemas directly. Idempotent; commit the results.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx scripts/write-openapi.ts clients/openapi.json
bash scripts/setup-python-client.sh >/dev/null
clients/python/.venv/bin/datamodel-codegen \
  --input clients/openapi.json --input-file-type openapi --openapi-scopes schemas paths \
  --output-model-type pydantic_v2.BaseModel --target-python-version 3.11 --use-annotated \
  --extra-fields allow --formatters builtin --disable-timestamp \
  --output clients/python/cxr_review_client/models.py 2> >(grep -v -E "Warning|warn_|lambda self" >&2 || true)
echo "wrote clients/python/cxr_review_client/models.py"
