"""fakebase - what the platform fakes in tests/fake share.

A fake is a loopback HTTP server on a port of its own choosing (written
to --port-file once it listens), that logs every request it receives as
one JSON object per line (--log), can be told to misbehave (throttle the
platform's own way, fail with 5xx, hang, die after N requests) and exits
by itself: after --idle-timeout seconds without a request, or after
--lifetime seconds in all. Python standard library only; tests only.
"""

import argparse
import bisect
import json
import os
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MAX_BODY = 8 << 20


class Request:
    """One request as the fake saw it."""

    def __init__(self, handler, body):
        parts = urlsplit(handler.path)
        self.method = handler.command
        self.path = parts.path
        self.query = {k: v[-1] for k, v in
                      parse_qs(parts.query, keep_blank_values=True).items()}
        self.headers = {k.lower(): v for k, v in handler.headers.items()}
        self.body = body
        self.form = {}
        self.json = None
        ctype = self.headers.get("content-type", "")
        if ctype.startswith("application/x-www-form-urlencoded"):
            self.form = {k: v[-1] for k, v in
                         parse_qs(body, keep_blank_values=True).items()}
        elif ctype.startswith("application/json") and body:
            try:
                self.json = json.loads(body)
            except ValueError:
                self.json = ValueError

    def record(self, n, status):
        return {"n": n, "method": self.method, "path": self.path,
                "query": self.query, "headers": self.headers,
                "body": self.body, "status": status}


def common_args(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--port-file", required=True,
                   help="write the port here once listening")
    p.add_argument("--log", required=True,
                   help="append each request as a JSON line")
    p.add_argument("--idle-timeout", type=float, default=20,
                   help="exit after this many seconds without a request")
    p.add_argument("--lifetime", type=float, default=300,
                   help="exit after this many seconds in all")
    p.add_argument("--throttle", type=int, default=0,
                   help="throttle the first N requests, the platform's way")
    p.add_argument("--regain", type=float, default=0,
                   help="throttle: the wait the platform announces, seconds")
    p.add_argument("--fail", type=int, default=0,
                   help="answer the first N requests (after any throttled"
                        " ones) with a 5xx")
    p.add_argument("--hang-at", type=int, default=0,
                   help="request number K hangs --hang-seconds first")
    p.add_argument("--hang-seconds", type=float, default=30)
    p.add_argument("--die-after", type=int, default=0,
                   help="after N requests, drop the connection and exit")
    p.add_argument("--token-env", default="FAKE_TOKEN",
                   help="the environment variable holding the valid token")
    p.add_argument("--cut-at", type=int, default=0,
                   help="request number K gets half its body, then the"
                        " connection closes")
    p.add_argument("--data", help="report rows: a JSON file (ReportData)")
    p.add_argument("--memo", action="store_true",
                   help="keep each GET reply and serve it again as it was"
                        " (the benchmark's warm runs)")
    p.add_argument("--synthetic",
                   help="report rows made up: ACCOUNT:ADS:DAYS:FIRST_DAY")
    return p


class ReportData:
    """The rows the report endpoints serve, sorted by (day, ad).

    --data FILE: {"rows": [{"account", "ad", "campaign", "day",
    "spend" (decimal text), "impressions", "clicks", "reach",
    "link_clicks", "leads", "applications"}]}; an ad without delivery on
    a day simply has no row, as on the platforms. --synthetic
    ACCOUNT:ADS:DAYS:FIRST_DAY makes ADS rows a day for DAYS days from
    FIRST_DAY without holding them (the benchmark); synthetic_row()
    says what each holds, so a test can sum them.
    """

    def __init__(self, path=None, synthetic=None):
        self.rows, self.synth = [], None
        if path:
            with open(path, encoding="utf-8") as f:
                self.rows = sorted(json.load(f)["rows"],
                                   key=lambda r: (r["account"], r["day"],
                                                  r["ad"]))
            self.keys = [(r["account"], r["day"]) for r in self.rows]
        if synthetic:
            acct, ads, days, first = synthetic.split(":")
            self.synth = (acct, int(ads), int(days), date_number(first))

    def window(self, account, since, until, offset, limit):
        """(rows offset..offset+limit of the window, rows in it)"""
        if self.synth:
            acct, ads, days, first = self.synth
            if account != acct:
                return [], 0
            lo = max(date_number(since) - first, 0)
            hi = min(date_number(until) - first + 1, days)
            total = max(hi - lo, 0) * ads
            end = min(offset + limit, total)
            return [synthetic_row(acct, ads, first, lo * ads + k)
                    for k in range(offset, end)], total
        lo = bisect.bisect_left(self.keys, (account, since))
        hi = bisect.bisect_right(self.keys, (account, until))
        total = hi - lo
        return self.rows[lo + offset:min(lo + offset + limit, hi)], total


def date_number(s):
    import datetime
    return datetime.date.fromisoformat(s).toordinal()


def synthetic_row(account, ads, first, k):
    import datetime
    day, ad = divmod(k, ads)
    return {"account": account, "ad": str(1000000 + ad),
            "campaign": str(500 + ad % 7),
            "day": datetime.date.fromordinal(first + day).isoformat(),
            "spend": "%d.%02d" % ((ad * 7 + day * 3) % 90, (ad + day) % 100),
            "impressions": 100 + (ad + day) % 900, "clicks": (ad + day) % 37,
            "reach": 90 + (ad + day) % 800, "link_clicks": (ad + day) % 29,
            "leads": (ad * day) % 3, "applications": (ad + 2 * day) % 4}


class Fake:
    """Subclasses define name, handle(req) and the misbehaviour replies."""

    name = "fake"

    def __init__(self, args):
        self.args = args
        self.token = os.environ.get(args.token_env, "")
        self.count = 0
        self.lock = threading.Lock()
        self.last = time.monotonic()
        self.log = open(args.log, "a", encoding="utf-8")
        self.memo = {}
        self.data = ReportData(getattr(args, "data", None),
                               getattr(args, "synthetic", None))

    # a reply is (status, headers dict, body object or text)
    def handle(self, req):
        raise NotImplementedError

    def throttle_reply(self, req):
        return 429, {}, {"message": "throttled"}

    def fail_reply(self, req):
        return 503, {}, {"message": "unavailable"}

    def misbehave(self, n, req):
        """The reply a failure mode gives request n, or None."""
        a = self.args
        if a.throttle and n <= a.throttle:
            return self.throttle_reply(req)
        if a.fail and n <= a.throttle + a.fail:
            return self.fail_reply(req)
        return None

    def write_log(self, entry):
        with self.lock:
            self.log.write(json.dumps(entry, sort_keys=True) + "\n")
            self.log.flush()

    def serve(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def any(self):
                length = int(self.headers.get("content-length") or 0)
                if length > MAX_BODY:
                    self.send_error(413)
                    return
                body = self.rfile.read(length).decode("utf-8", "replace")
                req = Request(self, body)
                with fake.lock:
                    fake.count += 1
                    n = fake.count
                    fake.last = time.monotonic()
                a = fake.args
                if a.die_after and n > a.die_after:
                    fake.write_log(req.record(n, "dropped"))
                    os._exit(0)
                if a.hang_at == n:
                    time.sleep(a.hang_seconds)
                memo = a.memo and self.command == "GET"
                if memo and self.path in fake.memo:
                    status, headers, data = fake.memo[self.path]
                else:
                    reply = fake.misbehave(n, req) or fake.handle(req)
                    status, headers, out = reply
                    data = out if isinstance(out, str) else json.dumps(out)
                    data = data.encode("utf-8")
                    if memo and status == 200:
                        fake.memo[self.path] = (status, headers, data)
                fake.write_log(req.record(n, status))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                if a.cut_at == n:
                    self.wfile.write(data[:len(data) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = any

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        tmp = self.args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(str(server.server_address[1]))
        os.rename(tmp, self.args.port_file)
        start = time.monotonic()

        def watchdog():
            while True:
                time.sleep(0.2)
                now = time.monotonic()
                if (now - fake.last > fake.args.idle_timeout or
                        now - start > fake.args.lifetime):
                    server.shutdown()
                    return

        threading.Thread(target=watchdog, daemon=True).start()
        server.serve_forever()
        return 0


def main(cls, description):
    args = cls.arguments(common_args(description)).parse_args()
    sys.exit(cls(args).serve())
