"""The sample site: the paid sick leave campaign over its sample data (ledger, responses, money
flows), published with `crescendo publish`. Shared by scripts/validate-html.py and
scripts/kit-check.py."""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAMPAIGN = os.path.join(ROOT, "campaigns/paid-sick-leave.yaml")
DATA = os.path.join(ROOT, "campaigns/data")


def publish_sample(run, binary, work, at, out="published"):
    """Imports the sample data into a ledger in `work` and publishes it as of `at`; the site's folder.
    `run(*args)` runs a command and fails the caller's check when it fails."""
    db = os.path.join(work, "sample.sqlite")
    run(binary, "ledger", "import", "--campaign", CAMPAIGN, "--db", db, os.path.join(DATA, "paid-sick-leave.ledger.csv"))
    with open(os.path.join(DATA, "paid-sick-leave.responses.csv")) as f:
        for line in f.read().splitlines()[1:]:
            when, deadline, text, win = line.split(",")
            run(binary, "respond", "--campaign", CAMPAIGN, "--db", db, deadline, "--text", text, "--at", when,
                *(["--win", win] if win else []))
    run(binary, "flows", "import", "--campaign", CAMPAIGN, "--db", db, os.path.join(DATA, "paid-sick-leave.flows.csv"))
    site = os.path.join(work, out)
    run(binary, "publish", "--campaign", CAMPAIGN, "--db", db, "--out", site, "--at", at)
    return site
