#!/usr/bin/env python3
"""The daemon at the size of its own ledger (issue 13), part of `make bench`.

W1's ledger (dates moved from 2026 to 2025, so all of it is in the past) and its indicators,
imported into a ledger database; `crescendo daemon` on bench/w1.yaml (its dates moved the same
way, its end a year later so that entries posted now still count). Each run starts the daemon
on a fresh copy of the database and measures:

  - the first GET / after the daemon answers /healthz (and how long it took to answer it);
  - GET / p50 and p99 while a paced poster on loopback records 10 entries a second, and
    between them GET of an old week's report (BENCH_SCALE_OLD_PAGE, default
    /weekly/2025-W10.html: its counts do not change, so it is kept across builds);
  - a new entry reflected in /api/status (entries counted by the scheduler);
  - a backfilled entry, one day old, reflected in /api/status;
  - another, reflected on GET / (the home page's entry count moves: the site's state replays
    it from its checkpoint before it, docs/daemon.md);
  - the daemon's RSS after serving the site (and its peak);
  - the /api/status body size.

Medians of RUNS runs (default 3). Every wait is bounded (BENCH_SCALE_TIMEOUT seconds, default
300), so a daemon that never catches up fails the run instead of hanging `make bench`.

Usage: scripts/bench-daemon-scale.py BIN [ENTRIES]   (default 1,000,000; BENCH_SCALE_ENTRIES too)
       BENCH_SCALE_SECONDS: how long GET / is timed while entries arrive (default 30)
       BENCH_SCALE_DAEMON_ARGS: more arguments for `crescendo daemon` (e.g. --fresh-site, the
       way every request waited for a fresh build before the daemon served the last one)
"""
import json, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request

BIN = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/crescendo")
ENTRIES = int(sys.argv[2] if len(sys.argv) > 2 else os.environ.get("BENCH_SCALE_ENTRIES", "1000000"))
RUNS = int(os.environ.get("RUNS", "3"))
SECONDS = float(os.environ.get("BENCH_SCALE_SECONDS", "30"))
TIMEOUT = float(os.environ.get("BENCH_SCALE_TIMEOUT", "300"))
RATE = 10
DATA = os.environ.get("BENCH_DATA", "bench-data")
TOKEN = "bench-scale-token"
DAEMON_ARGS = os.environ.get("BENCH_SCALE_DAEMON_ARGS", "").split()
OLD_PAGE = os.environ.get("BENCH_SCALE_OLD_PAGE", "/weekly/2025-W10.html")


def prepare():
    """The 2025 copy of W1 at ENTRIES, imported once; returns (campaign path, pristine database)."""
    source = f"{DATA}/w1-{ENTRIES}"
    if not os.path.exists(f"{source}/ledger.csv"):
        subprocess.run([BIN, "workload", "w1", "--entries", str(ENTRIES), "--seed", "1", "--out", source],
                       check=True, stdout=subprocess.DEVNULL)
    folder = f"{DATA}/w1-{ENTRIES}-2025"
    os.makedirs(folder, exist_ok=True)
    campaign = f"{folder}/w1-2025.yaml"
    with open("bench/w1.yaml") as f:
        text = f.read().replace("start: 2026-01-01", "start: 2025-01-01").replace("end: 2026-12-31", "end: 2027-12-31")
    with open(campaign, "w") as f:
        f.write(text)
    db = f"{folder}/ledger.sqlite"
    if not os.path.exists(db):
        for name in ("ledger.csv", "indicators.csv"):
            with open(f"{source}/{name}") as src, open(f"{folder}/{name}", "w") as dst:
                for line in src:
                    dst.write(line.replace("2026-", "2025-"))
        t = time.perf_counter()
        subprocess.run([BIN, "ledger", "import", "--campaign", campaign, "--db", db + ".part", f"{folder}/ledger.csv"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([BIN, "indicator", "import", "--campaign", campaign, "--db", db + ".part", f"{folder}/indicators.csv"],
                       check=True, stdout=subprocess.DEVNULL)
        os.rename(db + ".part", db)
        print(f"imported {ENTRIES:,} entries (2025) and W1's indicators in {time.perf_counter() - t:.1f} s")
    return campaign, db


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Daemon:
    def __init__(self, campaign, db, work):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = f"{work}/daemon.log"
        self.log = open(self.log_path, "w")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen([BIN, "daemon", "--campaign", campaign, "--db", db, "--listen", f"127.0.0.1:{self.port}"] + DAEMON_ARGS,
                                     env={**os.environ, "CRESCENDO_TOKEN": TOKEN}, stdout=self.log, stderr=subprocess.STDOUT)

    def request(self, path, body=None, token=True):
        """(seconds, status, body bytes) of one request."""
        req = urllib.request.Request(self.base + path, data=body, method="POST" if body is not None else "GET")
        if token:
            req.add_header("Authorization", f"Bearer {TOKEN}")
        if body is not None:
            req.add_header("Content-Type", "application/json")
        t = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT) as r:
                data, status = r.read(), r.status
        except urllib.error.HTTPError as e:
            data, status = e.read(), e.code
        return time.perf_counter() - t, status, data

    def wait_healthy(self):
        deadline = time.perf_counter() + TIMEOUT
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                sys.exit("bench-daemon-scale: the daemon exited:\n" + open(self.log_path).read()[-2000:])
            try:
                if self.request("/healthz", token=False)[1] == 200:
                    return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.05)
        sys.exit("bench-daemon-scale: the daemon did not answer /healthz in time")

    def entries_judged(self):
        _, status, body = self.request("/api/status")
        if status != 200:
            sys.exit(f"bench-daemon-scale: /api/status answered {status}: {body[:200]!r}")
        return json.loads(body)["campaigns"][0]["entries"], len(body)

    def home_count(self):
        """The entry count the home page shows (the chain's, corrections included)."""
        _, status, body = self.request("/", token=False)
        found = re.search(rb"corrections included\)</dt><dd>([^<]*)</dd>", body)
        if status != 200 or not found:
            sys.exit(f"bench-daemon-scale: GET / answered {status} without the entry count")
        return int(re.sub(rb"\D", b"", found.group(1)))

    def reflected(self, entry, count=None):
        """Seconds from posting `entry` until `count` (by default /api/status's) counts it."""
        count = count or (lambda: self.entries_judged()[0])
        before = count()
        t = time.perf_counter()
        _, status, body = self.request("/api/entries", json.dumps(entry).encode())
        if status != 201:
            sys.exit(f"bench-daemon-scale: POST /api/entries answered {status}: {body[:200]!r}")
        while time.perf_counter() - t < TIMEOUT:
            if count() > before:
                return time.perf_counter() - t
            time.sleep(0.01)
        sys.exit("bench-daemon-scale: an entry was never reflected")

    def site_files(self):
        """Site files rendered and kept so far, from /metrics (-1 when it does not count them)."""
        _, status, body = self.request("/metrics")
        found = {}
        for line in body.decode().splitlines() if status == 200 else []:
            for outcome in ("rendered", "kept"):
                if line.startswith(f'crescendo_site_files_total{{outcome="{outcome}"}} '):
                    found[outcome] = int(float(line.split()[-1]))
        return found.get("rendered", -1), found.get("kept", -1)

    def rss(self):
        fields = dict(l.split(":", 1) for l in open(f"/proc/{self.proc.pid}/status") if ":" in l)
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def poster(daemon, stop, errors):
    """Posts RATE entries a second (each stamped by the daemon) until `stop` is set."""
    body = json.dumps({"kind": "masks", "quantity": 3, "area": "a01", "demand": "paid-sick-leave"}).encode()
    next_at = time.perf_counter()
    while not stop.is_set():
        try:
            if daemon.request("/api/entries", body)[1] != 201:
                errors.append(1)
        except OSError:
            errors.append(1)
        next_at += 1 / RATE
        time.sleep(max(0, next_at - time.perf_counter()))


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def one_run(campaign, pristine):
    work = tempfile.mkdtemp(prefix="crescendo-scale.")
    try:
        db = f"{work}/ledger.sqlite"
        shutil.copyfile(pristine, db)
        d = Daemon(campaign, db, work)
        try:
            healthy = d.wait_healthy()
            first, status, _ = d.request("/", token=False)
            if status != 200:
                sys.exit(f"bench-daemon-scale: GET / answered {status}")
            _, status, _ = d.request(OLD_PAGE, token=False)
            if status != 200:
                sys.exit(f"bench-daemon-scale: GET {OLD_PAGE} answered {status}")
            stop, errors, times, old = threading.Event(), [], [], []
            thread = threading.Thread(target=poster, args=(d, stop, errors), daemon=True)
            thread.start()
            end = time.perf_counter() + SECONDS
            while time.perf_counter() < end:
                t, status, _ = d.request("/", token=False)
                times.append(t)
                if status != 200:
                    errors.append(status)
                t, status, _ = d.request(OLD_PAGE, token=False)
                old.append(t)
                if status != 200:
                    errors.append(status)
            stop.set()
            thread.join()
            rss, peak = d.rss()
            rendered, kept = d.site_files()
            new = d.reflected({"kind": "masks", "area": "a02"})
            day_ago = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 86_400))
            backfill = d.reflected({"kind": "masks", "area": "a03", "at": day_ago})
            site_backfill = d.reflected({"kind": "masks", "area": "a01", "at": day_ago}, count=d.home_count)
            _, size = d.entries_judged()
            return dict(healthy=healthy, first=first, p50=percentile(times, 50), p99=percentile(times, 99), gets=len(times),
                        old_p50=percentile(old, 50), old_p99=percentile(old, 99),
                        errors=len(errors), rendered=rendered, kept=kept, new=new, backfill=backfill, site_backfill=site_backfill,
                        rss=rss, peak=peak, size=size)
        finally:
            d.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    print(f"daemon at scale: W1 {ENTRIES:,} entries (2025), bench/w1.yaml; {os.cpu_count()} cores, {cpu}; "
          f"load average {os.getloadavg()[0]:.2f}; medians of {RUNS} runs"
          + (f"; daemon {' '.join(DAEMON_ARGS)}" if DAEMON_ARGS else ""))
    campaign, db = prepare()
    runs = []
    for i in range(RUNS):
        r = one_run(campaign, db)
        runs.append(r)
        print(f"  run {i + 1}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in r.items()))
    m = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"daemon at scale, {ENTRIES:,} entries:")
    print(f"  /healthz answered after start        {m['healthy']:.2f} s")
    print(f"  first GET / after start              {m['first']:.2f} s (target ≤ 2 s)")
    print(f"  GET / while {RATE} entries/s arrive      p50 {m['p50'] * 1000:.0f} ms, p99 {m['p99'] * 1000:.0f} ms "
          f"over {m['gets']:.0f} GETs in {SECONDS:.0f} s (target p99 ≤ 100 ms); errors {m['errors']:.0f}")
    print(f"  GET {OLD_PAGE} meanwhile  p50 {m['old_p50'] * 1000:.0f} ms, p99 {m['old_p99'] * 1000:.0f} ms")
    print(f"  site files rendered / kept by then   {m['rendered']:.0f} / {m['kept']:.0f} (-1: not counted)")
    print(f"  new entry reflected in /api/status   {m['new']:.2f} s")
    print(f"  1-day-old backfill reflected         {m['backfill']:.2f} s (target ≤ 0.5 s)")
    print(f"  1-day-old backfill reflected on GET / {m['site_backfill']:.2f} s (target ≤ 0.5 s)")
    print(f"  daemon RSS after serving the site    {m['rss']:.0f} MB (peak {m['peak']:.0f} MB; target ≤ 250 MB)")
    print(f"  /api/status body                     {m['size'] / 1024:.1f} KB (target ≤ 64 KB)")


if __name__ == "__main__":
    main()
