#!/usr/bin/env bash
# make browser-check: publishes the example campaign and renders its home page (desktop and
# phone width) and its charts page with headless Chromium into docs/screenshots/*.png.
# Fails when Chromium is missing and cannot be installed, or when a page does not render.
set -euo pipefail
BIN=${1:-.build/debug/crescendo}
OUT=docs/screenshots
CAMPAIGN=campaigns/paid-sick-leave.yaml
DATA=campaigns/data
AT=2027-03-15T12:00

browser=""
for b in chromium chromium-browser google-chrome; do command -v "$b" >/dev/null && { browser=$b; break; }; done
if [ -z "$browser" ]; then
  echo "browser-check: installing Debian's chromium"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  browser=chromium
fi
[ -x "$BIN" ] || { echo "browser-check: $BIN not built (run make build)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/ledger.sqlite"
"$BIN" ledger import --campaign "$CAMPAIGN" --db "$db" "$DATA/paid-sick-leave.ledger.csv" >/dev/null
tail -n +2 "$DATA/paid-sick-leave.responses.csv" | while IFS=, read -r at deadline text win; do
  "$BIN" respond --campaign "$CAMPAIGN" --db "$db" "$deadline" --text "$text" --at "$at" ${win:+--win "$win"} >/dev/null
done
"$BIN" flows import --campaign "$CAMPAIGN" --db "$db" "$DATA/paid-sick-leave.flows.csv" >/dev/null
"$BIN" publish --campaign "$CAMPAIGN" --db "$db" --out "$work/site" --at "$AT"

mkdir -p "$OUT"
shoot() { # name page width height
  rm -f "$OUT/$1.png"
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$3,$4" --screenshot="$OUT/$1.png" "file://$work/site/$2" >/dev/null 2>&1 || true
  if [ ! -s "$OUT/$1.png" ] || [ "$(head -c 8 "$OUT/$1.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    echo "browser-check: $2 did not render" >&2; exit 1
  fi
  # A page that failed to draw is nearly blank, and a blank PNG compresses to a few kilobytes.
  size=$(wc -c < "$OUT/$1.png")
  [ "$size" -gt 20000 ] || { echo "browser-check: $2 rendered nearly blank ($size bytes)" >&2; exit 1; }
  echo "browser-check: $OUT/$1.png ($size bytes)"
}
shoot home index.html 1280 2600
shoot home-phone index.html 390 2400
shoot charts charts.html 1280 2200
