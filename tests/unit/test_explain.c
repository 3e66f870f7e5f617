/*
 * tests/unit/test_explain.c - the planner's sentences from figures
 * alone: no model is built and nothing is solved here.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "explain.h"
#include "money.h"
#include "planner.h"
#include "strbuf.h"
#include "test.h"

static struct channel channels[2];
static struct persona personas[1];
static struct campaign camp;
static char ref_a[] = "ref_a", ref_name[] = "Referral A", meta[] = "meta",
	    meta_name[] = "Meta", elec[] = "elec", elec_name[] = "Electricians",
	    name[] = "t", sek[] = "SEK";

static void setup(void)
{
	channels[0].id = ref_a;
	channels[0].name = ref_name;
	channels[0].pricing = PRICING_PER_HIRE;
	channels[0].max_share = 0.25;
	channels[1].id = meta;
	channels[1].name = meta_name;
	channels[1].pricing = PRICING_CPM;
	channels[1].frequency_cap = 3;
	channels[1].min_daily = 5000; /* 50.00 SEK */
	channels[1].max_share = 1;
	channels[1].days = 28;
	personas[0].id = elec;
	personas[0].name = elec_name;
	camp.name = name;
	camp.currency = sek;
	camp.digits = 2;
	camp.days = 28;
	camp.channels = channels;
	camp.n_channels = 2;
	camp.personas = personas;
	camp.n_personas = 1;
}

static void binding_text(enum objective obj, const struct explain_row *r,
			 const char *want_name, const char *want_text,
			 enum binding_kind want_kind)
{
	struct plan_binding b;

	explain_binding(&camp, obj, r, &b);
	CHECK_STR(b.name, want_name);
	CHECK_STR(b.text, want_text);
	CHECK(b.kind == want_kind);
	CHECK(b.dual == r->dual);
	free(b.name);
	free(b.text);
}

static void bindings(void)
{
	struct explain_row r = { XROW_BUDGET, 0, 0, 15000, 0.0025, NAN };

	binding_text(OBJ_APPLICATIONS, &r, "budget",
		     "the budget of 15 000.00 SEK binds: one more 1 000.00 SEK "
		     "buys about 2.5 applications",
		     BIND_BUDGET);
	binding_text(OBJ_MIN_COST, &r, "budget",
		     "the budget of 15 000.00 SEK binds: one more 1 000.00 SEK "
		     "of budget saves 2.50 SEK",
		     BIND_BUDGET);
	r = (struct explain_row){ XROW_CHANNEL_SHARE, 0, 0, 3750, 0.001, 3.75 };
	binding_text(OBJ_HIRES, &r, "channel ref_a max share",
		     "the 25 % cap on Referral A (ref_a) binds: it costs about "
		     "3.75 hires",
		     BIND_CHANNEL_MAX);
	/* not priced: the room is quoted per 1 000 */
	r = (struct explain_row){
		XROW_CHANNEL_CEILING, 0, 1, 2000, 0.004, NAN
	};
	binding_text(OBJ_APPLICATIONS, &r, "channel meta max spend",
		     "the 2 000.00 SEK ceiling on Meta (meta) binds: each "
		     "1 000.00 SEK of room is worth about 4 applications",
		     BIND_CHANNEL_MAX);
	r = (struct explain_row){ XROW_CHANNEL_FLOOR, 0, 1, 500, -0.002, 0.5 };
	binding_text(OBJ_APPLICATIONS, &r, "channel meta min spend",
		     "the 500.00 SEK floor on Meta (meta) binds: it costs "
		     "about 0.5 applications",
		     BIND_CHANNEL_FLOOR);
	/* a goal: each unit more, in the objective's unit (money here) */
	r = (struct explain_row){ XROW_PERSONA_APPS, 0, 0, 40, -310.5, NAN };
	binding_text(OBJ_MIN_COST, &r, "persona elec goal applications",
		     "the goal of 40 applications for persona 'elec' binds: "
		     "each unit more costs about 310.50 SEK",
		     BIND_PERSONA_GOAL);
	r = (struct explain_row){ XROW_CAMPAIGN_HIRES, 0, 0, 3, -2000, NAN };
	binding_text(OBJ_MIN_COST, &r, "campaign goal hires",
		     "the campaign goal of 3 hires binds: each unit more costs "
		     "about 2 000.00 SEK",
		     BIND_CAMPAIGN_GOAL);
	r = (struct explain_row){ XROW_PERSONA_CAP, 0, 0, 4000, 0.001, 1.25 };
	binding_text(OBJ_BLEND, &r, "persona elec budget cap",
		     "the 4 000.00 SEK budget cap on persona 'elec' binds: it "
		     "costs about 1.2500 blend points",
		     BIND_PERSONA_CAP);
	r = (struct explain_row){ XROW_MIN_DAILY, 0, 1, 0, -0.001, 0.2 };
	binding_text(OBJ_APPLICATIONS, &r, "cell elec meta min daily",
		     "the platform minimum of 50.00 SEK a day on meta for "
		     "persona 'elec' binds: it costs about 0.2 applications",
		     BIND_MIN_DAILY);
	/* one ad set for the channel: its minimum is the channel's */
	channels[1].shared_ad_set = true;
	binding_text(OBJ_APPLICATIONS, &r, "channel meta min daily",
		     "the platform minimum of 50.00 SEK a day on meta's one ad "
		     "set for all its personas binds: it costs about 0.2 "
		     "applications",
		     BIND_MIN_DAILY);
	channels[1].shared_ad_set = false;
}

static void frequency_caps(void)
{
	struct plan_binding b;

	explain_frequency_cap(&camp, OBJ_APPLICATIONS, 0, 1, 474.2, 500, 0.0031,
			      &b);
	CHECK_STR(b.name, "cell elec meta frequency cap");
	CHECK_STR(b.text,
		  "persona 'elec' on meta is at its frequency cap of 3 (474 "
		  "of 500 reachable people reached): a higher cap would be "
		  "worth about 3.1 applications per 1 000.00 SEK");
	CHECK(b.kind == BIND_FREQUENCY_CAP);
	CHECK(isnan(b.cost));
	free(b.name);
	free(b.text);
	explain_frequency_cap(&camp, OBJ_HIRES, 0, 0, 500, 500, 0.0005, &b);
	CHECK_STR(b.text, "persona 'elec' on ref_a has given every hire its "
			  "network can: a bigger network would be worth about "
			  "0.5 hires per 1 000.00 SEK");
	free(b.name);
	free(b.text);
}

static void notes(void)
{
	struct strvec v = { 0 };
	struct explain_spend s = { 1234.5, 3, 3, 0, false, NULL, 0 };

	explain_unspent(&v, &camp, OBJ_APPLICATIONS, &s);
	s.at_cap = 1;
	explain_unspent(&v, &camp, OBJ_APPLICATIONS, &s);
	explain_unspent(&v, &camp, OBJ_VALUE, &s);
	s.left = 0.5; /* under one major unit: nothing to say */
	explain_unspent(&v, &camp, OBJ_APPLICATIONS, &s);
	s.left = 100;
	explain_unspent(&v, &camp, OBJ_MIN_COST, &s);
	CHECK(v.n == 3);
	CHECK_STR(v.item[0],
		  "1 234.50 SEK of the budget is left unspent: every reachable "
		  "audience is at its frequency cap, so more money would buy "
		  "nothing");
	CHECK_STR(v.item[1],
		  "1 234.50 SEK of the budget is left unspent: 1 of "
		  "3 usable cells are at their frequency cap and the "
		  "rest are held back by channel or persona limits");
	CHECK_STR(v.item[2],
		  "1 234.50 SEK of the budget is left unspent: beyond this "
		  "plan each further hire would cost more than it is worth");
	strvec_clear(&v);
	/* a shared ad set left out, and a flat fee that is one buy */
	explain_min_daily_shared_out(&v, &camp, 1, 900, 15000);
	explain_min_daily_shared_out(&v, &camp, 1, -1, 1000);
	{
		size_t who[3] = { 0, 0, 0 };
		int64_t part[3] = { 900000, 600000, 1 };

		explain_shared_buy(&v, &camp, 1, 1500001, who, part, 3);
		explain_shared_buy(&v, &camp, 1, 1500000, who, part, 2);
	}
	CHECK_STR(v.item[0],
		  "meta is left out: the platform minimum of 50.00 SEK a day "
		  "for 28 days on its one ad set is more than the personas "
		  "together absorb at the frequency cap, 900.00 SEK");
	CHECK_STR(v.item[1],
		  "meta is left out: the platform minimum of 50.00 SEK a day "
		  "for 28 days on its one ad set is more than the budget of "
		  "1 000.00 SEK");
	CHECK_STR(v.item[2], "meta is one buy of 15 000.01 SEK shared by elec "
			     "(9 000.00 SEK), elec (6 000.00 SEK) and elec "
			     "(0.01 SEK)");
	CHECK_STR(v.item[3], "meta is one buy of 15 000.00 SEK shared by elec "
			     "(9 000.00 SEK) and elec (6 000.00 SEK)");
	strvec_clear(&v);
	explain_min_daily_out(&v, &camp, 0, 1, 900, 15000);
	explain_min_daily_out(&v, &camp, 0, 1, -1, 1000);
	CHECK_STR(v.item[0],
		  "elec on meta is left out: the platform minimum of 50.00 "
		  "SEK a day for 28 days is more than the 900.00 SEK its "
		  "audience absorbs at the frequency cap");
	CHECK_STR(v.item[1], "elec on meta is left out: the platform minimum "
			     "of 50.00 SEK a day for 28 days is more than the "
			     "budget of 1 000.00 SEK");
	strvec_clear(&v);
}

static void reasons(void)
{
	struct strvec v = { 0 };

	explain_floor_above_cap(&v, &camp, 0, 5000, 3750);
	explain_floors_above_budget(&v, &camp, 16000, 15000);
	explain_goal_ceiling(&v, &personas[0], 60, 0, 41.26, 8);
	explain_goal_ceiling(&v, &personas[0], 10, 9, 41.26, 8.2);
	explain_goal_ceiling(&v, NULL, 50, 10, 41.26, 8.2);
	explain_goal_ceiling(&v, NULL, 40, 8, 41.26, 8.2); /* within reach */
	explain_least_budget(&v, &camp, 17250.004, 15000);
	explain_least_budget(&v, &camp, -1, 15000);
	CHECK(v.n == 8);
	CHECK_STR(v.item[0], "channel 'ref_a' must get at least 5 000.00 SEK "
			     "but may get at most 3 750.00 SEK (its max_share "
			     "or max_spend)");
	CHECK_STR(v.item[1], "the channel floors add up to 16 000.00 SEK, more "
			     "than the budget of 15 000.00 SEK");
	CHECK_STR(v.item[2],
		  "persona 'elec' cannot reach its goal of 60 applications at "
		  "any budget: its channels saturate at 41.3 (reachable "
		  "audience and frequency caps)");
	CHECK_STR(v.item[3], "persona 'elec' cannot reach its goal of 9 hires "
			     "at any budget: its channels saturate at 8.20 "
			     "hires");
	CHECK_STR(v.item[4], "the campaign goal of 50 applications cannot be "
			     "met at any budget: all channels together "
			     "saturate at 41.3");
	CHECK_STR(v.item[5], "the campaign goal of 10 hires cannot be met at "
			     "any budget: all channels together saturate at "
			     "8.20");
	CHECK_STR(v.item[6], "meeting every goal needs at least 17 250.00 SEK; "
			     "the budget is 15 000.00 SEK");
	CHECK_STR(v.item[7], "the goals cannot be met together at any budget "
			     "within the channel and persona limits "
			     "(max_spend, max_share, budget caps)");
	strvec_clear(&v);
}

/* explain_number(v, sig) as a string the test frees */
static char *number(double v, int sig)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "x");
	explain_number(&sb, v, sig);
	return strbuf_detach(&sb);
}

#define CHECK_NUMBER(v, sig, want)                \
	do {                                      \
		char *got_text_ = number(v, sig); \
		CHECK_STR(got_text_, "x" want);   \
		free(got_text_);                  \
	} while (0)

/* figures in sentences never take an exponent, however small or big */
static void numbers_without_exponents(void)
{
	CHECK_NUMBER(2.5, 3, "2.5");
	CHECK_NUMBER(0.0723, 3, "0.0723");
	CHECK_NUMBER(0.123456, 3, "0.123");
	CHECK_NUMBER(456.7, 3, "457");
	CHECK_NUMBER(9.996, 3, "10");
	CHECK_NUMBER(0.00002555124, 3, "0.0000256");
	CHECK_NUMBER(-0.0000255, 3, "-0.0000255");
	CHECK_NUMBER(999.4, 3, "999");
	CHECK_NUMBER(999.5, 3, "1 000"); /* "%.3g" says 1e+03 */
	CHECK_NUMBER(1774740.4, 3, "1 774 740");
	CHECK_NUMBER(0, 3, "0");
	CHECK_NUMBER(1e-15, 3, "0");
	CHECK_NUMBER(25, 6, "25");
	CHECK_NUMBER(33.333333333, 6, "33.3333");
	CHECK_NUMBER(0.1 * 3, 6, "0.3");
	CHECK_NUMBER(1e6, 6, "1 000 000");
}

/* blend points keep four decimals unless those would all be zeros */
static void blend_points_stay_readable(void)
{
	struct explain_row r = { XROW_PERSONA_CAP, 0, 0, 4000, 0, 0.0016 };

	binding_text(OBJ_BLEND, &r, "persona elec budget cap",
		     "the 4 000.00 SEK budget cap on persona 'elec' binds: it "
		     "costs about 0.0016 blend points",
		     BIND_PERSONA_CAP);
	r.cost = 0.00002555;
	binding_text(OBJ_BLEND, &r, "persona elec budget cap",
		     "the 4 000.00 SEK budget cap on persona 'elec' binds: it "
		     "costs about 0.0000256 blend points",
		     BIND_PERSONA_CAP);
}

/* goals and caps of any size read without an exponent */
static void big_goals_without_exponents(void)
{
	struct strvec v = { 0 };
	struct explain_row r = { XROW_CAMPAIGN_APPS, 0, 0, 2e6, -0.5, NAN };

	binding_text(OBJ_MIN_COST, &r, "campaign goal applications",
		     "the campaign goal of 2 000 000 applications binds: each "
		     "unit more costs about 0.50 SEK",
		     BIND_CAMPAIGN_GOAL);
	explain_goal_ceiling(&v, NULL, 1.5e6, 0, 41.26, 8);
	CHECK_STR(v.item[0], "the campaign goal of 1 500 000 applications "
			     "cannot be met at any budget: all channels "
			     "together saturate at 41.3");
	strvec_clear(&v);
}

static void certificate(void)
{
	struct plan p = { 0 };
	struct strbuf sb = STRBUF_INIT;

	p.objective = OBJ_APPLICATIONS;
	p.bound_exact = 6.9;
	p.bound_other = 6.9000069;
	p.refinements = 1;
	p.breakpoints_added = 9;
	p.is_mip = true;
	explain_certificate(&sb, &camp, &p);
	CHECK_STR(sb.buf, "Exact optimum: 1 round put 9 breakpoints where the "
			  "plan spends; no plan can beat this one by more than "
			  "0.0000069 applications (0.0001 %), for these buy "
			  "decisions");
	strbuf_release(&sb);
}

/* a MIP says more budget helps, or not, only as its re-solve showed */
static void mip_more_budget(void)
{
	struct plan_more mo = { 120000, 7.4, true,   true, true,
				0,      1,   300000, false };
	struct explain_spend s = { 1800, 1, 3, 0, true, &mo, 0 };
	struct strvec v = { 0 };
	struct plan p = { 0 };
	struct strbuf sb = STRBUF_INIT;

	explain_unspent(&v, &camp, OBJ_APPLICATIONS, &s);
	mo.buy_is_fee = false;
	mo.buy_cost = 140000;
	mo.extra = 5000;
	explain_unspent(&v, &camp, OBJ_HIRES, &s);
	mo.has_buy = false;
	explain_unspent(&v, &camp, OBJ_APPLICATIONS, &s);
	mo.improves = false; /* re-solved, no better: the old sentence */
	explain_unspent(&v, &camp, OBJ_APPLICATIONS, &s);
	mo.extra = MONEY_NONE; /* not re-solved: no claim */
	explain_unspent(&v, &camp, OBJ_APPLICATIONS, &s);
	CHECK(v.n == 5);
	CHECK_STR(v.item[0], "1 800.00 SEK of the budget is left unspent: the "
			     "next buy, meta at 3 000.00 "
			     "SEK, does not fit; with 1 200.00 SEK more the "
			     "plan would reach 7.4 applications");
	CHECK_STR(v.item[1], "1 800.00 SEK of the budget is left unspent: the "
			     "next buy, the platform minimum on meta for "
			     "persona 'elec' at 1 400.00 SEK, does not fit; "
			     "with 50.00 SEK more the plan would reach 7.4 "
			     "hires");
	CHECK_STR(v.item[2], "1 800.00 SEK of the budget is left unspent: no "
			     "further buy fits what is left; with 50.00 SEK "
			     "more the plan would reach 7.4 applications");
	CHECK_STR(v.item[3],
		  "1 800.00 SEK of the budget is left unspent: 1 of "
		  "3 usable cells are at their frequency cap and the "
		  "rest are held back by channel or persona limits");
	CHECK_STR(v.item[4],
		  "1 800.00 SEK of the budget is left unspent: 1 of 3 usable "
		  "cells are at their frequency cap; for the rest, limits or "
		  "a flat fee or platform minimum that does not fit hold it "
		  "back (a bigger budget was not tried on a model this "
		  "large)");
	strvec_clear(&v);

	p.objective = OBJ_APPLICATIONS;
	p.objective_unit = "applications";
	p.is_mip = true;
	p.more = (struct plan_more){ 120000, 7.4, true,   true, true,
				     0,      1,   300000, false };
	explain_marginal(&sb, &camp, &p);
	CHECK_STR(sb.buf, "the budget does not bind for these buy decisions, "
			  "but more budget would improve the plan in a step: "
			  "the next buy, meta at 3 000.00 "
			  "SEK, does not fit; with 1 200.00 SEK more the plan "
			  "would reach 7.4 applications");
	strbuf_reset(&sb);
	p.more.improves = false;
	explain_marginal(&sb, &camp, &p);
	CHECK_STR(sb.buf, "more budget would not improve the plan: the budget "
			  "does not bind");
	strbuf_reset(&sb);
	p.more.extra = MONEY_NONE;
	explain_marginal(&sb, &camp, &p);
	CHECK_STR(sb.buf, "the budget does not bind for these buy decisions "
			  "(a bigger budget was not tried on a model this "
			  "large)");
	strbuf_reset(&sb);
	p.is_mip = false; /* an LP's dual is the whole truth */
	explain_marginal(&sb, &camp, &p);
	CHECK_STR(sb.buf, "more budget would not improve the plan: the budget "
			  "does not bind");
	strbuf_reset(&sb);
	/* unless a buy above the whole budget was left out of the model */
	p.more.has_buy = p.more.buy_over_budget = true;
	explain_marginal(&sb, &camp, &p);
	CHECK_STR(sb.buf, "the budget does not bind; more budget could only "
			  "help through meta at 3 000.00 "
			  "SEK, left out for costing more than the whole "
			  "budget");
	strbuf_release(&sb);
	s.more = &p.more;
	s.is_mip = false;
	explain_unspent(&v, &camp, OBJ_APPLICATIONS, &s);
	s.at_cap = 3;
	p.more.buy_is_fee = false;
	p.more.buy_cost = 140000;
	explain_unspent(&v, &camp, OBJ_APPLICATIONS, &s);
	CHECK(v.n == 2);
	CHECK_STR(v.item[0], "1 800.00 SEK of the budget is left unspent: 1 of "
			     "3 usable cells are at their frequency cap, the "
			     "rest are held back by channel or persona limits, "
			     "and more money could only add meta at "
			     "3 000.00 SEK, left out for costing more than "
			     "the whole budget");
	CHECK_STR(v.item[1], "1 800.00 SEK of the budget is left unspent: "
			     "every audience in the plan is at its frequency "
			     "cap, and more money could only buy the platform "
			     "minimum on meta for persona 'elec' at 1 400.00 "
			     "SEK, left out for costing more than the whole "
			     "budget");
	strvec_clear(&v);
}

static void best_effort(void)
{
	struct plan b = { 0 };
	struct plan_total pt = { 0 };
	struct strbuf sb = STRBUF_INIT;
	struct strvec v = { 0 };
	struct explain_goal g;

	b.budget = 3000000;
	b.total.spend = 2999950;
	b.total.hires = 3;
	b.total.applications = 15;
	pt.applications = 7.5;
	b.persona_totals = &pt;
	personas[0].goal_applications = 10;
	camp.goal_hires = 4;
	CHECK(explain_goal_count(&camp) == 2);
	explain_goal_at(&camp, &b, 0, &g);
	CHECK(g.persona == 0 && !g.hires && g.target == 10 &&
	      g.expected == 7.5);
	explain_goal_at(&camp, &b, 1, &g);
	CHECK(g.persona == SIZE_MAX && g.hires && g.target == 4 &&
	      g.expected == 3);
	explain_best_effort(&sb, &camp, &b, 0.75);
	CHECK_STR(sb.buf, "Best at 30 000.00 SEK: 7.5 of 10 applications for "
			  "persona 'elec' (75 %), 3 of 4 hires (75 %); every "
			  "goal reached to at least 75 %, spending 29 999.50 "
			  "SEK.");
	strbuf_reset(&sb);
	/* one goal: no "every goal"; 93.75 % is never rounded up */
	personas[0].goal_applications = 0;
	camp.goal_hires = 3.2;
	explain_best_effort(&sb, &camp, &b, 0.9375);
	CHECK_STR(sb.buf, "Best at 30 000.00 SEK: 3 of 3.2 hires (93 %), "
			  "spending 29 999.50 SEK.");
	camp.goal_hires = 0;
	explain_best_effort_none(&v, &camp);
	CHECK_STR(v.item[0], "no best-effort plan either: even with every "
			     "goal dropped, the channel floors (min_spend) do "
			     "not fit the budget and the channel and persona "
			     "limits");
	strvec_clear(&v);
	strbuf_release(&sb);
}

static void frontier_steps(void)
{
	struct strbuf sb = STRBUF_INIT;

	explain_frontier_step(&sb, &camp, 0, 1, true, true);
	strbuf_addch(&sb, '|');
	explain_frontier_step(&sb, &camp, 0, 1, true, false);
	strbuf_addch(&sb, '|');
	explain_frontier_step(&sb, &camp, 0, 1, false, true);
	strbuf_addch(&sb, '|');
	explain_frontier_step(&sb, &camp, 0, 1, false, false);
	CHECK_STR(sb.buf, "meta bought|meta no longer bought|meta for "
			  "persona 'elec' "
			  "opens at its platform minimum|meta for persona "
			  "'elec' closes (its platform minimum no longer "
			  "pays)");
	strbuf_release(&sb);
}

static void left_out_cells_in_the_unspent_note(void)
{
	struct strvec v = { 0 };
	struct explain_spend s = {
		.left = 500, .at_cap = 1, .n_cells = 4, .left_out = 1
	};

	explain_unspent(&v, &camp, OBJ_HIRES, &s);
	s.at_cap = 3;
	explain_unspent(&v, &camp, OBJ_HIRES, &s);
	CHECK(v.n == 2);
	CHECK_STR(v.item[0], "500.00 SEK of the budget is left unspent: 1 of "
			     "4 usable cells are left out above their "
			     "ceiling, 1 of the other 3 are at their frequency "
			     "cap and the rest are held back by channel or "
			     "persona limits");
	CHECK_STR(v.item[1], "500.00 SEK of the budget is left unspent: 1 of "
			     "4 usable cells are left out above their "
			     "ceiling, 3 of the other 3 are at their frequency "
			     "cap");
	strvec_clear(&v);
}

/* the sentences from the figures alone: above, below and at nothing */
static void efficient_budget_sentences(void)
{
	struct plan p;
	struct strbuf sb = STRBUF_INIT;

	memset(&p, 0, sizeof(p));
	p.budget = 5000000;
	p.efficient.kind = CEILING_APPLICATION;
	p.efficient.ceiling = 45000;
	p.efficient.budget = 4120000;
	p.efficient.total.applications = 92;
	p.efficient.total.hires = 3.1;
	p.efficient.total.cost_per_application = 44783;
	p.efficient.marginal_cost = MONEY_NONE;
	explain_efficient(&sb, &camp, &p);
	CHECK_STR(sb.buf, "Extra money stops paying above 41 200.00 SEK: "
			  "beyond it an application costs more than "
			  "450.00 SEK (max_cost_per_application). At "
			  "41 200.00 SEK the plan buys 92 applications and "
			  "3.1 hires, 447.83 SEK an application on average.");
	strbuf_reset(&sb);
	p.budget = 3000000;
	p.efficient.marginal_cost = 31000;
	explain_efficient(&sb, &camp, &p);
	CHECK_HAS(sb.buf, "Extra money keeps paying up to 41 200.00 SEK: "
			  "every extra 1 000.00 SEK still buys applications "
			  "at 310.00 SEK each, under the ceiling of "
			  "450.00 SEK (max_cost_per_application).");
	strbuf_reset(&sb);
	p.efficient.kind = CEILING_VALUE_PER_HIRE;
	p.efficient.per_persona = true;
	p.efficient.ceiling = 40000000;
	p.efficient.budget = 0;
	explain_efficient(&sb, &camp, &p);
	CHECK_STR(sb.buf, "No money pays: at any spend a hire costs more than "
			  "its persona's ceiling (value_per_hire, at most "
			  "400 000.00 SEK) on average.");
	strbuf_reset(&sb);
	p.efficient.kind = CEILING_NONE;
	explain_efficient(&sb, &camp, &p);
	CHECK_STR(sb.buf, "");
	strbuf_release(&sb);
}

int main(void)
{
	certificate();
	setup();
	numbers_without_exponents();
	blend_points_stay_readable();
	big_goals_without_exponents();
	bindings();
	frequency_caps();
	notes();
	left_out_cells_in_the_unspent_note();
	efficient_budget_sentences();
	reasons();
	mip_more_budget();
	best_effort();
	frontier_steps();
	return test_done();
}
