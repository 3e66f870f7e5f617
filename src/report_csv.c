/*
 * report_csv.c - the report as CSV (RFC 4180, CRLF line ends): a total
 * row per campaign and currency, then one row per line of the chosen
 * breakdown. Money is exact decimal text in major units, beside its
 * currency; text cells go through csv_add_text(), which quotes them and
 * defuses spreadsheet formulas.
 */
#include <math.h>

#include "csv.h"
#include "report.h"
#include "report_int.h"
#include "strbuf.h"

static const char header[] =
	"campaign_id,campaign,currency,by,key,platform,rows,spend,"
	"impressions,reach,clicks,ctr,cpc,cpm,applications,"
	"platform_applications,cost_per_application,hires,cost_per_hire,"
	"value,roi\r\n";

static void add_double(struct strbuf *sb, double v, int decimals)
{
	if (isfinite(v))
		strbuf_addf(sb, "%.*f", decimals, v);
}

static void add_count(struct strbuf *sb, int64_t v)
{
	if (v >= 0)
		strbuf_addf(sb, "%lld", (long long)v);
}

static void add_money(struct strbuf *sb, const struct report_group *g,
		      int64_t v)
{
	report_plain_money(sb, g, v);
}

/* csv_add_text() of s with its bidirectional controls replaced */
static void add_text(struct strbuf *sb, const char *s)
{
	struct strbuf clean = STRBUF_INIT;

	while (*s) {
		size_t bidi = report_bidi_len(s);

		if (bidi) {
			strbuf_addstr(&clean, "\xef\xbf\xbd");
			s += bidi;
		} else {
			strbuf_addch(&clean, *s++);
		}
	}
	csv_add_text(sb, clean.buf);
	strbuf_release(&clean);
}

static void csv_row(struct strbuf *sb, const struct report_group *g,
		    const char *by, const char *key, const char *platform,
		    const struct report_figs *f)
{
	if (g->campaign_id >= 0) /* empty: the --plan file's, not stored */
		strbuf_addf(sb, "%lld", (long long)g->campaign_id);
	strbuf_addch(sb, ',');
	add_text(sb, g->campaign);
	strbuf_addch(sb, ',');
	csv_add_text(sb, g->currency);
	strbuf_addch(sb, ',');
	csv_add_text(sb, by);
	strbuf_addch(sb, ',');
	add_text(sb, key);
	strbuf_addch(sb, ',');
	csv_add_text(sb, platform);
	strbuf_addf(sb, ",%lld,", (long long)f->rows);
	add_money(sb, g, f->spend);
	strbuf_addf(sb, ",%lld,%lld,%lld,", (long long)f->impressions,
		    (long long)f->reach, (long long)f->clicks);
	add_double(sb, report_ctr(f), 6);
	strbuf_addch(sb, ',');
	add_money(sb, g, report_div(f->spend, f->clicks));
	strbuf_addch(sb, ',');
	add_money(sb, g, report_cpm(f));
	strbuf_addf(sb, ",%lld,", (long long)f->apps);
	add_count(sb, report_platform_apps(f));
	strbuf_addch(sb, ',');
	add_money(sb, g, report_div(f->spend, f->apps));
	strbuf_addf(sb, ",%lld,", (long long)f->hires);
	add_money(sb, g, report_div(f->spend, f->hires));
	strbuf_addch(sb, ',');
	add_money(sb, g, report_value(g, f));
	strbuf_addch(sb, ',');
	add_double(sb, report_roi(g, f), 4);
	strbuf_addstr(sb, "\r\n");
}

int report_csv(const struct report *r, enum report_by by, struct strbuf *sb)
{
	strbuf_addstr(sb, header);
	for (size_t i = 0; i < r->n_groups; i++) {
		const struct report_group *g = &r->groups[i];
		const struct report_table *t = &g->by[by];

		csv_row(sb, g, "total", "", "", &g->total);
		for (size_t j = 0; j < t->n; j++)
			csv_row(sb, g, report_by_name(by), t->lines[j].key,
				t->lines[j].platform, &t->lines[j].f);
	}
	return 0;
}
