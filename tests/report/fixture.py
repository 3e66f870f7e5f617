#!/usr/bin/env python3
"""Fill an empty jobmix store with the report's test fixture.

usage: fixture.py STORE

STORE must already exist with jobmix's schema (tests/unit/test_report.t
--make-store STORE makes one). The figures are small enough to check by
hand; docs/report.md and tests/unit/test_report.c work them out. A third
campaign carries hostile names for the escaping tests.
"""
import json
import sqlite3
import sys

NOW = "2027-01-14T00:00:00Z"

PLAN = {
    "jobmix_plan": 1,
    "campaign": {"name": "Grid electricians", "start": "2027-01-11",
                 "end": "2027-01-20", "days": 10},
    "currency": "SEK", "minor_digits": 2, "budget": 150000,
    "objective": "applications",
    "totals": {"spend": 150000, "applications": 14, "hires": 2,
               "value": 4850000, "screening_cost": 0},
    "marginal": {"objective": 0.5, "per": 100000},
    "cells": [
        {"persona": "installers", "channel": "meta_feed", "platform": "meta",
         "spend": 100000, "applications": 10},
        {"persona": "installers", "channel": "linkedin_sponsored",
         "platform": "linkedin", "spend": 50000, "applications": 4},
    ],
    "channels": [
        {"id": "meta_feed", "start": "2027-01-11", "end": "2027-01-20",
         "days": 10},
        {"id": "linkedin_sponsored", "start": "2027-01-11",
         "end": "2027-01-20", "days": 10},
    ],
}

HOSTILE = '<script>alert("x")</script>'
FORMULA = '=HYPERLINK("http://evil.example","click"),"x"\nnext'
RTL = "\u202egnp.exe"


def small_plan(currency, persona, channel):
    return {"jobmix_plan": 1, "currency": currency, "budget": 10000,
            "campaign": {"start": "2027-02-01", "days": 28},
            "totals": {"spend": 10000, "applications": 2},
            "cells": [{"persona": persona, "channel": channel,
                       "spend": 10000, "applications": 2}]}


def main(path):
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    q = db.execute
    q("INSERT INTO campaign VALUES (1, 'Grid electricians',"
      " 'Norrlands Elnät AB', 'SEK', '2027-01-11', '2027-01-20')")
    q("INSERT INTO campaign VALUES (2, 'Nurses', NULL, 'EUR',"
      " '2027-01-11', '2027-01-31')")
    q("INSERT INTO campaign VALUES (3, ?, ?, 'SEK', '2027-02-01',"
      " '2027-02-28')", (HOSTILE, FORMULA))
    q("INSERT INTO plan VALUES (1, 1, 'sha-1', 'applications', 150000, ?,"
      " ?)", (NOW, json.dumps(PLAN)))
    q("INSERT INTO plan VALUES (2, 2, 'sha-2', 'applications', 10000, ?,"
      " ?)", (NOW, json.dumps(small_plan("EUR", "nurses", "tiktok_feed"))))
    q("INSERT INTO plan VALUES (3, 3, 'sha-3', 'applications', 10000, ?,"
      " ?)", (NOW, json.dumps(small_plan("SEK", FORMULA, RTL))))
    cells = [(1, 1, "installers", "meta_feed", "meta", 100000, 10000),
             (2, 1, "installers", "linkedin_sponsored", "linkedin", 50000,
              5000),
             (3, 2, "nurses", "tiktok_feed", "tiktok", 10000, 500),
             (4, 3, FORMULA, RTL, "meta", 10000, 500)]
    q_many = db.executemany
    q_many("INSERT INTO cell VALUES (?, ?, ?, ?, ?, ?, ?)", cells)
    accounts = [("meta", "act_1", "SEK"), ("linkedin", "507", "SEK"),
                ("linkedin", "508", "EUR"), ("tiktok", "tt1", "EUR")]
    q_many("INSERT INTO account VALUES (?, ?, ?, 'Europe/Stockholm', NULL)",
           accounts)
    objects = [("meta", "act_1", "k-meta-1", "111", 1),
               ("linkedin", "507", "k-li-1", "222", 2),
               ("linkedin", "508", "k-li-eur", "444", 2),
               ("tiktok", "tt1", "k-tt-1", "333", 3),
               ("meta", "act_1", "@SUM(1+1)" + RTL, "555", 4)]
    q_many("INSERT INTO object (platform, account_id, kind, local_key,"
           " remote_id, cell_id, created_at, updated_at)"
           " VALUES (?, ?, 'ad', ?, ?, ?, ?, ?)",
           [o + (NOW, NOW) for o in objects])
    rows = [
        # platform, account, day, ad, currency, spend, impr, clicks,
        # reach, applications
        ("meta", "act_1", "2027-01-11", "111", "SEK", 10000, 1000, 10, 800,
         None),
        ("meta", "act_1", "2027-01-12", "111", "SEK", 12000, 1500, 20, 1200,
         2),
        ("meta", "act_1", "2027-01-13", "111", "SEK", 8000, 500, 5, 400, 1),
        ("linkedin", "507", "2027-01-11", "222", "SEK", 5000, 200, 4, None,
         None),
        ("linkedin", "507", "2027-01-12", "222", "SEK", 7001, 300, 6, None,
         None),
        ("linkedin", "508", "2027-01-12", "444", "EUR", 999, 50, 2, None,
         None),
        ("meta", "act_1", "2027-01-12", "999", "SEK", 333, 100, 1, None,
         None),
        ("tiktok", "tt1", "2027-01-12", "333", "EUR", 2500, 1000, 7, None,
         None),
        ("meta", "act_1", "2027-02-02", "555", "SEK", 100, 10, 1, None,
         None),
    ]
    q_many("INSERT INTO metric_day (platform, account_id, day, ad_id,"
           " currency, spend, impressions, clicks, reach, applications)"
           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    events = [
        ("e1", "application", "2027-01-11T09:00:00Z", "k-meta-1", None),
        ("e2", "application", "2027-01-12T10:00:00Z", "k-meta-1", None),
        ("e3", "application", "2027-01-12T11:00:00Z", "111", None),
        ("e4", "application", "2027-01-13T12:00:00Z", "k-meta-1", None),
        ("e5", "application", "2027-01-12T13:00:00Z", "k-li-1", None),
        ("e6", "hire", "2027-01-13T14:00:00Z", "k-meta-1", None),
        ("e7", "application", "2027-01-13T15:00:00Z", None,
         "Grid electricians"),
        ("e8", "application", "2027-01-13T16:00:00Z", None, None),
        ("e9", "application", "2027-02-02T16:00:00Z", "@SUM(1+1)" + RTL,
         None),
    ]
    q_many("INSERT INTO ats_event (event_key, kind, at, utm_content,"
           " utm_campaign) VALUES (?, ?, ?, ?, ?)", events)
    db.commit()
    db.close()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
