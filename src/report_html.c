/*
 * report_html.c - the report as one self-contained HTML file: the page
 * frame and stylesheet read from files (reports/frame.html and
 * reports/report.css, or the config's), agency branding, the logo
 * embedded as a data URI, and SVG charts drawn here: spend and
 * applications by channel, the funnel, the daily trend and plan versus
 * actual. No script, no external request (a Content-Security-Policy
 * forbids them). Every name from the store is escaped and isolated in
 * <bdi>, so neither markup nor a right-to-left mark leaks out of it.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "fileio.h"
#include "report.h"
#include "report_int.h"
#include "strbuf.h"
#include "usage.h"
#include "wrapper.h"

void report_html_escape(struct strbuf *sb, const char *s)
{
	while (*s) {
		size_t bidi = report_bidi_len(s);

		if (bidi) {
			strbuf_addstr(sb, "\xef\xbf\xbd");
			s += bidi;
			continue;
		}
		switch (*s) {
		case '&':
			strbuf_addstr(sb, "&amp;");
			break;
		case '<':
			strbuf_addstr(sb, "&lt;");
			break;
		case '>':
			strbuf_addstr(sb, "&gt;");
			break;
		case '"':
			strbuf_addstr(sb, "&quot;");
			break;
		case '\'':
			strbuf_addstr(sb, "&#39;");
			break;
		default:
			strbuf_addch(sb, *s);
		}
		s++;
	}
}

/* an untrusted name, escaped and isolated */
static void name(struct strbuf *sb, const char *s)
{
	strbuf_addstr(sb, "<bdi>");
	report_html_escape(sb, s);
	strbuf_addstr(sb, "</bdi>");
}

static void base64(struct strbuf *sb, const unsigned char *p, size_t n)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				  "abcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;

		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		strbuf_addch(sb, abc[(v >> 18) & 63]);
		strbuf_addch(sb, abc[(v >> 12) & 63]);
		strbuf_addch(sb, i + 1 < n ? abc[(v >> 6) & 63] : '=');
		strbuf_addch(sb, i + 2 < n ? abc[v & 63] : '=');
	}
}

/* the logo's media type from its first bytes; NULL: not an image we take */
static const char *image_type(const struct strbuf *f)
{
	const unsigned char *u = (const unsigned char *)f->buf;

	if (f->len > 8 && memcmp(u, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (f->len > 3 && u[0] == 0xff && u[1] == 0xd8 && u[2] == 0xff)
		return "image/jpeg";
	if (f->len > 6 &&
	    (memcmp(u, "GIF87a", 6) == 0 || memcmp(u, "GIF89a", 6) == 0))
		return "image/gif";
	if (strstr(f->buf, "<svg"))
		return "image/svg+xml"; /* in <img>, an SVG runs no script */
	return NULL;
}

static int add_logo(struct strbuf *sb, const char *path)
{
	struct strbuf f = STRBUF_INIT;
	const char *type;

	if (read_file(path, &f)) {
		errorf("%s: cannot read the logo ([report] logo): %s", path,
		       read_file_strerror(errno));
		strbuf_release(&f);
		return JM_NOINPUT;
	}
	type = image_type(&f);
	if (!type) {
		errorf("%s: the logo is not a PNG, JPEG, GIF or SVG image",
		       path);
		strbuf_release(&f);
		return JM_DATAERR;
	}
	strbuf_addf(sb, "<img class=\"logo\" alt=\"\" src=\"data:%s;base64,",
		    type);
	base64(sb, (const unsigned char *)f.buf, f.len);
	strbuf_addstr(sb, "\">");
	strbuf_release(&f);
	return 0;
}

#define CHART_W 480 /* width of an SVG chart, in its own units */

/* one label's text for an SVG, at most 22 characters */
static void svg_label(struct strbuf *sb, const char *s)
{
	size_t chars = 0, i = 0;

	for (; s[i] && chars < 22; chars++) {
		i++;
		while ((s[i] & 0xc0) == 0x80)
			i++;
	}
	{
		char *cut = xstrndup(s, i);

		report_html_escape(sb, cut);
		free(cut);
	}
	if (s[i])
		strbuf_addstr(sb, "\xe2\x80\xa6");
}

/* horizontal bars of the table's spend (money) or applications */
static void svg_bars(struct strbuf *sb, const char *title,
		     const struct report_group *g, const struct report_table *t,
		     bool money)
{
	double max = 0;
	int h = 28 + 24 * (int)t->n;

	for (size_t i = 0; i < t->n; i++) {
		double v = money ? (double)t->lines[i].f.spend
				 : (double)t->lines[i].f.apps;
		max = v > max ? v : max;
	}
	strbuf_addf(sb,
		    "<figure class=\"chart\"><svg role=\"img\" "
		    "width=\"%d\" viewBox=\"0 0 %d %d\" class=\"bars\">"
		    "<title>%s</title>\n",
		    CHART_W, CHART_W, h, title);
	strbuf_addf(sb, "<text x=\"0\" y=\"16\" class=\"ct\">%s</text>\n",
		    title);
	for (size_t i = 0; i < t->n; i++) {
		const struct report_figs *f = &t->lines[i].f;
		double v = money ? (double)f->spend : (double)f->apps;
		double w = max > 0 ? 230.0 * v / max : 0;
		int y = 28 + 24 * (int)i;

		strbuf_addf(sb, "<text x=\"0\" y=\"%d\" class=\"lb\">", y + 15);
		svg_label(sb, t->lines[i].key);
		strbuf_addf(sb,
			    "</text><rect x=\"150\" y=\"%d\" width=\"%.1f\" "
			    "height=\"18\" class=\"%s\"/>",
			    y + 2, w < 1 && v > 0 ? 1.0 : w,
			    money ? "b1" : "b2");
		strbuf_addf(sb, "<text x=\"%.1f\" y=\"%d\" class=\"vl\">",
			    156 + w, y + 15);
		if (money)
			report_text_money(sb, g, f->spend);
		else
			report_text_count(sb, f->apps);
		strbuf_addstr(sb, "</text>\n");
	}
	strbuf_addstr(sb, "</svg></figure>\n");
}

/* the funnel: bar lengths on a log scale, each stage's rate beside it */
static void svg_funnel(struct strbuf *sb, const struct report_figs *f)
{
	const char *stage[] = { "Impressions", "Clicks", "Applications",
				"Hires" };
	int64_t v[] = { f->impressions, f->clicks, f->apps, f->hires };
	double top = log10((double)(v[0] > 1 ? v[0] : 1) + 1);

	strbuf_addf(sb,
		    "<figure class=\"chart\"><svg role=\"img\" "
		    "width=\"%d\" viewBox=\"0 0 %d 132\" class=\"funnel\">"
		    "<title>Funnel</title>\n",
		    CHART_W, CHART_W + 80);
	for (int i = 0; i < 4; i++) {
		double w = top > 0 ? 300.0 * log10((double)v[i] + 1) / top : 0;

		w = w > 300 ? 300
			    : w; /* no impressions: every bar at most full */
		int y = 4 + 32 * i;

		strbuf_addf(sb,
			    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
			    "height=\"26\" class=\"f%d\"/>",
			    90 + (300 - w) / 2, y, w, i);
		strbuf_addf(sb, "<text x=\"0\" y=\"%d\" class=\"lb\">%s</text>",
			    y + 18, stage[i]);
		strbuf_addf(sb, "<text x=\"396\" y=\"%d\" class=\"vl\">",
			    y + 18);
		report_text_count(sb, v[i]);
		if (i > 0 && v[i - 1] > 0) {
			strbuf_addstr(sb, " (");
			report_text_percent(sb,
					    (double)v[i] / (double)v[i - 1]);
			strbuf_addch(sb, ')');
		}
		strbuf_addstr(sb, "</text>\n");
	}
	strbuf_addstr(sb, "</svg></figure>\n");
}

/* the daily trend: spend as a line, applications as bars, own scales */
/* long: one SVG with two series, their axes and the date labels */
static void svg_trend(struct strbuf *sb, const struct report_group *g)
{
	const struct report_table *t = &g->by[REPORT_BY_DAY];
	double smax = 0, amax = 0, step;
	const int x0 = 60, w = 560, y0 = 170, hgt = 140;

	for (size_t i = 0; i < t->n; i++) {
		smax = fmax(smax, (double)t->lines[i].f.spend);
		amax = fmax(amax, (double)t->lines[i].f.apps);
	}
	step = t->n > 1 ? (double)w / (double)(t->n - 1) : 0;
	strbuf_addstr(sb, "<figure class=\"chart wide\"><svg role=\"img\" "
			  "width=\"900\" viewBox=\"0 0 680 200\" "
			  "class=\"trend\"><title>"
			  "Daily spend and applications</title>\n");
	strbuf_addf(sb,
		    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "class=\"ax\"/>",
		    x0, y0, x0 + w, y0);
	for (size_t i = 0; i < t->n && amax > 0; i++) {
		double bh = hgt * (double)t->lines[i].f.apps / amax;
		double bw = fmax(1.0, fmin(12.0, step * 0.6));

		if (bh > 0)
			strbuf_addf(
				sb,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
				"height=\"%.1f\" class=\"b2\"/>",
				x0 + step * (double)i - bw / 2, y0 - bh, bw,
				bh);
	}
	if (t->n > 0 && smax > 0) {
		strbuf_addstr(sb, "\n<polyline class=\"ln\" points=\"");
		for (size_t i = 0; i < t->n; i++)
			strbuf_addf(sb, "%s%.1f,%.1f", i ? " " : "",
				    x0 + step * (double)i,
				    y0 - hgt * (double)t->lines[i].f.spend /
						    smax);
		strbuf_addstr(sb, "\"/>\n");
	}
	strbuf_addf(sb, "<text x=\"0\" y=\"%d\" class=\"vl\">", y0 - hgt + 4);
	report_text_money(sb, g, (int64_t)smax);
	strbuf_addf(sb, "</text><text x=\"%d\" y=\"%d\" class=\"vl\">",
		    x0 + w + 4, y0 - hgt + 4);
	report_text_count(sb, (int64_t)amax);
	strbuf_addstr(sb, "</text>\n");
	if (t->n > 0) {
		strbuf_addf(sb, "<text x=\"%d\" y=\"190\" class=\"lb\">", x0);
		report_html_escape(sb, t->lines[0].key);
		strbuf_addf(sb,
			    "</text><text x=\"%d\" y=\"190\" class=\"lb\" "
			    "text-anchor=\"end\">",
			    x0 + w);
		report_html_escape(sb, t->lines[t->n - 1].key);
		strbuf_addstr(sb, "</text>\n");
	}
	strbuf_addstr(sb, "<text x=\"300\" y=\"14\" class=\"lg\">"
			  "<tspan class=\"k1\">&#9472; spend per day</tspan> "
			  "<tspan class=\"k2\">&#9646; applications per day"
			  "</tspan></text>\n</svg></figure>\n");
}

/* plan versus actual per cell: planned to date (outline), spent (bar) */
static void svg_pacing(struct strbuf *sb, const struct report_group *g)
{
	const struct report_plan *p = g->plan;
	double max = 0;
	int h = 28 + 24 * (int)p->n_cells;

	for (size_t i = 0; i < p->n_cells; i++)
		max = fmax(max, fmax((double)p->cells[i].planned_to_date,
				     (double)p->cells[i].actual.spend));
	strbuf_addf(sb,
		    "<figure class=\"chart wide\"><svg role=\"img\" "
		    "width=\"680\" viewBox=\"0 0 680 %d\" "
		    "class=\"pacing\"><title>Spend "
		    "against plan to date</title>\n"
		    "<text x=\"0\" y=\"16\" class=\"ct\">Spent (bar) against "
		    "planned to date (outline)</text>\n",
		    h);
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct report_cell_plan *c = &p->cells[i];
		double pw =
			max > 0 ? 330.0 * (double)c->planned_to_date / max : 0;
		double aw = max > 0 ? 330.0 * (double)c->actual.spend / max : 0;
		int y = 28 + 24 * (int)i;

		strbuf_addf(sb, "<text x=\"0\" y=\"%d\" class=\"lb\">", y + 15);
		svg_label(sb, c->persona);
		strbuf_addstr(sb, " / ");
		svg_label(sb, c->channel);
		strbuf_addf(sb,
			    "</text><rect x=\"230\" y=\"%d\" width=\"%.1f\" "
			    "height=\"18\" class=\"b1\"/><rect x=\"230\" "
			    "y=\"%d\" width=\"%.1f\" height=\"18\" "
			    "class=\"pl\"/><text x=\"%.1f\" y=\"%d\" "
			    "class=\"vl\">",
			    y + 2, aw, y + 2, pw, 236 + fmax(aw, pw), y + 15);
		report_text_percent(sb,
				    c->planned_to_date > 0
					    ? (double)c->actual.spend /
						      (double)c->planned_to_date
					    : NAN);
		strbuf_addstr(sb, "</text>\n");
	}
	strbuf_addstr(sb, "</svg></figure>\n");
}

static void kpi(struct strbuf *sb, const char *label, const char *value)
{
	strbuf_addf(sb, "<div class=\"kpi\"><span>%s</span><b>%s</b></div>\n",
		    label, value);
}

static void kpis(struct strbuf *sb, const struct report_group *g)
{
	const struct report_figs *f = &g->total;
	struct strbuf v = STRBUF_INIT;

#define KPI(label, code)               \
	do {                           \
		strbuf_reset(&v);      \
		code;                  \
		kpi(sb, label, v.buf); \
	} while (0)
	strbuf_addstr(sb, "<section class=\"kpis\">\n");
	KPI("Spend", report_text_money(&v, g, f->spend));
	KPI("Impressions", report_text_count(&v, f->impressions));
	KPI("Clicks", report_text_count(&v, f->clicks));
	KPI("CTR", report_text_percent(&v, report_ctr(f)));
	KPI("Applications", report_text_count(&v, f->apps));
	KPI("Cost per application",
	    report_text_money(&v, g, report_div(f->spend, f->apps)));
	KPI("Hires", report_text_count(&v, f->hires));
	KPI("Cost per hire",
	    report_text_money(&v, g, report_div(f->spend, f->hires)));
	KPI("ROI", report_text_percent(&v, report_roi(g, f)));
#undef KPI
	strbuf_addstr(sb, "</section>\n");
	strbuf_release(&v);
}

static void cell_money(struct strbuf *sb, const struct report_group *g,
		       int64_t v)
{
	strbuf_addstr(sb, "<td>");
	report_text_money(sb, g, v);
	strbuf_addstr(sb, "</td>");
}

static void cell_count(struct strbuf *sb, int64_t v)
{
	strbuf_addstr(sb, "<td>");
	if (v < 0)
		strbuf_addch(sb, '-');
	else
		report_text_count(sb, v);
	strbuf_addstr(sb, "</td>");
}

static void row_figs(struct strbuf *sb, const struct report_group *g,
		     const struct report_figs *f)
{
	cell_money(sb, g, f->spend);
	cell_count(sb, f->impressions);
	cell_count(sb, f->clicks);
	strbuf_addstr(sb, "<td>");
	report_text_percent(sb, report_ctr(f));
	strbuf_addstr(sb, "</td>");
	cell_money(sb, g, report_div(f->spend, f->clicks));
	cell_money(sb, g, report_cpm(f));
	cell_count(sb, f->apps);
	cell_count(sb, report_platform_apps(f));
	cell_money(sb, g, report_div(f->spend, f->apps));
	cell_count(sb, f->hires);
	cell_money(sb, g, report_div(f->spend, f->hires));
	strbuf_addstr(sb, "<td>");
	report_text_percent(sb, report_roi(g, f));
	strbuf_addstr(sb, "</td></tr>\n");
}

static void html_table(struct strbuf *sb, const struct report_group *g,
		       enum report_by by, const char *title)
{
	const struct report_table *t = &g->by[by];

	strbuf_addf(sb,
		    "<h3>%s</h3>\n<table><thead><tr><th>%s</th><th>Spend</th>"
		    "<th>Impr.</th><th>Clicks</th><th>CTR</th><th>CPC</th>"
		    "<th>CPM</th><th>Appl. (ATS)</th><th>Appl. (platform)"
		    "</th><th>Cost per appl.</th><th>Hires</th>"
		    "<th>Cost per hire</th><th>ROI</th></tr></thead><tbody>\n",
		    title, report_by_name(by));
	for (size_t i = 0; i < t->n; i++) {
		strbuf_addstr(sb, "<tr><th>");
		name(sb, t->lines[i].key);
		strbuf_addstr(sb, "</th>");
		row_figs(sb, g, &t->lines[i].f);
	}
	strbuf_addstr(sb, "<tr class=\"total\"><th>Total</th>");
	row_figs(sb, g, &g->total);
	strbuf_addstr(sb, "</tbody></table>\n");
}

static void html_ranking(struct strbuf *sb, const struct report_group *g,
			 enum report_by by)
{
	const struct report_table *t = &g->by[by];
	struct report_rank *rk = xcalloc(t->n ? t->n : 1, sizeof(*rk));
	size_t ranked = report_rank(t, rk);

	strbuf_addf(sb,
		    "<p class=\"rank\"><b>By cost per application (%s):"
		    "</b> ",
		    report_by_name(by));
	if (!ranked)
		strbuf_addf(sb,
			    "none has %d ATS applications yet, too few "
			    "to rank.",
			    REPORT_RANK_MIN);
	for (size_t i = 0; i < ranked; i++) {
		strbuf_addf(sb, "%zu. ", i + 1);
		name(sb, rk[i].line->key);
		strbuf_addch(sb, ' ');
		report_text_money(sb, g, rk[i].cpa);
		strbuf_addstr(sb, " <small>(95&#160;% interval ");
		report_text_money(sb, g, rk[i].cpa_lo);
		strbuf_addstr(sb, " to ");
		report_text_money(sb, g, rk[i].cpa_hi);
		strbuf_addf(sb, ")%s</small>%s",
			    rk[i].clear ? ", clearly ahead of the next" : "",
			    i + 1 < ranked ? "; " : ".");
	}
	if (ranked > 1) {
		strbuf_addstr(sb, " Best: ");
		name(sb, rk[0].line->key);
		strbuf_addstr(sb, "; worst: ");
		name(sb, rk[ranked - 1].line->key);
		strbuf_addstr(sb, rk[0].clear
					  ? "."
					  : " (the best is not clearly ahead "
					    "of the second).");
	}
	if (ranked < t->n) {
		strbuf_addf(sb,
			    " <span class=\"few\">Too few applications to "
			    "rank (under %d): ",
			    REPORT_RANK_MIN);
		for (size_t i = ranked; i < t->n; i++) {
			name(sb, rk[i].line->key);
			strbuf_addf(sb, " (%lld)%s",
				    (long long)rk[i].line->f.apps,
				    i + 1 < t->n ? ", " : ".");
		}
		strbuf_addstr(sb, "</span>");
	}
	strbuf_addstr(sb, "</p>\n");
	free(rk);
}

static void html_plan(struct strbuf *sb, const struct report_group *g)
{
	const struct report_plan *p = g->plan;

	strbuf_addstr(sb, "<section class=\"plan\"><h2>Plan versus actual</h2>"
			  "\n<p>To ");
	report_html_escape(sb, p->as_of);
	strbuf_addstr(sb, ": spent ");
	report_text_money(sb, g, p->spent_to_date);
	strbuf_addstr(sb, " of ");
	report_text_money(sb, g, p->planned_to_date);
	strbuf_addstr(sb, " planned to date (");
	report_text_percent(sb, p->planned_to_date > 0
					? (double)p->spent_to_date /
						  (double)p->planned_to_date
					: NAN);
	strbuf_addstr(sb, "); ");
	report_text_count(sb, g->total.apps);
	strbuf_addstr(sb, " applications against ");
	report_text_number(sb, p->apps_to_date, 3);
	strbuf_addstr(sb, " planned to date (");
	report_text_number(sb, p->apps, 3);
	strbuf_addstr(sb,
		      " for the whole flight). The plan's marginal return: ");
	report_text_number(sb, p->marginal, 3);
	strbuf_addf(sb, " %s per 1&#160;000 %s more; observed: ",
		    p->objective[0] ? p->objective : "results", g->currency);
	report_text_number(sb, p->marginal_obs, 3);
	strbuf_addf(sb,
		    " applications per 1&#160;000 %s (the slope over %d "
		    "days).</p>\n",
		    g->currency, p->marginal_obs_days);
	svg_pacing(sb, g);
	strbuf_addstr(sb, "<table><thead><tr><th>Persona</th><th>Channel</th>"
			  "<th>Planned</th><th>Planned to date</th>"
			  "<th>Spent</th><th>Appl. planned to date</th>"
			  "<th>Appl. (ATS)</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct report_cell_plan *c = &p->cells[i];

		strbuf_addstr(sb, "<tr><th>");
		name(sb, c->persona);
		strbuf_addstr(sb, "</th><th>");
		name(sb, c->channel);
		strbuf_addstr(sb, "</th>");
		cell_money(sb, g, c->spend);
		cell_money(sb, g, c->planned_to_date);
		cell_money(sb, g, c->actual.spend);
		strbuf_addstr(sb, "<td>");
		report_text_number(sb, c->apps_to_date, 3);
		strbuf_addstr(sb, "</td>");
		cell_count(sb, c->actual.apps);
		strbuf_addstr(sb, "</tr>\n");
	}
	strbuf_addstr(sb, "</tbody></table></section>\n");
}

static void html_group(struct strbuf *sb, const struct report_group *g,
		       const struct report_style *st)
{
	const char *client = st->client ? st->client : g->client;

	strbuf_addstr(sb, "<article class=\"campaign\">\n<header><h1>");
	name(sb, g->campaign);
	strbuf_addstr(sb, "</h1><p>");
	if (client) {
		name(sb, client);
		strbuf_addstr(sb, " &#183; ");
	}
	strbuf_addf(sb, "%s &#183; %s to %s</p></header>\n", g->currency,
		    g->first[0] ? g->first : "no data",
		    g->last[0] ? g->last : "");
	if (strcmp(g->currency, "XXX") == 0) {
		/* ATS events alone: no money, nothing to chart */
		strbuf_addstr(sb, "<p>ATS events that no ad and no campaign "
				  "claims (no matching utm_content or "
				  "utm_campaign): ");
		report_text_count(sb, g->total.apps);
		strbuf_addstr(sb, g->total.apps == 1 ? " application, "
						     : " applications, ");
		report_text_count(sb, g->total.hires);
		strbuf_addstr(sb, g->total.hires == 1 ? " hire.</p>\n"
						      : " hires.</p>\n");
		strbuf_addstr(sb, "</article>\n");
		return;
	}
	kpis(sb, g);
	strbuf_addstr(sb, "<section class=\"charts\">\n");
	svg_bars(sb, "Spend by channel", g, &g->by[REPORT_BY_CHANNEL], true);
	svg_bars(sb, "Applications by channel", g, &g->by[REPORT_BY_CHANNEL],
		 false);
	svg_funnel(sb, &g->total);
	svg_trend(sb, g);
	strbuf_addstr(sb, "</section>\n");
	html_ranking(sb, g, REPORT_BY_CHANNEL);
	html_ranking(sb, g, REPORT_BY_PERSONA);
	if (g->plan)
		html_plan(sb, g);
	html_table(sb, g, REPORT_BY_CHANNEL, "By channel");
	html_table(sb, g, REPORT_BY_PERSONA, "By persona");
	html_table(sb, g, REPORT_BY_PLATFORM, "By platform");
	strbuf_addstr(sb, "</article>\n");
}

/* a colour we can put into CSS as it is: #rgb or #rrggbb */
static bool css_colour(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if ((n != 4 && n != 7) || s[0] != '#')
		return false;
	return strspn(s + 1, "0123456789abcdefABCDEF") == n - 1;
}

static int read_asset(const char *configured, const char *file,
		      struct strbuf *out)
{
	char *path = datadir_report_path(configured, file);
	int rc = 0;

	if (read_file(path, out)) {
		errorf("%s: cannot read the report's %s: %s", path, file,
		       read_file_strerror(errno));
		rc = JM_NOINPUT;
	}
	free(path);
	return rc;
}

/*
 * The frame with each {{name}} replaced by its value, in one pass, so
 * a value that holds "{{body}}" stays text. 0, or -1 when the frame
 * lacks {{body}}.
 */
static int fill_frame(const char *frame, const char *const *keys,
		      const char *const *vals, size_t n, struct strbuf *out)
{
	bool body = false;
	const char *p = frame;

	while (*p) {
		const char *at = strstr(p, "{{");
		size_t k = n;

		if (!at) {
			strbuf_addstr(out, p);
			break;
		}
		strbuf_add(out, p, (size_t)(at - p));
		for (k = 0; k < n; k++)
			if (strncmp(at, keys[k], strlen(keys[k])) == 0)
				break;
		if (k == n) {
			strbuf_add(out, at, 2);
			p = at + 2;
			continue;
		}
		strbuf_addstr(out, vals[k]);
		body |= strcmp(keys[k], "{{body}}") == 0;
		p = at + strlen(keys[k]);
	}
	return body ? 0 : -1;
}

int report_html(const struct report *r, const struct report_style *st,
		struct strbuf *sb)
{
	static const char *const keys[] = { "{{title}}", "{{style}}",
					    "{{body}}" };
	struct strbuf frame = STRBUF_INIT, css = STRBUF_INIT;
	struct strbuf title = STRBUF_INIT, body = STRBUF_INIT;
	const char *vals[3];
	int rc;

	rc = read_asset(st->frame_path, "frame.html", &frame);
	if (!rc)
		rc = read_asset(st->css_path, "report.css", &css);
	if (!rc && css_colour(st->accent))
		strbuf_addf(&css, "\n:root { --accent: %s; }\n", st->accent);
	strbuf_addstr(&title, ""); /* never NULL below, even on an error */
	strbuf_addstr(&body, "");
	if (!rc) {
		report_html_escape(&title, r->n_groups == 1
						   ? r->groups[0].campaign
						   : "Campaign report");
		strbuf_addstr(&body, "<div class=\"brand\">");
		if (st->logo_path)
			rc = add_logo(&body, st->logo_path);
		if (st->agency) {
			strbuf_addstr(&body, "<span class=\"agency\">");
			name(&body, st->agency);
			strbuf_addstr(&body, "</span>");
		}
		strbuf_addstr(&body, "</div>\n");
	}
	for (size_t i = 0; !rc && i < r->n_groups; i++)
		html_group(&body, &r->groups[i], st);
	if (!rc && r->n_groups == 0)
		strbuf_addstr(&body, "<p>No campaign in the store.</p>\n");
	vals[0] = title.buf;
	vals[1] = css.buf;
	vals[2] = body.buf;
	if (!rc && fill_frame(frame.buf, keys, vals, 3, sb)) {
		errorf("the report frame has no {{body}}: give a frame.html "
		       "with {{title}}, {{style}} and {{body}}");
		rc = JM_DATAERR;
	}
	strbuf_release(&frame);
	strbuf_release(&css);
	strbuf_release(&title);
	strbuf_release(&body);
	return rc;
}
