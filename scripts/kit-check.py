#!/usr/bin/env python3
"""The communications kit looked at as a person would: cards, guides and posters in a real browser.

1. Publishes the paid sick leave campaign over its sample data with `crescendo publish`.
2. Every card PNG is a PNG of 1200 x 630 (read from its IHDR chunk), and the pages' og:image
   tags name cards that were written.
3. Debian's chromium, driven by selenium, renders a story page, a silence page, a guide (and
   its French translation) and a poster at desktop and at phone width: each draws without
   horizontal scrolling, its images load, and axe-core finds no serious or critical violation.
4. The poster prints on one page of A4 and one page of US Letter (Chrome's print to PDF
   through the DevTools protocol; the PDF's pages are counted).
5. The poster's QR code, photographed from the screen, reads back as the campaign's brand.url
   (zbarimg, from Debian's zbar-tools).

With --screenshots DIR it also writes docs-ready screenshots (a card, a poster, a guide at
phone width, a story page) into DIR. Fails (exit 1) naming what is wrong.
Usage: scripts/kit-check.py --bin .build/debug/crescendo [--screenshots docs/screenshots]
"""
import argparse
import base64
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import axe_problems, browser  # noqa: E402
from sample_site import publish_sample  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BRAND_URL = "https://care.example.org/"
AT = "2027-03-15T12:00"
WEEK = "2027-W10"
PAPERS = {"A4": (8.27, 11.69), "Letter": (8.5, 11.0)}

failures = []


def fail(message):
    failures.append(message)
    print(f"kit-check: FAIL {message}", file=sys.stderr)


def run(*args):
    done = subprocess.run(list(args), capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"kit-check: {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def check_cards(site):
    cards = sorted(os.path.relpath(os.path.join(d, f), site) for d, _, fs in os.walk(os.path.join(site, "cards"))
                   for f in fs if f.endswith(".png"))
    for card in cards:
        size = png_size(os.path.join(site, card))
        if size != (1200, 630):
            fail(f"{card} is not a 1200x630 PNG (IHDR says {size})")
        if not os.path.exists(os.path.join(site, card[:-4] + ".svg")):
            fail(f"{card} has no SVG beside it")
    kinds = {k: sum(1 for c in cards if os.path.basename(c).startswith(k)) for k in ("story-", "silence-", "week-")}
    for kind, n in kinds.items():
        if n == 0:
            fail(f"no {kind}* card was written")
    if not any(c.startswith("cards/fr/") for c in cards):
        fail("no French cards (cards/fr/) were written")
    print(f"kit-check: {len(cards)} card PNGs, each 1200x630 ({kinds})")
    return cards


def og_image(html):
    m = re.search(r'<meta property="og:image" content="([^"]+)"', html)
    return m.group(1) if m else None


def look(driver, site, page, width, height):
    """Loads a page at a width and checks it draws, fits and passes axe-core."""
    driver.set_window_size(width, height)
    driver.get("file://" + os.path.join(site, page))
    where = f"{page} at {width}px"
    if not driver.find_elements("css selector", "h1"):
        fail(f"{where}: no h1 was drawn")
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        fail(f"{where}: the page is {overflow}px wider than the window")
    broken = driver.execute_script(
        "return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src'))")
    if broken:
        fail(f"{where}: images did not load: {broken}")
    problems, count = axe_problems(driver, where)
    for p in problems:
        fail(p)
    return count


def pdf_pages(driver, paper):
    width, height = PAPERS[paper]
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": width, "paperHeight": height, "printBackground": True,
                                                     "marginTop": 0, "marginBottom": 0, "marginLeft": 0, "marginRight": 0})
    data = base64.b64decode(pdf["data"])
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data)), data


def check_qr(driver, work):
    shot = os.path.join(work, "qr.png")
    element = driver.find_element("css selector", "svg.qr")
    element.screenshot(shot)
    done = subprocess.run(["zbarimg", "--raw", "-q", shot], capture_output=True, text=True, timeout=60)
    decoded = done.stdout.strip()
    if decoded != BRAND_URL:
        fail(f"the poster's QR code reads {decoded!r}, not {BRAND_URL!r} (zbarimg exit {done.returncode})")
    else:
        print(f"kit-check: the poster's QR code reads back as {decoded}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/crescendo"))
    ap.add_argument("--screenshots", help="write screenshots of a card, a poster, a guide and a story page here")
    args = ap.parse_args()
    for tool in ("zbarimg", "chromedriver"):
        if shutil.which(tool) is None:
            raise SystemExit(f"kit-check: {tool} is missing (make deps installs it)")
    work = tempfile.mkdtemp(prefix="crescendo-kit-")
    driver = None
    try:
        site = publish_sample(run, os.path.abspath(args.bin), work, AT, out="site")
        check_cards(site)
        with open(os.path.join(site, "stories/001.html"), encoding="utf-8") as f:
            image = og_image(f.read())
        if image != "https://care.example.org/cards/story-001.png":
            fail(f"stories/001.html's og:image is {image!r}")
        silences = sorted(os.listdir(os.path.join(site, "silence")))
        pages = ["stories/001.html", "stories/fr/001.html", f"silence/{silences[0]}", "guides/er-or-hotline.html",
                 "guides/fr/er-or-hotline.html", f"weekly/{WEEK}.html", f"print/week-{WEEK}.html", "index.html"]
        driver = browser()
        for page in pages:
            for width, height in ((1280, 900), (390, 844)):
                look(driver, site, page, width, height)
        print(f"kit-check: {len(pages)} pages at 1280px and 390px: drawn, no horizontal scrolling, images loaded, axe-core run")
        driver.set_window_size(1280, 1400)
        driver.get("file://" + os.path.join(site, f"print/week-{WEEK}.html"))
        for paper in PAPERS:
            n, _ = pdf_pages(driver, paper)
            if n != 1:
                fail(f"print/week-{WEEK}.html prints on {n} pages of {paper}, not 1")
            else:
                print(f"kit-check: the poster prints on 1 page of {paper}")
        check_qr(driver, work)
        if args.screenshots:
            shots(driver, site, args.screenshots)
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        raise SystemExit(f"kit-check: {len(failures)} problem(s)")
    print("kit-check: ok")


def shots(driver, site, folder):
    os.makedirs(folder, exist_ok=True)
    shutil.copy(os.path.join(site, "cards/story-001.png"), os.path.join(folder, "card-story.png"))
    silence = sorted(f for f in os.listdir(os.path.join(site, "cards")) if f.startswith("silence-") and f.endswith(".png"))[0]
    shutil.copy(os.path.join(site, "cards", silence), os.path.join(folder, "card-silence.png"))
    shutil.copy(os.path.join(site, f"cards/week-{WEEK}.png"), os.path.join(folder, "card-week.png"))
    # The poster as it prints on A4 (794 x 1123 CSS pixels), then pages on screen, whole.
    for name, page, width, media in (("poster", f"print/week-{WEEK}.html", 794, "print"),
                                     ("guide-phone", "guides/fr/er-or-hotline.html", 390, "screen"),
                                     ("story", "stories/001.html", 1280, "screen")):
        driver.get("file://" + os.path.join(site, page))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
        if media == "print":  # the page's 10 mm margins, as paper has them
            driver.execute_script("document.body.style.margin = '10mm'")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
        height = 1123 if media == "print" else driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        with open(os.path.join(folder, f"{name}.png"), "wb") as f:
            f.write(base64.b64decode(shot["data"]))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    print(f"kit-check: screenshots in {folder}")


if __name__ == "__main__":
    main()
