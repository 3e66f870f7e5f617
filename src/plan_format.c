/*
 * The plan as a table for the terminal, as CSV for spreadsheets and as
 * Markdown for notes and tickets. All three carry the same figures as
 * the JSON; text cells in CSV go through csv_add_text(), which defuses
 * spreadsheet formulas.
 */
#include "plan_format.h"

#include <math.h>
#include <string.h>

#include "campaign.h"
#include "csv.h"
#include "explain.h"
#include "money.h"
#include "plan_json.h"
#include "planner.h"
#include "strbuf.h"
#include "wrapper.h"

int plan_format_parse(const char *s, enum plan_format *out)
{
	static const char *const names[] = { "table", "json", "csv", "md" };

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum plan_format)i;
			return 0;
		}
	if (strcmp(s, "markdown") == 0) {
		*out = FORMAT_MD;
		return 0;
	}
	return -1;
}

void plan_write(struct strbuf *sb, enum plan_format f, const struct campaign *c,
		const struct plan *p)
{
	switch (f) {
	case FORMAT_TABLE:
		plan_write_table(sb, c, p);
		break;
	case FORMAT_JSON:
		plan_write_json(sb, c, p);
		break;
	case FORMAT_CSV:
		plan_write_csv(sb, c, p);
		break;
	case FORMAT_MD:
		plan_write_md(sb, c, p);
		break;
	}
}

/* whole major units, grouped: "12 345" */
static const char *whole(const struct campaign *c, int64_t minor)
{
	static struct strbuf ring[8];
	static int next;
	struct strbuf *sb = &ring[next++ % 8];
	int64_t scale = money_scale(c->digits);

	strbuf_reset(sb);
	if (minor == MONEY_NONE) {
		strbuf_addstr(sb, "-");
		return sb->buf;
	}
	money_format_grouped(
		sb,
		(minor >= 0 ? minor + scale / 2 : minor - scale / 2) / scale,
		0);
	return sb->buf;
}

static const char *amount(const struct campaign *c, int64_t minor)
{
	static struct strbuf ring[4];
	static int next;
	struct strbuf *sb = &ring[next++ % 4];

	strbuf_reset(sb);
	money_format_currency(sb, minor, c->digits, c->currency);
	return sb->buf;
}

static void pad(struct strbuf *sb, const char *s, int width, int right)
{
	/* width in characters, counting UTF-8 sequences once */
	int n = 0;

	for (const char *q = s; *q; q++)
		n += ((unsigned char)*q & 0xC0) != 0x80;
	if (right)
		for (int i = n; i < width; i++)
			strbuf_addch(sb, ' ');
	strbuf_addstr(sb, s);
	if (!right)
		for (int i = n; i < width; i++)
			strbuf_addch(sb, ' ');
}

static const char *num(double v, int decimals)
{
	static struct strbuf ring[8];
	static int next;
	struct strbuf *sb = &ring[next++ % 8];

	strbuf_reset(sb);
	if (decimals == 0)
		money_format_grouped(sb, llround(v), 0);
	else
		strbuf_addf(sb, "%.*f", decimals, v);
	return sb->buf;
}

static void table_row(struct strbuf *sb, const struct campaign *c,
		      const char *who, const char *where,
		      const struct plan_total *t, int64_t daily, int wp, int wc)
{
	pad(sb, who, wp, 0);
	strbuf_addstr(sb, "  ");
	pad(sb, where, wc, 0);
	pad(sb, whole(c, t->spend), 11, 1);
	pad(sb, daily == MONEY_NONE ? "" : whole(c, daily), 8, 1);
	pad(sb, num(t->impressions, 0), 12, 1);
	pad(sb, num(t->reach, 0), 8, 1);
	pad(sb, num(t->clicks, 0), 8, 1);
	pad(sb, num(t->applications, 1), 8, 1);
	pad(sb, num(t->hires, 2), 7, 1);
	pad(sb, whole(c, t->cost_per_application), 9, 1);
	pad(sb, whole(c, t->cost_per_hire), 10, 1);
	strbuf_addch(sb, '\n');
}

static void cell_total(const struct plan_cell *pc, struct plan_total *t)
{
	memset(t, 0, sizeof(*t));
	t->spend = pc->spend;
	t->impressions = pc->impressions;
	t->reach = pc->reach;
	t->clicks = pc->clicks;
	t->applications = pc->applications;
	t->hires = pc->hires;
	t->cost_per_application = pc->cost_per_application;
	t->cost_per_hire = pc->cost_per_hire;
}

static void header_lines(struct strbuf *sb, const struct campaign *c,
			 const struct plan *p, const char *lead)
{
	static const char *const status[] = {
		[PLAN_OPTIMAL] = "optimal",
		[PLAN_FEASIBLE] = "feasible (stopped at the time limit)",
		[PLAN_INFEASIBLE] = "infeasible",
	};

	strbuf_addf(sb, "%sPlan: %s", lead, c->name);
	if (c->client)
		strbuf_addf(sb, " for %s", c->client);
	strbuf_addf(sb, "\n%s%s to %s (%d days), budget %s\n", *lead ? "" : "",
		    c->start, c->end, c->days, amount(c, p->budget));
	strbuf_addf(sb, "Objective: %s, %s %s with %zu columns",
		    objective_name(p->objective), status[p->status],
		    p->is_mip ? "MIP" : "LP", p->n_cols);
	if (p->n_binaries)
		strbuf_addf(sb, " (%zu binary)", p->n_binaries);
	strbuf_addch(sb, '\n');
}

static void infeasible_lines(struct strbuf *sb, const struct campaign *c,
			     const struct plan *p, const char *bullet)
{
	strbuf_addstr(sb, "\nNo plan meets the goals:\n");
	for (size_t i = 0; i < p->n_reasons; i++)
		strbuf_addf(sb, "%s%s\n", bullet, p->reasons[i]);
	if (p->least_budget != MONEY_NONE)
		strbuf_addf(sb, "Least budget that meets every goal: %s\n",
			    amount(c, p->least_budget));
}

void plan_write_table(struct strbuf *sb, const struct campaign *c,
		      const struct plan *p)
{
	int wp = 7, wc = 7;
	struct strbuf line = STRBUF_INIT;

	header_lines(sb, c, p, "");
	if (p->status == PLAN_INFEASIBLE) {
		infeasible_lines(sb, c, p, "  - ");
		return;
	}
	strbuf_addf(sb,
		    "Spend %s; %s %.4g %s (exact curves; the LP's "
		    "%d-segment value is %.4g)\n\n",
		    amount(c, p->total.spend),
		    p->objective == OBJ_MIN_COST ? "cost" : "objective",
		    p->objective_value, p->objective_unit, p->segments,
		    p->objective_lp);
	for (size_t i = 0; i < p->n_cells; i++) {
		int n = (int)strlen(c->personas[p->cells[i].persona].id);
		int m = (int)strlen(c->channels[p->cells[i].channel].id) +
			p->cells[i].at_frequency_cap;

		wp = n > wp ? n : wp;
		wc = m > wc ? m : wc;
	}
	pad(sb, "persona", wp, 0);
	strbuf_addstr(sb, "  ");
	pad(sb, "channel", wc, 0);
	strbuf_addf(&line, "spend %s", c->currency);
	pad(sb, line.buf, 11, 1);
	pad(sb, "daily", 8, 1);
	pad(sb, "impressions", 12, 1);
	pad(sb, "reach", 8, 1);
	pad(sb, "clicks", 8, 1);
	pad(sb, "apps", 8, 1);
	pad(sb, "hires", 7, 1);
	pad(sb, "CPA", 9, 1);
	pad(sb, "CPH", 10, 1);
	strbuf_addch(sb, '\n');
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct plan_cell *pc = &p->cells[i];
		struct plan_total t;
		struct strbuf where = STRBUF_INIT;

		cell_total(pc, &t);
		strbuf_addstr(&where, c->channels[pc->channel].id);
		if (pc->at_frequency_cap)
			strbuf_addch(&where, '*');
		table_row(sb, c, c->personas[pc->persona].id, where.buf, &t,
			  pc->daily, wp, wc);
		strbuf_release(&where);
	}
	table_row(sb, c, "total", "", &p->total, MONEY_NONE, wp, wc);
	strbuf_addstr(sb, "(* at its frequency cap; reach adds cells "
			  "up and counts a person once per channel)\n");

	strbuf_addstr(sb, "\nMarginal value of budget: ");
	explain_marginal(sb, c, p);
	strbuf_addstr(sb, "\n");
	if (p->n_bindings) {
		strbuf_addstr(sb, "\nBinding constraints:\n");
		for (size_t i = 0; i < p->n_bindings; i++)
			strbuf_addf(sb, "  - %s\n", p->bindings[i].text);
	}
	if (p->n_notes) {
		strbuf_addstr(sb, "\nNotes:\n");
		for (size_t i = 0; i < p->n_notes; i++)
			strbuf_addf(sb, "  - %s\n", p->notes[i]);
	}
	strbuf_addf(sb,
		    "\nApproximation: %d segments per cell; the exact curves "
		    "give %.6g against the LP's %.6g (%+.3g %%)\n",
		    p->segments, p->objective_value, p->objective_lp,
		    fabs(p->objective_value) > 1e-12
			    ? 100 * p->approx_error / fabs(p->objective_value)
			    : 0);
	if (p->n_frontier) {
		strbuf_addf(sb, "\nBudget frontier (%s):\n", p->objective_unit);
		strbuf_addf(sb, "%14s %14s %12s %12s %10s %16s\n", "budget",
			    "spend", "objective", "applications", "hires",
			    "marginal/1000");
		for (size_t i = 0; i < p->n_frontier; i++) {
			const struct frontier_point *f = &p->frontier[i];

			if (!f->feasible) {
				strbuf_addf(sb, "%14s   infeasible\n",
					    whole(c, f->budget));
				continue;
			}
			strbuf_addf(sb,
				    "%14s %14s %12.4g %12.2f %10.3f %16.4g\n",
				    whole(c, f->budget), whole(c, f->spend),
				    f->objective, f->applications, f->hires,
				    fabs(f->marginal));
		}
	}
	strbuf_release(&line);
}

static void csv_money(struct strbuf *sb, const struct campaign *c, int64_t v)
{
	strbuf_addch(sb, ',');
	if (v != MONEY_NONE)
		money_format(sb, v, c->digits);
}

static void csv_row(struct strbuf *sb, const struct campaign *c,
		    const char *persona, const char *channel,
		    const char *platform, const struct plan_total *t,
		    int64_t daily)
{
	csv_add_text(sb, persona);
	strbuf_addch(sb, ',');
	csv_add_text(sb, channel);
	strbuf_addch(sb, ',');
	csv_add_text(sb, platform);
	csv_money(sb, c, t->spend);
	csv_money(sb, c, daily);
	strbuf_addf(sb, ",%.2f,%.2f,%.2f,%.4f,%.4f", t->impressions, t->reach,
		    t->clicks, t->applications, t->hires);
	csv_money(sb, c, t->cost_per_application);
	csv_money(sb, c, t->cost_per_hire);
	strbuf_addch(sb, ',');
	csv_add_text(sb, c->currency);
	strbuf_addstr(sb, "\r\n");
}

void plan_write_csv(struct strbuf *sb, const struct campaign *c,
		    const struct plan *p)
{
	strbuf_addstr(sb, "persona,channel,platform,spend,daily_budget,"
			  "impressions,reach,clicks,applications,hires,"
			  "cost_per_application,cost_per_hire,currency\r\n");
	if (p->status == PLAN_INFEASIBLE)
		return;
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct plan_cell *pc = &p->cells[i];
		const struct channel *ch = &c->channels[pc->channel];
		struct plan_total t;

		cell_total(pc, &t);
		csv_row(sb, c, c->personas[pc->persona].id, ch->id,
			platform_name(ch->platform), &t, pc->daily);
	}
	csv_row(sb, c, "total", "", "", &p->total, MONEY_NONE);
}

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

void plan_write_md(struct strbuf *sb, const struct campaign *c,
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
	strbuf_addf(sb, "Budget: %s  \n", amount(c, p->budget));
	strbuf_addf(sb, "Objective: %s (%s, %s)\n",
		    objective_name(p->objective),
		    p->status == PLAN_INFEASIBLE ? "infeasible"
		    : p->status == PLAN_OPTIMAL  ? "optimal"
						 : "feasible",
		    p->is_mip ? "MIP" : "LP");
	if (p->status == PLAN_INFEASIBLE) {
		infeasible_lines(sb, c, p, "- ");
		return;
	}
	strbuf_addf(sb, "\nSpend %s for %.1f applications and %.2f hires.\n\n",
		    amount(c, p->total.spend), p->total.applications,
		    p->total.hires);
	strbuf_addf(sb,
		    "| persona | channel | spend (%s) | daily | "
		    "impressions | reach | clicks | applications | hires "
		    "| CPA | CPH |\n",
		    c->currency);
	strbuf_addstr(sb, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct plan_cell *pc = &p->cells[i];

		strbuf_addstr(sb, "| ");
		md_text(sb, c->personas[pc->persona].id);
		strbuf_addstr(sb, " | ");
		md_text(sb, c->channels[pc->channel].id);
		strbuf_addf(sb,
			    "%s | %s | %s | %s | %s | %s | %.1f | %.2f | "
			    "%s | %s |\n",
			    pc->at_frequency_cap ? " (at cap)" : "",
			    whole(c, pc->spend), whole(c, pc->daily),
			    num(pc->impressions, 0), num(pc->reach, 0),
			    num(pc->clicks, 0), pc->applications, pc->hires,
			    whole(c, pc->cost_per_application),
			    whole(c, pc->cost_per_hire));
	}
	strbuf_addf(sb,
		    "| **total** | | %s | | %s | %s | %s | %.1f | %.2f | "
		    "%s | %s |\n",
		    whole(c, p->total.spend), num(p->total.impressions, 0),
		    num(p->total.reach, 0), num(p->total.clicks, 0),
		    p->total.applications, p->total.hires,
		    whole(c, p->total.cost_per_application),
		    whole(c, p->total.cost_per_hire));
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
	if (p->n_notes) {
		strbuf_addstr(sb, "\n## Notes\n\n");
		for (size_t i = 0; i < p->n_notes; i++) {
			strbuf_addstr(sb, "- ");
			md_text(sb, p->notes[i]);
			strbuf_addch(sb, '\n');
		}
	}
	strbuf_addf(sb,
		    "\nPiecewise-linear approximation: %d segments per "
		    "cell, exact %.6g against the LP's %.6g.\n",
		    p->segments, p->objective_value, p->objective_lp);
}
