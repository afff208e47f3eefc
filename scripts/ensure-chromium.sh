#!/usr/bin/env bash
# Make sure a Chromium exists for the browser tests, and print its path.
# Order: $CHROME_PATH, a system Chromium, Debian's package (when root with apt), Playwright's download.
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then echo "$CHROME_PATH"; exit 0; fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium package for the browser tests..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  echo /usr/bin/chromium; exit 0
fi
echo "No Chromium found; asking Playwright to download one..." >&2
npx playwright install chromium >&2
node -e "console.log(require('playwright-core').chromium.executablePath())"
