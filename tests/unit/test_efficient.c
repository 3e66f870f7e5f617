/*
 * tests/unit/test_efficient.c - the efficient budget and the cells left
 * out above their ceiling, on a campaign worked out by hand.
 *
 * web: CPM 100 SEK, unique click-through q = 0.1, apply rate a = 0.5,
 * hire rate h = 0.2, precision rho = 0.5, no frequency cap. With the
 * persona's 1000 people (share 1), k = rho 1000 / (CPM R) = 0.005 per
 * SEK and applications(x) = q a R (1 - e^-kx) = 50 (1 - e^-0.005x), so
 * one more SEK buys 0.25 e^-0.005x applications and an application at
 * the margin costs 4 e^0.005x SEK. capped: the same with a frequency
 * cap of 3 (spend at most 3 / k = 600 SEK, 50 (1 - e^-3) = 47.51
 * applications). paper: a 1000 SEK fee for 2000 impressions at
 * precision 0.001: reach 1000 (1 - e^-0.002) = 1.998 people, so
 * 0.0999 applications, 10 010.00 SEK each.
 */
#include "planner.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "money.h"
#include "plan_fixture.h"
#include "strbuf.h"
#include "test.h"
#include "wrapper.h"

static const char catalogue_csv[] =
	"id,name,platform,pricing,price,currency,ctr,ctr_basis,ref_frequency,"
	"apply_rate,hire_rate,precision,frequency_cap,min_daily,min_spend,"
	"max_spend,max_share,impressions,source\n"
	"web,Web,meta,cpm,100,SEK,0.1,unique,,0.5,0.2,0.5,,,,,,,test\n"
	"capped,Capped,meta,cpm,100,SEK,0.1,unique,,0.5,0.2,0.5,3,,,,,,test\n"
	"paper,Paper,offline,flat,1000,SEK,0.1,unique,,0.5,0.2,0.001,,,,,,"
	"2000,test\n";

static int plan(struct fixture *f, const char *campaign, const char *channels,
		const char *persona_extra)
{
	return fixture_plan(f, catalogue_csv, campaign, channels, persona_extra,
			    "");
}

static int64_t cell_spend(const struct fixture *f, const char *channel)
{
	long ch = campaign_find_channel(&f->c, channel);

	for (size_t i = 0; i < f->p.n_cells; i++)
		if ((long)f->p.cells[i].channel == ch)
			return f->p.cells[i].spend;
	return 0;
}

static const char *find_note(const struct plan *p, const char *lead)
{
	for (size_t i = 0; i < p->n_notes; i++)
		if (strncmp(p->notes[i], lead, strlen(lead)) == 0)
			return p->notes[i];
	return NULL;
}

static void text_of(const struct fixture *f, struct strbuf *sb)
{
	strbuf_reset(sb);
	explain_efficient(sb, &f->c, &f->p);
}

/* 4 e^0.005x = 40: x = ln(10) / 0.005 = 460.517 SEK, 45 applications */
static void below_the_efficient_budget_money_still_pays(void)
{
	struct fixture f;
	struct strbuf sb = STRBUF_INIT;
	const struct plan_efficient *e = &f.p.efficient;

	CHECK(plan(&f,
		   "\"budget\": 200, \"objective\": \"applications\", "
		   "\"max_cost_per_application\": 40",
		   "{\"web\": {\"share\": 1}}", "") == 0);
	CHECK(fixture_run(&f) == 0);
	CHECK(e->kind == CEILING_APPLICATION);
	CHECK(!e->per_persona);
	CHECK_I64(e->ceiling, 4000);
	CHECK(llabs(e->budget - 46052) <= 1);
	CHECK_I64(e->total.spend, e->budget);
	CHECK_NEAR(e->total.applications, 45, 1e-3);
	CHECK_NEAR(e->total.hires, 9, 1e-3);
	/* 46 051.70 / 45 applications */
	CHECK(llabs(e->total.cost_per_application - 1023) <= 1);
	/* at 200 SEK an application costs 4 e^1 = 10.87 SEK at the margin */
	CHECK(llabs(e->marginal_cost - 1087) <= 2);
	text_of(&f, &sb);
	CHECK_HAS(sb.buf, "Extra money keeps paying up to 460.52 SEK: every "
			  "extra 1 000.00 SEK still buys applications at ");
	CHECK_HAS(sb.buf, "under the ceiling of 40.00 SEK "
			  "(max_cost_per_application)");
	CHECK_HAS(sb.buf, "At 460.52 SEK the plan buys 45 applications and 9 "
			  "hires, 10.23 SEK an application on average.");
	strbuf_release(&sb);
	fixture_done(&f);
}

static void above_the_efficient_budget_money_stops_paying(void)
{
	struct fixture f;
	struct strbuf sb = STRBUF_INIT;

	CHECK(plan(&f,
		   "\"budget\": 1000, \"objective\": \"applications\", "
		   "\"max_cost_per_application\": 40",
		   "{\"web\": {\"share\": 1}}", "") == 0);
	CHECK(fixture_run(&f) == 0);
	/* the plan itself spends its budget: a curve always buys more */
	CHECK_I64(f.p.total.spend, 100000);
	CHECK(llabs(f.p.efficient.budget - 46052) <= 1);
	text_of(&f, &sb);
	CHECK_HAS(sb.buf, "Extra money stops paying above 460.52 SEK: beyond "
			  "it an application costs more than 40.00 SEK "
			  "(max_cost_per_application).");
	strbuf_release(&sb);
	fixture_done(&f);
}

/* the persona's 20 SEK over the campaign's 40: x = ln(5) / 0.005 */
static void a_persona_ceiling_overrides_the_campaign(void)
{
	struct fixture f;

	CHECK(plan(&f,
		   "\"budget\": 1000, \"objective\": \"applications\", "
		   "\"max_cost_per_application\": 40",
		   "{\"web\": {\"share\": 1}}",
		   ", \"max_cost_per_application\": 20") == 0);
	CHECK(fixture_run(&f) == 0);
	CHECK_I64(f.p.efficient.ceiling, 2000);
	CHECK(llabs(f.p.efficient.budget - 32189) <= 1);
	/* 50 (1 - 1/5) */
	CHECK_NEAR(f.p.efficient.total.applications, 40, 1e-3);
	fixture_done(&f);
}

/*
 * hires without a ceiling: value_per_hire 2000 SEK. A hire at the
 * margin costs 20 e^0.005x SEK: x = ln(100) / 0.005 = 921.03 SEK.
 */
static void value_per_hire_is_the_hire_ceiling_by_default(void)
{
	struct fixture f;

	CHECK(plan(&f, "\"budget\": 500, \"objective\": \"hires\"",
		   "{\"web\": {\"share\": 1}}",
		   ", \"value_per_hire\": 2000") == 0);
	CHECK(fixture_run(&f) == 0);
	CHECK(f.p.efficient.kind == CEILING_VALUE_PER_HIRE);
	CHECK_I64(f.p.efficient.ceiling, 200000);
	CHECK(llabs(f.p.efficient.budget - 92103) <= 1);
	CHECK_NEAR(f.p.efficient.total.hires, 9.9, 1e-3);
	fixture_done(&f);
}

/*
 * web and capped (its frequency cap at 600 SEK is out of reach) with
 * capped held to 25 % of the budget. At B both spend it all, web 0.75 B
 * and capped 0.25 B, and one more SEK of budget is worth 0.75 of web's
 * marginal and 0.25 of capped's:
 *	0.75 * 0.25 e^-0.00375B + 0.25 * 0.25 e^-0.00125B = 1/40,
 * that is 0.75 u^3 + 0.25 u = 0.1 with u = e^-0.00125B: u = 0.310336,
 * B = 936.08 SEK (without the share, 2 x 460.52 = 921.03 SEK).
 */
static void a_max_share_moves_the_efficient_budget(void)
{
	struct fixture f;
	const struct plan_efficient *e = &f.p.efficient;

	CHECK(plan(&f,
		   "\"budget\": 500, \"objective\": \"applications\", "
		   "\"max_cost_per_application\": 40",
		   "{\"web\": {\"share\": 1}, \"capped\": {\"share\": 1}}",
		   "") == 0);
	f.c.channels[campaign_find_channel(&f.c, "capped")].max_share = 0.25;
	CHECK(fixture_run(&f) == 0);
	CHECK(e->kind == CEILING_APPLICATION);
	/* pinned to the curves, the duals find it to a minor unit */
	CHECK(llabs(e->budget - 93608) <= 1);
	/* 50 (1 - e^-2.6325) + 50 (1 - e^-1.1702) */
	CHECK_NEAR(e->total.applications, 82.989, 5e-3);
	fixture_done(&f);
}

static void without_a_ceiling_nothing_is_said(void)
{
	struct fixture f;
	struct strbuf sb = STRBUF_INIT;

	CHECK(plan(&f, "\"budget\": 500, \"objective\": \"applications\"",
		   "{\"web\": {\"share\": 1}}", "") == 0);
	CHECK(fixture_run(&f) == 0);
	CHECK(f.p.efficient.kind == CEILING_NONE);
	text_of(&f, &sb);
	CHECK_I64((int64_t)sb.len, 0);
	strbuf_release(&sb);
	fixture_done(&f);
}

/*
 * A slack budget: capped stops at its frequency cap (600 SEK), and the
 * paper's 1000 SEK would buy 0.0999 applications at 10 010.00 SEK each.
 */
static void a_flat_fee_above_the_ceiling_is_left_out(void)
{
	struct fixture f;
	const char *note;

	CHECK(plan(&f,
		   "\"budget\": 5000, \"objective\": \"applications\", "
		   "\"max_cost_per_application\": 40",
		   "{\"capped\": {\"share\": 1}, \"paper\": {\"share\": 1}}",
		   "") == 0);
	CHECK(fixture_run(&f) == 0);
	CHECK_I64(cell_spend(&f, "paper"), 0);
	CHECK_I64(cell_spend(&f, "capped"), 60000);
	CHECK_I64((int64_t)f.p.n_left_out, 1);
	note = find_note(&f.p, "Left out p on paper");
	CHECK(note != NULL);
	if (note)
		CHECK_HAS(note, "Left out p on paper: 1 000.00 SEK would have "
				"bought 0.1 applications, 10 010.00 SEK each, "
				"above the ceiling of 40.00 SEK "
				"(max_cost_per_application)");
	/* the efficient plan does without the paper too */
	CHECK(llabs(f.p.efficient.budget - 46052) <= 1);
	fixture_done(&f);
}

static void without_a_ceiling_the_flat_fee_is_bought(void)
{
	struct fixture f;

	CHECK(plan(&f, "\"budget\": 5000, \"objective\": \"applications\"",
		   "{\"capped\": {\"share\": 1}, \"paper\": {\"share\": 1}}",
		   "") == 0);
	CHECK(fixture_run(&f) == 0);
	CHECK_I64(cell_spend(&f, "paper"), 100000);
	CHECK_I64((int64_t)f.p.n_left_out, 0);
	fixture_done(&f);
}

/* 47.51 applications at the cap; a goal of 47.55 needs the paper */
static void a_goal_keeps_a_cell_above_the_ceiling(void)
{
	struct fixture f;
	const char *note;

	CHECK(plan(&f,
		   "\"budget\": 5000, \"objective\": \"applications\", "
		   "\"max_cost_per_application\": 40",
		   "{\"capped\": {\"share\": 1}, \"paper\": {\"share\": 1}}",
		   ", \"goal\": {\"applications\": 47.55}") == 0);
	CHECK(fixture_run(&f) == 0);
	CHECK(f.p.status != PLAN_INFEASIBLE);
	CHECK_I64(cell_spend(&f, "paper"), 100000);
	CHECK_I64((int64_t)f.p.n_left_out, 0);
	CHECK(find_note(&f.p, "Left out") == NULL);
	note = find_note(&f.p, "Kept p on paper");
	CHECK(note != NULL);
	if (note)
		CHECK_HAS(note, "10 010.00 SEK each, above the ceiling of "
				"40.00 SEK (max_cost_per_application), because "
				"a goal or a spend floor needs it");
	fixture_done(&f);
}

int main(void)
{
	verbosity = -1;
	below_the_efficient_budget_money_still_pays();
	above_the_efficient_budget_money_stops_paying();
	a_persona_ceiling_overrides_the_campaign();
	value_per_hire_is_the_hire_ceiling_by_default();
	a_max_share_moves_the_efficient_budget();
	without_a_ceiling_nothing_is_said();
	a_flat_fee_above_the_ceiling_is_left_out();
	without_a_ceiling_the_flat_fee_is_bought();
	a_goal_keeps_a_cell_above_the_ceiling();
	return test_done();
}
