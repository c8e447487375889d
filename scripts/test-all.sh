#!/usr/bin/env bash
# `npm test`: every layer, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s ===\n' "$1"; }
step "typecheck";            npx tsc -p tsconfig.json --noEmit
step "lint";                 npx eslint . --max-warnings 0
step "cloud function bundles"; npx tsx scripts/build-functions.ts
step "unit + integration";   npx jest --selectProjects node --ci
step "weapp build";          npm run --silent build:weapp
step "weapp pages (miniprogram-simulate)"; npx jest --selectProjects weapp --ci
step "h5 build";             npx taro build --type h5
step "browser e2e (Chromium)"; node --import tsx test/e2e/run.ts
