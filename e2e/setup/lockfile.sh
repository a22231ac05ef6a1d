#!/usr/bin/env bash
# The committed lockfile must be one `npm ci` accepts on a fresh clone: it must list every
# optional platform package npm writes here (darwin and win32 builds included) and match
# package.json. A dry run in a scratch folder checks that without touching node_modules.
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp package.json package-lock.json "$scratch/"
if ! out=$(cd "$scratch" && npm ci --dry-run --ignore-scripts --no-audit --no-fund 2>&1); then
  printf '%s\n' "$out" | grep -i 'npm error' | head -20 || true
  echo "!! npm ci would refuse package-lock.json. Run 'npm install' and commit the lockfile it writes."
  exit 1
fi
echo "package-lock.json: npm ci accepts it"
