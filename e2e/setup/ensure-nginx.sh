#!/usr/bin/env bash
# Installs Debian's nginx when it is missing: e2e/security/client-address.spec.ts starts its own
# nginx (a non-daemon child on its own port, config in e2e/security/nginx/) in front of the test
# server, to prove that clients behind a trusted reverse proxy are told apart. The package's own
# service is kept from starting: the tests need the binary, not a web server on port 80.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then exit 0; fi
echo "Installing nginx with apt-get…"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
policy=/usr/sbin/policy-rc.d
added=0
if [ ! -e "$policy" ]; then
  # exit 101: "action not allowed" — invoke-rc.d then leaves the service stopped.
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod +x "$policy"
  added=1
fi
trap '[ "$added" = 1 ] && $SUDO rm -f "$policy"' EXIT
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends nginx >/dev/null
echo "Installed: nginx"
