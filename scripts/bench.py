#!/usr/bin/env python3
"""`make bench`: the benchmark figures of spec/benchmark.md, printed (medians of 3 runs).

Usage: scripts/bench.py BIN   (a release build of crescendo)
       BENCH_ONLY=scenarios scripts/bench.py BIN   (only the scenarios figure)
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


def scenarios(entries=100_000, count=10):
    """Ten scenarios on W1's ledger (as base_ledger) that differ only in December, against one."""
    folder = workload(entries)
    paths = []
    for k in range(count):
        path = f"{DATA}/scenario-{entries}-{k}.yaml"
        with open(path, "w") as f:
            f.write(f"""name: december-{k}
until: 2026-12-31T23:59:59Z
base_ledger: w1-{entries}/ledger.csv
base_indicators: w1-{entries}/indicators.csv
ledger:
  - generate: {{ count: {150 * (k + 1)}, every: 2h, from: 2026-12-01T00:00Z, kind: masks, quantity: {k + 1}, area: a01 }}
""")
        paths.append(path)
    def argv(files):
        return [BIN, "simulate", "bench/w1.yaml", "--format", "json"] + [a for p in files for a in ("--scenario", p)]
    one, rss1, _ = median_run(argv(paths[:1]))
    ten, rss10, out = median_run(argv(paths), subprocess.PIPE)
    actions = out.count(b"\n")
    print(f"simulate W1, {entries:,} entries as base_ledger, {count} scenarios differing only in December: {ten:.2f} s wall, "
          f"{rss10:.0f} MB peak RSS, {actions:,} actions; one scenario {one:.2f} s, {rss1:.0f} MB: "
          f"ratio {ten / one:.2f} (target ≤ 3)")


def publish():
    """`crescendo publish` of the bundled campaign's sample data, once: the site with every card's
    PNG (rsvg-convert) and poster. It runs the release build's card rendering, which the tests
    (debug builds) do not: a release-only crash there once went unseen."""
    import shutil, tempfile
    work = tempfile.mkdtemp(prefix="crescendo-bench-publish-")
    try:
        campaign, db = "campaigns/paid-sick-leave.yaml", f"{work}/ledger.sqlite"
        run([BIN, "ledger", "import", "--campaign", campaign, "--db", db, "campaigns/data/paid-sick-leave.ledger.csv"])
        wall, rss, out = run([BIN, "publish", "--campaign", campaign, "--db", db, "--out", f"{work}/site",
                              "--at", "2027-12-01T00:00:00Z"], subprocess.PIPE)
        files = sum(len(f) for _, _, f in os.walk(f"{work}/site"))
        cards = sum(1 for _, _, f in os.walk(f"{work}/site") for n in f if n.endswith(".png"))
        print(f"publish, the bundled campaign's sample data: {files:,} files ({cards:,} card PNGs) in {wall:.1f} s wall, "
              f"{rss:.0f} MB peak RSS (once)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


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

    if os.environ.get("BENCH_ONLY") == "scenarios":
        return scenarios()

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

    scenarios()
    publish()

    subprocess.run(["scripts/bench-import.sh", BIN, "1000000"], check=True,
                   env={**os.environ, "BENCH_DATA": f"{DATA}/w1-1000000", "RUNS": str(RUNS)})
    if os.path.exists("scripts/bench-daemon.sh"):
        subprocess.run(["scripts/bench-daemon.sh", BIN], check=True)
    subprocess.run([sys.executable, "scripts/bench-delay.py", BIN], check=True)
    # The daemon holding W1's ledger (issue 13); BENCH_SCALE_ENTRIES sets its size (default 1,000,000).
    subprocess.run([sys.executable, "scripts/bench-daemon-scale.py", BIN], check=True,
                   env={**os.environ, "BENCH_DATA": DATA, "RUNS": str(RUNS)})
    # Three daemons on one PostgreSQL ledger (issue 14): ingest, deliveries, takeover after kill -9.
    subprocess.run(["scripts/pg-cluster.sh", "run", "--", sys.executable, "scripts/bench-federation.py", BIN], check=True)


if __name__ == "__main__":
    main()
