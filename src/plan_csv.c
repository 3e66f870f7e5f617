/*
 * The plan as CSV. Text cells go through csv_add_text(), which quotes
 * and defuses formulas; figures are plain numbers a spreadsheet reads.
 */
#include "plan_csv.h"

#include <inttypes.h>

#include "campaign.h"
#include "csv.h"
#include "money.h"
#include "plan_text.h"
#include "planner.h"
#include "strbuf.h"

static void csv_money(struct strbuf *sb, const struct campaign *c, int64_t v)
{
	strbuf_addch(sb, ',');
	if (v != MONEY_NONE)
		money_format(sb, v, c->digits);
}

/* personas sharing flat channel ch's one buy; 0 for other channels */
static int64_t shared_by(const struct campaign *c, const struct plan *p,
			 size_t ch)
{
	int64_t n = 0;

	if (c->channels[ch].pricing != PRICING_FLAT)
		return 0;
	for (size_t k = 0; k < p->n_cells; k++)
		n += p->cells[k].channel == ch;
	return n;
}

static void csv_row(struct strbuf *sb, const struct campaign *c,
		    const char *persona, const char *channel,
		    const char *platform, const struct plan_total *t,
		    int64_t daily, int64_t shared)
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
	strbuf_addch(sb, ',');
	if (shared > 0)
		strbuf_addf(sb, "%" PRId64, shared);
	strbuf_addstr(sb, "\r\n");
}

void plan_write_csv(struct strbuf *sb, const struct campaign *c,
		    const struct plan *p)
{
	strbuf_addstr(sb, "persona,channel,platform,spend,daily_budget,"
			  "impressions,reach,clicks,applications,hires,"
			  "cost_per_application,cost_per_hire,currency,"
			  "shared_by\r\n");
	if (p->status == PLAN_INFEASIBLE)
		return;
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct plan_cell *pc = &p->cells[i];
		const struct channel *ch = &c->channels[pc->channel];
		struct plan_total t;

		plan_cell_total(pc, &t);
		csv_row(sb, c, c->personas[pc->persona].id, ch->id,
			platform_name(ch->platform), &t, pc->daily,
			shared_by(c, p, pc->channel));
	}
	csv_row(sb, c, "total", "", "", &p->total, MONEY_NONE, 0);
}
