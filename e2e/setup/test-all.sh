#!/usr/bin/env bash
# Every test: unit tests in three server time zones (Beijing time must not depend on the
# server's zone), then a production build and the browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1

bash e2e/setup/ensure-chromium.sh
bash e2e/setup/ensure-nginx.sh

echo "── lockfile (npm ci must accept it on a fresh clone)"
bash e2e/setup/lockfile.sh

echo "── npm audit (production dependencies)"
bash e2e/setup/audit.sh

# The three zones run side by side (each runs its files one at a time; two cores share three
# runs), each into its own log, printed whole when it failed and as its totals when it passed.
echo "── unit tests, server TZ=Asia/Shanghai, UTC and America/New_York side by side"
mkdir -p e2e/.tmp
zones=(Asia/Shanghai UTC America/New_York)
pids=()
for zone in "${zones[@]}"; do
  TZ="$zone" npm run --silent test:unit > "e2e/.tmp/unit-${zone//\//-}.log" 2>&1 &
  pids+=($!)
done
unit_failed=0
for i in "${!zones[@]}"; do
  zone="${zones[$i]}"
  log="e2e/.tmp/unit-${zone//\//-}.log"
  if wait "${pids[$i]}"; then
    echo "   TZ=$zone: $(grep -E '^ℹ (tests|pass|fail) ' "$log" | tr -s ' ' | tr '\n' ' ')"
  else
    echo "!! unit tests failed with server TZ=$zone:"
    cat "$log"
    unit_failed=1
  fi
done
[ "$unit_failed" -eq 0 ]

echo "── production build"
npm run --silent build

echo "── soak (60 s mixed load, backup under load, restore) and crash safety (kill -9), on the same build"
npm run --silent soak -- --backup
npx tsx e2e/soak/crash.ts

echo "── browser tests (the real now)"
npx playwright test

echo "── date-sensitive browser tests at pinned instants"
bash e2e/setup/clock-runs.sh
