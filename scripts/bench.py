#!/usr/bin/env python3
"""`make bench`: the benchmark figures of spec/benchmark.md, printed (medians of 3 runs).

Usage: scripts/bench.py BIN   (a release build of crescendo)
"""
import os, statistics, subprocess, sys, time

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/release/crescendo"
RUNS = int(os.environ.get("RUNS", "3"))
DATA = os.environ.get("BENCH_DATA", "bench-data")


def run(argv, stdout=subprocess.DEVNULL):
    """Runs a command; returns (wall seconds, peak RSS in MB, stdout bytes or None)."""
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    out = p.stdout.read() if stdout == subprocess.PIPE else None
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) not in (0,):
        sys.exit(f"bench: {' '.join(argv)} failed:\n{err}")
    return wall, usage.ru_maxrss / 1024, out


def median_run(argv, stdout=subprocess.DEVNULL):
    results = [run(argv, stdout) for _ in range(RUNS)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results), results[0][2]


def workload(entries):
    folder = f"{DATA}/w1-{entries}"
    if not os.path.exists(f"{folder}/ledger.csv"):
        run([BIN, "workload", "w1", "--entries", str(entries), "--seed", "1", "--out", folder])
    return folder


def main():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    print(f"machine: {os.cpu_count()} cores, {cpu}; load average {os.getloadavg()[0]:.2f}")
    print(f"binary: {BIN}; medians of {RUNS} runs")

    os.makedirs(DATA, exist_ok=True)
    big = f"{DATA}/check-500.yaml"
    with open(big, "w") as f:
        subprocess.run([sys.executable, "scripts/gen-check-campaign.py", "500"], stdout=f, check=True)
    wall, rss, _ = median_run([BIN, "check", big])
    print(f"check, 500-rule campaign: {wall * 1000:.0f} ms wall, {rss:.0f} MB peak (target < 100 ms)")

    for entries in (100_000, 1_000_000):
        folder = workload(entries)
        wall, rss, out = median_run([BIN, "simulate", "bench/w1.yaml", "--ledger", f"{folder}/ledger.csv",
                                     "--indicators", f"{folder}/indicators.csv", "--format", "json"], subprocess.PIPE)
        actions = out.count(b"\n")
        print(f"simulate W1, {entries:,} entries, whole year, 40 rules: {wall:.2f} s wall, {rss:.0f} MB peak RSS, "
              f"{actions:,} actions, {wall / entries * 1e6:.2f} µs per entry (target ≤ 1 s and ≤ 100 MB at 1,000,000)")

        db = f"{folder}/ledger.sqlite"
        if not os.path.exists(db):
            run([BIN, "ledger", "import", "--db", db, f"{folder}/ledger.csv"])
        wall, rss, out = median_run([BIN, "simulate", "bench/w1.yaml", "--ledger", db,
                                     "--indicators", f"{folder}/indicators.csv", "--format", "json"], subprocess.PIPE)
        actions = out.count(b"\n")
        print(f"simulate W1 from a ledger database, {entries:,} entries: {wall:.2f} s wall, {rss:.0f} MB peak RSS, "
              f"{actions:,} actions (target ≤ 1 s and ≤ 100 MB at 1,000,000)")

    subprocess.run(["scripts/bench-import.sh", BIN, "1000000"], check=True,
                   env={**os.environ, "BENCH_DATA": f"{DATA}/w1-1000000", "RUNS": str(RUNS)})
    if os.path.exists("scripts/bench-daemon.sh"):
        subprocess.run(["scripts/bench-daemon.sh", BIN], check=True)
    subprocess.run([sys.executable, "scripts/bench-delay.py", BIN], check=True)


if __name__ == "__main__":
    main()
