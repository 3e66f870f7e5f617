/*
 * Where extra money stops paying. Each persona has a ceiling on what
 * one result may cost (max_cost_per_application, max_cost_per_hire,
 * or its value_per_hire); the result is the objective's own where the
 * ceilings allow (docs/inputs.md says which).
 *
 * The efficient budget B* is the spend of the plan that maximises
 *
 *	results - sum over personas of spend_p / ceiling_p
 *
 * with the budget row free and every other row kept: on the concave
 * curves that plan spends in each cell until one more result there
 * would cost more than the persona's ceiling, which with one ceiling
 * is the budget where the marginal cost of a result (one over the
 * budget's dual) reaches it. It is refined to the exact curves like
 * the plan itself. A channel's max_share is a share of the budget:
 * when that plan spends more on a channel than its share of what it
 * spends, the share binds at B*, and B* is found instead by bisection
 * on the budget, to a minor unit, where what one more unit of budget
 * is worth (the budget row's dual and the share rows' it loosens)
 * falls to one result per ceiling. That needs one ceiling for every
 * persona (or the value objective), and at most EFFICIENT_STEPS steps
 * and EFFICIENT_MS; otherwise B* is not reported.
 *
 * With a slack budget, a plan for applications, hires, reach or blend
 * leaves out the cells whose results cost more than the ceiling: a
 * flat fee, a platform minimum or a per-hire price at its spend, a
 * curve from its first unit on. They are held at 0 and the model
 * solved again; when that meets no goal, one at a time, and one that
 * a goal or a spend floor needs is kept.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "money.h"
#include "planner_int.h"
#include "usage.h"
#include "wrapper.h"

#define EFFICIENT_STEPS 60    /* bisection steps, at most */
#define EFFICIENT_MS    10000 /* and milliseconds */
#define EFFICIENT_NOTES 8     /* cells left out, each with its note */

double persona_ceiling(const struct campaign *c, size_t persona,
		       enum ceiling_kind k)
{
	const struct persona *p = &c->personas[persona];
	int64_t v = 0;

	switch (k) {
	case CEILING_NONE:
		break;
	case CEILING_APPLICATION:
		v = p->max_cost_per_application > 0
			    ? p->max_cost_per_application
			    : c->max_cost_per_application;
		break;
	case CEILING_HIRE:
		v = p->max_cost_per_hire > 0   ? p->max_cost_per_hire
		    : c->max_cost_per_hire > 0 ? c->max_cost_per_hire
					       : p->value_per_hire;
		break;
	case CEILING_VALUE_PER_HIRE:
		v = p->value_per_hire;
		break;
	}
	return v > 0 ? money_to_major(v, c->digits) : 0;
}

/* has every persona with a usable cell a ceiling of kind k? */
static bool every_persona(const struct model *m, enum ceiling_kind k)
{
	for (size_t j = 0; j < m->n_cells; j++)
		if (persona_ceiling(m->c, m->cells[j].persona, k) <= 0)
			return false;
	return m->n_cells > 0;
}

static enum ceiling_kind hire_kind(const struct campaign *c)
{
	if (c->max_cost_per_hire > 0)
		return CEILING_HIRE;
	for (size_t i = 0; i < c->n_personas; i++)
		if (c->personas[i].max_cost_per_hire > 0)
			return CEILING_HIRE;
	return CEILING_VALUE_PER_HIRE;
}

enum ceiling_kind efficient_kind(const struct model *m)
{
	enum ceiling_kind hire = hire_kind(m->c);

	switch (m->objective) {
	case OBJ_MIN_COST:
		return CEILING_NONE;
	case OBJ_VALUE:
		/* the objective itself weighs each hire at value_per_hire */
		return every_persona(m, CEILING_VALUE_PER_HIRE)
			       ? CEILING_VALUE_PER_HIRE
			       : CEILING_NONE;
	case OBJ_HIRES:
		if (every_persona(m, hire))
			return hire;
		return every_persona(m, CEILING_APPLICATION)
			       ? CEILING_APPLICATION
			       : CEILING_NONE;
	case OBJ_APPLICATIONS:
	case OBJ_REACH:
	case OBJ_BLEND:
		break;
	}
	if (every_persona(m, CEILING_APPLICATION))
		return CEILING_APPLICATION;
	return every_persona(m, hire) ? hire : CEILING_NONE;
}

/* results of kind k per person reached in cell x */
static double result_weight(const struct mcell *x, enum ceiling_kind k)
{
	double qa = x->r.q * x->r.a;

	return k == CEILING_APPLICATION ? qa : qa * x->r.h;
}

static double results_at(const struct mcell *x, enum ceiling_kind k, double s)
{
	struct response_point pt;

	response_eval(&x->r, s, &pt);
	return k == CEILING_APPLICATION ? pt.applications : pt.hires;
}

/*
 * What one result of cell x costs at the margin when it spends s: the
 * first unit's for a curve (its cheapest), the average over the buy
 * for a flat fee, a platform minimum or a per-hire price. INFINITY when
 * it buys none.
 */
static double cell_cost(const struct mcell *x, enum ceiling_kind k, double s)
{
	double w = result_weight(x, k), n;

	if (x->kind == CELL_CURVE && x->r.kind == RESPONSE_CURVE) {
		double first = w * x->r.reachable * x->r.k;

		return first > 0 ? 1 / first : INFINITY;
	}
	n = results_at(x, k, s);
	return n > 0 ? s / n : INFINITY;
}

static void hold(struct model *m, struct mcell *x, bool out)
{
	x->left_out = out;
	for (int k = 0; k < x->nseg; k++) {
		if (out)
			lp_hold_zero(m->lp, x->col[k]);
		else
			lp_restore_col(m->lp, x->col[k], x->width[k] / m->unit);
	}
	if (x->zcol) {
		if (out)
			lp_hold_zero(m->lp, x->zcol);
		else
			lp_restore_col(m->lp, x->zcol, -1);
	}
}

static enum lp_result resolve(struct model *m)
{
	bool limit;

	return model_solve(m, &limit);
}

/* "Left out p on ch: 38 000.00 NOK would have bought 0.5 ..." */
static void note_cell(struct model *m, const struct mcell *x,
		      enum ceiling_kind k, double s, double cost, bool kept)
{
	const struct campaign *c = m->c;
	struct strbuf sb = STRBUF_INIT;
	bool curve = x->kind == CELL_CURVE;

	strbuf_addf(&sb, "%s %s on %s: ", kept ? "Kept" : "Left out",
		    c->personas[x->persona].id, c->channels[x->channel].id);
	explain_money(&sb, c, s);
	strbuf_addstr(&sb, kept ? " buys " : " would have bought ");
	explain_number(&sb, results_at(x, k, s), 2);
	strbuf_addf(&sb, " %ss, %s", ceiling_result_name(k),
		    curve ? "even the first at " : "");
	explain_money(&sb, c, cost);
	strbuf_addstr(&sb, curve ? ", " : " each, ");
	strbuf_addstr(&sb, "above the ceiling of ");
	explain_money(&sb, c, persona_ceiling(c, x->persona, k));
	strbuf_addf(&sb, " (%s)", ceiling_kind_name(k));
	if (kept)
		strbuf_addstr(&sb,
			      ", because a goal or a spend floor needs it");
	strvec_addf(&m->notes, "%s", sb.buf);
	strbuf_release(&sb);
}

/* the cells with spend above their ceiling; their spend and cost */
static size_t above_ceiling(const struct model *m, enum ceiling_kind k,
			    size_t *cell, double *spend, double *cost)
{
	size_t n = 0;

	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		double s = cell_spend_lp(m, x), c;

		if (s * m->scale < 0.5)
			continue;
		c = cell_cost(x, k, s);
		if (!(c > persona_ceiling(m->c, x->persona, k) * (1 + 1e-9)))
			continue;
		cell[n] = j;
		spend[n] = s;
		cost[n++] = c;
	}
	return n;
}

enum fate {
	KEPT,      /* a solve failed or hit its time limit: kept, unsaid */
	LEFT_OUT,  /* held at 0 */
	KEPT_GOAL, /* without it no plan meets the goals and floors */
};

/*
 * Hold the n cells at 0 all at once; when that leaves no plan, a goal
 * or floor needs some of them, so hold one at a time and keep those
 * without which there is none.
 */
static void hold_cells(struct model *m, const size_t *cell, size_t n,
		       enum fate *fate)
{
	enum lp_result res;

	for (size_t i = 0; i < n; i++) {
		hold(m, &m->cells[cell[i]], true);
		fate[i] = LEFT_OUT;
	}
	if (resolve(m) == LP_SOLVED)
		return;
	for (size_t i = 0; i < n; i++)
		hold(m, &m->cells[cell[i]], false);
	resolve(m);
	for (size_t i = 0; i < n; i++) {
		hold(m, &m->cells[cell[i]], true);
		res = resolve(m);
		if (res == LP_SOLVED)
			continue;
		hold(m, &m->cells[cell[i]], false);
		resolve(m);
		fate[i] = res == LP_INFEASIBLE ? KEPT_GOAL : KEPT;
	}
}

void efficient_leave_out(struct model *m, struct plan *p)
{
	enum ceiling_kind k = efficient_kind(m);
	size_t n, *cell;
	double *spend, *cost;
	enum fate *fate;

	if (k == CEILING_NONE || m->objective == OBJ_VALUE ||
	    !lp_row_basic(m->lp, m->row_budget) || m->n_cells == 0)
		return;
	cell = xcalloc(m->n_cells, sizeof(*cell));
	spend = xcalloc(m->n_cells, sizeof(*spend));
	cost = xcalloc(m->n_cells, sizeof(*cost));
	fate = xcalloc(m->n_cells, sizeof(*fate));
	n = above_ceiling(m, k, cell, spend, cost);
	if (n)
		hold_cells(m, cell, n, fate);
	for (size_t i = 0; i < n; i++) {
		const struct mcell *x = &m->cells[cell[i]];

		if (fate[i] == KEPT_GOAL)
			note_cell(m, x, k, spend[i], cost[i], true);
		else if (fate[i] == LEFT_OUT &&
			 ++p->n_left_out <= EFFICIENT_NOTES)
			note_cell(m, x, k, spend[i], cost[i], false);
	}
	if (p->n_left_out > EFFICIENT_NOTES)
		strvec_addf(&m->notes,
			    "%zu more cells are left out above their ceiling",
			    p->n_left_out - EFFICIENT_NOTES);
	if (n)
		refine(m, lp_is_mip(m->lp));
	free(cell);
	free(spend);
	free(cost);
	free(fate);
}

/*
 * A budget the efficient plan cannot exceed: each cell's spend where
 * one more result would cost more than its persona's ceiling (its
 * whole range when that is open), and at least the plan's budget.
 */
static double bracket(const struct model *m, enum ceiling_kind k)
{
	double b = 0;

	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		double cap = persona_ceiling(m->c, x->persona, k);
		double g = result_weight(x, k) * x->r.reachable * x->r.k * cap;

		if (x->kind == CELL_FLAT) {
			b += x->r.fee;
		} else if (x->r.kind == RESPONSE_CURVE && x->r.k > 0) {
			double s = g > 1 ? log(g) / x->r.k : 0;

			if (x->cap_is_freq)
				s = fmin(s, x->x_max);
			b += fmax(s, x->lower);
		} else {
			b += x->x_max;
		}
	}
	return fmax(b, m->budget);
}

/* the channel rows that depend on the budget, at budget b */
static bool set_shares(struct model *m, double b)
{
	bool any = false;

	for (size_t ch = 0; ch < m->c->n_channels; ch++) {
		double lb, ub;
		int r = m->row_channel[ch];

		if (!r || m->c->channels[ch].max_share >= 1)
			continue;
		any = true;
		model_channel_bounds(m, ch, b, &lb, &ub);
		if (lb > ub)
			ub = lb;
		model_set_row_bounds(m, r, lb > 0 ? lb : -INFINITY, ub);
	}
	return any;
}

static double spent(const struct model *m)
{
	double s = 0;

	for (size_t j = 0; j < m->n_cells; j++)
		s += cell_spend_lp(m, &m->cells[j]);
	return s;
}

/* the efficient plan's figures, at spends rounded to minor units */
static void read_total(const struct model *m, struct plan_total *t)
{
	memset(t, 0, sizeof(*t));
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		int64_t s = llround(cell_spend_lp(m, x) * m->scale);
		int64_t vph = m->c->personas[x->persona].value_per_hire;
		struct response_point pt;

		if (s <= 0)
			continue;
		response_eval(&x->r, (double)s / m->scale, &pt);
		t->spend += s;
		t->impressions += pt.impressions;
		t->reach += pt.reach;
		t->clicks += pt.clicks;
		t->applications += pt.applications;
		t->hires += pt.hires;
		t->value += vph > 0 ? llround((double)vph * pt.hires) : 0;
	}
	t->value -= t->spend;
	t->cost_per_application =
		t->applications > 1e-9
			? llround((double)t->spend / t->applications)
			: MONEY_NONE;
	t->cost_per_hire = t->hires > 1e-9
				   ? llround((double)t->spend / t->hires)
				   : MONEY_NONE;
}

/* does a channel's spend pass its max_share of the plan's own spend? */
static bool share_passed(const struct model *e)
{
	const struct campaign *c = e->c;
	double total = spent(e), *by = xcalloc(c->n_channels, sizeof(double));
	bool passed = false;

	for (size_t j = 0; j < e->n_cells; j++)
		by[e->cells[j].channel] += cell_spend_lp(e, &e->cells[j]);
	for (size_t ch = 0; ch < c->n_channels; ch++)
		if (c->channels[ch].max_share < 1 &&
		    by[ch] > c->channels[ch].max_share * total + 0.5 / e->scale)
			passed = true;
	free(by);
	return passed;
}

/*
 * The LP's duals are chord slopes, and the solution sits at a
 * breakpoint between two chords: two more breakpoints a millionth
 * either side of each cell's spend make those chords the curve's own
 * slope there, so the duals read the exact marginal. False when the
 * model is too big for it or cannot be solved again.
 */
static bool pin_duals(struct model *e)
{
	int split = 0;

	if ((size_t)e->n_cols > e->o->refine_max_columns)
		return true;
	for (size_t j = 0; j < e->n_cells; j++) {
		struct mcell *x = &e->cells[j];
		double at = cell_spend_lp(e, x), d = 1e-6 * fmax(at, 1);

		if (at <= 0)
			continue;
		split += model_split(e, x, at - d);
		split += model_split(e, x, at + d);
	}
	if (!split)
		return true;
	return (lp_is_mip(e->lp) ? lp_resolve_fixed(e->lp, &e->prm)
				 : resolve(e)) == LP_SOLVED;
}

/*
 * What one more major unit of budget b is worth to model e (its own
 * objective, unpriced): the budget row's dual and, for each channel
 * whose max_share caps it, the share of its dual the budget loosens.
 * NAN when there is no plan at b.
 */
static double worth_at(struct model *e, double b)
{
	const struct campaign *c = e->c;
	double g;

	model_set_row_bounds(e, e->row_budget, -INFINITY, b);
	set_shares(e, b);
	if (resolve(e) != LP_SOLVED)
		return NAN;
	refine(e, lp_is_mip(e->lp));
	if (!pin_duals(e))
		return NAN;
	g = model_row_dual(e, e->row_budget);
	for (size_t ch = 0; ch < c->n_channels; ch++) {
		double lb, ub, share = c->channels[ch].max_share;
		int r = e->row_channel[ch];

		if (!r || share >= 1)
			continue;
		model_channel_bounds(e, ch, b, &lb, &ub);
		if (share * b <= ub)
			g += share * model_row_dual(e, r);
	}
	return g;
}

/*
 * The budget where worth_at() falls to want, by bisection between lo
 * (worth more) and hi, to a minor unit; the model is left solved at
 * the budget returned. -1 when a solve fails.
 */
static double bisect(struct model *e, double lo, double hi, double want)
{
	double t0 = now_ms();

	for (int i = 0; hi - lo > 1 / e->scale; i++) {
		double mid = (lo + hi) / 2, g;

		/* not to a minor unit in time: say nothing rather than guess */
		if (i == EFFICIENT_STEPS || now_ms() - t0 > EFFICIENT_MS)
			return -1;
		g = worth_at(e, mid);
		if (isnan(g))
			return -1;
		if (g > want)
			lo = mid;
		else
			hi = mid;
	}
	return isnan(worth_at(e, lo)) ? -1 : lo;
}

/*
 * Solve the efficient model e: priced spend with the budget row free,
 * shares taken of a budget of hi. When a channel then passes its share
 * of what the plan spends, the share binds at B*, and B* is where the
 * budget's worth (its dual and the shares it loosens) falls to the
 * ceiling's price: found by bisection on the unpriced model, which
 * needs one price for every persona. 0, or -1 when not known.
 */
static int solve_efficient(struct model *e, enum objective obj, double hi,
			   double price)
{
	model_set_row_bounds(e, e->row_budget, -INFINITY, INFINITY);
	set_shares(e, hi);
	if (resolve(e) != LP_SOLVED)
		return -1;
	refine(e, lp_is_mip(e->lp));
	if (!share_passed(e))
		return 0;
	if (isnan(price))
		return -1;
	free(e->price);
	e->price = NULL;
	model_set_objective(e, obj);
	return bisect(e, 0, hi, price) < 0 ? -1 : 0;
}

/* the smallest max_share of a channel, 1 without */
static double min_share(const struct campaign *c)
{
	double least = 1;

	for (size_t ch = 0; ch < c->n_channels; ch++)
		if (c->channels[ch].max_share > 0)
			least = fmin(least, c->channels[ch].max_share);
	return least;
}

/* the ceiling quoted: the largest in force, and whether they differ */
static void quote_ceiling(const struct model *m, enum ceiling_kind k,
			  struct plan_efficient *e)
{
	const struct campaign *c = m->c;
	double most = 0, least = INFINITY;

	for (size_t j = 0; j < m->n_cells; j++) {
		double v = persona_ceiling(c, m->cells[j].persona, k);

		most = fmax(most, v);
		least = fmin(least, v);
	}
	e->per_persona = most > least;
	e->ceiling = llround(most * m->scale);
}

/* money per result at the plan's budget, when its dual counts them */
static int64_t marginal_cost(const struct model *m, const struct plan *p,
			     enum ceiling_kind k)
{
	bool counts = (k == CEILING_APPLICATION &&
		       m->objective == OBJ_APPLICATIONS) ||
		      (k != CEILING_APPLICATION && m->objective == OBJ_HIRES);

	if (!counts || !(p->marginal > 1e-12))
		return MONEY_NONE;
	return llround(m->scale / p->marginal);
}

void efficient_budget(struct model *m, struct plan *p)
{
	enum ceiling_kind k = efficient_kind(m);
	enum objective obj =
		k == CEILING_APPLICATION ? OBJ_APPLICATIONS
		: k == CEILING_VALUE_PER_HIRE && m->objective == OBJ_VALUE
			? OBJ_VALUE
			: OBJ_HIRES;
	struct model e;
	double hi, one = NAN;

	if (k == CEILING_NONE || p->status == PLAN_INFEASIBLE)
		return;
	quote_ceiling(m, k, &p->efficient);
	hi = bracket(m, k) / min_share(m->c);
	if (model_make(&e, m->c, m->o, obj, m->budget, hi, false) < 0)
		return;
	if (obj == OBJ_VALUE) {
		one = 0; /* the value objective counts the spend itself */
	} else {
		e.price = xcalloc(m->c->n_personas, sizeof(double));
		for (size_t i = 0; i < m->c->n_personas; i++) {
			double cap = persona_ceiling(m->c, i, k);

			e.price[i] = cap > 0 ? 1 / cap : 0;
		}
		model_set_objective(&e, obj);
		if (!p->efficient.per_persona)
			one = m->scale / (double)p->efficient.ceiling;
	}
	if (solve_efficient(&e, obj, hi, one) == 0) {
		p->efficient.kind = k;
		read_total(&e, &p->efficient.total);
		p->efficient.budget = p->efficient.total.spend;
		p->efficient.marginal_cost = marginal_cost(m, p, k);
	}
	model_free(&e);
}
