/*
 * What the solved model says, gathered as figures for explain.c: the
 * binding rows and their prices, the cells at their frequency caps,
 * the money left unspent, and, for a model without a solution, the
 * ceilings and the least budget that show why.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "money.h"
#include "planner_int.h"
#include "wrapper.h"

/* the row's kind in words, and the bound the sentence quotes */
static void row_fact(const struct model *m, int i, double prim,
		     struct explain_row *x)
{
	static const enum explain_row_kind kinds[] = {
		[ROW_BUDGET] = XROW_BUDGET,
		[ROW_CHANNEL] = XROW_CHANNEL_CEILING,
		[ROW_PERSONA_CAP] = XROW_PERSONA_CAP,
		[ROW_PERSONA_APPS] = XROW_PERSONA_APPS,
		[ROW_PERSONA_HIRES] = XROW_PERSONA_HIRES,
		[ROW_CAMPAIGN_APPS] = XROW_CAMPAIGN_APPS,
		[ROW_CAMPAIGN_HIRES] = XROW_CAMPAIGN_HIRES,
		[ROW_SEMI_HI] = XROW_MIN_DAILY,
		[ROW_SEMI_LO] = XROW_MIN_DAILY,
	};
	const struct mrow *r = &m->rows[i - 1];
	double lb, ub;

	x->kind = kinds[r->kind];
	x->persona = x->channel = 0;
	x->bound = isfinite(r->ub) ? r->ub : r->lb;
	if (r->kind == ROW_PERSONA_CAP || r->kind == ROW_PERSONA_APPS ||
	    r->kind == ROW_PERSONA_HIRES)
		x->persona = r->index;
	if (r->kind == ROW_SEMI_HI || r->kind == ROW_SEMI_LO) {
		x->persona = m->cells[r->index].persona;
		x->channel = m->cells[r->index].channel;
	}
	if (r->kind == ROW_PERSONA_APPS || r->kind == ROW_PERSONA_HIRES ||
	    r->kind == ROW_CAMPAIGN_APPS || r->kind == ROW_CAMPAIGN_HIRES)
		x->bound = r->lb;
	if (r->kind != ROW_CHANNEL)
		return;
	x->channel = r->index;
	model_channel_bounds(m, r->index, m->budget, &lb, &ub);
	if (lb > 0 && fabs(prim - lb) <= 1e-6 * (1 + lb)) {
		x->kind = XROW_CHANNEL_FLOOR;
		x->bound = lb;
	} else if (m->c->channels[r->index].max_share < 1 &&
		   m->c->channels[r->index].max_share * m->budget <=
			   ub + 1e-9) {
		x->kind = XROW_CHANNEL_SHARE;
	} else {
		x->bound = ub;
	}
}

/* relax row i, re-solve, and return the objective gained; NAN if unknown */
static double price_row(struct model *m, int i, double prim, double base)
{
	const struct mrow *r = &m->rows[i - 1];
	bool limit;
	double v = NAN;

	if (isfinite(r->lb) && isfinite(r->ub)) {
		/* a channel with a floor and a cap: drop the side that binds */
		if (fabs(prim - r->lb) < fabs(prim - r->ub))
			model_set_row_bounds(m, i, -INFINITY, r->ub);
		else
			model_set_row_bounds(m, i, r->lb, INFINITY);
	} else {
		model_set_row_bounds(m, i, -INFINITY, INFINITY);
	}
	/*
	 * A MIP is priced with its buy decisions held where the optimum
	 * put them (the solve leaves the binaries fixed): a branch and cut
	 * per binding row took minutes on a 10k-column MIP.
	 */
	if (lp_is_mip(m->lp) ? lp_resolve_fixed(m->lp, &m->prm) == LP_SOLVED
			     : model_solve(m, &limit) == LP_SOLVED)
		v = lp_obj_value(m->lp);
	model_set_row_bounds(m, i, r->lb, r->ub);
	if (isnan(v))
		return v;
	return m->objective == OBJ_MIN_COST ? base - v : v - base;
}

struct bindings {
	struct plan_binding *b; /* owned */
	size_t n, alloc;
};

static struct plan_binding *new_binding(struct bindings *v)
{
	ALLOC_GROW(v->b, v->n + 1, v->alloc);
	return &v->b[v->n++];
}

/*
 * Cells whose last segment is full and still pays: at the frequency
 * cap. Read before any row is priced, since pricing re-solves.
 */
static void frequency_caps(struct model *m, struct bindings *caps)
{
	size_t n_freq = 0;

	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		int last;
		double rc, s;

		if (!x->cap_is_freq || x->kind == CELL_FLAT || !x->nseg)
			continue;
		last = x->col[x->nseg - 1];
		s = lp_col_value(m->lp, last) * m->unit;
		rc = lp_col_dual(m->lp, last) / m->unit;
		if (s < x->width[x->nseg - 1] * (1 - 1e-9) || fabs(rc) < 1e-12)
			continue;
		if (m->objective == OBJ_MIN_COST ? rc > 0 : rc < 0)
			continue;
		if (++n_freq > 8)
			continue;
		explain_frequency_cap(m->c, m->objective, x->persona,
				      x->channel,
				      response_reach(&x->r, x->x_max),
				      x->r.reachable, rc, new_binding(caps));
	}
	if (n_freq > 8)
		strvec_addf(&m->notes,
			    "%zu more cells are at their frequency cap",
			    n_freq - 8);
}

/* the rows that bind, each with its price in words, then the caps */
static void find_bindings(struct model *m, struct plan *p)
{
	double base = lp_obj_value(m->lp);
	size_t n = (size_t)m->n_rows + 1;
	double *dual = xcalloc(n, sizeof(double));
	double *prim = xcalloc(n, sizeof(double));
	bool price = (size_t)m->n_cols <= m->o->explain_max_columns;
	struct bindings rows = { 0 }, caps = { 0 };

	for (int i = 1; i <= m->n_rows; i++) {
		dual[i] = model_row_dual(m, i);
		prim[i] = model_row_value(m, i);
	}
	frequency_caps(m, &caps);
	for (int i = 1; i <= m->n_rows; i++) {
		const struct mrow *r = &m->rows[i - 1];
		struct explain_row x;
		double d = dual[i];

		if (fabs(d) * (1 + fabs(isfinite(r->ub) ? r->ub : r->lb)) <
		    1e-7 * (1 + fabs(base)))
			continue;
		if (r->kind == ROW_SEMI_HI)
			continue; /* a modelling row; its floor twin speaks */
		if (r->kind == ROW_UNIQUE)
			continue; /* a modelling row: unique reach */
		row_fact(m, i, prim[i], &x);
		x.dual = d;
		x.cost = NAN;
		if (r->kind != ROW_BUDGET && price)
			x.cost = price_row(m, i, prim[i], base);
		explain_binding(m->c, m->objective, &x, new_binding(&rows));
	}
	for (size_t k = 0; k < caps.n; k++)
		*new_binding(&rows) = caps.b[k];
	p->bindings = rows.b;
	p->n_bindings = rows.n;
	free(caps.b);
	free(dual);
	free(prim);
}

/* referral payouts in the plan's spend that the budget does not carry */
static int64_t referral_outside(const struct model *m, const struct plan *p)
{
	return m->c->referral_outside_budget ? p->total.expected_payouts : 0;
}

/*
 * The smallest flat fee or platform-minimum block the plan did not buy
 * that costs more than left: the buy that does not fit. False if none.
 */
static bool next_buy(const struct model *m, double left, struct plan_more *mo)
{
	double best = INFINITY;

	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		double cost = x->kind == CELL_FLAT ? x->r.fee : x->lower;

		if (!x->zcol || !cell_leads(m, j) ||
		    lp_col_value(m->lp, x->zcol) > 0.5 || cost <= left ||
		    cost >= best)
			continue;
		best = cost;
		mo->has_buy = true;
		mo->buy_is_fee = x->kind == CELL_FLAT;
		mo->buy_persona =
			cell_shares_binary(m, j) ? SIZE_MAX : x->persona;
		mo->buy_channel = x->channel;
		mo->buy_cost = llround(cost * m->scale);
	}
	return mo->has_buy;
}

/*
 * The smallest flat fee or platform-minimum block the model left out
 * for costing more than its whole budget (and that its audience could
 * absorb): more money would buy it. False if none.
 */
static bool buy_over_budget(const struct model *m, struct plan_more *mo)
{
	const struct campaign *c = m->c;
	double best = INFINITY;

	for (size_t p = 0; p < c->n_personas; p++)
		for (size_t pc = 0; pc < c->personas[p].n_channels; pc++) {
			size_t ch = c->personas[p].channels[pc].channel;
			const struct channel *chan = &c->channels[ch];
			bool fee = chan->pricing == PRICING_FLAT;
			struct response r;
			double cost;

			if (!fee && (chan->min_daily <= 0 ||
				     (chan->pricing != PRICING_CPM &&
				      chan->pricing != PRICING_CPC)))
				continue;
			if (campaign_cell_excluded(c, p, ch))
				continue;
			response_init(&r, c, p, pc);
			cost = fee ? r.fee
				   : money_to_major(chan->min_daily,
						    c->digits) *
					       c->days;
			if (r.reachable <= 0 || cost <= m->bmax ||
			    cost >= best ||
			    (!fee && r.x_cap > 0 && cost > r.x_cap))
				continue;
			best = cost;
			mo->has_buy = mo->buy_over_budget = true;
			mo->buy_is_fee = fee;
			mo->buy_persona = p;
			mo->buy_channel = ch;
			mo->buy_cost = llround(cost * m->scale);
		}
	return mo->has_buy;
}

/*
 * A MIP's budget dual prices only the buy decisions it made: before
 * saying more budget would not help, or that money is left for want of
 * room, solve again with more budget: enough to make the next buy fit,
 * else 10 %. Read the plan's buys before anything else solves.
 */
static void prepare_more(const struct model *m, const struct plan *p,
			 struct plan_more *mo, double *base)
{
	double left = money_to_major(p->budget - p->total.spend +
					     referral_outside(m, p),
				     m->c->digits);
	double extra;

	mo->extra = MONEY_NONE;
	*base = lp_obj_value(m->lp);
	if (m->objective == OBJ_MIN_COST ||
	    (left < 1 && fabs(p->marginal) * EXPLAIN_PER >= 1e-9))
		return;
	if (p->is_mip && next_buy(m, left, mo))
		extra = (double)mo->buy_cost / m->scale - left;
	else if (buy_over_budget(m, mo))
		return; /* not in the model: named, not solved */
	else if (p->is_mip)
		extra = 0.1 * m->budget;
	else
		return;
	if ((size_t)m->n_cols > m->o->explain_max_columns) {
		mo->has_buy = false;
		return;
	}
	mo->extra = (int64_t)ceil(extra * m->scale - 1e-6);
	if (mo->extra < 1)
		mo->extra = 1;
}

static void solve_more(struct model *m, struct plan_more *mo, double base)
{
	bool limit;

	if (mo->extra == MONEY_NONE)
		return;
	model_set_budget(m, m->budget + (double)mo->extra / m->scale);
	if (model_solve(m, &limit) == LP_SOLVED) {
		mo->objective = lp_obj_value(m->lp);
		mo->improves =
			m->objective == OBJ_MIN_COST
				? mo->objective < base - 1e-6 * (1 + fabs(base))
				: mo->objective >
					  base + 1e-6 * (1 + fabs(base));
	} else {
		mo->extra = MONEY_NONE;
	}
	model_set_budget(m, m->budget);
}

/* the figures of where the money went, read from the plan's solution */
static void spend_facts(const struct model *m, const struct plan *p,
			struct explain_spend *s)
{
	memset(s, 0, sizeof(*s));
	s->left = money_to_major(p->budget - p->total.spend +
					 referral_outside(m, p),
				 m->c->digits);
	s->n_cells = m->n_cells;
	s->marginal = p->marginal;
	s->is_mip = p->is_mip;
	s->more = &p->more;
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];

		s->left_out += x->left_out;
		if (x->cap_is_freq &&
		    cell_spend_lp(m, x) >= x->x_max * (1 - 1e-6))
			s->at_cap++;
	}
}

/* each flat channel bought for more than one persona: one buy, split */
static void shared_buys(struct model *m, const struct plan *p)
{
	const struct campaign *c = m->c;
	size_t *persona = xcalloc(c->n_personas + 1, sizeof(size_t));
	int64_t *part = xcalloc(c->n_personas + 1, sizeof(int64_t));

	for (size_t ch = 0; ch < c->n_channels; ch++) {
		size_t n = 0;

		if (c->channels[ch].pricing != PRICING_FLAT ||
		    p->channel_totals[ch].spend <= 0)
			continue;
		for (size_t i = 0; i < p->n_cells; i++)
			if (p->cells[i].channel == ch) {
				persona[n] = p->cells[i].persona;
				part[n++] = p->cells[i].spend;
			}
		if (n > 1)
			explain_shared_buy(&m->notes, c, ch,
					   p->channel_totals[ch].spend, persona,
					   part, n);
	}
	free(persona);
	free(part);
}

void planner_explain(struct model *m, struct plan *p)
{
	struct explain_spend s;
	struct strvec note = { 0 };
	size_t at;
	double base;

	shared_buys(m, p);
	at = m->notes.n;
	spend_facts(m, p, &s);
	prepare_more(m, p, &p->more, &base);
	/* the bindings read the plan's duals; the re-solve comes after */
	find_bindings(m, p);
	solve_more(m, &p->more, base);
	/* where the money went: after the model's notes, before the rest */
	explain_unspent(&note, m->c, m->objective, &s);
	if (note.n) {
		ALLOC_GROW(m->notes.item, m->notes.n + 1, m->notes.alloc);
		memmove(&m->notes.item[at + 1], &m->notes.item[at],
			(m->notes.n - at) * sizeof(*m->notes.item));
		m->notes.item[at] = note.item[0];
		m->notes.n++;
		free(note.item);
	}
}

/* what the cells could give at most, at any budget */
static void ceiling(const struct model *m, size_t persona, double *apps,
		    double *hires)
{
	*apps = *hires = 0;
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		struct response_point pt;
		double xmax;

		if (persona != (size_t)-1 && x->persona != persona)
			continue;
		xmax = x->kind == CELL_FLAT ? x->r.fee
		       : x->r.x_cap > 0     ? x->r.x_cap
					    : 1e300;
		if (xmax >= 1e300) {
			*apps += x->r.reachable * x->r.q * x->r.a;
			*hires += x->r.reachable * x->r.q * x->r.a * x->r.h;
			continue;
		}
		response_eval(&x->r, xmax, &pt);
		*apps += pt.applications;
		*hires += pt.hires;
	}
}

/*
 * The probe: the least spend that meets every goal, with the budget row
 * free, refined to the exact curves. 0 and the spend in *need, or -1.
 */
static int probe_least(const struct model *m, struct model *probe, double *need)
{
	bool limit;

	if (model_make(probe, m->c, m->o, OBJ_MIN_COST, m->budget,
		       m->budget * 1000, true) < 0)
		return -1;
	lp_set_row_bounds(probe->lp, probe->row_budget, -INFINITY, INFINITY);
	if (model_solve(probe, &limit) != LP_SOLVED)
		return -1;
	refine(probe, lp_is_mip(probe->lp));
	/* the budget's part of the spend: payouts outside it are not */
	*need = 0;
	for (size_t j = 0; j < probe->n_cells; j++)
		if (model_cell_in_budget(probe, &probe->cells[j]))
			*need += cell_spend_lp(probe, &probe->cells[j]);
	return 0;
}

bool planner_exact_rescue(struct model *m)
{
	struct model probe;
	double need;
	bool limit, ok = false;

	if (probe_least(m, &probe, &need) == 0 && need <= m->budget) {
		/*
		 * The probe's spends as breakpoints: the LP is exact there.
		 * Both models list their cells in (persona, pc) order.
		 */
		size_t j = 0;

		for (size_t i = 0; i < probe.n_cells; i++) {
			const struct mcell *px = &probe.cells[i];

			while (j < m->n_cells &&
			       (m->cells[j].persona < px->persona ||
				(m->cells[j].persona == px->persona &&
				 m->cells[j].pc < px->pc)))
				j++;
			if (j < m->n_cells &&
			    m->cells[j].persona == px->persona &&
			    m->cells[j].pc == px->pc)
				model_split(m, &m->cells[j],
					    cell_spend_lp(&probe, px));
		}
		ok = model_solve(m, &limit) == LP_SOLVED;
	}
	model_free(&probe);
	return ok;
}

/* the least budget that meets every goal */
static void least_budget(struct model *m, struct plan *p,
			 struct strvec *reasons)
{
	struct model probe;
	double need;

	p->least_budget = MONEY_NONE;
	if (probe_least(m, &probe, &need) == 0) {
		/* rounded up, so the sentence and the figure agree */
		p->least_budget = (int64_t)ceil(need * m->scale - 1e-6) +
				  p->content_fixed;
		explain_least_budget(reasons, m->c,
				     (double)p->least_budget / m->scale,
				     m->budget);
	} else if (reasons->n == 0) {
		explain_least_budget(reasons, m->c, -1, m->budget);
	}
	model_free(&probe);
}

void planner_explain_infeasible(struct model *m, struct plan *p)
{
	const struct campaign *c = m->c;
	struct strvec reasons = { 0 };
	double apps, hires, floors = 0;

	for (size_t i = 0; i < c->n_channels; i++) {
		double lb, ub;

		model_channel_bounds(m, i, m->budget, &lb, &ub);
		floors += c->channels[i].excluded ? 0 : lb;
		if (lb > ub)
			explain_floor_above_cap(&reasons, c, i, lb, ub);
	}
	if (floors > m->budget)
		explain_floors_above_budget(&reasons, c, floors, m->budget);
	for (size_t i = 0; i < c->n_personas; i++) {
		const struct persona *pe = &c->personas[i];

		if (pe->goal_applications <= 0 && pe->goal_hires <= 0)
			continue;
		ceiling(m, i, &apps, &hires);
		explain_goal_ceiling(&reasons, pe, pe->goal_applications,
				     pe->goal_hires, apps, hires);
	}
	ceiling(m, (size_t)-1, &apps, &hires);
	explain_goal_ceiling(&reasons, NULL, c->goal_applications,
			     c->goal_hires, apps, hires);
	least_budget(m, p, &reasons);
	p->reasons = reasons.item;
	p->n_reasons = reasons.n;
}
