"""What the browser checks share: Debian's chromium driven by selenium, axe-core through
axe-selenium-python, and a daemon on a copy of the live example campaign, on a free loopback
port with a throwaway ledger, stopped at the end whatever happens.
Used by scripts/kit-check.py and scripts/app-check.py."""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def browser(lang="en-US", javascript=True):
    """Headless chromium (Debian's) under its chromedriver, at a device scale factor of 1;
    with `javascript=False`, pages run no script of their own (as with JavaScript turned off)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for b in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"):
        if os.path.exists(b):
            options.binary_location = b
            break
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--disable-dev-shm-usage", f"--lang={lang}"):
        options.add_argument(arg)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    return driver


def axe_problems(driver, where):
    """axe-core's serious and critical violations on the loaded page, as sentences; and how many it found in all."""
    from axe_selenium_python import Axe
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    problems = [f"{where}: axe-core {v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
                for v in bad]
    return problems, len(results["violations"])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Daemon:
    """`crescendo daemon` on a copy of campaigns/ and rules/ in `work`, with `token` as its
    admin token; `with Daemon(...) as d:` waits until /healthz answers and stops it after."""

    def __init__(self, binary, work, token, campaign="neighbourhood-care.yaml", before=None):
        self.binary, self.work, self.token = os.path.abspath(binary), work, token
        for sub in ("campaigns", "rules"):
            shutil.copytree(os.path.join(ROOT, sub), os.path.join(work, sub), ignore=shutil.ignore_patterns("data", ".crescendo"))
        self.campaign = os.path.join(work, "campaigns", campaign)
        self.db = os.path.join(work, "ledger.sqlite")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def cli(self, *args):
        """Runs a crescendo command; its standard output."""
        done = subprocess.run([self.binary, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise SystemExit(f"crescendo {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    def __enter__(self):
        self.log = open(os.path.join(self.work, "daemon.log"), "wb")
        self.process = subprocess.Popen([self.binary, "daemon", "--campaign", self.campaign, "--db", self.db,
                                         "--listen", f"127.0.0.1:{self.port}"],
                                        stdout=self.log, stderr=self.log, env=dict(os.environ, CRESCENDO_TOKEN=self.token))
        deadline = time.time() + 60
        while not self.up():
            if self.process.poll() is not None or time.time() > deadline:
                self.__exit__()
                print(open(os.path.join(self.work, "daemon.log")).read(), file=sys.stderr)
                raise SystemExit("the daemon did not start")
            time.sleep(0.1)
        return self

    def __exit__(self, *_):
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        self.log.close()

    def up(self):
        try:
            return self.request("GET", "/healthz")[0] == 200
        except OSError:
            return False

    def request(self, method, path, body=None, token=None, headers=None):
        """(status, parsed JSON or text) of a request, with the admin token unless `token` is given ("" for none)."""
        token = self.token if token is None else token
        h = dict(headers or {})
        if token:
            h["Authorization"] = f"Bearer {token}"
        data = None
        if body is not None:
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status, raw = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        text = raw.decode("utf-8", "replace")
        try:
            return status, json.loads(text)
        except ValueError:
            return status, text

    def ledger(self):
        """Every entry of the raw ledger (GET /api/ledger, as the admin)."""
        status, body = self.request("GET", "/api/ledger?after=0&limit=10000")
        if status != 200:
            raise SystemExit(f"GET /api/ledger gave {status}: {body}")
        return body["entries"]
