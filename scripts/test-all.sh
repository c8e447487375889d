#!/usr/bin/env bash
# `npm test`: every layer, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s ===\n' "$1"; }
step "typecheck";            npx tsc -p tsconfig.json --noEmit
step "lint";                 npx eslint . --max-warnings 0
step "file and function sizes"; npx tsx scripts/check-sizes.ts
step "cloud function bundles"; npx tsx scripts/build-functions.ts
step "unit + integration";   npx jest --selectProjects node --ci
step "reliability (fast profile)"; npx tsx test/reliability/run.ts --profile fast
step "weapp build";          npm run --silent build:weapp
step "weapp pages (miniprogram-simulate)"; npx jest --selectProjects weapp --ci
step "h5 build";             npx taro build --type h5
# The e2e keeps each flow's data directory here, so the audit chain it produced can be verified.
E2E_DATA_ROOT="$(mktemp -d)"; trap 'rm -rf "$E2E_DATA_ROOT"' EXIT
step "browser e2e (Chromium)"; E2E_DATA_ROOT="$E2E_DATA_ROOT" node --import tsx test/e2e/run.ts
step "audit chain of the e2e stores"
verified=0
for dir in "$E2E_DATA_ROOT"/*/; do
  npm run --silent audit:verify -- --data-dir "$dir"   # exit 1 on a broken chain fails the run (set -e)
  verified=$((verified + 1))
done
[ "$verified" -gt 0 ] || { echo "audit: no e2e data directory to verify"; exit 1; }
