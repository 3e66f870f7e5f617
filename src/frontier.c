/*
 * The budget frontier: the optimum at budgets F, F+S, ... T, each
 * solved warm from the last basis. A point whose budget and share rows
 * had slack at the previous budget keeps that optimum without a solve
 * (more budget only loosens rows that do not bind), which spares the
 * solves past saturation, where niche campaigns spend most frontiers.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "planner_int.h"
#include "wrapper.h"

/* does the last solution stay optimal when the budget grows to bud? */
static bool still_optimal(const struct model *m, double spent, double bud)
{
	const struct campaign *c = m->c;

	if (lp_is_mip(m->lp) || !lp_row_basic(m->lp, m->row_budget) ||
	    spent > bud)
		return false;
	for (size_t ch = 0; ch < c->n_channels; ch++) {
		int r = m->row_channel[ch];

		if (r && c->channels[ch].max_share < 1 &&
		    !lp_row_basic(m->lp, r))
			return false;
	}
	return true;
}

/* move the budget row and the budget-dependent channel rows to bud */
static void set_budget(struct model *m, double bud)
{
	const struct campaign *c = m->c;

	model_set_row_bounds(m, m->row_budget, -INFINITY, bud);
	for (size_t ch = 0; ch < c->n_channels; ch++) {
		double lb, ub;
		int r = m->row_channel[ch];

		if (!r)
			continue;
		model_channel_bounds(m, ch, bud, &lb, &ub);
		if (lb > ub)
			ub = lb;
		model_set_row_bounds(m, r, lb > 0 ? lb : -INFINITY, ub);
	}
}

/*
 * the figures of the solution at hand, on the exact curves, and its
 * spend per channel in by_channel[0 .. n_channels)
 */
static void read_point(const struct model *m, struct frontier_point *f,
		       int64_t *by_channel)
{
	size_t n = m->n_cells + m->c->n_personas;
	double total = 0, *spend = xcalloc(n ? n : 1, sizeof(double));
	double *reach = spend + m->n_cells;

	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];

		/* a flat channel's one fee, whole, at its lead */
		if (x->kind == CELL_FLAT && cell_leads(m, j))
			by_channel[x->channel] +=
				cell_spend_lp(m, x) > 0
					? llround(x->r.fee * m->scale)
					: 0;
		else if (x->kind != CELL_FLAT)
			by_channel[x->channel] +=
				llround(cell_spend_lp(m, x) * m->scale);
	}

	f->feasible = true;
	f->objective = lp_obj_value(m->lp);
	f->marginal = model_row_dual(m, m->row_budget) * EXPLAIN_PER;
	for (size_t j = 0; j < m->n_cells; j++) {
		struct response_point pt;
		double s = cell_spend_lp(m, &m->cells[j]);

		cell_eval(&m->cells[j], s, &pt);
		spend[j] = s;
		total += s;
		f->applications += pt.applications;
		f->hires += pt.hires;
	}
	/* people reached, each once however many channels reach them */
	model_unique_reach(m, spend, reach);
	for (size_t p = 0; p < m->c->n_personas; p++)
		f->reach += reach[p];
	f->spend = llround(total * m->scale);
	free(spend);
}

void frontier_run(struct model *m, struct plan *p)
{
	const struct plan_options *o = m->o;
	size_t n = 0, alloc = 0, nch = m->c->n_channels;
	bool have_last = false;

	/* the points, counted as the loop below counts them */
	for (int64_t b = o->frontier_from; b <= o->frontier_to;
	     b += o->frontier_step)
		n++;
	p->frontier_spend = xcalloc(n * nch + 1, sizeof(*p->frontier_spend));
	n = 0;

	for (int64_t b = o->frontier_from; b <= o->frontier_to;
	     b += o->frontier_step) {
		struct frontier_point *f;
		double bud = (double)b / m->scale;
		bool limit;

		ALLOC_GROW(p->frontier, n + 1, alloc);
		f = &p->frontier[n++];
		if (have_last &&
		    still_optimal(m, (double)f[-1].spend / m->scale, bud)) {
			*f = f[-1];
			f->budget = b;
			memcpy(&p->frontier_spend[(n - 1) * nch],
			       &p->frontier_spend[(n - 2) * nch],
			       nch * sizeof(*p->frontier_spend));
			continue;
		}
		memset(f, 0, sizeof(*f));
		f->budget = b;
		set_budget(m, bud);
		have_last = model_solve(m, &limit) == LP_SOLVED;
		if (have_last)
			read_point(m, f, &p->frontier_spend[(n - 1) * nch]);
	}
	p->n_frontier = n;
}
