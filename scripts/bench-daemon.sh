#!/usr/bin/env bash
# Daemon ingest benchmark over loopback (part of `make bench`):
#   scripts/bench-daemon.sh [path/to/crescendo] [seconds per run]
# Runs wrk (Debian's; installed with apt-get when missing) against POST /api/entries with
# single-entry bodies (with a recorder's token, as a volunteer's phone would post) and with
# batches of 100 (the daemon's admin token), and reports entries/s and p50/p99 latency; times
# entries whose care field is 2,000 characters of adversarial content; then reads the
# due->delivered delay of the actions decided meanwhile from /metrics.
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

recorder=$("$bin" token add --db "$work/ledger.sqlite" --name bench-recorder --role recorder)
single='{"kind":"masks","quantity":3,"area":"a01","care":"bench"}'
batch="[$(for i in $(seq 1 100); do if [ "$i" -gt 1 ]; then printf ','; fi; printf '%s' "$single"; done)]"
lua() {  # $1 = body, $2 = token
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Authorization"] = "Bearer %s"\nwrk.body = [==[%s]==]\n' "$2" "$1"
}
lua "$single" "$recorder" > "$work/single.lua"
lua "$batch" "$token" > "$work/batch.lua"

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
python3 - "$port" "$recorder" <<'PY'
import json, sys, time, urllib.request
port, token = sys.argv[1], sys.argv[2]
texts = {"digits": "1" * 2000, "digits and spaces": "1 " * 1000, "at signs": "@" * 2000, "dots": "a." * 1000,
         "e-mail shapes": "a@b." * 500, "phone shapes": "1-" * 999 + "1", "titled names": "Mr Aa " * 333,
         "mixed": "".join("1 .-@a(+"[i % 8] for i in range(2000)), "letters": "x" * 2000}
worst = []
for name, text in texts.items():
    body = json.dumps({"kind": "masks", "care": text, "cause": text, "change": text}).encode()
    times = []
    for _ in range(20):
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/entries", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        t0 = time.perf_counter()
        with urllib.request.urlopen(req, timeout=30) as r:
            assert r.status == 201, r.status
        times.append((time.perf_counter() - t0) * 1000)
    worst.append((max(times), name, sorted(times)[len(times) // 2]))
print("2,000-character care, cause and change (20 posts each, recorder token, one at a time):")
for w, name, median in sorted(worst, reverse=True):
    print(f"  {name:18} median {median:6.1f} ms  max {w:6.1f} ms")
print(f"  slowest of all: {max(worst)[0]:.1f} ms (target < 100 ms)")
PY
sleep 3
curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/metrics" > "$work/metrics.txt"
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
entries=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/metrics" | awk '/^crescendo_entries_total/ {print $2}')
echo "entries recorded: $entries"
kill -TERM $pid; wait $pid || true
