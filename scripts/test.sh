#!/usr/bin/env bash
# npm test: import rules (oxlint), type check, unit tests (Vitest, Node), build, end-to-end tests (Playwright, Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

bash scripts/ensure-chromium.sh
[ -d node_modules ] || npm ci --no-audit --no-fund

echo "== lint (import rules)"
npm run -s lint
echo "== type check"
npx tsc --noEmit -p tsconfig.json
echo "== unit tests"
npx vitest run
echo "== build"
npx vite build --logLevel warn
echo "== end-to-end tests"
npx playwright test
echo "== batched engine agreement in Chromium (WebGL2 through SwiftShader vs the scalar engine)"
npx playwright test -c bench/browser/playwright.bench.config.ts agreement.spec.ts
