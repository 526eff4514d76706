#!/usr/bin/env bash
# Electron security scan (electronegativity) of src/, failing on any HIGH finding. The scanner lives in
# tools/electronegativity with its own lockfile, outside the app's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=tools/electronegativity
if [ ! -x "$dir/node_modules/.bin/electronegativity" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$dir" --no-audit --no-fund >/dev/null
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
electron_version=$(node -p "require('./node_modules/electron/package.json').version")
if ! "$dir/node_modules/.bin/electronegativity" -i src -o "$out/report.csv" -e "$electron_version" -r >"$out/log" 2>&1 || [ ! -s "$out/report.csv" ]; then
  cat "$out/log" >&2
  echo "electronegativity did not produce a report" >&2
  exit 1
fi
node scripts/electronegativity-gate.mjs "$out/report.csv"
