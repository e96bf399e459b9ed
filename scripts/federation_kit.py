"""What the federation scripts share: daemons on one PostgreSQL database, a webhook receiver
that logs every delivery's keys, a poster that sends entries to random live daemons.
Used by scripts/federation.py (the crash test) and scripts/bench-federation.py."""
import http.server
import json
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

HEADER = """\
campaign: federation
title: {title}
timezone: UTC
start: 2026-01-01
metrics:
  masks: {{ label: Masks, unit: masks }}
demands:
  psl: {{ text: Paid sick leave, target: Ministry of Labour, funding: Line 4.2 }}
"""


def campaign(title, port, body):
    """The federation scripts' campaign: the shared header, then `body` (channels and rules,
    where {port} is the receiver's port)."""
    return HEADER.format(title=title) + body.replace("{port}", str(port))


class Receiver(http.server.BaseHTTPRequestHandler):
    """Logs every delivery: its Idempotency-Key, webhook-id, path, size and time. /slow answers after a second."""
    log = []
    lock = threading.Lock()

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n)
        if self.path == "/slow":
            time.sleep(1)
        with Receiver.lock:
            Receiver.log.append((self.headers.get("Idempotency-Key") or "", self.headers.get("webhook-id") or "",
                                 self.path, len(body), time.time()))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class ReceiverServer(http.server.ThreadingHTTPServer):
    """The receiver's server: a listen backlog for every daemon's connections at once (the
    standard library's 5 drops connections, which the daemons then retry a second later)."""
    request_queue_size = 1024
    daemon_threads = True


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Daemon:
    def __init__(self, index, binary, folder, db, token, extra):
        self.index, self.binary, self.folder, self.db, self.token, self.extra = index, binary, folder, db, token, extra
        self.port = free_port()
        self.proc = None
        self.log = open(os.path.join(folder, f"daemon-{index}.log"), "ab")
        self.starts = 0

    def start(self, wait=60):
        env = dict(os.environ, CRESCENDO_TOKEN=self.token)
        self.proc = subprocess.Popen(
            [self.binary, "daemon", "--campaign", os.path.join(self.folder, "campaign.yaml"), "--db", self.db,
             "--listen", f"127.0.0.1:{self.port}", "--poll", "1", *self.extra],
            stdout=self.log, stderr=self.log, env=env)
        self.starts += 1
        deadline = time.time() + wait
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"daemon {self.index} exited with {self.proc.returncode}; see {self.folder}/daemon-{self.index}.log")
            if self.healthy():
                return
            time.sleep(0.05)
        raise RuntimeError(f"daemon {self.index} did not answer /healthz within {wait} s")

    def healthy(self):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1) as r:
                return r.status == 200
        except (OSError, urllib.error.URLError):
            return False

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def pause(self, seconds):
        """SIGSTOP now and SIGCONT after `seconds` (a holder cut off, or paused, that comes back);
        the timer that resumes it, to join."""
        self.proc.send_signal(signal.SIGSTOP)
        t = threading.Timer(seconds, lambda: self.alive() and self.proc.send_signal(signal.SIGCONT))
        t.start()
        return t

    def kill9(self):
        if self.alive():
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        """SIGTERM, then SIGKILL after 30 s; the exit code (None when it had to be killed)."""
        if not self.alive():
            return 0 if self.proc is None else self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill9()
            return None


def post(port, token, body, timeout=10):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/entries", data=json.dumps(body).encode(), method="POST")
    req.add_header("Content-Type", "application/json")
    req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read() or b"null")


class Database:
    """A database of its own on the server, queried with psql."""

    def __init__(self, server, name):
        self.server, self.name = server.split("?")[0], name
        base = self.server.rsplit("/", 1)[0]
        self.url = f"{base}/{name}"
        self.psql(f"CREATE DATABASE {name}", url=self.server)

    def psql(self, sql, url=None):
        done = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", url or self.url, "-c", sql],
                              capture_output=True, text=True, timeout=30)
        if done.returncode != 0:
            raise RuntimeError(f"psql: {done.stderr.strip()}")
        return [line.split("|") for line in done.stdout.splitlines()]

    def lease(self):
        """(owner, epoch, judged_through) of the campaign, or None before the first lease."""
        try:
            rows = self.psql("SELECT l.owner, l.epoch, coalesce(w.judged_through, 0), coalesce(w.alive_at, 0) FROM campaign_leases l "
                             "LEFT JOIN daemon_watermarks w ON w.campaign = l.campaign WHERE l.campaign = 'federation'")
        except RuntimeError:
            return None
        return (rows[0][0], int(rows[0][1]), int(rows[0][2]), int(rows[0][3])) if rows else None

    def drop(self):
        try:
            self.psql(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)", url=self.server)
        except (RuntimeError, subprocess.TimeoutExpired):
            pass


def holder_index(daemons, owner):
    """The daemon whose id (HOST:PORT/pid/random) is `owner`, by port and pid."""
    for d in daemons:
        if d.alive() and owner.startswith(f"127.0.0.1:{d.port}/{d.proc.pid}/"):
            return d.index
    return None


class Poster(threading.Thread):
    """Posts batches of 1-`batch` entries to random live daemons until stopped."""

    def __init__(self, daemons, token, rng, batch, pause):
        super().__init__(daemon=True)
        self.daemons, self.token, self.rng, self.batch, self.pause = daemons, token, rng, batch, pause
        self.acked, self.unacked, self.failed, self.sent = [], [], 0, 0
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            live = [d for d in self.daemons if d.alive()]
            if not live:
                time.sleep(0.05)
                continue
            d = self.rng.choice(live)
            n = self.rng.randint(1, self.batch)
            batch = [{"kind": "masks", "quantity": self.rng.randint(1, 9), "demand": "psl", "care": f"f-{self.sent + i}"} for i in range(n)]
            self.sent += n
            try:
                status, body = post(d.port, self.token, batch)
                (self.acked if status == 201 and len(body["entries"]) == n else self.unacked).extend(b["care"] for b in batch)
            except (OSError, urllib.error.URLError, ValueError):
                self.unacked.extend(b["care"] for b in batch)
                self.failed += 1
            time.sleep(self.rng.uniform(0, self.pause))


def measure_judged_again(db, since, limit):
    """Seconds from `since` (a paused holder's resumption) until a commit of whichever daemon
    holds the lease (the watermark's alive_at moved past `since`); None when none came within
    2 * limit."""
    deadline = since + 2 * limit
    while time.time() < deadline:
        lease = db.lease()
        if lease and lease[0] and lease[3] > int(since):
            return time.time() - since
        time.sleep(0.1)
    return None


def measure_takeover(db, killed_owner, killed_at, limit):
    """Seconds from the kill to the first commit of a new holder (the lease's owner changed and
    the watermark's alive_at moved past the kill); None when it did not come within 2 * limit."""
    deadline = killed_at + 2 * limit
    while time.time() < deadline:
        lease = db.lease()
        if lease and lease[0] != killed_owner and lease[0] and lease[3] > int(killed_at):
            return time.time() - killed_at
        time.sleep(0.1)
    return None
