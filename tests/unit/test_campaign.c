/* tests/unit/test_campaign.c - dates, enum names and campaign look-ups */
#include "campaign.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "wrapper.h"
#include "test.h"

static void accepts_real_calendar_dates(void)
{
	CHECK(date_valid("2027-01-01"));
	CHECK(date_valid("2027-12-31"));
	CHECK(date_valid("2027-04-30"));
	CHECK(date_valid("1970-01-01"));
	CHECK(date_valid("9999-12-31"));
	CHECK(!date_valid("2027-04-31"));
	CHECK(!date_valid("2027-02-30"));
	CHECK(!date_valid("2027-13-01"));
	CHECK(!date_valid("2027-00-10"));
	CHECK(!date_valid("2027-01-00"));
	CHECK(!date_valid("2027-01-32"));
}

static void knows_the_leap_years(void)
{
	CHECK(date_valid("2028-02-29"));
	CHECK(!date_valid("2027-02-29"));
	CHECK(!date_valid("2100-02-29"));
	CHECK(date_valid("2000-02-29"));
	CHECK(date_valid("2100-02-28"));
}

static void rejects_other_date_formats(void)
{
	CHECK(!date_valid(""));
	CHECK(!date_valid("2027-1-01"));
	CHECK(!date_valid("2027-01-1"));
	CHECK(!date_valid("27-01-01"));
	CHECK(!date_valid("2027/01/01"));
	CHECK(!date_valid("20270101"));
	CHECK(!date_valid("2027-01-01T00:00"));
	CHECK(!date_valid("2027-01-01 "));
	CHECK(!date_valid(" 2027-01-01"));
	CHECK(!date_valid("2027-0a-01"));
	CHECK(!date_valid("+027-01-01"));
	CHECK(!date_valid("2027-+1-01"));
	CHECK(!date_valid("01-01-2027"));
}

static void counts_days_inclusively(void)
{
	CHECK_I64(date_span_days("2027-01-11", "2027-01-11"), 1);
	CHECK_I64(date_span_days("2027-01-11", "2027-01-12"), 2);
	CHECK_I64(date_span_days("2027-01-11", "2027-02-21"), 42);
	CHECK_I64(date_span_days("2026-12-30", "2027-01-02"), 4);
	CHECK_I64(date_span_days("2027-01-01", "2027-12-31"), 365);
	CHECK_I64(date_span_days("2028-01-01", "2028-12-31"), 366);
	CHECK_I64(date_span_days("2028-02-28", "2028-03-01"), 3);
	CHECK_I64(date_span_days("2027-02-28", "2027-03-01"), 2);
	CHECK_I64(date_span_days("2099-12-31", "2100-03-01"), 61);
}

static void gives_minus_one_for_a_span_it_cannot_count(void)
{
	CHECK_I64(date_span_days("2027-01-12", "2027-01-11"), -1);
	CHECK_I64(date_span_days("2028-01-01", "2027-12-31"), -1);
	CHECK_I64(date_span_days("2027-02-29", "2027-03-01"), -1);
	CHECK_I64(date_span_days("2027-01-01", "2027-02-30"), -1);
	CHECK_I64(date_span_days("", "2027-01-01"), -1);
}

static void names_and_parses_platforms(void)
{
	static const enum platform all[] = { PLATFORM_META, PLATFORM_LINKEDIN,
					     PLATFORM_TIKTOK,
					     PLATFORM_OFFLINE };
	enum platform p = PLATFORM_OFFLINE;

	for (size_t i = 0; i < ARRAY_SIZE(all); i++) {
		enum platform back = all[(i + 1) % ARRAY_SIZE(all)];

		CHECK(platform_parse(platform_name(all[i]), &back) == 0);
		CHECK(back == all[i]);
	}
	CHECK_STR(platform_name(PLATFORM_META), "meta");
	CHECK_STR(platform_name(PLATFORM_LINKEDIN), "linkedin");
	CHECK_STR(platform_name(PLATFORM_TIKTOK), "tiktok");
	CHECK_STR(platform_name(PLATFORM_OFFLINE), "offline");
	CHECK(platform_parse("Meta", &p) == -1);
	CHECK(platform_parse("facebook", &p) == -1);
	CHECK(platform_parse("", &p) == -1);
	CHECK(p == PLATFORM_OFFLINE);
}

static void names_and_parses_pricing_models(void)
{
	static const enum pricing all[] = { PRICING_CPM, PRICING_CPC,
					    PRICING_FLAT, PRICING_PER_HIRE };
	enum pricing p = PRICING_CPC;

	for (size_t i = 0; i < ARRAY_SIZE(all); i++) {
		enum pricing back = all[(i + 1) % ARRAY_SIZE(all)];

		CHECK(pricing_parse(pricing_name(all[i]), &back) == 0);
		CHECK(back == all[i]);
	}
	CHECK_STR(pricing_name(PRICING_CPM), "cpm");
	CHECK_STR(pricing_name(PRICING_CPC), "cpc");
	CHECK_STR(pricing_name(PRICING_FLAT), "flat");
	CHECK_STR(pricing_name(PRICING_PER_HIRE), "per_hire");
	CHECK(pricing_parse("per-hire", &p) == -1);
	CHECK(pricing_parse("CPM", &p) == -1);
	CHECK(pricing_parse("", &p) == -1);
	CHECK(p == PRICING_CPC);
}

static void names_and_parses_objectives(void)
{
	static const enum objective all[] = { OBJ_APPLICATIONS, OBJ_HIRES,
					      OBJ_VALUE,        OBJ_REACH,
					      OBJ_BLEND,        OBJ_MIN_COST };
	enum objective o = OBJ_REACH;

	for (size_t i = 0; i < ARRAY_SIZE(all); i++) {
		enum objective back = all[(i + 1) % ARRAY_SIZE(all)];

		CHECK(objective_parse(objective_name(all[i]), &back) == 0);
		CHECK(back == all[i]);
	}
	CHECK_STR(objective_name(OBJ_APPLICATIONS), "applications");
	CHECK_STR(objective_name(OBJ_HIRES), "hires");
	CHECK_STR(objective_name(OBJ_VALUE), "value");
	CHECK_STR(objective_name(OBJ_REACH), "reach");
	CHECK_STR(objective_name(OBJ_BLEND), "blend");
	CHECK_STR(objective_name(OBJ_MIN_COST), "min-cost");
	CHECK(objective_parse("min_cost", &o) == -1);
	CHECK(objective_parse("application", &o) == -1);
	CHECK(objective_parse("", &o) == -1);
	CHECK(o == OBJ_REACH);
}

/* three channels and two personas, every string owned as in a real one */
static void build(struct campaign *c)
{
	static const char *const channels[] = { "meta_feed", "linkedin_jobs",
						"newspaper" };
	static const char *const personas[] = { "apprentices", "installers" };

	memset(c, 0, sizeof(*c));
	c->name = xstrdup("Grid electricians");
	c->currency = xstrdup("SEK");
	c->digits = 2;
	c->channels = xcalloc(ARRAY_SIZE(channels), sizeof(*c->channels));
	c->n_channels = ARRAY_SIZE(channels);
	for (size_t i = 0; i < ARRAY_SIZE(channels); i++) {
		c->channels[i].id = xstrdup(channels[i]);
		c->channels[i].name = xstrdup(channels[i]);
		c->channels[i].currency = xstrdup("SEK");
		c->channels[i].source = xstrdup("test");
		c->channels[i].max_spend = MONEY_NONE;
	}
	c->personas = xcalloc(ARRAY_SIZE(personas), sizeof(*c->personas));
	c->n_personas = ARRAY_SIZE(personas);
	for (size_t i = 0; i < ARRAY_SIZE(personas); i++) {
		c->personas[i].id = xstrdup(personas[i]);
		c->personas[i].name = xstrdup(personas[i]);
	}
	c->exclusions = xcalloc(1, sizeof(*c->exclusions));
	c->n_exclusions = 1;
	c->exclusions[0].persona = 1;
	c->exclusions[0].channel = 0;
	c->exclusions[0].reason = xstrdup("they are not on Meta");
}

static void finds_channels_and_personas_by_id(void)
{
	struct campaign c;

	build(&c);
	CHECK_I64(campaign_find_channel(&c, "meta_feed"), 0);
	CHECK_I64(campaign_find_channel(&c, "newspaper"), 2);
	CHECK_I64(campaign_find_channel(&c, "tiktok_infeed"), -1);
	CHECK_I64(campaign_find_channel(&c, "Meta_feed"), -1);
	CHECK_I64(campaign_find_channel(&c, "meta"), -1);
	CHECK_I64(campaign_find_channel(&c, ""), -1);
	CHECK_I64(campaign_find_persona(&c, "apprentices"), 0);
	CHECK_I64(campaign_find_persona(&c, "installers"), 1);
	CHECK_I64(campaign_find_persona(&c, "meta_feed"), -1);
	campaign_release(&c);
}

static void excludes_cells_by_exclusion_and_by_channel(void)
{
	struct campaign c;

	build(&c);
	CHECK(campaign_cell_excluded(&c, 1, 0));
	CHECK(!campaign_cell_excluded(&c, 0, 0));
	CHECK(!campaign_cell_excluded(&c, 1, 1));
	CHECK(!campaign_cell_excluded(&c, 0, 2));
	CHECK(!campaign_cell_excluded(&c, 1, 2));

	c.channels[2].excluded = true;
	CHECK(campaign_cell_excluded(&c, 0, 2));
	CHECK(campaign_cell_excluded(&c, 1, 2));
	CHECK(!campaign_cell_excluded(&c, 0, 1));
	campaign_release(&c);
}

static void release_clears_and_accepts_null(void)
{
	struct campaign c;

	campaign_release(NULL);
	build(&c);
	campaign_release(&c);
	CHECK(c.name == NULL && c.channels == NULL && c.personas == NULL);
	CHECK_I64(c.n_channels, 0);
	CHECK_I64(c.n_personas, 0);
	CHECK_I64(c.n_exclusions, 0);
	campaign_release(&c);
}

static void checks_what_an_objective_needs(void)
{
	struct persona personas[2] = { { 0 }, { 0 } };
	struct campaign c = { 0 };
	struct strbuf why = STRBUF_INIT;

	personas[0].id = (char *)"a";
	personas[0].value_per_hire = 50000;
	personas[1].id = (char *)"b";
	personas[1].value_per_hire = MONEY_NONE;
	c.personas = personas;
	c.n_personas = 2;
	CHECK(campaign_objective_check(&c, OBJ_APPLICATIONS, &why) == 0);
	CHECK_STR(strbuf_str(&why), "");
	CHECK(campaign_objective_check(&c, OBJ_VALUE, &why) == -1);
	CHECK_STR(why.buf, "objective 'value' needs value_per_hire on every "
			   "persona; 'b' has none");
	CHECK_I64(campaign_persona_without_value(&c), 1);
	personas[1].value_per_hire = 0;
	CHECK_I64(campaign_persona_without_value(&c), -1);
	strbuf_reset(&why);
	CHECK(campaign_objective_check(&c, OBJ_VALUE, &why) == 0);
	CHECK(!campaign_has_goal(&c));
	CHECK(campaign_objective_check(&c, OBJ_MIN_COST, &why) == -1);
	CHECK_STR(why.buf, "objective 'min-cost' needs a goal (campaign.goal "
			   "or a persona's goal) to meet");
	personas[1].goal_hires = 1;
	CHECK(campaign_has_goal(&c));
	strbuf_reset(&why);
	CHECK(campaign_objective_check(&c, OBJ_MIN_COST, &why) == 0);
	personas[1].goal_hires = 0;
	c.goal_applications = 5;
	CHECK(campaign_objective_check(&c, OBJ_MIN_COST, &why) == 0);
	strbuf_release(&why);
}

int main(void)
{
	checks_what_an_objective_needs();
	accepts_real_calendar_dates();
	knows_the_leap_years();
	rejects_other_date_formats();
	counts_days_inclusively();
	gives_minus_one_for_a_span_it_cannot_count();
	names_and_parses_platforms();
	names_and_parses_pricing_models();
	names_and_parses_objectives();
	finds_channels_and_personas_by_id();
	excludes_cells_by_exclusion_and_by_channel();
	release_clears_and_accepts_null();
	return test_done();
}
