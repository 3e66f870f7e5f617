/*
 * report_md.c - the report as Markdown for a wiki or a chat message: per
 * campaign and currency a heading, the key figures, a table of the
 * chosen breakdown, the ranking by cost per application and plan versus
 * actual. Names are escaped so they cannot add markup, break a table or
 * reorder the text (bidirectional controls become U+FFFD).
 */
#include <math.h>
#include <stdlib.h>

#include "report.h"
#include "report_int.h"
#include "strbuf.h"
#include "wrapper.h"

static void md_text(struct strbuf *sb, const char *s)
{
	while (*s) {
		size_t bidi = report_bidi_len(s);

		if (bidi) {
			strbuf_addstr(sb, "\xef\xbf\xbd");
			s += bidi;
			continue;
		}
		if (*s == '|' || *s == '\\' || *s == '*' || *s == '_' ||
		    *s == '<' || *s == '>' || *s == '[' || *s == ']' ||
		    *s == '`' || *s == '&' || *s == '#' || *s == '!' ||
		    *s == '~')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *s == '\n' || *s == '\r' ? ' ' : *s);
		s++;
	}
}

static void md_figs(struct strbuf *sb, const struct report_group *g,
		    const struct report_figs *f)
{
	int64_t pa = report_platform_apps(f);

	strbuf_addstr(sb, " | ");
	report_text_money(sb, g, f->spend);
	strbuf_addstr(sb, " | ");
	report_text_count(sb, f->impressions);
	strbuf_addstr(sb, " | ");
	report_text_count(sb, f->clicks);
	strbuf_addstr(sb, " | ");
	report_text_percent(sb, report_ctr(f));
	strbuf_addstr(sb, " | ");
	report_text_money(sb, g, report_div(f->spend, f->clicks));
	strbuf_addstr(sb, " | ");
	report_text_money(sb, g, report_cpm(f));
	strbuf_addstr(sb, " | ");
	report_text_count(sb, f->apps);
	strbuf_addstr(sb, " | ");
	if (pa < 0)
		strbuf_addch(sb, '-');
	else
		report_text_count(sb, pa);
	strbuf_addstr(sb, " | ");
	report_text_money(sb, g, report_div(f->spend, f->apps));
	strbuf_addstr(sb, " | ");
	report_text_count(sb, f->hires);
	strbuf_addstr(sb, " | ");
	report_text_money(sb, g, report_div(f->spend, f->hires));
	strbuf_addstr(sb, " | ");
	report_text_percent(sb, report_roi(g, f));
	strbuf_addstr(sb, " |\n");
}

static void md_table(struct strbuf *sb, const struct report_group *g,
		     enum report_by by)
{
	const struct report_table *t = &g->by[by];

	strbuf_addf(sb,
		    "\n| %s | spend | impressions | clicks | CTR | CPC | CPM "
		    "| applications (ATS) | applications (platform) "
		    "| cost per application | hires | cost per hire | ROI "
		    "|\n",
		    report_by_name(by));
	strbuf_addstr(sb, "| --- | ---: | ---: | ---: | ---: | ---: | ---: "
			  "| ---: | ---: | ---: | ---: | ---: | ---: |\n");
	for (size_t i = 0; i < t->n; i++) {
		strbuf_addstr(sb, "| ");
		md_text(sb, t->lines[i].key);
		md_figs(sb, g, &t->lines[i].f);
	}
	strbuf_addstr(sb, "| **total**");
	md_figs(sb, g, &g->total);
}

static void md_ranking(struct strbuf *sb, const struct report_group *g,
		       enum report_by by)
{
	const struct report_table *t = &g->by[by];
	struct report_rank *rk = xcalloc(t->n ? t->n : 1, sizeof(*rk));
	size_t ranked = report_rank(t, rk);

	strbuf_addf(sb, "\n**By cost per application (%s).** ",
		    report_by_name(by));
	if (ranked == 0)
		strbuf_addf(sb,
			    "None has %d ATS applications yet: too few "
			    "to rank.",
			    REPORT_RANK_MIN);
	for (size_t i = 0; i < ranked; i++) {
		strbuf_addf(sb, "%zu. ", i + 1);
		md_text(sb, rk[i].line->key);
		strbuf_addstr(sb, " ");
		report_text_money(sb, g, rk[i].cpa);
		strbuf_addstr(sb, " (95 % interval ");
		report_text_money(sb, g, rk[i].cpa_lo);
		strbuf_addstr(sb, " to ");
		report_text_money(sb, g, rk[i].cpa_hi);
		strbuf_addf(sb, ")%s%s", rk[i].clear ? ", clearly ahead" : "",
			    i + 1 < ranked ? "; " : ".");
	}
	if (ranked > 1) {
		strbuf_addstr(sb, " Best: ");
		md_text(sb, rk[0].line->key);
		strbuf_addstr(sb, "; worst: ");
		md_text(sb, rk[ranked - 1].line->key);
		strbuf_addstr(sb, rk[0].clear
					  ? "."
					  : " (the best is not clearly ahead "
					    "of the second).");
	}
	if (ranked < t->n) {
		strbuf_addf(sb, " Too few applications to rank (under %d): ",
			    REPORT_RANK_MIN);
		for (size_t i = ranked; i < t->n; i++) {
			md_text(sb, rk[i].line->key);
			strbuf_addf(sb, " (%lld)%s",
				    (long long)rk[i].line->f.apps,
				    i + 1 < t->n ? ", " : ".");
		}
	}
	strbuf_addch(sb, '\n');
	free(rk);
}

static void md_plan(struct strbuf *sb, const struct report_group *g)
{
	const struct report_plan *p = g->plan;

	if (!p)
		return;
	strbuf_addf(sb, "\n### Plan versus actual (to %s)\n\n", p->as_of);
	strbuf_addstr(sb, "| persona | channel | planned to date | spent "
			  "| pacing | planned applications to date "
			  "| applications |\n"
			  "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct report_cell_plan *c = &p->cells[i];

		strbuf_addstr(sb, "| ");
		md_text(sb, c->persona);
		strbuf_addstr(sb, " | ");
		md_text(sb, c->channel);
		strbuf_addstr(sb, " | ");
		report_text_money(sb, g, c->planned_to_date);
		strbuf_addstr(sb, " | ");
		report_text_money(sb, g, c->actual.spend);
		strbuf_addstr(sb, " | ");
		report_text_percent(sb,
				    c->planned_to_date > 0
					    ? (double)c->actual.spend /
						      (double)c->planned_to_date
					    : NAN);
		strbuf_addstr(sb, " | ");
		report_text_number(sb, c->apps_to_date, 3);
		strbuf_addf(sb, " | %lld |\n", (long long)c->actual.apps);
	}
	strbuf_addstr(sb, "\nThe plan's marginal return: ");
	report_text_number(sb, p->marginal, 3);
	strbuf_addf(sb, " %s per 1 000 %s more; observed: ",
		    p->objective[0] ? p->objective : "results", g->currency);
	report_text_number(sb, p->marginal_obs, 3);
	strbuf_addf(sb,
		    " applications per 1 000 %s (the slope over %d days).\n",
		    g->currency, p->marginal_obs_days);
}

int report_md(const struct report *r, enum report_by by, struct strbuf *sb)
{
	for (size_t i = 0; i < r->n_groups; i++) {
		const struct report_group *g = &r->groups[i];

		strbuf_addstr(sb, i ? "\n## " : "## ");
		md_text(sb, g->campaign);
		strbuf_addf(sb, " (%s)\n\n", g->currency);
		if (g->client) {
			strbuf_addstr(sb, "Client: ");
			md_text(sb, g->client);
			strbuf_addstr(sb, ". ");
		}
		strbuf_addf(sb, "Days with data: %s to %s.\n",
			    g->first[0] ? g->first : "-",
			    g->last[0] ? g->last : "-");
		md_table(sb, g, by);
		md_ranking(sb, g, REPORT_BY_CHANNEL);
		md_ranking(sb, g, REPORT_BY_PERSONA);
		md_plan(sb, g);
	}
	return 0;
}
