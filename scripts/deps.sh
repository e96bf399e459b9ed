#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, test and run Crescendo.
# Idempotent and quick when everything is present.
set -euo pipefail
need=()
for pkg in libsqlite3-dev sqlite3 libyaml-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "make deps: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "make deps: Swift 6.1 or later is required (swift not on PATH)" >&2; exit 1; }
