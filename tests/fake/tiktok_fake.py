#!/usr/bin/env python3
"""tiktok_fake - a local TikTok API for Business (v1.3) for jobmix's
tests, after ../shared/reference/ad-apis.md section 3.

Every path ends in '/', the token travels in Access-Token, writes are
JSON, and every reply is HTTP 200 with the envelope {"code", "message",
"request_id", "data"}: code 0 is success, 40002 a bad parameter,
40104/40105 a missing or invalid token, 40100 throttling. Budgets are
numbers in major units. A campaign with special_industries
["EMPLOYMENT"] gets ad groups that are 18+, of every gender, without
postal codes, device prices or interest keywords (section 3.5).
A repeated campaign request_id returns the first campaign.

    FAKE_TOKEN=... tiktok_fake.py --port-file P --log L [--advertiser 7000000001:EUR:Europe/Helsinki]
"""

import itertools
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fakebase  # noqa: E402
import geotable  # noqa: E402

BASE = "/open_api/v1.3/"
OBJECTIVES = {"APP_PROMOTION", "CATALOG_SALES", "CONVERSIONS", "ENGAGEMENT",
              "LEAD_GENERATION", "PRODUCT_SALES", "REACH", "TRAFFIC",
              "VIDEO_VIEWS", "WEB_CONVERSIONS", "RF_REACH"}
BUDGET_MODES = {"BUDGET_MODE_INFINITE", "BUDGET_MODE_DAY", "BUDGET_MODE_TOTAL",
                "BUDGET_MODE_DYNAMIC_DAILY_BUDGET"}
STATUS = {"ENABLE", "DISABLE"}
INDUSTRIES = {"HOUSING", "EMPLOYMENT", "CREDIT"}
BILLING = {"CPC", "CPM", "CPV", "OCPM", "CPA", "GD"}
GOALS = {"CLICK", "REACH", "SHOW", "CONVERT", "LEAD_GENERATION",
         "TRAFFIC_LANDING_PAGE_VIEW", "VIDEO_VIEW", "ENGAGED_VIEW", "VALUE"}
PACING = {"PACING_MODE_SMOOTH", "PACING_MODE_FAST"}
SCHEDULE = {"SCHEDULE_FROM_NOW", "SCHEDULE_START_END"}
AGES = {"AGE_13_17", "AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54",
        "AGE_55_100"}
GENDERS = {"GENDER_UNLIMITED", "GENDER_MALE", "GENDER_FEMALE"}
ADGROUP_NEEDED = ("advertiser_id", "campaign_id", "adgroup_name",
                  "billing_event", "budget", "budget_mode",
                  "optimization_goal", "pacing", "schedule_start_time",
                  "schedule_type")
TIME = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"


class Code(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def need(body, key):
    if key not in body or body[key] in (None, ""):
        raise Code(40002, "%s: field is required" % key)
    return body[key]


def one_of(body, key, allowed):
    v = need(body, key)
    if v not in allowed:
        raise Code(40002, "%s: %r is not a valid value" % (key, v))
    return v


def number(body, key, least=0):
    v = need(body, key)
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v < least:
        raise Code(40002, "%s: must be a number of at least %g in the"
                          " advertiser's currency" % (key, least))
    return v


class TikTokFake(fakebase.Fake):
    name = "tiktok"

    @staticmethod
    def arguments(p):
        p.add_argument("--advertiser", action="append", default=[],
                       help="ID:CURRENCY:TIMEZONE (repeatable)")
        p.add_argument("--min-adgroup-daily", type=float, default=20)
        return p

    def __init__(self, args):
        super().__init__(args)
        self.advertisers = {}
        for a in args.advertiser or ["7000000001:EUR:Europe/Helsinki"]:
            aid, cur, tz = a.split(":", 2)
            self.advertisers[aid] = {"currency": cur, "timezone": tz}
        self.ids = itertools.count(1800000000000001)
        self.objects = {}
        self.request_ids = {}
        self.n = itertools.count(1)

    def envelope(self, code, message, data=None):
        return 200, {}, {"code": code, "message": message,
                         "request_id": "fake%08d" % next(self.n),
                         "data": data if data is not None else {}}

    def throttle_reply(self, req):
        return self.envelope(40100, "Too many requests. Please retry in"
                                    " some time.")

    def fail_reply(self, req):
        return self.envelope(50000, "System error. Please retry.")

    def handle(self, req):
        try:
            token = req.headers.get("access-token", "")
            if not token:
                raise Code(40104, "Access token is empty")
            if token != self.token:
                raise Code(40105, "Access token is incorrect or has been"
                                  " revoked.")
            return self.envelope(0, "OK", self.route(req))
        except Code as e:
            return self.envelope(e.code, str(e))

    def route(self, req):
        if req.path == "/__fake/objects":
            return {"list": [dict(id=k, **v) for k, v in
                             self.objects.items()]}
        if not req.path.startswith(BASE) or not req.path.endswith("/"):
            raise Code(40400, "Route not found: %s" % req.path)
        name = req.path[len(BASE):-1].replace("/", "_")
        if req.method == "GET" and name == "report_integrated_get":
            return self.report(req.query)
        if req.method == "GET" and name == "advertiser_info":
            return self.advertiser_info(req.query)
        if req.method != "POST" or not hasattr(self, "post_" + name):
            raise Code(40400, "Route not found: %s" % req.path)
        if not req.headers.get("content-type", "").startswith(
                "application/json") or not isinstance(req.json, dict):
            raise Code(40002, "The body must be a JSON object")
        if need(req.json, "advertiser_id") not in self.advertisers:
            raise Code(40300, "Advertiser does not exist")
        return getattr(self, "post_" + name)(req.json)

    def advertiser_info(self, q):
        try:
            ids = json.loads(q.get("advertiser_ids", "[]"))
        except ValueError:
            raise Code(40002, "advertiser_ids must be a JSON array")
        return {"list": [dict(advertiser_id=i, name="Fake advertiser",
                              **self.advertisers[i])
                         for i in ids if i in self.advertisers]}

    def new(self, kind, body, parent=None):
        oid = str(next(self.ids))
        self.objects[oid] = {"kind": kind, "advertiser": body["advertiser_id"],
                             "parent": parent, "body": body}
        return oid

    def owned(self, body, key, kind):
        oid = str(need(body, key))
        o = self.objects.get(oid)
        if not o or o["kind"] != kind or \
                o["advertiser"] != body["advertiser_id"]:
            raise Code(40007, "%s %s does not exist" % (key, oid))
        return o

    def post_campaign_create(self, b):
        rid = b.get("request_id")
        if rid and rid in self.request_ids:
            return {"campaign_id": self.request_ids[rid]}
        need(b, "campaign_name")
        one_of(b, "objective_type", OBJECTIVES)
        mode = one_of(b, "budget_mode", BUDGET_MODES)
        if mode != "BUDGET_MODE_INFINITE":
            number(b, "budget", 50)
        if "operation_status" in b:
            one_of(b, "operation_status", STATUS)
        inds = b.get("special_industries", [])
        if not isinstance(inds, list) or set(inds) - INDUSTRIES:
            raise Code(40002, "special_industries: not a valid value")
        oid = self.new("campaign", b)
        if rid:
            self.request_ids[rid] = oid
        return {"campaign_id": oid}

    def post_adgroup_create(self, b):
        for k in ADGROUP_NEEDED:
            need(b, k)
        camp = self.owned(b, "campaign_id", "campaign")
        one_of(b, "billing_event", BILLING)
        one_of(b, "optimization_goal", GOALS)
        one_of(b, "pacing", PACING)
        one_of(b, "schedule_type", SCHEDULE)
        mode = one_of(b, "budget_mode", BUDGET_MODES)
        number(b, "budget", self.args.min_adgroup_daily
               if mode == "BUDGET_MODE_DAY" else 0)
        for k in ("schedule_start_time", "schedule_end_time"):
            if k in b and not re.fullmatch(TIME, str(b[k])):
                raise Code(40002, "%s: must be YYYY-MM-DD HH:MM:SS" % k)
        if b["schedule_type"] == "SCHEDULE_START_END":
            need(b, "schedule_end_time")
        locs = b.get("location_ids")
        if not isinstance(locs, list) or not locs:
            raise Code(40002, "location_ids: at least one location is"
                              " required")
        for loc in locs:
            if str(loc) not in geotable.tiktok_ids():
                raise Code(40002, "location_ids: %s is not a valid"
                                  " location" % loc)
        ages = b.get("age_groups", [])
        if not isinstance(ages, list) or set(ages) - AGES:
            raise Code(40002, "age_groups: not a valid value")
        if "gender" in b:
            one_of(b, "gender", GENDERS)
        if "EMPLOYMENT" in camp["body"].get("special_industries", []):
            self.employment(b, ages)
        return {"adgroup_id": self.new("adgroup", b, b["campaign_id"])}

    def post_tool_targeting_search(self, b):
        """a FUZZY_SEARCH for one location (docs/push.md: unverified)"""
        one_of(b, "search_type", {"FUZZY_SEARCH"})
        kw = b.get("keywords")
        if not isinstance(kw, list) or len(kw) != 1:
            raise Code(40002, "keywords: FUZZY_SEARCH takes one keyword")
        need(b, "objective_type")
        if not isinstance(b.get("placements"), list) or \
                not b["placements"]:
            raise Code(40002, "placements: at least one is required")
        types = b.get("geo_types") or ["COUNTRY", "PROVINCE", "CITY"]
        regions = b.get("region_codes") or []
        return {"targeting_tag_list": [
            {"keyword": b["keywords"][0], "targeting_type": "GEO",
             "name": name, "status_info": {"status": "ENABLED",
                                           "reason": None},
             "geo": {"geo_id": tid, "geo_type": "CITY",
                     "description": "City", "region_code": c,
                     "parent_id": geotable.COUNTRIES[c][2]}}
            for name, c, _, _, _, tid in
            geotable.matching(b["keywords"][0])
            if "CITY" in types and (not regions or c in regions)],
            "parent_tags": []}

    @staticmethod
    def employment(b, ages):
        """ad-apis.md 3.5: the special ad category's restrictions"""
        if "AGE_13_17" in ages:
            raise Code(40002, "Employment ads are for ages 18 and over")
        if b.get("gender", "GENDER_UNLIMITED") != "GENDER_UNLIMITED":
            raise Code(40002, "Employment ads cannot target by gender")
        for k, what in (("zipcode_ids", "postal codes"),
                        ("device_price_ranges", "device prices"),
                        ("interest_keyword_ids", "interest keywords"),
                        ("excluded_audience_ids", "audience exclusions")):
            if b.get(k):
                raise Code(40002, "Employment ads cannot target %s" % what)

    def post_ad_create(self, b):
        self.owned(b, "adgroup_id", "adgroup")
        creatives = need(b, "creatives")
        if not isinstance(creatives, list) or not creatives:
            raise Code(40002, "creatives: at least one is required")
        ids = []
        for c in creatives:
            for k in ("ad_name", "ad_text", "landing_page_url",
                      "identity_id", "identity_type", "ad_format"):
                need(c, k)
            if not 1 <= len(c["ad_text"]) <= 100:
                raise Code(40002, "ad_text: 1 to 100 characters")
            if not str(c["landing_page_url"]).startswith("https://"):
                raise Code(40002, "landing_page_url: must be https")
            if not c.get("video_id") and not c.get("image_ids"):
                raise Code(40002, "creatives: video_id or image_ids needed")
            ids.append(self.new("ad", dict(c, advertiser_id=b[
                "advertiser_id"]), b["adgroup_id"]))
        return {"ad_ids": ids}

    def post_campaign_status_update(self, b):
        st = one_of(b, "operation_status", STATUS | {"DELETE"})
        ids = need(b, "campaign_ids")
        for i in ids:
            self.owned({"advertiser_id": b["advertiser_id"], "id": i}, "id",
                       "campaign")["body"]["operation_status"] = st
        return {"campaign_ids": ids}

    def post_adgroup_status_update(self, b):
        st = one_of(b, "operation_status", STATUS | {"DELETE"})
        ids = need(b, "adgroup_ids")
        for i in ids:
            self.owned({"advertiser_id": b["advertiser_id"], "id": i}, "id",
                       "adgroup")["body"]["operation_status"] = st
        return {"adgroup_ids": ids}

    def post_adgroup_budget_update(self, b):
        for item in need(b, "budget"):
            o = self.owned(dict(item, advertiser_id=b["advertiser_id"]),
                           "adgroup_id", "adgroup")
            o["body"]["budget"] = number(item, "budget",
                                         self.args.min_adgroup_daily)
        return {}


    # ---- reports: GET report/integrated/get/ (ad-apis.md 3.6) ----

    METRICS = {"spend", "impressions", "clicks", "reach", "conversion",
               "campaign_id"}

    def report(self, q):
        import datetime
        if q.get("advertiser_id") not in self.advertisers:
            raise Code(40300, "Advertiser does not exist")
        if q.get("report_type") != "BASIC" or \
                q.get("data_level") != "AUCTION_AD":
            raise Code(40002, "report_type BASIC, data_level AUCTION_AD"
                              " expected")
        try:
            dims = json.loads(q.get("dimensions", ""))
            metrics = json.loads(q.get("metrics", ""))
            since = datetime.date.fromisoformat(q["start_date"])
            until = datetime.date.fromisoformat(q["end_date"])
            page = int(q.get("page", "1"))
            size = int(q.get("page_size", "10"))
        except (ValueError, KeyError):
            raise Code(40002, "dimensions, metrics (JSON arrays),"
                              " start_date, end_date, page, page_size")
        if dims != ["ad_id", "stat_time_day"] or \
                not set(metrics) <= self.METRICS:
            raise Code(40002, "dimensions must be [ad_id, stat_time_day]")
        if not 0 <= (until - since).days < 30:
            raise Code(40002, "The time range is at most 30 days")
        if page < 1 or not 1 <= size <= 1000:
            raise Code(40002, "page from 1, page_size from 1 to 1000")
        rows, total = self.data.window(q["advertiser_id"], since.isoformat(),
                                       until.isoformat(), (page - 1) * size,
                                       size)
        full = lambda r: {"spend": r["spend"],  # noqa: E731
                          "impressions": str(r["impressions"]),
                          "clicks": str(r["clicks"]),
                          "reach": str(r.get("reach", 0)),
                          "conversion": str(r.get("applications", 0)),
                          "campaign_id": r.get("campaign")}
        return {"list": [{"dimensions": {"ad_id": r["ad"], "stat_time_day":
                                         r["day"] + " 00:00:00"},
                          "metrics": {k: v for k, v in full(r).items()
                                      if k in metrics}} for r in rows],
                "page_info": {"page": page, "page_size": size,
                              "total_number": total,
                              "total_page": (total + size - 1) // size}}


if __name__ == "__main__":
    fakebase.main(TikTokFake, __doc__.splitlines()[0])
