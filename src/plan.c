/*
 * From the solved model to the plan a marketer reads: spends rounded
 * to minor units without the total drifting, every figure computed
 * again on the exact curves, totals per persona and channel, and the
 * plan's lifecycle and names.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "planner_int.h"
#include "wrapper.h"

void plan_options_init(struct plan_options *o, const struct campaign *c)
{
	memset(o, 0, sizeof(*o));
	o->objective = c->objective;
	o->short_term_weight = c->short_term_weight;
	o->segments = PLAN_DEFAULT_SEGMENTS;
	o->budget = -1;
	o->mip_gap = PLAN_DEFAULT_MIP_GAP;
	o->explain_max_columns = PLAN_DEFAULT_EXPLAIN_MAX_COLUMNS;
	o->refine_max_columns = PLAN_DEFAULT_REFINE_MAX_COLUMNS;
}

static void total_add(struct plan_total *t, const struct plan_cell *pc,
		      int64_t value)
{
	t->spend += pc->spend;
	t->impressions += pc->impressions;
	t->reach += pc->reach;
	t->clicks += pc->clicks;
	t->applications += pc->applications;
	t->hires += pc->hires;
	t->paid_clicks += pc->paid_clicks;
	t->off_target_applications += pc->off_target_applications;
	t->content_cost += pc->content_cost;
	t->screening_cost += pc->screening_cost;
	t->expected_payouts += pc->expected_payout;
	t->value += value;
}

static int64_t cost_per(int64_t spend, double n)
{
	return n > 1e-9 ? llround((double)spend / n) : MONEY_NONE;
}

static void total_finish(struct plan_total *t)
{
	t->cost_per_application = cost_per(t->spend, t->applications);
	t->cost_per_hire = cost_per(t->spend, t->hires);
	t->total_cost = t->spend + t->screening_cost;
	t->value -= t->total_cost;
}

/* content paid per month: on its channel's total and the plan's */
static void add_content_fixed(const struct campaign *c, struct plan *p)
{
	for (size_t ch = 0; ch < c->n_channels; ch++) {
		int64_t fixed = campaign_content_fixed(c, ch);

		p->channel_totals[ch].spend += fixed;
		p->channel_totals[ch].content_cost += fixed;
		p->total.spend += fixed;
		p->total.content_cost += fixed;
	}
}

/* the objective of a set of exact figures */
static double exact_objective(const struct model *m, const struct plan *p)
{
	double alpha = m->o->short_term_weight;

	switch (m->objective) {
	case OBJ_APPLICATIONS:
		return p->total.applications;
	case OBJ_HIRES:
		return p->total.hires;
	case OBJ_VALUE:
		/* content paid per month is a constant the model leaves out */
		return money_to_major(p->total.value + p->content_fixed,
				      m->c->digits);
	case OBJ_REACH:
		return p->total.reach;
	case OBJ_BLEND:
		return alpha * p->total.applications / m->norm_apps +
		       (1 - alpha) * p->total.reach / m->norm_reach;
	case OBJ_MIN_COST:
		return money_to_major(p->total.spend - p->content_fixed,
				      m->c->digits);
	}
	return 0;
}

/* cell j of the model at its rounded spend, on the exact curve */
static void fill_cell(const struct model *m, size_t j, int64_t spend,
		      double raw, struct plan_cell *pc)
{
	const struct campaign *c = m->c;
	const struct mcell *x = &m->cells[j];
	const struct channel *ch = &c->channels[x->channel];
	struct response_point pt;

	/* a flat cell reaches its readers when the buy is made, even when
	 * its part of a tiny fee rounds to nothing */
	cell_eval(x,
		  x->kind == CELL_FLAT ? raw / m->scale
				       : (double)spend / m->scale,
		  &pt);
	pc->persona = x->persona;
	pc->channel = x->channel;
	pc->spend = spend;
	pc->daily = ch->days > 0 ? spend / ch->days : spend;
	if (spend > 0 && pc->daily < 1)
		pc->daily = 1; /* the least a platform can be given */
	pc->impressions = pt.impressions;
	pc->reach = pt.reach;
	pc->clicks = pt.clicks;
	pc->applications = pt.applications;
	pc->hires = pt.hires;
	pc->paid_clicks = pt.paid_clicks;
	pc->off_target_applications = pt.off_target;
	pc->screening_cost = llround((double)c->screening_cost *
				     (pt.applications + pt.off_target));
	if (c->channels[x->channel].content_unit == CONTENT_SEND)
		pc->content_cost =
			llround((double)c->channels[x->channel].content_cost *
				pt.impressions);
	if (c->channels[x->channel].pricing == PRICING_PER_HIRE) {
		/* bonuses paid after the hire: no daily budget */
		pc->daily = MONEY_NONE;
		pc->expected_payout = spend;
	}
	pc->cost_per_application = cost_per(spend, pt.applications);
	pc->cost_per_hire = cost_per(spend, pt.hires);
	pc->at_frequency_cap = x->cap_is_freq && raw >= x->x_max * m->scale - 1;
	pc->frequency = x->r.reachable > 0 ? x->r.precision * pt.impressions /
						     x->r.reachable
					   : 0;
}

/* the value of a cell's hires, minor units */
static int64_t cell_value(const struct campaign *c, const struct plan_cell *pc)
{
	int64_t vph = c->personas[pc->persona].value_per_hire;

	return vph > 0 ? llround((double)vph * pc->hires) : 0;
}

/*
 * Unique reach: each persona's reach counts a person once, however many
 * of its cells reach them; the campaign's adds the personas up (they
 * are disjoint groups). The cells' sum stays in reach_sum.
 */
static void unique_totals(const struct model *m, struct plan *p,
			  const int64_t *spend, const double *raw)
{
	const struct campaign *c = m->c;
	size_t n = m->n_cells + c->n_personas;
	double *s = xcalloc(n ? n : 1, sizeof(double));
	double *reach = s + m->n_cells;

	for (size_t j = 0; j < m->n_cells; j++) {
		s[j] = (double)spend[j] / m->scale;
		/* a flat buy made reaches a persona whose part rounds to 0 */
		if (m->cells[j].kind == CELL_FLAT && raw[j] > 0)
			s[j] = m->cells[j].r.fee;
	}
	model_unique_reach(m, s, reach);
	p->total.reach_sum = p->total.reach;
	p->total.reach = 0;
	for (size_t i = 0; i < c->n_personas; i++) {
		struct plan_total *t = &p->persona_totals[i];

		t->reach_sum = t->reach;
		t->reach = reach[i];
		p->total.reach += reach[i];
	}
	free(s);
}

/* the largest chord gap of a cell or persona curve, objective units */
static double max_segment_error(const struct model *m)
{
	double err = 0, wr, wm, w = persona_weight(m, m->objective);

	for (size_t j = 0; j < m->n_cells; j++) {
		cell_weights(m, &m->cells[j], m->objective, &wr, &wm);
		err = fmax(err, wr * m->cells[j].chord_err);
	}
	for (size_t i = 0; m->up && i < m->c->n_personas; i++)
		err = fmax(err, w * m->up[i].chord_err);
	return err;
}

/* the cells with spend, their totals and the exact objective */
void plan_extract(struct model *m, struct plan *p)
{
	const struct campaign *c = m->c;
	size_t n = m->n_cells ? m->n_cells : 1;
	double *raw = xcalloc(n, sizeof(double));
	int64_t *spend = xcalloc(n, sizeof(int64_t));

	p->persona_totals = xcalloc(c->n_personas ? c->n_personas : 1,
				    sizeof(struct plan_total));
	p->channel_totals = xcalloc(c->n_channels ? c->n_channels : 1,
				    sizeof(struct plan_total));
	p->cells = xcalloc(n, sizeof(*p->cells));
	for (size_t j = 0; j < m->n_cells; j++) {
		raw[j] = cell_spend_lp(m, &m->cells[j]) * m->scale;
	}
	round_spends(m, raw, spend);
	memset(&p->total, 0, sizeof(p->total));
	for (size_t j = 0; j < m->n_cells; j++) {
		struct plan_cell *pc;
		int64_t value;

		if (spend[j] <= 0 &&
		    !(m->cells[j].kind == CELL_FLAT && raw[j] > 0))
			continue;
		pc = &p->cells[p->n_cells++];
		fill_cell(m, j, spend[j], raw[j], pc);
		value = cell_value(c, pc);
		total_add(&p->total, pc, value);
		total_add(&p->persona_totals[pc->persona], pc, value);
		total_add(&p->channel_totals[pc->channel], pc, value);
	}
	add_content_fixed(c, p);
	unique_totals(m, p, spend, raw);
	total_finish(&p->total);
	for (size_t i = 0; i < c->n_personas; i++)
		total_finish(&p->persona_totals[i]);
	for (size_t i = 0; i < c->n_channels; i++)
		total_finish(&p->channel_totals[i]);
	p->objective_lp = lp_obj_value(m->lp);
	p->objective_value = exact_objective(m, p);
	p->approx_error = p->objective_value - p->objective_lp;
	p->max_segment_error = max_segment_error(m);
	p->marginal = model_row_dual(m, m->row_budget);
	p->marginal_apps = m->objective == OBJ_APPLICATIONS ? p->marginal : NAN;
	free(raw);
	free(spend);
}

int planner_exit_status(enum planner_error e)
{
	switch (e) {
	case PLANNER_OK:
		return JM_OK;
	case PLANNER_NOTHING:
	case PLANNER_BAD_INPUT:
		return JM_DATAERR;
	case PLANNER_TIME_LIMIT:
		return JM_TEMPFAIL;
	case PLANNER_SOLVER_FAILED:
		return JM_SOFTWARE;
	case PLANNER_EXPORT_FAILED:
		return JM_CANTCREAT;
	}
	return JM_SOFTWARE;
}

const char *plan_status_name(enum plan_status s)
{
	static const char *const names[] = {
		[PLAN_OPTIMAL] = "optimal",
		[PLAN_FEASIBLE] = "feasible",
		[PLAN_INFEASIBLE] = "infeasible",
	};

	return (size_t)s < ARRAY_SIZE(names) ? names[s] : "unknown";
}

const char *ceiling_kind_name(enum ceiling_kind k)
{
	static const char *const names[] = {
		[CEILING_NONE] = NULL,
		[CEILING_APPLICATION] = "max_cost_per_application",
		[CEILING_HIRE] = "max_cost_per_hire",
		[CEILING_VALUE_PER_HIRE] = "value_per_hire",
	};

	return (size_t)k < ARRAY_SIZE(names) ? names[k] : NULL;
}

const char *ceiling_result_name(enum ceiling_kind k)
{
	return k == CEILING_APPLICATION ? "application" : "hire";
}

const char *binding_kind_name(enum binding_kind k)
{
	static const char *const names[] = {
		[BIND_BUDGET] = "budget",
		[BIND_CHANNEL_MAX] = "channel_max",
		[BIND_CHANNEL_FLOOR] = "channel_min",
		[BIND_PERSONA_CAP] = "persona_budget_cap",
		[BIND_PERSONA_GOAL] = "persona_goal",
		[BIND_CAMPAIGN_GOAL] = "campaign_goal",
		[BIND_FREQUENCY_CAP] = "frequency_cap",
		[BIND_MIN_DAILY] = "min_daily",
	};

	return (size_t)k < ARRAY_SIZE(names) ? names[k] : "unknown";
}

void plan_release(struct plan *p)
{
	free(p->persona_totals);
	free(p->channel_totals);
	free(p->cells);
	for (size_t i = 0; i < p->n_bindings; i++) {
		free(p->bindings[i].name);
		free(p->bindings[i].text);
	}
	free(p->bindings);
	for (size_t i = 0; i < p->n_notes; i++)
		free(p->notes[i]);
	free(p->notes);
	for (size_t i = 0; i < p->n_reasons; i++)
		free(p->reasons[i]);
	free(p->reasons);
	for (size_t i = 0; i < p->n_frontier; i++)
		free(p->frontier[i].step);
	free(p->frontier);
	free(p->frontier_spend);
	if (p->best_effort) {
		plan_release(p->best_effort);
		free(p->best_effort);
	}
	memset(p, 0, sizeof(*p));
}
