#!/usr/bin/env bash
# npm run bench: every Node benchmark (bench/*.bench.ts) and then the browser benchmarks
# (bench/browser/*.spec.ts, Playwright in Chromium). Each writes bench/results/<name>.json and
# prints a table; the results are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in bench/*.bench.ts; do
  [ -e "$f" ] || continue
  echo "== $f"
  npx tsx "$f"
done
if ls bench/browser/*.spec.ts >/dev/null 2>&1; then
  npm run -s build
  npx playwright test -c bench/browser/playwright.bench.config.ts
fi
