#!/usr/bin/env python3
"""Benchmarks of a federation: three `crescendo daemon`s on one PostgreSQL ledger (fsync on).

Prints: single-entry ingest (one entry per POST, 8 clients, round robin over the daemons) and
batched ingest (100 entries per POST, 4 clients), in entries/s (goals: at least 300 and 2,500);
deliveries per second (one webhook action per entry, delivered by whichever daemon claims it,
to a receiver on loopback); and the takeover time after kill -9 of the lease holder (from the
kill to the new holder's first commit; goal: at most 15 s), over --takeovers kills.

Usage: scripts/pg-cluster.sh run -- python3 scripts/bench-federation.py BIN [--seconds 10] [--takeovers 3]
(`make bench` runs it so). Loopback only; it stops every daemon it started and drops its databases.
"""
import argparse
import os
import shutil
import sys
import tempfile
import threading
import time

from federation_kit import Daemon, Database, Receiver, ReceiverServer, campaign, free_port, holder_index, measure_takeover, post

BODY = """\
channels:
  hook: { type: webhook, url: "http://127.0.0.1:{port}/hook", timeout: 5s }
rules:
  - id: each
    when: { every: EVERY }
    on_missed: fire_all
    do:
      - notify: { channel: hook, text: "one more" }
"""


def federation(binary, folder, server, name, token, every, hook_port, count=3):
    """`count` daemons on a new database, started; (daemons, database)."""
    path = os.path.join(folder, f"{name}.yaml")
    with open(path, "w") as f:
        f.write(campaign("Federation benchmark", hook_port, BODY.replace("EVERY", str(every))))
    os.replace(path, os.path.join(folder, "campaign.yaml"))
    db = Database(server, name)
    daemons = [Daemon(i, binary, folder, db.url, token, []) for i in range(count)]
    for d in daemons:
        d.start()
    return daemons, db


def ingest(daemons, token, clients, size, seconds):
    """Entries/s acknowledged by `clients` threads posting `size` entries per request for `seconds`."""
    counts = [0] * clients
    end = time.time() + seconds

    def client(i):
        n = 0
        while time.time() < end:
            d = daemons[(i + n) % len(daemons)]
            status, body = post(d.port, token, [{"kind": "masks", "quantity": 1} for _ in range(size)], timeout=30)
            if status == 201:
                counts[i] += len(body["entries"])
            n += 1

    started = time.time()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / (time.time() - started)


def stop(daemons, db):
    for d in daemons:
        d.stop()
    db.drop()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bin")
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--deliveries", type=int, default=3000)
    ap.add_argument("--takeovers", type=int, default=3)
    args = ap.parse_args()
    server = os.environ.get("CRESCENDO_TEST_POSTGRES")
    if not server:
        sys.exit("bench-federation: run it under scripts/pg-cluster.sh run -- ...")
    binary = os.path.abspath(args.bin)
    folder = tempfile.mkdtemp(prefix="crescendo-bench-federation-")
    token = "bench-federation"
    hook_port = free_port()
    receiver = ReceiverServer(("127.0.0.1", hook_port), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    running = []
    try:
        daemons, db = federation(binary, folder, server, "bench_ingest", token, 100000, hook_port)
        running = [(daemons, db)]
        single = ingest(daemons, token, clients=8, size=1, seconds=args.seconds)
        batched = ingest(daemons, token, clients=4, size=100, seconds=args.seconds)
        print(f"federation, 3 daemons on one PostgreSQL (fsync on): single-entry ingest {single:,.0f} entries/s "
              f"(8 clients, goal ≥ 300); batched ingest {batched:,.0f} entries/s (100 per POST, 4 clients, goal ≥ 2,500)")
        stop(daemons, db)
        running = []

        daemons, db = federation(binary, folder, server, "bench_deliver", token, 1, hook_port)
        running = [(daemons, db)]
        with Receiver.lock:
            Receiver.log.clear()
        for i in range(0, args.deliveries, 100):
            post(daemons[(i // 100) % 3].port, token, [{"kind": "masks", "quantity": 1} for _ in range(min(100, args.deliveries - i))])
        deadline = time.time() + 300
        while time.time() < deadline and int(db.psql("SELECT count(*) FROM deliveries WHERE state = 'delivered'")[0][0]) < args.deliveries:
            time.sleep(0.2)
        with Receiver.lock:
            times = sorted(at for *_, at in Receiver.log)
        delivered = int(db.psql("SELECT count(*) FROM deliveries WHERE state = 'delivered'")[0][0])
        rate = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 and times[-1] > times[0] else 0
        with Receiver.lock:
            keys = len({k for k, *_ in Receiver.log})
        print(f"federation deliveries: {delivered:,} of {args.deliveries:,} delivered, {rate:,.0f} deliveries/s "
              f"(first to last webhook request; 3 daemons claiming; {len(times):,} requests, {keys:,} keys)")

        took = []
        for _ in range(args.takeovers):
            time.sleep(3)
            lease = db.lease()
            holder = holder_index(daemons, lease[0]) if lease else None
            if holder is None:
                continue
            killed_at = time.time()
            daemons[holder].kill9()
            took.append(measure_takeover(db, lease[0], killed_at, 15))
            daemons[holder].start()
        shown = ", ".join("none" if t is None else f"{t:.1f} s" for t in took)
        print(f"federation takeover after kill -9 of the holder: {shown} (defaults: lease TTL 8 s, renew and retry 2 s; goal ≤ 15 s)")
        stop(daemons, db)
        running = []
    finally:
        for daemons, db in running:
            for d in daemons:
                d.kill9()
            db.drop()
        receiver.shutdown()
        if os.environ.get("BENCH_KEEP"):
            print("kept", folder)
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
