/*
 * Shared pieces of the plan's text writers. Each formats into the
 * caller's buffer, so two amounts on one line never share storage.
 */
#include "plan_text.h"

#include <math.h>
#include <string.h>

#include "campaign.h"
#include "money.h"
#include "planner.h"
#include "strbuf.h"

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

void plan_text_pad(struct strbuf *sb, const char *s, int width, int right)
{
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

void plan_text_infeasible(struct strbuf *sb, const struct campaign *c,
			  const struct plan *p, const char *bullet)
{
	strbuf_addstr(sb, "\nNo plan meets the goals:\n");
	for (size_t i = 0; i < p->n_reasons; i++)
		strbuf_addf(sb, "%s%s\n", bullet, p->reasons[i]);
	if (p->least_budget != MONEY_NONE) {
		strbuf_addstr(sb, "Least budget that meets every goal: ");
		plan_text_amount(sb, c, p->least_budget);
		strbuf_addch(sb, '\n');
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
}
