/*
 * planner_run: build the model of a campaign (model.c), solve it
 * (lp.c), turn the optimum into a plan (plan.c), explain it
 * (analysis.c, explain.c), find where extra money stops paying
 * (efficient.c) and, on request, trace the budget frontier
 * (frontier.c). This file only orders those steps and times them.
 */
#include "planner.h"

#include <math.h>
#include <string.h>

#include "money.h"
#include "planner_int.h"
#include "usage.h"

/* for blend: the best applications and the best reach alone, exact */
static enum lp_result blend_norms(struct model *m, bool *limit)
{
	enum lp_result res;

	model_set_objective(m, OBJ_APPLICATIONS);
	if ((res = model_solve(m, limit)) != LP_SOLVED)
		return res;
	refine(m, lp_is_mip(m->lp));
	m->norm_apps = m->exact;
	model_set_objective(m, OBJ_REACH);
	if ((res = model_solve(m, limit)) != LP_SOLVED)
		return res;
	refine(m, lp_is_mip(m->lp));
	m->norm_reach = m->exact;
	if (m->norm_apps <= 0)
		m->norm_apps = 1;
	if (m->norm_reach <= 0)
		m->norm_reach = 1;
	model_set_objective(m, OBJ_BLEND);
	return LP_SOLVED;
}

static void plan_init(struct plan *out, const struct campaign *c,
		      const struct plan_options *o)
{
	memset(out, 0, sizeof(*out));
	out->objective = o->objective;
	out->objective_unit = objective_unit(o->objective, c);
	out->budget = o->budget >= 0 ? o->budget : c->budget;
	out->segments = o->segments;
	out->short_term_weight = o->short_term_weight;
	out->least_budget = MONEY_NONE;
	out->more.extra = MONEY_NONE;
	out->efficient.marginal_cost = MONEY_NONE;
}

/* content paid per month, in out->content_fixed; -1 when over budget */
static int content_fixed(const struct campaign *c, struct plan *out)
{
	struct strbuf s = STRBUF_INIT, b = STRBUF_INIT;
	size_t last = 0;

	for (size_t ch = 0; ch < c->n_channels; ch++) {
		int64_t f = campaign_content_fixed(c, ch);

		out->content_fixed += f;
		if (f > 0)
			last = ch;
	}
	if (out->content_fixed <= out->budget)
		return 0;
	money_format_currency(&s, out->content_fixed, c->digits, c->currency);
	money_format_currency(&b, out->budget, c->digits, c->currency);
	errorf("the content paid per month (content_cost of channel '%s'%s) "
	       "comes to %s over the campaign, more than the budget of %s",
	       c->channels[last].id,
	       out->content_fixed > campaign_content_fixed(c, last)
		       ? " and others"
		       : "",
	       s.buf, b.buf);
	strbuf_release(&s);
	strbuf_release(&b);
	return -1;
}

/* the model for the plan's budget (and the frontier's range) */
static enum planner_error make(struct model *m, const struct campaign *c,
			       const struct plan_options *o, struct plan *out)
{
	double t0 = now_ms(), budget, bmax;

	if (content_fixed(c, out) < 0)
		return PLANNER_BAD_INPUT;
	/* content paid per month comes off the top: the rest buys media */
	budget = money_to_major(out->budget - out->content_fixed, c->digits);
	bmax = budget;
	if (o->frontier_step > 0)
		bmax = fmax(bmax, money_to_major(o->frontier_to, c->digits));
	if (model_make(m, c, o, o->objective, budget, bmax, false) < 0) {
		errorf("nothing to plan: no persona can be reached on any "
		       "usable channel");
		return PLANNER_NOTHING;
	}
	out->is_mip = lp_is_mip(m->lp);
	out->n_rows = (size_t)m->n_rows;
	out->n_cols = (size_t)m->n_cols;
	out->n_nonzeros = m->nnz;
	out->n_binaries = lp_n_binaries(m->lp);
	out->money_unit = m->unit;
	out->ms_build = now_ms() - t0;
	tracef("model: %d rows, %d columns, %zu nonzeros, %zu binaries",
	       m->n_rows, m->n_cols, m->nnz, out->n_binaries);
	return PLANNER_OK;
}

static enum planner_error solver_error(const struct model *m,
				       const struct plan_options *o,
				       enum lp_result res)
{
	if (res == LP_TIME_LIMIT) {
		errorf("the solver stopped at the time limit of %d s without "
		       "a plan",
		       o->time_limit_s);
		return PLANNER_TIME_LIMIT;
	}
	errorf("the solver failed (GLPK status %d)", lp_status_code(m->lp));
	return PLANNER_SOLVER_FAILED;
}

/* solve, then the plan, its sentences and its frontier */
static enum planner_error solve(struct model *m, const struct plan_options *o,
				struct plan *out)
{
	double t0 = now_ms(), t_write;
	enum lp_result res = LP_SOLVED;
	bool limit = false;

	if (o->objective == OBJ_BLEND)
		res = blend_norms(m, &limit);
	/* the model as it will be solved: blend weights set, binaries free */
	lp_free_binaries(m->lp);
	t_write = now_ms();
	if (model_write(m) < 0)
		return PLANNER_EXPORT_FAILED;
	out->ms_write = now_ms() - t_write;
	t0 += out->ms_write; /* the export is not solving */
	if (res == LP_SOLVED)
		res = model_solve(m, &limit);
	out->objective_scale = lp_objective_scale(m->lp);
	out->blend_apps_norm = m->norm_apps;
	out->blend_reach_norm = m->norm_reach;
	if (res == LP_TIME_LIMIT || res == LP_FAILED)
		return solver_error(m, o, res);
	if (res == LP_INFEASIBLE && planner_exact_rescue(m))
		res = LP_SOLVED;
	if (res == LP_INFEASIBLE) {
		out->status = PLAN_INFEASIBLE;
		planner_explain_infeasible(m, out);
		planner_best_effort(m, out);
		out->ms_solve = now_ms() - t0;
		return PLANNER_OK;
	}
	out->status = limit ? PLAN_FEASIBLE : PLAN_OPTIMAL;
	/* what another solver finds in the exported model */
	out->export_objective = lp_obj_value(m->lp) * lp_objective_scale(m->lp);
	refine(m, lp_is_mip(m->lp));
	efficient_leave_out(m, out);
	out->bound_exact = m->exact;
	out->bound_other = m->bound;
	out->refinements = m->refinements;
	out->breakpoints_added = m->splits;
	tracef("refinement: %d rounds, %d breakpoints; exact %.10g, bound "
	       "%.10g",
	       m->refinements, m->splits, m->exact, m->bound);
	plan_extract(m, out);
	out->ms_solve = now_ms() - t0;
	t0 = now_ms();
	planner_explain(m, out);
	tracef("timing: explain %.3f ms", now_ms() - t0);
	t0 = now_ms();
	efficient_budget(m, out);
	tracef("efficient budget: %lld minor units in %.3f ms",
	       (long long)out->efficient.budget, now_ms() - t0);
	if (o->frontier_step > 0) {
		t0 = now_ms();
		frontier_run(m, out);
		tracef("frontier: %zu points in %.3f ms", out->n_frontier,
		       now_ms() - t0);
	}
	return PLANNER_OK;
}

enum planner_error planner_run(const struct campaign *c,
			       const struct plan_options *o, struct plan *out)
{
	struct model m;
	enum planner_error rc;
	struct strbuf why = STRBUF_INIT;

	plan_init(out, c, o);
	if (campaign_objective_check(c, o->objective, &why) < 0) {
		errorf("%s", why.buf);
		strbuf_release(&why);
		return PLANNER_BAD_INPUT;
	}
	lp_init(verbosity >= 2);
	memset(&m, 0, sizeof(m));
	rc = make(&m, c, o, out);
	if (rc == PLANNER_OK)
		rc = solve(&m, o, out);
	out->notes = m.notes.item;
	out->n_notes = m.notes.n;
	m.notes.item = NULL;
	m.notes.n = 0;
	model_free(&m);
	lp_done();
	return rc;
}
