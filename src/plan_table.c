/*
 * The plan as a table for the terminal. Columns are padded to fixed
 * widths (the persona and channel columns to their longest id);
 * figures are formatted into a scratch buffer first to be measured.
 */
#include "plan_table.h"

#include <math.h>
#include <string.h>

#include "campaign.h"
#include "explain.h"
#include "money.h"
#include "plan_text.h"
#include "planner.h"
#include "strbuf.h"

/* whole major units right-aligned in width; MONEY_NONE: blank */
static void pad_whole(struct strbuf *sb, const struct campaign *c,
		      int64_t minor, int width, int blank_none)
{
	struct strbuf tmp = STRBUF_INIT;

	if (minor != MONEY_NONE || !blank_none)
		plan_text_whole(&tmp, c, minor);
	plan_text_pad(sb, strbuf_str(&tmp), width, 1);
	strbuf_release(&tmp);
}

static void pad_num(struct strbuf *sb, double v, int decimals, int width)
{
	struct strbuf tmp = STRBUF_INIT;

	plan_text_num(&tmp, v, decimals);
	plan_text_pad(sb, tmp.buf, width, 1);
	strbuf_release(&tmp);
}

/* the widths of the persona and channel columns */
struct widths {
	int persona, channel;
};

static void table_row(struct strbuf *sb, const struct campaign *c,
		      const char *who, const char *where,
		      const struct plan_total *t, int64_t daily,
		      const struct widths *w)
{
	plan_text_pad(sb, who, w->persona, 0);
	strbuf_addstr(sb, "  ");
	plan_text_pad(sb, where, w->channel, 0);
	pad_whole(sb, c, t->spend, 11, 0);
	pad_whole(sb, c, daily, 8, 1);
	pad_num(sb, t->impressions, 0, 12);
	pad_num(sb, t->reach, 0, 8);
	pad_num(sb, t->clicks, 0, 8);
	pad_num(sb, t->applications, 1, 8);
	pad_num(sb, t->hires, 2, 7);
	pad_whole(sb, c, t->cost_per_application, 9, 0);
	pad_whole(sb, c, t->cost_per_hire, 10, 0);
	strbuf_addch(sb, '\n');
}

static void table_head(struct strbuf *sb, const struct campaign *c,
		       const struct plan *p)
{
	strbuf_addf(sb, "Plan: %s", c->name);
	if (c->client)
		strbuf_addf(sb, " for %s", c->client);
	strbuf_addf(sb, "\n%s to %s (%d days), budget ", c->start, c->end,
		    c->days);
	plan_text_amount(sb, c, p->budget);
	strbuf_addf(sb, "\nObjective: %s, %s%s %s with %zu columns",
		    objective_name(p->objective), plan_status_name(p->status),
		    p->status == PLAN_FEASIBLE ? " (stopped at the time limit)"
					       : "",
		    p->is_mip ? "MIP" : "LP", p->n_cols);
	if (p->n_binaries)
		strbuf_addf(sb, " (%zu binary)", p->n_binaries);
	strbuf_addch(sb, '\n');
}

static void column_names(struct strbuf *sb, const struct campaign *c,
			 const struct widths *w)
{
	static const struct {
		const char *name;
		int width;
	} figures[] = {
		{ "daily", 8 },  { "impressions", 12 }, { "reach", 8 },
		{ "clicks", 8 }, { "apps", 8 },         { "hires", 7 },
		{ "CPA", 9 },    { "CPH", 10 },
	};
	struct strbuf spend = STRBUF_INIT;

	plan_text_pad(sb, "persona", w->persona, 0);
	strbuf_addstr(sb, "  ");
	plan_text_pad(sb, "channel", w->channel, 0);
	strbuf_addf(&spend, "spend %s", c->currency);
	plan_text_pad(sb, spend.buf, 11, 1);
	for (size_t i = 0; i < ARRAY_SIZE(figures); i++)
		plan_text_pad(sb, figures[i].name, figures[i].width, 1);
	strbuf_addch(sb, '\n');
	strbuf_release(&spend);
}

static void table_cells(struct strbuf *sb, const struct campaign *c,
			const struct plan *p)
{
	struct widths w = { 7, 7 };
	struct strbuf where = STRBUF_INIT;

	for (size_t i = 0; i < p->n_cells; i++) {
		int n = (int)strlen(c->personas[p->cells[i].persona].id);
		int m = (int)strlen(c->channels[p->cells[i].channel].id) +
			p->cells[i].at_frequency_cap;

		w.persona = n > w.persona ? n : w.persona;
		w.channel = m > w.channel ? m : w.channel;
	}
	column_names(sb, c, &w);
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct plan_cell *pc = &p->cells[i];
		struct plan_total t;

		plan_cell_total(pc, &t);
		strbuf_reset(&where);
		strbuf_addstr(&where, c->channels[pc->channel].id);
		if (pc->at_frequency_cap)
			strbuf_addch(&where, '*');
		table_row(sb, c, c->personas[pc->persona].id, where.buf, &t,
			  pc->daily, &w);
	}
	table_row(sb, c, "total", "", &p->total, MONEY_NONE, &w);
	strbuf_addstr(sb, "(* at its frequency cap; reach adds cells "
			  "up and counts a person once per channel)\n");
	strbuf_release(&where);
}

/* "\ntitle:\n" and one "  - " line per item; nothing if none */
static void table_list(struct strbuf *sb, const char *title,
		       const char *const *items, size_t n)
{
	if (!n)
		return;
	strbuf_addf(sb, "\n%s:\n", title);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(sb, "  - %s\n", items[i]);
}

static void table_explain(struct strbuf *sb, const struct campaign *c,
			  const struct plan *p)
{
	strbuf_addstr(sb, "\nMarginal value of budget: ");
	explain_marginal(sb, c, p);
	strbuf_addstr(sb, "\n");
	if (p->n_bindings) {
		strbuf_addstr(sb, "\nBinding constraints:\n");
		for (size_t i = 0; i < p->n_bindings; i++)
			strbuf_addf(sb, "  - %s\n", p->bindings[i].text);
	}
	table_list(sb, "Notes", (const char *const *)p->notes, p->n_notes);
	strbuf_addf(sb,
		    "\nApproximation: %d segments per cell; the exact curves "
		    "give %.6g against the LP's %.6g (%+.3g %%)\n",
		    p->segments, p->objective_value, p->objective_lp,
		    fabs(p->objective_value) > 1e-12
			    ? 100 * p->approx_error / fabs(p->objective_value)
			    : 0);
}

/* "%14s": whole major units right-aligned in 14 characters */
static void frontier_whole(struct strbuf *sb, const struct campaign *c,
			   int64_t minor)
{
	struct strbuf tmp = STRBUF_INIT;

	plan_text_whole(&tmp, c, minor);
	strbuf_addf(sb, "%14s", tmp.buf);
	strbuf_release(&tmp);
}

static void table_frontier(struct strbuf *sb, const struct campaign *c,
			   const struct plan *p)
{
	if (!p->n_frontier)
		return;
	strbuf_addf(sb, "\nBudget frontier (%s):\n", p->objective_unit);
	strbuf_addf(sb, "%14s %14s %12s %12s %10s %16s\n", "budget", "spend",
		    "objective", "applications", "hires", "marginal/1000");
	for (size_t i = 0; i < p->n_frontier; i++) {
		const struct frontier_point *f = &p->frontier[i];

		frontier_whole(sb, c, f->budget);
		if (!f->feasible) {
			strbuf_addstr(sb, "   infeasible\n");
			continue;
		}
		strbuf_addch(sb, ' ');
		frontier_whole(sb, c, f->spend);
		strbuf_addf(sb, " %12.4g %12.2f %10.3f %16.4g\n", f->objective,
			    f->applications, f->hires, fabs(f->marginal));
	}
}

void plan_write_table(struct strbuf *sb, const struct campaign *c,
		      const struct plan *p)
{
	table_head(sb, c, p);
	if (p->status == PLAN_INFEASIBLE) {
		plan_text_infeasible(sb, c, p, "  - ");
		return;
	}
	strbuf_addstr(sb, "Spend ");
	plan_text_amount(sb, c, p->total.spend);
	strbuf_addf(sb,
		    "; %s %.4g %s (exact curves; the LP's %d-segment value "
		    "is %.4g)\n\n",
		    p->objective == OBJ_MIN_COST ? "cost" : "objective",
		    p->objective_value, p->objective_unit, p->segments,
		    p->objective_lp);
	table_cells(sb, c, p);
	table_explain(sb, c, p);
	table_frontier(sb, c, p);
}
