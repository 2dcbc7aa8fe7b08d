#!/usr/bin/env bash
# The student app's CI: unit tests, type check, the mini-program and H5 builds, the H5 size
# budget, the screens in headless Chromium with a stand-in API, and, with --journey, the
# whole journey against the local platform (deploy/local/up from the repository root, then
# stopped again). Chromium comes from the OS package; no browser is ever downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
journey=false
[[ "${1:-}" == "--journey" ]] && journey=true

if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $EUID -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else echo "chromium is missing: apt-get install chromium" >&2; exit 1; fi
fi

npm ci --no-audit --no-fund
npm run typecheck
npm test
npm run build:weapp      # the mini-program must compile (dist/weapp)
npm run build:h5         # dist/h5, served by the gateway at /
npm run size             # first-load script ≤ 300 KB gzipped
npm run e2e:screens      # every screen at 360 px, stand-in API

if $journey; then
  ../deploy/local/up --demo-data
  trap '../deploy/local/down' EXIT
  npm run e2e
fi
