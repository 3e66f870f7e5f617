/* tests/unit/test_response.c - the cell response curves by hand */
#include "response.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "test.h"
#include "strbuf.h"
#include "wrapper.h"

/* one persona of 1000 people, half reachable on a single channel */
static void setup(struct campaign *c, struct channel ch, double share,
		  double affinity)
{
	memset(c, 0, sizeof(*c));
	c->digits = 2;
	c->days = 10;
	c->channels = xcalloc(1, sizeof(*c->channels));
	c->channels[0] = ch;
	c->n_channels = 1;
	c->personas = xcalloc(1, sizeof(*c->personas));
	c->n_personas = 1;
	c->personas[0].size = 1000;
	c->personas[0].channels = xcalloc(1, sizeof(struct persona_channel));
	c->personas[0].n_channels = 1;
	c->personas[0].channels[0].share = share;
	c->personas[0].channels[0].affinity = affinity;
}

static void teardown(struct campaign *c)
{
	free(c->channels);
	free(c->personas[0].channels);
	free(c->personas);
}

static struct channel cpm_channel(void)
{
	struct channel ch = { 0 };

	ch.pricing = PRICING_CPM;
	ch.price = 10000; /* 100.00 per 1000 impressions */
	ch.ctr = 0.01;
	ch.ctr_basis = CTR_IMPRESSION;
	ch.ref_frequency = 1;
	ch.apply_rate = 0.1;
	ch.hire_rate = 0.2;
	ch.precision = 0.5;
	ch.frequency_cap = 3;
	ch.max_share = 1;
	return ch;
}

static void cpm_curve_matches_hand_computed_values(void)
{
	struct campaign c;
	struct response r;
	struct response_point pt;

	setup(&c, cpm_channel(), 0.5, 1);
	response_init(&r, &c, 0, 0);
	/* R = 500, k = 0.5 * 1000 / (100 * 500) = 0.01 per unit of money */
	CHECK_NEAR(r.reachable, 500, 1e-12);
	CHECK_NEAR(r.k, 0.01, 1e-12);
	CHECK_NEAR(r.x_cap, 300, 1e-9); /* frequency 3 = k x */
	CHECK_NEAR(r.q, 0.01, 1e-12);
	response_eval(&r, 100, &pt);
	CHECK_NEAR(pt.impressions, 1000, 1e-9);
	CHECK_NEAR(pt.reach, 500 * (1 - exp(-1)), 1e-9);
	CHECK_NEAR(pt.reach, 316.0602794, 1e-9);
	/* paid clicks from every impression; clicks the persona's, q R */
	CHECK_NEAR(pt.paid_clicks, 10, 1e-9);
	CHECK_NEAR(pt.clicks, 0.01 * 316.0602794, 1e-9);
	CHECK_NEAR(pt.off_target, 0, 0); /* a zeroed campaign: factor 0 */
	CHECK_NEAR(pt.applications, 0.01 * 0.1 * 316.0602794, 1e-8);
	CHECK_NEAR(pt.hires, 0.2 * 0.01 * 0.1 * 316.0602794, 1e-8);
	response_eval(&r, 0, &pt);
	CHECK_NEAR(pt.reach, 0, 0);
	CHECK_NEAR(pt.applications, 0, 0);
	teardown(&c);
}

static void tiny_spend_stays_exact_near_zero(void)
{
	struct campaign c;
	struct response r;

	setup(&c, cpm_channel(), 0.5, 1);
	response_init(&r, &c, 0, 0);
	/* reach ~ R k x for tiny x; expm1 keeps the digits */
	CHECK_NEAR(response_reach(&r, 1e-9), 500 * 0.01 * 1e-9, 1e-9);
	teardown(&c);
}

static void cpc_price_becomes_cpm_through_ctr(void)
{
	struct campaign c;
	struct channel ch = cpm_channel();
	struct response r;
	struct response_point pt;

	ch.pricing = PRICING_CPC;
	ch.price = 200; /* 2.00 a click */
	ch.ctr = 0.02;
	setup(&c, ch, 0.5, 1);
	response_init(&r, &c, 0, 0);
	CHECK_NEAR(r.cpm, 2 * 0.02 * 1000, 1e-12);
	response_eval(&r, 40, &pt);
	CHECK_NEAR(pt.impressions, 1000, 1e-9);
	CHECK_NEAR(pt.paid_clicks, 20, 1e-9); /* spend / CPC */
	teardown(&c);

	/* paid clicks stay spend / CPC at any reference frequency */
	ch.ref_frequency = 3;
	setup(&c, ch, 0.5, 1);
	response_init(&r, &c, 0, 0);
	response_eval(&r, 40, &pt);
	CHECK_NEAR(pt.paid_clicks, 20, 1e-9);
	CHECK(r.q > r.ctr_imp); /* so a unique rate would not pass */
	teardown(&c);
	ch.ref_frequency = 1;

	/* off-target: (1 - 0.5) x 20 paid clicks x a 0.1 x factor 0.5 */
	setup(&c, ch, 0.5, 1);
	c.off_target_factor = 0.5;
	response_init(&r, &c, 0, 0);
	response_eval(&r, 40, &pt);
	CHECK_NEAR(pt.off_target, 0.5, 1e-12);
	CHECK_NEAR(response_off_target_per_spend(&r), 0.5 / 40, 1e-15);
	teardown(&c);
}

static void impression_ctr_converts_to_unique_at_ref_frequency(void)
{
	struct campaign c;
	struct channel ch = cpm_channel();
	struct response r;

	ch.ctr = 0.01;
	ch.ref_frequency = 3;
	setup(&c, ch, 0.5, 1);
	response_init(&r, &c, 0, 0);
	CHECK_NEAR(r.q, 1 - pow(0.99, 3), 1e-12);
	CHECK_NEAR(r.ctr_imp, 0.01, 1e-15);
	teardown(&c);

	ch.ctr = 0.0366; /* Meta unique CTR at frequency 2.99 */
	ch.ctr_basis = CTR_UNIQUE;
	ch.ref_frequency = 2.99;
	setup(&c, ch, 0.5, 1);
	response_init(&r, &c, 0, 0);
	CHECK_NEAR(r.q, 0.0366, 1e-15);
	CHECK_NEAR(r.ctr_imp, 1 - pow(1 - 0.0366, 1 / 2.99), 1e-12);
	CHECK_NEAR(1 - pow(1 - r.ctr_imp, 2.99), 0.0366, 1e-12);
	teardown(&c);
}

static void affinity_multiplies_click_through_up_to_one(void)
{
	struct campaign c;
	struct channel ch = cpm_channel();
	struct response r;

	setup(&c, ch, 0.5, 2);
	response_init(&r, &c, 0, 0);
	CHECK_NEAR(r.q, 0.02, 1e-12);
	teardown(&c);
	ch.ctr = 0.6;
	ch.ctr_basis = CTR_UNIQUE;
	setup(&c, ch, 0.5, 2);
	response_init(&r, &c, 0, 0);
	CHECK_NEAR(r.q, 1, 0);
	teardown(&c);
}

static void flat_fee_buys_fixed_impressions_or_nothing(void)
{
	struct campaign c;
	struct channel ch = cpm_channel();
	struct response r;
	struct response_point pt;

	ch.pricing = PRICING_FLAT;
	ch.price = 100000; /* 1000.00 */
	ch.impressions = 400;
	setup(&c, ch, 0.5, 1);
	response_init(&r, &c, 0, 0);
	CHECK(r.kind == RESPONSE_FLAT);
	response_eval(&r, 1000, &pt);
	CHECK_NEAR(pt.reach, 500 * (1 - exp(-0.5 * 400 / 500.0)), 1e-9);
	CHECK_NEAR(pt.impressions, 400, 0);
	response_eval(&r, 999, &pt);
	CHECK_NEAR(pt.reach, 0, 0);
	teardown(&c);
}

static void per_hire_is_linear_up_to_the_network_ceiling(void)
{
	struct campaign c;
	struct channel ch = cpm_channel();
	struct response r;
	struct response_point pt;

	ch.pricing = PRICING_PER_HIRE;
	ch.price = 100000; /* a 1000.00 bonus */
	ch.ctr = 0.1;
	ch.ctr_basis = CTR_UNIQUE;
	ch.apply_rate = 0.5;
	ch.hire_rate = 0.5;
	setup(&c, ch, 0.5, 1);
	response_init(&r, &c, 0, 0);
	/* at most R q a h = 500 * 0.1 * 0.5 * 0.5 = 12.5 hires */
	CHECK_NEAR(r.x_cap, 12500, 1e-9);
	response_eval(&r, 5000, &pt);
	CHECK_NEAR(pt.hires, 5, 1e-12); /* one hire per bonus */
	CHECK_NEAR(pt.applications, 10, 1e-12);
	response_eval(&r, 1e6, &pt);
	CHECK_NEAR(pt.hires, 12.5, 1e-12);
	teardown(&c);
}

/*
 * Two personas of 1000 people, each half reachable on the one channel;
 * the second persona's entry gets the overrides the test sets.
 */
static void setup_two(struct campaign *c, struct channel ch)
{
	setup(c, ch, 0.5, 1);
	c->personas = xreallocarray(c->personas, 2, sizeof(*c->personas));
	c->n_personas = 2;
	c->personas[1] = c->personas[0];
	c->personas[1].channels = xcalloc(1, sizeof(struct persona_channel));
	c->personas[1].channels[0] = c->personas[0].channels[0];
}

static void teardown_two(struct campaign *c)
{
	free(c->personas[1].channels);
	teardown(c);
}

static void apply_rate_override_halves_that_cell_only(void)
{
	struct campaign c;
	struct response r0, r1;
	struct response_point p0, p1;

	setup_two(&c, cpm_channel());
	c.personas[1].channels[0].given = PC_APPLY_RATE;
	c.personas[1].channels[0].apply_rate = 0.05;
	response_init(&r0, &c, 0, 0);
	response_init(&r1, &c, 1, 0);
	response_eval(&r0, 100, &p0);
	response_eval(&r1, 100, &p1);
	/* the same reach, 316.06; applications q a reach, a 0.1 -> 0.05 */
	CHECK_NEAR(p0.reach, 316.0602794, 1e-9);
	CHECK_NEAR(p1.reach, 316.0602794, 1e-9);
	CHECK_NEAR(p0.applications, 0.01 * 0.1 * 316.0602794, 1e-8);
	CHECK_NEAR(p1.applications, 0.01 * 0.05 * 316.0602794, 1e-8);
	CHECK_NEAR(p1.applications, p0.applications / 2, 1e-12);
	/* hires follow at the channel's hire rate, 0.2 */
	CHECK_NEAR(p1.hires, 0.2 * 0.01 * 0.05 * 316.0602794, 1e-8);
	/* the channel itself is untouched */
	CHECK_NEAR(c.channels[0].apply_rate, 0.1, 0);
	teardown_two(&c);
}

static void hire_rate_and_precision_overrides_reshape_the_curve(void)
{
	struct campaign c;
	struct response r;
	struct response_point pt;

	setup_two(&c, cpm_channel());
	c.personas[1].channels[0].given = PC_HIRE_RATE | PC_PRECISION;
	c.personas[1].channels[0].hire_rate = 0.5;
	c.personas[1].channels[0].precision = 0.25;
	response_init(&r, &c, 1, 0);
	/* k = 0.25 x 1000 / (100 x 500) = 0.005: half the channel's 0.01 */
	CHECK_NEAR(r.k, 0.005, 1e-12);
	CHECK_NEAR(r.x_cap, 600, 1e-9); /* frequency 3 = k x */
	response_eval(&r, 200, &pt);
	CHECK_NEAR(pt.impressions, 2000, 1e-9);
	CHECK_NEAR(pt.reach, 316.0602794, 1e-9); /* 500 (1 - e^-1) */
	CHECK_NEAR(pt.hires, 0.5 * 0.01 * 0.1 * 316.0602794, 1e-8);
	/* persona 0 keeps the channel's figures */
	response_init(&r, &c, 0, 0);
	CHECK_NEAR(r.k, 0.01, 1e-12);
	CHECK_NEAR(r.h, 0.2, 0);
	CHECK_NEAR(r.precision, 0.5, 0);
	teardown_two(&c);
}

static void price_override_changes_the_cpm_and_cpc(void)
{
	struct campaign c;
	struct channel ch = cpm_channel();
	struct response r;

	setup_two(&c, ch);
	c.personas[1].channels[0].given = PC_PRICE;
	c.personas[1].channels[0].price = 5000; /* 50.00 per 1000 */
	response_init(&r, &c, 1, 0);
	CHECK_NEAR(r.cpm, 50, 1e-12);
	/* k = 0.5 x 1000 / (50 x 500) = 0.02 */
	CHECK_NEAR(r.k, 0.02, 1e-12);
	CHECK_I64(campaign_cell_price(&c, 1, 0), 5000);
	CHECK_I64(campaign_cell_price(&c, 0, 0), 10000);
	teardown_two(&c);

	ch.pricing = PRICING_CPC;
	ch.price = 200; /* 2.00 a click at 1 % */
	setup_two(&c, ch);
	c.personas[1].channels[0].given = PC_PRICE;
	c.personas[1].channels[0].price = 50; /* 0.50 a click */
	response_init(&r, &c, 1, 0);
	CHECK_NEAR(r.cpm, 0.5 * 0.01 * 1000, 1e-12);
	response_init(&r, &c, 0, 0);
	CHECK_NEAR(r.cpm, 2 * 0.01 * 1000, 1e-12);
	teardown_two(&c);
}

static void flat_fee_and_impressions_overrides(void)
{
	struct campaign c;
	struct channel ch = cpm_channel();
	struct response r;
	struct response_point pt;

	ch.pricing = PRICING_FLAT;
	ch.price = 100000; /* 1000.00 for 400 impressions */
	ch.impressions = 400;
	setup_two(&c, ch);
	c.personas[1].channels[0].given = PC_PRICE | PC_IMPRESSIONS;
	c.personas[1].channels[0].price = 25000; /* 250.00 */
	c.personas[1].channels[0].impressions = 1000;
	response_init(&r, &c, 1, 0);
	CHECK_NEAR(r.fee, 250, 0);
	CHECK_NEAR(r.flat_impressions, 1000, 0);
	CHECK_NEAR(r.cpm, 250, 1e-12); /* 250 x 1000 / 1000 */
	response_eval(&r, 250, &pt);
	/* 500 (1 - exp(-0.5 x 1000 / 500)) = 500 (1 - e^-1) */
	CHECK_NEAR(pt.reach, 316.0602794, 1e-9);
	CHECK_NEAR(pt.impressions, 1000, 0);
	response_eval(&r, 249.99, &pt);
	CHECK_NEAR(pt.reach, 0, 0);
	/* persona 0 still pays 1000 for 400 */
	response_init(&r, &c, 0, 0);
	CHECK_NEAR(r.fee, 1000, 0);
	CHECK_NEAR(r.flat_impressions, 400, 0);
	teardown_two(&c);
}

static double brute_chord_error(const struct response *r, double a, double b)
{
	double fa = response_reach(r, a), fb = response_reach(r, b), e = 0;

	for (int i = 0; i <= 100000; i++) {
		double x = a + (b - a) * i / 100000;
		double g = response_reach(r, x) -
			   (fa + (fb - fa) * (x - a) / (b - a));

		e = g > e ? g : e;
	}
	return e;
}

static void chord_error_matches_a_brute_force_scan(void)
{
	struct campaign c;
	struct response r;

	setup(&c, cpm_channel(), 0.5, 1);
	response_init(&r, &c, 0, 0);
	CHECK_NEAR(response_chord_error(&r, 0, 300),
		   brute_chord_error(&r, 0, 300), 1e-6);
	CHECK_NEAR(response_chord_error(&r, 50, 120),
		   brute_chord_error(&r, 50, 120), 1e-6);
	teardown(&c);
}

static void segments_fall_in_slope_and_share_the_error(void)
{
	struct campaign c;
	struct response r;
	double bp[9], slope[8], err, lo = 1e300, hi = 0, err16;
	double bp16[17], slope16[16];

	setup(&c, cpm_channel(), 0.5, 1);
	response_init(&r, &c, 0, 0);
	err = response_segments(&r, 300, 8, bp, slope);
	CHECK_NEAR(bp[0], 0, 0);
	CHECK_NEAR(bp[8], 300, 0);
	for (int i = 0; i < 8; i++) {
		double e = response_chord_error(&r, bp[i], bp[i + 1]);

		CHECK(bp[i + 1] > bp[i]);
		CHECK_NEAR(slope[i] * (bp[i + 1] - bp[i]),
			   response_reach(&r, bp[i + 1]) -
				   response_reach(&r, bp[i]),
			   1e-9);
		if (i > 0)
			CHECK(slope[i] < slope[i - 1]);
		lo = e < lo ? e : lo;
		hi = e > hi ? e : hi;
	}
	CHECK_NEAR(err, hi, 1e-12);
	/* equal-error spacing: the pieces' errors agree to a few per cent */
	CHECK(hi / lo < 1.1);
	/* about R k^2 w^2 / 8 with w the first width */
	CHECK(err < 500 * 0.01 * 0.01 * bp[1] * bp[1] / 8 * 1.01);
	err16 = response_segments(&r, 300, 16, bp16, slope16);
	CHECK(err16 < err / 3.5); /* error falls with the square of n */
	teardown(&c);
}

/*
 * A member of the persona (1000 people) is missed by a cell with
 * probability g = 1 - s + s e^-kx, and 1000 (1 - g) is the cell's own
 * reach. share 0.5, k = 0.01: at 100 SEK g = 1 - 0.5 (1 - e^-1) =
 * 0.683939721, reach 316.0602794 = 1000 (1 - 0.683939721).
 */
static void miss_chance_gives_back_the_cell_reach(void)
{
	struct campaign c;
	struct response r;
	double x;

	setup(&c, cpm_channel(), 0.5, 1);
	response_init(&r, &c, 0, 0);
	CHECK_NEAR(response_log_miss(&r, 100, 1000), log(0.683939721), 1e-9);
	CHECK_NEAR(response_log_miss(&r, 0, 1000), 0, 0);
	for (x = 1; x < 1000; x *= 3)
		CHECK_NEAR(1000 * -expm1(response_log_miss(&r, x, 1000)),
			   response_reach(&r, x), 1e-9);
	/* log g is convex: its chords rise */
	CHECK(response_log_miss(&r, 50, 1000) <
	      (response_log_miss(&r, 0, 1000) +
	       response_log_miss(&r, 100, 1000)) /
		      2);
	teardown(&c);
}

/*
 * With share 1 the persona is the reachable audience: log g = -kx
 * exactly, and the unique reach of cells adds their depths:
 * N (1 - exp(-sum k x)). k = 0.005 (share 1, R = 1000): 100 SEK and
 * 300 SEK are depths 0.5 and 1.5, unique reach 1000 (1 - e^-2) =
 * 864.6647168, below the 393.4693403 + 776.8698399 of the two alone.
 */
static void full_share_adds_depths(void)
{
	struct campaign c;
	struct response r;
	double y;

	setup(&c, cpm_channel(), 1, 1);
	response_init(&r, &c, 0, 0);
	CHECK_NEAR(r.k, 0.005, 1e-15);
	CHECK_NEAR(response_log_miss(&r, 100, 1000), -0.5, 1e-15);
	CHECK_NEAR(response_log_miss(&r, 1e6, 1000), -5000, 1e-9);
	y = response_log_miss(&r, 100, 1000) + response_log_miss(&r, 300, 1000);
	CHECK_NEAR(1000 * -expm1(y), 864.6647168, 1e-6);
	CHECK_NEAR(response_reach(&r, 100), 393.4693403, 1e-6);
	CHECK_NEAR(response_reach(&r, 300), 776.8698399, 1e-6);
	teardown(&c);
}

/*
 * One persona of 1000 on three channels, each at depth 1 (rho I / R =
 * 1): shares 0.5, 0.4, 0.2. Each reaches R (1 - e^-1) = 0.6321206 R:
 * 316.0603, 252.8482 and 126.4241, together 695.3326. Missed by each
 * with g = 1 - 0.6321206 s: 0.6839397, 0.7471518, 0.8735759; by the
 * first two 0.5110068, by all three 0.4464032, so 553.5968 are reached
 * once or more.
 */
static void three_channels_reach_fewer_than_their_sum(void)
{
	static const double share[3] = { 0.5, 0.4, 0.2 };
	struct campaign c;
	struct response r;
	double y = 0, sum = 0;

	for (int i = 0; i < 3; i++) {
		struct channel ch = cpm_channel();

		ch.pricing = PRICING_FLAT;
		ch.price = 100000;
		ch.precision = 1;
		ch.impressions = 1000 * share[i]; /* depth 1 */
		setup(&c, ch, share[i], 1);
		response_init(&r, &c, 0, 0);
		y += response_log_miss(&r, 1000, 1000);
		sum += response_reach(&r, 1000);
		CHECK_NEAR(response_log_miss(&r, 999, 1000), 0, 0);
		teardown(&c);
	}
	CHECK_NEAR(sum, 695.3326, 1e-4);
	CHECK_NEAR(exp(y), 0.4464032, 1e-7);
	CHECK_NEAR(1000 * -expm1(y), 553.5968, 1e-4);
}

/* a referral is not exposure: it misses no one's ad exposure */
static void referral_has_no_part_in_unique_reach(void)
{
	struct campaign c;
	struct channel ch = cpm_channel();
	struct response r;

	ch.pricing = PRICING_PER_HIRE;
	ch.price = 100000;
	setup(&c, ch, 0.5, 1);
	response_init(&r, &c, 0, 0);
	CHECK(response_reach(&r, 5000) > 0);
	CHECK_NEAR(response_log_miss(&r, 5000, 1000), 0, 0);
	teardown(&c);
}

int main(void)
{
	miss_chance_gives_back_the_cell_reach();
	full_share_adds_depths();
	three_channels_reach_fewer_than_their_sum();
	referral_has_no_part_in_unique_reach();
	cpm_curve_matches_hand_computed_values();
	tiny_spend_stays_exact_near_zero();
	cpc_price_becomes_cpm_through_ctr();
	impression_ctr_converts_to_unique_at_ref_frequency();
	affinity_multiplies_click_through_up_to_one();
	flat_fee_buys_fixed_impressions_or_nothing();
	per_hire_is_linear_up_to_the_network_ceiling();
	apply_rate_override_halves_that_cell_only();
	hire_rate_and_precision_overrides_reshape_the_curve();
	price_override_changes_the_cpm_and_cpc();
	flat_fee_and_impressions_overrides();
	chord_error_matches_a_brute_force_scan();
	segments_fall_in_slope_and_share_the_error();
	return test_done();
}
