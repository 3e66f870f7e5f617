/*
 * The plan as Markdown. Figures are rounded as in the table; every
 * piece of input text goes through md_text().
 */
#include "plan_md.h"

#include <math.h>
#include <stdbool.h>

#include "campaign.h"
#include "explain.h"
#include "money.h"
#include "plan_text.h"
#include "planner.h"
#include "strbuf.h"
#include "usage.h"

/* Markdown table cells: a pipe or line break would break the table */
static void md_text(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '|' || *s == '\\' || *s == '*' || *s == '_' ||
		    *s == '<' || *s == '>' || *s == '[' || *s == ']' ||
		    *s == '`')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *s == '\n' || *s == '\r' ? ' ' : *s);
	}
}

/* " | spend | daily | ... | CPH |\n"; no daily figure on the total row */
static void md_figures(struct strbuf *sb, const struct campaign *c,
		       const struct plan_total *t, bool has_daily,
		       int64_t daily)
{
	strbuf_addstr(sb, " | ");
	plan_text_whole(sb, c, t->spend);
	strbuf_addstr(sb, " |");
	if (has_daily && daily != MONEY_NONE) {
		strbuf_addch(sb, ' ');
		plan_text_daily_whole(sb, c, daily);
	}
	strbuf_addstr(sb, " |");
	strbuf_addch(sb, ' ');
	plan_text_num(sb, t->impressions, 0);
	strbuf_addstr(sb, " | ");
	plan_text_num(sb, t->reach, 0);
	strbuf_addstr(sb, " | ");
	plan_text_num(sb, t->clicks, 0);
	strbuf_addf(sb, " | %.1f | %.2f | ", t->applications, t->hires);
	plan_text_whole(sb, c, t->cost_per_application);
	strbuf_addstr(sb, " | ");
	plan_text_whole(sb, c, t->cost_per_hire);
	strbuf_addstr(sb, " |\n");
}

static void md_head(struct strbuf *sb, const struct campaign *c,
		    const struct plan *p)
{
	struct strbuf sum = STRBUF_INIT;

	strbuf_addstr(sb, "# Plan: ");
	md_text(sb, c->name);
	strbuf_addstr(sb, "\n\n");
	if (c->client) {
		strbuf_addstr(sb, "Client: ");
		md_text(sb, c->client);
		strbuf_addstr(sb, "  \n");
	}
	strbuf_addf(sb, "Period: %s to %s (%d days)  \n", c->start, c->end,
		    c->days);
	strbuf_addstr(sb, "Budget: ");
	plan_text_amount(sb, c, p->budget);
	strbuf_addstr(sb, "\n\n");
	plan_text_summary(&sum, c, p);
	md_text(sb, sum.buf);
	strbuf_addch(sb, '\n');
	strbuf_release(&sum);
}

/* " | spend | daily | applications | hires | CPA |" of a total */
static void md_total(struct strbuf *sb, const struct campaign *c,
		     const struct plan_total *t, int64_t daily)
{
	strbuf_addstr(sb, " | ");
	plan_text_whole(sb, c, t->spend);
	strbuf_addstr(sb, " | ");
	plan_text_daily_whole(sb, c, daily);
	strbuf_addf(sb, " | %.1f | %.2f | ", t->applications, t->hires);
	plan_text_whole(sb, c, t->cost_per_application);
	strbuf_addstr(sb, " |");
}

/* " paid clicks | off-target applications |" of a channel's total */
static void md_funnel(struct strbuf *sb, const struct plan_total *t)
{
	strbuf_addch(sb, ' ');
	plan_text_num(sb, t->paid_clicks, 0);
	strbuf_addf(sb, " | %.1f |", t->off_target_applications);
}

/* " people reached |" of a persona's or the campaign's total */
static void md_reach(struct strbuf *sb, const struct plan_total *t)
{
	strbuf_addch(sb, ' ');
	plan_text_num(sb, t->reach, 0);
	strbuf_addstr(sb, " |");
}

static void md_channels(struct strbuf *sb, const struct campaign *c,
			const struct plan *p)
{
	strbuf_addf(sb,
		    "\n## By channel\n\n| channel | spend (%s) | daily (%s) | "
		    "applications | hires | cost per application | "
		    "paid clicks | off-target applications |\n"
		    "|---|--:|--:|--:|--:|--:|--:|--:|\n",
		    c->currency, c->currency);
	for (size_t ch = 0; ch < c->n_channels; ch++) {
		if (p->channel_totals[ch].spend <= 0)
			continue;
		strbuf_addstr(sb, "| ");
		md_text(sb, c->channels[ch].id);
		md_total(sb, c, &p->channel_totals[ch],
			 plan_text_daily(p, 1, ch));
		md_funnel(sb, &p->channel_totals[ch]);
		strbuf_addch(sb, '\n');
	}
	strbuf_addstr(sb, "| **total**");
	md_total(sb, c, &p->total, plan_text_daily(p, 1, (size_t)-1));
	md_funnel(sb, &p->total);
	strbuf_addch(sb, '\n');
}

/* " goal; goal |": a row's goals, "" when it has none */
static void md_goals(struct strbuf *sb, double apps_goal, double apps,
		     double hires_goal, double hires)
{
	strbuf_addch(sb, ' ');
	if (apps_goal > 0)
		plan_text_goal(sb, apps_goal, apps, 1, "applications");
	if (apps_goal > 0 && hires_goal > 0)
		strbuf_addstr(sb, "; ");
	if (hires_goal > 0)
		plan_text_goal(sb, hires_goal, hires, 2, "hires");
	strbuf_addstr(sb, " |");
}

static void md_personas(struct strbuf *sb, const struct campaign *c,
			const struct plan *p)
{
	int goals = campaign_has_goal(c);

	strbuf_addf(sb,
		    "\n## By persona\n\n| persona | spend (%s) | daily (%s) | "
		    "applications | hires | cost per application | "
		    "people reached |%s\n"
		    "|---|--:|--:|--:|--:|--:|--:|%s\n",
		    c->currency, c->currency, goals ? " goal |" : "",
		    goals ? "---|" : "");
	for (size_t i = 0; i < c->n_personas; i++) {
		const struct persona *pe = &c->personas[i];

		strbuf_addstr(sb, "| ");
		md_text(sb, pe->id);
		md_total(sb, c, &p->persona_totals[i],
			 plan_text_daily(p, 0, i));
		md_reach(sb, &p->persona_totals[i]);
		if (goals)
			md_goals(sb, pe->goal_applications,
				 p->persona_totals[i].applications,
				 pe->goal_hires, p->persona_totals[i].hires);
		strbuf_addch(sb, '\n');
	}
	strbuf_addstr(sb, "| **total**");
	md_total(sb, c, &p->total, plan_text_daily(p, 0, (size_t)-1));
	md_reach(sb, &p->total);
	if (goals)
		md_goals(sb, c->goal_applications, p->total.applications,
			 c->goal_hires, p->total.hires);
	strbuf_addstr(sb, "\n\nPeople reached count each person once, however "
			  "many channels reach them.\n");
}

static void md_cells(struct strbuf *sb, const struct campaign *c,
		     const struct plan *p)
{
	strbuf_addf(sb,
		    "\n## Cells\n\n"
		    "| persona | channel | spend (%s) | daily | "
		    "impressions | reach | clicks | applications | hires "
		    "| CPA | CPH |\n",
		    c->currency);
	strbuf_addstr(sb, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct plan_cell *pc = &p->cells[i];
		struct plan_total t;

		strbuf_addstr(sb, "| ");
		md_text(sb, c->personas[pc->persona].id);
		strbuf_addstr(sb, " | ");
		md_text(sb, c->channels[pc->channel].id);
		if (pc->at_frequency_cap)
			strbuf_addstr(sb, " (at cap)");
		plan_cell_total(pc, &t);
		md_figures(sb, c, &t, true, pc->daily);
	}
	strbuf_addstr(sb, "| **total** |");
	md_figures(sb, c, &p->total, false, MONEY_NONE);
	strbuf_addstr(sb, "\nA cell's reach counts the people its channel "
			  "reaches; the total's counts each person once.\n");
}

/* "\n## title\n\n" and one escaped bullet per item; nothing if none */
static void md_list(struct strbuf *sb, const char *title,
		    const char *const *items, size_t n)
{
	if (!n)
		return;
	strbuf_addf(sb, "\n## %s\n\n", title);
	for (size_t i = 0; i < n; i++) {
		strbuf_addstr(sb, "- ");
		md_text(sb, items[i]);
		strbuf_addch(sb, '\n');
	}
}

static void md_frontier_point(struct strbuf *sb, const struct campaign *c,
			      const struct plan *p, size_t i)
{
	const struct frontier_point *f = &p->frontier[i];
	size_t nch = c->n_channels;

	strbuf_addstr(sb, "| ");
	plan_text_whole(sb, c, f->budget);
	if (!f->feasible) {
		strbuf_addstr(sb, " | infeasible |");
		return;
	}
	strbuf_addstr(sb, " | ");
	plan_text_whole(sb, c, f->spend);
	strbuf_addstr(sb, " | ");
	explain_number(sb, f->objective, 4);
	strbuf_addf(sb, " | %.2f | %.3f | ", f->applications, f->hires);
	if (f->step)
		strbuf_addstr(sb, "step");
	else
		explain_number(sb, fabs(f->marginal), 3);
	strbuf_addstr(sb, " |");
	for (size_t ch = 0; ch < nch; ch++) {
		if (!plan_text_frontier_uses(c, p, ch))
			continue;
		strbuf_addch(sb, ' ');
		plan_text_whole(sb, c, p->frontier_spend[i * nch + ch]);
		strbuf_addstr(sb, " |");
	}
}

/* the points where a flat fee or a minimum enters or leaves */
static void md_frontier_steps(struct strbuf *sb, const struct campaign *c,
			      const struct plan *p)
{
	struct strbuf s = STRBUF_INIT;
	bool titled = false;

	for (size_t i = 0; i < p->n_frontier; i++) {
		strbuf_reset(&s);
		plan_text_frontier_step(&s, c, p, i);
		if (!s.len)
			continue;
		if (!titled)
			strbuf_addstr(sb, "\n" PLAN_TEXT_STEPS_TITLE ":\n\n");
		titled = true;
		strbuf_addstr(sb, "- ");
		md_text(sb, s.buf);
		strbuf_addch(sb, '\n');
	}
	strbuf_release(&s);
}

/* the frontier, one row per budget, with the spend of each channel */
static void md_frontier(struct strbuf *sb, const struct campaign *c,
			const struct plan *p)
{
	size_t nch = c->n_channels;

	if (!p->n_frontier)
		return;
	strbuf_addf(sb,
		    "\n## Budget frontier\n\n| budget (%s) | spend | "
		    "objective (%s) | applications | hires | marginal per "
		    "1 000 |",
		    c->currency, p->objective_unit);
	for (size_t ch = 0; ch < nch; ch++) {
		if (!plan_text_frontier_uses(c, p, ch))
			continue;
		strbuf_addch(sb, ' ');
		md_text(sb, c->channels[ch].id);
		strbuf_addstr(sb, " |");
	}
	strbuf_addstr(sb, "\n|--:|--:|--:|--:|--:|--:|");
	for (size_t ch = 0; ch < nch; ch++)
		if (plan_text_frontier_uses(c, p, ch))
			strbuf_addstr(sb, "--:|");
	strbuf_addch(sb, '\n');
	for (size_t i = 0; i < p->n_frontier; i++) {
		md_frontier_point(sb, c, p, i);
		strbuf_addch(sb, '\n');
	}
	md_frontier_steps(sb, c, p);
}

/* -v: what the solver did and how close the segments come */
static void md_solver(struct strbuf *sb, const struct campaign *c,
		      const struct plan *p)
{
	strbuf_addf(sb,
		    "\n## Solver\n\n%s %s with %zu columns (%zu binary), %zu "
		    "rows and %zu nonzeros; %d segments per cell. Build "
		    "%.1f ms, solve %.1f ms.\n",
		    plan_status_name(p->status), p->is_mip ? "MIP" : "LP",
		    p->n_cols, p->n_binaries, p->n_rows, p->n_nonzeros,
		    p->segments, p->ms_build, p->ms_solve);
	if (p->status == PLAN_INFEASIBLE)
		return;
	strbuf_addstr(sb, "\nPiecewise-linear approximation: the exact curves "
			  "give ");
	explain_amount(sb, c, p->objective, p->objective_value);
	strbuf_addstr(sb, " against the LP's ");
	explain_amount(sb, c, p->objective, p->objective_lp);
	strbuf_addstr(sb, ".\n\n");
	explain_certificate(sb, c, p);
	strbuf_addstr(sb, ".\n");
}

/* an infeasible plan's best plan at its budget: the sentence, its tables */
static void md_best_effort(struct strbuf *sb, const struct campaign *c,
			   const struct plan *p)
{
	struct strbuf s = STRBUF_INIT;

	if (!p->best_effort)
		return;
	explain_best_effort(&s, c, p->best_effort, p->best_fraction);
	strbuf_addstr(sb, "\n## Best at the budget\n\n");
	md_text(sb, s.buf);
	strbuf_addch(sb, '\n');
	md_channels(sb, c, p->best_effort);
	md_personas(sb, c, p->best_effort);
	md_cells(sb, c, p->best_effort);
	strbuf_release(&s);
}

/* where extra money stops paying, when the plan knows */
static void md_efficient(struct strbuf *sb, const struct campaign *c,
			 const struct plan *p)
{
	struct strbuf s = STRBUF_INIT;

	explain_efficient(&s, c, p);
	if (s.len) {
		strbuf_addstr(sb, "\n**Efficient budget:** ");
		md_text(sb, s.buf);
		strbuf_addch(sb, '\n');
	}
	strbuf_release(&s);
}

void plan_write_md(struct strbuf *sb, const struct campaign *c,
		   const struct plan *p)
{
	md_head(sb, c, p);
	if (p->status == PLAN_INFEASIBLE) {
		plan_text_infeasible(sb, c, p, "- ", 0);
		md_best_effort(sb, c, p);
		if (verbosity >= 1)
			md_solver(sb, c, p);
		return;
	}
	md_channels(sb, c, p);
	md_personas(sb, c, p);
	strbuf_addstr(sb, "\n**Marginal value of budget:** ");
	explain_marginal(sb, c, p);
	strbuf_addstr(sb, ".\n");
	md_efficient(sb, c, p);
	md_cells(sb, c, p);
	if (p->n_bindings) {
		strbuf_addstr(sb, "\n## Binding constraints\n\n");
		for (size_t i = 0; i < p->n_bindings; i++) {
			strbuf_addstr(sb, "- ");
			md_text(sb, p->bindings[i].text);
			strbuf_addch(sb, '\n');
		}
	}
	md_list(sb, "Notes", (const char *const *)p->notes, p->n_notes);
	md_frontier(sb, c, p);
	if (verbosity >= 1)
		md_solver(sb, c, p);
}
