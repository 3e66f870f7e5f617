/*
 * The plan as a table for the terminal, the answer first: the header,
 * what the money buys, the totals per channel and per persona with the
 * goals, the marginal value of budget, then the cells (grouped by
 * persona), the binding constraints and the notes. What the solver did
 * comes last and only at -v. Every table is a text_table (plan_text.h),
 * so columns fit their figures and a table wider than PLAN_TEXT_WIDTH
 * is split into blocks; every sentence is wrapped to that width.
 */
#include "plan_table.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "explain.h"
#include "money.h"
#include "plan_text.h"
#include "planner.h"
#include "strbuf.h"
#include "usage.h"
#include "wrapper.h"

#define W PLAN_TEXT_WIDTH

/* whole major units as the next cell; MONEY_NONE: "-" */
static void cell_whole(struct text_table *t, const struct campaign *c,
		       int64_t minor)
{
	struct strbuf tmp = STRBUF_INIT;

	plan_text_whole(&tmp, c, minor);
	text_table_add(t, tmp.buf);
	strbuf_release(&tmp);
}

static void cell_num(struct text_table *t, double v, int decimals)
{
	struct strbuf tmp = STRBUF_INIT;

	plan_text_num(&tmp, v, decimals);
	text_table_add(t, tmp.buf);
	strbuf_release(&tmp);
}

static void cell_cur(struct text_table *t, const char *what,
		     const struct campaign *c)
{
	struct strbuf tmp = STRBUF_INIT;

	strbuf_addf(&tmp, "%s %s", what, c->currency);
	text_table_add(t, tmp.buf);
	strbuf_release(&tmp);
}

/* "Plan: name for client, start to end (n days), budget X", on two
 * lines when one would be wider than the table */
static void table_head(struct strbuf *sb, const struct campaign *c,
		       const struct plan *p)
{
	struct strbuf who = STRBUF_INIT, when = STRBUF_INIT;

	strbuf_addf(&who, "Plan: %s", c->name);
	if (c->client)
		strbuf_addf(&who, " for %s", c->client);
	strbuf_addf(&when, "%s to %s (%d days), budget ", c->start, c->end,
		    c->days);
	plan_text_amount(&when, c, p->budget);
	if (plan_text_width(who.buf) + 2 + plan_text_width(when.buf) <= W)
		strbuf_addf(sb, "%s, %s\n", who.buf, when.buf);
	else
		strbuf_addf(sb, "%s\n%s\n", who.buf, when.buf);
	strbuf_release(&who);
	strbuf_release(&when);
}

static void table_summary(struct strbuf *sb, const struct campaign *c,
			  const struct plan *p)
{
	struct strbuf s = STRBUF_INIT;

	plan_text_summary(&s, c, p);
	plan_text_wrap(sb, "", s.buf, 2, W);
	strbuf_release(&s);
}

static void cell_daily(struct text_table *t, const struct campaign *c,
		       int64_t minor)
{
	struct strbuf tmp = STRBUF_INIT;

	plan_text_daily_whole(&tmp, c, minor);
	text_table_add(t, tmp.buf);
	strbuf_release(&tmp);
}

/* spend, daily, applications, hires, cost per application */
static void total_cells(struct text_table *t, const struct campaign *c,
			const struct plan_total *pt, int64_t daily)
{
	cell_whole(t, c, pt->spend);
	cell_daily(t, c, daily);
	cell_num(t, pt->applications, 1);
	cell_num(t, pt->hires, 2);
	cell_whole(t, c, pt->cost_per_application);
}

/* paid clicks and off-target applications: what the channel brings in */
static void funnel_cells(struct text_table *t, const struct plan_total *pt)
{
	cell_num(t, pt->paid_clicks, 0);
	cell_num(t, pt->off_target_applications, 1);
}

static void table_channels(struct strbuf *sb, const struct campaign *c,
			   const struct plan *p)
{
	struct text_table t = TEXT_TABLE_INIT(8, "lrrrrrrr");

	text_table_add(&t, "channel");
	cell_cur(&t, "spend", c);
	cell_cur(&t, "daily", c);
	text_table_add(&t, "apps");
	text_table_add(&t, "hires");
	text_table_add(&t, "cost/app");
	text_table_add(&t, "paid clicks");
	text_table_add(&t, "off-target apps");
	for (size_t ch = 0; ch < c->n_channels; ch++) {
		if (p->channel_totals[ch].spend <= 0)
			continue;
		text_table_add(&t, c->channels[ch].id);
		total_cells(&t, c, &p->channel_totals[ch],
			    plan_text_daily(p, 1, ch));
		funnel_cells(&t, &p->channel_totals[ch]);
	}
	text_table_add(&t, "total");
	total_cells(&t, c, &p->total, plan_text_daily(p, 1, (size_t)-1));
	funnel_cells(&t, &p->total);
	strbuf_addch(sb, '\n');
	text_table_write(sb, &t, W);
	text_table_release(&t);
}

/* the goal cells of one row: a goal, or "" when there is none */
static void goal_cell(struct text_table *t, double goal, double got,
		      int decimals, const char *noun)
{
	struct strbuf tmp = STRBUF_INIT;

	if (goal > 0)
		plan_text_goal(&tmp, goal, got, decimals, noun);
	text_table_add(t, strbuf_str(&tmp));
	strbuf_release(&tmp);
}

/* a row's goals: on the row, and a second on a row of its own */
static void goal_cells(struct text_table *t, double apps_goal, double apps,
		       double hires_goal, double hires)
{
	if (apps_goal > 0 && hires_goal > 0) {
		goal_cell(t, apps_goal, apps, 1, "applications");
		for (int i = 0; i < 7; i++)
			text_table_add(t, "");
		goal_cell(t, hires_goal, hires, 2, "hires");
	} else if (apps_goal > 0) {
		goal_cell(t, apps_goal, apps, 1, "applications");
	} else {
		goal_cell(t, hires_goal, hires, 2, "hires");
	}
}

static void table_personas(struct strbuf *sb, const struct campaign *c,
			   const struct plan *p)
{
	int goals = campaign_has_goal(c);
	struct text_table t = TEXT_TABLE_INIT(goals ? 8 : 7, "lrrrrrrl");

	text_table_add(&t, "persona");
	cell_cur(&t, "spend", c);
	cell_cur(&t, "daily", c);
	text_table_add(&t, "apps");
	text_table_add(&t, "hires");
	text_table_add(&t, "cost/app");
	text_table_add(&t, "reach");
	if (goals)
		text_table_add(&t, "goal");
	for (size_t i = 0; i < c->n_personas; i++) {
		const struct persona *pe = &c->personas[i];
		const struct plan_total *pt = &p->persona_totals[i];

		text_table_add(&t, pe->id);
		total_cells(&t, c, pt, plan_text_daily(p, 0, i));
		cell_num(&t, pt->reach, 0);
		if (goals)
			goal_cells(&t, pe->goal_applications, pt->applications,
				   pe->goal_hires, pt->hires);
	}
	text_table_add(&t, "total");
	total_cells(&t, c, &p->total, plan_text_daily(p, 0, (size_t)-1));
	cell_num(&t, p->total.reach, 0);
	if (goals)
		goal_cells(&t, c->goal_applications, p->total.applications,
			   c->goal_hires, p->total.hires);
	strbuf_addch(sb, '\n');
	text_table_write(sb, &t, W);
	plan_text_wrap(sb, "", PLAN_TEXT_UNIQUE_REACH, 1, W);
	text_table_release(&t);
}

static void cell_figures(struct text_table *t, const struct campaign *c,
			 const struct plan_total *pt, int64_t daily)
{
	cell_whole(t, c, pt->spend);
	if (daily == MONEY_NONE)
		text_table_add(t, "");
	else
		cell_daily(t, c, daily);
	cell_num(t, pt->impressions, 0);
	cell_num(t, pt->reach, 0);
	cell_num(t, pt->clicks, 0);
	cell_num(t, pt->applications, 1);
	cell_num(t, pt->hires, 2);
	cell_whole(t, c, pt->cost_per_application);
	cell_whole(t, c, pt->cost_per_hire);
}

static void cells_header(struct text_table *t, const struct campaign *c)
{
	static const char *const names[] = { "impressions", "reach", "clicks",
					     "apps",        "hires", "CPA",
					     "CPH" };

	text_table_add(t, "persona / channel");
	cell_cur(t, "spend", c);
	text_table_add(t, "daily");
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		text_table_add(t, names[i]);
}

/* the cells, a persona's under its name */
static void table_cells(struct strbuf *sb, const struct campaign *c,
			const struct plan *p)
{
	struct text_table t = TEXT_TABLE_INIT(10, "lrrrrrrrrr");
	struct strbuf where = STRBUF_INIT;

	cells_header(&t, c);
	for (size_t i = 0; i < c->n_personas; i++) {
		int named = 0;

		for (size_t k = 0; k < p->n_cells; k++) {
			const struct plan_cell *pc = &p->cells[k];
			struct plan_total pt;

			if (pc->persona != i)
				continue;
			if (!named++) {
				text_table_add(&t, c->personas[i].id);
				for (int j = 1; j < 10; j++)
					text_table_add(&t, "");
			}
			strbuf_reset(&where);
			strbuf_addf(&where, "  %s%s",
				    c->channels[pc->channel].id,
				    pc->at_frequency_cap ? "*" : "");
			text_table_add(&t, where.buf);
			plan_cell_total(pc, &pt);
			cell_figures(&t, c, &pt, pc->daily);
		}
	}
	text_table_add(&t, "total");
	cell_figures(&t, c, &p->total, MONEY_NONE);
	strbuf_addch(sb, '\n');
	text_table_write(sb, &t, W);
	plan_text_wrap(sb, "",
		       "(* at its frequency cap; a cell's reach is its "
		       "channel's, the total counts each person once; clicks "
		       "are the persona's, apps the qualified applications)",
		       1, W);
	text_table_release(&t);
	strbuf_release(&where);
}

/* "\ntitle:\n" and one wrapped "  - " item each; nothing if none */
static void table_list(struct strbuf *sb, const char *title,
		       const char *const *items, size_t n)
{
	if (!n)
		return;
	strbuf_addf(sb, "\n%s:\n", title);
	for (size_t i = 0; i < n; i++)
		plan_text_wrap(sb, "  - ", items[i], 4, W);
}

static void table_marginal(struct strbuf *sb, const struct campaign *c,
			   const struct plan *p)
{
	struct strbuf s = STRBUF_INIT;

	strbuf_addstr(&s, "Marginal value of budget: ");
	explain_marginal(&s, c, p);
	strbuf_addch(sb, '\n');
	plan_text_wrap(sb, "", s.buf, 2, W);
	strbuf_reset(&s);
	explain_efficient(&s, c, p);
	if (s.len)
		plan_text_wrap(sb, "", s.buf, 2, W);
	strbuf_release(&s);
}

static void table_explain(struct strbuf *sb, const struct plan *p)
{
	const char **texts = xcalloc(p->n_bindings + 1, sizeof(*texts));

	for (size_t i = 0; i < p->n_bindings; i++)
		texts[i] = p->bindings[i].text;
	table_list(sb, "Binding constraints", texts, p->n_bindings);
	table_list(sb, "Notes", (const char *const *)p->notes, p->n_notes);
	free(texts);
}

/* -v: what the solver did, how close the segments come, how long */
static void table_solver(struct strbuf *sb, const struct campaign *c,
			 const struct plan *p)
{
	struct strbuf s = STRBUF_INIT;

	strbuf_addf(&s, "Solver: %s %s with %zu columns",
		    plan_status_name(p->status), p->is_mip ? "MIP" : "LP",
		    p->n_cols);
	if (p->n_binaries)
		strbuf_addf(&s, " (%zu binary)", p->n_binaries);
	strbuf_addf(&s, ", %zu rows and %zu nonzeros; %d segments per cell",
		    p->n_rows, p->n_nonzeros, p->segments);
	strbuf_addch(sb, '\n');
	plan_text_wrap(sb, "", s.buf, 2, W);
	if (p->status != PLAN_INFEASIBLE) {
		strbuf_reset(&s);
		strbuf_addstr(&s, "Approximation: the exact curves give ");
		explain_amount(&s, c, p->objective, p->objective_value);
		strbuf_addstr(&s, " against the LP's ");
		explain_amount(&s, c, p->objective, p->objective_lp);
		strbuf_addstr(&s, " (");
		if (p->approx_error >= 0)
			strbuf_addch(&s, '+');
		explain_number(&s,
			       fabs(p->objective_value) > 1e-12
				       ? 100 * p->approx_error /
						 fabs(p->objective_value)
				       : 0,
			       3);
		strbuf_addstr(&s, " %)");
		plan_text_wrap(sb, "", s.buf, 2, W);
		strbuf_reset(&s);
		explain_certificate(&s, c, p);
		plan_text_wrap(sb, "", s.buf, 2, W);
	}
	strbuf_addf(sb, "Time: build %.1f ms, solve %.1f ms\n", p->ms_build,
		    p->ms_solve);
	strbuf_release(&s);
}

static void frontier_points(struct strbuf *sb, const struct campaign *c,
			    const struct plan *p)
{
	struct text_table t = TEXT_TABLE_INIT(6, "rrrrrr");

	cell_cur(&t, "budget", c);
	text_table_add(&t, "spend");
	text_table_add(&t, "objective");
	text_table_add(&t, "apps");
	text_table_add(&t, "hires");
	text_table_add(&t, "marginal/1000");
	for (size_t i = 0; i < p->n_frontier; i++) {
		const struct frontier_point *f = &p->frontier[i];
		struct strbuf tmp = STRBUF_INIT;

		cell_whole(&t, c, f->budget);
		if (!f->feasible) {
			text_table_add(&t, "infeasible");
			for (int j = 0; j < 4; j++)
				text_table_add(&t, "");
			continue;
		}
		cell_whole(&t, c, f->spend);
		explain_number(&tmp, f->objective, 4);
		text_table_add(&t, tmp.buf);
		cell_num(&t, f->applications, 2);
		cell_num(&t, f->hires, 3);
		strbuf_reset(&tmp);
		if (f->step)
			strbuf_addstr(&tmp, "step");
		else
			explain_number(&tmp, fabs(f->marginal), 3);
		text_table_add(&t, tmp.buf);
		strbuf_release(&tmp);
	}
	text_table_write(sb, &t, W);
	text_table_release(&t);
}

/* spend per channel (rows) at each budget (columns), split to fit */
static void frontier_channels(struct strbuf *sb, const struct campaign *c,
			      const struct plan *p)
{
	size_t n = p->n_frontier, nch = c->n_channels;
	char *align = xcalloc(n + 2, 1);
	struct text_table t = TEXT_TABLE_INIT(n + 1, align);

	memset(align, 'r', n + 1);
	align[0] = 'l';
	cell_cur(&t, "budget", c);
	for (size_t i = 0; i < n; i++)
		cell_whole(&t, c, p->frontier[i].budget);
	for (size_t ch = 0; ch < nch; ch++) {
		if (!plan_text_frontier_uses(c, p, ch))
			continue;
		text_table_add(&t, c->channels[ch].id);
		for (size_t i = 0; i < n; i++)
			if (p->frontier[i].feasible)
				cell_whole(&t, c,
					   p->frontier_spend[i * nch + ch]);
			else
				text_table_add(&t, "-");
	}
	strbuf_addstr(sb, "\nSpend per channel at each budget:\n");
	text_table_write(sb, &t, W);
	text_table_release(&t);
	free(align);
}

/* the points where a flat fee or a minimum enters or leaves */
static void frontier_steps(struct strbuf *sb, const struct campaign *c,
			   const struct plan *p)
{
	struct strbuf s = STRBUF_INIT;
	bool titled = false;

	for (size_t i = 0; i < p->n_frontier; i++) {
		strbuf_reset(&s);
		plan_text_frontier_step(&s, c, p, i);
		if (!s.len)
			continue;
		if (!titled) {
			strbuf_addch(sb, '\n');
			plan_text_wrap(sb, "", PLAN_TEXT_STEPS_TITLE ":", 2, W);
			titled = true;
		}
		plan_text_wrap(sb, "  - ", s.buf, 4, W);
	}
	strbuf_release(&s);
}

static void table_frontier(struct strbuf *sb, const struct campaign *c,
			   const struct plan *p)
{
	if (!p->n_frontier)
		return;
	strbuf_addf(sb, "\nBudget frontier (%s):\n", p->objective_unit);
	frontier_points(sb, c, p);
	frontier_steps(sb, c, p);
	if (p->frontier_spend)
		frontier_channels(sb, c, p);
}

/* an infeasible plan's best plan at its budget: the sentence, its tables */
static void table_best_effort(struct strbuf *sb, const struct campaign *c,
			      const struct plan *p)
{
	struct strbuf s = STRBUF_INIT;

	if (!p->best_effort)
		return;
	explain_best_effort(&s, c, p->best_effort, p->best_fraction);
	strbuf_addch(sb, '\n');
	plan_text_wrap(sb, "", s.buf, 2, W);
	table_channels(sb, c, p->best_effort);
	table_personas(sb, c, p->best_effort);
	table_cells(sb, c, p->best_effort);
	strbuf_release(&s);
}

void plan_write_table(struct strbuf *sb, const struct campaign *c,
		      const struct plan *p)
{
	table_head(sb, c, p);
	table_summary(sb, c, p);
	if (p->status == PLAN_INFEASIBLE) {
		plan_text_infeasible(sb, c, p, "  - ", W);
		table_best_effort(sb, c, p);
		if (verbosity >= 1)
			table_solver(sb, c, p);
		return;
	}
	table_channels(sb, c, p);
	table_personas(sb, c, p);
	table_marginal(sb, c, p);
	table_cells(sb, c, p);
	table_explain(sb, p);
	table_frontier(sb, c, p);
	if (verbosity >= 1)
		table_solver(sb, c, p);
}
