#!/usr/bin/env python3
"""tests/sync/run.py - jobmix sync against the fakes in tests/fake (TAP).

Each case writes the rows a platform holds (tests/fake/fakebase.py
ReportData), starts the fakes with the failure mode under test, runs
./jobmix sync with the clock pinned (JOBMIX_NOW), and compares every
row of the store with the rows the fake served: spend to the minor
unit, every count. Python standard library only; 127.0.0.1 only.
"""

import concurrent.futures
import decimal
import fcntl
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

TOP = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
JOBMIX = os.environ.get("JOBMIX", os.path.join(TOP, "jobmix"))
FAKES = os.path.join(TOP, "tests", "fake")
TOKEN = "tok-s3cr3t-4711"
NOW = "2026-11-30"  # so yesterday is 2026-11-29 in every zone

ACCOUNTS = {  # platform: (account id, currency digits)
    "meta": ("1", 2), "linkedin": ("507404993", 2),
    "tiktok": ("7000000001", 2)}
FAKE_ACCOUNT_ARG = {"meta": ["--account", "act_1:SEK:Europe/Stockholm"],
                    "linkedin": ["--account", "507404993:NOK"],
                    "tiktok": ["--advertiser",
                               "7000000001:EUR:Europe/Helsinki"]}

n_tests = 0
n_failed = 0


def ok(cond, name, detail=""):
    global n_tests, n_failed
    n_tests += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n_tests, name))
    if not cond:
        n_failed += 1
        for line in str(detail).splitlines()[:30]:
            print("#   " + line)
    sys.stdout.flush()
    return cond


def day(n):
    """2026-11-29 minus n days"""
    import datetime
    return (datetime.date(2026, 11, 29) -
            datetime.timedelta(days=n)).isoformat()


def make_rows(account, ads, days, salt=0):
    """ads x days rows ending yesterday; some ads skip some days"""
    rows = []
    spends = ["5339.5", "0.1", "12.34", "100", "0.00", "7.05", "999.99",
              "3.10", "4.35", "0.29", "1.15"]
    for d in range(days):
        for a in range(ads):
            if (a + d) % 5 == 4:
                continue  # no delivery: no row
            k = a * 31 + d * 7 + salt
            rows.append({"account": account, "ad": str(2000 + a),
                         "campaign": str(300 + a % 3), "day": day(d),
                         "spend": spends[k % len(spends)],
                         "impressions": 1000 + k, "clicks": k % 17,
                         "reach": 800 + k % 100, "link_clicks": k % 13,
                         "leads": k % 3, "applications": k % 4})
    return rows


def minor(text, digits):
    v = decimal.Decimal(text) * (10 ** digits)
    assert v == int(v)
    return int(v)


def expected(platform, rows, since, until):
    """the store rows {(day, ad_id): figures} a sync should leave"""
    acct, digits = ACCOUNTS[platform]
    out = {}
    for r in rows:
        if r["account"] != acct or not since <= r["day"] <= until:
            continue
        spend = minor(r["spend"], digits)
        if platform == "meta":
            key = r["ad"]
            fig = (spend, r["impressions"], r["clicks"], r["reach"],
                   r["link_clicks"], r["applications"], r["leads"])
        elif platform == "linkedin":
            key = "urn:li:sponsoredCreative:" + r["ad"]
            fig = (spend, r["impressions"], r["clicks"], None,
                   r["link_clicks"], r["applications"], r["leads"])
        else:
            key = r["ad"]
            fig = (spend, r["impressions"], r["clicks"], r["reach"], None,
                   r["applications"], None)
        out[(r["day"], key)] = fig
    return out


class Env:
    """a scratch folder with the fakes, a config and a store"""

    def __init__(self, name):
        self.dir = tempfile.mkdtemp(prefix="jobmix-sync-")
        self.name = name
        self.fakes = {}
        self.store = os.path.join(self.dir, "jobmix.db")
        self.sync_keys = {"timeout": 3, "max_wait": 20, "throttle_wait": 1}
        self.extra = {p: [] for p in ACCOUNTS}

    def start(self, platform, rows, *args):
        self.stop(platform)
        data = os.path.join(self.dir, platform + ".json")
        with open(data, "w") as f:
            json.dump({"rows": rows}, f)
        port = os.path.join(self.dir, platform + ".port")
        if os.path.exists(port):
            os.unlink(port)
        log = os.path.join(self.dir, platform + ".log")
        if os.path.exists(log):
            os.unlink(log)
        env = dict(os.environ, FAKE_TOKEN=TOKEN)
        p = subprocess.Popen(
            [sys.executable, os.path.join(FAKES, platform + "_fake.py"),
             "--port-file", port, "--log", log, "--data", data,
             "--idle-timeout", "30"] + FAKE_ACCOUNT_ARG[platform] +
            list(args), env=env)
        for _ in range(200):
            if os.path.exists(port):
                break
            time.sleep(0.02)
        with open(port) as f:
            self.fakes[platform] = (p, int(f.read()), log)

    def stop(self, platform=None):
        for p in [platform] if platform else list(self.fakes):
            if p in self.fakes:
                self.fakes[p][0].kill()
                self.fakes[p][0].wait()
                del self.fakes[p]

    def log(self, platform):
        with open(self.fakes[platform][2]) as f:
            return [json.loads(line) for line in f]

    def config(self, token_env="JOBMIX_TEST_TOKEN"):
        path = os.path.join(self.dir, "jobmix.ini")
        with open(path, "w") as f:
            f.write("[store]\npath = %s\n[sync]\n" % self.store)
            for k, v in self.sync_keys.items():
                f.write("%s = %s\n" % (k, v))
            for p, (acct, _) in ACCOUNTS.items():
                if p not in self.fakes:
                    continue
                base = "http://127.0.0.1:%d" % self.fakes[p][1]
                base += {"meta": "", "linkedin": "/rest",
                         "tiktok": "/open_api"}[p]
                f.write("[%s]\nbase_url = %s\naccount_id = %s\n"
                        "token_env = %s\n" % (p, base, acct, token_env))
                for line in self.extra[p]:
                    f.write(line + "\n")
        return path

    def sync(self, *args, token=TOKEN, now=NOW, wait=True):
        env = dict(os.environ, JOBMIX_TEST_TOKEN=token, JOBMIX_NOW=now)
        env.pop("JOBMIX_CONFIG", None)
        cmd = [JOBMIX, "-c", self.config(), "sync"] + list(args)
        if not wait:
            return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
        p = subprocess.run(cmd, env=env, capture_output=True, text=True,
                           timeout=120)
        return p.returncode, p.stdout, p.stderr

    def rows(self, platform):
        if not os.path.exists(self.store):
            return {}
        db = sqlite3.connect(self.store)
        out = {}
        for r in db.execute(
                "SELECT day, ad_id, spend, impressions, clicks, reach,"
                " link_clicks, applications, leads FROM metric_day"
                " WHERE platform = ?", (platform,)):
            out[(r[0], r[1])] = tuple(r[2:])
        db.close()
        return out

    def state(self, platform):
        db = sqlite3.connect(self.store)
        r = db.execute("SELECT through_day FROM sync_state WHERE"
                       " platform = ?", (platform,)).fetchone()
        db.close()
        return r[0] if r else None

    def dump(self):
        db = sqlite3.connect(self.store)
        out = (list(db.execute("SELECT * FROM metric_day ORDER BY 1,2,3,4")),
               list(db.execute("SELECT platform, account_id, stream,"
                               " through_day FROM sync_state ORDER BY 1")))
        db.close()
        return out

    def close(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def diff(want, got):
    lines = []
    for k in sorted(set(want) | set(got)):
        if want.get(k) != got.get(k):
            lines.append("%s: want %s, got %s" % (k, want.get(k), got.get(k)))
    return "\n".join(lines[:20]) or "(equal)"


def check_exact(env, platform, rows, since, until, name):
    want = expected(platform, rows, since, until)
    got = env.rows(platform)
    return ok(want == got and len(want) > 0,
              "%s: %s store equals the fake to the minor unit (%d rows)" %
              (name, platform, len(want)), diff(want, got))


# ---- the cases ----

def case_all_platforms():
    env = Env("all")
    data = {p: make_rows(ACCOUNTS[p][0], 12, 40) for p in ACCOUNTS}
    for p in ACCOUNTS:
        env.start(p, data[p])
    rc, out, err = env.sync()
    ok(rc == 0, "a first sync of all three platforms exits 0", err)
    for p, lookback in (("meta", 28), ("linkedin", 7), ("tiktok", 3)):
        check_exact(env, p, data[p], day(lookback - 1), day(0), "first run")
        ok(env.state(p) == day(0), "%s state is yesterday" % p,
           env.state(p))
    ok("meta 1: 2026-11-02 to 2026-11-29" in out and
       "(Europe/Stockholm)" in out, "the summary line names the days",
       out)
    db = sqlite3.connect(env.store)  # an ad push made, in the id map
    db.execute("INSERT INTO object (platform, account_id, kind, local_key,"
               " remote_id, created_at, updated_at) VALUES ('meta', '1',"
               " 'ad', 'plan1/nurses/meta/job7', '2003', 'x', 'x')")
    db.commit()
    joined = db.execute(
        "SELECT o.local_key, sum(m.spend) FROM metric_day m JOIN object o"
        " ON o.platform = m.platform AND o.account_id = m.account_id"
        " AND o.remote_id = m.ad_id AND o.kind IN ('ad', 'creative')"
        " GROUP BY o.local_key").fetchall()
    db.close()
    want = sum(v[0] for k, v in expected("meta", data["meta"], day(27),
                                         day(0)).items() if k[1] == "2003")
    ok(joined == [("plan1/nurses/meta/job7", want)],
       "the rows of an ad in the id map join to its local key", joined)
    before = env.dump()
    rc, out, err = env.sync()
    ok(rc == 0 and env.dump() == before,
       "a second identical sync changes nothing", err)
    # the rows restated on the platform, an ad dropped from a day
    for p in ACCOUNTS:
        new = [dict(r) for r in data[p]]
        for r in new:
            if r["day"] == day(1) and r["ad"] == "2000":
                r["spend"] = "1.01"
                r["clicks"] += 5
        new = [r for r in new if not (r["day"] == day(2) and
                                      r["ad"] == "2001")]
        data[p] = new
        env.start(p, new)
    rc, out, err = env.sync()
    ok(rc == 0, "a sync after restatements exits 0", err)
    for p, lookback in (("meta", 28), ("linkedin", 7), ("tiktok", 3)):
        check_exact(env, p, data[p], day(lookback - 1), day(0),
                    "restated day and dropped ad")
        ok(not any(k[0] == day(2) and k[1].endswith("2001")
                   for k in env.rows(p)),
           "%s: the ad that dropped out of %s is gone" % (p, day(2)))
    env.close()


def case_backfill_paging():
    env = Env("paging")
    rows = make_rows("1", 40, 75)  # about 2400 rows: pages of 500
    env.start("meta", rows)
    rc, out, err = env.sync("--platform", "meta", "--since", day(74))
    ok(rc == 0, "a 75-day backfill exits 0", err)
    check_exact(env, "meta", rows, day(74), day(0), "paged backfill")
    log = env.log("meta")
    posts = [r["body"] for r in log if r["method"] == "POST"]
    ok(len(posts) == 3 and len(set(posts)) == 3 and
       all("time_increment=1" in b and "level=ad" in b for b in posts),
       "75 days are three async report runs of at most 30 days", posts)
    polls = [r for r in log if r["method"] == "GET" and
             r["path"].count("/") == 2 and r["path"] != "/v25.0/act_1"]
    ok(len(polls) == 6, "each run is polled until Job Completed",
       [r["path"] for r in polls])
    ok(any("after" in r["query"] for r in log
           if r["path"].endswith("/insights")),
       "pages are followed with paging.cursors.after")
    env.close()
    env = Env("paging-sync")
    env.start("meta", rows)
    rc, out, err = env.sync("--platform", "meta", "--since", day(30))
    log = env.log("meta")
    ok(rc == 0 and not any(r["method"] == "POST" for r in log) and
       len(set(r["query"].get("time_range") for r in log
               if r["path"].endswith("/insights"))) == 2,
       "31 days are two windows of synchronous insights calls",
       [r["path"] for r in log])
    check_exact(env, "meta", rows, day(30), day(0), "31 days")
    env.close()


def case_failures():
    modes = [("throttled twice", ["--throttle", "2", "--regain", "1"]),
             ("two 5xx", ["--fail", "2"]),
             ("a reply that hangs past the timeout",
              ["--hang-at", "3", "--hang-seconds", "6"]),
             ("a body cut short", ["--cut-at", "3"])]
    jobs = [(name, args, p) for name, args in modes for p in ACCOUNTS]

    def run(job):  # the syncs run side by side; the checks in order
        name, args, p = job
        env = Env(name)
        rows = make_rows(ACCOUNTS[p][0], 30, 30)
        env.start(p, rows, *args)
        return env, rows, env.sync("--since", day(29))

    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(run, jobs))
    for (name, args, p), (env, rows, (rc, out, err)) in zip(jobs, results):
        ok(rc == 0, "%s, %s: the sync recovers and exits 0" % (p, name),
           err)
        check_exact(env, p, rows, day(29), day(0), name)
        if "throttle" in name:
            m = re.search(r", ([0-9.]+) s waited", out)
            ok(m and float(m.group(1)) >= 1.0,
               "%s: the sync waited as the throttle asked" % p, out)
        env.close()


def case_report_run_fails():
    env = Env("runfail")
    rows = make_rows("1", 4, 40)
    env.start("meta", rows, "--run-fail")
    rc, out, err = env.sync("--platform", "meta", "--since", day(39))
    ok(rc == 69 and "Job Failed" in err,
       "a Meta report run that ends Job Failed exits 69", "%d %s" % (rc, err))
    ok(env.rows("meta") == {} and env.state("meta") is None,
       "and nothing of its window is stored")
    env.start("meta", rows, "--run-polls", "50")
    env.sync_keys["max_wait"] = 2
    rc, out, err = env.sync("--platform", "meta", "--since", day(39))
    ok(rc == 75 and "did not finish within max_wait" in err,
       "a report run still running after max_wait exits 75",
       "%d %s" % (rc, err))
    env.close()


def case_usage_on_success():
    env = Env("usage")
    rows = make_rows("1", 60, 28)  # 1344 rows: 3 pages of 500
    env.start("meta", rows, "--usage-regain", "1")
    t0 = time.time()
    rc, out, err = env.sync("--platform", "meta")
    took = time.time() - t0
    m = re.search(r", ([0-9.]+) s waited", out)
    ok(rc == 0 and took >= 1.8 and m and float(m.group(1)) >= 1.8,
       "Meta's usage headers on successful replies are honoured: a pause"
       " of a second before each next call", "%.1f s %s %s" % (took, out,
                                                             err))
    check_exact(env, "meta", rows, day(27), day(0), "usage headers")
    env.close()


def case_run_wait_bounded():
    env = Env("runwait")
    env.start("linkedin", make_rows("507404993", 3, 5), "--throttle", "3")
    env.sync_keys["max_run_wait"] = 1
    rc, out, err = env.sync()
    ok(rc == 75 and "more than max_run_wait" in err,
       "throttle waits past [sync] max_run_wait end the run with 75",
       "%d %s" % (rc, err))
    env.close()


def case_linkedin_cap():
    env = Env("licap")
    rows = make_rows("507404993", 700, 30)  # 16 800 rows, cap 15 000
    env.start("linkedin", rows)
    rc, out, err = env.sync("--since", day(29))
    ranges = [r["query"]["dateRange"] for r in env.log("linkedin")
              if r["path"] == "/rest/adAnalytics"]
    ok(rc == 0 and len(ranges) == 3,
       "a LinkedIn reply at its 15 000-element cap is asked again in two"
       " halves", ranges)
    check_exact(env, "linkedin", rows, day(29), day(0), "past the cap")
    env.close()


def case_fake_dies():
    env = Env("dies")
    rows = make_rows("1", 40, 75)
    env.start("meta", rows, "--die-after", "4")
    env.sync_keys["max_wait"] = 3  # the retries of a refused connection
    rc, out, err = env.sync("--platform", "meta", "--since", day(74))
    ok(rc == 75, "the platform gone mid-sync: exit 75 (try again later)",
       "%d %s" % (rc, err))
    ok("try again later" in err, "the message says to try again", err)
    env.start("meta", rows)
    rc, out, err = env.sync("--platform", "meta", "--since", day(74))
    ok(rc == 0, "the next run exits 0", err)
    check_exact(env, "meta", rows, day(74), day(0), "after the fake died")
    env.close()


def kill9(name, since, hang_at, logged, first_end):
    """kill -9 while request hang_at hangs, once logged requests are in"""
    env = Env("kill9")
    rows = make_rows("1", 40, 75)
    env.start("meta", rows, "--hang-at", str(hang_at), "--hang-seconds", "20")
    env.sync_keys["timeout"] = 30
    p = env.sync("--platform", "meta", "--since", day(since), wait=False)
    deadline = time.time() + 20
    while time.time() < deadline and len(env.log("meta")) < logged:
        time.sleep(0.05)
    time.sleep(0.3)
    p.send_signal(signal.SIGKILL)
    p.wait()
    got = env.rows("meta")
    first = expected("meta", rows, day(since), day(first_end))
    ok(got == first and env.state("meta") == day(first_end),
       "%s: kill -9 in the second window: the first window and its state"
       " are committed, nothing of the second" % name, diff(first, got))
    env.start("meta", rows)
    env.sync_keys["timeout"] = 3
    rc, out, err = env.sync("--platform", "meta", "--since", day(since))
    ok(rc == 0, "%s: the run after kill -9 exits 0" % name, err)
    check_exact(env, "meta", rows, day(since), day(0),
                "%s, after kill -9" % name)
    env.close()


def case_kill9():
    # 31 days: request 1 reads the account; window 1 (30 days, 960 rows)
    # is two pages of 500 (requests 2, 3); window 2 (a day) is request 4
    kill9("insights", 30, 4, 3, 1)
    # 75 days, async report runs: window 1 is a POST, two polls and two
    # pages (requests 2-6); window 2's POST, polls, first page are 7-10
    kill9("async report runs", 74, 11, 10, 45)


def case_lock():
    env = Env("lock")
    env.start("tiktok", make_rows("7000000001", 3, 5))
    env.config()
    with open(env.store + ".lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        rc, out, err = env.sync()
    ok(rc == 75 and "another jobmix sync is running" in err,
       "an overlapping run exits 75 and says why", "%d %s" % (rc, err))
    ok(not os.path.exists(env.store), "the overlapping run wrote nothing")
    env.close()


def case_expired_token():
    for p in ACCOUNTS:
        env = Env("token")
        env.start(p, make_rows(ACCOUNTS[p][0], 3, 5))
        rc, out, err = env.sync(token="expired-token-123")
        ok(rc == 78, "%s: a refused token exits 78" % p, "%d %s" % (rc, err))
        ok("renew the %s access token" % p in err and
           "JOBMIX_TEST_TOKEN" in err,
           "%s: the message says which token to renew and where" % p, err)
        ok("expired-token-123" not in err + out,
           "%s: the token is not printed" % p)
        env.close()


def case_dry_run():
    env = Env("dry")
    for p in ACCOUNTS:
        env.start(p, make_rows(ACCOUNTS[p][0], 3, 5))
    rc, out, err = env.sync("--dry-run")
    ok(rc == 0, "a dry run exits 0", err)
    ok(not os.path.exists(env.store), "a dry run creates no store")
    ok(all(len(env.log(p)) == 0 for p in ACCOUNTS),
       "a dry run sends nothing")
    ok("/insights" in out and "adAnalytics" in out and
       "report/integrated/get" in out, "a dry run prints the requests", out)
    ok(TOKEN not in out + err, "a dry run prints no token")
    env.close()


def case_bad_data():
    env = Env("bad")
    rows = make_rows("1", 3, 5)
    env.start("meta", rows)
    rc, out, err = env.sync("--platform", "meta")
    bad = [dict(r) for r in rows]
    bad[0]["spend"] = "12.345"  # SEK has two decimals
    env.start("meta", bad)
    rc, out, err = env.sync("--platform", "meta")
    ok(rc == 65 and "spend" in err and "12.345" in err,
       "a spend with three decimals in SEK is bad data (65)",
       "%d %s" % (rc, err))
    check_exact(env, "meta", rows, day(27), day(0),
                "the window with bad data is rolled back:")
    env.close()


def case_zero_digit_currency():
    env = Env("jpy")
    rows = make_rows("7000000002", 4, 3)
    for r in rows:
        r["spend"] = r["spend"].split(".")[0] + ".000" \
            if r["ad"] == "2000" else r["spend"].split(".")[0]
    env.start("tiktok", rows, "--advertiser", "7000000002:JPY:Asia/Tokyo")
    ACCOUNTS["tiktok"] = ("7000000002", 0)
    try:
        rc, out, err = env.sync()
        ok(rc == 0, "a JPY advertiser syncs", err)
        check_exact(env, "tiktok", rows, day(2), day(0),
                    "JPY, no minor digits ('100.000' is 100 yen)")
        rows[1]["spend"] = "10.5"
        env.start("tiktok", rows, "--advertiser",
                  "7000000002:JPY:Asia/Tokyo")
        rc, out, err = env.sync()
        ok(rc == 65 and "JPY" in err, "10.5 yen is bad data (65)", err)
    finally:
        ACCOUNTS["tiktok"] = ("7000000001", 2)
    env.close()


def case_time_zones():
    env = Env("tz")
    for p in ACCOUNTS:
        env.start(p, make_rows(ACCOUNTS[p][0], 2, 3))
    # 2026-11-29 23:30 UTC: already 2026-11-30 in Stockholm and Helsinki
    rc, out, err = env.sync(now="1795995000")
    ok(rc == 0, "a sync with JOBMIX_NOW as a Unix time exits 0", err)
    ok(env.state("meta") == "2026-11-29" and
       env.state("tiktok") == "2026-11-29" and
       env.state("linkedin") == "2026-11-28",
       "yesterday is the account's: 2026-11-29 in Stockholm and Helsinki,"
       " 2026-11-28 in UTC (LinkedIn)",
       [env.state(p) for p in ACCOUNTS])
    env.close()


def case_account_and_quiet():
    env = Env("account")
    rows = make_rows("7000000002", 3, 3) + make_rows("7000000001", 2, 3)
    env.start("tiktok", rows, "--advertiser", "7000000002:EUR:Europe/Paris")
    rc, out, err = env.sync("-q", "--platform", "tiktok", "--account",
                            "7000000002")
    db = sqlite3.connect(env.store)
    accts = {r[0] for r in db.execute("SELECT account_id FROM metric_day")}
    db.close()
    ok(rc == 0 and accts == {"7000000002"},
       "--account syncs that account instead of the config's", accts)
    ok(out == "", "-q prints nothing on success", out)
    env.close()


def case_several_accounts():
    env = Env("accounts")
    rows = make_rows("1", 3, 4) + make_rows("2", 4, 4) + make_rows("3", 2, 4)
    env.start("meta", rows, "--account", "act_2:NOK:Europe/Oslo",
              "--account", "act_3:EUR:Europe/Helsinki")
    env.extra["meta"] = ["accounts = act_2, 3, 1"]
    rc, out, err = env.sync("--platform", "meta")
    db = sqlite3.connect(env.store)
    got = dict(db.execute("SELECT account_id || ' ' || currency, count(*)"
                          " FROM metric_day GROUP BY 1"))
    db.close()
    want = {"1 SEK": sum(r["account"] == "1" for r in rows),
            "2 NOK": sum(r["account"] == "2" for r in rows),
            "3 EUR": sum(r["account"] == "3" for r in rows)}
    ok(rc == 0 and got == want and out.count("\nmeta ") == 2,
       "account_id and accounts: every account synced once, each in its"
       " own currency", "%s %s %s" % (got, out, err))
    env.close()


def case_retention():
    env = Env("retention")
    env.start("meta", make_rows("1", 2, 3), "--run-polls", "0")
    rc, out, err = env.sync("--platform", "meta", "--since", "2020-01-01")
    first = min(json.loads(urllib.parse.parse_qs(r["body"])["time_range"][0])
                ["since"] for r in env.log("meta") if r["method"] == "POST")
    ok(rc == 0 and "meta keeps 1123 days of reports: starting at"
       " 2023-11-03" in err and first == "2023-11-03",
       "Meta's 37 months: a --since before them starts at the first day"
       " Meta keeps", "%d %s %s" % (rc, first, err))
    env.close()


def case_progress_on_a_tty():
    if not shutil.which("script"):
        ok(True, "# SKIP no script(1) for a terminal")
        return
    env = Env("tty")
    env.start("meta", make_rows("1", 60, 28))  # 3 pages
    cmd = "%s -c %s sync" % (JOBMIX, env.config())
    p = subprocess.run(["script", "-qec", cmd, "/dev/null"],
                       capture_output=True, timeout=60,
                       env=dict(os.environ, JOBMIX_TEST_TOKEN=TOKEN,
                                JOBMIX_NOW=NOW))
    out = p.stdout.decode()  # bytes: keep the carriage returns
    ok(p.returncode == 0 and "\rmeta 1: 1000 rows, 2 pages, 0.0 s waited"
       in out and "1 344 rows in 3 pages" in out,
       "on a terminal a progress line counts rows, pages and waits",
       repr(out[:400]))
    env.close()


def case_version_refused():
    env = Env("version")
    env.start("linkedin", make_rows("507404993", 2, 3))
    env.extra["linkedin"] = ["api_version = 202501"]
    rc, out, err = env.sync()
    ok(rc == 78 and "api_version" in err,
       "a LinkedIn-Version the platform no longer serves exits 78 and"
       " names api_version", "%d %s" % (rc, err))
    env.close()


def case_lookback_config():
    env = Env("lookback")
    rows = make_rows("7000000001", 2, 20)
    env.start("tiktok", rows)
    env.extra["tiktok"] = ["lookback_days = 10"]
    rc, out, err = env.sync()
    q = env.log("tiktok")[-1]["query"]
    ok(rc == 0 and q["start_date"] == day(9) and q["end_date"] == day(0),
       "[tiktok] lookback_days = 10 pulls the last 10 days", q)
    rc, out, err = env.sync("--lookback", "0")
    ok(rc == 0 and "up to date through 2026-11-29" in out,
       "--lookback 0 after a full sync has nothing to pull", out + err)
    rc, out, err = env.sync("--full-refresh", "--lookback", "1")
    q = env.log("tiktok")[-1]["query"]
    ok(rc == 0 and q["start_date"] == day(9),
       "--full-refresh pulls again from the first stored day", q)
    env.close()


def main():
    if not os.access(JOBMIX, os.X_OK):
        print("1..0 # SKIP no ./jobmix")
        return 0
    for case in (case_all_platforms, case_backfill_paging, case_failures,
                 case_usage_on_success, case_report_run_fails,
                 case_fake_dies, case_kill9, case_lock, case_expired_token,
                 case_dry_run, case_bad_data, case_zero_digit_currency,
                 case_time_zones, case_lookback_config,
                 case_account_and_quiet, case_version_refused,
                 case_several_accounts, case_retention,
                 case_run_wait_bounded, case_linkedin_cap,
                 case_progress_on_a_tty):
        case()
    print("1..%d" % n_tests)
    return 1 if n_failed else 0


if __name__ == "__main__":
    sys.exit(main())
