#!/usr/bin/env bash
# npm run bench: every Node benchmark (bench/*.bench.ts) and then the browser benchmarks
# (one Playwright config per benchmark in bench/browser/*.config.ts, Chromium). Each writes bench/results/<name>.json and
# prints a table; the results are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in bench/*.bench.ts; do
  [ -e "$f" ] || continue
  echo "== $f"
  npx tsx "$f"
done
if ls bench/browser/*.config.ts >/dev/null 2>&1; then
  npx vite build --logLevel warn
  for c in bench/browser/*.config.ts; do
    echo "== $c"
    npx playwright test -c "$c"
  done
fi
