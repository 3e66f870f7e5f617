/*
 * The plan as CSV. Text cells go through csv_add_text(), which quotes
 * and defuses formulas; figures are plain numbers a spreadsheet reads.
 * One table: the plan's cells and total (section "plan"), an infeasible
 * plan's best plan at its budget ("best_effort") and the frontier's
 * spend per channel and total at each budget ("frontier"), told apart
 * by the section column (docs/plan-json.md, "The CSV plan").
 */
#include "plan_csv.h"

#include <inttypes.h>
#include <math.h>

#include "campaign.h"
#include "csv.h"
#include "money.h"
#include "plan_text.h"
#include "planner.h"
#include "strbuf.h"

/* the columns after currency that only plan rows fill */
#define FUNNEL_EMPTY ",,,,,,"

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

/* the trailing columns: section, budget, marginal_per_1000, step */
static void csv_tail(struct strbuf *sb, const struct campaign *c,
		     const char *section, int64_t budget, double marginal,
		     const char *step)
{
	strbuf_addch(sb, ',');
	csv_add_text(sb, section);
	csv_money(sb, c, budget);
	strbuf_addch(sb, ',');
	if (isfinite(marginal))
		strbuf_addf(sb, "%.6f", marginal);
	strbuf_addch(sb, ',');
	if (step)
		csv_add_text(sb, step);
	strbuf_addstr(sb, "\r\n");
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
	strbuf_addf(sb, ",%.2f,%.4f", t->paid_clicks,
		    t->off_target_applications);
	csv_money(sb, c, t->screening_cost);
	csv_money(sb, c, t->content_cost);
	/* empty when nothing is paid per hire */
	csv_money(sb, c,
		  t->expected_payouts > 0 ? t->expected_payouts : MONEY_NONE);
}

/* a plan's cells and its total, in section */
static void csv_plan(struct strbuf *sb, const struct campaign *c,
		     const struct plan *p, const char *section)
{
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct plan_cell *pc = &p->cells[i];
		const struct channel *ch = &c->channels[pc->channel];
		struct plan_total t;

		plan_cell_total(pc, &t);
		csv_row(sb, c, c->personas[pc->persona].id, ch->id,
			platform_name(ch->platform), &t, pc->daily,
			shared_by(c, p, pc->channel));
		csv_tail(sb, c, section, p->budget, NAN, NULL);
	}
	csv_row(sb, c, "total", "", "", &p->total, MONEY_NONE, 0);
	csv_tail(sb, c, section, p->budget, NAN, NULL);
}

/* the plan at the efficient budget, when the plan has one */
static void csv_efficient(struct strbuf *sb, const struct campaign *c,
			  const struct plan *p)
{
	if (p->efficient.kind == CEILING_NONE)
		return;
	csv_row(sb, c, "total", "", "", &p->efficient.total, MONEY_NONE, 0);
	csv_tail(sb, c, "efficient_budget", p->efficient.budget, NAN, NULL);
}

/* frontier point i: a row per channel used, then its total */
static void csv_frontier_point(struct strbuf *sb, const struct campaign *c,
			       const struct plan *p, size_t i)
{
	const struct frontier_point *f = &p->frontier[i];
	size_t nch = c->n_channels;

	if (!f->feasible) {
		strbuf_addf(sb, "total,,,,,,,,,,,,");
		csv_add_text(sb, c->currency);
		strbuf_addstr(sb, FUNNEL_EMPTY);
		csv_tail(sb, c, "frontier", f->budget, NAN, "infeasible");
		return;
	}
	for (size_t ch = 0; p->frontier_spend && ch < nch; ch++) {
		if (!plan_text_frontier_uses(c, p, ch))
			continue;
		strbuf_addch(sb, ',');
		csv_add_text(sb, c->channels[ch].id);
		strbuf_addch(sb, ',');
		csv_add_text(sb, platform_name(c->channels[ch].platform));
		csv_money(sb, c, p->frontier_spend[i * nch + ch]);
		strbuf_addstr(sb, ",,,,,,,,,");
		csv_add_text(sb, c->currency);
		strbuf_addstr(sb, FUNNEL_EMPTY);
		csv_tail(sb, c, "frontier", f->budget, NAN, NULL);
	}
	strbuf_addstr(sb, "total,,");
	csv_money(sb, c, f->spend);
	strbuf_addf(sb, ",,,%.2f,,%.4f,%.4f,,,", f->reach, f->applications,
		    f->hires);
	csv_add_text(sb, c->currency);
	strbuf_addstr(sb, FUNNEL_EMPTY);
	csv_tail(sb, c, "frontier", f->budget, f->marginal, f->step);
}

void plan_write_csv(struct strbuf *sb, const struct campaign *c,
		    const struct plan *p)
{
	strbuf_addstr(sb, "persona,channel,platform,spend,daily_budget,"
			  "impressions,reach,clicks,applications,hires,"
			  "cost_per_application,cost_per_hire,currency,"
			  "shared_by,paid_clicks,off_target_applications,"
			  "screening_cost,content_cost,expected_payout,"
			  "section,budget,marginal_per_1000,step\r\n");
	if (p->status != PLAN_INFEASIBLE) {
		csv_plan(sb, c, p, "plan");
		csv_efficient(sb, c, p);
	} else if (p->best_effort)
		csv_plan(sb, c, p->best_effort, "best_effort");
	for (size_t i = 0; i < p->n_frontier; i++)
		csv_frontier_point(sb, c, p, i);
}
