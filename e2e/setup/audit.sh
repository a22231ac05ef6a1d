#!/usr/bin/env bash
# Known vulnerabilities in what the portal ships (dependencies, not devDependencies), high or
# critical: fails the run when npm's advisory service reports any.
#
# npm asks the registry's advisory endpoint (a POST). Where that endpoint cannot be reached —
# offline, or a registry mirror that only serves packages (this project's own build machines
# answer "405 Method Not Allowed") — there is no answer to judge: the step says so loudly and
# does not pretend the audit passed. Set AUDIT_REQUIRED=1 to fail in that case too.
set -uo pipefail
cd "$(dirname "$0")/../.."

out=$(npm audit --omit=dev --audit-level=high --json 2>/dev/null)
rc=$?
if [ $rc -eq 0 ]; then
  echo "npm audit (production dependencies, high and critical): no known vulnerabilities"
  exit 0
fi
if printf '%s' "$out" | grep -q '"vulnerabilities"'; then
  # The service answered and found something at or above the level: show it and fail.
  npm audit --omit=dev --audit-level=high
  exit 1
fi
status=$(printf '%s' "$out" | sed -n 's/.*"statusCode": *\([0-9]*\).*/\1/p' | head -1)
echo "!! npm audit could NOT run: the advisory service did not answer (${status:+HTTP $status, }$(printf '%s' "$out" | sed -n 's/.*"message": *"\([^"]*\)".*/\1/p' | head -1))."
echo "!! No vulnerability check happened in this run. Run 'npm audit --omit=dev --audit-level=high' where the registry's advisory endpoint is reachable."
if [ "${AUDIT_REQUIRED:-0}" = "1" ]; then exit 1; fi
exit 0
