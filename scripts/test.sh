#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what the tests need (Debian packages when run as
# root, npm packages), builds, then runs formatting, lint, type checks, unit and integration tests
# against real servers and a real, isolated keychain, and the browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
for pair in chromium:chromium gnome-keyring-daemon:gnome-keyring dbus-run-session:dbus secret-tool:libsecret-tools openssl:openssl xdg-mime:xdg-utils file:file; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need_pkgs+=("${pair#*:}")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "== installing Debian packages: ${need_pkgs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
  else
    echo "Missing packages: ${need_pkgs[*]}. Install them (sudo apt-get install ${need_pkgs[*]}) or run this as root." >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

echo "== build"
npm run --silent build:node
if [ -f electron.vite.config.ts ]; then npx electron-vite build >/dev/null; fi

echo "== format, lint, types"
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
npx eslint .
npx tsc --noEmit -p tsconfig.json

echo "== Electron security scan (electronegativity, fails on HIGH)"
scripts/electronegativity.sh

# machine-readable results of both runners, summed up in one closing line at the end (pass or fail)
results=$(mktemp -d -t opos-results.XXXXXX)
trap 'node scripts/test-summary.mjs "$results"; rm -rf "$results"' EXIT

echo "== unit and integration tests (real SMTP servers, isolated GNOME Keyring)"
scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"

echo "== browser tests (Debian Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" scripts/with-keyring.sh npx playwright test --reporter=list,json
