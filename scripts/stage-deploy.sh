#!/usr/bin/env bash
# Stages the deployment package in .deploy/: the compiled functions, host.json, package.json and
# the production dependencies only (no TypeScript, tests, Azurite or dev tools). Publish it with
#   cd .deploy && func azure functionapp publish <function app name>
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build
rm -rf .deploy
mkdir -p .deploy/dist
cp -R dist/functions dist/shared .deploy/dist/
cp host.json package.json package-lock.json .funcignore .deploy/
(cd .deploy && npm ci --omit=dev --ignore-scripts --no-audit --no-fund)

main=$(node -p 'require("./package.json").main')
test -f ".deploy/$main" || { echo "stage-deploy: .deploy/$main is missing" >&2; exit 1; }
echo "Staged .deploy/ ($(du -sh .deploy | cut -f1)). Next: cd .deploy && func azure functionapp publish <app>"
