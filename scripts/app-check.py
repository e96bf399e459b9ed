#!/usr/bin/env python3
"""The web app (/app/) in a real browser, at phone width (390 px), as volunteers and organizers use it.

Starts `crescendo daemon` on a copy of the live example campaign (free loopback port, throwaway
ledger) with a recorder, an organizer and an admin token, then with Debian's chromium driven by
selenium:

1. signs in as the recorder, records an entry, and reads its receipt number ("Care Ledger 021");
   an entry whose `care` is `<script>...</script>` shows as text on the receipt and the site's story;
2. goes offline (DevTools network emulation), records three entries, sees "3 waiting", reloads
   the record page offline (the service worker serves it), comes back online, and finds each
   of the three in the ledger exactly once;
3. a form posted without its CSRF token gets 403 and writes nothing; the recorder opening
   /app/organize is refused;
4. signs in as the organizer, records a response to a deadline on the board and sees it answered;
5. signs in as the admin, adds a token, and opens its invite link in a fresh browser: it signs in,
   and the token is no longer in the address bar;
6. axe-core finds no serious or critical violation on any app page;
7. in a second browser with JavaScript turned off, an invite link does nothing (its script does
   not run), the recorder signs in with the token form, records an entry through the plain POST,
   sees its receipt number, and the entry is in the ledger once.

With --screenshots DIR it writes the record form (in English and in French), the receipt, the
organizer's board and the admin page at phone width into DIR. Fails (exit 1) naming what is wrong.
Usage: scripts/app-check.py --bin .build/debug/crescendo [--screenshots docs/screenshots]
"""
import argparse
import base64
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Daemon, axe_problems, browser  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = "<script>window.pwned = 1</script>"
failures = []
axed = set()


def fail(message):
    failures.append(message)
    print(f"app-check: FAIL {message}", file=sys.stderr)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


def wait(driver, test, what, seconds=20):
    """Waits until `test(driver)` is true; fails naming `what` after `seconds`."""
    end = time.time() + seconds
    while time.time() < end:
        try:
            if test(driver):
                return True
        except Exception:  # noqa: BLE001 (a page between loads)
            pass
        time.sleep(0.2)
    fail(f"{what} (waited {seconds} s; at {driver.current_url})")
    return False


def text(driver):
    return driver.find_element("tag name", "body").text


def axe(driver, name):
    """axe-core on the page now loaded, once per page name."""
    if name in axed:
        return
    axed.add(name)
    problems, _ = axe_problems(driver, f"{name} at 390px")
    for p in problems:
        fail(p)
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check(overflow <= 1, f"{name}: the page is {overflow}px wider than the phone")


def sign_in(driver, base, token):
    driver.delete_all_cookies()
    driver.get(base + "/app/login")
    axe(driver, "login")
    field = driver.find_element("name", "token")
    field.send_keys(token)
    field.submit()
    return wait(driver, lambda d: d.current_url.rstrip("/").endswith("/app"), "signing in leads to /app/")


def fill(driver, values):
    from selenium.webdriver.support.ui import Select
    for name, value in values.items():
        el = driver.find_element("id", f"f-{name}")
        if el.tag_name == "select":
            Select(el).select_by_value(value)
        else:
            el.clear()
            el.send_keys(value)


def offline(driver, yes):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": yes, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


def recorder(driver, d, tokens):
    base = d.base
    sign_in(driver, base, tokens["recorder"])
    axe(driver, "home")
    # "Sign out" (a form's button) sits on the line of the nav links beside it, as one of them.
    tops = driver.execute_script("var n = document.querySelector('header nav'); function at(e) { var r = document.createRange(); "
                                 "r.selectNodeContents(e); return r.getBoundingClientRect().bottom; } "
                                 "return [at(n.querySelector('a')), at(n.querySelector('button.link'))]")
    check(abs(tops[0] - tops[1]) <= 2, f"Sign out is not aligned with the nav links (their text ends at {tops[0]:.0f} and {tops[1]:.0f} px)")
    driver.get(base + "/app/record")
    axe(driver, "record")
    before = len(d.ledger())
    fill(driver, {"kind": "meals", "quantity": "2", "area": "a02", "care": SCRIPT,
                  "cause": "The clinic closed at noon", "change": "Fund the clinic"})
    driver.find_element("id", "f-care").submit()
    wait(driver, lambda d_: "/app/receipt/" in d_.current_url, "the record form leads to its receipt")
    seq = int(driver.current_url.rsplit("/", 1)[1])
    check(seq == before + 1, f"the receipt is for entry {seq}, not {before + 1}")
    label = f"{seq:03d}"
    check(f"Care Ledger {label}" in text(driver), f"the receipt does not say Care Ledger {label}: {text(driver)[:300]}")
    check(SCRIPT in text(driver), "the receipt does not show the <script> care as text")
    check(driver.execute_script("return window.pwned === undefined"), "the <script> care ran on the receipt")
    axe(driver, "receipt")
    # Offline: three entries wait in IndexedDB, then are sent once each.
    driver.get(base + "/app/record")
    wait(driver, lambda d_: d_.execute_script("return !!navigator.serviceWorker.controller"), "the service worker controls the record page")
    offline(driver, True)
    for i in range(1, 4):
        fill(driver, {"care": f"Offline ride {i}", "cause": "No bus on Sunday", "change": "Sunday service"})
        driver.find_element("id", "f-care").submit()
        wait(driver, lambda d_, i=i: f"{i} waiting" in d_.find_element("id", "queue-status").text,
             f"the page says {i} waiting after {i} offline entries")
    driver.refresh()  # served by the service worker, the queue still counted
    wait(driver, lambda d_: "3 waiting" in d_.find_element("id", "queue-status").text,
         "the record page, reloaded offline, says 3 waiting")
    if len(failures) == 0:
        shoot(driver, "app-offline")
    offline(driver, False)
    wait(driver, lambda d_: d_.find_element("id", "queue-status").text.strip() == "", "the queue empties once online", 30)
    entries = d.ledger()
    for i in range(1, 4):
        n = sum(1 for e in entries if e.get("care") == f"Offline ride {i}")
        check(n == 1, f"offline entry {i} is in the ledger {n} times, not once")

    # The site's story page shows it as text as well.
    # Checked after later entries: the daemon may stamp an entry up to a second ahead, and a
    # live site built within that second (the receipt loads /style.css) lacks it until the next entry.

    def story_shown(d_):
        d_.get(base + f"/stories/{label}.html")
        return SCRIPT in text(d_)
    if wait(driver, story_shown, f"/stories/{label}.html shows the <script> care as text", 15):
        check(driver.execute_script("return window.pwned === undefined"), "the <script> care ran on the site's story")

    # A form without its CSRF token writes nothing; the organizer page is refused.
    count = len(d.ledger())
    driver.get(base + "/app/record")
    driver.execute_script("var f = document.getElementById('record-form'); f.elements.csrf.remove(); "
                          "f.elements.care.value = 'no csrf'; HTMLFormElement.prototype.submit.call(f);")
    wait(driver, lambda d_: "/app/record" in d_.current_url and d_.find_element("tag name", "h1"), "the post without CSRF answers")
    check(len(d.ledger()) == count, "a record form posted without its CSRF token wrote an entry")
    check(driver.execute_script("return document.title").startswith("Not for this token") and "nothing was written" in text(driver),
          f"a form without CSRF is not refused: {text(driver)[:200]}")
    axe(driver, "refused")
    driver.get(base + "/app/organize")
    check("needs the organizer role" in text(driver) and not driver.find_elements("id", "board-h"), "a recorder opened /app/organize")


def organizer(driver, d, tokens):
    base = d.base
    sign_in(driver, base, tokens["organizer"])
    driver.get(base + "/app/organize")
    axe(driver, "organize")
    from selenium.webdriver.support.ui import Select
    options = Select(driver.find_element("name", "deadline")).options
    if not check(options, "the deadline board has no deadline to respond to"):
        return
    number = options[0].get_attribute("value")
    check(driver.find_elements("id", f"deadline-{number}"), f"deadline {number} is not on the board")
    # At phone width the board and its form come before the status, and every cell of the board is on screen.
    check(driver.execute_script("return document.getElementById('board-h').compareDocumentPosition(document.getElementById('next-h')) "
                                "& Node.DOCUMENT_POSITION_FOLLOWING"), "the deadline board does not come before what comes next")
    cut = driver.execute_script(f"return [...document.querySelectorAll('#deadline-{number} > *')]"
                                ".filter(c => c.getBoundingClientRect().right > window.innerWidth + 1).map(c => c.textContent)")
    check(not cut, f"the board's cells {cut} are cut off at 390px")
    shoot(driver, "app-organize")
    fill(driver, {"deadline": number, "text": "The council <b>tabled</b> a motion", "win": "partial"})
    driver.find_element("id", "f-text").submit()
    wait(driver, lambda d_: "answered=" in d_.current_url, "the response form leads back to the board")
    check(not driver.find_elements("id", f"deadline-{number}"), f"deadline {number} is still open after its response")
    check(f"deadline {number} is answered" in text(driver), f"the board does not say deadline {number} was answered")


def press(driver, form):
    """Clicks the submit button of the form with this id (a real click: no script of selenium's)."""
    driver.find_element("css selector", f"{form} button[type=submit]").click()


def without_javascript(d, tokens):
    """The recorder's path with JavaScript turned off: the token form, the plain POST, the receipt."""
    base = d.base
    driver = browser(javascript=False)
    try:
        driver.set_window_size(390, 844)
        driver.get(base + "/app/login#token=" + tokens["recorder"])
        time.sleep(1.5)  # with JavaScript the login page's script would have posted the token by now
        check(driver.current_url.split("#")[0].endswith("/app/login") and driver.find_elements("name", "token"),
              f"JavaScript is not off in the no-script browser (the invite link signed in: {driver.current_url})")
        driver.delete_all_cookies()
        driver.get(base + "/app/login")
        driver.find_element("name", "token").send_keys(tokens["recorder"])
        press(driver, 'form[action="/app/login"]')
        if not wait(driver, lambda d_: d_.current_url.rstrip("/").endswith("/app"), "without JavaScript, the token form signs in"):
            return
        driver.get(base + "/app/record")
        before = len(d.ledger())
        care = "Carried groceries up four floors (no script)"
        fill(driver, {"kind": "meals", "quantity": "3", "area": "a01", "care": care,
                      "cause": "The lift is broken", "change": "Repair lifts within a week"})
        press(driver, "#record-form")
        if not wait(driver, lambda d_: "/app/receipt/" in d_.current_url, "without JavaScript, the record form leads to its receipt"):
            return
        seq = int(driver.current_url.rsplit("/", 1)[1])
        check(f"Care Ledger {seq:03d}" in text(driver), f"the no-script receipt does not say Care Ledger {seq:03d}: {text(driver)[:300]}")
        entries = d.ledger()
        n = sum(1 for e in entries if e.get("care") == care)
        check(n == 1 and len(entries) == before + 1, f"the no-script entry is in the ledger {n} times ({len(entries) - before} new entries)")
        check(seq == len(entries), f"the no-script receipt is for entry {seq}, the ledger ends at {len(entries)}")
    finally:
        driver.quit()


def admin(driver, d, tokens):
    base = d.base
    sign_in(driver, base, tokens["admin"])
    driver.get(base + "/app/admin")
    axe(driver, "admin")
    fill(driver, {"name": "phone-volunteer", "role": "recorder", "expires": "30d"})
    driver.find_element("id", "f-name").submit()
    if not wait(driver, lambda d_: d_.find_elements("id", "invite-link"), "adding a token shows its invite link"):
        return
    invite = driver.find_element("id", "invite-link").get_attribute("href")
    shoot(driver, "app-admin")
    wide = driver.execute_script("""return [...document.querySelectorAll('main table')]
        .filter(t => t.getBoundingClientRect().right > window.innerWidth + 1 || t.scrollWidth > t.clientWidth + 1)
        .map(t => t.querySelector('caption')?.textContent || 'a table')""")
    check(not wide, f"admin: the tokens and the audit log fit the phone's width, stacked into cards, not scrolled sideways ({wide})")
    driver.delete_all_cookies()
    driver.get(invite)
    wait(driver, lambda d_: d_.current_url.rstrip("/").endswith("/app"), "the invite link signs in")
    check("phone-volunteer" in text(driver), "the invite link did not sign in as phone-volunteer")
    token = invite.split("token=", 1)[1]
    check(token not in driver.current_url, "the token stayed in the address bar")
    def audited(_):
        status, lines = d.request("GET", "/api/audit?after=0&limit=1000")
        return any(l["what"] == "POST /app/admin/tokens" and l["outcome"] == 201 for l in lines.get("audit", []))
    wait(driver, audited, "adding a token from the admin page is in the audit log (written within 2 s)", 10)


shots_folder = None


def shoot(driver, name):
    """The whole page at 390 px wide, when --screenshots was given."""
    if not shots_folder:
        return
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": min(height, 2400), "deviceScaleFactor": 1, "mobile": True})
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    with open(os.path.join(shots_folder, f"{name}.png"), "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def main():
    global shots_folder
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/crescendo"))
    ap.add_argument("--screenshots", help="write the record form, receipt, board and admin page here")
    args = ap.parse_args()
    if shutil.which("chromedriver") is None:
        raise SystemExit("app-check: chromedriver is missing (make deps installs it)")
    shots_folder = args.screenshots and os.path.abspath(args.screenshots)
    if shots_folder:
        os.makedirs(shots_folder, exist_ok=True)
    work = tempfile.mkdtemp(prefix="crescendo-app-")
    driver = None
    started = time.time()
    try:
        d = Daemon(args.bin, work, "app-check-admin-token")
        # `token add` prints the new token, once; the daemon reads the same ledger.
        tokens = {role: d.cli("token", "add", "--db", d.db, "--name", f"{role}-1", "--role", role).strip()
                  for role in ("recorder", "organizer", "admin")}
        with d:
            # 20 entries: the campaign's briefing opens a deadline for the organizer's board.
            status, body = d.request("POST", "/api/entries", [{"kind": "rides", "area": "a01"} for _ in range(20)])
            if status != 201:
                raise SystemExit(f"app-check: posting entries gave {status}: {body}")
            driver = browser()
            driver.set_window_size(390, 844)
            driver.set_script_timeout(30)
            recorder(driver, d, tokens)
            organizer(driver, d, tokens)
            admin(driver, d, tokens)
            without_javascript(d, tokens)
            if shots_folder:
                shots(driver, d, tokens)
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(work, ignore_errors=True)
    print(f"app-check: {len(axed)} app pages checked with axe-core at 390px, in {time.time() - started:.0f} s")
    if failures:
        raise SystemExit(f"app-check: {len(failures)} problem(s)")
    print("app-check: ok")


def shots(driver, d, tokens):
    """The record form (with a field refused, to show how) and a receipt, at phone width."""
    sign_in(driver, d.base, tokens["recorder"])
    driver.get(d.base + "/app/record")
    shoot(driver, "app-record")
    fill(driver, {"kind": "rides", "quantity": "1", "area": "a03", "care": "Drove Mrs. K. to the dialysis clinic",
                  "cause": "The clinic bus was cut in the spring", "change": "Free transit to clinics for everyone over 65"})
    driver.find_element("id", "f-care").submit()
    wait(driver, lambda d_: "/app/receipt/" in d_.current_url, "the record form leads to its receipt")
    shoot(driver, "app-receipt")
    driver.get(d.base + "/app/record?lang=fr")
    check(driver.find_element("tag name", "html").get_attribute("lang") == "fr", "/app/record?lang=fr is not in French")
    shoot(driver, "app-record-fr")
    print(f"app-check: screenshots in {shots_folder}")


if __name__ == "__main__":
    main()
