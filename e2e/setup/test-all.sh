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

for zone in Asia/Shanghai UTC America/New_York; do
  echo "── unit tests, server TZ=$zone"
  TZ="$zone" npm run --silent test:unit
done

echo "── production build"
npm run --silent build

echo "── soak (60 s mixed load, backup under load, restore) and crash safety (kill -9), on the same build"
npm run --silent soak -- --backup
npx tsx e2e/soak/crash.ts

echo "── browser tests (the real now)"
npx playwright test

echo "── date-sensitive browser tests at pinned instants"
bash e2e/setup/clock-runs.sh
