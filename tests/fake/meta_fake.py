#!/usr/bin/env python3
"""meta_fake - a local Meta Marketing API (Graph) for jobmix's tests.

It follows the contract of ../shared/reference/ad-apis.md section 1 and
Meta's own specs (tests/fake/meta-specs, copied unmodified from
facebook-business-sdk-codegen): creates are form-encoded POSTs under
/vNN.0/act_ID/{campaigns,adsets,adcreatives,ads}; every parameter must
exist in AdAccount.json for that edge, with its type and enum values;
nested values are JSON text; budgets are integer minor units; a
campaign with special_ad_categories ["EMPLOYMENT"] must name its
countries, and its ad sets must follow the employment rules (all ages
from 18, no genders, no postal codes, no location exclusions, a radius of
at least 15 miles / 24 km, no detailed-targeting exclusions, Advantage
audience off). Errors come back in Meta's envelope with its codes;
throttling is HTTP 400 with code 80004 and X-Business-Use-Case-Usage.

    FAKE_TOKEN=... meta_fake.py --port-file P --log L [--account act_1:SEK:Europe/Stockholm]

GET /__fake/objects lists what was created (for the tests' counts).
"""

import base64
import itertools
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fakebase  # noqa: E402
import geotable  # noqa: E402

SPECS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "meta-specs")
EDGES = ("campaigns", "adsets", "adcreatives", "ads")
# what the API needs in practice beyond the spec's required flags (1.2)
NEEDED = {
    "campaigns": ("name", "objective", "special_ad_categories", "status"),
    "adsets": ("name", "campaign_id", "billing_event", "optimization_goal",
               "targeting", "status"),
    "adcreatives": ("name", "object_story_spec"),
    "ads": ("name", "adset_id", "creative", "status"),
}
MIN_RADIUS_KM = 24.0
MILE_KM = 1.609344


def load(name):
    with open(os.path.join(SPECS, name), encoding="utf-8") as f:
        return json.load(f)


class Spec:
    def __init__(self):
        self.enums = {e["name"]: set(e["values"])
                      for e in load("enum_types.json")}
        self.params = {}
        for api in load("AdAccount.json")["apis"]:
            if api.get("method") == "POST" and api.get("endpoint") in EDGES:
                self.params[api["endpoint"]] = {
                    p["name"]: p for p in api["params"]}
        self.fields = {}
        for node in ("Targeting", "TargetingGeoLocation",
                     "TargetingGeoLocationCity", "AdCreativeObjectStorySpec",
                     "AdCreativeLinkData", "AdCreativeLinkDataCallToAction",
                     "AdCreativeLinkDataCallToActionValue"):
            self.fields[node] = {f["name"]: f["type"]
                                 for f in load(node + ".json")["fields"]}


class MetaError(Exception):
    def __init__(self, message, code=100, subcode=None, etype=None):
        super().__init__(message)
        self.code, self.subcode = code, subcode
        self.etype = etype or ("OAuthException" if code == 190 else
                               "FacebookApiException")


def error_body(e):
    err = {"message": "(#%d) %s" % (e.code, e), "type": e.etype,
           "code": e.code, "fbtrace_id": "Afake%06d" % (abs(hash(str(e))) %
                                                       1000000)}
    if e.subcode:
        err["error_subcode"] = e.subcode
    return {"error": err}


def check_type(spec, name, ptype, raw):
    """The decoded value of a form field of this spec type, or MetaError."""
    if ptype == "bool":
        if raw not in ("true", "false"):
            raise MetaError("Param %s must be a boolean" % name)
        return raw == "true"
    if ptype in ("unsigned int", "int"):
        if not re.fullmatch(r"-?\d+" if ptype == "int" else r"\d+", raw):
            raise MetaError("Param %s must be an integer" % name)
        return int(raw)
    if ptype in spec.enums:
        if raw not in spec.enums[ptype]:
            raise MetaError("Param %s must be one of {%s}" %
                            (name, ", ".join(sorted(spec.enums[ptype]))))
        return raw
    if ptype.startswith(("list", "map", "Object")) or ptype[:1].isupper():
        try:
            value = json.loads(raw)
        except ValueError:
            raise MetaError("Param %s must be JSON" % name)
        inner = re.fullmatch(r"list<(.+)>", ptype)
        if inner:
            if not isinstance(value, list):
                raise MetaError("Param %s must be a JSON array" % name)
            if inner.group(1) in spec.enums:
                bad = [v for v in value if v not in spec.enums[inner.group(1)]]
                if bad:
                    raise MetaError("Param %s: %s is not a valid value" %
                                    (name, bad[0]))
        return value
    return raw


def check_keys(spec, node, obj, where):
    if not isinstance(obj, dict):
        raise MetaError("%s must be an object" % where)
    for k in obj:
        if k not in spec.fields[node]:
            raise MetaError("%s: unknown field %s" % (where, k))


def radius_km(loc):
    unit = loc.get("distance_unit", "mile")
    if unit not in ("mile", "kilometer"):
        raise MetaError("targeting: distance_unit must be mile or kilometer")
    r = float(loc.get("radius", 0))
    return r * MILE_KM if unit == "mile" else r


def check_employment_targeting(spec, t):
    """ad-apis.md 1.6, the rules Meta enforces on EMPLOYMENT ad sets."""
    sub = 2446007
    if "genders" in t:
        raise MetaError("Employment ads cannot target by gender", 100, sub)
    if t.get("age_min", 18) != 18 or t.get("age_max", 65) < 65:
        raise MetaError("Employment ads must reach ages 18 to 65+", 100, sub)
    for k in ("excluded_geo_locations", "exclusions",
              "excluded_custom_audiences"):
        if k in t:
            raise MetaError("Employment ads cannot use %s" % k, 100, sub)
    geo = t.get("geo_locations", {})
    if "zips" in geo:
        raise MetaError("Employment ads cannot target postal codes", 100, sub)
    for k in ("cities", "custom_locations"):
        for loc in geo.get(k, []):
            if "radius" in loc and radius_km(loc) < MIN_RADIUS_KM - 1e-9:
                raise MetaError("Employment ads need a radius of at least "
                                "15 miles (24 km)", 100, sub)
    auto = t.get("targeting_automation")
    if not isinstance(auto, dict) or auto.get("advantage_audience") != 0:
        raise MetaError("Advantage Audience Flag Required: set "
                        "targeting_automation.advantage_audience to 0", 100,
                        1870227)


class MetaFake(fakebase.Fake):
    name = "meta"

    @staticmethod
    def arguments(p):
        p.add_argument("--version", default="v25.0")
        p.add_argument("--account", action="append", default=[],
                       help="act_ID:CURRENCY:TIMEZONE (repeatable)")
        p.add_argument("--usage-regain", type=float, default=0,
                       help="successful insights replies carry usage"
                            " headers asking for this many seconds' pause")
        p.add_argument("--run-fail", action="store_true",
                       help="async report runs end with Job Failed")
        p.add_argument("--run-polls", type=int, default=1,
                       help="an async report run answers Job Running to"
                            " this many polls, then Job Completed")
        p.add_argument("--min-daily", type=int, default=100,
                       help="smallest daily_budget in minor units")
        return p

    def __init__(self, args):
        super().__init__(args)
        self.spec = Spec()
        self.accounts = {}
        for a in args.account or ["act_1:SEK:Europe/Stockholm"]:
            aid, cur, tz = a.split(":", 2)
            self.accounts[aid] = {"currency": cur, "timezone_name": tz}
        self.ids = itertools.count(120210000000001)
        self.objects = {}  # id -> {"edge", "account", "fields"}
        self.runs = {}  # report run id -> {"account", "params", "polls"}
        self.run_ids = itertools.count(6000000001)

    @staticmethod
    def usage_header(regain_s):
        """near the limit: the next call must wait regain_s seconds"""
        usage = {"1": [{"type": "ads_insights", "call_count": 96,
                        "total_cputime": 20, "total_time": 20,
                        "estimated_time_to_regain_access": regain_s / 60.0,
                        "ads_api_access_tier": "standard_access"}]}
        return {"X-Business-Use-Case-Usage": json.dumps(usage)}

    def throttle_reply(self, req):
        usage = {"1": [{"type": "ads_management", "call_count": 100,
                        "total_cputime": 20, "total_time": 20,
                        "estimated_time_to_regain_access":
                            self.args.regain / 60.0,
                        "ads_api_access_tier": "standard_access"}]}
        e = MetaError("There have been too many calls to this ad-account."
                      " Wait a bit and try again.", 80004, 2446079,
                      "OAuthException")
        body = error_body(e)
        body["error"]["is_transient"] = True
        return 400, {"X-Business-Use-Case-Usage": json.dumps(usage)}, body

    def fail_reply(self, req):
        e = MetaError("An unexpected error has occurred. Please retry your"
                      " request later.", 2)
        body = error_body(e)
        body["error"]["is_transient"] = True
        return 500, {}, body

    def authorise(self, req):
        auth = req.headers.get("authorization", "")
        token = req.form.get("access_token") or req.query.get("access_token")
        if auth.startswith("Bearer "):
            token = auth[len("Bearer "):]
        if not token:
            raise MetaError("An access token is required to request this"
                            " resource.", 104)
        if token != self.token:
            raise MetaError("Error validating access token: Session has"
                            " expired.", 190, 463)

    def handle(self, req):
        try:
            self.authorise(req)
            out = self.route(req)
            if self.args.usage_regain and req.path.endswith("/insights"):
                return 200, self.usage_header(self.args.usage_regain), out
            return 200, {}, out
        except MetaError as e:
            return 400, {}, error_body(e)

    def route(self, req):
        if req.path == "/__fake/objects":
            return {"data": [dict(id=k, **v) for k, v in
                             self.objects.items()]}
        m = re.fullmatch(r"/(v\d+\.\d+)/([^/]+)(?:/([a-z]+))?", req.path)
        if not m or m.group(1) != self.args.version:
            raise MetaError("Unknown path components: %s" % req.path, 2500)
        node, edge = m.group(2), m.group(3)
        if req.method == "GET" and node == "search" and edge is None:
            return self.search(req.query)
        if req.method == "GET" and edge == "insights" and \
                node in self.accounts:
            return self.insights(node, req.query)
        if req.method == "POST" and edge == "insights" and \
                node in self.accounts:
            return self.start_run(node, req)
        if req.method == "GET" and node in self.runs:
            return self.run_status(node) if edge is None else \
                self.run_insights(node, edge, req.query)
        if req.method == "GET" and edge is None:
            return self.read(node)
        if req.method == "POST" and edge in EDGES and node in self.accounts:
            return self.create(node, edge, req)
        if req.method == "POST" and edge is None and node in self.objects:
            return self.update(node, req)
        raise MetaError("Unsupported %s request. Object with ID '%s' does"
                        " not exist" % (req.method, node), 100, 33)

    def read(self, node):
        if node in self.accounts:
            return dict(id=node, account_id=node[4:], **self.accounts[node])
        if node in self.objects:
            return dict(id=node, **self.objects[node]["fields"])
        raise MetaError("Object with ID '%s' does not exist" % node, 100, 33)

    def decode(self, edge, req):
        if not req.headers.get("content-type", "").startswith(
                "application/x-www-form-urlencoded"):
            raise MetaError("Writes must be application/x-www-form-urlencoded")
        params, out = self.spec.params[edge], {}
        for k, raw in req.form.items():
            if k in ("access_token", "appsecret_proof"):
                continue
            if k not in params:
                raise MetaError("Param %s is not a valid parameter of %s" %
                                (k, edge))
            out[k] = check_type(self.spec, k, params[k]["type"], raw)
        for k in NEEDED[edge]:
            if k not in out:
                raise MetaError("The parameter %s is required" % k)
        return out

    def create(self, account, edge, req):
        f = self.decode(edge, req)
        getattr(self, "check_" + edge)(account, f)
        oid = str(next(self.ids))
        self.objects[oid] = {"edge": edge, "account": account, "fields": f}
        return {"id": oid}

    def parent(self, account, oid, edge, what):
        o = self.objects.get(str(oid))
        if not o or o["edge"] != edge or o["account"] != account:
            raise MetaError("%s %s does not exist in %s" % (what, oid, account),
                            100, 1487005)
        return o

    def check_campaigns(self, account, f):
        cats = f["special_ad_categories"]
        if "EMPLOYMENT" in cats and not f.get("special_ad_category_country"):
            raise MetaError("special_ad_category_country is required with"
                            " special_ad_categories", 100, 2909034)
        if ("daily_budget" not in f and "lifetime_budget" not in f and
                "is_adset_budget_sharing_enabled" not in f):
            raise MetaError("Must specify True or False in"
                            " is_adset_budget_sharing_enabled field", 100,
                            4834011)

    def check_adsets(self, account, f):
        camp = self.parent(account, f["campaign_id"], "campaigns", "Campaign")
        budget = f.get("daily_budget", f.get("lifetime_budget"))
        if budget is None:
            raise MetaError("The ad set needs daily_budget or lifetime_budget"
                            " when its campaign has none", 100, 1885621)
        if "daily_budget" in f and f["daily_budget"] < self.args.min_daily:
            raise MetaError("Budget Is Too Low: the daily budget must be at"
                            " least %d" % self.args.min_daily, 100, 1885272)
        t = f["targeting"]
        check_keys(self.spec, "Targeting", t, "targeting")
        geo = t.get("geo_locations")
        if not geo:
            raise MetaError("targeting: geo_locations is required", 100,
                            1487756)
        check_keys(self.spec, "TargetingGeoLocation", geo,
                   "targeting.geo_locations")
        for c in geo.get("cities", []):
            check_keys(self.spec, "TargetingGeoLocationCity", c,
                       "targeting.geo_locations.cities[]")
            if str(c.get("key")) not in geotable.meta_keys():
                raise MetaError("Invalid parameter: the city key %s is not"
                                " a valid location" % c.get("key"), 100,
                                1487756)
        if "EMPLOYMENT" in camp["fields"]["special_ad_categories"]:
            check_employment_targeting(self.spec, t)

    def search(self, q):
        """GET /search?type=adgeolocation: cities from geotable (1.5)"""
        if q.get("type") != "adgeolocation":
            raise MetaError("Unsupported search type %s" % q.get("type"))
        try:
            types = json.loads(q.get("location_types", '["city"]'))
        except ValueError:
            raise MetaError("Param location_types must be JSON")
        cc = q.get("country_code")
        return {"data": [{"key": key, "name": name, "type": "city",
                          "country_code": c, "country_name":
                          geotable.COUNTRIES.get(c, ("",))[0],
                          "region": region, "supports_city": True,
                          "supports_region": True}
                         for name, c, region, key, _, _ in
                         geotable.matching(q.get("q"))
                         if "city" in types and (not cc or cc == c)]}

    def check_adcreatives(self, account, f):
        oss = f["object_story_spec"]
        check_keys(self.spec, "AdCreativeObjectStorySpec", oss,
                   "object_story_spec")
        link = oss.get("link_data")
        if not oss.get("page_id") or not isinstance(link, dict):
            raise MetaError("object_story_spec needs page_id and link_data")
        check_keys(self.spec, "AdCreativeLinkData", link,
                   "object_story_spec.link_data")
        if not str(link.get("link", "")).startswith(("https://", "http://")):
            raise MetaError("link_data.link must be a URL", 100, 1443051)
        cta = link.get("call_to_action")
        if cta is not None:
            check_keys(self.spec, "AdCreativeLinkDataCallToAction", cta,
                       "link_data.call_to_action")
            if cta.get("type") not in self.spec.enums[
                    "AdCreative_call_to_action_type"]:
                raise MetaError("call_to_action.type is not valid")

    def check_ads(self, account, f):
        self.parent(account, f["adset_id"], "adsets", "Ad set")
        creative = f["creative"]
        if not isinstance(creative, dict) or "creative_id" not in creative:
            raise MetaError("creative must be {\"creative_id\": ID}")
        self.parent(account, creative["creative_id"], "adcreatives",
                    "Creative")

    def update(self, oid, req):
        o = self.objects[oid]
        f = self.decode_update(o["edge"], req)
        o["fields"].update(f)
        return {"success": True}

    def decode_update(self, edge, req):
        params, out = self.spec.params[edge], {}
        for k, raw in req.form.items():
            if k in ("access_token", "appsecret_proof"):
                continue
            if k not in params:
                raise MetaError("Param %s is not a valid parameter" % k)
            out[k] = check_type(self.spec, k, params[k]["type"], raw)
        return out


    # ---- reports: GET /vNN/act_ID/insights (ad-apis.md 1.8) ----

    INSIGHT_FIELDS = {"account_id", "account_currency", "campaign_id",
                      "ad_id", "date_start", "date_stop", "spend",
                      "impressions", "reach", "clicks",
                      "inline_link_clicks", "actions"}

    def insights(self, node, q):
        if q.get("level") != "ad" or q.get("time_increment") != "1":
            raise MetaError("level=ad and time_increment=1 are expected")
        try:
            tr = json.loads(q.get("time_range", ""))
            since, until = tr["since"], tr["until"]
        except (ValueError, KeyError, TypeError):
            raise MetaError("time_range must be JSON with since and until",
                            100, 1487534)
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", since + "") or \
                not re.fullmatch(r"\d{4}-\d\d-\d\d", until) or \
                since > until:
            raise MetaError("time_range: since and until must be dates,"
                            " since first")
        fields = q.get("fields", "").split(",")
        bad = [f for f in fields if f not in self.INSIGHT_FIELDS]
        if bad:
            raise MetaError("(#100) %s is not valid for fields param" %
                            bad[0])
        limit = int(q.get("limit", "25"))
        if not 1 <= limit <= 5000:
            raise MetaError("limit must be from 1 to 5000")
        offset = 0
        if q.get("after"):
            try:
                offset = int(base64.b64decode(q["after"]).decode())
            except ValueError:
                raise MetaError("Invalid cursor", 2642)
        rows, total = self.data.window(node[4:], since, until, offset, limit)
        out = {"data": [self.insight(node, r, fields) for r in rows]}
        after = base64.b64encode(str(offset + len(rows)).encode()).decode()
        before = base64.b64encode(str(offset).encode()).decode()
        out["paging"] = {"cursors": {"before": before, "after": after}}
        if offset + len(rows) < total:
            out["paging"]["next"] = (
                "https://graph.facebook.com/%s/%s/insights?after=%s" %
                (self.args.version, node, after))
        return out

    def insight(self, node, r, fields):
        full = {"account_id": node[4:], "campaign_id": r.get("campaign"),
                "account_currency": self.accounts[node]["currency"],
                "ad_id": r["ad"], "date_start": r["day"],
                "date_stop": r["day"], "spend": r["spend"],
                "impressions": str(r["impressions"]),
                "reach": str(r.get("reach", 0)),
                "clicks": str(r["clicks"]),
                "inline_link_clicks": str(r.get("link_clicks", 0))}
        actions = []
        for t, k in (("link_click", "link_clicks"), ("lead", "leads"),
                     ("offsite_conversion.fb_pixel_submit_application",
                      "applications")):
            if r.get(k):  # Meta leaves out an action type with no count
                actions.append({"action_type": t, "value": str(r[k])})
        if actions:
            full["actions"] = actions
        return {f: full[f] for f in fields if f in full}


    # async report runs: POST insights, GET /RUN (polled), GET /RUN/insights

    def start_run(self, node, req):
        if not req.headers.get("content-type", "").startswith(
                "application/x-www-form-urlencoded"):
            raise MetaError("Writes must be application/x-www-form-urlencoded")
        params = {k: v for k, v in req.form.items() if k != "access_token"}
        self.insights(node, dict(params, limit="1"))  # the same checks
        rid = str(next(self.run_ids))
        self.runs[rid] = {"account": node, "params": params, "polls": 0}
        return {"report_run_id": rid}

    def run_status(self, rid):
        run = self.runs[rid]
        run["polls"] += 1
        done = run["polls"] > self.args.run_polls
        if done and self.args.run_fail:
            return {"id": rid, "async_status": "Job Failed",
                    "async_percent_completion": 0}
        tr = json.loads(run["params"]["time_range"])
        return {"id": rid, "account_id": run["account"][4:],
                "async_status": "Job Completed" if done else "Job Running",
                "async_percent_completion": 100 if done else 50,
                "date_start": tr["since"], "date_stop": tr["until"]}

    def run_insights(self, rid, edge, q):
        run = self.runs[rid]
        if edge != "insights" or run["polls"] <= self.args.run_polls:
            raise MetaError("Report run %s is not complete" % rid, 100)
        params = dict(run["params"])
        params.update({k: v for k, v in q.items()
                       if k in ("limit", "after", "fields")})
        return self.insights(run["account"], params)


if __name__ == "__main__":
    fakebase.main(MetaFake, __doc__.splitlines()[0])
