/*
 * The budget frontier: the optimum at budgets F, F+S, ... T, each
 * solved warm from the last basis. A point whose budget and share rows
 * had slack at the previous budget keeps that optimum without a solve
 * (more budget only loosens rows that do not bind), which spares the
 * solves past saturation, where niche campaigns spend most frontiers.
 * In a MIP, a point where a flat fee or a platform minimum enters or
 * leaves the plan is a step: the objective jumps there, so the point
 * names the step and has no marginal (the budget dual is a rate).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "planner_int.h"
#include "strbuf.h"
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

/*
 * the figures of the solution at hand, on the exact curves, and its
 * spend per channel in by_channel[0 .. n_channels)
 */
static void read_point(const struct model *m, struct frontier_point *f,
		       int64_t *by_channel)
{
	size_t n = m->n_cells + m->c->n_personas;
	double *spend = xcalloc(n ? n : 1, sizeof(double));
	double *reach = spend + m->n_cells;
	int64_t total_minor = 0;

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
	/* content paid per month is spent at every budget, by its channel */
	for (size_t ch = 0; ch < m->c->n_channels; ch++) {
		by_channel[ch] += campaign_content_fixed(m->c, ch);
		total_minor += by_channel[ch];
	}

	f->feasible = true;
	f->objective = lp_obj_value(m->lp);
	f->marginal = model_row_dual(m, m->row_budget) * EXPLAIN_PER;
	for (size_t j = 0; j < m->n_cells; j++) {
		struct response_point pt;
		double s = cell_spend_lp(m, &m->cells[j]);

		cell_eval(&m->cells[j], s, &pt);
		spend[j] = s;
		f->applications += pt.applications;
		f->hires += pt.hires;
	}
	/* people reached, each once however many channels reach them */
	model_unique_reach(m, spend, reach);
	for (size_t p = 0; p < m->c->n_personas; p++)
		f->reach += reach[p];
	free(spend);
	/* the channels' spends add up to the point's, to the minor unit */
	f->spend = total_minor;
}

/*
 * the buy decisions of the solution at hand (flat fees and platform
 * minimums) against on[]; a step in f when any changed, then on[] the
 * new ones
 */
static void read_step(const struct model *m, struct frontier_point *f, bool *on,
		      bool have_prev)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		bool now;

		if (!x->zcol || !cell_leads(m, j))
			continue;
		now = lp_col_value(m->lp, x->zcol) > 0.5;
		if (have_prev && now != on[j]) {
			if (sb.len)
				strbuf_addstr(&sb, "; ");
			explain_frontier_step(
				&sb, m->c,
				cell_shares_binary(m, j) ? SIZE_MAX
							 : x->persona,
				x->channel, x->kind == CELL_FLAT, now);
		}
		on[j] = now;
	}
	if (sb.len) {
		f->step = strbuf_detach(&sb);
		f->marginal = NAN;
	}
	strbuf_release(&sb);
}

void frontier_run(struct model *m, struct plan *p)
{
	const struct plan_options *o = m->o;
	size_t n = 0, alloc = 0, nch = m->c->n_channels;
	bool have_last = false, have_buys = false;
	bool *on = xcalloc(m->n_cells + 1, sizeof(bool));

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
			f->step = NULL;
			f->budget = b;
			memcpy(&p->frontier_spend[(n - 1) * nch],
			       &p->frontier_spend[(n - 2) * nch],
			       nch * sizeof(*p->frontier_spend));
			continue;
		}
		memset(f, 0, sizeof(*f));
		f->budget = b;
		model_set_budget(m, bud);
		have_last = model_solve(m, &limit) == LP_SOLVED;
		if (!have_last)
			continue;
		read_point(m, f, &p->frontier_spend[(n - 1) * nch]);
		if (lp_is_mip(m->lp)) {
			read_step(m, f, on, have_buys);
			have_buys = true;
		}
	}
	p->n_frontier = n;
	free(on);
}
