#!/usr/bin/env python3
"""Prints a campaign with N rules (default 500) to stdout, for timing `crescendo check`.

Usage: scripts/gen-check-campaign.py [N] > /tmp/bench.yaml && time crescendo check /tmp/bench.yaml
The rules cycle through every trigger, condition and action form, so the whole loader is timed.
"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
out = ["campaign: bench", "title: Generated campaign", "timezone: America/Toronto", "start: 2027-01-04", "end: 2027-12-31",
       "metrics:"]
out += ["  m%d: { label: Metric %d, unit: units }" % (i, i) for i in range(20)]
out += ["demands:"]
out += ["  d%d: { text: Demand %d, target: Target %d, funding: Fund %d }" % (i, i, i, i) for i in range(10)]
out += ["indicators:", "  rate: { label: Rate, unit: \"%\" }",
        "windows:", "  session: { kind: legislative, from: 2027-02-01, to: 2027-06-15 }",
        "ladders:", "  main: { pick: shuffle, seed: 7, tactics: [{ id: a, text: A }, { id: b, text: B }] }",
        "pacing: { cooldown: 7d, limit: { count: 2, per: 30d }, when_blocked: defer }",
        "decompression:", "  - ritual: { kind: rest, text: Rest }", "    in: 2d",
        "templates:", "  weekly: \"Week {{week}}: {{entries}} acts. {{#metrics}}{{label}}: {{total}}. {{/metrics}}\"",
        "  silence: \"{{target}} silent on {{demand}} for {{days_silent}} days\"",
        "channels:", "  log: { type: file, path: out/actions.jsonl }", "rules:"]
triggers = [
    "{ every: %(k)d }",
    "{ every: %(k)d, of: m%(m)d, per: area }",
    "{ sum: m%(m)d, over: 7d, above: %(k)d, per: area }",
    "{ count: entries, over: 1d, above: %(k)d, for: 2h }",
    "{ indicator: rate, above: %(k)d, for: 48h }",
    "{ window: session, on: open, offset: -%(k)dh }",
    "{ deadline: missed, demand: d%(d)d }",
    "{ schedule: { every: week, on: monday, at: \"09:00\" } }",
    "{ cron: \"0 9 * * 1-5\" }",
    "{ win: any }",
]
actions = [
    "- briefing: { demand: d%(b)d, deadline: 14d }",
    "- escalate: { ladder: main }",
    "- notify: { channel: log, text: \"Rule %(i)d fired\" }",
    "- publish: { template: weekly }",
    "- ritual: { kind: gratitude, text: Thanks }",
    "- rapid_response: { team: team-%(d)d, text: Go }",
]
for i in range(n):
    v = {"i": i, "k": i + 1, "m": i % 20, "d": i % 10, "b": (i // len(actions)) % 10}
    out.append("  - id: rule-%d" % i)
    out.append("    when: " + triggers[i % len(triggers)] % v)
    if i % 3 == 0:
        out += ["    if:", "      - in_window: session", "      - count: entries", "        at_least: %d" % i]
    out.append("    do:")
    out.append("      " + actions[i % len(actions)] % v)
    if i % len(actions) == 1:
        out += ["    then:", "      - ritual: { kind: assembly, text: Assembly }", "        in: 1d"]
print("\n".join(out))
