#!/usr/bin/env python3
"""linkedin_fake - a local LinkedIn Marketing API (versioned REST) for
jobmix's tests, after ../shared/reference/ad-apis.md section 2.

Every call needs Authorization: Bearer, an active LinkedIn-Version
(426 NONEXISTENT_VERSION otherwise) and X-RestLi-Protocol-Version 2.0.0;
writes are JSON. Creates answer 201 with the new id in x-restli-id
(numbers for groups and campaigns, URNs for posts and creatives);
updates are POSTs with X-RestLi-Method: PARTIAL_UPDATE and a
{"patch": {"$set": ...}} body, answered 204. Money is a decimal string
in major units with the account's currency code. Job-ad campaigns
(JOB_APPLICANT, TALENT_LEAD) may not target ages, and jobmix never
targets genders (section 2.9): both are refused with 422. Throttling is
HTTP 429. The typeahead (adTargetingEntities?q=typeahead) answers the
locations facet from geotable.py and the titles and skills facets from
FACET_TABLE; a campaign that targets a title or skill URN not in that
table is refused with 422, so a guessed id is caught.

    FAKE_TOKEN=... linkedin_fake.py --port-file P --log L [--account 507404993:NOK]
"""

import itertools
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fakebase  # noqa: E402
import geotable  # noqa: E402

STATUS = {"ACTIVE", "PAUSED", "ARCHIVED", "COMPLETED", "CANCELED", "DRAFT",
          "PENDING_DELETION", "REMOVED"}
TYPES = {"TEXT_AD", "SPONSORED_UPDATES", "SPONSORED_INMAILS", "DYNAMIC"}
COST_TYPES = {"CPM", "CPC", "CPV"}
OBJECTIVES = {"BRAND_AWARENESS", "ENGAGEMENT", "WEBSITE_VISIT",
              "WEBSITE_CONVERSION", "LEAD_GENERATION", "VIDEO_VIEW",
              "JOB_APPLICANT", "TALENT_LEAD"}
OPTIMIZATION = {"NONE", "ENHANCED_CONVERSION", "MAX_IMPRESSION", "MAX_REACH",
                "MAX_CLICK", "MAX_CONVERSION", "MAX_VIDEO_VIEW", "MAX_LEAD",
                "MAX_QUALIFIED_LEAD", "TARGET_COST_PER_CLICK",
                "TARGET_COST_PER_IMPRESSION", "TARGET_COST_PER_VIDEO_VIEW",
                "CAP_COST_AND_MAXIMIZE_CLICKS",
                "CAP_COST_AND_MAXIMIZE_IMPRESSIONS",
                "CAP_COST_AND_MAXIMIZE_VIDEO_VIEWS"}
POLITICAL = {"NOT_POLITICAL", "POLITICAL", "NOT_DECLARED"}
READ_ONLY = {"id", "test", "version", "versionTag", "changeAuditStamps",
             "servingStatuses"}
FACET = "urn:li:adTargetingFacet:"
DIGITS = {"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0}
# the titles and skills typeahead's little world: (URN, name)
FACET_TABLE = {
    "titles": [
        ("urn:li:title:100", "Electrician"),
        ("urn:li:title:101", "Electrician Apprentice"),
        ("urn:li:title:102", "Software Engineer"),
        ("urn:li:title:103", "Senior Software Engineer"),
        ("urn:li:title:104", "Backend Developer"),
        ("urn:li:title:105", "Registered Nurse"),
        ("urn:li:title:106", "Data Engineer"),
        ("urn:li:title:107", "Data Scientist"),
        ("urn:li:title:108", "Sykepleier"),
        ("urn:li:title:109", "Frontend Developer"),
        ("urn:li:title:110", "Full Stack Developer"),
        ("urn:li:title:111", "Machine Learning Engineer"),
    ],
    "skills": [
        ("urn:li:skill:17", "Python"),
        ("urn:li:skill:18", "Java"),
        ("urn:li:skill:19", "JavaScript"),
        ("urn:li:skill:20", "Kubernetes"),
        ("urn:li:skill:21", "Google Cloud Platform (GCP)"),
        ("urn:li:skill:22", "SQL"),
        ("urn:li:skill:23", "Electrical Wiring"),
        ("urn:li:skill:24", "Nursing"),
        ("urn:li:skill:25", "Patient Care"),
        ("urn:li:skill:26", "Kotlin"),
        ("urn:li:skill:27", "PostgreSQL"),
        ("urn:li:skill:28", "React"),
        ("urn:li:skill:29", "TypeScript"),
    ],
}


class Invalid(Exception):
    def __init__(self, status, code, message, path=None):
        super().__init__(message)
        self.status, self.code, self.path = status, code, path

    def body(self):
        b = {"status": self.status, "code": self.code,
             "message": str(self)}
        if self.path:
            b["errorDetailType"] = "com.linkedin.common.error.BadRequest"
            b["errorDetails"] = {"inputErrors": [{
                "description": str(self), "code": self.code,
                "input": {"inputPath": {"fieldPath": self.path}}}]}
        return b


def need(obj, key, path):
    if key not in obj:
        raise Invalid(422, "FIELD_VALUE_REQUIRED", "%s is required" % key,
                      path + key)
    return obj[key]


def one_of(obj, key, allowed, path):
    v = need(obj, key, path)
    if v not in allowed:
        raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                      "%s: %r is not one of %s" % (key, v,
                                                   ", ".join(sorted(allowed))),
                      path + key)
    return v


class LinkedInFake(fakebase.Fake):
    name = "linkedin"

    @staticmethod
    def arguments(p):
        p.add_argument("--version", action="append", default=[],
                       help="an active LinkedIn-Version (repeatable)")
        p.add_argument("--account", action="append", default=[],
                       help="ID:CURRENCY (repeatable)")
        return p

    def __init__(self, args):
        super().__init__(args)
        self.versions = set(args.version or ["202601"])
        self.accounts = {}
        for a in args.account or ["507404993:NOK"]:
            aid, cur = a.split(":")
            self.accounts[aid] = cur
        self.ids = itertools.count(635000001)
        self.objects = {}  # id or urn -> {"kind", "account", "body"}

    def throttle_reply(self, req):
        return 429, {}, {"status": 429, "code": "TOO_MANY_REQUESTS",
                         "message": "Resource level throttle APPLICATION DAY"
                                    " limit for calls to this resource is"
                                    " reached."}

    def fail_reply(self, req):
        return 503, {}, {"status": 503, "message": "Service Unavailable"}

    def handle(self, req):
        try:
            self.check_headers(req)
            return self.route(req)
        except Invalid as e:
            return e.status, {}, e.body()

    def check_headers(self, req):
        h = req.headers
        auth = h.get("authorization", "")
        if not auth.startswith("Bearer ") or not auth[7:]:
            raise Invalid(401, "EMPTY_ACCESS_TOKEN",
                          "Empty oauth2_access_token")
        if auth[7:] != self.token:
            raise Invalid(401, "INVALID_ACCESS_TOKEN",
                          "Invalid access token")
        if h.get("linkedin-version") not in self.versions:
            raise Invalid(426, "NONEXISTENT_VERSION",
                          "Requested version %s is not active" %
                          h.get("linkedin-version"))
        if h.get("x-restli-protocol-version") != "2.0.0":
            raise Invalid(400, "PROTOCOL_VERSION",
                          "X-RestLi-Protocol-Version 2.0.0 is required")
        if req.method == "POST":
            if not h.get("content-type", "").startswith("application/json"):
                raise Invalid(415, "UNSUPPORTED_MEDIA_TYPE",
                              "Content-Type must be application/json")
            if not isinstance(req.json, dict):
                raise Invalid(400, "MALFORMED_JSON", "The body is not JSON")

    def route(self, req):
        if req.path == "/__fake/objects":
            return 200, {}, {"elements": [dict(id=k, **v) for k, v in
                                          self.objects.items()]}
        if req.method == "GET" and req.path == "/rest/adAnalytics":
            return self.ad_analytics(req.query)
        if req.method == "POST" and req.path == "/rest/posts":
            return self.create_post(req.json)
        if req.method == "GET" and req.path == "/rest/adTargetingEntities" \
                and req.query.get("facet") in (FACET + "titles",
                                               FACET + "skills"):
            return self.typeahead_facet(req.query)
        if req.method == "GET" and req.path == "/rest/adTargetingEntities":
            return self.typeahead(req.query)
        m = re.fullmatch(r"/rest/adAccounts/(\d+)(?:/(\w+)(?:/([^/]+))?)?",
                         req.path)
        if not m or m.group(1) not in self.accounts:
            raise Invalid(404, "NOT_FOUND", "No resource at %s" % req.path)
        account, coll, oid = m.groups()
        if req.method == "GET" and coll is None:
            return 200, {}, {"id": int(account), "currency":
                             self.accounts[account], "name": "Fake account",
                             "status": "ACTIVE", "type": "BUSINESS"}
        if req.method == "POST" and oid is None and coll in (
                "adCampaignGroups", "adCampaigns", "creatives"):
            return getattr(self, "create_" + coll)(account, req.json)
        if req.method == "POST" and oid is not None:
            return self.update(account, coll, oid, req)
        raise Invalid(404, "NOT_FOUND", "No resource at %s" % req.path)

    def created(self, kind, account, body, urn=None):
        n = str(next(self.ids))
        key = urn % n if urn else n
        self.objects[key] = {"kind": kind, "account": account, "body": body}
        return 201, {"x-restli-id": key}, ""

    def money(self, account, obj, key, path):
        m = need(obj, key, path)
        cur = self.accounts[account]
        places = DIGITS.get(cur, 2)
        pat = r"\d+" if places == 0 else r"\d+(\.\d{1,%d})?" % places
        if not isinstance(m, dict) or not isinstance(m.get("amount"), str) \
                or not re.fullmatch(pat, m["amount"]):
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "%s.amount must be a decimal string in major units"
                          % key, path + key + ".amount")
        if m.get("currencyCode") != cur:
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "%s.currencyCode must be the account's %s" %
                          (key, cur), path + key + ".currencyCode")

    def check_common(self, account, body):
        for k in READ_ONLY & set(body):
            raise Invalid(422, "READ_ONLY_FIELD", "%s is read-only" % k, k)
        if need(body, "account", "") != "urn:li:sponsoredAccount:" + account:
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "account must be this account's URN", "account")
        if not isinstance(need(body, "name", ""), str) or not body["name"]:
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD", "name is empty",
                          "name")
        one_of(body, "status", STATUS - {"COMPLETED"}, "")
        sched = need(body, "runSchedule", "")
        if not isinstance(sched.get("start"), int) or \
                sched["start"] < 10 ** 12:
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "runSchedule.start must be epoch milliseconds",
                          "runSchedule.start")

    def create_adCampaignGroups(self, account, body):
        self.check_common(account, body)
        if "totalBudget" in body:
            self.money(account, body, "totalBudget", "")
            if "end" not in body["runSchedule"]:
                raise Invalid(422, "FIELD_VALUE_REQUIRED",
                              "runSchedule.end is required with totalBudget",
                              "runSchedule.end")
        return self.created("group", account, body)

    def create_adCampaigns(self, account, body):
        self.check_common(account, body)
        group = need(body, "campaignGroup", "")
        gid = group.rsplit(":", 1)[-1]
        if not group.startswith("urn:li:sponsoredCampaignGroup:") or \
                self.objects.get(gid, {}).get("kind") != "group":
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "campaignGroup %s does not exist" % group,
                          "campaignGroup")
        one_of(body, "type", TYPES, "")
        one_of(body, "costType", COST_TYPES, "")
        objective = one_of(body, "objectiveType", OBJECTIVES, "")
        if "optimizationTargetType" in body:
            one_of(body, "optimizationTargetType", OPTIMIZATION, "")
        one_of(body, "politicalIntent", POLITICAL, "")
        if "dailyBudget" not in body and "totalBudget" not in body:
            raise Invalid(422, "FIELD_VALUE_REQUIRED",
                          "dailyBudget or totalBudget is required",
                          "dailyBudget")
        for k in ("dailyBudget", "totalBudget", "unitCost"):
            if k in body:
                self.money(account, body, k, "")
        locale = need(body, "locale", "")
        if not re.fullmatch(r"[A-Z]{2}", str(locale.get("country"))) or \
                not re.fullmatch(r"[a-z]{2}", str(locale.get("language"))):
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "locale needs country and language", "locale")
        self.check_targeting(need(body, "targetingCriteria", ""), objective)
        return self.created("campaign", account, body)

    def check_targeting(self, t, objective):
        include = t.get("include", {}).get("and")
        if not isinstance(include, list) or not include:
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "targetingCriteria.include.and is required",
                          "targetingCriteria.include")
        facets = set()
        for clause in include:
            for facet, values in clause.get("or", {}).items():
                if not facet.startswith(FACET) or not isinstance(values, list):
                    raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                                  "bad facet %s" % facet, "targetingCriteria")
                facets.add(facet[len(FACET):])
        for clause in include:
            for facet, values in clause.get("or", {}).items():
                if facet[len(FACET):] not in ("locations",
                                              "profileLocations"):
                    continue
                for urn in values:
                    if urn not in geotable.linkedin_urns():
                        raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                                      "%s is not a known location" % urn,
                                      "targetingCriteria.include")
        if not facets & {"locations", "profileLocations"}:
            raise Invalid(422, "FIELD_VALUE_REQUIRED",
                          "a location facet is required",
                          "targetingCriteria.include")
        self.check_facet_urns(include)
        if "ageRanges" in facets and objective in ("JOB_APPLICANT",
                                                   "TALENT_LEAD"):
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "age targeting is not available for job ads",
                          "targetingCriteria.include")
        if "genders" in facets:
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "gender targeting needs the non-discrimination"
                          " certification, which job ads never use",
                          "targetingCriteria.include")
        exclude = t.get("exclude", {}).get("or", {})
        for facet in exclude:
            if facet[len(FACET):] in ("ageRanges", "genders", "groups",
                                      "interfaceLocales"):
                raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                              "%s may only be included" % facet,
                              "targetingCriteria.exclude")

    def typeahead(self, q):
        """adTargetingEntities?q=typeahead on the locations facet (2.5)"""
        if q.get("q") != "typeahead" or \
                q.get("facet") != FACET + "locations":
            raise Invalid(400, "ILLEGAL_ARGUMENT",
                          "only the locations typeahead is faked")
        if q.get("queryVersion") != "QUERY_USES_URNS":
            raise Invalid(400, "ILLEGAL_ARGUMENT",
                          "queryVersion QUERY_USES_URNS is required")
        return 200, {}, {"elements": [
            {"urn": "urn:li:geo:" + lid, "facetUrn": FACET + "locations",
             "name": "%s, %s, %s" % (name, region,
                                     geotable.COUNTRIES[c][0])}
            for name, c, region, _, lid, _ in
            geotable.matching(q.get("query"))]}

    def typeahead_facet(self, q):
        """adTargetingEntities?q=typeahead on the titles or skills facet
        (2.5): the entries of FACET_TABLE whose name holds the query,
        whatever its case (so "Go" also finds "Google Cloud Platform")"""
        facet = q["facet"][len(FACET):]
        if q.get("q") != "typeahead" or \
                q.get("queryVersion") != "QUERY_USES_URNS":
            raise Invalid(400, "ILLEGAL_ARGUMENT",
                          "q=typeahead and queryVersion QUERY_USES_URNS"
                          " are required")
        text = (q.get("query") or "").lower()
        if not text:
            raise Invalid(400, "ILLEGAL_ARGUMENT", "query is required")
        return 200, {}, {"elements": [
            {"urn": urn, "facetUrn": FACET + facet, "name": name}
            for urn, name in FACET_TABLE[facet] if text in name.lower()]}

    @staticmethod
    def check_facet_urns(include):
        """titles and skills only by the URNs the typeahead gives, and
        never ANDed with seniorities or jobFunctions (2.5)"""
        known = {f: {u for u, _ in t} for f, t in FACET_TABLE.items()}
        used = set()
        for clause in include:
            for facet, values in clause.get("or", {}).items():
                f = facet[len(FACET):]
                used.add(f)
                for urn in values if f in known else ():
                    if urn not in known[f]:
                        raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                                      "%s is not a known %s" %
                                      (urn, f[:-1]),
                                      "targetingCriteria.include")
        if "titles" in used and used & {"seniorities", "jobFunctions"}:
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "titles cannot be combined with seniorities"
                          " or jobFunctions", "targetingCriteria.include")

    def create_post(self, body):
        ctx = need(body, "adContext", "")
        for k in ("isDsc", "dscAdType"):
            if k in ctx:
                raise Invalid(422, "READ_ONLY_FIELD",
                              "adContext.%s is read-only" % k, "adContext." + k)
        account = str(ctx.get("dscAdAccount", "")).rsplit(":", 1)[-1]
        if account not in self.accounts:
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "adContext.dscAdAccount is not an account",
                          "adContext.dscAdAccount")
        need(body, "author", "")
        need(body, "commentary", "")
        article = need(body, "content", "").get("article", {})
        if not str(article.get("source", "")).startswith("https://"):
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "content.article.source must be an https URL",
                          "content.article.source")
        return self.created("post", account, body, "urn:li:share:%s")

    def create_creatives(self, account, body):
        camp = need(body, "campaign", "")
        cid = camp.rsplit(":", 1)[-1]
        if self.objects.get(cid, {}).get("kind") != "campaign":
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "campaign %s does not exist" % camp, "campaign")
        ref = need(body, "content", "").get("reference", "")
        if self.objects.get(ref, {}).get("kind") != "post":
            raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                          "content.reference %s is not a post" % ref,
                          "content.reference")
        one_of(body, "intendedStatus", STATUS, "")
        return self.created("creative", account, body,
                            "urn:li:sponsoredCreative:%s")

    def update(self, account, coll, oid, req):
        if req.headers.get("x-restli-method") != "PARTIAL_UPDATE":
            raise Invalid(400, "INVALID_METHOD",
                          "X-RestLi-Method: PARTIAL_UPDATE is required")
        key = oid.replace("%3A", ":")
        o = self.objects.get(key)
        if not o or o["account"] != account:
            raise Invalid(404, "NOT_FOUND", "%s does not exist" % key)
        patch = req.json.get("patch", {})
        if set(patch) - {"$set", "$delete"}:
            raise Invalid(400, "INVALID_PATCH", "patch takes $set, $delete")
        for k, v in patch.get("$set", {}).items():
            if k in ("dailyBudget", "totalBudget"):
                self.money(account, patch["$set"], k, "patch.$set.")
            if k in ("status", "intendedStatus") and v not in STATUS:
                raise Invalid(422, "INVALID_VALUE_FOR_FIELD",
                              "status %r is not valid" % v, k)
            o["body"][k] = v
        return 204, {}, ""


    # ---- reports: GET /rest/adAnalytics (ad-apis.md 2.7) ----

    ANALYTICS_FIELDS = {"dateRange", "pivotValues", "impressions", "clicks",
                        "landingPageClicks", "costInLocalCurrency",
                        "oneClickLeads", "jobApplications"}

    def ad_analytics(self, q):
        def bad(message):
            raise Invalid(400, "PARAM_INVALID", message)
        if q.get("q") != "analytics" or q.get("pivot") != "CREATIVE" or \
                q.get("timeGranularity") != "DAILY":
            bad("q=analytics, pivot=CREATIVE, timeGranularity=DAILY expected")
        d = r"\(year:(\d{4}),month:(\d{1,2}),day:(\d{1,2})\)"
        m = re.fullmatch(r"\(start:%s,end:%s\)" % (d, d),
                         q.get("dateRange", ""))
        if not m:
            bad("dateRange must be (start:(year:Y,month:M,day:D),end:(...))")
        g = [int(x) for x in m.groups()]
        since = "%04d-%02d-%02d" % tuple(g[:3])
        until = "%04d-%02d-%02d" % tuple(g[3:])
        a = re.fullmatch(r"List\(urn:li:sponsoredAccount:(\d+)\)",
                         q.get("accounts", ""))
        if not a or a.group(1) not in self.accounts:
            bad("accounts must be List(urn:li:sponsoredAccount:ID) of a"
                " known account")
        fields = q.get("fields", "").split(",")
        if len(fields) > 20 or not set(fields) <= self.ANALYTICS_FIELDS or \
                "dateRange" not in fields or "pivotValues" not in fields:
            bad("fields: at most 20 known fields, dateRange and pivotValues"
                " among them")
        rows, _ = self.data.window(a.group(1), since, until, 0, 15000)
        return 200, {}, {"elements": [self.element(r, fields)
                                      for r in rows],
                         "paging": {"start": 0, "count": 10, "links": []}}

    @staticmethod
    def element(r, fields):
        y, m, d = (int(x) for x in r["day"].split("-"))
        day = {"year": y, "month": m, "day": d}
        full = {"dateRange": {"start": day, "end": day},
                "pivotValues": ["urn:li:sponsoredCreative:%s" % r["ad"]],
                "impressions": r["impressions"], "clicks": r["clicks"],
                "landingPageClicks": r.get("link_clicks", 0),
                "costInLocalCurrency": r["spend"],
                "oneClickLeads": r.get("leads", 0),
                "jobApplications": r.get("applications", 0)}
        return {f: full[f] for f in fields}


if __name__ == "__main__":
    fakebase.main(LinkedInFake, __doc__.splitlines()[0])
