#!/usr/bin/env python3
"""Check a report's totals against the store's own sums.

usage: totals.py csv|json STORE REPORT

Sums spend, impressions and clicks of metric_day per currency with
Python's sqlite3 and checks that the report's totals add up to them to
the minor unit, and that each table's lines add up to its group's
total. Prints nothing and exits 0 when all agree; else says what
differs on stderr and exits 1.
"""
import csv
import json
import sqlite3
import sys
from decimal import Decimal


def store_sums(path):
    db = sqlite3.connect(path)
    out = {}
    for cur, spend, impr, clicks, rows in db.execute(
            "SELECT currency, sum(spend), sum(impressions), sum(clicks),"
            " count(*) FROM metric_day GROUP BY currency"):
        out[cur] = [spend, impr, clicks, rows]
    return out


def check(got, want, what):
    if got != want:
        sys.exit("%s: report %s, store %s" % (what, got, want))


def from_csv(path, digits=2):
    totals, lines = {}, {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            spend = int(Decimal(r["spend"]) * 10 ** digits)
            v = [spend, int(r["impressions"]), int(r["clicks"]),
                 int(r["rows"])]
            key = (r["campaign_id"], r["currency"])
            if r["by"] == "total":
                totals[key] = v
            else:
                s = lines.setdefault(key, [0, 0, 0, 0])
                for i in range(4):
                    s[i] += v[i]
    return totals, lines


def from_json(path):
    doc = json.load(open(path, encoding="utf-8"))
    totals, lines = {}, {}
    for g in doc["campaigns"]:
        key = (g["campaign_id"], g["currency"])
        t = g["totals"]
        totals[key] = [t["spend"], t["impressions"], t["clicks"], t["rows"]]
        for table in ("by_platform", "by_channel", "by_persona", "by_day",
                      "by_ad"):
            s = [0, 0, 0, 0]
            for line in g.get(table, []):
                s = [s[0] + line["spend"], s[1] + line["impressions"],
                     s[2] + line["clicks"], s[3] + line["rows"]]
            if table in g:
                check(s, totals[key], "%s of %s" % (table, key))
    return totals, {}


def main():
    kind, store, report = sys.argv[1:4]
    totals, lines = (from_csv if kind == "csv" else from_json)(report)
    for key, s in lines.items():
        check(s, totals[key], "lines of %s" % (key,))
    per_cur = {}
    for (_, cur), v in totals.items():
        p = per_cur.setdefault(cur, [0, 0, 0, 0])
        for i in range(4):
            p[i] += v[i]
    want = store_sums(store)
    for cur in want:
        check(per_cur.get(cur), want[cur], "currency " + cur)


if __name__ == "__main__":
    main()
