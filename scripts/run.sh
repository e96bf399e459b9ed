#!/usr/bin/env bash
# `make run`: check the bundled campaigns, then dry-run the paid sick leave campaign over its
# sample ledger, indicators and responses.
set -euo pipefail
bin=${1:-.build/debug/crescendo}
cd "$(dirname "$0")/.."
echo "== crescendo check campaigns/ rules/"
"$bin" check campaigns/*.yaml rules/*.yaml
echo
echo "== crescendo simulate campaigns/paid-sick-leave.yaml (sample data in campaigns/data/)"
"$bin" simulate campaigns/paid-sick-leave.yaml \
  --ledger campaigns/data/paid-sick-leave.ledger.csv \
  --indicators campaigns/data/paid-sick-leave.indicators.csv \
  --responses campaigns/data/paid-sick-leave.responses.csv \
  --until 2027-04-30
