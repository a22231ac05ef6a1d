#!/usr/bin/env bash
# Installs what the browser tests need from Debian when it is missing: Chromium and CJK fonts
# (Playwright's own browser download cannot work offline) and faketime (e2e/setup/clock-runs.sh).
set -euo pipefail
need=()
chrome="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$chrome" ] || need+=(chromium)
# faketime pins the seed and server to chosen instants for the date-sensitive specs.
command -v faketime >/dev/null 2>&1 || need+=(faketime)
if ! { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; }; then
  need+=(fonts-noto-cjk)
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing ${need[*]} with apt-get…"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "Installed: ${need[*]}"
