/*
 * report_json.c - the report as JSON (docs/report.md has the schema):
 * stable keys, money as integer minor units beside the currency, and
 * null for a figure that has no value (a ratio over 0).
 */
#include <math.h>
#include <stdlib.h>

#include "json.h"
#include "report.h"
#include "report_int.h"
#include "strbuf.h"
#include "wrapper.h"

static void key_money(struct json_writer *w, const char *key, int64_t v)
{
	json_key(w, key);
	if (v < 0)
		json_null(w);
	else
		json_int(w, v);
}

static void key_num(struct json_writer *w, const char *key, double v)
{
	json_key(w, key);
	if (isfinite(v))
		json_number(w, v);
	else
		json_null(w);
}

static void key_int(struct json_writer *w, const char *key, int64_t v)
{
	json_key(w, key);
	json_int(w, v);
}

static void key_str(struct json_writer *w, const char *key, const char *v)
{
	json_key(w, key);
	json_string(w, v && *v ? v : NULL);
}

/* the members of a struct report_figs and its ratios */
static void figs(struct json_writer *w, const struct report_group *g,
		 const struct report_figs *f)
{
	key_int(w, "rows", f->rows);
	key_int(w, "spend", f->spend);
	key_int(w, "impressions", f->impressions);
	key_int(w, "reach", f->reach);
	key_int(w, "clicks", f->clicks);
	key_int(w, "link_clicks", f->link_clicks);
	key_num(w, "ctr", report_ctr(f));
	key_money(w, "cpc", report_div(f->spend, f->clicks));
	key_money(w, "cpm", report_cpm(f));
	key_int(w, "applications", f->apps);
	key_money(w, "platform_applications", report_platform_apps(f));
	key_money(w, "cost_per_application", report_div(f->spend, f->apps));
	key_int(w, "hires", f->hires);
	key_money(w, "cost_per_hire", report_div(f->spend, f->hires));
	key_money(w, "value", report_value(g, f));
	key_num(w, "roi", report_roi(g, f));
}

static void table(struct json_writer *w, const struct report_group *g,
		  const char *key, const struct report_table *t)
{
	json_key(w, key);
	json_array_begin(w);
	for (size_t i = 0; i < t->n; i++) {
		json_object_begin(w);
		key_str(w, "key", t->lines[i].key);
		key_str(w, "platform", t->lines[i].platform);
		figs(w, g, &t->lines[i].f);
		json_object_end(w);
	}
	json_array_end(w);
}

static void ranking(struct json_writer *w, const char *key,
		    const struct report_table *t)
{
	struct report_rank *rk = xcalloc(t->n ? t->n : 1, sizeof(*rk));

	report_rank(t, rk);
	json_key(w, key);
	json_array_begin(w);
	for (size_t i = 0; i < t->n; i++) {
		json_object_begin(w);
		key_str(w, "key", rk[i].line->key);
		json_key(w, "ranked");
		json_bool(w, rk[i].ranked);
		json_key(w, "clear");
		json_bool(w, rk[i].clear);
		key_int(w, "applications", rk[i].line->f.apps);
		key_money(w, "cost_per_application", rk[i].cpa);
		key_money(w, "cost_per_application_low", rk[i].cpa_lo);
		key_money(w, "cost_per_application_high", rk[i].cpa_hi);
		json_object_end(w);
	}
	json_array_end(w);
	free(rk);
}

static void plan_cell(struct json_writer *w, const struct report_group *g,
		      const struct report_cell_plan *c)
{
	json_object_begin(w);
	key_str(w, "persona", c->persona);
	key_str(w, "channel", c->channel);
	key_str(w, "platform", c->platform);
	key_int(w, "days", c->days);
	key_int(w, "elapsed", c->elapsed);
	key_int(w, "planned_spend", c->spend);
	key_int(w, "planned_to_date", c->planned_to_date);
	key_int(w, "spent_to_date", c->actual.spend);
	key_num(w, "pacing",
		c->planned_to_date > 0
			? (double)c->actual.spend / (double)c->planned_to_date
			: NAN);
	key_num(w, "planned_applications", c->apps);
	key_num(w, "planned_applications_to_date", c->apps_to_date);
	key_int(w, "applications", c->actual.apps);
	key_money(w, "cost_per_application",
		  report_div(c->actual.spend, c->actual.apps));
	(void)g;
	json_object_end(w);
}

static void plan(struct json_writer *w, const struct report_group *g)
{
	const struct report_plan *p = g->plan;

	json_key(w, "plan");
	if (!p) {
		json_null(w);
		return;
	}
	json_object_begin(w);
	key_str(w, "source", p->source);
	key_str(w, "objective", p->objective);
	key_str(w, "as_of", p->as_of);
	key_int(w, "budget", p->budget);
	key_int(w, "planned_spend", p->spend);
	key_int(w, "planned_to_date", p->planned_to_date);
	key_int(w, "spent_to_date", p->spent_to_date);
	key_num(w, "pacing",
		p->planned_to_date > 0
			? (double)p->spent_to_date / (double)p->planned_to_date
			: NAN);
	key_num(w, "planned_applications", p->apps);
	key_num(w, "planned_applications_to_date", p->apps_to_date);
	key_num(w, "planned_hires", p->hires);
	key_num(w, "marginal_per_1000", p->marginal);
	key_num(w, "observed_marginal_per_1000", p->marginal_obs);
	key_int(w, "observed_days", p->marginal_obs_days);
	json_key(w, "cells");
	json_array_begin(w);
	for (size_t i = 0; i < p->n_cells; i++)
		plan_cell(w, g, &p->cells[i]);
	json_array_end(w);
	json_object_end(w);
}

static void group(struct json_writer *w, const struct report *r,
		  const struct report_group *g)
{
	json_object_begin(w);
	key_money(w, "campaign_id", g->campaign_id); /* null: not stored */
	key_str(w, "campaign", g->campaign);
	key_str(w, "client", g->client);
	key_str(w, "currency", g->currency);
	key_int(w, "minor_digits", g->digits);
	key_str(w, "start", g->start);
	key_str(w, "end", g->end);
	key_str(w, "first_day", g->first);
	key_str(w, "last_day", g->last);
	key_money(w, "value_per_hire", g->value_per_hire);
	json_key(w, "totals");
	json_object_begin(w);
	figs(w, g, &g->total);
	json_object_end(w);
	table(w, g, "by_platform", &g->by[REPORT_BY_PLATFORM]);
	table(w, g, "by_channel", &g->by[REPORT_BY_CHANNEL]);
	table(w, g, "by_persona", &g->by[REPORT_BY_PERSONA]);
	table(w, g, "by_day", &g->by[REPORT_BY_DAY]);
	if (r->ads)
		table(w, g, "by_ad", &g->by[REPORT_BY_AD]);
	json_key(w, "ranking");
	json_object_begin(w);
	ranking(w, "channel", &g->by[REPORT_BY_CHANNEL]);
	ranking(w, "persona", &g->by[REPORT_BY_PERSONA]);
	json_object_end(w);
	plan(w, g);
	json_object_end(w);
}

int report_json(const struct report *r, struct strbuf *sb)
{
	struct json_writer w;

	json_writer_init(&w, sb, true);
	json_object_begin(&w);
	key_int(&w, "jobmix_report", 1);
	key_str(&w, "from", r->from);
	key_str(&w, "to", r->to);
	json_key(&w, "campaigns");
	json_array_begin(&w);
	for (size_t i = 0; i < r->n_groups; i++)
		group(&w, r, &r->groups[i]);
	json_array_end(&w);
	json_object_end(&w);
	strbuf_addch(sb, '\n');
	return 0;
}
