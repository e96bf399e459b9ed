#!/usr/bin/env bash
# Times `crescendo ledger import` of W1's 1,000,000-row ledger (hash chain included) beside the
# sqlite3 shell importing the same CSV (`.mode csv`, `.import`) into a fresh database.
# Prints rows/s for both and their ratio: medians of RUNS runs (default 3).
# Usage: scripts/bench-import.sh [BIN] [ENTRIES]   (BIN defaults to .build/release/crescendo)
set -euo pipefail
BIN=${1:-.build/release/crescendo}
ENTRIES=${2:-1000000}
RUNS=${RUNS:-3}
DATA=${BENCH_DATA:-bench-data/w1-$ENTRIES}
command -v sqlite3 >/dev/null || { echo "bench-import: the sqlite3 shell is required (make deps)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "bench-import: no binary at $BIN (make release)" >&2; exit 1; }
mkdir -p "$DATA"
[ -s "$DATA/ledger.csv" ] || "$BIN" workload w1 --entries "$ENTRIES" --seed 1 --out "$DATA" >/dev/null

seconds() {  # seconds COMMAND...: wall time of a command, in seconds
  local start end
  start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

ours=(); shell=()
for run in $(seq 1 "$RUNS"); do
  rm -f "$DATA"/bench-crescendo.sqlite* "$DATA"/bench-sqlite3.sqlite*
  ours+=("$(seconds "$BIN" ledger import --db "$DATA/bench-crescendo.sqlite" "$DATA/ledger.csv")")
  shell+=("$(seconds sqlite3 "$DATA/bench-sqlite3.sqlite" ".mode csv" ".import $DATA/ledger.csv entries")")
done
"$BIN" ledger verify --db "$DATA/bench-crescendo.sqlite" >/dev/null
rm -f "$DATA"/bench-crescendo.sqlite* "$DATA"/bench-sqlite3.sqlite*

t_ours=$(printf '%s\n' "${ours[@]}" | median)
t_shell=$(printf '%s\n' "${shell[@]}" | median)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
awk -v n="$ENTRIES" -v runs="$RUNS" -v a="$t_ours" -v b="$t_shell" 'BEGIN {
  printf "ledger import (%d rows, median of %d): crescendo %.0f rows/s (%.2f s), sqlite3 .import %.0f rows/s (%.2f s), ratio %.2f\n",
    n, runs, n / a, a, n / b, b, b / a }'
