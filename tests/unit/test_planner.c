/*
 * tests/unit/test_planner.c - the LP/MIP on small models whose optima
 * are known by hand. Per-hire channels are linear, so their optima are
 * exact; curve channels are checked against the exact curve.
 */
#include "planner.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audience.h"
#include "campaign.h"
#include "catalogue.h"
#include "diag.h"
#include "plan_fixture.h"
#include "test.h"
#include "strbuf.h"
#include "wrapper.h"

/*
 * Persona size 1000 with share 0.5: R = 500. ref_a: a 1000 bonus per
 * hire, at most R q a h = 12.5 hires (12 500). ref_b: a 2000 bonus,
 * 12.5 hires (25 000). meta: CPM 100, k = 0.01, frequency cap 3 at 300.
 * paper: a 1000 fee reaching all 500, 25 applications, 5 hires.
 */
static const char catalogue_csv[] =
	"id,name,platform,pricing,price,currency,ctr,ctr_basis,ref_frequency,"
	"apply_rate,hire_rate,precision,frequency_cap,min_daily,min_spend,"
	"max_spend,max_share,impressions,source\n"
	"ref_a,Referral A,offline,per_hire,1000,SEK,0.1,unique,,0.5,0.5,1,,,,"
	",,,test\n"
	"ref_b,Referral B,offline,per_hire,2000,SEK,0.1,unique,,0.5,0.5,1,,,,"
	",,,test\n"
	"meta,Meta,meta,cpm,100,SEK,0.01,impression,,0.1,0.2,0.5,3,,,,,,test\n"
	"paper,Paper,offline,flat,1000,SEK,0.1,unique,,0.5,0.2,0.5,,,,,,"
	"1000000,test\n";

/* the persona's campaign on the catalogue above */
static int plan(struct fixture *f, const char *campaign, const char *channels,
		const char *persona_extra, const char *rest)
{
	return fixture_plan(f, catalogue_csv, campaign, channels, persona_extra,
			    rest);
}

static int run(struct fixture *f)
{
	return fixture_run(f);
}

static void done(struct fixture *f)
{
	fixture_done(f);
}

static const struct plan_binding *find_binding(const struct plan *p,
					       enum binding_kind kind)
{
	for (size_t i = 0; i < p->n_bindings; i++)
		if (p->bindings[i].kind == kind)
			return &p->bindings[i];
	return NULL;
}

static int64_t cell_spend(const struct fixture *f, const char *channel)
{
	long ch = campaign_find_channel(&f->c, channel);

	for (size_t i = 0; i < f->p.n_cells; i++)
		if ((long)f->p.cells[i].channel == ch)
			return f->p.cells[i].spend;
	return 0;
}

static const char two_referrals[] =
	"{\"ref_a\": {\"share\": 0.5}, \"ref_b\": {\"share\": 0.5}}";

static void buys_the_cheaper_hires_first(void)
{
	struct fixture f;

	CHECK(plan(&f, "\"budget\": 20000, \"objective\": \"hires\"",
		   two_referrals, "", "") == 0);
	CHECK(run(&f) == 0);
	CHECK(f.p.status == PLAN_OPTIMAL);
	CHECK(!f.p.is_mip);
	/* 12.5 hires at 1000, then 7.5 at 2000 with what is left */
	CHECK_I64(cell_spend(&f, "ref_a"), 1250000);
	CHECK_I64(cell_spend(&f, "ref_b"), 750000);
	CHECK_NEAR(f.p.total.hires, 16.25, 1e-9);
	CHECK_NEAR(f.p.objective_lp, 16.25, 1e-9);
	CHECK_NEAR(f.p.approx_error, 0, 1e-9); /* linear: no error */
	/* one more 1000 buys half a hire at 2000 each */
	CHECK_NEAR(f.p.marginal * 1000, 0.5, 1e-9);
	CHECK(find_binding(&f.p, BIND_BUDGET) != NULL);
	CHECK_I64(f.p.total.cost_per_hire, llround(2000000 / 16.25));
	done(&f);
}

static void max_share_caps_a_channel_and_is_priced(void)
{
	struct fixture f;
	const struct plan_binding *b;

	CHECK(plan(&f, "\"budget\": 20000, \"objective\": \"hires\"",
		   two_referrals, "",
		   "\"channels\": {\"ref_a\": {\"max_share\": 0.25}}") == 0);
	CHECK(run(&f) == 0);
	CHECK_I64(cell_spend(&f, "ref_a"), 500000);
	CHECK_I64(cell_spend(&f, "ref_b"), 1500000);
	CHECK_NEAR(f.p.total.hires, 12.5, 1e-9);
	b = find_binding(&f.p, BIND_CHANNEL_MAX);
	CHECK(b != NULL);
	if (b) {
		/* without the cap: 16.25 hires */
		CHECK_NEAR(b->cost, 3.75, 1e-7);
		CHECK_HAS(b->text, "the 25 % cap on Referral A (ref_a)");
		CHECK_HAS(b->text, "costs about 3.75 hires");
	}
	done(&f);
}

static void channel_floor_forces_spend_and_is_priced(void)
{
	struct fixture f;
	const struct plan_binding *b;

	CHECK(plan(&f, "\"budget\": 20000, \"objective\": \"hires\"",
		   two_referrals, "",
		   "\"channels\": {\"ref_b\": {\"min_spend\": 10000}}") == 0);
	CHECK(run(&f) == 0);
	CHECK_I64(cell_spend(&f, "ref_a"), 1000000);
	CHECK_I64(cell_spend(&f, "ref_b"), 1000000);
	CHECK_NEAR(f.p.total.hires, 15, 1e-9);
	b = find_binding(&f.p, BIND_CHANNEL_FLOOR);
	CHECK(b != NULL);
	if (b)
		CHECK_NEAR(b->cost, 1.25, 1e-7);
	done(&f);
}

static void persona_budget_cap_binds(void)
{
	struct fixture f;
	const struct plan_binding *b;

	CHECK(plan(&f, "\"budget\": 20000, \"objective\": \"hires\"",
		   two_referrals, ", \"budget_cap\": 8000", "") == 0);
	CHECK(run(&f) == 0);
	CHECK_I64(f.p.total.spend, 800000);
	CHECK_NEAR(f.p.total.hires, 8, 1e-9);
	b = find_binding(&f.p, BIND_PERSONA_CAP);
	CHECK(b != NULL);
	if (b)
		CHECK_NEAR(b->cost, 8.25, 1e-7);
	CHECK(find_binding(&f.p, BIND_BUDGET) == NULL);
	done(&f);
}

static void min_cost_meets_the_goal_cheapest(void)
{
	struct fixture f;

	CHECK(plan(&f, "\"budget\": 20000, \"objective\": \"min-cost\"",
		   two_referrals, ", \"goal\": {\"hires\": 14}", "") == 0);
	CHECK(run(&f) == 0);
	/* 12.5 hires at 1000 and 1.5 at 2000 */
	CHECK_I64(f.p.total.spend, 1550000);
	CHECK_NEAR(f.p.total.hires, 14, 1e-9);
	CHECK_NEAR(f.p.objective_value, 15500, 1e-6);
	CHECK(find_binding(&f.p, BIND_PERSONA_GOAL) != NULL);
	done(&f);
}

static void goal_beyond_the_audience_is_infeasible_at_any_budget(void)
{
	struct fixture f;

	CHECK(plan(&f, "\"budget\": 20000, \"objective\": \"hires\"",
		   two_referrals, ", \"goal\": {\"hires\": 30}", "") == 0);
	CHECK(run(&f) == 0);
	CHECK(f.p.status == PLAN_INFEASIBLE);
	CHECK(f.p.n_reasons >= 1);
	if (f.p.n_reasons) {
		CHECK_HAS(f.p.reasons[0], "persona 'p' cannot reach its goal "
					  "of 30 hires at any budget");
		CHECK_HAS(f.p.reasons[0], "saturate at 25.00 hires");
	}
	CHECK_I64(f.p.least_budget, MONEY_NONE);
	/* still a best effort: 16.25 of the 30 hires at 20 000 */
	CHECK(f.p.best_effort != NULL);
	CHECK_NEAR(f.p.best_fraction, 16.25 / 30, 1e-6);
	done(&f);
}

static void goal_needing_more_money_names_the_least_budget(void)
{
	struct fixture f;
	int found = 0;

	CHECK(plan(&f, "\"budget\": 20000, \"objective\": \"hires\"",
		   two_referrals, ", \"goal\": {\"hires\": 20}", "") == 0);
	CHECK(run(&f) == 0);
	CHECK(f.p.status == PLAN_INFEASIBLE);
	/* 12.5 hires for 12 500 and 7.5 for 15 000 */
	CHECK_I64(f.p.least_budget, 2750000);
	for (size_t i = 0; i < f.p.n_reasons; i++)
		found |= strstr(f.p.reasons[i], "needs at least 27 500.00 "
						"SEK") != NULL;
	CHECK(found);
	/* the best at 20 000: 12.5 hires at 1000, 3.75 at 2000: 16.25 of 20 */
	CHECK(f.p.best_effort != NULL);
	CHECK_NEAR(f.p.best_fraction, 0.8125, 1e-6);
	CHECK(f.p.n_cells == 0); /* the plan itself stays without cells */
	if (f.p.best_effort) {
		CHECK_NEAR(f.p.best_effort->total.hires, 16.25, 1e-6);
		CHECK_I64(f.p.best_effort->total.spend, 2000000);
		CHECK_I64(f.p.best_effort->channel_totals[0].spend, 1250000);
	}
	done(&f);
}

static void campaign_goal_is_a_constraint_too(void)
{
	struct fixture f;

	CHECK(plan(&f,
		   "\"budget\": 20000, \"objective\": \"applications\", "
		   "\"goal\": {\"hires\": 26}",
		   two_referrals, "", "") == 0);
	CHECK(run(&f) == 0);
	CHECK(f.p.status == PLAN_INFEASIBLE);
	CHECK(f.p.n_reasons >= 1);
	if (f.p.n_reasons)
		CHECK_HAS(f.p.reasons[0], "the campaign goal of 26 hires");
	done(&f);
}

static void saturated_curve_leaves_budget_unspent_and_says_why(void)
{
	struct fixture f;
	double exact = 500 * (1 - exp(-3)) * 0.01 * 0.1;
	int said = 0;

	CHECK(plan(&f, "\"budget\": 1000", "{\"meta\": {\"share\": 0.5}}", "",
		   "") == 0);
	CHECK(run(&f) == 0);
	CHECK_I64(f.p.total.spend, 30000); /* the frequency cap at 300 */
	CHECK_NEAR(f.p.total.applications, exact, 1e-6);
	CHECK(f.p.n_cells == 1 && f.p.cells[0].at_frequency_cap);
	CHECK_NEAR(f.p.cells[0].frequency, 3, 1e-6);
	CHECK(find_binding(&f.p, BIND_FREQUENCY_CAP) != NULL);
	CHECK(find_binding(&f.p, BIND_BUDGET) == NULL);
	CHECK_NEAR(f.p.marginal, 0, 1e-12);
	for (size_t i = 0; i < f.p.n_notes; i++)
		said |= strstr(f.p.notes[i], "every reachable audience is at "
					     "its frequency cap") != NULL;
	CHECK(said);
	done(&f);
}

static void curve_spend_is_exact_and_error_shrinks_with_segments(void)
{
	struct fixture f;
	double exact = 500 * (1 - exp(-1)) * 0.01 * 0.1, err8;

	CHECK(plan(&f, "\"budget\": 100", "{\"meta\": {\"share\": 0.5}}", "",
		   "") == 0);
	CHECK(run(&f) == 0);
	CHECK_I64(f.p.total.spend, 10000);
	CHECK_NEAR(f.p.objective_value, exact, 1e-9);
	/* the chords lie under the curve */
	CHECK(f.p.objective_lp <= f.p.objective_value + 1e-12);
	CHECK(f.p.approx_error / exact < 0.01);
	err8 = f.p.max_segment_error;
	CHECK(err8 > 0);
	f.o.segments = 32;
	CHECK(run(&f) == 0);
	/* the chord error falls with the square of the pieces */
	CHECK(f.p.max_segment_error < err8 / 10);
	done(&f);
}

static void flat_fee_is_bought_whole_or_not_at_all(void)
{
	struct fixture f;
	const char *ch = "{\"paper\": {\"share\": 0.5}, \"ref_a\": "
			 "{\"share\": 0.5}}";

	/* 1500: the paper (25 applications) and 500 on referrals (1) */
	CHECK(plan(&f, "\"budget\": 1500", ch, "", "") == 0);
	CHECK(run(&f) == 0);
	CHECK(f.p.is_mip);
	CHECK(f.p.n_binaries == 1);
	CHECK_I64(cell_spend(&f, "paper"), 100000);
	CHECK_I64(cell_spend(&f, "ref_a"), 50000);
	CHECK_NEAR(f.p.total.applications, 26, 1e-6);
	/* 900: the paper is out of reach, everything to referrals */
	f.o.budget = 90000;
	CHECK(run(&f) == 0);
	CHECK_I64(cell_spend(&f, "paper"), 0);
	CHECK_NEAR(f.p.total.applications, 1.8, 1e-6);
	done(&f);
}

static void platform_minimum_makes_a_cell_all_or_nothing(void)
{
	struct fixture f;
	const char *ch = "{\"meta\": {\"share\": 0.5}, \"ref_a\": "
			 "{\"share\": 0.5}}";

	/* meta needs 20 a day for 10 days = 200 if used at all */
	CHECK(plan(&f, "\"budget\": 150", ch, "",
		   "\"channels\": {\"meta\": {\"min_daily\": 20}}") == 0);
	CHECK(run(&f) == 0);
	CHECK_I64(cell_spend(&f, "meta"), 0);
	CHECK_I64(cell_spend(&f, "ref_a"), 15000);
	CHECK(f.p.n_notes == 1);
	if (f.p.n_notes)
		CHECK_HAS(f.p.notes[0], "p on meta is left out: the platform "
					"minimum of 20.00 SEK a day for 10 "
					"days is more than the budget");
	f.o.budget = 100000; /* 1000: meta is worth its minimum now */
	CHECK(run(&f) == 0);
	CHECK(f.p.is_mip);
	CHECK(f.p.n_binaries == 1);
	CHECK(cell_spend(&f, "meta") >= 20000);
	done(&f);
}

static void value_objective_stops_where_hires_cost_more_than_worth(void)
{
	struct fixture f;
	int said = 0;

	/* a hire is worth 500 but costs a 1000 bonus: buy none */
	CHECK(plan(&f, "\"budget\": 5000, \"objective\": \"value\"",
		   "{\"ref_a\": {\"share\": 0.5}}", ", \"value_per_hire\": 500",
		   "") == 0);
	CHECK(run(&f) == 0);
	CHECK_I64(f.p.total.spend, 0);
	for (size_t i = 0; i < f.p.n_notes; i++)
		said |= strstr(f.p.notes[i], "cost more than it is worth") !=
			NULL;
	CHECK(said);
	done(&f);
	/* worth 3000: buy all the budget allows, value 5 * 3000 - 5000 */
	CHECK(plan(&f, "\"budget\": 5000, \"objective\": \"value\"",
		   "{\"ref_a\": {\"share\": 0.5}}",
		   ", \"value_per_hire\": 3000", "") == 0);
	CHECK(run(&f) == 0);
	CHECK_I64(f.p.total.spend, 500000);
	CHECK_NEAR(f.p.objective_value, 10000, 1e-6);
	CHECK_NEAR(f.p.marginal, 2, 1e-9); /* 3000 / 1000 - 1 per unit */
	done(&f);
}

static void value_objective_needs_value_per_hire(void)
{
	struct fixture f;

	CHECK(plan(&f, "\"budget\": 5000", "{\"ref_a\": {\"share\": 0.5}}", "",
		   "") == 0);
	f.o.objective = OBJ_VALUE;
	CHECK(run(&f) == PLANNER_BAD_INPUT);
	done(&f);
}

static unsigned next_random(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 8) & 0xffffff;
}

static int64_t channel_spend(const struct fixture *f, const char *id)
{
	long ch = campaign_find_channel(&f->c, id);

	return ch < 0 ? 0 : f->p.channel_totals[ch].spend;
}

/* cells whose average frequency is above their channel's cap */
static int over_frequency_cap(const struct fixture *f)
{
	int n = 0;

	for (size_t i = 0; i < f->p.n_cells; i++) {
		const struct plan_cell *pc = &f->p.cells[i];
		double cap = f->c.channels[pc->channel].frequency_cap;

		n += cap > 0 && pc->frequency > cap * (1 + 1e-9);
	}
	return n;
}

/*
 * 1 000 random budgets against a channel share, a channel ceiling and
 * a persona cap: rounding to minor units never breaks one of them.
 */
static void rounding_never_breaks_a_limit(void)
{
	unsigned seed = 7;
	int broken = 0, runs = 0;

	for (int k = 0; k < 1000; k++) {
		struct fixture f;
		int64_t budget = 30000 + next_random(&seed) % 1970000;

		if (plan(&f, "\"budget\": 20000",
			 "{\"meta\": {\"share\": 0.9}, \"ref_a\": {\"share\": "
			 "0.5}, \"ref_b\": {\"share\": 0.5}}",
			 ", \"budget_cap\": 7777.77",
			 "\"channels\": {\"meta\": {\"max_share\": 0.3}, "
			 "\"ref_a\": {\"max_spend\": 1234.57}}") < 0)
			break;
		f.o.budget = budget;
		if (run(&f) == 0 && f.p.status == PLAN_OPTIMAL) {
			runs++;
			broken += f.p.total.spend > budget ||
				  f.p.total.spend > 777777 ||
				  channel_spend(&f, "ref_a") > 123457 ||
				  (double)channel_spend(&f, "meta") >
					  floor(0.3 * (double)budget + 1e-6) ||
				  over_frequency_cap(&f);
		}
		done(&f);
	}
	CHECK(runs == 1000);
	CHECK(broken == 0);
}

/* 1 000 random goals for min-cost: each is met on the exact curves */
static void rounding_keeps_min_cost_goals(void)
{
	unsigned seed = 11;
	int missed = 0, runs = 0;
	char persona[64];

	for (int k = 0; k < 1000; k++) {
		struct fixture f;
		double goal = 1 + (double)(next_random(&seed) % 1400000) / 1e5;

		snprintf(persona, sizeof(persona),
			 ", \"goal\": {\"applications\": %.5f}", goal);
		if (plan(&f, "\"budget\": 20000, \"objective\": \"min-cost\"",
			 "{\"meta\": {\"share\": 0.9}, \"ref_a\": {\"share\": "
			 "0.5}}",
			 persona, "") < 0)
			break;
		if (run(&f) == 0 && f.p.status == PLAN_OPTIMAL) {
			runs++;
			missed += f.p.total.applications < goal ||
				  over_frequency_cap(&f);
		}
		done(&f);
	}
	if (!CHECK(runs == 1000))
		printf("#   %d runs optimal\n", runs);
	CHECK(missed == 0);
}

static void nothing_to_plan_is_a_data_error(void)
{
	struct fixture f;

	/* --budget 500: the paper's fee of 1000 is above the whole budget */
	CHECK(plan(&f, "\"budget\": 5000", "{\"paper\": {\"share\": 0.5}}", "",
		   "") == 0);
	f.o.budget = 50000;
	CHECK(run(&f) == PLANNER_NOTHING);
	CHECK(planner_exit_status(f.rc) == JM_DATAERR);
	done(&f);
	CHECK(planner_exit_status(PLANNER_OK) == JM_OK);
	CHECK(planner_exit_status(PLANNER_TIME_LIMIT) == JM_TEMPFAIL);
	CHECK(planner_exit_status(PLANNER_SOLVER_FAILED) == JM_SOFTWARE);
	CHECK(planner_exit_status(PLANNER_EXPORT_FAILED) == JM_CANTCREAT);
	CHECK(planner_exit_status(PLANNER_BAD_INPUT) == JM_DATAERR);
}

static void blend_weights_span_applications_and_reach(void)
{
	struct fixture f;
	const char *ch = "{\"meta\": {\"share\": 0.5}, \"ref_a\": "
			 "{\"share\": 0.5}}";
	double apps_only, reach_only;

	CHECK(plan(&f, "\"budget\": 300", ch, "", "") == 0);
	f.o.objective = OBJ_APPLICATIONS;
	CHECK(run(&f) == 0);
	apps_only = f.p.objective_lp;
	f.o.objective = OBJ_REACH;
	CHECK(run(&f) == 0);
	reach_only = f.p.objective_lp;
	f.o.objective = OBJ_BLEND;
	f.o.short_term_weight = 1;
	CHECK(run(&f) == 0);
	/* the norms are exact optima: the LP agrees to the refinement gap */
	CHECK_NEAR(f.p.blend_apps_norm, apps_only, 1e-6 * apps_only);
	CHECK_NEAR(f.p.blend_reach_norm, reach_only, 1e-6 * reach_only);
	CHECK_NEAR(f.p.objective_lp, 1, 1e-6);
	f.o.short_term_weight = 0.5;
	CHECK(run(&f) == 0);
	CHECK(f.p.objective_lp <= 1 + 1e-9 && f.p.objective_lp > 0.5);
	done(&f);
}

static void excluded_cells_get_nothing(void)
{
	struct fixture f;

	CHECK(plan(&f, "\"budget\": 20000, \"objective\": \"hires\"",
		   two_referrals, "",
		   "\"exclude\": [{\"persona\": \"p\", \"channel\": "
		   "\"ref_a\", \"reason\": \"test\"}]") == 0);
	CHECK(run(&f) == 0);
	CHECK_I64(cell_spend(&f, "ref_a"), 0);
	CHECK_NEAR(f.p.total.hires, 10, 1e-9);
	done(&f);
}

static void frontier_is_concave_and_ends_at_saturation(void)
{
	struct fixture f;

	CHECK(plan(&f, "\"budget\": 20000, \"objective\": \"hires\"",
		   two_referrals, "", "") == 0);
	f.o.frontier_from = 500000;
	f.o.frontier_to = 4000000;
	f.o.frontier_step = 500000;
	CHECK(run(&f) == 0);
	CHECK(f.p.n_frontier == 8);
	for (size_t i = 1; i < f.p.n_frontier; i++) {
		CHECK(f.p.frontier[i].objective >=
		      f.p.frontier[i - 1].objective - 1e-9);
		CHECK(fabs(f.p.frontier[i].marginal) <=
		      fabs(f.p.frontier[i - 1].marginal) + 1e-9);
	}
	CHECK_NEAR(f.p.frontier[0].objective, 5, 1e-9);
	CHECK_NEAR(f.p.frontier[7].objective, 25, 1e-9); /* all reached */
	CHECK_I64(f.p.frontier[7].spend, 3750000);
	/* the plan itself is still at the campaign budget */
	CHECK_NEAR(f.p.total.hires, 16.25, 1e-9);
	/* past saturation the points repeat the last optimum unsolved */
	f.o.frontier_from = 4000000;
	f.o.frontier_to = 5000000;
	f.o.frontier_step = 500000;
	CHECK(run(&f) == 0);
	CHECK(f.p.n_frontier == 3);
	for (size_t i = 0; i < f.p.n_frontier; i++) {
		CHECK(f.p.frontier[i].feasible);
		CHECK_NEAR(f.p.frontier[i].objective, 25, 1e-9);
		CHECK_I64(f.p.frontier[i].spend, 3750000);
		CHECK_NEAR(f.p.frontier[i].marginal, 0, 1e-12);
	}
	CHECK_I64(f.p.frontier[2].budget, 5000000);
	done(&f);
}

/*
 * The paper's 1000 fee buys 25 applications, referrals 2 per 1000: at
 * 500 only referrals (1), at 1000 the paper (25), a step with no
 * marginal; then 2 more applications per 1000 on referrals.
 */
static void mip_frontier_marks_the_step_and_splits_spend(void)
{
	struct fixture f;
	const char *ch = "{\"paper\": {\"share\": 0.5}, \"ref_a\": "
			 "{\"share\": 0.5}}";
	long paper, ref;
	static const double apps[] = { 1, 25, 26, 27 };

	CHECK(plan(&f, "\"budget\": 1500", ch, "", "") == 0);
	f.o.frontier_from = 50000;
	f.o.frontier_to = 200000;
	f.o.frontier_step = 50000;
	CHECK(run(&f) == 0);
	CHECK(f.p.n_frontier == 4);
	paper = campaign_find_channel(&f.c, "paper");
	ref = campaign_find_channel(&f.c, "ref_a");
	for (size_t i = 0; i < f.p.n_frontier && i < 4; i++) {
		const struct frontier_point *pt = &f.p.frontier[i];
		const int64_t *by = &f.p.frontier_spend[i * f.c.n_channels];
		int64_t sum = 0;

		for (size_t k = 0; k < f.c.n_channels; k++)
			sum += by[k];
		CHECK_I64(sum, pt->spend);
		CHECK_I64(pt->spend, pt->budget);
		CHECK_NEAR(pt->objective, apps[i], 1e-6);
		CHECK((pt->step != NULL) == (i == 1));
		CHECK(isnan(pt->marginal) == (i == 1));
	}
	if (f.p.n_frontier == 4) {
		CHECK_I64(f.p.frontier_spend[0 * f.c.n_channels + ref], 50000);
		CHECK_I64(f.p.frontier_spend[1 * f.c.n_channels + paper],
			  100000);
		CHECK_STR(f.p.frontier[1].step, "paper bought");
		CHECK_NEAR(f.p.frontier[2].marginal, 2, 1e-6);
	}
	done(&f);
}

static void spend_is_rounded_without_exceeding_the_budget(void)
{
	struct fixture f;
	const char *ch = "{\"meta\": {\"share\": 0.5}, \"ref_a\": "
			 "{\"share\": 0.5}, \"ref_b\": {\"share\": 0.3}}";
	int64_t sum = 0;

	CHECK(plan(&f, "\"budget\": 1000.01", ch, "", "") == 0);
	CHECK(run(&f) == 0);
	for (size_t i = 0; i < f.p.n_cells; i++)
		sum += f.p.cells[i].spend;
	CHECK_I64(sum, f.p.total.spend);
	CHECK(f.p.total.spend <= 100001);
	done(&f);
}

static void writes_the_model_in_lp_and_mps(void)
{
	struct fixture f;
	char dir[] = "/tmp/jobmix-test-XXXXXX";
	char lp[64], mps[64], line[256] = "";
	FILE *fp;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(lp, sizeof(lp), "%s/m.lp", dir);
	snprintf(mps, sizeof(mps), "%s/m.mps", dir);
	CHECK(plan(&f, "\"budget\": 20000", two_referrals, "", "") == 0);
	f.o.write_lp = lp;
	f.o.write_mps = mps;
	CHECK(run(&f) == 0);
	fp = fopen(lp, "r");
	CHECK(fp != NULL);
	if (fp) {
		while (fgets(line, sizeof(line), fp))
			if (strstr(line, "Maximize"))
				break;
		CHECK_HAS(line, "Maximize");
		fclose(fp);
	}
	fp = fopen(mps, "r");
	CHECK(fp != NULL);
	if (fp)
		fclose(fp);
	remove(lp);
	remove(mps);
	remove(dir);
	f.o.write_lp = "/nonexistent-dir/m.lp";
	f.o.write_mps = NULL;
	CHECK(run(&f) == PLANNER_EXPORT_FAILED);
	done(&f);
}

int main(void)
{
	verbosity = -1;
	buys_the_cheaper_hires_first();
	max_share_caps_a_channel_and_is_priced();
	channel_floor_forces_spend_and_is_priced();
	persona_budget_cap_binds();
	min_cost_meets_the_goal_cheapest();
	goal_beyond_the_audience_is_infeasible_at_any_budget();
	goal_needing_more_money_names_the_least_budget();
	campaign_goal_is_a_constraint_too();
	saturated_curve_leaves_budget_unspent_and_says_why();
	curve_spend_is_exact_and_error_shrinks_with_segments();
	flat_fee_is_bought_whole_or_not_at_all();
	platform_minimum_makes_a_cell_all_or_nothing();
	value_objective_stops_where_hires_cost_more_than_worth();
	value_objective_needs_value_per_hire();
	nothing_to_plan_is_a_data_error();
	rounding_never_breaks_a_limit();
	rounding_keeps_min_cost_goals();
	blend_weights_span_applications_and_reach();
	excluded_cells_get_nothing();
	frontier_is_concave_and_ends_at_saturation();
	mip_frontier_marks_the_step_and_splits_spend();
	spend_is_rounded_without_exceeding_the_budget();
	writes_the_model_in_lp_and_mps();
	return test_done();
}
