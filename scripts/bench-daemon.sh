#!/usr/bin/env bash
# Daemon ingest benchmark over loopback (part of `make bench`):
#   scripts/bench-daemon.sh [path/to/crescendo] [seconds per run]
# Runs wrk (Debian's; installed with apt-get when missing) against POST /api/entries with
# single-entry bodies and with batches of 100, and reports entries/s and p50/p99 latency;
# then reads the due->delivered delay of the actions decided meanwhile from /metrics.
set -euo pipefail
bin=$(realpath "${1:-.build/release/crescendo}")
secs=${2:-10}
conns=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
if ! command -v wrk >/dev/null; then
  echo "bench-daemon: installing wrk" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi
work=$(mktemp -d /tmp/crescendo-bench.XXXXXX)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token=bench-token
cat > "$work/campaign.yaml" <<YAML
campaign: bench
title: Daemon bench
timezone: UTC
start: 2026-01-01
metrics:
  masks: { label: Masks, unit: masks }
demands:
  psl: { text: Paid sick leave, target: Ministry of Labour, funding: Line 4.2 }
areas:
  a01: { label: One }
  a02: { label: Two }
channels:
  log: { type: file, path: out/actions.jsonl }
rules:
  - id: every-1000
    when: { every: 1000 }
    do:
      - notify: { channel: log, text: "a thousand more" }
YAML
CRESCENDO_TOKEN=$token "$bin" daemon --campaign "$work/campaign.yaml" --db "$work/ledger.sqlite" \
  --listen "127.0.0.1:$port" >"$work/daemon.log" 2>&1 &
pid=$!
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "bench-daemon: the daemon did not start:" >&2; cat "$work/daemon.log" >&2; exit 1; }

single='{"kind":"masks","quantity":3,"area":"a01","care":"bench"}'
batch="[$(for i in $(seq 1 100); do if [ "$i" -gt 1 ]; then printf ','; fi; printf '%s' "$single"; done)]"
lua() {  # $1 = body
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Authorization"] = "Bearer %s"\nwrk.body = [==[%s]==]\n' "$token" "$1"
}
lua "$single" > "$work/single.lua"
lua "$batch" > "$work/batch.lua"

run() {  # $1 = name, $2 = lua, $3 = entries per request
  local out; out=$(wrk -t"$threads" -c"$conns" -d"${secs}s" --latency -s "$2" "http://127.0.0.1:$port/api/entries")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf '%-22s %10.0f entries/s  %8.0f requests/s  p50 %-8s p99 %-8s non-2xx %s\n' \
    "$1" "$(awk -v r="$rps" -v n="$3" 'BEGIN {print r * n}')" "$rps" "$p50" "$p99" "${non2xx:-0}"
}
echo "crescendo daemon ingest, wrk -t$threads -c$conns -d${secs}s, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
run "single-entry posts" "$work/single.lua" 1
run "batches of 100" "$work/batch.lua" 100
sleep 3
curl -s "http://127.0.0.1:$port/metrics" > "$work/metrics.txt"
python3 - "$work/metrics.txt" <<'PY'
import sys, re
buckets, total, count = [], 0.0, 0
for line in open(sys.argv[1]):
    m = re.match(r'crescendo_dispatch_delay_seconds_bucket\{le="([^"]+)"\} (\S+)', line)
    if m: buckets.append((float('inf') if m.group(1) == '+Inf' else float(m.group(1)), float(m.group(2))))
    if line.startswith('crescendo_dispatch_delay_seconds_sum'): total = float(line.split()[1])
    if line.startswith('crescendo_dispatch_delay_seconds_count'): count = int(float(line.split()[1]))
def q(p):
    for le, n in buckets:
        if n >= p * count: return le
if count:
    print(f"due->delivered: {count} actions, mean {total / count:.3f} s, p50 <= {q(0.5)} s, p99 <= {q(0.99)} s "
          f"(from the due instant)")
else:
    print("due->delivered: no actions delivered")
PY
entries=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^crescendo_entries_total/ {print $2}')
echo "entries recorded: $entries"
kill -TERM $pid; wait $pid || true
