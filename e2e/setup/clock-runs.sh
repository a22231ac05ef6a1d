#!/usr/bin/env bash
# The date-sensitive browser specs (@clock) at chosen instants, each on a fresh seed and server
# pinned there (E2E_NOW, see playwright.config.ts). The full suite runs at the real now; these
# are the days a calendar bug would show on.
set -euo pipefail
cd "$(dirname "$0")/../.."

INSTANTS=(
  "2026-12-06T19:30:00+08:00|a Sunday evening"
  "2026-12-07T08:59:00+08:00|a Monday, 08:59"
  "2027-02-20T10:00:00+08:00|a 调休 Saturday (春节调休上班, provisional 2027 calendar)"
  "2026-11-30T15:00:00+08:00|the last day of a month"
  "2026-12-31T23:59:00+08:00|New Year's Eve, 23:59"
  "2027-02-04T20:00:00+08:00|the evening before a public holiday (春节)"
)
# E2E_INSTANTS="2026-12-06T19:30:00+08:00 …" runs only those.
if [ -n "${E2E_INSTANTS:-}" ]; then
  wanted=()
  for i in $E2E_INSTANTS; do wanted+=("$i|chosen"); done
  INSTANTS=("${wanted[@]}")
fi

failed=()
for entry in "${INSTANTS[@]}"; do
  instant="${entry%%|*}"
  what="${entry#*|}"
  slug=$(printf '%s' "$instant" | tr -c '0-9A-Za-z' '-')
  echo "── @clock specs at $instant ($what)"
  if ! E2E_NOW="$instant" E2E_PORT="${E2E_CLOCK_PORT:-3190}" E2E_DB="e2e/.tmp/clock.sqlite" E2E_OUTPUT="e2e/.artifacts/clock-$slug" \
    npx playwright test --grep @clock --project=desktop --project=phone --project=no-js; then
    failed+=("$instant")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "!! @clock specs failed at: ${failed[*]}"
  exit 1
fi
echo "@clock specs passed at ${#INSTANTS[@]} instants"
