/*
 * The JSON plan, streamed through json.c's writer: no tree, each number
 * formatted once. Its shape is documented in docs/plan-json.md and
 * versioned by the "jobmix_plan" member; later commands (push, replan)
 * read it back. At a million columns this runs once per cell, so it
 * stays a straight line of writes.
 */
#include "plan_json.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "campaign.h"
#include "explain.h"
#include "json.h"
#include "money.h"
#include "plan_text.h"
#include "planner.h"
#include "strbuf.h"

static void put_str(struct json_writer *w, const char *key, const char *v)
{
	json_key(w, key);
	json_string(w, v);
}

static void put_int(struct json_writer *w, const char *key, int64_t v)
{
	json_key(w, key);
	json_int(w, v);
}

/* an amount in minor units; MONEY_NONE is null */
static void put_money(struct json_writer *w, const char *key, int64_t v)
{
	json_key(w, key);
	if (v == MONEY_NONE)
		json_null(w);
	else
		json_int(w, v);
}

static void put_num(struct json_writer *w, const char *key, double v)
{
	json_key(w, key);
	json_number(w, v);
}

static void put_bool(struct json_writer *w, const char *key, bool v)
{
	json_key(w, key);
	json_bool(w, v);
}

/* the members of a struct plan_total, without value */
static void put_total(struct json_writer *w, const struct plan_total *t)
{
	put_money(w, "spend", t->spend);
	put_num(w, "impressions", t->impressions);
	put_num(w, "reach", t->reach);
	put_num(w, "clicks", t->clicks);
	put_num(w, "applications", t->applications);
	put_num(w, "hires", t->hires);
	put_money(w, "cost_per_application", t->cost_per_application);
	put_money(w, "cost_per_hire", t->cost_per_hire);
	put_num(w, "paid_clicks", t->paid_clicks);
	put_num(w, "persona_clicks", t->clicks);
	put_num(w, "off_target_applications", t->off_target_applications);
	put_money(w, "content_cost", t->content_cost);
	put_money(w, "expected_payouts", t->expected_payouts);
	put_money(w, "screening_cost", t->screening_cost);
	put_money(w, "total_cost", t->total_cost);
}

static void put_strings(struct json_writer *w, const char *key, char *const *s,
			size_t n)
{
	json_key(w, key);
	json_array_begin(w);
	for (size_t i = 0; i < n; i++)
		json_string(w, s[i]);
	json_array_end(w);
}

static void write_head(struct json_writer *w, const struct campaign *c,
		       const struct plan *p)
{
	put_int(w, "jobmix_plan", 1);
	json_key(w, "campaign");
	json_object_begin(w);
	put_str(w, "name", c->name);
	if (c->client)
		put_str(w, "client", c->client);
	put_str(w, "start", c->start);
	put_str(w, "end", c->end);
	put_int(w, "days", c->days);
	json_object_end(w);
	put_str(w, "currency", c->currency);
	put_int(w, "minor_digits", c->digits);
	put_money(w, "budget", p->budget);
	put_bool(w, "referral_in_budget", !c->referral_outside_budget);
	put_money(w, "screening_cost_per_application", c->screening_cost);
	put_str(w, "objective", objective_name(p->objective));
	put_str(w, "objective_unit", p->objective_unit);
	if (p->objective == OBJ_BLEND) {
		json_key(w, "blend");
		json_object_begin(w);
		put_num(w, "short_term_weight", p->short_term_weight);
		put_num(w, "best_applications", p->blend_apps_norm);
		put_num(w, "best_reach", p->blend_reach_norm);
		json_object_end(w);
	}
	put_str(w, "status", plan_status_name(p->status));
}

static void write_solver(struct json_writer *w, const struct plan *p)
{
	json_key(w, "solver");
	json_object_begin(w);
	put_str(w, "model", p->is_mip ? "mip" : "lp");
	put_str(w, "method",
		p->is_mip ? "branch and cut (glp_intopt) on dual simplex, "
			    "long-step ratio test"
			  : "dual simplex, long-step ratio test");
	put_int(w, "rows", (int64_t)p->n_rows);
	put_int(w, "columns", (int64_t)p->n_cols);
	put_int(w, "nonzeros", (int64_t)p->n_nonzeros);
	put_int(w, "binaries", (int64_t)p->n_binaries);
	put_int(w, "segments", p->segments);
	put_num(w, "money_unit", p->money_unit);
	put_num(w, "objective_scale", p->objective_scale);
	put_num(w, "export_objective", p->export_objective);
	json_object_end(w);
}

static void write_infeasible(struct json_writer *w, const struct plan *p)
{
	json_key(w, "infeasible");
	json_object_begin(w);
	put_strings(w, "reasons", p->reasons, p->n_reasons);
	put_money(w, "least_budget", p->least_budget);
	json_object_end(w);
}

/* where extra money stops paying; null when no ceiling says */
static void write_efficient(struct json_writer *w, const struct campaign *c,
			    const struct plan *p)
{
	const struct plan_efficient *e = &p->efficient;
	struct strbuf text = STRBUF_INIT;

	json_key(w, "efficient_budget");
	if (e->kind == CEILING_NONE) {
		json_null(w);
		return;
	}
	json_object_begin(w);
	put_money(w, "budget", e->budget);
	put_total(w, &e->total);
	put_money(w, "value", e->total.value);
	put_money(w, "ceiling", e->ceiling);
	put_str(w, "ceiling_kind", ceiling_kind_name(e->kind));
	put_str(w, "per", ceiling_result_name(e->kind));
	put_bool(w, "per_persona", e->per_persona);
	put_money(w, "marginal_cost", e->marginal_cost);
	put_bool(w, "budget_above", p->budget > e->budget);
	explain_efficient(&text, c, p);
	put_str(w, "text", text.buf);
	json_object_end(w);
	strbuf_release(&text);
}

/* objective, approximation, totals and marginal of a feasible plan */
static void write_outcome(struct json_writer *w, const struct campaign *c,
			  const struct plan *p)
{
	struct strbuf text = STRBUF_INIT;
	double v = p->objective_value;

	put_num(w, "objective_value", v);
	json_key(w, "approximation");
	json_object_begin(w);
	put_num(w, "objective_lp", p->objective_lp);
	put_num(w, "objective_exact", v);
	put_num(w, "difference", p->approx_error);
	put_num(w, "relative", fabs(v) > 1e-12 ? p->approx_error / fabs(v) : 0);
	put_num(w, "max_segment_error", p->max_segment_error);
	put_num(w, "bound_exact", p->bound_exact);
	put_num(w, "bound_other", p->bound_other);
	put_num(w, "gap",
		fabs(p->bound_other - p->bound_exact) /
			fmax(1, fabs(p->bound_exact)));
	put_int(w, "refinements", p->refinements);
	put_int(w, "breakpoints_added", p->breakpoints_added);
	json_object_end(w);
	json_key(w, "totals");
	json_object_begin(w);
	put_total(w, &p->total);
	put_money(w, "value", p->total.value);
	put_num(w, "reach_sum", p->total.reach_sum);
	json_object_end(w);
	json_key(w, "marginal");
	json_object_begin(w);
	put_money(w, "per", 1000 * money_scale(c->digits));
	put_num(w, "objective", p->marginal * 1000);
	put_str(w, "unit", p->objective_unit);
	explain_marginal(&text, c, p);
	put_str(w, "text", text.buf);
	json_object_end(w);
	strbuf_release(&text);
	write_efficient(w, c, p);
}

static void write_cell(struct json_writer *w, const struct campaign *c,
		       const struct plan_cell *pc)
{
	const struct channel *ch = &c->channels[pc->channel];

	json_object_begin(w);
	put_str(w, "persona", c->personas[pc->persona].id);
	put_str(w, "channel", ch->id);
	put_str(w, "platform", platform_name(ch->platform));
	put_str(w, "pricing", pricing_name(ch->pricing));
	put_money(w, "spend", pc->spend);
	put_money(w, "daily_budget", pc->daily);
	put_num(w, "impressions", pc->impressions);
	put_num(w, "reach", pc->reach);
	put_num(w, "frequency", pc->frequency);
	put_num(w, "clicks", pc->clicks);
	put_num(w, "applications", pc->applications);
	put_num(w, "hires", pc->hires);
	put_money(w, "cost_per_application", pc->cost_per_application);
	put_money(w, "cost_per_hire", pc->cost_per_hire);
	put_bool(w, "at_frequency_cap", pc->at_frequency_cap);
	put_num(w, "paid_clicks", pc->paid_clicks);
	put_num(w, "persona_clicks", pc->clicks);
	put_num(w, "off_target_applications", pc->off_target_applications);
	put_money(w, "content_cost", pc->content_cost);
	put_money(w, "expected_payout",
		  ch->pricing == PRICING_PER_HIRE ? pc->expected_payout
						  : MONEY_NONE);
	put_money(w, "screening_cost", pc->screening_cost);
	json_object_end(w);
}

static void write_personas(struct json_writer *w, const struct campaign *c,
			   const struct plan *p)
{
	json_key(w, "personas");
	json_array_begin(w);
	for (size_t i = 0; i < c->n_personas; i++) {
		const struct persona *pe = &c->personas[i];

		json_object_begin(w);
		put_str(w, "id", pe->id);
		put_str(w, "name", pe->name);
		put_total(w, &p->persona_totals[i]);
		put_num(w, "reach_sum", p->persona_totals[i].reach_sum);
		if (pe->goal_applications > 0)
			put_num(w, "goal_applications", pe->goal_applications);
		if (pe->goal_hires > 0)
			put_num(w, "goal_hires", pe->goal_hires);
		json_object_end(w);
	}
	json_array_end(w);
}

/* channel ch's own dates, its ad set and whether its buy is shared */
static void write_flight(struct json_writer *w, const struct campaign *c,
			 const struct plan *p, size_t ch)
{
	const struct channel *chan = &c->channels[ch];
	bool flat = chan->pricing == PRICING_FLAT;
	int64_t n = 0;

	for (size_t k = 0; k < p->n_cells; k++)
		n += p->cells[k].channel == ch;
	put_str(w, "start", chan->start);
	put_str(w, "end", chan->end);
	put_int(w, "days", chan->days);
	put_str(w, "ad_set", chan->shared_ad_set ? "shared" : "persona");
	put_bool(w, "shared_buy", flat);
	if (flat)
		put_int(w, "shared_by", n);
}

static void write_channels(struct json_writer *w, const struct campaign *c,
			   const struct plan *p)
{
	json_key(w, "channels");
	json_array_begin(w);
	for (size_t i = 0; i < c->n_channels; i++) {
		const struct plan_total *t = &p->channel_totals[i];

		if (t->spend <= 0)
			continue;
		json_object_begin(w);
		put_str(w, "id", c->channels[i].id);
		put_str(w, "name", c->channels[i].name);
		put_total(w, t);
		put_num(w, "share_of_spend",
			p->total.spend > 0
				? (double)t->spend / (double)p->total.spend
				: 0);
		write_flight(w, c, p, i);
		json_object_end(w);
	}
	json_array_end(w);
}

static void write_bindings(struct json_writer *w, const struct plan *p)
{
	json_key(w, "binding");
	json_array_begin(w);
	for (size_t i = 0; i < p->n_bindings; i++) {
		const struct plan_binding *b = &p->bindings[i];

		json_object_begin(w);
		put_str(w, "kind", binding_kind_name(b->kind));
		put_str(w, "name", b->name);
		put_str(w, "text", b->text);
		put_num(w, "dual", b->dual);
		put_num(w, "cost", b->cost);
		json_object_end(w);
	}
	json_array_end(w);
}

static void write_goals(struct json_writer *w, const struct campaign *c,
			const struct plan *b)
{
	size_t n = explain_goal_count(c);

	json_key(w, "goals");
	json_array_begin(w);
	for (size_t i = 0; i < n; i++) {
		struct explain_goal g;

		explain_goal_at(c, b, i, &g);
		json_object_begin(w);
		json_key(w, "persona");
		if (g.persona == SIZE_MAX)
			json_null(w);
		else
			json_string(w, c->personas[g.persona].id);
		put_str(w, "goal", g.hires ? "hires" : "applications");
		put_num(w, "target", g.target);
		put_num(w, "expected", g.expected);
		put_num(w, "fraction", g.expected / g.target);
		json_object_end(w);
	}
	json_array_end(w);
}

/* an infeasible plan's best plan at its budget, apart from its cells */
static void write_best_effort(struct json_writer *w, const struct campaign *c,
			      const struct plan *p)
{
	const struct plan *b = p->best_effort;
	struct strbuf text = STRBUF_INIT;

	json_key(w, "best_effort");
	json_object_begin(w);
	put_num(w, "fraction", p->best_fraction);
	explain_best_effort(&text, c, b, p->best_fraction);
	put_str(w, "text", text.buf);
	write_goals(w, c, b);
	put_num(w, "objective_value", b->objective_value);
	json_key(w, "totals");
	json_object_begin(w);
	put_total(w, &b->total);
	put_money(w, "value", b->total.value);
	json_object_end(w);
	json_key(w, "cells");
	json_array_begin(w);
	for (size_t i = 0; i < b->n_cells; i++)
		write_cell(w, c, &b->cells[i]);
	json_array_end(w);
	write_personas(w, c, b);
	write_channels(w, c, b);
	json_object_end(w);
	strbuf_release(&text);
}

/* the point's spend per channel that gets money anywhere on the frontier */
static void write_frontier_channels(struct json_writer *w,
				    const struct campaign *c,
				    const struct plan *p, size_t i)
{
	size_t nch = c->n_channels;

	json_key(w, "channels");
	json_object_begin(w);
	for (size_t ch = 0; ch < nch; ch++)
		if (plan_text_frontier_uses(c, p, ch))
			put_money(w, c->channels[ch].id,
				  p->frontier_spend[i * nch + ch]);
	json_object_end(w);
}

static void write_frontier(struct json_writer *w, const struct campaign *c,
			   const struct plan *p)
{
	json_key(w, "frontier");
	json_array_begin(w);
	for (size_t i = 0; i < p->n_frontier; i++) {
		const struct frontier_point *f = &p->frontier[i];

		json_object_begin(w);
		put_money(w, "budget", f->budget);
		put_bool(w, "feasible", f->feasible);
		if (f->feasible) {
			put_money(w, "spend", f->spend);
			put_num(w, "objective", f->objective);
			put_num(w, "applications", f->applications);
			put_num(w, "hires", f->hires);
			put_num(w, "reach", f->reach);
			put_num(w, "marginal_per_1000", f->marginal);
			if (f->step)
				put_str(w, "step", f->step);
			if (p->frontier_spend)
				write_frontier_channels(w, c, p, i);
		}
		json_object_end(w);
	}
	json_array_end(w);
}

static void put_strlist(struct json_writer *w, const char *key,
			const struct strlist *l)
{
	put_strings(w, key, l->item, l->n);
}

static void put_places(struct json_writer *w, const char *key,
		       const struct location *l, size_t n)
{
	json_key(w, key);
	json_array_begin(w);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(w);
		put_str(w, "city", l[i].city);
		put_str(w, "country", l[i].country);
		put_num(w, "radius_km", l[i].radius_km);
		json_object_end(w);
	}
	json_array_end(w);
}

/* the persona's "jobs" rules, as docs/inputs.md 1.4 has them */
static void put_jobs(struct json_writer *w, const struct job_rules *r)
{
	json_key(w, "jobs");
	json_object_begin(w);
	put_strlist(w, "categories", &r->categories);
	put_strlist(w, "title_keywords", &r->title_keywords);
	put_strlist(w, "references", &r->references);
	json_object_end(w);
}

/* the persona's "targeting" object; members not given are left out */
static void put_targeting(struct json_writer *w,
			  const struct persona_targeting *t)
{
	json_key(w, "targeting");
	json_object_begin(w);
	if (t->age_min)
		put_int(w, "age_min", t->age_min);
	if (t->age_max)
		put_int(w, "age_max", t->age_max);
	if (t->genders.n)
		put_strlist(w, "genders", &t->genders);
	if (t->postal_codes.n)
		put_strlist(w, "postal_codes", &t->postal_codes);
	if (t->n_exclude)
		put_places(w, "exclude_locations", t->exclude, t->n_exclude);
	if (t->exclude_interests.n)
		put_strlist(w, "exclude_interests", &t->exclude_interests);
	if (t->lookalike)
		put_str(w, "lookalike", t->lookalike);
	json_object_end(w);
}

/*
 * What ads and push need of the audience, so that an approved plan
 * file is all they read besides the job feed (planfile.h).
 */
static void write_audience(struct json_writer *w, const struct campaign *c)
{
	json_key(w, "audience");
	json_object_begin(w);
	put_str(w, "proposition", c->proposition);
	if (c->n_fx) {
		json_key(w, "fx");
		json_object_begin(w);
		for (size_t i = 0; i < c->n_fx; i++) {
			json_key(w, c->fx[i].currency);
			json_number(w, strtod(c->fx[i].rate, NULL));
		}
		json_object_end(w);
	}
	json_key(w, "personas");
	json_array_begin(w);
	for (size_t i = 0; i < c->n_personas; i++) {
		const struct persona *pe = &c->personas[i];

		json_object_begin(w);
		put_str(w, "id", pe->id);
		put_str(w, "name", pe->name);
		put_int(w, "size", pe->size);
		put_str(w, "hook", pe->hook);
		put_places(w, "locations", pe->locations, pe->n_locations);
		put_strlist(w, "interests", &pe->interests);
		put_strlist(w, "job_titles", &pe->job_titles);
		put_strlist(w, "skills", &pe->skills);
		put_strlist(w, "languages", &pe->languages);
		put_strlist(w, "education", &pe->education);
		put_jobs(w, &pe->jobs);
		put_targeting(w, &pe->targeting);
		json_object_end(w);
	}
	json_array_end(w);
	json_object_end(w);
}

void plan_write_json(struct strbuf *sb, const struct campaign *c,
		     const struct plan *p)
{
	struct json_writer w;

	json_writer_init(&w, sb, true);
	json_object_begin(&w);
	write_head(&w, c, p);
	write_solver(&w, p);
	if (p->status == PLAN_INFEASIBLE) {
		write_infeasible(&w, p);
		if (p->best_effort)
			write_best_effort(&w, c, p);
	} else
		write_outcome(&w, c, p);
	json_key(&w, "cells");
	json_array_begin(&w);
	for (size_t i = 0; i < p->n_cells; i++)
		write_cell(&w, c, &p->cells[i]);
	json_array_end(&w);
	if (p->persona_totals) {
		write_personas(&w, c, p);
		write_channels(&w, c, p);
	}
	write_bindings(&w, p);
	put_strings(&w, "notes", p->notes, p->n_notes);
	if (p->n_frontier)
		write_frontier(&w, c, p);
	write_audience(&w, c);
	json_object_end(&w);
	strbuf_addch(sb, '\n');
}
