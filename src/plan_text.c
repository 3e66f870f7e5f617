/*
 * Shared pieces of the plan's text writers. Each formats into the
 * caller's buffer, so two amounts on one line never share storage.
 */
#include "plan_text.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "explain.h"
#include "money.h"
#include "planner.h"
#include "strbuf.h"
#include "wrapper.h"

void plan_text_whole(struct strbuf *sb, const struct campaign *c, int64_t minor)
{
	int64_t scale = money_scale(c->digits);

	if (minor == MONEY_NONE) {
		strbuf_addstr(sb, "-");
		return;
	}
	money_format_grouped(
		sb,
		(minor >= 0 ? minor + scale / 2 : minor - scale / 2) / scale,
		0);
}

void plan_text_amount(struct strbuf *sb, const struct campaign *c,
		      int64_t minor)
{
	money_format_currency(sb, minor, c->digits, c->currency);
}

void plan_text_num(struct strbuf *sb, double v, int decimals)
{
	if (decimals == 0)
		money_format_grouped(sb, llround(v), 0);
	else
		strbuf_addf(sb, "%.*f", decimals, v);
}

int plan_text_width(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

void plan_text_pad(struct strbuf *sb, const char *s, int width, int right)
{
	int n = plan_text_width(s);
	if (right)
		for (int i = n; i < width; i++)
			strbuf_addch(sb, ' ');
	strbuf_addstr(sb, s);
	if (!right)
		for (int i = n; i < width; i++)
			strbuf_addch(sb, ' ');
}

void plan_text_infeasible(struct strbuf *sb, const struct campaign *c,
			  const struct plan *p, const char *bullet, int width)
{
	strbuf_addstr(sb, "\nNo plan meets the goals:\n");
	for (size_t i = 0; i < p->n_reasons; i++)
		plan_text_wrap(sb, bullet, p->reasons[i],
			       plan_text_width(bullet),
			       width > 0 ? width : INT_MAX);
	if (p->least_budget != MONEY_NONE) {
		strbuf_addstr(sb, "Least budget that meets every goal: ");
		plan_text_amount(sb, c, p->least_budget);
		strbuf_addch(sb, '\n');
	}
}

void plan_text_goal(struct strbuf *sb, double goal, double got, int decimals,
		    const char *noun)
{
	double scale = pow(10, decimals);

	explain_number(sb, goal, 6);
	if (got >= goal - 1e-6 * fmax(1, goal))
		strbuf_addf(sb, " %s: met, %.*f expected", noun, decimals, got);
	else {
		strbuf_addf(sb, " %s: not met, %.*f of ", noun, decimals,
			    floor(got * scale) / scale);
		explain_number(sb, goal, 6);
		strbuf_addstr(sb, " expected");
	}
}

void plan_text_summary(struct strbuf *sb, const struct campaign *c,
		       const struct plan *p)
{
	strbuf_addf(sb, "Objective: %s", objective_name(p->objective));
	if (p->status == PLAN_INFEASIBLE) {
		strbuf_addstr(sb, ": infeasible.");
		return;
	}
	if (p->status == PLAN_FEASIBLE)
		strbuf_addstr(sb, ", stopped at the time limit: the best plan "
				  "found, not proven optimal");
	strbuf_addstr(sb, ". Spend ");
	plan_text_amount(sb, c, p->total.spend);
	strbuf_addf(sb, " for %.1f applications and %.2f hires",
		    p->total.applications, p->total.hires);
	if (p->objective == OBJ_VALUE || p->objective == OBJ_REACH ||
	    p->objective == OBJ_BLEND) {
		strbuf_addstr(sb,
			      p->objective == OBJ_VALUE ? ", worth " : ", ");
		explain_amount(sb, c, p->objective, p->objective_value);
		if (p->objective == OBJ_VALUE)
			strbuf_addstr(sb, " (hires' worth less spend)");
	}
	strbuf_addch(sb, '.');
	plan_text_costs(sb, c, p);
}

void plan_text_costs(struct strbuf *sb, const struct campaign *c,
		     const struct plan *p)
{
	const struct plan_total *t = &p->total;

	if (p->content_fixed > 0) {
		strbuf_addstr(sb, " The spend includes ");
		plan_text_amount(sb, c, p->content_fixed);
		strbuf_addstr(sb, " of content paid per month.");
	}
	if (c->referral_outside_budget && t->expected_payouts > 0) {
		strbuf_addstr(sb, " Of the spend, ");
		plan_text_amount(sb, c, t->expected_payouts);
		strbuf_addstr(sb, " is referral bonuses expected to be paid "
				  "per hire, after the hire, outside the "
				  "budget.");
	}
	if (c->screening_cost > 0) {
		strbuf_addf(sb,
			    " Screening %.1f applications (%.1f of them "
			    "off-target) at ",
			    t->applications + t->off_target_applications,
			    t->off_target_applications);
		plan_text_amount(sb, c, c->screening_cost);
		strbuf_addstr(sb, " each costs ");
		plan_text_amount(sb, c, t->screening_cost);
		strbuf_addstr(sb, ": a total cost of ");
		plan_text_amount(sb, c, t->total_cost);
		strbuf_addch(sb, '.');
	}
}

void plan_text_daily_whole(struct strbuf *sb, const struct campaign *c,
			   int64_t minor)
{
	int64_t scale = money_scale(c->digits);

	if (minor > 0 && minor < scale - scale / 2)
		strbuf_addstr(sb, "< 1"); /* never a daily budget of 0 */
	else
		plan_text_whole(sb, c, minor);
}

int64_t plan_text_daily(const struct plan *p, int by_channel, size_t i)
{
	int64_t sum = MONEY_NONE;

	for (size_t k = 0; k < p->n_cells; k++)
		if (p->cells[k].daily != MONEY_NONE &&
		    ((by_channel ? p->cells[k].channel : p->cells[k].persona) ==
			     i ||
		     i == (size_t)-1))
			sum = (sum == MONEY_NONE ? 0 : sum) + p->cells[k].daily;
	return sum;
}

int plan_text_frontier_uses(const struct campaign *c, const struct plan *p,
			    size_t ch)
{
	for (size_t i = 0; p->frontier_spend && i < p->n_frontier; i++)
		if (p->frontier_spend[i * c->n_channels + ch] > 0)
			return 1;
	return 0;
}

void plan_text_frontier_step(struct strbuf *sb, const struct campaign *c,
			     const struct plan *p, size_t i)
{
	const struct frontier_point *f = &p->frontier[i];
	const struct frontier_point *prev = NULL;

	if (!f->feasible || !f->step)
		return;
	for (size_t k = i; k-- > 0;)
		if (p->frontier[k].feasible) {
			prev = &p->frontier[k];
			break;
		}
	strbuf_addstr(sb, "at ");
	plan_text_amount(sb, c, f->budget);
	strbuf_addf(sb, ": %s", f->step);
	if (prev) {
		double d = f->objective - prev->objective;

		strbuf_addstr(sb, d < 0 ? " (-" : " (+");
		explain_amount(sb, c, p->objective, fabs(d));
		strbuf_addstr(sb, " from the last point)");
	}
}

void plan_cell_total(const struct plan_cell *pc, struct plan_total *t)
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
	t->paid_clicks = pc->paid_clicks;
	t->off_target_applications = pc->off_target_applications;
	t->content_cost = pc->content_cost;
	t->screening_cost = pc->screening_cost;
	t->expected_payouts = pc->expected_payout;
	t->total_cost = pc->spend + pc->screening_cost;
}

/* may the line break at the space s[i]? not after a digit */
static int breakable(const char *s, size_t i)
{
	return s[i] == ' ' && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9');
}

void plan_text_wrap(struct strbuf *sb, const char *first, const char *text,
		    int indent, int width)
{
	int col = plan_text_width(first);
	size_t i = 0, n = strlen(text);
	int line_empty = 1;

	strbuf_addstr(sb, first);
	while (i < n) {
		size_t j = i;
		int w = 0;

		/* the next word: up to a space it may break at */
		while (j < n && (j == i || !breakable(text, j))) {
			w += ((unsigned char)text[j] & 0xC0) != 0x80;
			j++;
		}
		if (!line_empty && col + 1 + w > width) {
			strbuf_addch(sb, '\n');
			for (int k = 0; k < indent; k++)
				strbuf_addch(sb, ' ');
			col = indent;
			line_empty = 1;
		}
		if (!line_empty) {
			strbuf_addch(sb, ' ');
			col++;
		}
		strbuf_add(sb, text + i, j - i);
		col += w;
		line_empty = 0;
		i = j;
		while (i < n && text[i] == ' ')
			i++;
	}
	strbuf_addch(sb, '\n');
}

void text_table_add(struct text_table *t, const char *s)
{
	strvec_addf(&t->cells, "%s", s);
}

/* columns from..to-1 of every row, after column 0, into sb */
static void table_block(struct strbuf *sb, const struct text_table *t,
			const int *w, size_t from, size_t to)
{
	size_t rows = t->cells.n / t->n_cols;

	for (size_t r = 0; r < rows; r++) {
		char *const *row = &t->cells.item[r * t->n_cols];
		size_t start = sb->len;

		plan_text_pad(sb, row[0], w[0], t->align[0] == 'r');
		for (size_t i = from; i < to; i++) {
			strbuf_addstr(sb, "  ");
			plan_text_pad(sb, row[i], w[i], t->align[i] == 'r');
		}
		while (sb->len > start && sb->buf[sb->len - 1] == ' ')
			sb->buf[--sb->len] = '\0';
		strbuf_addch(sb, '\n');
	}
}

void text_table_write(struct strbuf *sb, const struct text_table *t, int width)
{
	int *w = xcalloc(t->n_cols, sizeof(*w));
	size_t from = 1;

	for (size_t k = 0; k < t->cells.n; k++) {
		int n = plan_text_width(t->cells.item[k]);

		if (n > w[k % t->n_cols])
			w[k % t->n_cols] = n;
	}
	if (t->n_cols == 1)
		table_block(sb, t, w, 1, 1);
	while (from < t->n_cols) {
		size_t to = from + 1;
		int line = w[0] + 2 + w[from];

		while (to < t->n_cols && line + 2 + w[to] <= width)
			line += 2 + w[to++];
		if (from > 1)
			strbuf_addch(sb, '\n');
		table_block(sb, t, w, from, to);
		from = to;
	}
	free(w);
}

void text_table_release(struct text_table *t)
{
	strvec_clear(&t->cells);
}
