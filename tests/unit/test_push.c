/*
 * tests/unit/test_push.c - push against the platform fakes in tests/fake
 * on 127.0.0.1: the exact requests of a full push to each platform, a
 * second push that creates nothing, a push killed midway and resumed,
 * throttles, a refused token, a dry run, a currency the plan cannot be
 * converted into, and the money conversion by hand.
 */
#include "push.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ads.h"
#include "diag.h"
#include "fileio.h"
#include "http.h"
#include "json.h"
#include "store.h"
#include "strbuf.h"
#include "fake_harness.h"
#include "test.h"
#include "usage.h"
#include "wrapper.h"

#define TOKEN "EAAB-push-test-token-not-real"

static const char *fake_script;
static const char *fake_extra[2]; /* the account in the plan's currency */

/* ---- the fake ---- */

static int fake_start(struct fake *f, const char *script,
		      const char *const *args)
{
	const char *extra[3] = { fake_extra[0], fake_extra[1], NULL };

	return fake_run(f, fake_script, script, args,
			fake_extra[0] ? extra : NULL);
}

/* a parameter of request i's query string, decoded */
static const char *logged_query(const struct fake *f, size_t i, const char *key)
{
	if (i >= f->n_log)
		return NULL;
	return json_str(json_get(json_get(f->log[i], "query"), key));
}

/* ---- a plan by hand: one ad set with one ad per platform ---- */

static struct location places[3] = {
	{ (char *)"Umeå", (char *)"SE", 40 },
	{ (char *)"Bergen", (char *)"NO", 40 },
	{ (char *)"Helsinki", (char *)"FI", 40 },
};

static struct ad ads[3] = {
	{ 0,
	  (char *)"EL-1 / electricians / meta_feed",
	  (char *)"k:ad:meta",
	  (char *)"Electrician in Umeå",
	  (char *)"Join us as an electrician",
	  NULL,
	  (char *)"https://jobs.example.se/1?utm_source=meta",
	  "APPLY_NOW",
	  { 0 } },
	{ 0,
	  (char *)"EL-1 / nurses / linkedin",
	  (char *)"k:ad:li",
	  (char *)"Nurse in Bergen",
	  (char *)"Bli med oss",
	  NULL,
	  (char *)"https://jobs.example.no/9?utm_source=linkedin",
	  "APPLY",
	  { 0 } },
	{ 0,
	  (char *)"EL-1 / devs / tiktok",
	  (char *)"k:ad:tt",
	  (char *)"Developer",
	  (char *)"Tule meille koodaamaan",
	  NULL,
	  (char *)"https://jobs.example.fi/5?utm_source=tiktok",
	  "APPLY_NOW",
	  { 0 } },
};

static char *nurse_title[] = { (char *)"Registered Nurse" };
static char *nurse_skill[] = { (char *)"Nursing" };
static const struct strlist nurse_titles = { nurse_title, 1 };
static const struct strlist nurse_skills = { nurse_skill, 1 };

static void make_plan(struct ad_plan *ap, int64_t daily)
{
	static const enum platform pf[3] = { PLATFORM_META, PLATFORM_LINKEDIN,
					     PLATFORM_TIKTOK };
	static const char *const names[3] = { "electricians / meta_feed",
					      "nurses / linkedin",
					      "devs / tiktok" };
	static const char *const keys[3] = { "k:set:meta", "k:set:li",
					     "k:set:tt" };

	memset(ap, 0, sizeof(*ap));
	ap->campaign_name = (char *)"Hiring 2027";
	ap->campaign_key = (char *)"k:campaign";
	memcpy(ap->currency, "SEK", 4);
	ap->digits = 2;
	ap->sets = xcalloc(3, sizeof(struct ad_set));
	ap->n_sets = 3;
	for (int i = 0; i < 3; i++) {
		struct ad_set *s = &ap->sets[i];

		s->platform = pf[i];
		s->name = (char *)names[i];
		s->local_key = (char *)keys[i];
		s->daily = daily;
		memcpy(s->start, "2027-01-25", 11);
		memcpy(s->end, "2027-02-28", 11);
		s->targeting.places = &places[i];
		s->targeting.n_places = 1;
		s->ads = &ads[i];
		s->n_ads = 1;
	}
}

/* ---- running push against one fake ---- */

static char dir[] = "/tmp/jobmix-push-XXXXXX";
static int n_db;

static struct store *new_store(void)
{
	char path[96];
	struct store *s = NULL;

	snprintf(path, sizeof(path), "%s/%d.db", dir, ++n_db);
	return store_open(path, STORE_CREATE, &s) == 0 ? s : NULL;
}

static void options(struct push_options *o, enum platform p,
		    const struct fake *f, const char *account, struct store *st,
		    struct http_options *ho)
{
	static const char *const versions[3] = { "v25.0", "202601", "v1.3" };
	static char base[3][96];

	memset(o, 0, sizeof(*o));
	http_options_init(ho, API_GENERIC);
	ho->backoff_base_ms = 10;
	ho->backoff_cap_ms = 20;
	ho->throttle_wait_ms = 20;
	ho->max_wait_ms = 2000;
	ho->timeout_ms = 5000;
	snprintf(base[p], sizeof(base[p]), "%s%s", f->url,
		 p == PLATFORM_LINKEDIN ? "/rest"
		 : p == PLATFORM_TIKTOK ? "/open_api"
					: "");
	o->targets[p].enabled = true;
	o->targets[p].base_url = base[p];
	o->targets[p].api_version = versions[p];
	o->targets[p].account_id = account;
	o->targets[p].identity = "1122";
	o->targets[p].image = "img-1";
	o->targets[p].token = TOKEN;
	o->store = st;
	o->http = ho;
}

/* the objects the fake holds, by GET /__fake/objects */
static size_t fake_objects(const struct fake *f)
{
	struct strbuf url = STRBUF_INIT;
	struct http_options ho;
	struct http_client *c;
	struct http_response r;
	struct http_header h[4] = { { "Authorization", "Bearer " TOKEN },
				    { "LinkedIn-Version", "202601" },
				    { "X-RestLi-Protocol-Version", "2.0.0" },
				    { "Access-Token", TOKEN } };
	struct http_request req = { "GET", NULL, h, 4, NULL, 0, NULL, true };
	struct json_value *v = NULL;
	struct strbuf cap = STRBUF_INIT;
	struct diag d;
	size_t n = 0;

	http_options_init(&ho, API_GENERIC);
	c = http_client_new(&ho);
	strbuf_addf(&url, "%s/__fake/objects", f->url);
	req.url = url.buf;
	http_response_init(&r);
	diag_init(&d, "objects");
	d.capture = &cap;
	if (http_send(c, &req, &r) == 0 &&
	    json_parse(r.body.buf, r.body.len, &d, &v) == 0) {
		const struct json_value *l = json_get(v, "data");

		if (json_get(l, "list"))
			l = json_get(l, "list");
		if (!l)
			l = json_get(v, "elements");
		n = json_count(l);
	}
	json_free(v);
	http_response_release(&r);
	http_client_free(c);
	strbuf_release(&url);
	strbuf_release(&cap);
	return n;
}

static int run_push(const struct ad_plan *ap, struct push_options *o,
		    struct push_summary *sum)
{
	push_summary_release(sum); /* the previous run's */
	return push_run(ap, o, sum);
}

struct expect {
	const char *method, *path;
};

static void check_requests(const struct fake *f, const struct expect *e,
			   size_t n)
{
	CHECK_I64((int64_t)f->n_log, (int64_t)n);
	for (size_t i = 0; i < n && i < f->n_log; i++) {
		CHECK_STR(logged(f, i, "method"), e[i].method);
		CHECK_STR(logged(f, i, "path"), e[i].path);
	}
}

static const struct expect meta_full[] = {
	{ "GET", "/v25.0/act_1" },
	{ "POST", "/v25.0/act_1/campaigns" },
	{ "GET", "/v25.0/search" },
	{ "POST", "/v25.0/act_1/adsets" },
	{ "POST", "/v25.0/act_1/adcreatives" },
	{ "POST", "/v25.0/act_1/ads" },
};
static const struct expect li_full[] = {
	{ "GET", "/rest/adAccounts/507404993" },
	{ "POST", "/rest/adAccounts/507404993/adCampaignGroups" },
	{ "GET", "/rest/adTargetingEntities" },
	{ "GET", "/rest/adTargetingEntities" },
	{ "GET", "/rest/adTargetingEntities" },
	{ "POST", "/rest/adAccounts/507404993/adCampaigns" },
	{ "POST", "/rest/posts" },
	{ "POST", "/rest/adAccounts/507404993/creatives" },
};
static const struct expect tt_full[] = {
	{ "GET", "/open_api/v1.3/advertiser/info/" },
	{ "POST", "/open_api/v1.3/campaign/create/" },
	{ "POST", "/open_api/v1.3/tool/targeting/search/" },
	{ "POST", "/open_api/v1.3/adgroup/create/" },
	{ "POST", "/open_api/v1.3/ad/create/" },
};

/*
 * The exact bodies of the creates, after the account read, checked by
 * hand against ad-apis.md: 250.00 SEK a day is 25000 on Meta, "250.00"
 * on LinkedIn and 250 on TikTok; 2027-01-25 is 1800835200000 ms and the
 * day after 2027-02-28 is 1803859200000 ms. Each ad set's city is looked
 * up first (a GET without body on Meta and LinkedIn), and the ad set
 * targets the id the fake's search gave (tests/fake/geotable.py): Umeå
 * 1900101 on Meta with its 40 km, Bergen urn:li:geo:1900204 on LinkedIn
 * and Helsinki 1900303 on TikTok, both without a radius. Every ad set
 * asks for the title "Registered Nurse" and the skill "Nursing": only
 * LinkedIn looks them up (two more GETs) and sends them, by the URNs of
 * the fake's table (tests/fake/linkedin_fake.py), urn:li:title:105 and
 * urn:li:skill:24, ORed in a second item of the and.
 */
static const char *const meta_bodies[] = {
	"name=Hiring%202027&objective=OUTCOME_TRAFFIC&special_ad_"
	"categories=%5B%22EMPLOYMENT%22%5D&special_ad_category_co"
	"untry=%5B%22SE%22%5D&status=PAUSED&is_adset_budget_shari"
	"ng_enabled=false",
	"",
	"name=electricians%20%2F%20meta_feed&campaign_id=12021000"
	"0000001&billing_event=IMPRESSIONS&optimization_goal=LINK"
	"_CLICKS&daily_budget=25000&status=PAUSED&start_time=2027"
	"-01-25T00%3A00%3A00%2B0100&end_time=2027-02-28T23%3A59%3"
	"A59%2B0100&targeting=%7B%22geo_locations%22%3A%7B%22citi"
	"es%22%3A%5B%7B%22key%22%3A%221900101%22%2C%22radius%22%3"
	"A40%2C%22distance_unit%22%3A%22kilometer%22%7D%5D%7D%2C%"
	"22age_min%22%3A18%2C%22age_max%22%3A65%2C%22targeting_au"
	"tomation%22%3A%7B%22advantage_audience%22%3A0%7D%7D",
	"name=EL-1%20%2F%20electricians%20%2F%20meta_feed&object_"
	"story_spec=%7B%22page_id%22%3A%221122%22%2C%22link_data%"
	"22%3A%7B%22link%22%3A%22https%3A%2F%2Fjobs.example.se%2F"
	"1%3Futm_source%3Dmeta%22%2C%22message%22%3A%22Join%20us%"
	"20as%20an%20electrician%22%2C%22name%22%3A%22Electrician"
	"%20in%20Ume%C3%A5%22%2C%22image_hash%22%3A%22img-1%22%2C"
	"%22call_to_action%22%3A%7B%22type%22%3A%22APPLY_NOW%22%2"
	"C%22value%22%3A%7B%22link%22%3A%22https%3A%2F%2Fjobs.exa"
	"mple.se%2F1%3Futm_source%3Dmeta%22%7D%7D%7D%7D",
	"name=EL-1%20%2F%20electricians%20%2F%20meta_feed&adset_i"
	"d=120210000000002&creative=%7B%22creative_id%22%3A%22120"
	"210000000003%22%7D&status=PAUSED",
};
static const char *const li_bodies[] = {
	"{\"account\":\"urn:li:sponsoredAccount:507404993\",\"name\":\"H"
	"iring 2027\",\"status\":\"PAUSED\",\"runSchedule\":{\"start\":180"
	"0835200000}}",
	"",
	"",
	"",
	"{\"account\":\"urn:li:sponsoredAccount:507404993\",\"campaign"
	"Group\":\"urn:li:sponsoredCampaignGroup:635000001\",\"name\":"
	"\"nurses / linkedin\",\"type\":\"SPONSORED_UPDATES\",\"objectiv"
	"eType\":\"JOB_APPLICANT\",\"optimizationTargetType\":\"MAX_CLI"
	"CK\",\"costType\":\"CPM\",\"dailyBudget\":{\"amount\":\"250.00\",\"c"
	"urrencyCode\":\"SEK\"},\"locale\":{\"country\":\"NO\",\"language\":"
	"\"en\"},\"runSchedule\":{\"start\":1800835200000,\"end\":1803859"
	"200000},\"targetingCriteria\":{\"include\":{\"and\":[{\"or\":{\"u"
	"rn:li:adTargetingFacet:locations\":[\"urn:li:geo:1900204\""
	"]}},{\"or\":{\"urn:li:adTargetingFacet:titles\":[\"urn:li:t"
	"itle:105\"],\"urn:li:adTargetingFacet:skills\":[\"urn:li:s"
	"kill:24\"]}}]}},\"politicalIntent\":\"NOT_POLITICAL\",\"stat"
	"us\":\"PAUSED\"}",
	"{\"author\":\"urn:li:organization:1122\",\"commentary\":\"Bli m"
	"ed oss\",\"visibility\":\"PUBLIC\",\"distribution\":{\"feedDistr"
	"ibution\":\"NONE\"},\"content\":{\"article\":{\"source\":\"https:/"
	"/jobs.example.no/9?utm_source=linkedin\",\"title\":\"Nurse i"
	"n Bergen\",\"thumbnail\":\"img-1\"}},\"lifecycleState\":\"PUBLIS"
	"HED\",\"adContext\":{\"dscAdAccount\":\"urn:li:sponsoredAccoun"
	"t:507404993\",\"dscStatus\":\"ACTIVE\"}}",
	"{\"campaign\":\"urn:li:sponsoredCampaign:635000002\",\"conten"
	"t\":{\"reference\":\"urn:li:share:635000003\"},\"intendedStatu"
	"s\":\"PAUSED\",\"name\":\"EL-1 / nurses / linkedin\"}",
};
static const char *const tt_bodies[] = {
	"{\"advertiser_id\":\"7000000001\",\"campaign_name\":\"Hiring 20"
	"27\",\"objective_type\":\"TRAFFIC\",\"budget_mode\":\"BUDGET_MOD"
	"E_INFINITE\",\"special_industries\":[\"EMPLOYMENT\"],\"operati"
	"on_status\":\"DISABLE\",\"request_id\":\"1198997051041519153\"}",
	"{\"advertiser_id\":\"7000000001\",\"objective_type\":\"TRAFFI"
	"C\",\"promotion_type\":\"WEBSITE\",\"placements\":[\"PLACEME"
	"NT_TIKTOK\"],\"search_type\":\"FUZZY_SEARCH\",\"keywords\":[\""
	"Helsinki\"],\"geo_types\":[\"CITY\"],\"region_codes\":[\"FI\""
	"]}",
	"{\"advertiser_id\":\"7000000001\",\"campaign_id\":\"18000000000"
	"00001\",\"adgroup_name\":\"devs / tiktok\",\"placement_type\":\""
	"PLACEMENT_TYPE_AUTOMATIC\",\"location_ids\":[\"1900303\"],\"ag"
	"e_groups\":[\"AGE_18_24\",\"AGE_25_34\",\"AGE_35_44\",\"AGE_45_54"
	"\",\"AGE_55_100\"],\"gender\":\"GENDER_UNLIMITED\",\"budget_mode"
	"\":\"BUDGET_MODE_DAY\",\"budget\":250,\"schedule_type\":\"SCHEDU"
	"LE_START_END\",\"schedule_start_time\":\"2027-01-25 00:00:00"
	"\",\"schedule_end_time\":\"2027-02-28 23:59:59\",\"optimizatio"
	"n_goal\":\"CLICK\",\"billing_event\":\"CPC\",\"bid_type\":\"BID_TY"
	"PE_NO_BID\",\"pacing\":\"PACING_MODE_SMOOTH\",\"operation_stat"
	"us\":\"DISABLE\"}",
	"{\"advertiser_id\":\"7000000001\",\"adgroup_id\":\"180000000000"
	"0002\",\"creatives\":[{\"ad_name\":\"EL-1 / devs / tiktok\",\"ad"
	"_text\":\"Tule meille koodaamaan\",\"landing_page_url\":\"http"
	"s://jobs.example.fi/5?utm_source=tiktok\",\"identity_id\":\""
	"1122\",\"identity_type\":\"CUSTOMIZED_USER\",\"ad_format\":\"SIN"
	"GLE_IMAGE\",\"image_ids\":[\"img-1\"],\"call_to_action\":\"APPLY"
	"_NOW\"}]}",
};

static const char *fakes[3] = { "tests/fake/meta_fake.py",
				"tests/fake/linkedin_fake.py",
				"tests/fake/tiktok_fake.py" };
static const char *accounts[3] = { "1", "507404993", "7000000001" };

static void use_fake(enum platform p)
{
	static const char *const extra[3][2] = {
		{ NULL, NULL },
		{ "--account", "507404993:SEK" },
		{ "--advertiser", "7000000001:SEK:Europe/Stockholm" },
	};

	fake_script = fakes[p];
	fake_extra[0] = extra[p][0];
	fake_extra[1] = extra[p][1];
}

/* the requests that set everything ACTIVE, at the end of the log */
static void check_activated(const struct fake *f, enum platform p)
{
	static const struct expect want[3][3] = {
		{ { "POST", "/v25.0/120210000000001" },
		  { "POST", "/v25.0/120210000000002" },
		  { "POST", "/v25.0/120210000000004" } },
		{ { "POST", "/rest/adAccounts/507404993/adCampaignGroups/"
			    "635000001" },
		  { "POST",
		    "/rest/adAccounts/507404993/adCampaigns/635000002" },
		  { "POST", "/rest/adAccounts/507404993/creatives/"
			    "urn%3Ali%3AsponsoredCreative%3A635000004" } },
		{ { "POST", "/open_api/v1.3/campaign/status/update/" },
		  { "POST", "/open_api/v1.3/adgroup/budget/update/" },
		  { "POST", "/open_api/v1.3/adgroup/status/update/" } },
	};
	size_t at = f->n_log - 3;

	for (size_t i = 0; i < 3 && f->n_log >= 3; i++) {
		CHECK_STR(logged(f, at + i, "path"), want[p][i].path);
		CHECK_HAS(logged(f, at + i, "body"),
			  p == PLATFORM_TIKTOK
				  ? (i == 1 ? "\"budget\":300" : "\"ENABLE\"")
			  : p == PLATFORM_META ? "status=ACTIVE"
					       : "\"ACTIVE\"");
		CHECK_I64((int64_t)json_num(json_get(f->log[at + i], "status")),
			  p == PLATFORM_LINKEDIN ? 204 : 200);
	}
}

/* how many location searches the fake's log holds */
static size_t lookups(const struct fake *f)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n_log; i++) {
		const char *path = logged(f, i, "path");

		n += strcmp(path, "/v25.0/search") == 0 ||
		     strcmp(path, "/rest/adTargetingEntities") == 0 ||
		     strcmp(path, "/open_api/v1.3/tool/targeting/search/") == 0;
	}
	return n;
}

/* a full push, then a second one that creates nothing */
static void test_full(enum platform p, const struct expect *e, size_t n,
		      const char *const *args)
{
	struct fake f;
	struct ad_plan ap;
	struct push_options o;
	struct http_options ho;
	struct push_summary sum = { 0 };
	struct store *st = new_store();
	int rc;

	make_plan(&ap, 25000); /* 250.00 a day */
	for (int i = 0; i < 3; i++) {
		ap.sets[i].targeting.job_titles = nurse_titles;
		ap.sets[i].targeting.skills = nurse_skills;
	}
	use_fake(p);
	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	options(&o, p, &f, accounts[p], st, &ho);
	rc = run_push(&ap, &o, &sum);
	CHECK_I64(rc, 0);
	CHECK_I64(sum.created, p == PLATFORM_TIKTOK ? 3 : 4);
	fake_log(&f);
	check_requests(&f, e, n);
	for (size_t i = 0; i + 1 < n; i++)
		CHECK_STR(logged(&f, i + 1, "body"),
			  p == PLATFORM_META       ? meta_bodies[i]
			  : p == PLATFORM_LINKEDIN ? li_bodies[i]
						   : tt_bodies[i]);
	if (p == PLATFORM_META) {
		CHECK_HAS(logged(&f, 1, "body"),
			  "special_ad_categories=%5B%22EMPLOYMENT%22%5D");
		CHECK_HAS(logged(&f, 1, "body"), "status=PAUSED");
		CHECK_HAS(logged(&f, 3, "body"), "daily_budget=25000&");
		/* the account is in Europe/Stockholm: winter time, +0100 */
		CHECK_HAS(logged(&f, 3, "body"),
			  "start_time=2027-01-25T00%3A00%3A00%2B0100&");
		CHECK_HAS(logged(&f, 3, "body"),
			  "end_time=2027-02-28T23%3A59%3A59%2B0100&");
		CHECK_HAS(logged_header(&f, 1, "Authorization"), "Bearer ");
		CHECK_STR(logged_query(&f, 2, "q"), "Umeå");
		CHECK_STR(logged_query(&f, 2, "country_code"), "SE");
		CHECK_STR(logged_query(&f, 2, "location_types"), "[\"city\"]");
	} else if (p == PLATFORM_LINKEDIN) {
		CHECK_STR(logged_header(&f, 5, "LinkedIn-Version"), "202601");
		CHECK_STR(logged_header(&f, 5, "X-RestLi-Protocol-Version"),
			  "2.0.0");
		/* 250.00 SEK is 250.00 in the NOK account at no rate? no: */
		CHECK_HAS(logged(&f, 5, "body"), "\"amount\":\"250.00\"");
		CHECK_HAS(logged(&f, 1, "body"), "\"start\":1800835200000");
		CHECK_HAS(logged(&f, 5, "body"), "urn:li:geo:1900204");
		CHECK_STR(logged_query(&f, 2, "query"), "Bergen");
		CHECK_STR(logged_query(&f, 2, "facet"),
			  "urn:li:adTargetingFacet:locations");
		CHECK_STR(logged_query(&f, 3, "query"), "Registered Nurse");
		CHECK_STR(logged_query(&f, 3, "facet"),
			  "urn:li:adTargetingFacet:titles");
		CHECK_STR(logged_query(&f, 4, "query"), "Nursing");
		CHECK_STR(logged_query(&f, 4, "facet"),
			  "urn:li:adTargetingFacet:skills");
		CHECK_STR(logged_query(&f, 4, "queryVersion"),
			  "QUERY_USES_URNS");
		CHECK_STR(logged_header(&f, 4, "X-RestLi-Protocol-Version"),
			  "2.0.0");
	} else {
		CHECK_STR(logged_header(&f, 1, "Access-Token"), TOKEN);
		CHECK_HAS(logged(&f, 3, "body"), "\"budget\":250");
		CHECK_HAS(logged(&f, 1, "body"),
			  "\"operation_status\":\"DISABLE\"");
		CHECK_HAS(logged(&f, 1, "body"), "\"request_id\":\"");
	}
	CHECK_I64((int64_t)fake_objects(&f), p == PLATFORM_TIKTOK ? 3 : 4);

	/* the second push: the account is read again, nothing is created */
	rc = run_push(&ap, &o, &sum);
	CHECK_I64(rc, 0);
	CHECK_I64(sum.created, 0);
	CHECK_I64(sum.unchanged, p == PLATFORM_TIKTOK ? 3 : 4);
	CHECK_I64((int64_t)fake_objects(&f), p == PLATFORM_TIKTOK ? 3 : 4);
	fake_log(&f);
	/* the first push's only: LinkedIn's city, title and skill */
	CHECK_I64((int64_t)lookups(&f), p == PLATFORM_LINKEDIN ? 3 : 1);

	/* a new budget is an update of the ad set, not a new one */
	ap.sets[p].daily = 30000;
	rc = run_push(&ap, &o, &sum);
	CHECK_I64(rc, 0);
	CHECK_I64(sum.created, 0);
	CHECK_I64(sum.updated, 1);
	fake_log(&f);
	if (p == PLATFORM_META)
		CHECK_HAS(logged(&f, f.n_log - 1, "body"),
			  "daily_budget=30000");
	else if (p == PLATFORM_LINKEDIN) {
		CHECK_STR(logged_header(&f, f.n_log - 1, "X-RestLi-Method"),
			  "PARTIAL_UPDATE");
		CHECK_HAS(logged(&f, f.n_log - 1, "body"), "\"300.00\"");
	} else {
		CHECK_STR(logged(&f, f.n_log - 2, "path"),
			  "/open_api/v1.3/adgroup/budget/update/");
		CHECK_HAS(logged(&f, f.n_log - 2, "body"), "\"budget\":300");
	}
	CHECK_I64((int64_t)fake_objects(&f), p == PLATFORM_TIKTOK ? 3 : 4);
	push_summary_release(&sum);

	/* --activate: campaign, ad set and ad set ACTIVE, nothing created */
	o.activate = true;
	rc = run_push(&ap, &o, &sum);
	CHECK_I64(rc, 0);
	CHECK_I64(sum.created, 0);
	CHECK_I64(sum.updated, 3);
	fake_log(&f);
	check_activated(&f, p);
	rc = run_push(&ap, &o, &sum);
	CHECK_I64(sum.updated, 0); /* already active */
	push_summary_release(&sum);
	fake_stop(&f);
	store_close(st);
	free(ap.sets);
}

/* kill -9 while the creative or ad is on its way: the rerun finishes once */
static void test_resume(enum platform p)
{
	struct fake f;
	struct ad_plan ap;
	struct push_options o;
	struct http_options ho;
	struct push_summary sum = { 0 };
	struct store *st;
	char db[96];
	const char *args[] = { "--hang-at", "5", "--hang-seconds", "8", NULL };
	pid_t child;
	int rc, posts = 0;

	make_plan(&ap, 25000);
	use_fake(p);
	snprintf(db, sizeof(db), "%s/resume-%d.db", dir, (int)p);
	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	fflush(stdout);
	child = fork();
	if (child == 0) {
		st = NULL;
		if (store_open(db, STORE_CREATE, &st) != 0)
			_exit(9);
		options(&o, p, &f, accounts[p], st, &ho);
		_exit(run_push(&ap, &o, &sum));
	}
	for (int i = 0; i < 100 && fake_log(&f) < 4; i++) {
		struct timespec ts = { 0, 50 * 1000000L };

		nanosleep(&ts, NULL);
	}
	{
		/* the child is now inside request 5, which hangs */
		struct timespec ts = { 0, 400 * 1000000L };

		nanosleep(&ts, NULL);
	}
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	CHECK_I64((int64_t)fake_log(&f), 4); /* with the city's lookup */
	CHECK_I64((int64_t)fake_objects(&f), 2);
	st = NULL;
	CHECK(store_open(db, STORE_EXISTING, &st) == 0);
	options(&o, p, &f, accounts[p], st, &ho);
	rc = run_push(&ap, &o, &sum);
	CHECK_I64(rc, 0);
	CHECK_I64(sum.created, p == PLATFORM_TIKTOK ? 1 : 2);
	CHECK_I64((int64_t)fake_objects(&f), p == PLATFORM_TIKTOK ? 3 : 4);
	fake_log(&f);
	for (size_t i = 0; i < f.n_log; i++)
		posts += strcmp(logged(&f, i, "method"), "POST") == 0;
	/*
	 * 2 before the kill, the rest once after (the hung one unlogged);
	 * TikTok's city lookup is a POST too, and the rerun finds the city
	 * in the store: no second lookup
	 */
	CHECK_I64(posts, 4);
	CHECK_I64((int64_t)lookups(&f), 1);
	push_summary_release(&sum);
	fake_stop(&f);
	store_close(st);
	free(ap.sets);
}

static void test_throttle(enum platform p)
{
	struct fake f;
	struct ad_plan ap;
	struct push_options o;
	struct http_options ho;
	struct push_summary sum = { 0 };
	struct store *st = new_store();
	const char *args[] = { "--throttle", "2", NULL };

	make_plan(&ap, 25000);
	use_fake(p);
	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	options(&o, p, &f, accounts[p], st, &ho);
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	CHECK_I64((int64_t)fake_objects(&f), p == PLATFORM_TIKTOK ? 3 : 4);
	fake_log(&f);
	/* two throttled GETs of the account, then all went through */
	if (!CHECK((int64_t)f.n_log == (p == PLATFORM_TIKTOK ? 8 : 9)))
		for (size_t i = 0; i < f.n_log; i++)
			printf("#   %s %s\n", logged(&f, i, "method"),
			       logged(&f, i, "path"));
	push_summary_release(&sum);
	fake_stop(&f);
	/* throttled past every retry: 75, try later */
	const char *many[] = { "--throttle", "100", NULL };
	if (!CHECK(fake_start(&f, NULL, many) == 0))
		return;
	options(&o, p, &f, accounts[p], st, &ho);
	ho.max_retries = 1;
	CHECK_I64(run_push(&ap, &o, &sum), JM_TEMPFAIL);
	push_summary_release(&sum);
	fake_stop(&f);
	/* server errors past every retry: 69, unavailable */
	const char *failing[] = { "--fail", "100", NULL };
	if (!CHECK(fake_start(&f, NULL, failing) == 0))
		return;
	options(&o, p, &f, accounts[p], st, &ho);
	ho.max_retries = 1;
	CHECK_I64(run_push(&ap, &o, &sum), JM_UNAVAILABLE);
	CHECK_I64((int64_t)fake_log(&f), 2); /* the account GET, twice */
	push_summary_release(&sum);
	fake_stop(&f);
	store_close(st);
	free(ap.sets);
}

/* a refused token: 78 and a message naming the platform */
static void test_auth(enum platform p)
{
	struct fake f;
	struct ad_plan ap;
	struct push_options o;
	struct http_options ho;
	struct push_summary sum = { 0 };
	struct store *st = new_store();

	make_plan(&ap, 25000);
	use_fake(p);
	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	options(&o, p, &f, accounts[p], st, &ho);
	o.targets[p].token = "wrong-token";
	CHECK_I64(run_push(&ap, &o, &sum), JM_CONFIG);
	CHECK_I64((int64_t)fake_objects(&f), 0);
	push_summary_release(&sum);
	fake_stop(&f);
	store_close(st);
	free(ap.sets);
}

/* a dry run sends nothing and prints no token */
static void test_dry_run(enum platform p)
{
	struct fake f;
	struct ad_plan ap;
	struct push_options o;
	struct http_options ho;
	struct push_summary sum = { 0 };
	struct strbuf out = STRBUF_INIT;
	char path[96];
	FILE *fp;

	make_plan(&ap, 25000);
	use_fake(p);
	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	snprintf(path, sizeof(path), "%s/dry-%d", dir, (int)p);
	fp = fopen(path, "w");
	options(&o, p, &f, accounts[p], NULL, &ho);
	o.dry_run = true;
	o.dry_run_out = fp;
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	fclose(fp);
	read_file(path, &out);
	CHECK(strstr(strbuf_str(&out), TOKEN) == NULL);
	CHECK_HAS(strbuf_str(&out), "\"method\":\"POST\"");
	CHECK_I64((int64_t)fake_log(&f), 0);
	push_summary_release(&sum);
	strbuf_release(&out);
	fake_stop(&f);
	free(ap.sets);
}

/* an account in another currency: refused before any create, or converted */
static void test_currency(void)
{
	struct fake f;
	struct ad_plan ap;
	struct push_options o;
	struct http_options ho;
	struct push_summary sum = { 0 };
	struct store *st = new_store();
	const char *args[] = { "--account", "act_1:EUR:Europe/Helsinki", NULL };
	struct push_fx fx = { "EUR", "11.43" };

	make_plan(&ap, 25000);
	use_fake(PLATFORM_META);
	fake_extra[0] = NULL;
	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	options(&o, PLATFORM_META, &f, "1", st, &ho);
	CHECK_I64(run_push(&ap, &o, &sum), JM_DATAERR);
	CHECK_I64((int64_t)fake_log(&f), 1); /* the account, nothing else */
	push_summary_release(&sum);
	o.fx = &fx;
	o.n_fx = 1;
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	fake_log(&f);
	/* 250.00 SEK / 11.43 = 21.872... EUR: 2187 cents, rounded down */
	CHECK_HAS(logged(&f, 4, "body"), "daily_budget=2187&");
	push_summary_release(&sum);
	fake_stop(&f);
	store_close(st);
	free(ap.sets);
}

/* ad sets the employment-ad rules refuse are skipped with the reason */
static void test_refused(void)
{
	struct fake f;
	struct ad_plan ap;
	struct push_options o;
	struct http_options ho;
	struct push_summary sum = { 0 };
	struct store *st = new_store();
	struct compliance_note note = { TG_LOOKALIKES, TG_REFUSED, 0, "§1.6",
					(char *)"a lookalike audience cannot "
						"be used for employment ads" };

	make_plan(&ap, 25000);
	ap.sets[0].refused = true;
	ap.sets[0].compliance.notes = &note;
	ap.sets[0].compliance.n_notes = 1;
	ap.sets[0].compliance.n_refused = 1;
	use_fake(PLATFORM_META);
	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	options(&o, PLATFORM_META, &f, "1", st, &ho);
	/* the only Meta ad set is refused: not even the account is read */
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	CHECK_I64(sum.skipped, 1);
	CHECK_I64(sum.created, 0);
	CHECK_I64((int64_t)fake_log(&f), 0);
	CHECK(sum.lines.n == 1 &&
	      strstr(sum.lines.item[0], "skipped ad set "
					"'electricians / meta_feed': a "
					"lookalike audience cannot be used"));
	push_summary_release(&sum);
	/* a second Meta ad set that is allowed: it alone is pushed */
	ap.sets[1].platform = PLATFORM_META;
	ads[1].cta = "APPLY_NOW"; /* Meta's; LinkedIn's APPLY is refused */
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	CHECK_I64(sum.skipped, 1);
	CHECK_I64(sum.created, 4);
	fake_log(&f);
	CHECK_I64((int64_t)f.n_log, 6); /* with Bergen's lookup */
	CHECK_HAS(logged(&f, 3, "body"), "name=nurses%20%2F%20linkedin");
	ads[1].cta = "APPLY";
	push_summary_release(&sum);
	fake_stop(&f);
	store_close(st);
	free(ap.sets);
}

/* is some line of the summary holding text? */
static bool said(const struct push_summary *sum, const char *text)
{
	for (size_t i = 0; i < sum->lines.n; i++)
		if (strstr(sum->lines.item[i], text))
			return true;
	return false;
}

/*
 * A city the search does not know and one it knows twice both target
 * their country, with a sentence each; LinkedIn says once that it drops
 * the radius; a dry run uses the store's cache and prints the lookups it
 * cannot answer from it.
 */
static void test_geo(void)
{
	static struct location odd[2] = {
		{ (char *)"Nowhereby", (char *)"SE", 40 },
		{ (char *)"springfield", (char *)"US", 40 },
	};
	static struct location two[2] = {
		{ (char *)"BERGEN", (char *)"NO", 40 },
		{ (char *)"Førde", (char *)"NO", 30 },
	};
	struct fake f;
	struct ad_plan ap;
	struct push_options o;
	struct http_options ho;
	struct push_summary sum = { 0 };
	struct store *st = new_store();
	struct strbuf out = STRBUF_INIT;
	char path[96];
	FILE *fp;

	make_plan(&ap, 25000);
	ap.sets[0].targeting.places = odd;
	ap.sets[0].targeting.n_places = 2;
	use_fake(PLATFORM_META);
	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	options(&o, PLATFORM_META, &f, "1", st, &ho);
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	CHECK_I64(sum.created, 4);
	fake_log(&f);
	CHECK_I64((int64_t)lookups(&f), 2);
	/* both countries whole, no city: {"countries":["SE","US"]} */
	CHECK_HAS(logged(&f, 4, "body"),
		  "targeting=%7B%22geo_locations%22%3A%7B%22countries%22%3A%5B"
		  "%22SE%22%2C%22US%22%5D%7D%2C");
	CHECK(!strstr(logged(&f, 4, "body"), "cities"));
	CHECK(said(&sum, "meta: ad set 'electricians / meta_feed': meta's "
			 "location search found no city named 'Nowhereby' in "
			 "SE, so it targets all of SE"));
	CHECK(said(&sum, "meta: ad set 'electricians / meta_feed': meta's "
			 "location search found 2 cities named 'springfield' "
			 "in US and jobmix cannot tell which is meant, so it "
			 "targets all of US"));
	/* a new ad set for the same places: the store answers, no lookup */
	ap.sets[0].local_key = (char *)"k:set:meta:2";
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	CHECK_I64(sum.created, 1); /* the ad set; its ad is there */
	fake_log(&f);
	CHECK_I64((int64_t)lookups(&f), 2);
	CHECK(said(&sum, "found no city named 'Nowhereby' in SE"));
	fake_stop(&f);

	/* LinkedIn: two cities, matched whatever their case, one note */
	free(ap.sets);
	make_plan(&ap, 25000);
	ap.sets[1].targeting.places = two;
	ap.sets[1].targeting.n_places = 2;
	use_fake(PLATFORM_LINKEDIN);
	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	options(&o, PLATFORM_LINKEDIN, &f, accounts[1], st, &ho);
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	fake_log(&f);
	CHECK_I64((int64_t)lookups(&f), 2);
	CHECK_HAS(logged(&f, 4, "body"),
		  "\"urn:li:adTargetingFacet:locations\":[\"urn:li:geo:1900204"
		  "\",\"urn:li:geo:1900205\"]");
	CHECK(said(&sum, "linkedin: campaign 'nurses / linkedin': linkedin "
			 "has no radius around a city, so BERGEN (40 km), "
			 "Førde (30 km) are targeted as the city alone, "
			 "without the radius"));
	fake_stop(&f);

	/* a dry run on a new store: Umeå is not in its cache */
	free(ap.sets);
	make_plan(&ap, 25000);
	store_close(st);
	st = new_store();
	use_fake(PLATFORM_META);
	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	snprintf(path, sizeof(path), "%s/dry-geo", dir);
	fp = fopen(path, "w");
	options(&o, PLATFORM_META, &f, "1", st, &ho);
	o.dry_run = true;
	o.dry_run_out = fp;
	ap.sets[0].local_key = (char *)"k:set:meta:dry";
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	fclose(fp);
	read_file(path, &out);
	CHECK_HAS(strbuf_str(&out), "/v25.0/search?type=adgeolocation&q=Ume%C3"
				    "%A5&location_types=%5B%22city%22%5D&countr"
				    "y_code=SE");
	CHECK_HAS(strbuf_str(&out), "%7B%22countries%22%3A%5B%22SE%22%5D%7D");
	CHECK(strstr(strbuf_str(&out), TOKEN) == NULL);
	CHECK(said(&sum, "dry run: the city 'Umeå' (SE) is not in the store's "
			 "cache of meta's location ids, so this dry run "
			 "targets all of SE"));
	CHECK_I64((int64_t)fake_log(&f), 0);
	/* after a push, the dry run finds Umeå in the cache: no lookup */
	o.dry_run = false;
	ap.sets[0].local_key = (char *)"k:set:meta";
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	o.dry_run = true;
	fp = fopen(path, "w");
	o.dry_run_out = fp;
	ap.sets[0].local_key = (char *)"k:set:meta:dry";
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	fclose(fp);
	strbuf_reset(&out);
	read_file(path, &out);
	CHECK(strstr(strbuf_str(&out), "/search?") == NULL);
	CHECK_HAS(strbuf_str(&out), "%22cities%22%3A%5B%7B%22key%22%3A%2219001"
				    "01%22");
	CHECK(!said(&sum, "dry run: the city"));
	for (size_t i = 0; i < sum.lines.n; i++)
		CHECK(strstr(sum.lines.item[i], TOKEN) == NULL);
	push_summary_release(&sum);
	strbuf_release(&out);
	fake_stop(&f);
	store_close(st);
	free(ap.sets);
}

/*
 * LinkedIn's titles and skills: each looked up once by its exact name
 * (whatever its case; "Go" is not "Google Cloud Platform (GCP)"), the
 * ones found sent by their URNs, the others left out with one sentence;
 * a second push asks the store, not LinkedIn; a dry run uses the store's
 * cache and prints the lookups it cannot answer from it.
 */
static void test_facets(void)
{
	static char *titles[3] = { (char *)"Registered Nurse",
				   (char *)"Sjukepleiar",
				   (char *)"REGISTERED NURSE" };
	static char *skills[3] = { (char *)"nursing", (char *)"Patient Care",
				   (char *)"Go" };
	static char *unknown[1] = { (char *)"Sjukepleiar" };
	struct fake f;
	struct ad_plan ap;
	struct push_options o;
	struct http_options ho;
	struct push_summary sum = { 0 };
	struct store *st = new_store();
	struct strbuf out = STRBUF_INIT;
	char path[96];
	FILE *fp;

	make_plan(&ap, 25000);
	ap.sets[1].targeting.job_titles = (struct strlist){ titles, 3 };
	ap.sets[1].targeting.skills = (struct strlist){ skills, 3 };
	use_fake(PLATFORM_LINKEDIN);
	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	options(&o, PLATFORM_LINKEDIN, &f, accounts[1], st, &ho);
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	CHECK_I64(sum.created, 4);
	fake_log(&f);
	/* Bergen, 2 titles (the third is the first again), 3 skills */
	CHECK_I64((int64_t)lookups(&f), 6);
	CHECK_STR(logged_query(&f, 4, "query"), "Sjukepleiar");
	CHECK_STR(logged_query(&f, 7, "query"), "Go");
	CHECK_HAS(logged(&f, 8, "body"),
		  "{\"or\":{\"urn:li:adTargetingFacet:titles\":[\"urn:li:tit"
		  "le:105\"],\"urn:li:adTargetingFacet:skills\":[\"urn:li:s"
		  "kill:24\",\"urn:li:skill:25\"]}}]}}");
	CHECK(said(&sum, "linkedin: campaign 'nurses / linkedin': linkedin's "
			 "title and skill search found no title 'Sjukepleiar' "
			 "and no skill 'Go', so they are left out of its "
			 "targeting"));
	CHECK(!said(&sum, "places alone"));
	push_summary_release(&sum);

	/* a new campaign for the same persona: the store answers */
	ap.sets[1].local_key = (char *)"k:set:li:2";
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	CHECK_I64(sum.created, 1);
	fake_log(&f);
	CHECK_I64((int64_t)lookups(&f), 6);
	CHECK_HAS(logged(&f, f.n_log - 1, "body"), "\"urn:li:skill:25\"]}}");
	CHECK(said(&sum, "found no title 'Sjukepleiar' and no skill 'Go'"));
	push_summary_release(&sum);

	/* none found: no second item, the campaign targets Bergen alone */
	ap.sets[1].local_key = (char *)"k:set:li:3";
	ap.sets[1].targeting.job_titles = (struct strlist){ unknown, 1 };
	ap.sets[1].targeting.skills = (struct strlist){ NULL, 0 };
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	fake_log(&f);
	CHECK_I64((int64_t)lookups(&f), 6);
	CHECK_HAS(logged(&f, f.n_log - 1, "body"),
		  "\"targetingCriteria\":{\"include\":{\"and\":[{\"or\":{"
		  "\"urn:li:adTargetingFacet:locations\":[\"urn:li:geo:190"
		  "0204\"]}}]}}");
	CHECK(said(&sum, "linkedin: campaign 'nurses / linkedin': linkedin's "
			 "title and skill search found no title 'Sjukepleiar', "
			 "so it is left out of its targeting; it targets its "
			 "places alone"));
	push_summary_release(&sum);
	fake_stop(&f);

	/* a dry run on a new store: nothing cached, the lookups printed */
	ap.sets[1].local_key = (char *)"k:set:li";
	ap.sets[1].targeting.job_titles = (struct strlist){ titles, 3 };
	ap.sets[1].targeting.skills = (struct strlist){ skills, 3 };
	store_close(st);
	st = new_store();
	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	snprintf(path, sizeof(path), "%s/dry-facets", dir);
	fp = fopen(path, "w");
	options(&o, PLATFORM_LINKEDIN, &f, accounts[1], st, &ho);
	o.dry_run = true;
	o.dry_run_out = fp;
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	fclose(fp);
	read_file(path, &out);
	CHECK_HAS(strbuf_str(&out),
		  "/rest/adTargetingEntities?q=typeahead&facet=urn%3Ali%3AadTa"
		  "rgetingFacet%3Atitles&query=Registered%20Nurse&queryVersio"
		  "n=QUERY_USES_URNS");
	CHECK_HAS(strbuf_str(&out),
		  "/rest/adTargetingEntities?q=typeahead&facet=urn%3Ali%3AadTa"
		  "rgetingFacet%3Askills&query=Patient%20Care&queryVersion=QU"
		  "ERY_USES_URNS");
	CHECK(strstr(strbuf_str(&out), "urn:li:title:") == NULL);
	CHECK(strstr(strbuf_str(&out), TOKEN) == NULL);
	CHECK(said(&sum,
		   "linkedin: campaign 'nurses / linkedin': dry run: "
		   "the title 'Registered Nurse', the title 'Sjukepleiar', "
		   "the skill 'nursing', the skill 'Patient Care' and the "
		   "skill 'Go' are not in the store's cache of linkedin's "
		   "title and skill ids, so this dry run leaves them out; "
		   "a push looks them up"));
	CHECK_I64((int64_t)fake_log(&f), 0);
	push_summary_release(&sum);

	/* after a push, the dry run finds them in the cache: no lookup */
	o.dry_run = false;
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	push_summary_release(&sum);
	o.dry_run = true;
	fp = fopen(path, "w");
	o.dry_run_out = fp;
	ap.sets[1].local_key = (char *)"k:set:li:dry";
	CHECK_I64(run_push(&ap, &o, &sum), 0);
	fclose(fp);
	strbuf_reset(&out);
	read_file(path, &out);
	CHECK(strstr(strbuf_str(&out), "adTargetingEntities") == NULL);
	CHECK_HAS(strbuf_str(&out),
		  "\\\"urn:li:adTargetingFacet:titles\\\":[\\\"urn:li:title:1"
		  "05\\\"]");
	CHECK(!said(&sum, "dry run: the title"));
	CHECK(said(&sum, "found no title 'Sjukepleiar' and no skill 'Go'"));
	for (size_t i = 0; i < sum.lines.n; i++)
		CHECK(strstr(sum.lines.item[i], TOKEN) == NULL);
	CHECK(strstr(strbuf_str(&out), TOKEN) == NULL);
	push_summary_release(&sum);
	strbuf_release(&out);
	fake_stop(&f);
	store_close(st);
	free(ap.sets);
}

static void test_convert(void)
{
	int64_t v = 0;

	CHECK(push_convert(25000, 2, 2, NULL, &v) == 0);
	CHECK_I64(v, 25000);
	CHECK(push_convert(25050, 2, 0, NULL, &v) == 0);
	CHECK_I64(v, 250); /* HUF on Meta: whole forints, rounded down */
	CHECK(push_convert(250, 0, 2, NULL, &v) == 0);
	CHECK_I64(v, 25000);
	CHECK(push_convert(100000, 2, 0, "0.0912", &v) == 0);
	CHECK_I64(v, 10964); /* 1000 SEK at 0.0912 SEK per yen: 10964.9 */
	CHECK(push_convert(100, 2, 2, "abc", &v) < 0);
	CHECK(push_convert(100, 2, 2, "0", &v) < 0);
	CHECK_I64(push_meta_digits("HUF"), 0);
	CHECK_I64(push_meta_digits("SEK"), 2);
	CHECK_I64(push_meta_digits("JPY"), 0);
}

int main(void)
{
	const char *none[] = { NULL };

	setenv("FAKE_TOKEN", TOKEN, 1);
	unsetenv("http_proxy");
	if (!mkdtemp(dir) || http_global_init() < 0)
		return 1;
	test_convert();
	test_full(PLATFORM_META, meta_full, ARRAY_SIZE(meta_full), none);
	test_full(PLATFORM_LINKEDIN, li_full, ARRAY_SIZE(li_full), none);
	test_full(PLATFORM_TIKTOK, tt_full, ARRAY_SIZE(tt_full), none);
	for (int p = 0; p < 3; p++) {
		test_resume((enum platform)p);
		test_throttle((enum platform)p);
		test_auth((enum platform)p);
		test_dry_run((enum platform)p);
	}
	test_currency();
	test_refused();
	test_geo();
	test_facets();
	http_global_cleanup();
	return test_done();
}
