#!/usr/bin/env bash
# Playwright cannot download browsers here: use Debian's Chromium. Install it when we are root,
# otherwise stop with the exact command to run.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ]; then
  echo "Chromium is missing: installing Debian's chromium package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing. Install it, then run npm test again:" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
