/*
 * The cell response model. Reach follows the negative-exponential
 * curve R (1 - exp(-rho I / R)) with I = 1000 x / CPM impressions;
 * applications are q a reach and hires h applications. Near zero
 * spend the curve is evaluated with expm1 so tiny cells stay exact.
 * A persona member is missed by a cell with probability
 * g = 1 - s + s exp(-x_c) (s the share, x_c the depth): the unique
 * reach of a persona multiplies its cells' g.
 */
#include "response.h"

#include <math.h>
#include <stddef.h>

#include "campaign.h"
#include "money.h"

/* unique click-through from an impression CTR at frequency f, and back */
static double unique_from_impression(double ctr, double f)
{
	return -expm1(f * log1p(-ctr));
}

static double impression_from_unique(double q, double f)
{
	return -expm1(log1p(-q) / f);
}

void response_init(struct response *r, const struct campaign *c, size_t p,
		   size_t pc)
{
	const struct persona *per = &c->personas[p];
	const struct persona_channel *cell = &per->channels[pc];
	const struct channel *ch = &c->channels[cell->channel];
	double price = money_to_major(campaign_cell_price(c, p, pc), c->digits);
	double f = ch->ref_frequency >= 1 ? ch->ref_frequency : 1;
	double impressions = cell->given & PC_IMPRESSIONS ? cell->impressions
							  : ch->impressions;
	double q, factor = ch->off_target_given ? ch->off_target_factor
						: c->off_target_factor;

	/* the persona's own figures, where it gives them, over the channel's */
	r->reachable = (double)per->size * cell->share;
	r->precision =
		cell->given & PC_PRECISION ? cell->precision : ch->precision;
	r->a = cell->given & PC_APPLY_RATE ? cell->apply_rate : ch->apply_rate;
	r->h = cell->given & PC_HIRE_RATE ? cell->hire_rate : ch->hire_rate;
	r->a_off = r->a * factor;
	if (ch->ctr_basis == CTR_UNIQUE) {
		q = ch->ctr;
		r->ctr_imp =
			ch->ctr < 1 ? impression_from_unique(ch->ctr, f) : 1;
	} else {
		r->ctr_imp = ch->ctr;
		q = ch->ctr < 1 ? unique_from_impression(ch->ctr, f) : 1;
	}
	q *= cell->affinity > 0 ? cell->affinity : 1;
	r->q = q > 1 ? 1 : q;
	r->fee = 0;
	r->flat_impressions = 0;
	r->x_cap = 0;
	r->k = 0;

	switch (ch->pricing) {
	case PRICING_CPM:
	case PRICING_CPC:
		r->kind = RESPONSE_CURVE;
		r->cpm = ch->pricing == PRICING_CPM ? price
						    : price * r->ctr_imp * 1000;
		/* content written per send: one send is one impression */
		if (ch->content_unit == CONTENT_SEND)
			r->cpm += 1000 *
				  money_to_major(ch->content_cost, c->digits);
		if (r->cpm > 0 && r->reachable > 0)
			r->k = r->precision * 1000 / (r->cpm * r->reachable);
		if (ch->frequency_cap > 0 && r->k > 0)
			r->x_cap = ch->frequency_cap / r->k;
		break;
	case PRICING_FLAT:
		r->kind = RESPONSE_FLAT;
		r->fee = price;
		r->flat_impressions = impressions;
		r->cpm = impressions > 0 ? price * 1000 / impressions : 0;
		break;
	case PRICING_PER_HIRE:
		r->kind = RESPONSE_LINEAR;
		r->fee = price;
		r->cpm = 0;
		/* the network yields at most R q a h hires, each for the bonus
		 */
		r->x_cap = price * r->reachable * r->q * r->a * r->h;
		if (r->x_cap > 0)
			r->k = r->reachable / r->x_cap;
		break;
	}
}

double response_off_target_per_spend(const struct response *r)
{
	double per_imp = (1 - r->precision) * r->ctr_imp * r->a_off;

	switch (r->kind) {
	case RESPONSE_CURVE:
		return r->cpm > 0 ? 1000 * per_imp / r->cpm : 0;
	case RESPONSE_FLAT:
		return r->fee > 0 ? r->flat_impressions * per_imp / r->fee : 0;
	case RESPONSE_LINEAR:
		break;
	}
	return 0;
}

double response_apps_per_reach(const struct response *r)
{
	return r->q * r->a;
}

double response_reach(const struct response *r, double x)
{
	if (x <= 0)
		return 0;
	switch (r->kind) {
	case RESPONSE_CURVE:
		return -r->reachable * expm1(-r->k * x);
	case RESPONSE_LINEAR:
		if (r->x_cap > 0 && x >= r->x_cap)
			return r->reachable;
		return r->k * x;
	case RESPONSE_FLAT:
		if (x + 1e-9 < r->fee || r->reachable <= 0)
			return 0;
		return -r->reachable *
		       expm1(-r->precision * r->flat_impressions /
			     r->reachable);
	}
	return 0;
}

void response_eval(const struct response *r, double x,
		   struct response_point *out)
{
	double reach = response_reach(r, x);

	out->spend = x > 0 ? x : 0;
	out->reach = reach;
	out->applications = reach * r->q * r->a;
	out->hires = out->applications * r->h;
	out->clicks = reach * r->q;
	switch (r->kind) {
	case RESPONSE_CURVE:
		out->impressions = r->cpm > 0 ? 1000 * out->spend / r->cpm : 0;
		break;
	case RESPONSE_FLAT:
		out->impressions = reach > 0 ? r->flat_impressions : 0;
		break;
	case RESPONSE_LINEAR:
		/* referrals: nothing is bought per impression or click */
		out->impressions = 0;
		break;
	}
	out->paid_clicks = out->impressions * r->ctr_imp;
	out->off_target = out->paid_clicks * (1 - r->precision) * r->a_off;
}

/* the average frequency rho I / R among the reachable at spend x */
static double depth(const struct response *r, double x)
{
	switch (r->kind) {
	case RESPONSE_CURVE:
		return x > 0 ? r->k * x : 0;
	case RESPONSE_FLAT:
		if (x + 1e-9 < r->fee || r->reachable <= 0)
			return 0;
		return r->precision * r->flat_impressions / r->reachable;
	case RESPONSE_LINEAR:
		return 0; /* a referral is not exposure to an ad */
	}
	return 0;
}

double response_log_miss(const struct response *r, double x, double size)
{
	double s = size > 0 ? r->reachable / size : 0, d = depth(r, x);

	if (d <= 0 || s <= 0)
		return 0;
	if (s >= 1)
		return -d; /* log exp(-d), also where exp(-d) underflows */
	return log1p(s * expm1(-d));
}

double response_chord_error(const struct response *r, double x0, double x1)
{
	double f0, f1, m, xs;

	if (r->kind != RESPONSE_CURVE || x1 <= x0 || r->k <= 0)
		return 0;
	f0 = response_reach(r, x0);
	f1 = response_reach(r, x1);
	m = (f1 - f0) / (x1 - x0);
	if (m <= 0)
		return 0;
	/* the curve's slope R k exp(-k x) equals the chord's at xs */
	xs = log(r->reachable * r->k / m) / r->k;
	if (xs <= x0 || xs >= x1)
		return 0;
	return response_reach(r, xs) - (f0 + m * (xs - x0));
}

double response_segments(const struct response *r, double x_max, int n,
			 double *bp, double *slope)
{
	double smax, err = 0, e;

	bp[0] = 0;
	if (r->kind != RESPONSE_CURVE || r->k <= 0) {
		/* linear: one slope, split evenly so every column is alike */
		for (int i = 1; i <= n; i++) {
			bp[i] = x_max * i / n;
			slope[i - 1] = r->k;
		}
		return 0;
	}
	smax = -expm1(-r->k * x_max / 2);
	for (int i = 1; i <= n; i++) {
		double s = smax * i / n;

		bp[i] = i == n ? x_max : -2 * log1p(-s) / r->k;
	}
	for (int i = 0; i < n; i++) {
		double w = bp[i + 1] - bp[i];

		slope[i] = w > 0 ? (response_reach(r, bp[i + 1]) -
				    response_reach(r, bp[i])) /
					   w
				 : 0;
		e = response_chord_error(r, bp[i], bp[i + 1]);
		if (e > err)
			err = e;
	}
	return err;
}
