#!/usr/bin/env python3
"""The daemon's due -> delivered delay at light load (part of `make bench`).

Usage: scripts/bench-delay.py [BIN] [SECONDS]   (BIN defaults to .build/release/crescendo)

Starts the daemon on a campaign whose one rule fires on every entry (`every: 1`, to a file
channel), posts one entry every 0.2 s for SECONDS (default 10) without `at` (the daemon stamps
it), and reads `crescendo_dispatch_delay_seconds` from /metrics: the time from each action's
due instant to its delivery. Prints the count, the mean and the bucketed p50 and p99.
"""
import json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/crescendo")
SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
TOKEN = "bench-token"
# One rule that fires on every entry, to a file channel (YAML in flow style).
CAMPAIGN = "\n".join([
    "campaign: delay", "title: Delay bench", "timezone: UTC", "start: 2026-01-01",
    "metrics: { masks: { label: Masks, unit: masks } }",
    "demands: { psl: { text: Paid sick leave, target: Ministry of Labour, funding: Line 4.2 } }",
    "channels: { log: { type: file, path: out/actions.jsonl } }",
    "rules: [ { id: every-entry, when: { every: 1 }, do: [ { notify: { channel: log, text: one more } } ] } ]",
]) + "\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body,
                                 headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.read().decode()


def main():
    folder = tempfile.mkdtemp(prefix="crescendo-delay-")
    port = free_port()
    with open(os.path.join(folder, "campaign.yaml"), "w") as f:
        f.write(CAMPAIGN)
    log = open(os.path.join(folder, "daemon.log"), "w")
    daemon = subprocess.Popen([BIN, "daemon", "--campaign", os.path.join(folder, "campaign.yaml"),
                               "--db", os.path.join(folder, "ledger.sqlite"), "--listen", f"127.0.0.1:{port}"],
                              stdout=log, stderr=log, env={**os.environ, "CRESCENDO_TOKEN": TOKEN})
    try:
        for _ in range(600):
            try:
                request(port, "/healthz")
                break
            except OSError:
                if daemon.poll() is not None:
                    break
                time.sleep(0.05)
        else:
            raise OSError("the daemon did not answer within 30 s")
        if daemon.poll() is not None:
            log.flush()
            sys.exit("bench-delay: the daemon did not start:\n" + open(os.path.join(folder, "daemon.log")).read())
        posted, end = 0, time.monotonic() + SECONDS
        while time.monotonic() < end:
            request(port, "/api/entries", json.dumps({"kind": "masks"}).encode())
            posted += 1
            time.sleep(0.2)
        time.sleep(3)
        metrics = request(port, "/metrics")
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=30)
        log.close()
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(folder, ignore_errors=True)
    buckets, total, count = [], 0.0, 0
    for line in metrics.splitlines():
        m = re.match(r'crescendo_dispatch_delay_seconds_bucket\{le="([^"]+)"\} (\S+)', line)
        if m:
            buckets.append((float("inf") if m.group(1) == "+Inf" else float(m.group(1)), float(m.group(2))))
        if line.startswith("crescendo_dispatch_delay_seconds_sum"):
            total = float(line.split()[1])
        if line.startswith("crescendo_dispatch_delay_seconds_count"):
            count = int(float(line.split()[1]))
    if count == 0:
        sys.exit("bench-delay: no action was delivered")

    def quantile(p):
        return next(le for le, n in sorted(buckets) if n >= p * count)
    if os.environ.get("BENCH_KEEP"):
        print(f"kept {folder}")
    print(f"due -> delivered delay, {posted} entries posted at 5/s, every: 1 to a file channel: {count} actions, "
          f"mean {total / count * 1000:.1f} ms, p50 <= {quantile(0.5) * 1000:.0f} ms, p99 <= {quantile(0.99) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
