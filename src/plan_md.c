/*
 * The plan as Markdown. Figures are rounded as in the table; every
 * piece of input text goes through md_text().
 */
#include "plan_md.h"

#include <stdbool.h>

#include "campaign.h"
#include "explain.h"
#include "money.h"
#include "plan_text.h"
#include "planner.h"
#include "strbuf.h"

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
	if (has_daily) {
		strbuf_addch(sb, ' ');
		plan_text_whole(sb, c, daily);
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
	strbuf_addstr(sb, "  \n");
	strbuf_addf(sb, "Objective: %s (%s, %s)\n",
		    objective_name(p->objective), plan_status_name(p->status),
		    p->is_mip ? "MIP" : "LP");
}

static void md_cells(struct strbuf *sb, const struct campaign *c,
		     const struct plan *p)
{
	strbuf_addf(sb,
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

void plan_write_md(struct strbuf *sb, const struct campaign *c,
		   const struct plan *p)
{
	md_head(sb, c, p);
	if (p->status == PLAN_INFEASIBLE) {
		plan_text_infeasible(sb, c, p, "- ", 0);
		return;
	}
	strbuf_addstr(sb, "\nSpend ");
	plan_text_amount(sb, c, p->total.spend);
	strbuf_addf(sb, " for %.1f applications and %.2f hires.\n\n",
		    p->total.applications, p->total.hires);
	md_cells(sb, c, p);
	strbuf_addstr(sb, "\n**Marginal value of budget:** ");
	explain_marginal(sb, c, p);
	strbuf_addstr(sb, ".\n");
	if (p->n_bindings) {
		strbuf_addstr(sb, "\n## Binding constraints\n\n");
		for (size_t i = 0; i < p->n_bindings; i++) {
			strbuf_addstr(sb, "- ");
			md_text(sb, p->bindings[i].text);
			strbuf_addch(sb, '\n');
		}
	}
	md_list(sb, "Notes", (const char *const *)p->notes, p->n_notes);
	strbuf_addf(sb,
		    "\nPiecewise-linear approximation: %d segments per "
		    "cell, exact %.6g against the LP's %.6g.\n",
		    p->segments, p->objective_value, p->objective_lp);
}
