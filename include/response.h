/*
 * response - the response model of one cell (persona x channel): what
 * x units of money buy, on the exact concave curves of DESIGN.md, and
 * their piecewise-linear approximation for the LP.
 *
 * Money here is a double in major units (the solver's side of the
 * boundary). Every function is pure and allocates nothing:
 * response_segments() fills arrays the caller provides.
 */
#ifndef RESPONSE_H
#define RESPONSE_H

#include <stdbool.h>
#include <stddef.h>

struct campaign;

enum response_kind {
	RESPONSE_CURVE,  /* cpm, cpc: reach R (1 - exp(-k x)) */
	RESPONSE_FLAT,   /* buy or not: a fixed fee, fixed impressions */
	RESPONSE_LINEAR, /* per hire: reach grows linearly to R */
};

struct response {
	enum response_kind kind;
	double reachable; /* R: persona members reachable on the channel */
	double cpm;       /* effective price per 1000 impressions */
	double precision; /* rho */
	double k;         /* rho * 1000 / (cpm * R), per money unit */
	double ctr_imp;   /* clicks per impression */
	double q;         /* unique click-through, affinity applied, <= 1 */
	double a;         /* click to application */
	double h;         /* application to hire */
	/* off-target clicks to application: a x the off-target factor */
	double a_off;
	double fee; /* flat: the fee; per hire: the bonus */
	double flat_impressions;
	/* spend at the frequency cap, or at the network's hire ceiling */
	double x_cap; /* 0 if unbounded */
};

/*
 * One funnel base: paid_clicks are every click on every impression
 * bought (what a CPC channel bills); clicks are the persona members
 * who click (q x reach), the base of the qualified applications;
 * off_target are the applications from paid clicks outside the persona,
 * (1 - precision) x paid_clicks x a_off.
 */
struct response_point {
	double spend, impressions, reach, clicks, applications, hires;
	double paid_clicks, off_target;
};

/*
 * Set up the response of persona p on channel c of the campaign (both
 * indices into it), with the persona's share and affinity, and its own
 * apply_rate, hire_rate, precision, price and flat impressions where
 * its persona_channel gives them (over the channel's figures). Money in
 * major units of the campaign currency.
 */
void response_init(struct response *r, const struct campaign *c, size_t p,
		   size_t pc);

/* persona members reached with spend x (curve and linear kinds) */
double response_reach(const struct response *r, double x);
/* every figure at spend x; a flat cell is bought when x >= fee */
void response_eval(const struct response *r, double x,
		   struct response_point *out);
/* off-target applications per major unit of spend (a flat cell's
 * over its fee); 0 for per-hire cells */
double response_off_target_per_spend(const struct response *r);
/* applications per reached member: q * a */
double response_apps_per_reach(const struct response *r);

/*
 * Split [0, x_max] of a curve into n segments of falling slope, with
 * breakpoints equally spaced in 1 - exp(-k x / 2), which equalises the
 * chord error of the exponential. bp gets n + 1 breakpoints (bp[0] = 0),
 * slope gets n slopes in reach per money unit. Returns the largest
 * chord error over the segments, in reach.
 */
double response_segments(const struct response *r, double x_max, int n,
			 double *bp, double *slope);

/*
 * log g: the log of the chance that a member of the persona (size
 * people) is not reached by this cell at spend x, with g = 1 - s +
 * s exp(-rho I / R) and s = R / size; so size (1 - g) is the cell's
 * reach. Convex and falling in x; 0 for a per-hire cell (a referral is
 * not exposure to an ad, so it has no part in unique reach).
 */
double response_log_miss(const struct response *r, double x, double size);

/* largest gap between the reach curve and its chord over [x0, x1] */
double response_chord_error(const struct response *r, double x0, double x1);

#endif
