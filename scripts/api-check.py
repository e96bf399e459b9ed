#!/usr/bin/env python3
"""Runs schemathesis against a running daemon with an admin token: every operation of
docs/openapi.yaml (served at /openapi.json) with generated inputs, seeded and bounded, and
fails on any 5xx or any response the description does not document.

    python3 scripts/api-check.py --bin .build/debug/crescendo [--examples 50] [--seed 20270104]

The daemon runs on a copy of the live example campaign, on a free loopback port, with a
throwaway ledger; it is stopped at the end whatever happens.
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def up(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/crescendo"))
    ap.add_argument("--examples", type=int, default=50)
    ap.add_argument("--seed", type=int, default=20270104)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="crescendo-api-check-")
    for sub in ("campaigns", "rules"):
        shutil.copytree(os.path.join(ROOT, sub), os.path.join(work, sub), ignore=shutil.ignore_patterns("data", ".crescendo"))
    port, token = free_port(), "api-check-admin-token"
    log = open(os.path.join(work, "daemon.log"), "wb")
    daemon = subprocess.Popen([os.path.abspath(args.bin), "daemon", "--campaign", os.path.join(work, "campaigns/neighbourhood-care.yaml"),
                               "--db", os.path.join(work, "ledger.sqlite"), "--listen", f"127.0.0.1:{port}", "--poll", "3600"],
                              stdout=log, stderr=log, env=dict(os.environ, CRESCENDO_TOKEN=token))
    try:
        deadline = time.time() + 60
        while not up(port):
            if daemon.poll() is not None or time.time() > deadline:
                print(open(os.path.join(work, "daemon.log")).read(), file=sys.stderr)
                raise SystemExit("api-check: the daemon did not start")
            time.sleep(0.1)
        cmd = ["schemathesis", "run", f"http://127.0.0.1:{port}/openapi.json",
               "--header", f"Authorization: Bearer {token}",
               "--max-examples", str(args.examples), "--seed", str(args.seed),
               "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,ignored_auth",
               "--request-timeout", "20", "--suppress-health-check", "all", "--no-color"]
        print("api-check:", " ".join(c if "Bearer" not in c else "Authorization: Bearer ***" for c in cmd), flush=True)
        started = time.time()
        result = subprocess.run(cmd, timeout=600, cwd=work)  # its .schemathesis/ cache stays in the scratch folder
        print(f"api-check: schemathesis finished in {time.time() - started:.0f} s with exit {result.returncode}", flush=True)
        if daemon.poll() is not None:
            raise SystemExit("api-check: the daemon stopped during the run; see " + os.path.join(work, "daemon.log"))
        if result.returncode != 0:
            raise SystemExit(result.returncode)
    finally:
        stop(daemon)
    shutil.rmtree(work, ignore_errors=True)


def stop(daemon):
    """SIGTERM (a clean stop), and SIGKILL if it has not stopped 20 s later."""
    daemon.terminate()
    try:
        daemon.wait(timeout=20)
    except subprocess.TimeoutExpired:
        daemon.kill()


if __name__ == "__main__":
    main()
