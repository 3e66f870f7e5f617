/*
 * tests/unit/test_plan_figures.c - the figures of a plan against hand
 * computations, through the public API only (parse a catalogue and an
 * audience, planner_run, read struct plan). Each test names the
 * behaviour it pins; a mutation run found that no other test noticed
 * a change in any of them.
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
#include "strbuf.h"
#include "plan_fixture.h"
#include "test.h"

#define HEADER                                                        \
	"id,name,platform,pricing,price,currency,ctr,ctr_basis,"      \
	"ref_frequency,apply_rate,hire_rate,precision,frequency_cap," \
	"min_daily,min_spend,max_spend,max_share,impressions,source\n"

/*
 * ref_a: a 1000 bonus per hire, q = 0.1 of the network clicks, a = 0.5
 * of those apply, h = 0.5 of those are hired. ref_b: the same at 2000.
 * banner: CPM 100. With persona size 1000 and share 0.5, R = 500 and a
 * referral can give at most R q a h = 12.5 hires.
 */
static const char sek_csv[] =
	HEADER "ref_a,Referral A,offline,per_hire,1000,SEK,0.1,unique,,0.5,"
	       "0.5,1,,,,,,,test\n"
	       "ref_b,Referral B,offline,per_hire,2000,SEK,0.1,unique,,0.5,"
	       "0.5,1,,,,,,,test\n"
	       "banner,Banner,meta,cpm,100,SEK,0.01,impression,,0.1,0.2,0.5,"
	       "3,,,,,,test\n";

/* the same in USD, a tenth of the SEK prices: with fx 10 the same plan */
static const char usd_csv[] =
	HEADER "ref_a,Referral A,offline,per_hire,100,USD,0.1,unique,,0.5,"
	       "0.5,1,,,,,,,test\n"
	       "ref_b,Referral B,offline,per_hire,200,USD,0.1,unique,,0.5,"
	       "0.5,1,,,,,,,test\n"
	       "banner,Banner,meta,cpm,10,USD,0.01,impression,,0.1,0.2,0.5,"
	       "3,,,,,,test\n";

/* the persona "p" on the catalogue csv; see plan_fixture.h */
static int setup(struct fixture *f, const char *csv, const char *campaign,
		 const char *channels)
{
	return fixture_plan(f, csv, campaign, channels, "", "");
}

static int run(struct fixture *f)
{
	return fixture_run(f);
}

static void done(struct fixture *f)
{
	fixture_done(f);
}

static const struct plan_cell *cell(const struct fixture *f,
				    const char *channel)
{
	long ch = campaign_find_channel(&f->c, channel);

	for (size_t i = 0; i < f->p.n_cells; i++)
		if ((long)f->p.cells[i].channel == ch)
			return &f->p.cells[i];
	return NULL;
}

static const struct plan_binding *binding(const struct plan *p,
					  enum binding_kind kind)
{
	for (size_t i = 0; i < p->n_bindings; i++)
		if (p->bindings[i].kind == kind)
			return &p->bindings[i];
	return NULL;
}

static const char one_referral[] = "{\"ref_a\": {\"share\": 0.5}}";

/*
 * A per-hire cell buys spend / price hires; its applications are
 * hires / h, its clicks applications / a (= q x reach), its reach
 * hires / (q a h). 5000 SEK at 1000 a hire: 5 hires, 10 applications,
 * 20 clicks, 200 people reached.
 */
static void per_hire_cell_scales_clicks_by_the_click_rate(void)
{
	struct fixture f;
	const struct plan_cell *c;

	CHECK(setup(&f, sek_csv, "\"budget\": 5000, \"objective\": \"hires\"",
		    one_referral) == 0);
	CHECK(run(&f) == PLANNER_OK);
	CHECK(f.p.status == PLAN_OPTIMAL);
	c = cell(&f, "ref_a");
	CHECK(c != NULL);
	if (!c) {
		done(&f);
		return;
	}
	CHECK_I64(c->spend, 500000);
	CHECK_NEAR(c->hires, 5, 1e-9);
	CHECK_NEAR(c->applications, 10, 1e-9);
	CHECK_NEAR(c->clicks, 20, 1e-9);
	CHECK_NEAR(c->reach, 200, 1e-9);
	/* clicks are the reached who click: q x reach, not reach */
	CHECK_NEAR(c->clicks, 0.1 * c->reach, 1e-9);
	CHECK_NEAR(f.p.total.clicks, 20, 1e-9);
	done(&f);
}

/*
 * 250.00 SEK over the 10 days of 2027-01-01..10 is 25.00 SEK a day; a
 * referral bonus is paid per hire, with no daily budget
 */
static void daily_budget_is_spend_over_days(void)
{
	struct fixture f;
	const struct plan_cell *c;

	CHECK(setup(&f, sek_csv, "\"budget\": 250",
		    "{\"banner\": {\"share\": 0.5}}") == 0);
	CHECK(f.c.days == 10);
	CHECK(run(&f) == PLANNER_OK);
	c = cell(&f, "banner");
	CHECK(c != NULL);
	if (c) {
		CHECK_I64(c->daily, 2500);
		CHECK_I64(c->daily, c->spend / f.c.days);
	}
	done(&f);
	CHECK(setup(&f, sek_csv, "\"budget\": 5000, \"objective\": \"hires\"",
		    one_referral) == 0);
	CHECK(run(&f) == PLANNER_OK);
	c = cell(&f, "ref_a");
	CHECK(c != NULL);
	if (c) {
		CHECK_I64(c->daily, MONEY_NONE);
		CHECK_I64(c->expected_payout, 500000);
	}
	done(&f);
}

/*
 * Two referrals, 1000 and 2000 a hire, each good for 12.5 hires. At a
 * budget of 10 000 the cheap one is not full: one more 1000 buys one
 * hire. At 20 000 it is (12 500), and the next 1000 goes to the dear
 * one at half a hire. The marginal is per 1000 major units.
 */
static void frontier_marginal_is_per_thousand(void)
{
	struct fixture f;

	CHECK(setup(&f, sek_csv, "\"budget\": 20000, \"objective\": \"hires\"",
		    "{\"ref_a\": {\"share\": 0.5}, "
		    "\"ref_b\": {\"share\": 0.5}}") == 0);
	f.o.frontier_from = 1000000;
	f.o.frontier_to = 2000000;
	f.o.frontier_step = 1000000;
	CHECK(run(&f) == PLANNER_OK);
	CHECK(f.p.n_frontier == 2);
	if (f.p.n_frontier == 2) {
		CHECK_I64(f.p.frontier[0].budget, 1000000);
		CHECK(f.p.frontier[0].feasible);
		CHECK_NEAR(f.p.frontier[0].objective, 10, 1e-9);
		CHECK_NEAR(f.p.frontier[0].marginal, 1.0, 1e-9);
		CHECK_I64(f.p.frontier[1].budget, 2000000);
		CHECK_NEAR(f.p.frontier[1].objective, 16.25, 1e-9);
		CHECK_NEAR(f.p.frontier[1].marginal, 0.5, 1e-9);
		/* and a difference quotient agrees: (16.25 - 10) / 10 000 */
		CHECK(f.p.frontier[0].marginal >=
		      (f.p.frontier[1].objective - f.p.frontier[0].objective) /
				      10000 * 1000 -
			      1e-9);
	}
	/* the plan's own marginal is per major unit */
	CHECK_NEAR(f.p.marginal * 1000, 0.5, 1e-9);
	done(&f);
}

/*
 * A curve cell: a frontier point's marginal against the slope of the
 * frontier itself, (obj(b + d) - obj(b)) / d x 1000. The frontier
 * re-solves one piecewise-linear model (its segments laid out for the
 * plan's budget, 250), so between 100 and 102 SEK, inside one segment,
 * the two agree.
 */
static void frontier_marginal_matches_a_difference_quotient(void)
{
	struct fixture f;
	const struct frontier_point *fp;

	CHECK(setup(&f, sek_csv, "\"budget\": 250, \"objective\": \"reach\"",
		    "{\"banner\": {\"share\": 0.5}}") == 0);
	f.o.frontier_from = 10000;
	f.o.frontier_to = 10200;
	f.o.frontier_step = 100;
	CHECK(run(&f) == PLANNER_OK);
	CHECK(f.p.n_frontier == 3);
	if (f.p.n_frontier == 3) {
		fp = f.p.frontier;
		CHECK(fp[1].objective > fp[0].objective);
		CHECK_NEAR(fp[0].marginal,
			   (fp[1].objective - fp[0].objective) / 1 * 1000,
			   1e-6);
		CHECK_NEAR(fp[1].marginal,
			   (fp[2].objective - fp[1].objective) / 1 * 1000,
			   1e-6);
	}
	done(&f);
}

/*
 * A binding budget is spent to the minor unit: rounding the solver's
 * spends hands out the leftover minor units. The electricians plan
 * spends 15 000.00 SEK of 15 000.00, not 14 999.95.
 */
static void check_bundled(const char *path)
{
	struct catalogue cat = { 0 };
	struct campaign c;
	struct plan_options o;
	struct plan p;
	struct diag d;
	int64_t sum = 0;

	memset(&c, 0, sizeof(c));
	memset(&p, 0, sizeof(p));
	diag_init(&d, "audiences/channels.csv");
	if (!CHECK(catalogue_load("audiences/channels.csv", &cat, &d) == 0))
		return;
	diag_init(&d, path);
	if (!CHECK(audience_load(path, &cat, &c, &d) == 0)) {
		catalogue_release(&cat);
		return;
	}
	plan_options_init(&o, &c);
	CHECK(planner_run(&c, &o, &p) == PLANNER_OK);
	CHECK(p.status == PLAN_OPTIMAL);
	for (size_t i = 0; i < p.n_cells; i++)
		sum += p.cells[i].spend;
	CHECK_I64(sum, p.total.spend);
	if (CHECK(binding(&p, BIND_BUDGET) != NULL))
		CHECK_I64(p.total.spend, p.budget);
	printf("# %s: spend %" PRId64 " of %" PRId64 "\n", path, p.total.spend,
	       p.budget);
	plan_release(&p);
	campaign_release(&c);
	catalogue_release(&cat);
}

static void binding_budget_is_spent_to_the_minor_unit(void)
{
	check_bundled("audiences/electricians-umea.json");
	check_bundled("audiences/nurses-vestland.json");
}

/*
 * The catalogue's USD prices times fx 10 are the SEK prices: the same
 * plan as the SEK catalogue, figure for figure. Ignoring fx would make
 * a hire cost 100 SEK (the cap of 12.5 hires at 1250 SEK) and a banner
 * impression a tenth of its price.
 */
static void fx_converts_catalogue_prices(void)
{
	struct fixture f;
	const struct plan_cell *c;
	const char *chans = "{\"ref_a\": {\"share\": 0.5}, "
			    "\"banner\": {\"share\": 0.5}}";

	CHECK(setup(&f, usd_csv,
		    "\"budget\": 5000, \"objective\": \"hires\", "
		    "\"fx\": {\"USD\": 10}",
		    chans) == 0);
	CHECK(run(&f) == PLANNER_OK);
	c = cell(&f, "ref_a");
	CHECK(c != NULL);
	if (c) {
		CHECK_I64(c->spend, 500000);
		CHECK_NEAR(c->hires, 5, 1e-9);
	}
	CHECK_I64(f.p.total.spend, 500000);
	done(&f);

	/* a CPM of 10 USD is 100 SEK: 300 SEK buy 3000 impressions */
	CHECK(setup(&f, usd_csv,
		    "\"budget\": 300, \"objective\": \"reach\", "
		    "\"fx\": {\"USD\": 10}",
		    "{\"banner\": {\"share\": 0.5}}") == 0);
	CHECK(run(&f) == PLANNER_OK);
	c = cell(&f, "banner");
	CHECK(c != NULL);
	if (c) {
		CHECK_I64(c->spend, 30000);
		CHECK_NEAR(c->impressions, 3000, 1e-9);
	}
	done(&f);
}

/* a location's country is a 2-letter ISO 3166 code: "SWE" is refused */
static void three_letter_country_is_refused(void)
{
	static const char text[] =
		"{\"campaign\": {\"name\": \"t\", \"currency\": \"SEK\", "
		"\"start\": \"2027-01-01\", \"end\": \"2027-01-10\", "
		"\"budget\": 5000}, \"personas\": [{\"id\": \"p\", "
		"\"name\": \"P\", \"size\": 1000, \"locations\": [{\"city\": "
		"\"Umeå\", \"country\": \"SWE\"}], \"channels\": "
		"{\"ref_a\": {\"share\": 0.5}}}]}";
	struct catalogue cat = { 0 };
	struct campaign c;
	struct strbuf msg = STRBUF_INIT;
	struct diag d;

	memset(&c, 0, sizeof(c));
	diag_init(&d, "catalogue.csv");
	CHECK(catalogue_parse(sek_csv, strlen(sek_csv), &cat, &d) == 0);
	diag_init(&d, "a.json");
	d.capture = &msg;
	CHECK(audience_parse(text, strlen(text), &cat, &c, &d) < 0);
	CHECK(d.n_errors == 1);
	CHECK_HAS(msg.buf, "personas[0].locations[0]");
	CHECK_HAS(msg.buf, "SWE");
	strbuf_release(&msg);
	catalogue_release(&cat);
}

/* a missing price column is one error, not one a row */
static void missing_price_column_is_reported_once(void)
{
	static const char csv[] =
		"id,name,platform,pricing,currency,ctr,ctr_basis,"
		"ref_frequency,apply_rate,hire_rate,precision,source\n"
		"a,A,meta,cpm,SEK,0.01,impression,,0.1,0.2,0.5,test\n"
		"b,B,meta,cpm,SEK,0.01,impression,,0.1,0.2,0.5,test\n"
		"c,C,meta,cpm,SEK,0.01,impression,,0.1,0.2,0.5,test\n";
	struct catalogue cat = { 0 };
	struct strbuf msg = STRBUF_INIT;
	struct diag d;
	const char *first;

	diag_init(&d, "c.csv");
	d.capture = &msg;
	CHECK(catalogue_parse(csv, strlen(csv), &cat, &d) < 0);
	CHECK(d.n_errors == 1);
	CHECK_HAS(msg.buf, "missing column 'price'");
	first = msg.buf ? strstr(msg.buf, "price") : NULL;
	CHECK(first && !strstr(first + 1, "price"));
	strbuf_release(&msg);
	catalogue_release(&cat);
}

/*
 * Two banners on one persona (size 1000, share 0.5 each: R = 500),
 * precision 1, CPM 100 and 200 SEK: k1 = 1000 / (100 x 500) = 0.02 and
 * k2 = 0.01 per SEK, no frequency cap; q a = 0.1 x 0.5 = 0.05
 * applications per person a banner reaches. The applications objective
 * adds the cells up, so the exact optimum of budget B = 100 equalises
 * the marginal reach R k e^-kx of the two:
 * x1 = (ln(k1 / k2) + k2 B) / (k1 + k2) = (ln 2 + 1) / 0.03 = 56.4382,
 * x2 = 43.5618, reach 500 (1 - e^-1.128764) + 500 (1 - e^-0.435618).
 * The 8 chords alone put the split at breakpoints, well off it.
 */
static const char two_banners_csv[] = HEADER
	"b1,Banner 1,meta,cpm,100,SEK,0.1,unique,,0.5,0.5,1,,,,,,,test\n"
	"b2,Banner 2,meta,cpm,200,SEK,0.1,unique,,0.5,0.5,1,,,,,,,test\n";

static void optimum_is_exact_on_the_curves(void)
{
	struct fixture f;
	const struct plan_cell *c1, *c2;
	double x1 = (log(2) + 1) / 0.03, x2 = 100 - x1;
	double reach =
		500 * (1 - exp(-0.02 * x1)) + 500 * (1 - exp(-0.01 * x2));
	double apps = 0.05 * reach;

	CHECK(setup(&f, two_banners_csv,
		    "\"budget\": 100, \"objective\": \"applications\"",
		    "{\"b1\": {\"share\": 0.5}, \"b2\": {\"share\": 0.5}}") ==
	      0);
	CHECK(run(&f) == 0);
	c1 = cell(&f, "b1");
	c2 = cell(&f, "b2");
	CHECK(c1 != NULL && c2 != NULL);
	if (c1 && c2) {
		/* to the öre, as rounding leaves it */
		CHECK_NEAR((double)c1->spend / 100, x1, 0.011);
		CHECK_NEAR((double)c2->spend / 100, x2, 0.011);
	}
	CHECK_NEAR(f.p.total.reach_sum, reach, 1e-6 * reach);
	CHECK_NEAR(f.p.total.applications, apps, 1e-6 * apps);
	/* the certificate: the exact optimum lies between the bounds */
	CHECK(f.p.bound_exact <= apps + 1e-9 * apps);
	CHECK(f.p.bound_other >= apps - 1e-9 * apps);
	CHECK(f.p.bound_other - f.p.bound_exact <= 1e-6 * apps);
	CHECK(f.p.refinements > 0 && f.p.breakpoints_added > 0);
	done(&f);
}

/*
 * The same banners for reach, where a person reached by both counts
 * once. Each misses a member with g = 1 - 0.5 + 0.5 e^-kx, so the
 * persona's unique reach is 1000 (1 - (1 + a)(1 + b) / 4) with
 * a = e^-0.02 x1, b = e^-0.01 x2 and x2 = 100 - x1. Its derivative in
 * x1 vanishes where 2 a (1 + b) = b (1 + a), that is a (2 + b) = b:
 * x1 = 66.6431228, x2 = 33.3568772, unique reach 457.7490007. Overlap
 * costs: a banner's extra reach now counts only the people the other
 * missed, and b1 gets 10 SEK more than when cells were added up (the
 * split above, summed reach 514.85). The certificate brackets the
 * exact optimum.
 */
static void unique_reach_optimum_is_exact(void)
{
	struct fixture f;
	const struct plan_cell *c1, *c2;
	double reach = 457.7490007, sum;

	CHECK(setup(&f, two_banners_csv,
		    "\"budget\": 100, \"objective\": \"reach\"",
		    "{\"b1\": {\"share\": 0.5}, \"b2\": {\"share\": 0.5}}") ==
	      0);
	CHECK(run(&f) == 0);
	c1 = cell(&f, "b1");
	c2 = cell(&f, "b2");
	CHECK(c1 != NULL && c2 != NULL);
	if (c1 && c2) {
		/* the objective is flat at its top: a few öre either way */
		CHECK_NEAR((double)c1->spend / 100, 66.6431228, 0.05);
		CHECK_NEAR((double)c2->spend / 100, 33.3568772, 0.05);
		sum = c1->reach + c2->reach;
		CHECK_NEAR(f.p.total.reach_sum, sum, 1e-9 * sum);
		CHECK(f.p.total.reach < sum - 50);
	}
	CHECK_NEAR(f.p.total.reach, reach, 1e-6 * reach);
	CHECK_NEAR(f.p.persona_totals[0].reach, reach, 1e-6 * reach);
	CHECK_NEAR(f.p.objective_value, reach, 1e-6 * reach);
	CHECK(f.p.bound_exact <= reach + 1e-6 * reach);
	CHECK(f.p.bound_other >= reach - 1e-9 * reach);
	CHECK(f.p.bound_other - f.p.bound_exact <= 1e-6 * reach);
	done(&f);
}

/*
 * Share 1 on both: everyone can be reached on either, k1 = 0.01 and
 * k2 = 0.005, and unique reach is 1000 (1 - e^-(k1 x1 + k2 x2)), so
 * every krona goes where it buys the most depth: all 100 SEK on b1,
 * 1000 (1 - e^-1) = 632.1205588 people. Cells added up would split
 * x1 = (ln 2 + 0.5) / 0.015 = 79.54, x2 = 20.46 (summed reach 790).
 */
static void full_overlap_buys_the_cheaper_depth_only(void)
{
	struct fixture f;
	const struct plan_cell *c1, *c2;

	CHECK(setup(&f, two_banners_csv,
		    "\"budget\": 100, \"objective\": \"reach\"",
		    "{\"b1\": {\"share\": 1}, \"b2\": {\"share\": 1}}") == 0);
	CHECK(run(&f) == 0);
	c1 = cell(&f, "b1");
	c2 = cell(&f, "b2");
	CHECK(c1 != NULL && c1->spend == 10000);
	CHECK(c2 == NULL);
	CHECK_NEAR(f.p.total.reach, 632.1205588, 1e-6);
	done(&f);
}

/*
 * The blend's reach part counts people once too. With share 1 on both
 * banners (above) and short_term_weight 0 the blend is reach alone: all
 * 100 SEK on b1, 632.1205588 people, the best reach, so 1 blend point.
 * With weight 1 it is applications alone, which add the cells up
 * (0.05 per person a banner reaches) and split 79.54 / 20.46 SEK.
 */
static void blend_counts_reach_once(void)
{
	struct fixture f;
	const struct plan_cell *c1, *c2;

	CHECK(setup(&f, two_banners_csv,
		    "\"budget\": 100, \"objective\": \"blend\", "
		    "\"short_term_weight\": 0",
		    "{\"b1\": {\"share\": 1}, \"b2\": {\"share\": 1}}") == 0);
	CHECK(run(&f) == 0);
	c1 = cell(&f, "b1");
	CHECK(c1 != NULL && c1->spend == 10000);
	CHECK(cell(&f, "b2") == NULL);
	CHECK_NEAR(f.p.blend_reach_norm, 632.1205588, 1e-6);
	CHECK_NEAR(f.p.objective_value, 1, 1e-6);
	f.o.short_term_weight = 1;
	CHECK(run(&f) == 0);
	c1 = cell(&f, "b1");
	c2 = cell(&f, "b2");
	CHECK(c1 != NULL && c2 != NULL);
	if (c1 && c2) {
		CHECK_NEAR((double)c1->spend / 100, (log(2) + 0.5) / 0.015,
			   0.011);
		CHECK_NEAR((double)c2->spend / 100,
			   100 - (log(2) + 0.5) / 0.015, 0.011);
	}
	done(&f);
}

/*
 * Three flat buys reach one persona of 1000 at depth 1 each (precision
 * 1, impressions = R), shares 0.5, 0.4, 0.2: 316.0603 + 252.8482 +
 * 126.4241 = 695.3326 summed, but missed by all three with chance
 * (1 - 0.6321206 x 0.5)(1 - 0.6321206 x 0.4)(1 - 0.6321206 x 0.2) =
 * 0.6839397 x 0.7471518 x 0.8735759 = 0.4464032, so 553.5968 people
 * are reached once or more, and that is what the reach objective
 * counts.
 */
static void three_channels_reach_fewer_than_their_sum(void)
{
	static const char csv[] =
		HEADER "f1,Paper 1,offline,flat,1000,SEK,0.1,unique,,0.5,0.5,"
		       "1,,,,,,500,test\n"
		       "f2,Paper 2,offline,flat,1000,SEK,0.1,unique,,0.5,0.5,"
		       "1,,,,,,400,test\n"
		       "f3,Paper 3,offline,flat,1000,SEK,0.1,unique,,0.5,0.5,"
		       "1,,,,,,200,test\n";
	struct fixture f;

	CHECK(setup(&f, csv, "\"budget\": 3000, \"objective\": \"reach\"",
		    "{\"f1\": {\"share\": 0.5}, \"f2\": {\"share\": 0.4}, "
		    "\"f3\": {\"share\": 0.2}}") == 0);
	CHECK(run(&f) == 0);
	CHECK(f.p.n_cells == 3);
	CHECK_NEAR(f.p.persona_totals[0].reach_sum, 695.3326, 1e-4);
	CHECK_NEAR(f.p.persona_totals[0].reach, 553.5968, 1e-4);
	CHECK_NEAR(f.p.total.reach, 553.5968, 1e-4);
	CHECK_NEAR(f.p.total.reach_sum, 695.3326, 1e-4);
	CHECK_NEAR(f.p.objective_value, 553.5968, 1e-4);
	/* a channel's reach stays its own */
	CHECK_NEAR(f.p.channel_totals[0].reach, 316.0603, 1e-4);
	done(&f);
}

/*
 * Minimum cost of a reach goal on the same two banners: the exact least
 * spend, not the chords' (which need more money than the curves do).
 * Goal 300 applications-worth of reach is set through applications:
 * q a = 0.05 per person reached, so 15 applications = 300 people.
 */
static void min_cost_is_exact_on_the_curves(void)
{
	struct fixture f;
	/* cheapest 300 reached: equal marginal cost, R k e^-kx equal */
	double lo = 0, hi = 1000, mid = 0;

	for (int i = 0; i < 200; i++) {
		double b = (lo + hi) / 2, x1 = (log(2) + 0.01 * b) / 0.03;
		double r;

		if (x1 > b)
			x1 = b;
		r = 500 * (1 - exp(-0.02 * x1)) +
		    500 * (1 - exp(-0.01 * (b - x1)));
		if (r >= 300)
			hi = b;
		else
			lo = b;
		mid = hi;
	}
	CHECK(setup(&f, two_banners_csv,
		    "\"budget\": 1000, \"objective\": \"min-cost\", "
		    "\"goal\": {\"applications\": 15}",
		    "{\"b1\": {\"share\": 0.5}, \"b2\": {\"share\": 0.5}}") ==
	      0);
	CHECK(run(&f) == 0);
	CHECK(f.p.status == PLAN_OPTIMAL);
	/* rounding adds at most a few öre to meet the goal */
	CHECK_NEAR((double)f.p.total.spend / 100, mid, 0.05);
	CHECK(f.p.total.applications >= 15);
	done(&f);
}

int main(void)
{
	optimum_is_exact_on_the_curves();
	unique_reach_optimum_is_exact();
	full_overlap_buys_the_cheaper_depth_only();
	three_channels_reach_fewer_than_their_sum();
	blend_counts_reach_once();
	min_cost_is_exact_on_the_curves();
	per_hire_cell_scales_clicks_by_the_click_rate();
	daily_budget_is_spend_over_days();
	frontier_marginal_is_per_thousand();
	frontier_marginal_matches_a_difference_quotient();
	binding_budget_is_spent_to_the_minor_unit();
	fx_converts_catalogue_prices();
	three_letter_country_is_refused();
	missing_price_column_is_reported_once();
	return test_done();
}
