#!/usr/bin/env bash
# Runs one npm step of the staff console for Maven (pom.xml): `install` (npm ci, only when
# package-lock.json changed since the last one), `build` (type check + Vite build into dist/) or
# `test` (Vitest). Node 20+ and npm come from the machine; nothing is downloaded but the packages.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null || { echo "staff-console: npm is missing (Node 20+ with npm is needed)" >&2; exit 1; }
case "${1:-}" in
  install)
    if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
      npm ci --no-audit --no-fund
    else
      echo "staff-console: node_modules is current"
    fi ;;
  build) npm run build ;;
  test) npm test ;;
  *) echo "usage: $0 install|build|test" >&2; exit 2 ;;
esac
