/*
 * Best effort: when no plan meets the goals, the best plan at the given
 * budget. The goal rows become achieved_g >= t x goal_g with one common
 * fraction t in [0, 1]; the model first maximises t, then, with t held
 * at its best (less a tolerance), the campaign's own objective. The
 * plan is rounded and read on the exact curves like any plan. When not
 * even t = 0 has a plan (the floors alone break a limit), there is no
 * best effort and a reason says so.
 */
#include <math.h>
#include <stdlib.h>

#include "explain.h"
#include "planner_int.h"
#include "wrapper.h"

/* how far below its best t the second solve may take the fraction */
#define FRACTION_TOLERANCE 1e-7

static bool is_goal_row(const struct mrow *r)
{
	return r->kind == ROW_PERSONA_APPS || r->kind == ROW_PERSONA_HIRES ||
	       r->kind == ROW_CAMPAIGN_APPS || r->kind == ROW_CAMPAIGN_HIRES;
}

/* the column t: -goal in each goal row, whose bound becomes 0 */
static int add_fraction(struct model *m)
{
	int t = lp_add_cols(m->lp, 1), n = 0;
	int *ind = xcalloc((size_t)m->n_rows + 1, sizeof(int));
	double *val = xcalloc((size_t)m->n_rows + 1, sizeof(double));

	for (int i = 1; i <= m->n_rows; i++) {
		struct mrow *r = &m->rows[i - 1];

		if (!is_goal_row(r))
			continue;
		ind[++n] = i;
		val[n] = -r->lb;
		r->lb = 0;
		lp_set_row_bounds(m->lp, i, 0, INFINITY);
	}
	lp_set_col_bounds(m->lp, t, 0, 1);
	lp_set_col_entries(m->lp, t, n, ind, val);
	free(ind);
	free(val);
	return t;
}

/* maximise t alone; its best value, or -1 when even t = 0 has no plan */
static double best_fraction(struct model *m, int t)
{
	bool limit;

	for (int j = 1; j <= lp_n_cols(m->lp); j++)
		lp_set_obj_coef(m->lp, j, 0);
	lp_set_obj_coef(m->lp, t, 1);
	lp_set_objective(m->lp, true, "goal_fraction");
	lp_normalise_objective(m->lp);
	if (model_solve(m, &limit) != LP_SOLVED)
		return -1;
	return fmin(1, fmax(0, lp_col_value(m->lp, t)));
}

static void best_init(struct plan *b, const struct plan *p)
{
	b->objective = p->objective;
	b->objective_unit = p->objective_unit;
	b->budget = p->budget;
	b->segments = p->segments;
	b->short_term_weight = p->short_term_weight;
	b->blend_apps_norm = p->blend_apps_norm;
	b->blend_reach_norm = p->blend_reach_norm;
	b->is_mip = p->is_mip;
	b->least_budget = p->least_budget;
}

void planner_best_effort(const struct model *orig, struct plan *p)
{
	struct model m;
	struct plan *b;
	struct strvec why = { 0 };
	size_t n;
	double t;
	int tcol;
	bool limit;

	if (model_make(&m, orig->c, orig->o, orig->objective, orig->budget,
		       orig->budget, false) < 0)
		return;
	m.norm_apps = orig->norm_apps;
	m.norm_reach = orig->norm_reach;
	tcol = add_fraction(&m);
	t = best_fraction(&m, tcol);
	if (t < 0) {
		explain_best_effort_none(&why, m.c);
		n = p->n_reasons + why.n;
		p->reasons = xreallocarray(p->reasons, n ? n : 1,
					   sizeof(*p->reasons));
		for (size_t i = 0; i < why.n; i++)
			p->reasons[p->n_reasons++] = why.item[i];
		free(why.item);
		model_free(&m);
		return;
	}
	/* the campaign's objective, every goal held at t */
	lp_free_binaries(m.lp);
	lp_set_col_bounds(m.lp, tcol, fmax(0, t - FRACTION_TOLERANCE), 1);
	lp_set_obj_coef(m.lp, tcol, 0);
	model_set_objective(&m, orig->objective);
	if (model_solve(&m, &limit) != LP_SOLVED) {
		model_free(&m);
		return;
	}
	b = xcalloc(1, sizeof(*b));
	best_init(b, p);
	b->status = limit ? PLAN_FEASIBLE : PLAN_OPTIMAL;
	plan_extract(&m, b);
	p->best_effort = b;
	p->best_fraction = t;
	model_free(&m);
}
