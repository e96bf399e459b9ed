#!/usr/bin/env python3
"""Crash test of `crescendo daemon`: exactly-once delivery across kill -9.

Starts the daemon with a file channel and a webhook channel (pointed at a receiver in this
process that counts deliveries by Idempotency-Key), posts entries in batches, kills the daemon
with SIGKILL at random moments and restarts it, then checks:

  * every acknowledged entry is in the ledger exactly once, seqs are contiguous, and
    `crescendo ledger verify` passes;
  * every action `crescendo simulate` gives for the final ledger (through the daemon's
    judged-through watermark) was delivered: to the file, or to the webhook;
  * no action appears twice in the file channel;
  * the webhook saw repeats only under the same idempotency key (and no unknown key).

After every restart it also posts backfills: entries and a response dated before what the
daemon has judged, which the daemon replays from its last checkpoint before them. A backfill
can move an action already delivered (an `every:` milestone comes earlier): that action
stays delivered, once, and the new one is sent late. So an action delivered must be one
`simulate` gives for the final ledger or for the ledger as it stood before some backfill
(the entries before its first seq, the responses recorded before it), and every action
`simulate` gives for the final ledger must be delivered, each once.

Usage: scripts/reliability.py [--bin .build/debug/crescendo] [--entries 300] [--kills 5]
Only 127.0.0.1 is used. Python 3 standard library only. Exit 0 when every check passes.
"""
import argparse
import calendar
import collections
import http.server
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

CAMPAIGN = """\
campaign: reliability
title: Reliability test
timezone: UTC
start: 2026-01-01
metrics:
  masks: {{ label: Masks, unit: masks }}
demands:
  psl: {{ text: Paid sick leave, target: Ministry of Labour, funding: Line 4.2 }}
channels:
  log:  {{ type: file, path: out/actions.jsonl }}
  hook: {{ type: webhook, url: "http://127.0.0.1:{port}/hook", timeout: 2s }}
rules:
  - id: every-7
    when: {{ every: 7 }}
    on_missed: fire_all
    do:
      - notify: {{ channel: log, text: "seven more" }}
  - id: every-11-hook
    when: {{ every: 11 }}
    on_missed: fire_all
    do:
      - notify: {{ channel: hook, text: "eleven more" }}
  - id: brief-every-25
    when: {{ every: 25 }}
    on_missed: fire_all
    do:
      - briefing: {{ demand: psl, deadline: 3s }}
  - id: silence
    when: {{ deadline: missed }}
    on_missed: fire_all
    do:
      - notify: {{ channel: hook, text: "no answer" }}
  - id: answered
    when: {{ deadline: answered }}
    on_missed: fire_all
    do:
      - notify: {{ channel: log, text: "an answer" }}
"""


class Receiver(http.server.BaseHTTPRequestHandler):
    counts = collections.Counter()
    lock = threading.Lock()

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(n)
        key = self.headers.get("Idempotency-Key") or ""
        with Receiver.lock:
            Receiver.counts[key] += 1
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Daemon:
    def __init__(self, binary, folder, port, token):
        self.binary, self.folder, self.port, self.token = binary, folder, port, token
        self.proc = None
        self.log = open(os.path.join(folder, "daemon.log"), "ab")
        self.starts = 0

    def start(self):
        env = dict(os.environ, CRESCENDO_TOKEN=self.token)
        self.proc = subprocess.Popen(
            [self.binary, "daemon", "--campaign", os.path.join(self.folder, "campaign.yaml"),
             "--db", os.path.join(self.folder, "ledger.sqlite"), "--listen", f"127.0.0.1:{self.port}", "--poll", "1"],
            stdout=self.log, stderr=self.log, env=env)
        self.starts += 1
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"the daemon exited with {self.proc.returncode}; see {self.folder}/daemon.log")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1) as r:
                    if r.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                time.sleep(0.05)
        raise SystemExit("the daemon did not answer /healthz within 60 s")

    def kill9(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)


def request(port, token, method, path, body=None, timeout=10):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    req.add_header("Content-Type", "application/json")
    req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read() or b"null")


def iso(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def parse_iso(text):
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


def post_backfills(port, token, rng, posted, backfills, db):
    """Once the daemon has judged past its restart, posts 1-3 entries dated up to 20 s before
    what it has judged, and a response to a deadline opened before then; records where each
    backfill began (its first seq, the responses recorded before it, the time) in `backfills`."""
    deadline = time.time() + 30
    judged = 0
    while time.time() < deadline:
        try:
            _, st = request(port, token, "GET", "/api/status")
            judged = parse_iso(st["campaigns"][0]["judged_through"])  # no campaign before the first step
            if judged >= int(time.time()) - 1:
                break
        except (OSError, urllib.error.URLError, ValueError, IndexError, KeyError):
            pass
        time.sleep(0.1)
    if not judged:
        raise SystemExit("the daemon did not judge past its restart within 30 s")
    n = rng.randint(1, 3)
    batch = [{"kind": "masks", "quantity": rng.randint(1, 9), "demand": "psl", "care": f"b-{len(backfills)}-{i}",
              "at": iso(judged - rng.randint(0, 20))} for i in range(n)]
    status, body = request(port, token, "POST", "/api/entries", batch)
    if status != 201:
        raise SystemExit(f"a backfill was refused: {status} {body}")
    backfill = {"seq": body["entries"][0]["seq"], "last": body["entries"][-1]["seq"], "responses": len(posted), "at": time.time()}
    backfills.append(backfill)
    posted_responses = 0
    import sqlite3
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    (briefings,) = con.execute("SELECT count(*) FROM actions WHERE rule = 'brief-every-25'").fetchone()
    con.close()
    numbers = list(range(1, briefings + 1))
    rng.shuffle(numbers)
    for number in numbers[:6]:
        at = judged - rng.randint(0, 5)
        try:
            status, body = request(port, token, "POST", "/api/responses", {"deadline": number, "text": f"answer {number}", "at": iso(at)})
        except urllib.error.HTTPError as e:
            status = e.code  # 422 (not open then) or 409 (answered already): nothing recorded
        if status == 201:
            posted.append((at, number))
            posted_responses += 1
            break
    # Until the response is recorded the daemon judges the ledger with the backfill and without it.
    backfill["answered"] = time.time()
    return n, posted_responses


def simulate(binary, campaign, ledger, responses, folder, until):
    """The ids `simulate` gives (file and webhook channels apart) for a ledger and responses."""
    path = os.path.join(folder, "responses.csv")
    with open(path, "w") as f:
        f.write("at,deadline,text\n")
        for at, number in sorted(responses):
            f.write(f"{iso(at)},{number},answer {number}\n")
    sim = subprocess.run([binary, "simulate", campaign, "--ledger", ledger, "--responses", path, "--format", "json", "--until", iso(until)],
                         capture_output=True, text=True, check=True)
    ordinals = collections.Counter()
    on_file, on_hook = set(), set()
    for line in sim.stdout.splitlines():
        o = json.loads(line)
        at = parse_iso(o["at"])
        key = (at, o["rule"], o["action"])
        ordinals[key] += 1
        ident = f"reliability/{at}-{o['rule']}-{o['action']}-{ordinals[key]}"
        (on_hook if o.get("channel") == "hook" else on_file).add(ident)
    return on_file, on_hook


def ledger_csv(entries, path):
    """The entries as a ledger CSV for `simulate`."""
    with open(path, "w") as f:
        f.write("at,kind,quantity,area,demand,care,cause,change\n")
        for e in entries:
            f.write(f"{e['at']},{e['kind']},{e['quantity']},,{e.get('demand') or ''},{e.get('care') or ''},,\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=".build/debug/crescendo")
    ap.add_argument("--entries", type=int, default=300)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--batch", type=int, default=10, help="largest batch posted at once")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    binary = os.path.abspath(args.bin)
    folder = tempfile.mkdtemp(prefix="crescendo-reliability-")
    hook_port, daemon_port = free_port(), free_port()
    token = "reliability-" + str(seed)
    with open(os.path.join(folder, "campaign.yaml"), "w") as f:
        f.write(CAMPAIGN.format(port=hook_port))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", hook_port), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"reliability: seed {seed}, {args.entries} entries, {args.kills} kills, folder {folder}")

    started = time.time()
    daemon = Daemon(binary, folder, daemon_port, token)
    daemon.start()
    kill_points = sorted(rng.sample(range(1, max(2, args.entries)), min(args.kills, max(1, args.entries - 1))))
    acked, unacked, failed_posts = [], [], 0
    responses, backfills = [], []
    backfilled_entries = backfilled_responses = 0
    sent = 0
    kills_done = 0
    killer = None
    while sent < args.entries:
        n = min(rng.randint(1, args.batch), args.entries - sent)
        batch = [{"kind": "masks", "quantity": rng.randint(1, 9), "demand": "psl", "care": f"r-{sent + i}"} for i in range(n)]
        if killer is None and kills_done < len(kill_points) and sent + n >= kill_points[kills_done]:
            # Kill at a random moment while batches keep coming, often in the middle of one.
            killer = threading.Timer(rng.uniform(0, 0.03), daemon.kill9)
            killer.start()
            kills_done += 1
        cut_off = False
        try:
            status, body = request(daemon_port, token, "POST", "/api/entries", batch)
            if status == 201 and len(body["entries"]) == n:
                acked += [b["care"] for b in batch]
            else:
                unacked += [b["care"] for b in batch]
        except (OSError, urllib.error.URLError, ValueError) as e:
            unacked += [b["care"] for b in batch]
            failed_posts += 1
            cut_off = True
            if os.environ.get("RELIABILITY_DEBUG"):
                print("  post failed:", e, "daemon alive:", daemon.proc.poll() is None)
        sent += n
        if killer is not None and (cut_off or not killer.is_alive() or sent >= args.entries):
            killer.join()
            daemon.kill9()
            time.sleep(rng.uniform(0, 2.5))  # downtime: deadlines may fall due meanwhile
            daemon.start()
            killer = None
            entries_back, responses_back = post_backfills(daemon_port, token, rng, responses, backfills,
                                                           os.path.join(folder, "ledger.sqlite"))
            backfilled_entries += entries_back
            backfilled_responses += responses_back
    # Let deadlines (3 s) fall due and everything be delivered.
    time.sleep(5)
    settle = time.time() + 60
    while time.time() < settle:
        _, st = request(daemon_port, token, "GET", "/api/status")
        if st["actions"]["pending"] == 0 and not any(c["pending"] for c in st["channels"]):
            break
        time.sleep(0.5)
    code = daemon.stop()
    server.shutdown()

    failures = []
    if code != 0:
        failures.append(f"SIGTERM: the daemon exited with {code}")
    db = os.path.join(folder, "ledger.sqlite")
    campaign = os.path.join(folder, "campaign.yaml")
    verify = subprocess.run([binary, "ledger", "verify", "--db", db], capture_output=True, text=True)
    if verify.returncode != 0:
        failures.append("ledger verify failed: " + verify.stdout + verify.stderr)
    listed = subprocess.run([binary, "ledger", "list", "--db", db, "--format", "json"], capture_output=True, text=True, check=True)
    entries = [json.loads(l) for l in listed.stdout.splitlines() if l.strip()]
    seqs = [e["seq"] for e in entries]
    if seqs != list(range(1, len(seqs) + 1)):
        failures.append("seqs are not contiguous from 1")
    cares = collections.Counter(e.get("care") for e in entries)
    missing = [c for c in acked if cares[c] != 1]
    if missing:
        failures.append(f"{len(missing)} acknowledged entries are not in the ledger exactly once, e.g. {missing[:3]}")
    dupes = [c for c, n in cares.items() if n > 1]
    if dupes:
        failures.append(f"{len(dupes)} entries recorded twice")

    import sqlite3
    con = sqlite3.connect(db)
    (judged,) = con.execute("SELECT judged_through FROM daemon_watermarks WHERE campaign = 'reliability'").fetchone()
    states = dict(con.execute("SELECT state, count(*) FROM actions GROUP BY state").fetchall())
    late = con.execute("SELECT count(*) FROM actions WHERE late = 1").fetchone()[0]
    con.close()
    until = iso(judged)
    expected_file, expected_hook = simulate(binary, campaign, db, responses, folder, judged)
    # What the daemon may have decided before each backfill moved it, and (a write wakes the
    # scheduler at once) after the backfill but before the response posted right after it.
    allowed_file, allowed_hook = set(expected_file), set(expected_hook)
    for b in backfills:
        prefix = os.path.join(folder, "prefix.csv")
        for last, until in ((b["seq"] - 1, b["at"]), (b["last"], b["answered"])):
            ledger_csv([e for e in entries if e["seq"] <= last], prefix)
            f, h = simulate(binary, campaign, prefix, responses[:b["responses"]], folder, int(until) + 1)
            allowed_file |= f
            allowed_hook |= h
    file_ids = collections.Counter()
    path = os.path.join(folder, "out", "actions.jsonl")
    if os.path.exists(path):
        for line in open(path):
            file_ids[json.loads(line)["id"]] += 1
    twice = [i for i, n in file_ids.items() if n > 1]
    if twice:
        failures.append(f"{len(twice)} actions appear twice in the file channel, e.g. {twice[:3]}")
    not_in_file = expected_file - set(file_ids)
    if not_in_file:
        failures.append(f"{len(not_in_file)} actions simulate gives never reached the file, e.g. {sorted(not_in_file)[:3]}")
    extra_file = set(file_ids) - allowed_file
    if extra_file:
        failures.append(f"{len(extra_file)} file lines simulate does not give, e.g. {sorted(extra_file)[:3]}")
    hook = Receiver.counts
    not_hooked = expected_hook - set(hook)
    if not_hooked:
        failures.append(f"{len(not_hooked)} actions simulate gives never reached the webhook, e.g. {sorted(not_hooked)[:3]}")
    unknown = set(hook) - allowed_hook
    if unknown:
        failures.append(f"the webhook saw {len(unknown)} keys simulate does not give, e.g. {sorted(unknown)[:3]}")

    print(f"  entries: {sent} posted, {len(acked)} acknowledged, {len(unacked)} not acknowledged "
          f"({sum(1 for c in unacked if cares[c] == 1)} of those committed anyway), {len(entries)} in the ledger")
    moved = len((allowed_file | allowed_hook) - (expected_file | expected_hook))
    print(f"  backfills: {len(backfills)}, {backfilled_entries} entries and {backfilled_responses} responses dated before what was judged; "
          f"{moved} actions simulate gave before a backfill and no longer gives")
    print(f"  daemon: {daemon.starts} starts, {kills_done} kill -9, {failed_posts} posts cut off; judged through {until}")
    print(f"  actions: simulate gives {len(expected_file) + len(expected_hook)}; table {states}; {late} marked late")
    print(f"  file channel: {sum(file_ids.values())} lines, {len(file_ids)} ids, {len(twice)} duplicates")
    print(f"  webhook: {sum(hook.values())} deliveries, {len(hook)} keys, {sum(1 for n in hook.values() if n > 1)} keys repeated")
    print(f"  ledger verify: {'ok' if verify.returncode == 0 else 'FAILED'}; {time.time() - started:.1f} s")
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        print(f"  (work folder kept: {folder})")
        return 1
    print("reliability: ok")
    if not args.keep:
        import shutil
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
