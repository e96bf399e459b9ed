#!/usr/bin/env python3
"""The daemon and the command line against a PostgreSQL ledger that refuses them or goes away.

On a throwaway cluster of its own (scripts/pg-cluster.sh), it checks that:
- a wrong password, a missing password and an unreachable server are each one clear sentence
  naming the URL without its password, exit 1, from `ledger verify` and from `daemon`;
- with the daemon running, the database stopped (`pg_ctl stop -m immediate`) makes `/healthz`
  answer 503 and `/api/status` say `unavailable`, writes are refused with 503 (the next ones at
  once) and nothing is recorded, and the public pages are the last site built, served at once;
- when the database returns, the daemon resumes by itself: `/healthz` is 200 again, the refused
  writes retried with their Idempotency-Keys are recorded once, every acknowledged entry is in
  the ledger once, `seq` is contiguous, `ledger verify` passes and every action decided is
  delivered.

Usage: scripts/db-faults.py --bin .build/debug/crescendo. Bounded: every wait has a deadline,
and the cluster and the daemon are stopped whatever happens."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ROOT, Daemon, free_port  # noqa: E402

TOKEN = "db-faults-admin-token-0123456789"
PASSWORD = "right-horse-battery"
problems = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        problems.append(what)


class Cluster:
    """scripts/pg-cluster.sh's cluster, with a stop and a start of the same server in between."""

    def __enter__(self):
        out = subprocess.run([os.path.join(ROOT, "scripts/pg-cluster.sh"), "start", "--fsync", "off"],
                             capture_output=True, text=True, timeout=120, check=True).stdout
        env = dict(line.removeprefix("export ").split("=", 1) for line in out.splitlines() if line.startswith("export "))
        self.url, self.dir = env["CRESCENDO_TEST_POSTGRES"], env["CRESCENDO_PG_DIR"]
        self.port = int(self.url.rsplit(":", 1)[1].split("/")[0])
        self.bin = subprocess.run(["bash", "-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1"],
                                  capture_output=True, text=True).stdout.strip()
        return self

    def __exit__(self, *_):
        subprocess.run([os.path.join(ROOT, "scripts/pg-cluster.sh"), "stop", self.dir], timeout=60)

    def pg_ctl(self, *args):
        cmd = [f"{self.bin}/pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/server.log", "-w", "-t", "60", *args]
        if os.getuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, capture_output=True, timeout=90, check=True)

    def sql(self, statement):
        subprocess.run(["psql", self.url, "-qXc", statement], capture_output=True, timeout=30, check=True)

    def url_for(self, user="postgres", password=None, db="postgres", port=None):
        auth = user + (f":{password}" if password is not None else "")
        return f"postgres://{auth}@127.0.0.1:{port or self.port}/{db}"


def crescendo(binary, *args, timeout=60):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=timeout)


def refusals(binary, cluster, work):
    """Wrong, missing and unreachable: one sentence without the password, exit 1."""
    cluster.sql(f"CREATE ROLE keeper LOGIN PASSWORD '{PASSWORD}'")
    hba = f"{cluster.dir}/data/pg_hba.conf"
    lines = open(hba).read()
    with open(hba, "w") as f:
        f.write("host all keeper 127.0.0.1/32 scram-sha-256\n" + lines)
    cluster.pg_ctl("reload")
    time.sleep(0.5)
    campaign = os.path.join(ROOT, "campaigns", "neighbourhood-care.yaml")
    cases = [
        ("a wrong password", cluster.url_for("keeper", "not-" + PASSWORD), 'password authentication failed for user "keeper"'),
        ("no password", cluster.url_for("keeper"), "the server asks for a password"),
        ("an unreachable server", cluster.url_for("keeper", "not-" + PASSWORD, port=free_port()), "cannot reach the ledger database"),
    ]
    for what, url, words in cases:
        for command in (["ledger", "verify", "--db", url],
                        ["daemon", "--campaign", campaign, "--db", url, "--listen", f"127.0.0.1:{free_port()}"]):
            done = crescendo(binary, *command, timeout=60)
            text = done.stderr.strip()
            check(done.returncode == 1 and words in text and "keeper@127.0.0.1" in text and PASSWORD not in text
                  and len(text.splitlines()) == 1,
                  f"{what}: `crescendo {command[0]}` exits 1 with one sentence naming the URL without the password ({text!r})")


def post(d, n, key=None):
    body = {"kind": "rides", "quantity": 1, "care": f"ride {n} to the clinic"}
    headers = {"Idempotency-Key": key} if key else None
    started = time.time()
    status, answer = d.request("POST", "/api/entries", body, headers=headers)
    return status, answer, time.time() - started


def post_until_taken(d, n, key, seconds=30):
    """Posts as a client does after an outage: on 503, again after a moment with the same key (a
    pooled connection the server dropped can fail one more request before the pool replaces it).
    (status, answer, tries, seconds taken)."""
    started, tries = time.time(), 0
    while True:
        status, answer, _ = post(d, n, key)
        tries += 1
        if status != 503 or time.time() - started > seconds:
            return status, answer, tries, time.time() - started
        time.sleep(0.5)


def wait_for(what, predicate, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            check(True, what)
            return True
        time.sleep(0.25)
    check(False, f"{what} within {seconds} s")
    return False


def outage(binary, cluster, work):
    cluster.sql("CREATE DATABASE faults")
    url = cluster.url_for(db="faults")
    d = Daemon(binary, os.path.join(work, "outage"), TOKEN)
    d.db = url
    acked = {}
    with d:
        for n in range(30):
            key = str(uuid.uuid4())
            status, answer, _ = post(d, n, key)
            if status != 201:
                check(False, f"entry {n} is recorded before the outage ({status} {answer})")
            acked[n] = key
        status, _ = d.request("GET", "/", token="")
        check(status == 200, f"the home page is served before the outage ({status})")
        counted = f"<strong>{len(acked)}</strong> acts of care"
        wait_for(f"the home page counts the {len(acked)} entries", lambda: counted in str(d.request("GET", "/", token="")[1]), 30)
        cluster.pg_ctl("-m", "immediate", "stop")
        refused = {}
        status, answer, took = post(d, 100, key := str(uuid.uuid4()))
        refused[100] = key
        check(status == 503 and "faults" in json.dumps(answer) and "nothing was recorded" in json.dumps(answer),
              f"the first write after the database went away is refused with 503 naming it ({status}, {took:.1f} s)")
        health_status, health = d.request("GET", "/healthz")
        check(health_status == 503 and isinstance(health, dict) and health.get("status") == "unavailable"
              and "faults" in health.get("database", ""), f"/healthz says the database is unavailable ({health_status} {health})")
        status, answer, took = post(d, 101, key := str(uuid.uuid4()))
        refused[101] = key
        check(status == 503 and took < 2, f"the next write is refused with 503 at once ({status}, {took:.2f} s)")
        status, answer = d.request("GET", "/api/status")
        database = answer.get("database", {}) if isinstance(answer, dict) else {}
        check(status == 200 and database.get("state") == "unavailable" and answer.get("actions") is None and answer.get("campaigns"),
              f"/api/status answers with database unavailable and the campaigns as last judged ({status}, {database})")
        started = time.time()
        status, page = d.request("GET", "/", token="")
        check(status == 200 and counted in str(page) and time.time() - started < 2,
              f"the home page is the last site built, served at once ({status}, {time.time() - started:.2f} s)")
        time.sleep(2)
        cluster.pg_ctl("restart")
        back = time.time()
        if wait_for("/healthz answers 200 again after the database returns", lambda: d.up(), 30):
            print(f"      resumed {time.time() - back:.1f} s after the database came back")
        for n, key in refused.items():
            status, answer, tries, took = post_until_taken(d, n, key)
            check(status == 201, f"the refused entry {n}, retried with its Idempotency-Key, is recorded "
                                 f"({status} after {tries} tries in {took:.1f} s: {answer})")
            acked[n] = key
        status, answer, _ = post(d, 101, refused[101])
        check(status == 201 and answer.get("entries"), f"a second retry with the same key replays the first answer ({status})")
        for n in range(200, 215):
            status, answer, _, _ = post_until_taken(d, n, str(uuid.uuid4()))
            if status != 201:
                check(False, f"entry {n} after the outage is recorded ({status} {answer})")
            acked[n] = None
        entries = d.ledger()
        seqs = [e["seq"] for e in entries]
        check(seqs == list(range(1, len(seqs) + 1)), f"seq is contiguous (1 to {len(seqs)})")
        cares = [e.get("care") for e in entries]
        missing = [n for n in acked if cares.count(f"ride {n} to the clinic") != 1]
        check(not missing, f"every acknowledged entry is in the ledger once ({len(acked)} entries; not once: {missing})")

        def all_delivered():
            status, body = d.request("GET", "/api/actions?limit=10000")
            return status == 200 and body["actions"] and all(a["state"] in ("delivered", "skipped", "unrouted") for a in body["actions"])
        wait_for("every action decided is delivered (the campaign's briefing every 20 entries, among others)", all_delivered, 30)
    done = crescendo(binary, "ledger", "verify", "--db", url)
    check(done.returncode == 0 and "intact" in done.stdout, f"ledger verify passes ({done.stdout.strip() or done.stderr.strip()})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    with tempfile.TemporaryDirectory(prefix="crescendo-db-faults-") as work, Cluster() as cluster:
        refusals(binary, cluster, work)
        outage(binary, cluster, work)
    if problems:
        print(f"db-faults: {len(problems)} problem(s)", file=sys.stderr)
        sys.exit(1)
    print("db-faults: ok")


if __name__ == "__main__":
    main()
