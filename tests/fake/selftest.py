#!/usr/bin/env python3
"""selftest - the fakes hold to the contract: a well-formed job-ad
hierarchy goes through, and each rule of ad-apis.md they check refuses a
request that breaks it with the platform's own error. TAP on stdout."""

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
TOKEN = "EAAB-test-token-not-real"
n_tests = 0
failed = 0


def ok(cond, what, detail=""):
    global n_tests, failed
    n_tests += 1
    print("%sok %d - %s" % ("" if cond else "not ", n_tests, what))
    if not cond:
        failed += 1
        if detail:
            print("#   " + str(detail).replace("\n", "\n#   "))


class Running:
    def __init__(self, script, *args):
        self.dir = tempfile.mkdtemp(prefix="jobmix-fake-")
        self.port_file = os.path.join(self.dir, "port")
        self.log = os.path.join(self.dir, "log")
        env = dict(os.environ, FAKE_TOKEN=TOKEN)
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(HERE, script), "--port-file",
             self.port_file, "--log", self.log, "--idle-timeout", "10"] +
            list(args), env=env)
        for _ in range(100):
            if os.path.exists(self.port_file):
                break
            time.sleep(0.05)
        with open(self.port_file) as f:
            self.base = "http://127.0.0.1:%s" % f.read().strip()

    def requests(self):
        with open(self.log) as f:
            return [json.loads(line) for line in f]

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def call(base, method, path, form=None, token=TOKEN):
    form = dict(form or {})
    if token:
        form["access_token"] = token
    data = urllib.parse.urlencode(form).encode() if method == "POST" else None
    url = base + path
    if method == "GET":
        url += "?" + urllib.parse.urlencode(form)
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, dict(r.headers), json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), json.loads(e.read())


def j(v):
    return json.dumps(v, separators=(",", ":"), sort_keys=True)


TARGETING = {
    "geo_locations": {"cities": [{"key": "1900101", "radius": 25,
                                  "distance_unit": "kilometer"}]},
    "age_min": 18, "age_max": 65,
    "targeting_automation": {"advantage_audience": 0},
}


def meta_hierarchy(base):
    v = "/v25.0/act_1"
    s, _, camp = call(base, "POST", v + "/campaigns", {
        "name": "Electricians Umeå", "objective": "OUTCOME_TRAFFIC",
        "special_ad_categories": j(["EMPLOYMENT"]),
        "special_ad_category_country": j(["SE"]), "status": "PAUSED",
        "is_adset_budget_sharing_enabled": "false"})
    ok(s == 200 and camp.get("id", "").isdigit(), "meta: campaign created",
       camp)
    adset = {"name": "electricians / meta_feed", "campaign_id": camp["id"],
             "billing_event": "IMPRESSIONS", "optimization_goal": "LINK_CLICKS",
             "daily_budget": "18800", "status": "PAUSED",
             "targeting": j(TARGETING)}
    s, _, aset = call(base, "POST", v + "/adsets", adset)
    ok(s == 200 and "id" in aset, "meta: ad set created", aset)
    s, _, cre = call(base, "POST", v + "/adcreatives", {
        "name": "Elektriker", "object_story_spec": j({
            "page_id": "111", "link_data": {
                "link": "https://jobs.example.se/123?utm_source=meta",
                "message": "Bli elektriker hos oss", "name": "Elektriker",
                "call_to_action": {"type": "APPLY_NOW"}}})})
    ok(s == 200 and "id" in cre, "meta: creative created", cre)
    s, _, ad = call(base, "POST", v + "/ads", {
        "name": "Elektriker ad", "adset_id": aset["id"],
        "creative": j({"creative_id": cre["id"]}), "status": "PAUSED"})
    ok(s == 200 and "id" in ad, "meta: ad created", ad)
    return camp["id"], adset


def meta_refuses(base, camp, adset, what, change, code, subcode=None):
    form = dict(adset, campaign_id=camp)
    change(form)
    s, _, body = call(base, "POST", "/v25.0/act_1/adsets", form)
    err = body.get("error", {})
    good = s == 400 and err.get("code") == code and (
        subcode is None or err.get("error_subcode") == subcode)
    ok(good, "meta refuses: " + what, body)


def targeting_with(**kw):
    t = json.loads(j(TARGETING))
    for k, v in kw.items():
        if v is None:
            t.pop(k, None)
        else:
            t[k] = v
    return j(t)


def test_meta():
    f = Running("meta_fake.py")
    try:
        camp, adset = meta_hierarchy(f.base)
        rules = [
            ("genders", lambda a: a.update(targeting=targeting_with(
                genders=[1])), 100, 2446007),
            ("narrow ages", lambda a: a.update(targeting=targeting_with(
                age_min=25)), 100, 2446007),
            ("postal codes", lambda a: a.update(targeting=targeting_with(
                geo_locations={"zips": [{"key": "SE:90325"}]})), 100, 2446007),
            ("a 10 km radius", lambda a: a.update(targeting=targeting_with(
                geo_locations={"cities": [{"key": "1900101", "radius": 10,
                                           "distance_unit": "kilometer"}]})),
             100, 2446007),
            ("location exclusions", lambda a: a.update(
                targeting=targeting_with(excluded_geo_locations={
                    "countries": ["NO"]})), 100, 2446007),
            ("detailed-targeting exclusions", lambda a: a.update(
                targeting=targeting_with(exclusions={"interests": []})),
             100, 2446007),
            ("advantage audience not given", lambda a: a.update(
                targeting=targeting_with(targeting_automation=None)),
             100, 1870227),
            ("an unknown targeting field", lambda a: a.update(
                targeting=targeting_with(shoe_size=44)), 100, None),
            ("an unknown parameter", lambda a: a.update(colour="red"),
             100, None),
            ("a bad enum value", lambda a: a.update(billing_event="HIRES"),
             100, None),
            ("a budget in major units", lambda a: a.update(
                daily_budget="188.00"), 100, None),
            ("a budget under the minimum", lambda a: a.update(
                daily_budget="50"), 100, 1885272),
            ("targeting that is not JSON", lambda a: a.update(
                targeting="{geo"), 100, None),
            ("an unknown campaign", lambda a: a.update(campaign_id="999"),
             100, 1487005),
            ("a city key its search never gives", lambda a: a.update(
                targeting=targeting_with(geo_locations={"cities": [
                    {"key": "2673730", "radius": 25,
                     "distance_unit": "kilometer"}]})), 100, 1487756),
        ]
        for what, change, code, sub in rules:
            meta_refuses(f.base, camp, adset, what, change, code, sub)
        s, _, body = call(f.base, "POST", "/v25.0/act_1/campaigns", {
            "name": "x", "objective": "OUTCOME_TRAFFIC", "status": "PAUSED",
            "special_ad_categories": j(["EMPLOYMENT"]),
            "is_adset_budget_sharing_enabled": "false"})
        ok(s == 400 and body["error"].get("error_subcode") == 2909034,
           "meta refuses: EMPLOYMENT without its country", body)
        s, _, body = call(f.base, "POST", "/v25.0/act_1/campaigns", {
            "name": "x", "objective": "OUTCOME_TRAFFIC", "status": "PAUSED",
            "special_ad_categories": j(["NONE"])})
        ok(s == 400 and body["error"].get("error_subcode") == 4834011,
           "meta refuses: no budget sharing flag", body)
        s, _, body = call(f.base, "POST", "/v25.0/act_1/campaigns",
                          {"name": "x"}, token="EAAB-wrong")
        ok(s == 400 and body["error"]["code"] == 190 and
           body["error"]["type"] == "OAuthException",
           "meta: a wrong token is error 190", body)
        s, _, body = call(f.base, "POST", "/v25.0/act_1/campaigns",
                          {"name": "x"}, token=None)
        ok(s == 400 and body["error"]["code"] == 104,
           "meta: no token is error 104", body)
        s, _, acct = call(f.base, "GET", "/v25.0/act_1",
                          {"fields": "currency,timezone_name"})
        ok(s == 200 and acct.get("currency") == "SEK" and
           acct.get("timezone_name") == "Europe/Stockholm",
           "meta: the account's currency and time zone", acct)
        s, _, body = call(f.base, "POST", "/v25.0/" + camp,
                          {"status": "ACTIVE"})
        s2, _, got = call(f.base, "GET", "/v25.0/" + camp, {})
        ok(s == 200 and got.get("status") == "ACTIVE",
           "meta: an update changes the object", got)
        s, _, objs = call(f.base, "GET", "/__fake/objects", {})
        kinds = sorted(o["edge"] for o in objs["data"])
        ok(kinds == ["adcreatives", "ads", "adsets", "campaigns"],
           "meta: exactly the four good objects exist", kinds)
        log = f.requests()
        ok(len(log) == 4 + len(rules) + 8 and
           log[0]["path"] == "/v25.0/act_1/campaigns" and
           "special_ad_categories=%5B%22EMPLOYMENT%22%5D" in log[0]["body"],
           "meta: every request is logged as sent", log[0])
        q = {"type": "adgeolocation", "q": "Umeå",
             "location_types": '["city"]', "country_code": "SE"}
        s, _, out = call(f.base, "GET", "/v25.0/search", q)
        ok(s == 200 and [(c["key"], c["name"], c["country_code"])
                         for c in out["data"]] ==
           [("1900101", "Umeå", "SE")], "meta: the city search", out)
        s, _, out = call(f.base, "GET", "/v25.0/search",
                         dict(q, country_code="NO"))
        ok(s == 200 and out["data"] == [],
           "meta: the city search keeps to the country", out)
    finally:
        f.stop()


def test_meta_misbehaves():
    f = Running("meta_fake.py", "--throttle", "2", "--regain", "60",
                "--fail", "1", "--die-after", "4")
    try:
        for i in (1, 2):
            s, h, body = call(f.base, "GET", "/v25.0/act_1", {})
            usage = json.loads(h.get("X-Business-Use-Case-Usage", "{}"))
            ok(s == 400 and body["error"]["code"] == 80004 and
               usage["1"][0]["estimated_time_to_regain_access"] == 1,
               "meta throttles request %d the Meta way" % i, (h, body))
        s, _, body = call(f.base, "GET", "/v25.0/act_1", {})
        ok(s == 500 and body["error"].get("is_transient") is True,
           "meta fails request 3 with a transient 500", body)
        s, _, body = call(f.base, "GET", "/v25.0/act_1", {})
        ok(s == 200, "meta answers request 4", body)
        try:
            call(f.base, "GET", "/v25.0/act_1", {})
            ok(False, "meta drops request 5 and exits")
        except (urllib.error.URLError, ConnectionError, OSError):
            ok(f.proc.wait(timeout=5) == 0, "meta drops request 5 and exits")
    finally:
        f.stop()


def call_json(base, method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            raw = r.read()
            return r.status, dict(r.headers), json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        raw = e.read()
        return e.code, dict(e.headers), json.loads(raw) if raw else None


LI = {"Authorization": "Bearer " + TOKEN, "LinkedIn-Version": "202601",
      "X-RestLi-Protocol-Version": "2.0.0"}
ACC = "urn:li:sponsoredAccount:507404993"
START = 1801094400000  # 2027-01-28 in epoch milliseconds


def li_campaign(group, **change):
    c = {"account": ACC, "campaignGroup": group, "name": "Sykepleiere",
         "type": "SPONSORED_UPDATES", "objectiveType": "JOB_APPLICANT",
         "optimizationTargetType": "MAX_CLICK", "costType": "CPM",
         "dailyBudget": {"amount": "250.00", "currencyCode": "NOK"},
         "locale": {"country": "NO", "language": "nb"},
         "runSchedule": {"start": START},
         "targetingCriteria": {"include": {"and": [{"or": {
             "urn:li:adTargetingFacet:locations": ["urn:li:geo:103819153"]}}]}},
         "politicalIntent": "NOT_POLITICAL", "status": "PAUSED"}
    c.update(change)
    return c


def li_facets(group, titles, skills, more=None):
    """a campaign in Bergen for the given title and skill URNs"""
    facets = {}
    if titles:
        facets["urn:li:adTargetingFacet:titles"] = titles
    if skills:
        facets["urn:li:adTargetingFacet:skills"] = skills
    clauses = [{"or": {"urn:li:adTargetingFacet:locations": [
        "urn:li:geo:1900204"]}}, {"or": facets}] + ([more] if more else [])
    return li_campaign(group, targetingCriteria={
        "include": {"and": clauses}})


def test_linkedin():
    f = Running("linkedin_fake.py")
    base, v = f.base, "/rest/adAccounts/507404993"
    try:
        s, h, _ = call_json(base, "POST", v + "/adCampaignGroups", {
            "account": ACC, "name": "Vestland", "status": "PAUSED",
            "runSchedule": {"start": START}}, LI)
        gid = h.get("x-restli-id", "")
        ok(s == 201 and gid.isdigit(), "linkedin: group created (201,"
           " x-restli-id)", h)
        group = "urn:li:sponsoredCampaignGroup:" + gid
        s, h, _ = call_json(base, "POST", v + "/adCampaigns",
                            li_campaign(group), LI)
        cid = h.get("x-restli-id", "")
        ok(s == 201 and cid.isdigit(), "linkedin: campaign created", h)
        s, h, _ = call_json(base, "POST", "/rest/posts", {
            "author": "urn:li:organization:1", "commentary": "Bli med oss",
            "visibility": "PUBLIC",
            "distribution": {"feedDistribution": "NONE"},
            "content": {"article": {"source": "https://jobs.example.no/9",
                                    "title": "Sykepleier"}},
            "lifecycleState": "PUBLISHED",
            "adContext": {"dscAdAccount": ACC, "dscStatus": "ACTIVE"}}, LI)
        post = h.get("x-restli-id", "")
        ok(s == 201 and post.startswith("urn:li:share:"),
           "linkedin: dark post created", h)
        s, h, _ = call_json(base, "POST", v + "/creatives", {
            "campaign": "urn:li:sponsoredCampaign:" + cid,
            "content": {"reference": post}, "intendedStatus": "PAUSED",
            "name": "Sykepleier"}, LI)
        ok(s == 201 and h.get("x-restli-id", "").startswith(
            "urn:li:sponsoredCreative:"), "linkedin: creative created", h)
        bad = [
            ("age targeting on a job ad", li_campaign(group, targetingCriteria={
                "include": {"and": [{"or": {
                    "urn:li:adTargetingFacet:locations": [
                        "urn:li:geo:103819153"],
                    "urn:li:adTargetingFacet:ageRanges": [
                        "urn:li:ageRange:(25,34)"]}}]}}), 422),
            ("gender targeting", li_campaign(group, targetingCriteria={
                "include": {"and": [{"or": {
                    "urn:li:adTargetingFacet:locations": [
                        "urn:li:geo:103819153"]}},
                    {"or": {"urn:li:adTargetingFacet:genders": [
                        "urn:li:gender:FEMALE"]}}]}}), 422),
            ("no location", li_campaign(group, targetingCriteria={
                "include": {"and": [{"or": {
                    "urn:li:adTargetingFacet:skills": ["urn:li:skill:1"]}}]}}),
             422),
            ("a budget as a number", li_campaign(group, dailyBudget={
                "amount": 250, "currencyCode": "NOK"}), 422),
            ("a budget in another currency", li_campaign(group, dailyBudget={
                "amount": "25.00", "currencyCode": "EUR"}), 422),
            ("a read-only field", li_campaign(group, servingStatuses=[]), 422),
            ("no politicalIntent", {k: val for k, val in li_campaign(
                group).items() if k != "politicalIntent"}, 422),
            ("a plural objective", li_campaign(
                group, objectiveType="JOB_APPLICANTS"), 422),
            ("an unknown group", li_campaign(
                "urn:li:sponsoredCampaignGroup:1"), 422),
            ("a guessed location", li_campaign(group, targetingCriteria={
                "include": {"and": [{"or": {
                    "urn:li:adTargetingFacet:locations": [
                        "urn:li:geo:90000031"]}}]}}), 422),
            ("a guessed title", li_facets(group, ["urn:li:title:99999"],
                                          ["urn:li:skill:17"]), 422),
            ("a guessed skill", li_facets(group, ["urn:li:title:100"],
                                          ["urn:li:skill:1"]), 422),
            ("titles ANDed with seniorities", li_facets(
                group, ["urn:li:title:100"], [], {"or": {
                    "urn:li:adTargetingFacet:seniorities": [
                        "urn:li:seniority:4"]}}), 422),
        ]
        for what, body, status in bad:
            s, _, out = call_json(base, "POST", v + "/adCampaigns", body, LI)
            ok(s == status and out.get("status") == status,
               "linkedin refuses: " + what, out)
        s, _, out = call_json(base, "POST", v + "/adCampaigns",
                              li_campaign(group),
                              dict(LI, **{"LinkedIn-Version": "202401"}))
        ok(s == 426 and out["code"] == "NONEXISTENT_VERSION",
           "linkedin: an old version is 426", out)
        s, _, out = call_json(base, "POST", v + "/adCampaigns",
                              li_campaign(group),
                              dict(LI, Authorization="Bearer nope"))
        ok(s == 401, "linkedin: a wrong token is 401", out)
        s, _, out = call_json(base, "POST", v + "/adCampaigns/" + cid,
                              {"patch": {"$set": {"status": "ACTIVE"}}}, LI)
        ok(s == 400, "linkedin: an update without PARTIAL_UPDATE is 400", out)
        s, _, out = call_json(
            base, "POST", v + "/adCampaigns/" + cid,
            {"patch": {"$set": {"dailyBudget": {"amount": "300.00",
                                                "currencyCode": "NOK"}}}},
            dict(LI, **{"X-RestLi-Method": "PARTIAL_UPDATE"}))
        ok(s == 204, "linkedin: a partial update is 204", out)
        s, _, out = call_json(
            base, "GET", "/rest/adTargetingEntities?q=typeahead&facet=urn%3A"
            "li%3AadTargetingFacet%3Alocations&query=Bergen&queryVersion="
            "QUERY_USES_URNS", None, LI)
        ok(s == 200 and [(e["urn"], e["name"]) for e in out["elements"]] ==
           [("urn:li:geo:1900204", "Bergen, Vestland, Norway"),
            ("urn:li:geo:1900209", "Bergen, Lower Saxony, Germany")],
           "linkedin: the locations typeahead", out)
        for facet, query, want in (
                ("titles", "electrician",
                 [("urn:li:title:100", "Electrician"),
                  ("urn:li:title:101", "Electrician Apprentice")]),
                ("skills", "Go",
                 [("urn:li:skill:21", "Google Cloud Platform (GCP)")]),
                ("titles", "Ohjelmistokehitt%C3%A4j%C3%A4", [])):
            s, _, out = call_json(
                base, "GET", "/rest/adTargetingEntities?q=typeahead&facet="
                "urn%3Ali%3AadTargetingFacet%3A" + facet + "&query=" +
                query + "&queryVersion=QUERY_USES_URNS", None, LI)
            ok(s == 200 and [(e["urn"], e["name"]) for e in
                             out["elements"]] == want,
               "linkedin: the %s typeahead for %s" % (facet, query), out)
        s, _, out = call_json(
            base, "GET", "/rest/adTargetingEntities?q=typeahead&facet=urn%3A"
            "li%3AadTargetingFacet%3Atitles&query=Nurse", None, LI)
        ok(s == 400, "linkedin: a typeahead without queryVersion is 400", out)
        s, h, _ = call_json(base, "POST", v + "/adCampaigns", li_facets(
            group, ["urn:li:title:105"], ["urn:li:skill:24"]), LI)
        ok(s == 201, "linkedin: a campaign with a title and a skill found"
           " by the typeahead is created", h)
        s, _, objs = call_json(base, "GET", "/__fake/objects", None, LI)
        kinds = sorted(o["kind"] for o in objs["elements"])
        ok(kinds == ["campaign", "campaign", "creative", "group", "post"],
           "linkedin: exactly the five good objects exist", kinds)
    finally:
        f.stop()
    f = Running("linkedin_fake.py", "--throttle", "1")
    try:
        s, _, out = call_json(f.base, "GET", "/rest/adAccounts/507404993",
                              None, LI)
        ok(s == 429, "linkedin throttles with 429", out)
        s, _, out = call_json(f.base, "GET", "/rest/adAccounts/507404993",
                              None, LI)
        ok(s == 200 and out["currency"] == "NOK",
           "linkedin: the account's currency", out)
    finally:
        f.stop()


TT = {"Access-Token": TOKEN}
ADV = "7000000001"
TT_BASE = "/open_api/v1.3/"


def tt_adgroup(camp, **change):
    g = {"advertiser_id": ADV, "campaign_id": camp,
         "adgroup_name": "developers / tiktok_infeed",
         "billing_event": "CPM", "budget": 25.5,
         "budget_mode": "BUDGET_MODE_DAY", "optimization_goal": "CLICK",
         "pacing": "PACING_MODE_SMOOTH",
         "schedule_start_time": "2027-03-01 00:00:00",
         "schedule_end_time": "2027-03-31 23:59:59",
         "schedule_type": "SCHEDULE_START_END", "location_ids": ["1900303"],
         "age_groups": ["AGE_18_24", "AGE_25_34"],
         "gender": "GENDER_UNLIMITED", "operation_status": "DISABLE"}
    g.update(change)
    return g


def test_tiktok():
    f = Running("tiktok_fake.py")
    base = f.base
    try:
        camp_body = {"advertiser_id": ADV, "campaign_name": "Developers",
                     "objective_type": "TRAFFIC",
                     "budget_mode": "BUDGET_MODE_INFINITE",
                     "special_industries": ["EMPLOYMENT"],
                     "operation_status": "DISABLE", "request_id": "jm-1"}
        s, _, out = call_json(base, "POST", TT_BASE + "campaign/create/",
                              camp_body, TT)
        camp = out["data"].get("campaign_id")
        ok(s == 200 and out["code"] == 0 and camp, "tiktok: campaign", out)
        s, _, again = call_json(base, "POST", TT_BASE + "campaign/create/",
                                camp_body, TT)
        ok(again["data"].get("campaign_id") == camp,
           "tiktok: a repeated request_id returns the same campaign", again)
        s, _, out = call_json(base, "POST", TT_BASE + "adgroup/create/",
                              tt_adgroup(camp), TT)
        group = out["data"].get("adgroup_id")
        ok(out["code"] == 0 and group, "tiktok: ad group", out)
        s, _, out = call_json(base, "POST", TT_BASE + "ad/create/", {
            "advertiser_id": ADV, "adgroup_id": group, "creatives": [{
                "ad_name": "Koodari", "ad_text": "Tule meille koodaamaan",
                "landing_page_url": "https://jobs.example.fi/5?utm_source="
                                    "tiktok", "identity_id": "1",
                "identity_type": "CUSTOMIZED_USER",
                "ad_format": "SINGLE_VIDEO", "video_id": "v1",
                "call_to_action": "APPLY_NOW"}]}, TT)
        ok(out["code"] == 0 and len(out["data"].get("ad_ids", [])) == 1,
           "tiktok: ad", out)
        s, _, out = call_json(base, "POST", TT_BASE +
                              "adgroup/status/update/", {
                                  "advertiser_id": ADV,
                                  "adgroup_ids": [group],
                                  "operation_status": "ENABLE"}, TT)
        ok(out["code"] == 0 and out["data"]["adgroup_ids"] == [group],
           "tiktok: an ad group's status is updated", out)
        s, _, out = call_json(base, "POST", TT_BASE +
                              "adgroup/status/update/", {
                                  "advertiser_id": ADV,
                                  "adgroup_ids": [group],
                                  "operation_status": "PAUSED"}, TT)
        ok(out["code"] == 40002, "tiktok refuses: a status not in its"
           " values", out)
        bad = [
            ("teenagers", tt_adgroup(camp, age_groups=["AGE_13_17"])),
            ("a gender", tt_adgroup(camp, gender="GENDER_FEMALE")),
            ("postal codes", tt_adgroup(camp, zipcode_ids=["1"])),
            ("device prices", tt_adgroup(camp, device_price_ranges=[1])),
            ("interest keywords", tt_adgroup(camp,
                                             interest_keyword_ids=["7"])),
            ("no location", tt_adgroup(camp, location_ids=[])),
            ("a budget under the minimum", tt_adgroup(camp, budget=5)),
            ("a budget as text", tt_adgroup(camp, budget="25.50")),
            ("a bad time", tt_adgroup(camp,
                                      schedule_start_time="2027-03-01")),
            ("a bad enum", tt_adgroup(camp, pacing="PACING_MODE_SLOW")),
            ("an unknown campaign", tt_adgroup("42")),
            ("a guessed location", tt_adgroup(camp, location_ids=["658225"])),
        ]
        for what, body in bad:
            s, _, out = call_json(base, "POST", TT_BASE + "adgroup/create/",
                                  body, TT)
            ok(s == 200 and out["code"] in (40002, 40007),
               "tiktok refuses: " + what, out)
        s, _, out = call_json(base, "POST", TT_BASE + "campaign/create/",
                              camp_body, {"Access-Token": "nope"})
        ok(s == 200 and out["code"] == 40105, "tiktok: a wrong token", out)
        s, _, out = call_json(base, "POST", TT_BASE + "campaign/create",
                              camp_body, TT)
        ok(out["code"] == 40400, "tiktok: a path without '/' is unknown", out)
        s, _, out = call_json(base, "POST", TT_BASE + "tool/targeting/search/",
                              {"advertiser_id": ADV,
                               "objective_type": "TRAFFIC",
                               "promotion_type": "WEBSITE",
                               "placements": ["PLACEMENT_TIKTOK"],
                               "search_type": "FUZZY_SEARCH",
                               "keywords": ["Springfield"],
                               "geo_types": ["CITY"],
                               "region_codes": ["US"]}, TT)
        tags = out["data"].get("targeting_tag_list", [])
        ok(out["code"] == 0 and [(t["geo"]["geo_id"], t["name"])
                                 for t in tags] ==
           [("1900307", "Springfield"), ("1900308", "Springfield")],
           "tiktok: the location search", out)
        s, _, out = call_json(
            base, "GET", TT_BASE + "advertiser/info/?advertiser_ids=" +
            urllib.parse.quote(json.dumps([ADV])), None, TT)
        ok(out["code"] == 0 and out["data"]["list"][0]["currency"] == "EUR",
           "tiktok: the advertiser's currency", out)
        s, _, objs = call_json(base, "GET", "/__fake/objects", None, TT)
        kinds = sorted(o["kind"] for o in objs["data"]["list"])
        ok(kinds == ["ad", "adgroup", "campaign"],
           "tiktok: exactly the three good objects exist", kinds)
    finally:
        f.stop()
    f = Running("tiktok_fake.py", "--throttle", "1")
    try:
        s, _, out = call_json(f.base, "GET", TT_BASE + "advertiser/info/",
                              None, TT)
        ok(s == 200 and out["code"] == 40100,
           "tiktok throttles with HTTP 200 and code 40100", out)
    finally:
        f.stop()


def main():
    test_meta()
    test_meta_misbehaves()
    test_linkedin()
    test_tiktok()
    print("1..%d" % n_tests)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
