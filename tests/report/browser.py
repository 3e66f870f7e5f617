#!/usr/bin/env python3
"""Open an HTML report in headless Chromium and check it, offline.

usage: browser.py CHROMIUM REPORT.html SCREENSHOT.png PRINT.pdf [FIRST]

Drives Chromium over --remote-debugging-pipe (the DevTools protocol on
file descriptors 3 and 4; no port, no loopback), loads the report from
its file:// URL and prints TAP lines: the page loaded; no console error,
exception or log error (a request the Content-Security-Policy blocks is
one); no request but the report file itself (data: URIs are not
requests); the charts rendered (each chart's SVG has a size on the page
and bars or lines inside). Then it saves a full-page screenshot and an
A4 PDF print. Exit status 0 when every check passed. The TAP lines
are numbered from FIRST (default 1); the plan line is the caller's. No JavaScript runs
in the page: the checks use the DOM domain only.
"""
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, chromium, profile):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # the child reads commands on fd 3 and writes replies on fd 4
        def fds():
            r, w = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(r, 3)   # dup2 makes 3 and 4 inheritable
            os.dup2(w, 4)
        self.proc = subprocess.Popen(
            [chromium, "--headless=new", "--remote-debugging-pipe",
             "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-sync",
             "--disable-component-update", "--disable-default-apps",
             "--disable-features=Translate,MediaRouter,OptimizationHints",
             "--user-data-dir=" + profile, "about:blank"],
            preexec_fn=fds,
            close_fds=False, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method,
               "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            m = self.read(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)
        raise TimeoutError(method)

    def read(self, deadline):
        while b"\0" not in self.buf:
            if time.time() > deadline:
                raise TimeoutError("no reply from chromium")
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        msg, _, self.buf = self.buf.partition(b"\0")
        return json.loads(msg)

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        for m in self.events:
            if m.get("method") == method:
                return m
        while time.time() < deadline:
            m = self.read(deadline)
            self.events.append(m)
            if m.get("method") == method:
                return m
        raise TimeoutError(method)

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


n = 0
failed = 0


def tap(ok, what, detail=""):
    global n, failed
    n += 1
    failed += not ok
    print("%sok %d - %s" % ("" if ok else "not ", n, what))
    if not ok and detail:
        for line in str(detail).splitlines():
            print("#   " + line)


def problems(events, url):
    errors, requests = [], []
    for m in events:
        method, p = m.get("method"), m.get("params", {})
        if method == "Runtime.consoleAPICalled" and p.get("type") in (
                "error", "warning", "assert"):
            errors.append("console %s" % p.get("type"))
        elif method == "Runtime.exceptionThrown":
            errors.append("exception: %s" % p["exceptionDetails"].get("text"))
        elif method == "Log.entryAdded" and p["entry"]["level"] in (
                "error", "warning"):
            errors.append("log: " + p["entry"].get("text", ""))
        elif method == "Network.requestWillBeSent":
            u = p["request"]["url"]
            if u != url and not u.startswith("data:"):
                requests.append(u)
    return errors, requests


def check_charts(b):
    doc = b.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    svgs = b.send("DOM.querySelectorAll",
                  {"nodeId": doc, "selector": "figure.chart svg"})["nodeIds"]
    marks = b.send("DOM.querySelectorAll",
                   {"nodeId": doc,
                    "selector": "figure.chart svg rect, "
                                "figure.chart svg polyline"})["nodeIds"]
    sized = 0
    for node in svgs:
        box = b.send("DOM.getBoxModel", {"nodeId": node})["model"]
        sized += box["width"] > 100 and box["height"] > 40
    return len(svgs), sized, len(marks)


def main():
    global n
    chromium, report, png, pdf = sys.argv[1:5]
    n = int(sys.argv[5]) - 1 if len(sys.argv) > 5 else 0
    url = pathlib.Path(report).resolve().as_uri()
    profile = tempfile.mkdtemp(prefix="jobmix-chromium-")
    b = Browser(chromium, profile)
    try:
        target = b.send("Target.createTarget", {"url": "about:blank"},
                        session=False)["targetId"]
        b.session = b.send("Target.attachToTarget",
                           {"targetId": target, "flatten": True},
                           session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network", "DOM"):
            b.send(domain + ".enable")
        b.send("Emulation.setDeviceMetricsOverride",
               {"width": 1100, "height": 900, "deviceScaleFactor": 1,
                "mobile": False})
        nav = b.send("Page.navigate", {"url": url})
        tap("errorText" not in nav, "the report loads",
            nav.get("errorText"))
        b.wait_event("Page.loadEventFired")
        time.sleep(0.3)   # late console messages, if any
        svgs, sized, marks = check_charts(b)
        tap(svgs >= 4, "at least four SVG charts (%d)" % svgs)
        tap(sized == svgs, "every chart has a size on the page "
            "(%d of %d)" % (sized, svgs))
        tap(marks >= 8, "the charts hold bars and lines (%d)" % marks)
        metrics = b.send("Page.getLayoutMetrics")["cssContentSize"]
        b.send("Emulation.setDeviceMetricsOverride",
               {"width": 1100, "height": int(metrics["height"]),
                "deviceScaleFactor": 1, "mobile": False})
        shot = b.send("Page.captureScreenshot", {"format": "png"})
        pathlib.Path(png).write_bytes(base64.b64decode(shot["data"]))
        tap(os.path.getsize(png) > 10000, "a screenshot saved: " + png)
        printed = b.send("Page.printToPDF",
                         {"paperWidth": 8.27, "paperHeight": 11.69,
                          "printBackground": True,
                          "preferCSSPageSize": True})
        data = base64.b64decode(printed["data"])
        pathlib.Path(pdf).write_bytes(data)
        tap(data.startswith(b"%PDF") and len(data) > 10000,
            "an A4 PDF print saved: " + pdf)
        errors, requests = problems(b.events, url)
        tap(not errors, "no console error", "\n".join(errors))
        tap(not requests, "no network request", "\n".join(requests))
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
