/*
 * tests/unit/test_funnel.c - one funnel base and the programmes, by
 * hand: paid clicks against spend / CPC, off-target applications at a
 * precision of 0.5, the screening cost, referral bonuses outside the
 * budget, content paid per send and per month, and daily budgets that
 * never read 0. Through the public API: a catalogue and an audience
 * parsed, planner_run, struct plan read.
 */
#include "planner.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "plan_fixture.h"
#include "plan_text.h"
#include "strbuf.h"
#include "test.h"

#define HEADER                                                        \
	"id,name,platform,pricing,price,currency,ctr,ctr_basis,"      \
	"ref_frequency,apply_rate,hire_rate,precision,frequency_cap," \
	"min_daily,min_spend,max_spend,max_share,impressions,source\n"

/*
 * banner: CPM 100 SEK, 1 % of impressions clicked, a = 0.1, h = 0.2,
 * precision 0.5, cap 3. With R = 500 (persona 1000, share 0.5),
 * k = 0.5 x 1000 / (100 x 500) = 0.01 per SEK. clickads: the same
 * bought per click at 2 SEK, 2 % CTR, cap 10. ref: a 1000 SEK bonus per
 * hire, q = 0.1, a = 0.5, h = 0.5: at most R q a h = 12.5 hires. pool: a
 * talent pool at 5 SEK per 1000 sends, 10 % unique click rate.
 */
static const char csv[] =
	HEADER "banner,Banner,meta,cpm,100,SEK,0.01,impression,,0.1,0.2,0.5,"
	       "3,,,,,,test\n"
	       "clickads,Click ads,meta,cpc,2,SEK,0.02,impression,,0.1,0.2,"
	       "0.5,10,,,,,,test\n"
	       "ref,Referral,offline,per_hire,1000,SEK,0.1,unique,,0.5,0.5,1,"
	       ",,,,,,test\n"
	       "pool,Talent pool,offline,cpm,5,SEK,0.1,unique,3,0.1,0.2,0.9,6,"
	       ",,,,,test\n";

static const struct plan_cell *cell(const struct fixture *f,
				    const char *channel)
{
	long ch = campaign_find_channel(&f->c, channel);

	for (size_t i = 0; i < f->p.n_cells; i++)
		if ((long)f->p.cells[i].channel == ch)
			return &f->p.cells[i];
	return NULL;
}

/* plan the persona on channels with the campaign members and overrides */
static int plan(struct fixture *f, const char *campaign, const char *channels,
		const char *overrides)
{
	if (fixture_plan(f, csv, campaign, channels, "", overrides) < 0)
		return -1;
	return fixture_run(f);
}

/* a CPC channel bills every click: paid clicks are spend / CPC exactly */
static void cpc_paid_clicks_are_spend_over_cpc(void)
{
	struct fixture f;
	const struct plan_cell *c;

	CHECK(plan(&f, "\"budget\": 50", "{\"clickads\": {\"share\": 0.5}}",
		   "") == PLANNER_OK);
	c = cell(&f, "clickads");
	CHECK(c != NULL);
	if (c) {
		CHECK_I64(c->spend, 5000);
		CHECK_NEAR(c->paid_clicks, 50.0 / 2, 1e-9);
		CHECK_NEAR(c->paid_clicks, (double)c->spend / 200, 1e-9);
		/* persona clicks are people: q x reach, fewer than paid */
		CHECK_NEAR(c->clicks, 0.02 * c->reach, 1e-9);
		CHECK_NEAR(f.p.total.paid_clicks, 25, 1e-9);
	}
	fixture_done(&f);
}

/*
 * 100 SEK on the banner buys 1000 impressions and 10 paid clicks; half
 * land outside the persona: 5 off-target clicks, applying at a x factor
 * = 0.1 x 0.5: 0.25 off-target applications. Qualified: q a reach =
 * 0.01 x 0.1 x 500 (1 - e^-1) = 0.3160602794.
 */
static void off_target_applications_at_precision_half(void)
{
	struct fixture f;
	const struct plan_cell *c;

	CHECK(plan(&f, "\"budget\": 100, \"off_target_factor\": 0.5",
		   "{\"banner\": {\"share\": 0.5}}", "") == PLANNER_OK);
	c = cell(&f, "banner");
	CHECK(c != NULL);
	if (c) {
		CHECK_I64(c->spend, 10000);
		CHECK_NEAR(c->impressions, 1000, 1e-9);
		CHECK_NEAR(c->paid_clicks, 10, 1e-9);
		CHECK_NEAR(c->off_target_applications, 0.25, 1e-12);
		CHECK_NEAR(c->applications, 0.3160602794, 1e-9);
		CHECK_NEAR(c->clicks, 3.160602794, 1e-8);
		CHECK_I64(c->screening_cost, 0);
		CHECK_I64(f.p.total.total_cost, 10000);
	}
	fixture_done(&f);

	/* the channel's own factor wins over the campaign's; default 1 */
	CHECK(plan(&f, "\"budget\": 100, \"off_target_factor\": 0.5",
		   "{\"banner\": {\"share\": 0.5}}",
		   "\"channels\": {\"banner\": {\"off_target_factor\": 0}}") ==
	      PLANNER_OK);
	c = cell(&f, "banner");
	CHECK(c != NULL && c->off_target_applications == 0);
	fixture_done(&f);
	CHECK(plan(&f, "\"budget\": 100", "{\"banner\": {\"share\": 0.5}}",
		   "") == PLANNER_OK);
	c = cell(&f, "banner");
	CHECK(c != NULL);
	if (c)
		CHECK_NEAR(c->off_target_applications, 0.5, 1e-12);
	fixture_done(&f);
}

/*
 * Screening at 10 SEK an application: (0.3160602794 + 0.25) x 1000 öre
 * = 566.06, so 566 öre; the total cost is 100 SEK + 5.66 SEK.
 */
static void screening_cost_counts_every_application(void)
{
	struct fixture f;
	const struct plan_cell *c;

	CHECK(plan(&f,
		   "\"budget\": 100, \"off_target_factor\": 0.5, "
		   "\"screening_cost\": 10",
		   "{\"banner\": {\"share\": 0.5}}", "") == PLANNER_OK);
	c = cell(&f, "banner");
	CHECK(c != NULL);
	if (c)
		CHECK_I64(c->screening_cost, 566);
	CHECK_I64(f.p.total.screening_cost, 566);
	CHECK_I64(f.p.total.total_cost, 10566);
	CHECK_I64(f.p.total.spend, 10000);
	fixture_done(&f);
}

/*
 * The value objective subtracts screening: a hire is worth 10 000 SEK,
 * so a qualified application (h = 0.2) 2000 SEK. Without screening the
 * banner is worth buying; at 3000 SEK a screened application it never
 * is (each application costs more than it may bring).
 */
static void value_objective_pays_for_screening(void)
{
	struct fixture f;

	CHECK(fixture_plan(&f, csv,
			   "\"budget\": 1000, \"objective\": \"value\"",
			   "{\"banner\": {\"share\": 0.5}}",
			   ", \"value_per_hire\": 10000", "") == 0);
	CHECK(fixture_run(&f) == PLANNER_OK);
	CHECK(f.p.total.spend > 0);
	fixture_done(&f);
	CHECK(fixture_plan(&f, csv,
			   "\"budget\": 1000, \"objective\": \"value\", "
			   "\"screening_cost\": 3000",
			   "{\"banner\": {\"share\": 0.5}}",
			   ", \"value_per_hire\": 10000", "") == 0);
	CHECK(fixture_run(&f) == PLANNER_OK);
	CHECK_I64(f.p.total.spend, 0);
	fixture_done(&f);
	/* the qualified applications alone, with no off-target ones */
	CHECK(fixture_plan(&f, csv,
			   "\"budget\": 1000, \"objective\": \"value\", "
			   "\"screening_cost\": 3000, \"off_target_factor\": 0",
			   "{\"banner\": {\"share\": 0.5}}",
			   ", \"value_per_hire\": 10000", "") == 0);
	CHECK(fixture_run(&f) == PLANNER_OK);
	CHECK_I64(f.p.total.spend, 0);
	fixture_done(&f);
}

/*
 * A referral bonus is paid per hire after the hire: no daily budget,
 * an expected payout. Outside the budget, 10 SEK of budget still buys
 * the banner, and the referral network gives all 12.5 hires it can,
 * 12 500 SEK of bonuses, beside it.
 */
static void referral_outside_the_budget(void)
{
	struct fixture f;
	const struct plan_cell *c;
	const char *both =
		"{\"banner\": {\"share\": 0.5}, \"ref\": {\"share\": 0.5}}";

	CHECK(plan(&f,
		   "\"budget\": 10, \"objective\": \"hires\", "
		   "\"referral_in_budget\": false",
		   both, "") == PLANNER_OK);
	c = cell(&f, "ref");
	CHECK(c != NULL);
	if (c) {
		CHECK_I64(c->spend, 1250000);
		CHECK_I64(c->expected_payout, 1250000);
		CHECK_I64(c->daily, MONEY_NONE);
		CHECK_NEAR(c->hires, 12.5, 1e-9);
		CHECK_NEAR(c->paid_clicks, 0, 0);
	}
	c = cell(&f, "banner");
	CHECK(c != NULL && c->spend == 1000);
	CHECK_I64(f.p.total.expected_payouts, 1250000);
	CHECK_I64(f.p.total.spend, 1251000);
	fixture_done(&f);

	/* in the budget (the default), the bonuses share the 10 SEK */
	CHECK(plan(&f, "\"budget\": 10, \"objective\": \"hires\"", both, "") ==
	      PLANNER_OK);
	CHECK(f.p.total.spend <= 1000);
	c = cell(&f, "ref");
	CHECK(c != NULL && c->daily == MONEY_NONE);
	fixture_done(&f);
}

/*
 * The least budget that meets a goal counts what the budget pays: with
 * the bonuses outside it, the 12 500 SEK of payouts (12.5 hires at
 * 1000 SEK) are not part of it, so it is exactly 12 500 SEK below the
 * least budget with the bonuses inside (the banner buys the last
 * 0.02 hire, for 22.32 SEK, either way: more than the 10 SEK budget).
 */
static void least_budget_leaves_payouts_outside(void)
{
	struct fixture f;
	int64_t outside, inside;
	const char *both =
		"{\"banner\": {\"share\": 0.5}, \"ref\": {\"share\": 0.5}}";
	const char *goal = ", \"goal\": {\"hires\": 12.52}";

	CHECK(fixture_plan(&f, csv,
			   "\"budget\": 10, \"referral_in_budget\": false",
			   both, goal, "") == 0);
	CHECK(fixture_run(&f) == PLANNER_OK);
	CHECK(f.p.status == PLAN_INFEASIBLE);
	outside = f.p.least_budget;
	fixture_done(&f);
	CHECK(fixture_plan(&f, csv, "\"budget\": 10", both, goal, "") == 0);
	CHECK(fixture_run(&f) == PLANNER_OK);
	CHECK(f.p.status == PLAN_INFEASIBLE);
	inside = f.p.least_budget;
	fixture_done(&f);
	CHECK_I64(outside, 2232);
	CHECK(llabs(inside - outside - 1250000) <= 1);
}

/*
 * Content paid per month: 300 SEK a month over a 30-day campaign is
 * 300 SEK, paid once and taken off the 500 SEK budget, so the cells
 * get the other 200 SEK. (The fixture runs 10 days; the test sets 30.)
 */
static void content_per_month_over_thirty_days(void)
{
	struct fixture f;
	long pool;

	CHECK(fixture_plan(&f, csv, "\"budget\": 500",
			   "{\"pool\": {\"share\": 0.5}, "
			   "\"banner\": {\"share\": 0.5}}",
			   "",
			   "\"channels\": {\"pool\": {\"content_cost\": 300, "
			   "\"content_cost_unit\": \"month\"}}") == 0);
	f.c.days = 30;
	CHECK_I64(campaign_content_fixed(&f.c, 0), 0);
	pool = campaign_find_channel(&f.c, "pool");
	CHECK_I64(campaign_content_fixed(&f.c, (size_t)pool), 30000);
	CHECK(fixture_run(&f) == PLANNER_OK);
	CHECK_I64(f.p.content_fixed, 30000);
	CHECK_I64(f.p.total.content_cost, 30000);
	CHECK_I64(f.p.channel_totals[pool].content_cost, 30000);
	/* the budget binds: the cells get exactly the other 200 SEK */
	{
		int64_t cells = 0;

		for (size_t i = 0; i < f.p.n_cells; i++)
			cells += f.p.cells[i].spend;
		CHECK_I64(cells, 20000);
	}
	CHECK_I64(f.p.total.spend, 50000);
	fixture_done(&f);

	/* 10 days: a third of a month */
	CHECK(fixture_plan(&f, csv, "\"budget\": 1000",
			   "{\"pool\": {\"share\": 0.5}}", "",
			   "\"channels\": {\"pool\": {\"content_cost\": 300, "
			   "\"content_cost_unit\": \"month\"}}") == 0);
	CHECK_I64(campaign_content_fixed(
			  &f.c, (size_t)campaign_find_channel(&f.c, "pool")),
		  10000);
	fixture_done(&f);
}

/*
 * Content paid per send: 0.01 SEK a send on 5 SEK per 1000 sends makes
 * 15 SEK per 1000; 3 SEK buys 200 sends, of which 2 SEK is content.
 */
static void content_per_send_is_in_the_price(void)
{
	struct fixture f;
	const struct plan_cell *c;

	CHECK(plan(&f, "\"budget\": 3", "{\"pool\": {\"share\": 0.5}}",
		   "\"channels\": {\"pool\": {\"content_cost\": 0.01, "
		   "\"content_cost_unit\": \"send\"}}") == PLANNER_OK);
	c = cell(&f, "pool");
	CHECK(c != NULL);
	if (c) {
		CHECK_I64(c->spend, 300);
		CHECK_NEAR(c->impressions, 200, 1e-9);
		CHECK_I64(c->content_cost, 200);
	}
	CHECK_I64(f.p.total.content_cost, 200);
	fixture_done(&f);
}

/* 0.29 SEK a day shows "< 1", never 0; a programme shows no daily */
static void daily_budget_never_reads_zero(void)
{
	struct campaign c = { 0 };
	struct strbuf sb = STRBUF_INIT;

	c.digits = 2;
	plan_text_daily_whole(&sb, &c, 29);
	CHECK_STR(sb.buf, "< 1");
	strbuf_reset(&sb);
	plan_text_daily_whole(&sb, &c, 49);
	CHECK_STR(sb.buf, "< 1");
	strbuf_reset(&sb);
	plan_text_daily_whole(&sb, &c, 50);
	CHECK_STR(sb.buf, "1");
	strbuf_reset(&sb);
	plan_text_daily_whole(&sb, &c, MONEY_NONE);
	CHECK_STR(sb.buf, "-");
	strbuf_reset(&sb);
	c.digits = 0; /* yen: one minor unit is one whole yen */
	plan_text_daily_whole(&sb, &c, 1);
	CHECK_STR(sb.buf, "1");
	strbuf_release(&sb);
}

/* 0.05 SEK over 10 days is under 1 öre a day: the plan says 1 öre */
static void daily_budget_is_at_least_one_minor_unit(void)
{
	struct fixture f;
	const struct plan_cell *c;

	CHECK(plan(&f, "\"budget\": 0.05", "{\"banner\": {\"share\": 0.5}}",
		   "") == PLANNER_OK);
	c = cell(&f, "banner");
	CHECK(c != NULL);
	if (c) {
		CHECK_I64(c->spend, 5);
		CHECK_I64(c->daily, 1);
	}
	fixture_done(&f);
}

int main(void)
{
	cpc_paid_clicks_are_spend_over_cpc();
	off_target_applications_at_precision_half();
	screening_cost_counts_every_application();
	value_objective_pays_for_screening();
	referral_outside_the_budget();
	least_budget_leaves_payouts_outside();
	content_per_month_over_thirty_days();
	content_per_send_is_in_the_price();
	daily_budget_never_reads_zero();
	daily_budget_is_at_least_one_minor_unit();
	return test_done();
}
