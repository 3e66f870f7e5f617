#!/usr/bin/env python3
"""A scriptable fake HTTP server for the tests of jobmix's http module.

usage: http_fake.py --port-file FILE --log FILE [options]

It listens on 127.0.0.1 on a port the kernel picks, writes that port to
--port-file (written whole, then renamed into place; "-" for stdout),
and answers each request with the next step of its script, the last
step repeating once the script runs out. Every request it receives is
appended to --log, one JSON object a line, before it is answered:
{"method", "path", "headers": {name: value}, "body", "t"} (t: seconds
on a monotonic clock, for checking waits between requests).

The script is a JSON list of steps (--script FILE), or is built from the
flags below. A step is an object:
  status   HTTP status (200)
  headers  {name: value} to send
  body     text of the body, or json: a value sent as JSON
  hang     seconds to sleep before answering (past the client's timeout)
  cut      true: promise more body than is sent, then close mid-body
  close    true: close the connection without answering
  no_length  true: no Content-Length; the body ends when the
           connection closes

Flags, in the order their steps come (the script, if given, replaces
them all):
  --platform meta|linkedin|tiktok|generic   whose signals (generic)
  --throttle N      N throttles the platform's way: Meta HTTP 400 code
                    80004 with X-Business-Use-Case-Usage saying
                    --regain MINUTES; LinkedIn 429 with Retry-After
                    --retry-after SECONDS if given; TikTok HTTP 200
                    with code 40100
  --fail N          N replies of HTTP 503
  --hang SECONDS    one reply that hangs this long first
  --auth            the platform's auth error (Meta code 190, LinkedIn
                    401, TikTok code 40105) instead of a success
  then a success in the platform's shape.

It exits by itself: after --die-after N requests (the listening socket
is closed before the Nth is answered, so the next connection is
refused), after --idle SECONDS without a request (10), or after
--lifetime SECONDS in all (60). Loopback only; the standard library
only.
"""
import argparse
import http.server
import json
import os
import sys
import threading
import time

OK = {
    "meta": {"json": {"id": "120000000000001"}},
    "linkedin": {"json": {"elements": []}},
    "tiktok": {"json": {"code": 0, "message": "OK", "request_id": "fake",
                        "data": {}}},
    "generic": {"json": {"ok": True}},
}

AUTH = {
    "meta": {"status": 400, "json": {"error": {
        "message": "Error validating access token: Session has expired",
        "type": "OAuthException", "code": 190, "error_subcode": 463,
        "fbtrace_id": "Fake"}}},
    "linkedin": {"status": 401, "json": {
        "status": 401, "serviceErrorCode": 65601,
        "code": "REVOKED_ACCESS_TOKEN",
        "message": "The token used in the request has been revoked"}},
    "tiktok": {"json": {"code": 40105, "message": "Access token is invalid",
                        "request_id": "fake", "data": {}}},
    "generic": {"status": 401, "json": {"error": "unauthorized"}},
}


def throttle_step(platform, regain, retry_after):
    if platform == "meta":
        usage = {"act_1": [{"type": "ads_management", "call_count": 100,
                            "total_cputime": 25, "total_time": 25,
                            "estimated_time_to_regain_access": regain,
                            "ads_api_access_tier": "standard_access"}]}
        return {"status": 400,
                "headers": {"X-Business-Use-Case-Usage": json.dumps(usage)},
                "json": {"error": {
                    "message": "(#80004) There have been too many calls to "
                               "this ad-account. Wait a bit and try again.",
                    "type": "OAuthException", "code": 80004,
                    "error_subcode": 2446079, "fbtrace_id": "Fake"}}}
    if platform == "tiktok":
        return {"json": {"code": 40100, "message": "Too many requests",
                         "request_id": "fake", "data": {}}}
    step = {"status": 429, "json": {"status": 429,
                                    "message": "Too many requests"}}
    if retry_after is not None:
        step["headers"] = {"Retry-After": str(retry_after)}
    return step


def build_script(a):
    steps = [throttle_step(a.platform, a.regain, a.retry_after)
             for _ in range(a.throttle)]
    steps += [{"status": 503, "json": {"message": "unavailable"}}
              for _ in range(a.fail)]
    if a.hang:
        steps.append(dict(OK[a.platform], hang=a.hang))
    steps.append(AUTH[a.platform] if a.auth else OK[a.platform])
    return steps


class State:
    def __init__(self, script, log_path, die_after):
        self.script = script
        self.log_path = log_path
        self.die_after = die_after
        self.count = 0
        self.last = time.monotonic()
        self.lock = threading.Lock()
        self.done = threading.Event()


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "http_fake/1"

    def answer(self):
        st = self.server.state
        size = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(size).decode("utf-8", "replace")
        with st.lock:
            st.count += 1
            n = st.count
            st.last = time.monotonic()
            step = st.script[min(n, len(st.script)) - 1]
            with open(st.log_path, "a", encoding="utf-8") as log:
                log.write(json.dumps({
                    "method": self.command, "path": self.path,
                    "headers": dict(self.headers.items()),
                    "body": body, "t": time.monotonic()}) + "\n")
        if st.die_after and n >= st.die_after:
            self.server.shutdown()
            self.server.server_close()
        try:
            self.reply(step)
        finally:
            if st.die_after and n >= st.die_after:
                st.done.set()

    def reply(self, step):
        if step.get("hang"):
            time.sleep(step["hang"])
        if step.get("close"):
            self.close_connection = True
            return
        if "json" in step:
            payload = json.dumps(step["json"]).encode()
        else:
            payload = step.get("body", "").encode()
        self.send_response(step.get("status", 200))
        self.send_header("Content-Type", "application/json")
        for name, value in step.get("headers", {}).items():
            self.send_header(name, value)
        extra = 100 if step.get("cut") else 0
        if step.get("no_length"):
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(len(payload) + extra))
        self.end_headers()
        if step.get("cut"):
            self.wfile.write(payload[: len(payload) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = answer

    def log_message(self, *args):  # stderr is for real problems
        pass

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--port-file", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--script")
    p.add_argument("--platform", default="generic",
                   choices=["meta", "linkedin", "tiktok", "generic"])
    p.add_argument("--throttle", type=int, default=0)
    p.add_argument("--regain", type=float, default=1)
    p.add_argument("--retry-after", type=int)
    p.add_argument("--fail", type=int, default=0)
    p.add_argument("--hang", type=float, default=0)
    p.add_argument("--auth", action="store_true")
    p.add_argument("--die-after", type=int, default=0)
    p.add_argument("--idle", type=float, default=10)
    p.add_argument("--lifetime", type=float, default=60)
    a = p.parse_args()

    if a.script:
        with open(a.script, encoding="utf-8") as f:
            script = json.load(f)
    else:
        script = build_script(a)
    if not isinstance(script, list) or not script:
        sys.exit("http_fake: the script must be a non-empty JSON list")
    open(a.log, "a").close()
    server = Server(("127.0.0.1", 0), Handler)
    server.state = st = State(script, a.log, a.die_after)
    port = str(server.server_address[1])
    if a.port_file == "-":
        print(port, flush=True)
    else:
        with open(a.port_file + ".tmp", "w") as f:
            f.write(port + "\n")
        os.rename(a.port_file + ".tmp", a.port_file)
    threading.Thread(target=server.serve_forever, daemon=True,
                     kwargs={"poll_interval": 0.05}).start()
    end = time.monotonic() + a.lifetime
    while not st.done.wait(0.05):
        now = time.monotonic()
        if now > end or now - st.last > a.idle:
            server.shutdown()
            server.server_close()
            break


if __name__ == "__main__":
    main()
