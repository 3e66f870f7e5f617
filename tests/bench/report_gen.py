#!/usr/bin/env python3
"""Fill an empty jobmix store with a campaign's delivery and ATS events.

usage: report_gen.py STORE PLAN_JSON [--days D] [--ads N] [--seed S]
                     [--no-ids]

STORE must exist with jobmix's schema and no rows (tests/unit/
test_report.t --make-store STORE makes one). PLAN_JSON is a plan of
`jobmix plan --format json`. The store gets the campaign, the plan and
its cells, one ad account per platform, N ads spread over the plan's
platform cells, D days of delivery per ad from the campaign's start
(spend around the cell's daily budget, impressions at a CPM, clicks at
a CTR, platform-reported applications on Meta), and ATS applications
and hires whose utm_content names their ad. Offline cells get no ads.
D x N metric rows in all: --days 400 --ads 2500 makes 1 000 000 for the
report benchmark (tests/bench/README.md); the browser test and the
README's screenshot use the defaults.

With --no-ids the store gets what the imports alone give (docs/
import.md): no campaign, plan, cell or id map, but ad names "REF /
persona / channel" on the metric rows, and ATS events tagged as push
tags its landing links (utm_source the platform, utm_campaign the
campaign's slug, utm_content "persona.channel"). `jobmix report --plan
PLAN_JSON` then finds the campaign from the plan.
"""
import argparse
import datetime
import hashlib
import json
import random
import sqlite3
import unicodedata

NOW = "2027-03-01T00:00:00Z"
CPM = {"meta": 6500, "linkedin": 38000, "tiktok": 4500}   # minor units
CTR = {"meta": 0.011, "linkedin": 0.006, "tiktok": 0.008}


def poisson(rng, lam):
    # Knuth's method is fine for the small rates here
    limit, k, p = pow(2.718281828459045, -lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("plan")
    ap.add_argument("--days", type=int, default=0)
    ap.add_argument("--ads", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-ids", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    body = open(a.plan, encoding="utf-8").read()
    plan = json.loads(body)
    camp = plan["campaign"]
    days = a.days or camp["days"]
    cells = [c for c in plan["cells"] if c["platform"] != "offline"]
    n_ads = a.ads or 3 * len(cells)
    start = datetime.date.fromisoformat(camp["start"])
    end = start + datetime.timedelta(days=days - 1)

    db = sqlite3.connect(a.store)
    q = db.execute if not a.no_ids else (lambda *args: None)
    q("INSERT INTO campaign VALUES (1, ?, ?, ?, ?, ?)",
      (camp["name"], camp.get("client"), plan["currency"], camp["start"],
       end.isoformat()))
    q("INSERT INTO plan VALUES (1, 1, ?, ?, ?, ?, ?)",
      (hashlib.sha256(body.encode()).hexdigest(), plan["objective"],
       plan["budget"], NOW, body))
    ids = {}
    for i, c in enumerate(plan["cells"], 1):
        q("INSERT INTO cell VALUES (?, 1, ?, ?, ?, ?, ?)",
          (i, c["persona"], c["channel"], c["platform"], c["spend"],
           c.get("daily_budget")))
        ids[(c["persona"], c["channel"])] = i
    for p in sorted({c["platform"] for c in cells}):
        db.execute("INSERT INTO account VALUES (?, ?, ?, 'Europe/Stockholm', ?)",
          (p, p + "-1", plan["currency"], p + " account"))
    ads = []
    for n in range(n_ads):
        c = cells[n % len(cells)]
        share = 1.0 / len([m for m in range(n_ads)
                           if m % len(cells) == n % len(cells)]) \
            if n_ads <= 1000 else len(cells) / n_ads
        key = "%s/%s/ad-%d" % (c["persona"], c["channel"], n)
        remote = str(10_000_000 + n)
        q("INSERT INTO object (platform, account_id, kind, local_key,"
          " remote_id, status, cell_id, created_at, updated_at)"
          " VALUES (?, ?, 'ad', ?, ?, 'ACTIVE', ?, ?, ?)",
          (c["platform"], c["platform"] + "-1", key, remote,
           ids[(c["persona"], c["channel"])], NOW, NOW))
        ads.append((c, key, remote, share))
    rows, events = [], []
    slug = "-".join("".join(
        ch if ch.isalnum() else " " for ch in unicodedata.normalize(
            "NFKD", camp["name"]).encode("ascii", "ignore").decode().lower()
    ).split())
    for d in range(days):
        day = (start + datetime.timedelta(days=d)).isoformat()
        ramp = min(1.0, 0.55 + d / 14.0)   # a slow start, then pace
        for c, key, remote, share in ads:
            p = c["platform"]
            daily = c["spend"] / camp["days"] * share * ramp
            spend = max(0, int(daily * rng.uniform(0.7, 1.3)))
            impr = int(spend * 1000 / CPM[p] * rng.uniform(0.8, 1.2))
            clicks = sum(1 for _ in range(min(impr, 400))
                         if rng.random() < CTR[p]) if impr < 400 else \
                int(impr * CTR[p] * rng.uniform(0.8, 1.2))
            apps = poisson(rng, c["applications"] / camp["days"] * share
                           * ramp * 3.0)
            rows.append((p, p + "-1", day, remote, plan["currency"], spend,
                         impr, clicks, int(impr * 0.7), clicks,
                         apps if p == "meta" else None,
                         "NE-%s / %s / %s" % (remote, c["persona"],
                                              c["channel"])))
            utm = (key,) if not a.no_ids else \
                ("%s.%s" % (c["persona"], c["channel"]),)
            for k in range(apps):
                events.append(("%s-%s-%d" % (remote, day, k), "application",
                               day + "T12:00:00Z", p, slug) + utm)
                if rng.random() < 0.12:
                    events.append(("%s-%s-%d-h" % (remote, day, k), "hire",
                                   day + "T16:00:00Z", p, slug) + utm)
        if len(rows) >= 100_000:
            db.executemany(INSERT, rows)
            rows = []
    db.executemany(INSERT, rows)
    db.executemany("INSERT INTO ats_event (event_key, kind, at, utm_source,"
                   " utm_campaign, utm_content) VALUES (?, ?, ?, ?, ?, ?)",
                   events)
    db.commit()
    db.close()


INSERT = ("INSERT INTO metric_day (platform, account_id, day, ad_id,"
          " currency, spend, impressions, clicks, reach, link_clicks,"
          " applications, ad_name)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")

if __name__ == "__main__":
    main()
