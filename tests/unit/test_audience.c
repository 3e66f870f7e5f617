/* tests/unit/test_audience.c - the audience JSON, resolved into a campaign */
#include "audience.h"

#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "catalogue.h"
#include "diag.h"
#include "strbuf.h"
#include "wrapper.h"
#include "test.h"

static struct strbuf cap;
static struct diag d;
static struct catalogue cat;

/* two SEK and two USD channels; linkedin_jobs has a floor and a cap */
static const char catalogue_csv[] =
	"id,name,platform,pricing,price,currency,ctr,apply_rate,hire_rate,"
	"precision,min_daily,min_spend,max_spend,impressions,source\n"
	"meta_feed,Meta feed,meta,cpm,80,SEK,0.01,0.05,0.1,0.3,50,,,,b\n"
	"linkedin_jobs,LinkedIn jobs,linkedin,cpc,9.29,USD,0.02,0.1,0.05,0.8,"
	"10,100,2000,,b\n"
	"newspaper,Newspaper,offline,flat,16500,SEK,0.001,0.02,0.1,0.02,,,,"
	"40000,b\n"
	"tiktok_infeed,TikTok,tiktok,cpm,4.50,USD,0.008,0.04,0.05,0.2,20,,,,"
	"b\n";

/*
 * The smallest valid audience, with ' for " so that it reads. Error
 * tests change one piece of it with variant().
 */
static const char base[] =
	"{'campaign': {'name': 'Grid', 'currency': 'SEK', 'budget': 10000,\n"
	"  'start': '2027-01-01', 'end': '2027-01-10', 'fx': {'USD': 10.5}},\n"
	" 'personas': [{'id': 'apprentices', 'name': 'Apprentices',\n"
	"   'size': 180, 'locations': [{'city': 'Umea', 'country': 'SE'}],\n"
	"   'channels': {'meta_feed': {'share': 0.5}}}]}\n";

/* s with every ' turned into ", in a buffer the caller frees */
static char *json(const char *s)
{
	char *j = xstrdup(s);

	for (char *p = j; *p; p++)
		if (*p == '\'')
			*p = '"';
	return j;
}

/* parse len bytes of text as "x.json", capturing the messages */
static int parse_n(const char *text, size_t len, struct campaign *c)
{
	strbuf_reset(&cap);
	diag_init(&d, "x.json");
	d.capture = &cap;
	return audience_parse(text, len, &cat, c, &d);
}

/* parse s, written with ' for " */
static int parse(const char *s, struct campaign *c)
{
	char *j = json(s);
	int rc = parse_n(j, strlen(j), c);

	free(j);
	return rc;
}

/* text with its first from replaced by to, in a buffer the caller frees */
static char *edit(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	struct strbuf sb = STRBUF_INIT;

	if (!at)
		die("test bug: '%s' is not in the audience", from);
	strbuf_add(&sb, text, (size_t)(at - text));
	strbuf_addstr(&sb, to);
	strbuf_addstr(&sb, at + strlen(from));
	return strbuf_detach(&sb);
}

/* parse base with its first from replaced by to (both with ') */
static int variant(const char *from, const char *to, struct campaign *c)
{
	char *text = edit(base, from, to);
	int rc = parse(text, c);

	free(text);
	return rc;
}

/* base changed so must fail with message among those printed (with ') */
#define CHECK_REJECTS(from, to, message)                            \
	do {                                                        \
		struct campaign bad_;                               \
		CHECK(variant(from, to, &bad_) == -1);              \
		CHECK_HAS(strbuf_str(&cap), message);               \
		CHECK(bad_.name == NULL && bad_.channels == NULL && \
		      bad_.personas == NULL);                       \
		CHECK_I64(d.status, JM_DATAERR);                    \
		campaign_release(&bad_);                            \
	} while (0)

/* the same, with this as the only message */
#define CHECK_REJECTS_ONLY(from, to, message)     \
	do {                                      \
		CHECK_REJECTS(from, to, message); \
		CHECK_I64(d.n_errors, 1);         \
	} while (0)

static void loads_the_catalogue(void)
{
	struct diag cd;

	diag_init(&cd, "channels.csv");
	CHECK(catalogue_parse(catalogue_csv, strlen(catalogue_csv), &cat,
			      &cd) == 0);
	CHECK_I64(cat.n, 4);
}

static void accepts_the_smallest_audience(void)
{
	struct campaign c;

	CHECK(parse(base, &c) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	CHECK_STR(c.name, "Grid");
	CHECK(c.client == NULL);
	CHECK(c.proposition == NULL);
	CHECK_STR(c.currency, "SEK");
	CHECK_I64(c.digits, 2);
	CHECK_I64(c.budget, 1000000);
	CHECK_STR(c.start, "2027-01-01");
	CHECK_STR(c.end, "2027-01-10");
	CHECK_I64(c.days, 10);
	CHECK(c.objective == OBJ_APPLICATIONS);
	CHECK_NEAR(c.short_term_weight, 0.7, 1e-12);
	CHECK_NEAR(c.goal_applications, 0, 0);
	CHECK_NEAR(c.goal_hires, 0, 0);
	CHECK_I64(c.n_channels, 4);
	CHECK_I64(c.n_exclusions, 0);
	CHECK_I64(c.n_personas, 1);
	if (c.n_personas == 1) {
		const struct persona *p = &c.personas[0];

		CHECK_I64(p->value_per_hire, MONEY_NONE);
		CHECK_I64(p->budget_cap, MONEY_NONE);
		CHECK(p->hook == NULL);
		CHECK_NEAR(p->experience_min, 0, 0);
		CHECK(p->experience_max < 0);
		CHECK_I64(p->education.n, 0);
		CHECK_I64(p->n_locations, 1);
		CHECK_NEAR(p->locations[0].radius_km, 0, 0);
		CHECK_I64(p->n_channels, 1);
		CHECK_NEAR(p->channels[0].affinity, 1, 0);
	}
	campaign_release(&c);
}

static const char full[] =
	"{'campaign': {'name': 'Grid electricians', 'client': 'Elnat AB',\n"
	"  'currency': 'SEK', 'budget': 15000.50, 'start': '2027-01-11',\n"
	"  'end': '2027-02-21', 'objective': 'blend',\n"
	"  'short_term_weight': 0.4,\n"
	"  'goal': {'applications': 5, 'hires': 1}, 'fx': {'USD': 10.5},\n"
	"  'proposition': 'Keep the lights on'},\n"
	" 'channels': {'meta_feed': {'price': 85.5, 'max_share': 0.6,\n"
	"                            'ctr': 0.02, 'frequency_cap': 4},\n"
	"              'linkedin_jobs': {'price': 100, 'hire_rate': 0.2},\n"
	"              'newspaper': {'exclude': true}},\n"
	" 'personas': [\n"
	"  {'id': 'apprentices', 'name': 'Apprentices', 'size': 180,\n"
	"   'locations': [{'city': 'Umea', 'country': 'SE', 'radius_km': 40},\n"
	"                 {'city': 'Skelleftea', 'country': 'SE'}],\n"
	"   'education': ['El- och energiprogrammet'],\n"
	"   'interests': ['Electric vehicles', 'Snowmobiles'],\n"
	"   'job_titles': ['Elektriker'], 'skills': ['ESA'],\n"
	"   'languages': ['sv', 'en'],\n"
	"   'experience': {'min_years': 0, 'max_years': 3},\n"
	"   'value_per_hire': 120000, 'budget_cap': 5000.25,\n"
	"   'goal': {'hires': 0.5}, 'hook': 'A van from day one',\n"
	"   'channels': {'meta_feed': {'share': 0.85, 'affinity': 1.1},\n"
	"                'linkedin_jobs': {'share': 0.4}}},\n"
	"  {'id': 'installers', 'name': 'Installers', 'size': 520,\n"
	"   'locations': [{'city': 'Umea', 'country': 'SE'}],\n"
	"   'experience': {'min_years': 5},\n"
	"   'channels': {'meta_feed': {'share': 0.9},\n"
	"                'tiktok_infeed': {'share': 0.1}}}],\n"
	" 'exclude': [{'persona': 'installers', 'channel': 'meta_feed',\n"
	"              'reason': 'saturated'}]}\n";

static void resolves_a_full_audience(void)
{
	struct campaign c;
	const struct persona *p;

	CHECK(parse(full, &c) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	if (c.n_personas != 2 || c.n_channels != 4) {
		CHECK(!"resolved two personas and four channels");
		campaign_release(&c);
		return;
	}
	CHECK_STR(c.client, "Elnat AB");
	CHECK_STR(c.proposition, "Keep the lights on");
	CHECK_I64(c.budget, 1500050);
	CHECK_I64(c.days, 42);
	CHECK(c.objective == OBJ_BLEND);
	CHECK_NEAR(c.short_term_weight, 0.4, 1e-12);
	CHECK_NEAR(c.goal_applications, 5, 0);
	CHECK_NEAR(c.goal_hires, 1, 0);

	p = &c.personas[0];
	CHECK_STR(p->id, "apprentices");
	CHECK_STR(p->name, "Apprentices");
	CHECK_I64(p->size, 180);
	CHECK_I64(p->n_locations, 2);
	CHECK_STR(p->locations[0].city, "Umea");
	CHECK_STR(p->locations[0].country, "SE");
	CHECK_NEAR(p->locations[0].radius_km, 40, 0);
	CHECK_STR(p->locations[1].city, "Skelleftea");
	CHECK_I64(p->education.n, 1);
	CHECK_I64(p->interests.n, 2);
	CHECK_STR(p->interests.item[1], "Snowmobiles");
	CHECK_I64(p->job_titles.n, 1);
	CHECK_I64(p->skills.n, 1);
	CHECK_I64(p->languages.n, 2);
	CHECK_STR(p->languages.item[0], "sv");
	CHECK_NEAR(p->experience_min, 0, 0);
	CHECK_NEAR(p->experience_max, 3, 0);
	CHECK_I64(p->value_per_hire, 12000000);
	CHECK_I64(p->budget_cap, 500025);
	CHECK_NEAR(p->goal_hires, 0.5, 0);
	CHECK_NEAR(p->goal_applications, 0, 0);
	CHECK_STR(p->hook, "A van from day one");
	CHECK_I64(p->n_channels, 2);
	CHECK_I64(p->channels[0].channel, 0);
	CHECK_NEAR(p->channels[0].share, 0.85, 1e-12);
	CHECK_NEAR(p->channels[0].affinity, 1.1, 1e-12);
	CHECK_I64(p->channels[1].channel, 1);
	CHECK_NEAR(p->channels[1].share, 0.4, 1e-12);
	CHECK_NEAR(p->channels[1].affinity, 1, 0);

	p = &c.personas[1];
	CHECK_NEAR(p->experience_min, 5, 0);
	CHECK(p->experience_max < 0);
	CHECK_I64(p->value_per_hire, MONEY_NONE);
	CHECK_I64(p->budget_cap, MONEY_NONE);
	CHECK_I64(p->channels[1].channel, 3);

	CHECK_I64(c.n_exclusions, 1);
	CHECK_I64(c.exclusions[0].persona, 1);
	CHECK_I64(c.exclusions[0].channel, 0);
	CHECK_STR(c.exclusions[0].reason, "saturated");
	CHECK(campaign_cell_excluded(&c, 1, 0));
	CHECK(!campaign_cell_excluded(&c, 0, 0));
	campaign_release(&c);
}

static void applies_channel_overrides_in_the_campaign_currency(void)
{
	struct campaign c;

	CHECK(parse(full, &c) == 0);
	if (c.n_channels != 4) {
		campaign_release(&c);
		return;
	}
	CHECK_I64(c.channels[0].price, 8550);
	CHECK_NEAR(c.channels[0].max_share, 0.6, 1e-12);
	CHECK_NEAR(c.channels[0].ctr, 0.02, 1e-12);
	CHECK_NEAR(c.channels[0].frequency_cap, 4, 0);
	CHECK_NEAR(c.channels[0].apply_rate, 0.05, 1e-12);
	CHECK(!c.channels[0].excluded);
	/* a USD channel's price override is SEK, not converted again */
	CHECK_I64(c.channels[1].price, 10000);
	CHECK_NEAR(c.channels[1].hire_rate, 0.2, 1e-12);
	CHECK(c.channels[2].excluded);
	CHECK(campaign_cell_excluded(&c, 0, 2));
	/* the catalogue is left as it was */
	CHECK_I64(cat.channels[0].price, 8000);
	CHECK(!cat.channels[2].excluded);
	campaign_release(&c);
}

static void converts_catalogue_prices_with_the_fx_rate(void)
{
	struct campaign c;
	const struct channel *ch;

	CHECK(parse(base, &c) == 0);
	if (c.n_channels != 4) {
		campaign_release(&c);
		return;
	}
	ch = &c.channels[1];
	CHECK_STR(ch->id, "linkedin_jobs");
	CHECK_STR(ch->currency, "USD");
	/* 929 cents x 10.5 = 9754.5 öre, rounded half away from zero */
	CHECK_I64(ch->price, 9755);
	CHECK_I64(ch->min_daily, 10500);
	CHECK_I64(ch->min_spend, 105000);
	CHECK_I64(ch->max_spend, 2100000);
	CHECK_I64(c.channels[3].price, 4725);
	/* same-currency rows are copied as they are */
	CHECK_I64(c.channels[0].price, 8000);
	CHECK_I64(c.channels[0].min_daily, 5000);
	CHECK_I64(c.channels[0].max_spend, MONEY_NONE);
	CHECK_I64(c.channels[2].price, 1650000);
	CHECK_STR(c.channels[0].name, "Meta feed");
	CHECK_I64(c.channels[1].line, 3);
	campaign_release(&c);
}

static void converts_into_a_currency_without_minor_units(void)
{
	char *isk = edit(base, "'currency': 'SEK', 'budget': 10000",
			 "'currency': 'ISK', 'budget': 150000");
	char *text = edit(isk, "{'USD': 10.5}", "{'USD': 138, 'SEK': 13.1}");
	struct campaign c;

	/* SEK 80.00 at 13.1 is 1048 ISK; USD 9.29 at 138 is 1282.02 */
	CHECK(parse(text, &c) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	CHECK_I64(c.digits, 0);
	CHECK_I64(c.budget, 150000);
	if (c.n_channels == 4) {
		CHECK_I64(c.channels[0].price, 1048);
		CHECK_I64(c.channels[0].min_daily, 655);
		CHECK_I64(c.channels[1].price, 1282);
		CHECK_I64(c.channels[1].min_spend, 13800);
		CHECK_I64(c.channels[2].price, 216150);
	}
	campaign_release(&c);
	free(text);

	/* whole krónur only */
	text = edit(isk, "150000", "150000.5");
	CHECK(parse(text, &c) == -1);
	CHECK_HAS(strbuf_str(&cap), "x.json: campaign.budget: error: expected "
				    "an amount in ISK, found 150000.5 (more "
				    "than 0 decimals)\n");
	campaign_release(&c);
	free(text);
	free(isk);
}

static void reports_malformed_json_with_line_and_column(void)
{
	struct campaign c;

	CHECK(parse("{\n  'campaign': {\n    'name' 'x'}}\n", &c) == -1);
	CHECK_STR(strbuf_str(&cap),
		  "x.json:3:12: error: malformed JSON near '\"x\"}}'\n");
	CHECK_I64(d.n_errors, 1);
	CHECK(c.name == NULL);
	campaign_release(&c);

	CHECK(parse("{'campaign': 5,}", &c) == -1);
	CHECK_STR(strbuf_str(&cap), "x.json:1:16: error: malformed JSON near "
				    "'}'\n");
	campaign_release(&c);

	CHECK(parse("", &c) == -1);
	CHECK_STR(strbuf_str(&cap), "x.json:1:1: error: malformed JSON: "
				    "unexpected end of file\n");
	campaign_release(&c);
}

static void reports_a_truncated_file_at_what_it_left_open(void)
{
	struct campaign c;

	CHECK(parse("{\n  'campaign': {\n", &c) == -1);
	CHECK_STR(strbuf_str(&cap), "x.json:2:15: error: malformed JSON: "
				    "unexpected end of file; the '{' opened "
				    "here is not closed\n");
	CHECK_I64(d.n_errors, 1);
	campaign_release(&c);

	CHECK(parse("{'campaign': {", &c) == -1);
	CHECK_STR(strbuf_str(&cap), "x.json:1:14: error: malformed JSON: "
				    "unexpected end of file; the '{' opened "
				    "here is not closed\n");
	campaign_release(&c);

	CHECK(parse("{'campaign': {'name': 'abc", &c) == -1);
	CHECK_STR(strbuf_str(&cap), "x.json:1:23: error: malformed JSON: the "
				    "string that starts here is not closed "
				    "before the end of the file\n");
	campaign_release(&c);

	/* a syntax error at the end of a line names no "(null)" text */
	CHECK(parse("{'campaign': {'name': 'x',,\n}}\n", &c) == -1);
	CHECK(strstr(strbuf_str(&cap), "(null)") == NULL);
	CHECK_HAS(strbuf_str(&cap), "x.json:1:");
	CHECK_I64(d.n_errors, 1);
	campaign_release(&c);
}

static void reports_a_nul_byte(void)
{
	static const char text[] = "{\"campaign\": {\"name\": \"a\0b\"}}";
	struct campaign c;

	CHECK(parse_n(text, sizeof(text) - 1, &c) == -1);
	CHECK_STR(strbuf_str(&cap), "x.json: error: malformed JSON: the file "
				    "holds a NUL byte\n");
	CHECK_I64(d.n_errors, 1);
	campaign_release(&c);
}

static void reports_unknown_and_duplicate_fields(void)
{
	CHECK_REJECTS("'budget': 10000", "'budgte': 10000",
		      "x.json: campaign.budgte: error: unknown field "
		      "'budgte'\n");
	CHECK_HAS(strbuf_str(&cap), "x.json: campaign.budget: error: "
				    "missing; expected an amount\n");
	CHECK_I64(d.n_errors, 2);
	CHECK_REJECTS_ONLY("'name': 'Grid'", "'name': 'Grid', 'name': 'Grid'",
			   "x.json: campaign.name: error: field 'name' given "
			   "twice\n");
	CHECK_REJECTS_ONLY("{'campaign'", "{'personae': [], 'campaign'",
			   "x.json: personae: error: unknown field "
			   "'personae'\n");
	CHECK_REJECTS_ONLY("'size': 180", "'size': 180, 'age': 30",
			   "x.json: personas[0].age: error: unknown field "
			   "'age'\n");
	CHECK_REJECTS_ONLY("'share': 0.5", "'share': 0.5, 'shares': 1",
			   "x.json: personas[0].channels.meta_feed.shares: "
			   "error: unknown field 'shares'\n");
	CHECK_REJECTS_ONLY("{'meta_feed': {'share': 0.5}}",
			   "{'meta_feed': {'share': 0.5}, "
			   "'meta_feed': {'share': 0.4}}",
			   "x.json: personas[0].channels.meta_feed: error: "
			   "field 'meta_feed' given twice\n");
}

static void reports_missing_required_fields(void)
{
	CHECK_REJECTS_ONLY("'name': 'Grid', ", "",
			   "x.json: campaign.name: error: missing; expected "
			   "a string\n");
	CHECK_REJECTS_ONLY("'start': '2027-01-01', ", "",
			   "x.json: campaign.start: error: missing; expected "
			   "a string\n");
	CHECK_REJECTS_ONLY("'size': 180, ", "",
			   "x.json: personas[0].size: error: missing; "
			   "expected a number above 0 and at most 1e+10\n");
	CHECK_REJECTS_ONLY("{'share': 0.5}", "{'affinity': 2}",
			   "x.json: personas[0].channels.meta_feed.share: "
			   "error: missing; expected a number above 0 and at "
			   "most 1\n");
	CHECK_REJECTS_ONLY("'city': 'Umea', ", "",
			   "x.json: personas[0].locations[0].city: error: "
			   "missing; expected a string\n");

	struct campaign c;

	CHECK(parse("{'personas': []}", &c) == -1);
	CHECK_STR(strbuf_str(&cap), "x.json: campaign: error: missing; "
				    "expected an object\n");
	campaign_release(&c);
}

static void reports_wrong_types(void)
{
	CHECK_REJECTS_ONLY("'name': 'Grid'", "'name': 5",
			   "x.json: campaign.name: error: expected a "
			   "non-empty string, found 5\n");
	CHECK_REJECTS_ONLY("'name': 'Grid'", "'name': ''",
			   "x.json: campaign.name: error: expected a "
			   "non-empty string, found \"\"\n");
	CHECK_REJECTS_ONLY("'budget': 10000", "'budget': '10000'",
			   "x.json: campaign.budget: error: expected an "
			   "amount (a number), found \"10000\"\n");
	CHECK_REJECTS_ONLY("'size': 180", "'size': null",
			   "x.json: personas[0].size: error: expected a "
			   "number above 0 and at most 1e+10, found null\n");
	CHECK_REJECTS("'fx': {'USD': 10.5}", "'fx': [10.5]",
		      "x.json: campaign.fx: error: expected an object of "
		      "rates, found an array\n");
	CHECK_REJECTS_ONLY("'fx': {'USD': 10.5}", "'fx': {'USD': 'ten'}",
			   "x.json: campaign.fx.USD: error: expected a rate "
			   "above 0 and at most 1000000, found \"ten\"\n");
	CHECK_REJECTS_ONLY(
		"'locations': [{'city': 'Umea', 'country': 'SE'}]",
		"'locations': []",
		"x.json: personas[0].locations: error: expected a "
		"non-empty array of locations, found an empty array\n");
	CHECK_REJECTS_ONLY("'country': 'SE'", "'country': 'se'",
			   "x.json: personas[0].locations[0].country: error: "
			   "expected an ISO 3166-1 alpha-2 code such as SE, "
			   "found \"se\"\n");
	CHECK_REJECTS_ONLY("'country': 'SE'", "'country': 'SWE'",
			   "x.json: personas[0].locations[0].country: error: "
			   "expected an ISO 3166-1 alpha-2 code such as SE, "
			   "found \"SWE\"\n");
	CHECK_REJECTS_ONLY("'country': 'SE'", "'country': 'S'",
			   "x.json: personas[0].locations[0].country: error: "
			   "expected an ISO 3166-1 alpha-2 code such as SE, "
			   "found \"S\"\n");
	CHECK_REJECTS_ONLY("'size': 180", "'size': 180, 'skills': 'ESA'",
			   "x.json: personas[0].skills: error: expected an "
			   "array of strings, found \"ESA\"\n");
	CHECK_REJECTS_ONLY("'size': 180", "'size': 180, 'skills': ['a', 2]",
			   "x.json: personas[0].skills[1]: error: expected a "
			   "non-empty string, found 2\n");
	CHECK_REJECTS_ONLY("'channels': {'meta_feed': {'share': 0.5}}",
			   "'channels': {}",
			   "x.json: personas[0].channels: error: expected an "
			   "object of channels where the persona can be "
			   "reached, found an object\n");
	CHECK_REJECTS_ONLY("'personas': [", "'personas': [['apprentices'], ",
			   "x.json: personas[0]: error: expected an object, "
			   "found an array\n");

	struct campaign c;

	CHECK(parse("['campaign']", &c) == -1);
	CHECK_STR(strbuf_str(&cap), "x.json: (top level): error: expected an "
				    "object, found an array\n");
	campaign_release(&c);
}

static void reports_numbers_out_of_range(void)
{
	CHECK_REJECTS_ONLY("{'share': 0.5}", "{'share': 1.4}",
			   "x.json: personas[0].channels.meta_feed.share: "
			   "error: expected a number above 0 and at most 1, "
			   "found 1.4\n");
	CHECK_REJECTS_ONLY("{'share': 0.5}", "{'share': 0}",
			   "x.json: personas[0].channels.meta_feed.share: "
			   "error: expected a number above 0 and at most 1, "
			   "found 0\n");
	CHECK_REJECTS_ONLY("{'share': 0.5}", "{'share': 0.5, 'affinity': 0}",
			   "x.json: personas[0].channels.meta_feed.affinity: "
			   "error: expected a number above 0 and at most 10, "
			   "found 0\n");
	CHECK_REJECTS_ONLY("'size': 180", "'size': 12.5",
			   "x.json: personas[0].size: error: expected a whole "
			   "number of people, found 12.5\n");
	CHECK_REJECTS_ONLY("'size': 180",
			   "'size': 180, 'experience': "
			   "{'min_years': 5, 'max_years': 2}",
			   "x.json: personas[0].experience: error: max_years 2 "
			   "is below min_years 5\n");
	CHECK_REJECTS_ONLY("'end'", "'short_term_weight': 1.5, 'end'",
			   "x.json: campaign.short_term_weight: error: "
			   "expected a number from 0 to 1, found 1.5\n");
}

static void reports_bad_budgets(void)
{
	CHECK_REJECTS_ONLY("'budget': 10000", "'budget': -5",
			   "x.json: campaign.budget: error: expected an "
			   "amount of at least 0, found -5\n");
	CHECK_REJECTS_ONLY("'budget': 10000", "'budget': 0",
			   "x.json: campaign.budget: error: expected a budget "
			   "above 0, found 0\n");
	CHECK_REJECTS_ONLY("'budget': 10000", "'budget': 1500.555",
			   "x.json: campaign.budget: error: expected an "
			   "amount in SEK, found 1500.555 (more than 2 "
			   "decimals)\n");
	CHECK_REJECTS_ONLY("'budget': 10000", "'budget': 1e999",
			   "x.json: campaign.budget: error: expected an "
			   "amount in SEK, found inf (not a finite number)\n");
	CHECK_REJECTS_ONLY("'budget': 10000", "'budget': 1e20",
			   "x.json: campaign.budget: error: expected an "
			   "amount in SEK, found 1e+20 (absurdly large)\n");
	CHECK_REJECTS_ONLY("'size': 180", "'size': 180, 'budget_cap': 0",
			   "x.json: personas[0].budget_cap: error: a budget "
			   "cap of 0 leaves the persona out; expected an "
			   "amount above 0 (or use \"exclude\")\n");
}

static void reports_bad_dates(void)
{
	CHECK_REJECTS_ONLY("'end': '2027-01-10'", "'end': '2027-02-30'",
			   "x.json: campaign.end: error: expected a date "
			   "YYYY-MM-DD, found \"2027-02-30\"\n");
	CHECK_REJECTS_ONLY("'start': '2027-01-01'", "'start': '2027-1-1'",
			   "x.json: campaign.start: error: expected a date "
			   "YYYY-MM-DD, found \"2027-1-1\"\n");
	CHECK_REJECTS_ONLY("'end': '2027-01-10'", "'end': '2026-12-31'",
			   "x.json: campaign.end: error: 2026-12-31 is before "
			   "the start, 2027-01-01\n");
	CHECK_REJECTS_ONLY("'end': '2027-01-10'", "'end': '2037-01-10'",
			   "x.json: campaign.end: error: a campaign of 3663 "
			   "days is absurd; expected at most 10 years\n");
}

static void reports_an_unknown_objective(void)
{
	CHECK_REJECTS_ONLY("'end'", "'objective': 'leads', 'end'",
			   "x.json: campaign.objective: error: expected "
			   "applications, hires, value, reach, blend or "
			   "min-cost, found \"leads\"\n");
}

static void reports_unknown_channels(void)
{
	CHECK_REJECTS_ONLY("{'meta_feed': {'share': 0.5}}",
			   "{'facebook': {'share': 0.5}}",
			   "x.json: personas[0].channels.facebook: error: "
			   "unknown channel 'facebook'; the catalogue has: "
			   "meta_feed, linkedin_jobs, newspaper, "
			   "tiktok_infeed\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'facebook': {'price': 5}}, "
			   "'personas'",
			   "x.json: channels.facebook: error: unknown channel "
			   "'facebook' (not in the catalogue)\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'exclude': [{'persona': 'apprentices', "
			   "'channel': 'facebook'}], 'personas'",
			   "x.json: exclude[0]: error: unknown channel "
			   "'facebook'\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'exclude': [{'persona': 'nurses', "
			   "'channel': 'meta_feed'}], 'personas'",
			   "x.json: exclude[0]: error: unknown persona "
			   "'nurses'\n");
}

static void reports_bad_overrides(void)
{
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'price': 0}}, "
			   "'personas'",
			   "x.json: channels.meta_feed.price: error: expected "
			   "a price above 0, found 0\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'exclude': 1}}, "
			   "'personas'",
			   "x.json: channels.meta_feed.exclude: error: "
			   "expected true or false, found 1\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'price': 5, "
			   "'exclude': 'yes'}}, 'personas'",
			   "x.json: channels.meta_feed.exclude: error: "
			   "expected true or false, found \"yes\"\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'ctr': 0}}, 'personas'",
			   "x.json: channels.meta_feed.ctr: error: expected a "
			   "number above 0 and at most 1, found 0\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'cpm': 5}}, 'personas'",
			   "x.json: channels.meta_feed.cpm: error: unknown "
			   "field 'cpm'\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'min_daily': 1.001}}, "
			   "'personas'",
			   "x.json: channels.meta_feed.min_daily: error: "
			   "expected an amount in SEK, found 1.001 (more than "
			   "2 decimals)\n");
}

static void reads_persona_channel_overrides(void)
{
	struct campaign c;
	const struct persona_channel *pc;

	/* none given: every figure is the channel's */
	CHECK(parse(base, &c) == 0);
	if (c.n_personas == 1 && c.personas[0].n_channels == 1)
		CHECK(c.personas[0].channels[0].given == 0);
	campaign_release(&c);

	CHECK(variant("{'share': 0.5}",
		      "{'share': 0.5, 'apply_rate': 0.02, 'hire_rate': 0, "
		      "'precision': 0.2, 'price': 55.5}, "
		      "'newspaper': {'share': 0.4, 'impressions': 20000}",
		      &c) == 0);
	if (c.n_personas != 1 || c.personas[0].n_channels != 2) {
		campaign_release(&c);
		CHECK(!"two channel entries");
		return;
	}
	pc = &c.personas[0].channels[0];
	CHECK(pc->given ==
	      (PC_APPLY_RATE | PC_HIRE_RATE | PC_PRECISION | PC_PRICE));
	CHECK_NEAR(pc->apply_rate, 0.02, 0);
	CHECK_NEAR(pc->hire_rate, 0, 0);
	CHECK_NEAR(pc->precision, 0.2, 0);
	CHECK_I64(pc->price, 5550); /* SEK, as every audience amount */
	CHECK_I64(campaign_cell_price(&c, 0, 0), 5550);
	pc = &c.personas[0].channels[1];
	CHECK_STR(c.channels[pc->channel].id, "newspaper");
	CHECK(pc->given == PC_IMPRESSIONS);
	CHECK_NEAR(pc->impressions, 20000, 0);
	/* the campaign's channels keep the catalogue's figures */
	CHECK_I64(c.channels[0].price, 8000);
	CHECK_NEAR(c.channels[0].apply_rate, 0.05, 0);
	CHECK_I64(c.channels[2].price, 1650000);
	campaign_release(&c);
}

static void reports_bad_persona_channel_overrides(void)
{
	CHECK_REJECTS_ONLY("{'share': 0.5}",
			   "{'share': 0.5, 'apply_rate': 1.5}",
			   "x.json: personas[0].channels.meta_feed.apply_rate: "
			   "error: expected a number from 0 to 1, found 1.5\n");
	CHECK_REJECTS_ONLY(
		"{'share': 0.5}", "{'share': 0.5, 'hire_rate': -0.1}",
		"x.json: personas[0].channels.meta_feed.hire_rate: "
		"error: expected a number from 0 to 1, found -0.1\n");
	CHECK_REJECTS_ONLY("{'share': 0.5}", "{'share': 0.5, 'precision': 0}",
			   "x.json: personas[0].channels.meta_feed.precision: "
			   "error: expected a number above 0 and at most 1, "
			   "found 0\n");
	CHECK_REJECTS_ONLY("{'share': 0.5}", "{'share': 0.5, 'price': 0}",
			   "x.json: personas[0].channels.meta_feed.price: "
			   "error: expected a price above 0, found 0\n");
	CHECK_REJECTS_ONLY("{'share': 0.5}", "{'share': 0.5, 'price': 1.001}",
			   "x.json: personas[0].channels.meta_feed.price: "
			   "error: expected an amount in SEK, found 1.001 "
			   "(more than 2 decimals)\n");
	CHECK_REJECTS_ONLY("{'share': 0.5}", "{'share': 0.5, 'price': '5'}",
			   "x.json: personas[0].channels.meta_feed.price: "
			   "error: expected an amount (a number), found "
			   "\"5\"\n");
	CHECK_REJECTS_ONLY(
		"{'share': 0.5}", "{'share': 0.5, 'impressions': 1000}",
		"x.json: personas[0].channels.meta_feed.impressions: "
		"error: only for a flat-fee channel; 'meta_feed' is "
		"priced cpm\n");
	CHECK_REJECTS_ONLY(
		"{'share': 0.5}",
		"{'share': 0.5}, 'newspaper': {'share': 0.1, "
		"'impressions': 0}",
		"x.json: personas[0].channels.newspaper.impressions: "
		"error: expected a number above 0 and at most "
		"1e+12, found 0\n");
	CHECK_REJECTS_ONLY("{'share': 0.5}", "{'share': 0.5, 'cpm': 5}",
			   "x.json: personas[0].channels.meta_feed.cpm: "
			   "error: unknown field 'cpm'\n");
}

/* the campaign's flat fee is what the budget check weighs */
static void budget_check_uses_the_campaign_flat_fee(void)
{
	struct campaign c;

	/* the catalogue's 16 500 SEK paper does not fit 10 000 SEK */
	CHECK_REJECTS_ONLY("'meta_feed': {'share': 0.5}",
			   "'newspaper': {'share': 0.5}",
			   "x.json: campaign.budget: error: a budget of "
			   "10 000.00 SEK is below every channel's minimum for "
			   "this 10-day campaign; the lowest is 16 500.00 SEK "
			   "on 'newspaper'\n");
	/* the campaign's 8 000 SEK edition does */
	CHECK(variant("'personas'",
		      "'channels': {'newspaper': {'price': 8000}}, "
		      "'personas'",
		      &c) == 0);
	campaign_release(&c);
	/* a persona's own fee for one shared buy is refused */
	CHECK_REJECTS_ONLY("'meta_feed': {'share': 0.5}",
			   "'newspaper': {'share': 0.5, 'price': 8000}",
			   "x.json: personas[0].channels.newspaper.price: "
			   "error: a flat-fee channel ('newspaper') is one buy "
			   "shared by every persona, so it has no persona "
			   "price; set the fee under channels.newspaper.price "
			   "instead\n");
}

/* channels.<id>.ad_set, start and end */
static void reads_ad_sets_and_flights(void)
{
	struct campaign c;
	long paper, meta;

	CHECK(parse(base, &c) == 0);
	meta = campaign_find_channel(&c, "meta_feed");
	if (meta >= 0) {
		CHECK(!c.channels[meta].shared_ad_set);
		CHECK_I64(c.channels[meta].days, 10);
		CHECK_STR(c.channels[meta].start, "2027-01-01");
		CHECK_STR(c.channels[meta].end, "2027-01-10");
		CHECK(!c.channels[meta].own_dates);
	}
	campaign_release(&c);
	CHECK(variant("'personas'",
		      "'channels': {'meta_feed': {'ad_set': 'shared'}, "
		      "'newspaper': {'start': '2027-01-04', "
		      "'end': '2027-01-04'}}, 'personas'",
		      &c) == 0);
	meta = campaign_find_channel(&c, "meta_feed");
	paper = campaign_find_channel(&c, "newspaper");
	if (meta >= 0 && paper >= 0) {
		CHECK(c.channels[meta].shared_ad_set);
		CHECK_I64(c.channels[meta].days, 10);
		CHECK_I64(c.channels[paper].days, 1);
		CHECK_STR(c.channels[paper].start, "2027-01-04");
		CHECK(c.channels[paper].own_dates);
	}
	campaign_release(&c);
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'ad_set': 'group'}}, "
			   "'personas'",
			   "x.json: channels.meta_feed.ad_set: error: "
			   "expected persona or shared, found \"group\"\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'start': "
			   "'2027-01-04'}}, 'personas'",
			   "x.json: channels.meta_feed.end: error: missing; a "
			   "channel's flight needs both start and end\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'start': '2026-12-31', "
			   "'end': '2027-01-04'}}, 'personas'",
			   "x.json: channels.meta_feed.start: error: "
			   "2026-12-31 is outside the campaign's dates, "
			   "2027-01-01 to 2027-01-10\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'start': '2027-01-04', "
			   "'end': '2027-01-11'}}, 'personas'",
			   "x.json: channels.meta_feed.end: error: "
			   "2027-01-11 is outside the campaign's dates, "
			   "2027-01-01 to 2027-01-10\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'start': '2027-01-05', "
			   "'end': '2027-01-04'}}, 'personas'",
			   "x.json: channels.meta_feed.end: error: "
			   "2027-01-04 is before the start, 2027-01-05\n");
	CHECK_REJECTS_ONLY(
		"'personas'",
		"'channels': {'meta_feed': {'start': '2027-02-30', "
		"'end': '2027-01-04'}}, 'personas'",
		"x.json: channels.meta_feed.start: error: "
		"expected a date YYYY-MM-DD, found \"2027-02-30\"\n");
}

static void reports_persona_id_problems(void)
{
	CHECK_REJECTS_ONLY("'personas': [{",
			   "'personas': [{'id': 'apprentices', "
			   "'name': 'A', 'size': 1, "
			   "'locations': [{'city': 'U', "
			   "'country': 'SE'}], 'channels': "
			   "{'meta_feed': {'share': 1}}}, {",
			   "x.json: personas[1]: error: duplicate persona id "
			   "'apprentices' (also personas[0])\n");
	CHECK_REJECTS_ONLY("'id': 'apprentices'", "'id': 'Apprentices'",
			   "x.json: personas[0].id: error: expected 1 to 64 "
			   "of a-z 0-9 _ -, found \"Apprentices\"\n");
}

static void reports_no_personas(void)
{
	struct campaign c;
	char *j = json(base);
	struct strbuf sb = STRBUF_INIT;

	/* everything from "personas" on replaced */
	strbuf_add(&sb, j, (size_t)(strstr(j, "\"personas\"") - j));
	strbuf_addstr(&sb, "\"personas\": []}");
	CHECK(parse_n(sb.buf, sb.len, &c) == -1);
	CHECK_STR(strbuf_str(&cap), "x.json: personas: error: expected a "
				    "non-empty array of personas, found an "
				    "empty array\n");
	campaign_release(&c);

	strbuf_reset(&sb);
	strbuf_add(&sb, j, (size_t)(strstr(j, ",\n \"personas\"") - j));
	strbuf_addstr(&sb, "}");
	CHECK(parse_n(sb.buf, sb.len, &c) == -1);
	CHECK_STR(strbuf_str(&cap), "x.json: personas: error: expected a "
				    "non-empty array of personas, found "
				    "nothing\n");
	campaign_release(&c);
	strbuf_release(&sb);
	free(j);
}

static void reports_a_missing_fx_rate_once_per_currency(void)
{
	CHECK_REJECTS_ONLY(", 'fx': {'USD': 10.5}", "",
			   "x.json: campaign.fx: error: no rate for USD, the "
			   "currency of channel 'linkedin_jobs' and others in "
			   "the catalogue; add \"USD\": <SEK per 1 USD>\n");
	CHECK_REJECTS_ONLY("{'USD': 10.5}", "{'EUR': 11.5}",
			   "x.json: campaign.fx: error: no rate for USD");
	/* two USD channels, one message */
	CHECK_REJECTS_ONLY("{'USD': 10.5}", "{'USD': 0}",
			   "x.json: campaign.fx.USD: error: expected a rate "
			   "above 0 and at most 1000000, found 0\n");
}

static void reports_objectives_the_audience_cannot_serve(void)
{
	CHECK_REJECTS_ONLY("'end'", "'objective': 'value', 'end'",
			   "x.json: personas[0]: error: objective 'value' "
			   "needs value_per_hire on every persona; "
			   "'apprentices' has none\n");
	CHECK_REJECTS_ONLY("'end'", "'objective': 'min-cost', 'end'",
			   "x.json: campaign.objective: error: objective "
			   "'min-cost' needs a goal (campaign.goal or a "
			   "persona's goal) to meet\n");

	struct campaign c;

	CHECK(variant("'end'",
		      "'objective': 'min-cost', "
		      "'goal': {'applications': 3}, 'end'",
		      &c) == 0);
	CHECK(c.objective == OBJ_MIN_COST);
	CHECK_NEAR(c.goal_applications, 3, 0);
	campaign_release(&c);

	CHECK(variant("'size': 180",
		      "'size': 180, 'goal': {'hires': 1}, "
		      "'value_per_hire': 50000",
		      &c) == 0);
	campaign_release(&c);
}

static void reports_floors_and_minimums_the_budget_cannot_pay(void)
{
	CHECK_REJECTS_ONLY("'budget': 10000", "'budget': 1000",
			   "x.json: campaign.budget: error: the channels' "
			   "minimum spends add up to 1 050.00 SEK, more than "
			   "the budget of 1 000.00 SEK\n");
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'min_spend': 9000}}, "
			   "'personas'",
			   "x.json: campaign.budget: error: the channels' "
			   "minimum spends add up to 10 050.00 SEK, more than "
			   "the budget of 10 000.00 SEK\n");
}

static void reports_a_budget_below_every_channel_minimum(void)
{
	char *low = edit(base, "'budget': 10000", "'budget': 499.99");
	char *text = edit(low, "'personas'",
			  "'channels': {'linkedin_jobs': {'min_spend': 0}}, "
			  "'personas'");
	struct campaign c;

	/* meta_feed needs 50 SEK a day for 10 days */
	CHECK(parse(text, &c) == -1);
	CHECK_STR(strbuf_str(&cap),
		  "x.json: campaign.budget: error: a budget of 499.99 SEK is "
		  "below every channel's minimum for this 10-day campaign; "
		  "the lowest is 500.00 SEK on 'meta_feed'\n");
	campaign_release(&c);
	free(text);

	/* 500 is just enough */
	text = edit(low, "499.99", "1000");
	free(low);
	low = edit(text, "'personas'",
		   "'channels': {'linkedin_jobs': {'exclude': true}}, "
		   "'personas'");
	CHECK(parse(low, &c) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	campaign_release(&c);
	free(text);
	free(low);
}

static void reports_every_problem_of_a_file(void)
{
	struct campaign c;

	CHECK(parse("{'campaign': {'name': '', 'currency': 'SEK',\n"
		    "  'budget': -1, 'start': '2027-01-01', 'end': "
		    "'2027-01-10',\n"
		    "  'fx': {'USD': 10.5}},\n"
		    " 'personas': [{'id': 'a', 'name': 'A', 'size': 0,\n"
		    "   'locations': [{'city': 'U', 'country': 'SE'}],\n"
		    "   'channels': {'meta_feed': {'share': 2}}}]}\n",
		    &c) == -1);
	CHECK_STR(strbuf_str(&cap),
		  "x.json: campaign.name: error: expected a non-empty string, "
		  "found \"\"\n"
		  "x.json: campaign.budget: error: expected an amount of at "
		  "least 0, found -1\n"
		  "x.json: personas[0].size: error: expected a number above 0 "
		  "and at most 1e+10, found 0\n"
		  "x.json: personas[0].channels.meta_feed.share: error: "
		  "expected a number above 0 and at most 1, found 2\n");
	CHECK_I64(d.n_errors, 4);
	CHECK_I64(d.status, JM_DATAERR);
	campaign_release(&c);
}

static void releases_everything_after_a_failed_parse(void)
{
	struct campaign c;

	/* the failure comes after personas, overrides and channels exist */
	CHECK(parse(full, &c) == 0);
	campaign_release(&c);
	CHECK(variant("'budget': 10000", "'budget': 1000", &c) == -1);
	CHECK(c.name == NULL && c.currency == NULL && c.channels == NULL &&
	      c.personas == NULL && c.exclusions == NULL);
	CHECK_I64(c.n_channels, 0);
	CHECK_I64(c.n_personas, 0);
	campaign_release(&c);
	campaign_release(&c);
}

static void reports_a_plan_with_every_cell_excluded(void)
{
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'exclude': true}}, "
			   "'personas'",
			   "x.json: personas: error: every persona x channel "
			   "cell is excluded; nothing can be planned\n");
}

static void reports_a_file_it_cannot_read(void)
{
	struct campaign c;

	strbuf_reset(&cap);
	diag_init(&d, "missing.json");
	d.capture = &cap;
	CHECK(audience_load("/nonexistent/missing.json", &cat, &c, &d) == -1);
	CHECK_STR(strbuf_str(&cap), "missing.json: error: cannot read: No "
				    "such file or directory\n");
	CHECK_I64(d.status, JM_NOINPUT);
	campaign_release(&c);
}

/* BUGS: each fails against the current src/audience.c */
static void rejects_text_after_the_document(void)
{
	struct campaign c;
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, base);
	strbuf_addstr(&sb, "garbage\n");
	CHECK(parse(sb.buf, &c) == -1);
	CHECK_HAS(strbuf_str(&cap), "x.json:6:1: error: malformed JSON");
	campaign_release(&c);
	strbuf_release(&sb);
}

static void rejects_an_escaped_nul_in_a_string(void)
{
	struct campaign c;

	CHECK(variant("'name': 'Grid'", "'name': 'Gr\\u0000id'", &c) == -1);
	CHECK_HAS(strbuf_str(&cap),
		  "a \\u0000 (NUL) escape in a string is not allowed");
	campaign_release(&c);
}

static void checks_an_override_floor_against_its_cap(void)
{
	CHECK_REJECTS("'personas'",
		      "'channels': {'meta_feed': {'min_spend': 5000, "
		      "'max_spend': 1000}}, 'personas'",
		      "x.json: channels.meta_feed");
	CHECK_REJECTS("'personas'",
		      "'channels': {'linkedin_jobs': {'max_spend': 500}}, "
		      "'personas'",
		      "x.json: channels.linkedin_jobs");
}

static void does_not_call_a_mid_file_error_the_end_of_file(void)
{
	struct campaign c;

	CHECK(parse("{'campaign': {'name': 'x',,\n}}\n", &c) == -1);
	CHECK(strstr(strbuf_str(&cap), "end of file") == NULL);
	campaign_release(&c);
}

/* base with n personas (and extra text inside the top object) */
static char *many_personas(size_t n, const char *extra)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "{\"campaign\": {\"name\": \"G\", \"currency\": "
			   "\"SEK\", \"budget\": 10000, \"start\": "
			   "\"2027-01-01\", \"end\": \"2027-01-10\", \"fx\": "
			   "{\"USD\": 10.5}}, \"personas\": [");
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb,
			    "%s{\"id\": \"p%zu\", \"name\": \"P\", \"size\": "
			    "10, \"locations\": [{\"city\": \"U\", "
			    "\"country\": \"SE\"}], \"channels\": "
			    "{\"meta_feed\": {\"share\": 0.5}}}",
			    i ? ", " : "", i % 99999 == 99998 ? (size_t)7 : i);
	strbuf_addf(&sb, "]%s}", extra);
	return strbuf_detach(&sb);
}

static void reads_big_inputs_without_quadratic_work(void)
{
	struct strbuf extra = STRBUF_INIT;
	struct campaign c;
	double t0 = now_ms();
	char *text = many_personas(100000, "");

	/* personas[99998] repeats p7: found by sorting, not 10^10 compares */
	CHECK(parse_n(text, strlen(text), &c) == -1);
	CHECK_STR(strbuf_str(&cap), "x.json: personas[99998]: error: duplicate "
				    "persona id 'p7' (also personas[7])\n");
	free(text);
	campaign_release(&c);
	for (int i = 0; i < 300000; i++)
		strbuf_addf(&extra, ", \"k%d\": 1", i);
	text = many_personas(1, extra.buf);
	CHECK(parse_n(text, strlen(text), &c) == -1);
	CHECK_I64(d.n_errors, 300000);
	CHECK_HAS(strbuf_str(&cap), "x.json: k0: error: unknown field 'k0'\n");
	free(text);
	strbuf_release(&extra);
	/* quadratic, these took minutes */
	CHECK(now_ms() - t0 < 60000);
}

static void refuses_amounts_and_rates_beyond_their_range(void)
{
	struct campaign c;

	CHECK_REJECTS_ONLY("'budget': 10000", "'budget': 5000.000000001",
			   "x.json: campaign.budget: error: expected an "
			   "amount in SEK, found 5000.000000001 (more than 2 "
			   "decimals)\n");
	CHECK(variant("'budget': 10000", "'budget': 10000.00", &c) == 0);
	campaign_release(&c);
	CHECK_REJECTS_ONLY("{'USD': 10.5}", "{'USD': 1e-300}",
			   "x.json: campaign.fx.USD: error: expected a rate of "
			   "at least 0.000001, found 1e-300\n");
	CHECK_REJECTS_ONLY("{'USD': 10.5}", "{'USD': 1e300}",
			   "x.json: campaign.fx.USD: error: expected a rate "
			   "above 0 and at most 1000000, found 1e+300\n");
	/* two floors that each fit, but not together */
	CHECK_REJECTS_ONLY("'personas'",
			   "'channels': {'meta_feed': {'min_spend': "
			   "900000000000}, 'newspaper': {'min_spend': "
			   "900000000000}}, 'personas'",
			   "x.json: campaign.budget: error: the channels' "
			   "minimum spends add up to more than 1 000 000 000 "
			   "000.00 SEK, more than the budget of 10 000.00 "
			   "SEK\n");
}

static void refuses_text_that_is_not_utf8(void)
{
	CHECK_REJECTS_ONLY("'name': 'Apprentices'", "'name': 'App\xffrentices'",
			   "x.json: personas[0].name: error: expected UTF-8 "
			   "text, found the byte 0xFF in a string\n");
	CHECK_REJECTS_ONLY("'city': 'Umea'", "'city': 'Ume\xe5'",
			   "x.json: personas[0].locations[0].city: error: "
			   "expected UTF-8 text, found the byte 0xE5 in a "
			   "string\n");
	CHECK_REJECTS_ONLY("'name': 'Grid'", "'name': 'Gr\\\\\\u0000id'",
			   "error: a \\u0000 (NUL) escape");
}

/* personas[].targeting: what the persona asks the platforms for */
static void reads_a_personas_targeting(void)
{
	struct campaign c;

	CHECK(variant("'size': 180",
		      "'size': 180, 'targeting': {'age_min': 25, 'age_max': "
		      "44, 'genders': ['female'], 'postal_codes': ['903 30'], "
		      "'exclude_locations': [{'city': 'Holmsund', 'country': "
		      "'SE', 'radius_km': 5}], 'exclude_interests': "
		      "['gaming'], "
		      "'lookalike': 'past applicants'}",
		      &c) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	if (c.n_personas == 1) {
		const struct persona_targeting *t = &c.personas[0].targeting;

		CHECK_I64(t->age_min, 25);
		CHECK_I64(t->age_max, 44);
		CHECK_I64(t->genders.n, 1);
		CHECK_STR(t->genders.item[0], "female");
		CHECK_STR(t->postal_codes.item[0], "903 30");
		CHECK_I64(t->n_exclude, 1);
		CHECK_STR(t->exclude[0].city, "Holmsund");
		CHECK_STR(t->exclude[0].country, "SE");
		CHECK_NEAR(t->exclude[0].radius_km, 5, 0);
		CHECK_STR(t->exclude_interests.item[0], "gaming");
		CHECK_STR(t->lookalike, "past applicants");
	}
	campaign_release(&c);
	/* none given: nothing asked */
	CHECK(parse(base, &c) == 0);
	if (c.n_personas == 1) {
		CHECK_I64(c.personas[0].targeting.age_min, 0);
		CHECK_I64(c.personas[0].targeting.genders.n, 0);
		CHECK(c.personas[0].targeting.lookalike == NULL);
	}
	campaign_release(&c);
	CHECK_REJECTS_ONLY("'size': 180",
			   "'size': 180, 'targeting': {'genders': ['male', "
			   "'other']}",
			   "x.json: personas[0].targeting.genders[1]: error: "
			   "expected \"female\" or \"male\", found \"other\"");
	CHECK_REJECTS_ONLY(
		"'size': 180",
		"'size': 180, 'targeting': {'age_min': 40, "
		"'age_max': 30}",
		"x.json: personas[0].targeting.age_max: error: 30 is "
		"below age_min 40");
	CHECK_REJECTS_ONLY("'size': 180",
			   "'size': 180, 'targeting': {'age_min': 12}",
			   "x.json: personas[0].targeting.age_min: error:");
	CHECK_REJECTS_ONLY("'size': 180",
			   "'size': 180, 'targeting': {'age_max': 30.5}",
			   "x.json: personas[0].targeting.age_max: error: "
			   "expected a whole number of years, found 30.5");
	CHECK_REJECTS_ONLY(
		"'size': 180", "'size': 180, 'targeting': {'gender': ['male']}",
		"x.json: personas[0].targeting.gender: error: unknown "
		"field 'gender'");
	CHECK_REJECTS_ONLY("'size': 180",
			   "'size': 180, 'targeting': {'exclude_locations': "
			   "[{'city': 'Holmsund', 'country': 'se'}]}",
			   "x.json: personas[0].targeting.exclude_locations[0]"
			   ".country: error: expected an ISO 3166-1 alpha-2 "
			   "code such as SE, found \"se\"");
	CHECK_REJECTS_ONLY("'size': 180",
			   "'size': 180, 'targeting': {'exclude_locations': "
			   "'Holmsund'}",
			   "x.json: personas[0].targeting.exclude_locations: "
			   "error: expected an array of locations");
	CHECK_REJECTS_ONLY("'size': 180", "'size': 180, 'targeting': []",
			   "x.json: personas[0].targeting: error: expected an "
			   "object");
}

int main(void)
{
	loads_the_catalogue();
	accepts_the_smallest_audience();
	resolves_a_full_audience();
	applies_channel_overrides_in_the_campaign_currency();
	converts_catalogue_prices_with_the_fx_rate();
	converts_into_a_currency_without_minor_units();
	reports_malformed_json_with_line_and_column();
	reports_a_truncated_file_at_what_it_left_open();
	reports_a_nul_byte();
	reports_unknown_and_duplicate_fields();
	reports_missing_required_fields();
	reports_wrong_types();
	reports_numbers_out_of_range();
	reports_bad_budgets();
	reports_bad_dates();
	reports_an_unknown_objective();
	reports_unknown_channels();
	reports_bad_overrides();
	reads_persona_channel_overrides();
	reports_bad_persona_channel_overrides();
	budget_check_uses_the_campaign_flat_fee();
	reads_ad_sets_and_flights();
	reports_persona_id_problems();
	reports_no_personas();
	reports_a_missing_fx_rate_once_per_currency();
	reports_objectives_the_audience_cannot_serve();
	reports_floors_and_minimums_the_budget_cannot_pay();
	reports_a_budget_below_every_channel_minimum();
	reports_every_problem_of_a_file();
	releases_everything_after_a_failed_parse();
	reports_a_plan_with_every_cell_excluded();
	reports_a_file_it_cannot_read();
	rejects_text_after_the_document();
	rejects_an_escaped_nul_in_a_string();
	checks_an_override_floor_against_its_cap();
	does_not_call_a_mid_file_error_the_end_of_file();
	reads_big_inputs_without_quadratic_work();
	refuses_amounts_and_rates_beyond_their_range();
	refuses_text_that_is_not_utf8();
	reads_a_personas_targeting();
	catalogue_release(&cat);
	strbuf_release(&cap);
	return test_done();
}
