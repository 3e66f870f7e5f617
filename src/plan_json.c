/*
 * The JSON plan, built with cJSON. Its shape is documented in
 * docs/plan-json.md and versioned by the "jobmix_plan" member; later
 * commands (push, replan) read it back.
 */
#include "plan_json.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "diag.h"
#include "explain.h"
#include "money.h"
#include "planner.h"
#include "strbuf.h"
#include "wrapper.h"

static void add_money(cJSON *o, const char *key, int64_t v)
{
	if (v == MONEY_NONE)
		cJSON_AddNullToObject(o, key);
	else
		cJSON_AddNumberToObject(o, key, (double)v);
}

/* a figure to 10 significant digits, so output is stable and short */
static void add_num(cJSON *o, const char *key, double v)
{
	char buf[32];

	if (!isfinite(v)) {
		cJSON_AddNullToObject(o, key);
		return;
	}
	snprintf(buf, sizeof(buf), "%.10g", v);
	cJSON_AddNumberToObject(o, key, strtod(buf, NULL));
}

static void add_total(cJSON *o, const struct plan_total *t)
{
	add_money(o, "spend", t->spend);
	add_num(o, "impressions", t->impressions);
	add_num(o, "reach", t->reach);
	add_num(o, "clicks", t->clicks);
	add_num(o, "applications", t->applications);
	add_num(o, "hires", t->hires);
	add_money(o, "cost_per_application", t->cost_per_application);
	add_money(o, "cost_per_hire", t->cost_per_hire);
}

void plan_write_json(struct strbuf *sb, const struct campaign *c,
		     const struct plan *p)
{
	cJSON *root = cJSON_CreateObject(), *o, *a, *e;
	struct strbuf text = STRBUF_INIT;
	char *out;

	cJSON_AddNumberToObject(root, "jobmix_plan", 1);
	o = cJSON_AddObjectToObject(root, "campaign");
	cJSON_AddStringToObject(o, "name", c->name);
	if (c->client)
		cJSON_AddStringToObject(o, "client", c->client);
	cJSON_AddStringToObject(o, "start", c->start);
	cJSON_AddStringToObject(o, "end", c->end);
	cJSON_AddNumberToObject(o, "days", c->days);
	cJSON_AddStringToObject(root, "currency", c->currency);
	cJSON_AddNumberToObject(root, "minor_digits", c->digits);
	add_money(root, "budget", p->budget);
	cJSON_AddStringToObject(root, "objective",
				objective_name(p->objective));
	cJSON_AddStringToObject(root, "objective_unit", p->objective_unit);
	if (p->objective == OBJ_BLEND) {
		o = cJSON_AddObjectToObject(root, "blend");
		add_num(o, "short_term_weight", p->short_term_weight);
		add_num(o, "best_applications", p->blend_apps_norm);
		add_num(o, "best_reach", p->blend_reach_norm);
	}
	cJSON_AddStringToObject(root, "status", plan_status_name(p->status));
	o = cJSON_AddObjectToObject(root, "solver");
	cJSON_AddStringToObject(o, "model", p->is_mip ? "mip" : "lp");
	cJSON_AddStringToObject(o, "method",
				p->is_mip ? "branch and cut (glp_intopt) on "
					    "dual simplex, long-step ratio test"
					  : "dual simplex, long-step ratio "
					    "test");
	cJSON_AddNumberToObject(o, "rows", (double)p->n_rows);
	cJSON_AddNumberToObject(o, "columns", (double)p->n_cols);
	cJSON_AddNumberToObject(o, "nonzeros", (double)p->n_nonzeros);
	cJSON_AddNumberToObject(o, "binaries", (double)p->n_binaries);
	cJSON_AddNumberToObject(o, "segments", p->segments);

	if (p->status == PLAN_INFEASIBLE) {
		o = cJSON_AddObjectToObject(root, "infeasible");
		a = cJSON_AddArrayToObject(o, "reasons");
		for (size_t i = 0; i < p->n_reasons; i++)
			cJSON_AddItemToArray(a,
					     cJSON_CreateString(p->reasons[i]));
		add_money(o, "least_budget", p->least_budget);
	} else {
		add_num(root, "objective_value", p->objective_value);
		o = cJSON_AddObjectToObject(root, "approximation");
		add_num(o, "objective_lp", p->objective_lp);
		add_num(o, "objective_exact", p->objective_value);
		add_num(o, "difference", p->approx_error);
		add_num(o, "relative",
			fabs(p->objective_value) > 1e-12
				? p->approx_error / fabs(p->objective_value)
				: 0);
		add_num(o, "max_segment_error", p->max_segment_error);
		o = cJSON_AddObjectToObject(root, "totals");
		add_total(o, &p->total);
		add_money(o, "value", p->total.value);
		o = cJSON_AddObjectToObject(root, "marginal");
		add_money(o, "per", 1000 * money_scale(c->digits));
		add_num(o, "objective", p->marginal * 1000);
		cJSON_AddStringToObject(o, "unit", p->objective_unit);
		explain_marginal(&text, c, p);
		cJSON_AddStringToObject(o, "text", text.buf);
	}

	a = cJSON_AddArrayToObject(root, "cells");
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct plan_cell *pc = &p->cells[i];
		const struct channel *ch = &c->channels[pc->channel];

		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "persona",
					c->personas[pc->persona].id);
		cJSON_AddStringToObject(e, "channel", ch->id);
		cJSON_AddStringToObject(e, "platform",
					platform_name(ch->platform));
		cJSON_AddStringToObject(e, "pricing",
					pricing_name(ch->pricing));
		add_money(e, "spend", pc->spend);
		add_money(e, "daily_budget", pc->daily);
		add_num(e, "impressions", pc->impressions);
		add_num(e, "reach", pc->reach);
		add_num(e, "frequency", pc->frequency);
		add_num(e, "clicks", pc->clicks);
		add_num(e, "applications", pc->applications);
		add_num(e, "hires", pc->hires);
		add_money(e, "cost_per_application", pc->cost_per_application);
		add_money(e, "cost_per_hire", pc->cost_per_hire);
		cJSON_AddBoolToObject(e, "at_frequency_cap",
				      pc->at_frequency_cap);
		cJSON_AddItemToArray(a, e);
	}
	if (p->persona_totals) {
		a = cJSON_AddArrayToObject(root, "personas");
		for (size_t i = 0; i < c->n_personas; i++) {
			const struct persona *pe = &c->personas[i];

			e = cJSON_CreateObject();
			cJSON_AddStringToObject(e, "id", pe->id);
			cJSON_AddStringToObject(e, "name", pe->name);
			add_total(e, &p->persona_totals[i]);
			if (pe->goal_applications > 0)
				add_num(e, "goal_applications",
					pe->goal_applications);
			if (pe->goal_hires > 0)
				add_num(e, "goal_hires", pe->goal_hires);
			cJSON_AddItemToArray(a, e);
		}
		a = cJSON_AddArrayToObject(root, "channels");
		for (size_t i = 0; i < c->n_channels; i++) {
			if (p->channel_totals[i].spend <= 0)
				continue;
			e = cJSON_CreateObject();
			cJSON_AddStringToObject(e, "id", c->channels[i].id);
			cJSON_AddStringToObject(e, "name", c->channels[i].name);
			add_total(e, &p->channel_totals[i]);
			add_num(e, "share_of_spend",
				p->total.spend > 0
					? (double)p->channel_totals[i].spend /
						  (double)p->total.spend
					: 0);
			cJSON_AddItemToArray(a, e);
		}
	}
	a = cJSON_AddArrayToObject(root, "binding");
	for (size_t i = 0; i < p->n_bindings; i++) {
		const struct plan_binding *b = &p->bindings[i];

		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "kind", binding_kind_name(b->kind));
		cJSON_AddStringToObject(e, "name", b->name);
		cJSON_AddStringToObject(e, "text", b->text);
		add_num(e, "dual", b->dual);
		add_num(e, "cost", b->cost);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(root, "notes");
	for (size_t i = 0; i < p->n_notes; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(p->notes[i]));
	if (p->n_frontier) {
		a = cJSON_AddArrayToObject(root, "frontier");
		for (size_t i = 0; i < p->n_frontier; i++) {
			const struct frontier_point *f = &p->frontier[i];

			e = cJSON_CreateObject();
			add_money(e, "budget", f->budget);
			cJSON_AddBoolToObject(e, "feasible", f->feasible);
			if (f->feasible) {
				add_money(e, "spend", f->spend);
				add_num(e, "objective", f->objective);
				add_num(e, "applications", f->applications);
				add_num(e, "hires", f->hires);
				add_num(e, "reach", f->reach);
				add_num(e, "marginal_per_1000", f->marginal);
			}
			cJSON_AddItemToArray(a, e);
		}
	}
	out = cJSON_Print(root);
	if (!out)
		die("out of memory printing the plan");
	strbuf_addstr(sb, out);
	strbuf_addch(sb, '\n');
	cJSON_free(out);
	cJSON_Delete(root);
	strbuf_release(&text);
}
