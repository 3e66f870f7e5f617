/*
 * tests/unit/test_shared_buys.c - buys shared by personas, worked by
 * hand: a flat fee paid once for every persona that reads it and split
 * by their readers, a platform minimum on one ad set for the whole
 * channel, and a channel flying on its own days.
 *
 * Two personas of 1000 people, 2027-01-01 to 2027-01-10 (10 days):
 * electricians read the paper with share 0.9 (R = 900), apprentices
 * with share 0.6 (R = 600), 1500 readers in all. The paper's 15 000
 * SEK fee buys a million impressions at precision 0.5, so it reaches
 * every reader: 900 x 0.1 x 0.5 = 45 and 600 x 0.1 x 0.5 = 30
 * applications. Its split: 15 000 x 900 / 1500 = 9 000 SEK and
 * 15 000 x 600 / 1500 = 6 000 SEK. meta: CPM 100, precision 0.5, the
 * same shares, frequency cap 3: k = 0.5 x 1000 / (100 R), so the cap
 * is reached at 3 / k = 0.6 R: 540 SEK (electricians), 360 SEK
 * (apprentices), 900 SEK together.
 */
#include "planner.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "audience.h"
#include "campaign.h"
#include "catalogue.h"
#include "diag.h"
#include "plan_csv.h"
#include "plan_json.h"
#include "plan_md.h"
#include "strbuf.h"
#include "test.h"
#include "usage.h"

static const char catalogue_csv[] =
	"id,name,platform,pricing,price,currency,ctr,ctr_basis,ref_frequency,"
	"apply_rate,hire_rate,precision,frequency_cap,min_daily,min_spend,"
	"max_spend,max_share,impressions,source\n"
	"meta,Meta,meta,cpm,100,SEK,0.01,impression,,0.1,0.2,0.5,3,,,,,,test\n"
	"paper,Paper,offline,flat,15000,SEK,0.1,unique,,0.5,0.2,0.5,,,,,,"
	"1000000,test\n";

struct run {
	struct catalogue cat;
	struct campaign c;
	struct plan_options o;
	struct plan p;
	int rc;
};

/*
 * Plan the two personas with this budget, top-level channel overrides
 * (the inside of "channels"), the apprentices' extra members and the
 * personas' channels ("paper", "meta" or both).
 */
static int plan(struct run *r, const char *budget, const char *overrides,
		const char *appr_extra, const char *which)
{
	struct strbuf json = STRBUF_INIT;
	struct diag d;
	bool paper = strstr(which, "paper") != NULL;
	bool meta = strstr(which, "meta") != NULL;
	char elec[128], appr[128];

	snprintf(elec, sizeof(elec), "%s%s%s",
		 paper ? "\"paper\": {\"share\": 0.9}" : "",
		 paper && meta ? ", " : "",
		 meta ? "\"meta\": {\"share\": 0.9}" : "");
	snprintf(appr, sizeof(appr), "%s%s%s",
		 paper ? "\"paper\": {\"share\": 0.6}" : "",
		 paper && meta ? ", " : "",
		 meta ? "\"meta\": {\"share\": 0.6}" : "");
	memset(r, 0, sizeof(*r));
	diag_init(&d, "catalogue.csv");
	if (catalogue_parse(catalogue_csv, strlen(catalogue_csv), &r->cat, &d) <
	    0)
		return -1;
	strbuf_addf(&json,
		    "{\"campaign\": {\"name\": \"t\", \"currency\": \"SEK\", "
		    "\"start\": \"2027-01-01\", \"end\": \"2027-01-10\", "
		    "\"budget\": %s}, \"channels\": {%s}, \"personas\": ["
		    "{\"id\": \"electricians\", \"name\": \"E\", \"size\": "
		    "1000, \"locations\": [{\"city\": \"Umeå\", \"country\": "
		    "\"SE\"}], \"channels\": {%s}},"
		    "{\"id\": \"apprentices\", \"name\": \"A\", \"size\": "
		    "1000, \"locations\": [{\"city\": \"Umeå\", \"country\": "
		    "\"SE\"}]%s, \"channels\": {%s}}]}",
		    budget, overrides, elec, appr_extra, appr);
	diag_init(&d, "a.json");
	r->rc = audience_parse(json.buf, json.len, &r->cat, &r->c, &d);
	strbuf_release(&json);
	if (r->rc < 0)
		return -1;
	plan_options_init(&r->o, &r->c);
	r->rc = planner_run(&r->c, &r->o, &r->p);
	return r->rc;
}

static void done(struct run *r)
{
	plan_release(&r->p);
	campaign_release(&r->c);
	catalogue_release(&r->cat);
}

/* the plan's cell of persona id on channel ch, or NULL */
static const struct plan_cell *cell(const struct run *r, const char *id,
				    const char *ch)
{
	long p = campaign_find_persona(&r->c, id);
	long c = campaign_find_channel(&r->c, ch);

	for (size_t i = 0; i < r->p.n_cells; i++)
		if ((long)r->p.cells[i].persona == p &&
		    (long)r->p.cells[i].channel == c)
			return &r->p.cells[i];
	return NULL;
}

static int64_t spend(const struct run *r, const char *id, const char *ch)
{
	const struct plan_cell *x = cell(r, id, ch);

	return x ? x->spend : 0;
}

static int64_t channel_spend(const struct run *r, const char *ch)
{
	long c = campaign_find_channel(&r->c, ch);

	return c >= 0 ? r->p.channel_totals[c].spend : -1;
}

static bool has_note(const struct run *r, const char *text)
{
	for (size_t i = 0; i < r->p.n_notes; i++)
		if (strstr(r->p.notes[i], text))
			return true;
	return false;
}

static void two_personas_share_one_newspaper_fee(void)
{
	struct run r;

	/* a 15 000 budget: the fee once (per persona it would not fit) */
	CHECK(plan(&r, "15000", "", "", "paper") == PLANNER_OK);
	CHECK(r.p.status == PLAN_OPTIMAL);
	CHECK_I64(r.p.n_binaries, 1);
	CHECK_I64(r.p.total.spend, 1500000);
	CHECK_I64(channel_spend(&r, "paper"), 1500000);
	CHECK_I64(spend(&r, "electricians", "paper"), 900000);
	CHECK_I64(spend(&r, "apprentices", "paper"), 600000);
	CHECK_NEAR(r.p.total.applications, 75, 1e-9);
	CHECK_NEAR(r.p.total.hires, 15, 1e-9);
	if (cell(&r, "apprentices", "paper")) {
		CHECK_NEAR(cell(&r, "apprentices", "paper")->applications, 30,
			   1e-9);
		CHECK_NEAR(cell(&r, "apprentices", "paper")->reach, 600, 1e-9);
		/* 6 000 SEK for 30 applications: 200 SEK each */
		CHECK_I64(
			cell(&r, "apprentices", "paper")->cost_per_application,
			20000);
		CHECK_I64(cell(&r, "apprentices", "paper")->daily, 60000);
	}
	CHECK_NEAR(r.p.objective_value, 75, 1e-9);
	CHECK(has_note(&r, "paper is one buy of 15 000.00 SEK shared by "
			   "electricians (9 000.00 SEK) and apprentices "
			   "(6 000.00 SEK)"));
	done(&r);

	/* a cent short of the fee: the paper is not bought at all */
	CHECK(plan(&r, "14999.99", "", "", "paper meta") == PLANNER_OK);
	CHECK_I64(channel_spend(&r, "paper"), 0);
	CHECK_I64(channel_spend(&r, "meta"), 90000);
	done(&r);
}

/* the parts are whole öre that add up to the fee: largest remainder */
static void fee_split_adds_up_to_the_fee(void)
{
	struct run r;

	/* 10 001 öre x 900 / 1500 = 6 000.6, x 600 / 1500 = 4 000.4 */
	CHECK(plan(&r, "15000", "\"paper\": {\"price\": 100.01}", "",
		   "paper") == PLANNER_OK);
	CHECK_I64(spend(&r, "electricians", "paper"), 6001);
	CHECK_I64(spend(&r, "apprentices", "paper"), 4000);
	CHECK_I64(channel_spend(&r, "paper"), 10001);
	CHECK_I64(r.p.total.spend, 10001);
	done(&r);
	/* 10 002 öre: 6 001.2 and 4 000.8, the öre left goes to the .8 */
	CHECK(plan(&r, "15000", "\"paper\": {\"price\": 100.02}", "",
		   "paper") == PLANNER_OK);
	CHECK_I64(spend(&r, "electricians", "paper"), 6001);
	CHECK_I64(spend(&r, "apprentices", "paper"), 4001);
	done(&r);
}

/*
 * A fee of one öre: 0.6 and 0.4 öre, so the electricians pay it and the
 * apprentices' part is 0, yet the paper reaches them: their 30
 * applications meet their goal of 29.5 with nothing spent on meta.
 */
static void a_part_of_nothing_still_reaches(void)
{
	struct run r;

	CHECK(plan(&r, "20000, \"objective\": \"min-cost\"",
		   "\"paper\": {\"price\": 0.01}",
		   ", \"goal\": {\"applications\": 29.5}",
		   "paper meta") == PLANNER_OK);
	CHECK(r.p.status == PLAN_OPTIMAL);
	CHECK_I64(spend(&r, "electricians", "paper"), 1);
	CHECK_I64(channel_spend(&r, "meta"), 0);
	CHECK_I64(r.p.total.spend, 1);
	if (CHECK(cell(&r, "apprentices", "paper") != NULL)) {
		CHECK_I64(cell(&r, "apprentices", "paper")->spend, 0);
		CHECK_NEAR(cell(&r, "apprentices", "paper")->applications, 30,
			   1e-9);
	}
	done(&r);
}

/* a persona's budget cap counts its part of the fee */
static void persona_cap_counts_its_part(void)
{
	struct run r;

	CHECK(plan(&r, "20000", "", ", \"budget_cap\": 5999.99", "paper") ==
	      PLANNER_OK);
	CHECK_I64(r.p.total.spend, 0);
	done(&r);
	CHECK(plan(&r, "20000", "", ", \"budget_cap\": 6000", "paper") ==
	      PLANNER_OK);
	CHECK_I64(spend(&r, "apprentices", "paper"), 600000);
	CHECK_I64(r.p.total.spend, 1500000);
	done(&r);
}

/*
 * A minimum of 80 SEK a day is 800 SEK over 10 days: more than either
 * persona absorbs at its cap (540, 360), less than both (900).
 */
static void shared_ad_set_minimum_applies_to_the_sum(void)
{
	struct run r;

	/* one ad set per persona: both left out, only the paper is bought */
	CHECK(plan(&r, "20000", "\"meta\": {\"min_daily\": 80}", "",
		   "paper meta") == PLANNER_OK);
	CHECK_I64(channel_spend(&r, "meta"), 0);
	CHECK_I64(r.p.total.spend, 1500000);
	CHECK(has_note(&r, "electricians on meta is left out: the platform "
			   "minimum of 80.00 SEK a day for 10 days is more "
			   "than the 540.00 SEK"));
	done(&r);

	/* one shared ad set: 900 >= 800, both personas at their caps */
	CHECK(plan(&r, "20000",
		   "\"meta\": {\"min_daily\": 80, \"ad_set\": \"shared\"}", "",
		   "paper meta") == PLANNER_OK);
	CHECK_I64(r.p.n_binaries, 2); /* the paper's and meta's ad set */
	CHECK_I64(spend(&r, "electricians", "meta"), 54000);
	CHECK_I64(spend(&r, "apprentices", "meta"), 36000);
	CHECK_I64(channel_spend(&r, "meta"), 90000);
	CHECK_I64(r.p.total.spend, 1590000);
	done(&r);

	/* 100 SEK a day: 1 000 SEK, more than both absorb */
	CHECK(plan(&r, "20000",
		   "\"meta\": {\"min_daily\": 100, \"ad_set\": \"shared\"}", "",
		   "paper meta") == PLANNER_OK);
	CHECK_I64(channel_spend(&r, "meta"), 0);
	CHECK(has_note(&r, "meta is left out: the platform minimum of "
			   "100.00 SEK a day for 10 days on its one ad set is "
			   "more than the personas together absorb at the "
			   "frequency cap, 900.00 SEK"));
	done(&r);
}

/*
 * The paper runs on one day: its daily budget is its spend. meta flies
 * 3 days: its minimum is 80 x 3 = 240 SEK, which each persona absorbs,
 * and its daily budgets are 540 / 3 = 180 and 360 / 3 = 120 SEK.
 */
static void flight_dates_set_days_daily_and_minimum(void)
{
	struct run r;

	CHECK(plan(&r, "20000",
		   "\"paper\": {\"start\": \"2027-01-04\", "
		   "\"end\": \"2027-01-04\"}, \"meta\": {\"min_daily\": 80, "
		   "\"start\": \"2027-01-02\", \"end\": \"2027-01-04\"}",
		   "", "paper meta") == PLANNER_OK);
	if (CHECK(cell(&r, "electricians", "paper") != NULL)) {
		CHECK_I64(cell(&r, "electricians", "paper")->daily, 900000);
		CHECK_I64(cell(&r, "electricians", "paper")->spend, 900000);
	}
	CHECK_I64(spend(&r, "electricians", "meta"), 54000);
	CHECK_I64(spend(&r, "apprentices", "meta"), 36000);
	if (CHECK(cell(&r, "electricians", "meta") != NULL))
		CHECK_I64(cell(&r, "electricians", "meta")->daily, 18000);
	if (CHECK(cell(&r, "apprentices", "meta") != NULL))
		CHECK_I64(cell(&r, "apprentices", "meta")->daily, 12000);
	CHECK(r.p.n_binaries == 3); /* the paper, and meta per persona */
	done(&r);
}

/* every format says the paper is one buy shared by two personas */
static void formats_say_the_buy_is_shared(void)
{
	struct run r;
	struct strbuf sb = STRBUF_INIT;

	CHECK(plan(&r, "20000",
		   "\"paper\": {\"start\": \"2027-01-04\", "
		   "\"end\": \"2027-01-04\"}, \"meta\": {\"ad_set\": "
		   "\"shared\"}",
		   "", "paper meta") == PLANNER_OK);
	plan_write_csv(&sb, &r.c, &r.p);
	CHECK_HAS(sb.buf, "currency,shared_by,paid_clicks,");
	CHECK_HAS(sb.buf, "electricians,paper,offline,9000.00,9000.00,");
	CHECK_HAS(sb.buf, ",SEK,2,");
	CHECK_HAS(sb.buf, "apprentices,meta,meta,360.00,36.00,");
	strbuf_reset(&sb);
	plan_write_json(&sb, &r.c, &r.p);
	CHECK_HAS(sb.buf, "\"share_of_spend\":\t0.9433962264,\n"
			  "\t\t\t\"start\":\t\"2027-01-04\",\n"
			  "\t\t\t\"end\":\t\"2027-01-04\",\n"
			  "\t\t\t\"days\":\t1,\n"
			  "\t\t\t\"ad_set\":\t\"persona\",\n"
			  "\t\t\t\"shared_buy\":\ttrue,\n"
			  "\t\t\t\"shared_by\":\t2\n");
	CHECK_HAS(sb.buf, "\"days\":\t10,\n"
			  "\t\t\t\"ad_set\":\t\"shared\",\n"
			  "\t\t\t\"shared_buy\":\tfalse\n");
	strbuf_reset(&sb);
	plan_write_md(&sb, &r.c, &r.p);
	CHECK_HAS(sb.buf, "paper is one buy of 15 000.00 SEK shared by "
			  "electricians (9 000.00 SEK) and apprentices "
			  "(6 000.00 SEK)");
	strbuf_release(&sb);
	done(&r);
}

int main(void)
{
	verbosity = -1;
	two_personas_share_one_newspaper_fee();
	fee_split_adds_up_to_the_fee();
	persona_cap_counts_its_part();
	a_part_of_nothing_still_reaches();
	shared_ad_set_minimum_applies_to_the_sum();
	flight_dates_set_days_daily_and_minimum();
	formats_say_the_buy_is_shared();
	return test_done();
}
