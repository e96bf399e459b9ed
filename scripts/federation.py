#!/usr/bin/env python3
"""Crash test of a federation: three `crescendo daemon`s on one PostgreSQL ledger, kill -9.

Starts N daemons (default 3) on loopback against one PostgreSQL database, posts entries in
batches to random daemons, kills one daemon with SIGKILL every few seconds (most often the one
holding the campaign's lease) and restarts it, while a webhook receiver in this process logs
every request's Idempotency-Key and webhook-id. Then checks:

  * every acknowledged entry is in the ledger exactly once, seqs are contiguous from 1, and
    `crescendo ledger verify` passes;
  * the actions table holds exactly the actions `crescendo simulate` gives for the final ledger
    (through the judged-through watermark): nothing decided twice, nothing missed;
  * every routed action was delivered (no delivery pending or dead), the webhook saw every one
    of them, no key it does not know, and every repeat carried the same key (webhook-id equal
    to Idempotency-Key), so no key's effect is counted twice;
  * every takeover took at most --takeover-limit seconds (15), measured from the kill to the
    new holder's first commit (the lease row's owner changed and the watermark moved).

The database is given by $CRESCENDO_TEST_POSTGRES (a server URL; `scripts/pg-cluster.sh run --
python3 scripts/federation.py` starts a throwaway one, as `make test` does); the test makes a
database of its own there and drops it at the end. Bounded: it runs --seconds of chaos, then at
most 90 s of settling; it kills only its own children and stops them all, even on failure.

Usage: scripts/federation.py [--bin .build/debug/crescendo] [--seconds 60] [--daemons 3]
Python 3 standard library (and the psql client). Exit 0 when every check passes.
"""
import argparse
import calendar
import collections
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from federation_kit import (Daemon, Database, Poster, Receiver, ReceiverServer, campaign, free_port, holder_index, measure_judged_again,
                            measure_takeover)

BODY = """\
channels:
  hook: { type: webhook, url: "http://127.0.0.1:{port}/hook", timeout: 2s }
  slow: { type: webhook, url: "http://127.0.0.1:{port}/slow", timeout: 5s }
rules:
  - id: every-7
    when: { every: 7 }
    on_missed: fire_all
    do:
      - notify: { channel: hook, text: "seven more" }
  - id: every-23-slow
    when: { every: 23 }
    on_missed: fire_all
    do:
      - notify: { channel: slow, text: "twenty-three more" }
  - id: brief-every-40
    when: { every: 40 }
    on_missed: fire_all
    do:
      - briefing: { demand: psl, deadline: 3s }
  - id: silence
    when: { deadline: missed }
    on_missed: fire_all
    do:
      - notify: { channel: hook, text: "no answer" }
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=".build/debug/crescendo")
    ap.add_argument("--seconds", type=float, default=60, help="how long the chaos lasts")
    ap.add_argument("--daemons", type=int, default=3)
    ap.add_argument("--kill-every", type=float, default=5, help="mean seconds between kills")
    ap.add_argument("--batch", type=int, default=10, help="largest batch posted at once")
    ap.add_argument("--pause", type=float, default=0.2, help="longest pause between posts")
    ap.add_argument("--takeover-limit", type=float, default=15)
    ap.add_argument("--pause-chance", type=float, default=0.2, help="how often the holder is paused (SIGSTOP) instead of killed")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the work folder and the database")
    args = ap.parse_args()
    server = os.environ.get("CRESCENDO_TEST_POSTGRES")
    if not server:
        print("federation: set CRESCENDO_TEST_POSTGRES, or run scripts/pg-cluster.sh run -- python3 scripts/federation.py", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    binary = os.path.abspath(args.bin)
    folder = tempfile.mkdtemp(prefix="crescendo-federation-")
    hook_port = free_port()
    token = f"federation-{seed}"
    with open(os.path.join(folder, "campaign.yaml"), "w") as f:
        f.write(campaign("Federation test", hook_port, BODY))
    receiver = ReceiverServer(("127.0.0.1", hook_port), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    db = Database(server, f"federation_{seed}")
    daemons = [Daemon(i, binary, folder, db.url, token, [])
               for i in range(args.daemons)]
    print(f"federation: seed {seed}, {args.daemons} daemons, {args.seconds:.0f} s of kills every ~{args.kill_every:.0f} s, folder {folder}")
    started = time.time()
    failures, takeovers, pauses, frozen_pauses, kills = [], [], [], [], 0
    poster = Poster(daemons, token, rng, args.batch, args.pause)
    try:
        for d in daemons:
            d.start()
        poster.start()
        end = time.time() + args.seconds
        while time.time() < end:
            time.sleep(rng.uniform(0.5, 1.5) * args.kill_every)
            lease = db.lease()
            holder = holder_index(daemons, lease[0]) if lease else None
            victim = holder if holder is not None and rng.random() < 0.75 else rng.randrange(len(daemons))
            d = daemons[victim]
            owner = lease[0] if lease and victim == holder else None
            if owner is not None and rng.random() < args.pause_chance:
                # The holder stops for longer than its lease and comes back: it must not judge
                # (or write) alongside the daemon that took over.
                paused_at = time.time()
                resume = d.pause(args.takeover_limit)
                time.sleep(1)
                # Stopped between two statements of a transaction, it holds that transaction's
                # row locks (the lease row, the chain head) until it resumes: nobody can take
                # over before then (docs/federation.md, "Failure cases").
                frozen = db.psql(f"SELECT count(*) FROM pg_stat_activity WHERE application_name = 'crescendo/{d.proc.pid}' "
                                 "AND state LIKE 'idle in transaction%'")[0][0] != "0"
                took = measure_takeover(db, owner, paused_at, args.takeover_limit)
                resume.join()
                if frozen and took is None:
                    again = measure_judged_again(db, paused_at + args.takeover_limit, args.takeover_limit)
                    frozen_pauses.append(again)
                    print(f"  SIGSTOP of the holder (daemon {victim}) for {args.takeover_limit:.0f} s, stopped inside a transaction: "
                          + (f"judged again {again:.1f} s after it resumed" if again is not None else "not judged again"))
                    continue
                pauses.append(took)
                print(f"  SIGSTOP of the holder (daemon {victim}) for {args.takeover_limit:.0f} s: "
                      + (f"taken over in {took:.1f} s" if took is not None else "not taken over"))
                continue
            killed_at = time.time()
            d.kill9()
            kills += 1
            down = rng.uniform(0.5, 3)
            restart = threading.Timer(down, lambda d=d: d.start())
            restart.start()
            if owner is not None:
                took = measure_takeover(db, owner, killed_at, args.takeover_limit)
                takeovers.append(took)
                print(f"  kill -9 of the holder (daemon {victim}): taken over in "
                      + (f"{took:.1f} s" if took is not None else f"more than {2 * args.takeover_limit:.0f} s"))
            restart.join()
        poster.stopping.set()
        poster.join(timeout=30)
        for d in daemons:
            if not d.alive():
                d.start()
        # Let the 3 s deadlines fall due, the settle window pass and every delivery finish.
        time.sleep(8)
        settle = time.time() + 90
        while time.time() < settle:
            pending = int(db.psql("SELECT count(*) FROM deliveries WHERE state = 'pending'")[0][0])
            lease = db.lease()
            last = db.psql("SELECT coalesce(max(at), 0) FROM entries")[0][0]
            if pending == 0 and lease and lease[2] >= int(last) + 4:
                break
            time.sleep(0.5)
        codes = [d.stop() for d in daemons]
        if any(c != 0 for c in codes):
            failures.append(f"SIGTERM: daemons exited with {codes}")
        failures += check(binary, folder, db, poster)
    except Exception as e:  # noqa: BLE001 - every failure is reported, and everything stopped
        failures.append(f"the run broke off: {e}")
    finally:
        poster.stopping.set()
        for d in daemons:
            d.kill9()
        receiver.shutdown()
    slow = [t for t in takeovers if t is None or t > args.takeover_limit]
    if slow:
        failures.append(f"{len(slow)} takeovers took more than {args.takeover_limit:.0f} s: {takeovers}")
    if not takeovers and not pauses:
        failures.append("no kill or pause of a lease holder happened: run longer")
    if any(t is None for t in pauses):
        failures.append(f"a holder paused for {args.takeover_limit:.0f} s was not taken over: {pauses}")
    if any(t is None or t > args.takeover_limit for t in frozen_pauses):
        failures.append(f"a holder stopped inside a transaction was not judged again within {args.takeover_limit:.0f} s of resuming: {frozen_pauses}")
    measured = [t for t in takeovers + pauses if t is not None]
    print(f"  daemons: {sum(d.starts for d in daemons)} starts, {kills} kill -9, {len(takeovers)} of a holder, {len(pauses)} holders paused; "
          f"takeover max {max(measured, default=0):.1f} s, mean {sum(measured) / max(1, len(measured)):.1f} s; "
          f"{len(frozen_pauses)} paused inside a transaction")
    print(f"  entries: {poster.sent} posted, {len(poster.acked)} acknowledged, {len(poster.unacked)} not, {poster.failed} posts cut off")
    print(f"  {time.time() - started:.1f} s")
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        print(f"  (work folder kept: {folder}; its database dropped)")
        db.drop()
        return 1
    print("federation: ok")
    if not args.keep:
        db.drop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def check(binary, folder, db, poster):
    out = []
    verify = subprocess.run([binary, "ledger", "verify", "--db", db.url], capture_output=True, text=True, timeout=120)
    if verify.returncode != 0:
        out.append("ledger verify failed: " + verify.stdout + verify.stderr)
    listed = subprocess.run([binary, "ledger", "list", "--db", db.url, "--format", "json"], capture_output=True, text=True,
                            check=True, timeout=120)
    entries = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    seqs = [e["seq"] for e in entries]
    if seqs != list(range(1, len(seqs) + 1)):
        out.append("seqs are not contiguous from 1")
    cares = collections.Counter(e.get("care") for e in entries)
    missing = [c for c in poster.acked if cares[c] != 1]
    if missing:
        out.append(f"{len(missing)} acknowledged entries are not in the ledger exactly once, e.g. {missing[:3]}")
    dupes = [c for c, n in cares.items() if n > 1]
    if dupes:
        out.append(f"{len(dupes)} entries recorded twice")

    judged = int(db.psql("SELECT judged_through FROM daemon_watermarks WHERE campaign = 'federation'")[0][0])
    until = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(judged))
    sim = subprocess.run([binary, "simulate", os.path.join(folder, "campaign.yaml"), "--ledger", db.url, "--format", "json",
                          "--until", until], capture_output=True, text=True, check=True, timeout=300)
    ordinals = collections.Counter()
    expected, routed = set(), set()
    for line in sim.stdout.splitlines():
        o = json.loads(line)
        at = calendar.timegm(time.strptime(o["at"], "%Y-%m-%dT%H:%M:%SZ"))
        key = (at, o["rule"], o["action"])
        ordinals[key] += 1
        ident = f"federation/{at}-{o['rule']}-{o['action']}-{ordinals[key]}"
        expected.add(ident)
        if o.get("channel"):
            routed.add(ident)
    table = {r[0]: r[1] for r in db.psql("SELECT id, state FROM actions")}
    extra, missing = set(table) - expected, expected - set(table)
    # A fact that arrives older than what was judged (committed later than the settle window)
    # is replayed; the actions decided before it stay decided, so they may be extra then.
    replays = sum(open(os.path.join(folder, f)).read().count("older than what") for f in os.listdir(folder) if f.endswith(".log"))
    if missing or (extra and not replays):
        out.append(f"the actions table and simulate differ: {len(extra)} extra (e.g. {sorted(extra)[:3]}), "
                   f"{len(missing)} missing (e.g. {sorted(missing)[:3]}); {replays} late-fact replays")
    elif extra:
        print(f"  note: {replays} late-fact replays (a commit slower than the settle window) left {len(extra)} actions decided before them")
    states = collections.Counter(table.values())
    undelivered = sorted(set([i for i in routed if table.get(i) != "delivered"] + [i for i, st in table.items() if st in ("pending", "dead")]))
    if undelivered:
        out.append(f"{len(undelivered)} routed actions are not delivered, e.g. {[(i, table.get(i)) for i in undelivered[:3]]}")
        # What the database holds of them, for the failure's report (the database is dropped next).
        for i in undelivered[:5]:
            quoted = i.replace("'", "''")
            for r in db.psql(f"SELECT id, state, attempts, late, due_at, decided_at, reason FROM actions WHERE id = '{quoted}'"):
                out.append(f"  action row: {r}")
            rows = db.psql(f"SELECT channel, state, attempts, next_attempt_at, claimed_by, claims, claim_expires_at, last_error "
                           f"FROM deliveries WHERE action_id = '{quoted}'")
            out.append(f"  its deliveries: {rows or 'none'}")
    with Receiver.lock:
        log = list(Receiver.log)
    keys = collections.Counter(k for k, *_ in log)
    # webhook-id is sent with signed webhooks only; when present it must be the key.
    mismatched = [(k, w) for k, w, *_ in log if not k or (w and k != w)]
    if mismatched:
        out.append(f"{len(mismatched)} deliveries whose webhook-id is not their Idempotency-Key, e.g. {mismatched[:3]}")
    unknown = set(keys) - routed - extra
    if unknown:
        out.append(f"the webhook saw {len(unknown)} keys simulate does not give, e.g. {sorted(unknown)[:3]}")
    never = routed - set(keys)
    if never:
        out.append(f"{len(never)} routed actions never reached the webhook, e.g. {sorted(never)[:3]}")
    claims = db.psql("SELECT count(*) FILTER (WHERE claimed_by IS NOT NULL), coalesce(max(claims), 0), coalesce(sum(claims), 0) FROM deliveries")[0]
    print(f"  ledger: {len(entries)} entries, verify {'ok' if verify.returncode == 0 else 'FAILED'}; judged through {until}")
    print(f"  actions: simulate gives {len(expected)} ({len(routed)} routed); table {dict(states)}")
    print(f"  webhook: {len(log)} deliveries, {len(keys)} keys, {sum(1 for n in keys.values() if n > 1)} keys repeated "
          f"(each under one key); claims: {claims[2]} made, at most {claims[1]} on one delivery, {claims[0]} still held")
    return out


if __name__ == "__main__":
    sys.exit(main())
