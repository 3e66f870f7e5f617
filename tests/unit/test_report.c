/*
 * test_report - the report's figures on the fixture store of
 * tests/report/fixture.py, against values worked out by hand (the
 * comments show the sums), and the escaping of hostile names in HTML,
 * CSV and Markdown.
 *
 * With "--make-store PATH" it only creates an empty store there, for
 * the browser test and the benchmark; with "--explain PATH" it prints
 * SQLite's plans of the report's queries on that store (the benchmark
 * checks them).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "diag.h"
#include "report.h"
#include "store.h"
#include "strbuf.h"
#include "test.h"

static char dir[] = "/tmp/jobmix-report-XXXXXX";

static struct store *fixture(void)
{
	struct strbuf path = STRBUF_INIT, cmd = STRBUF_INIT;
	struct store *s = NULL;

	strbuf_addf(&path, "%s/store.db", dir);
	CHECK(store_open(path.buf, STORE_CREATE, &s) == 0);
	store_close(s);
	strbuf_addf(&cmd, "python3 tests/report/fixture.py '%s'", path.buf);
	CHECK(system(cmd.buf) == 0);
	CHECK(store_open(path.buf, STORE_EXISTING, &s) == 0);
	strbuf_release(&path);
	strbuf_release(&cmd);
	return s;
}

static const struct report_group *group(const struct report *r,
					int64_t campaign, const char *cur)
{
	for (size_t i = 0; i < r->n_groups; i++)
		if (r->groups[i].campaign_id == campaign &&
		    strcmp(r->groups[i].currency, cur) == 0)
			return &r->groups[i];
	return NULL;
}

static const struct report_line *line(const struct report_group *g,
				      enum report_by by, const char *key)
{
	for (size_t i = 0; i < g->by[by].n; i++)
		if (strcmp(g->by[by].lines[i].key, key) == 0)
			return &g->by[by].lines[i];
	return NULL;
}

/* campaign 1 in SEK: meta 111 on three days, linkedin 222 on two */
static void figures(struct store *s)
{
	struct report_options o = { .ads = true };
	struct report r;
	const struct report_group *g;
	const struct report_line *l;

	CHECK(report_build(s, &o, &r) == 0);
	g = group(&r, 1, "SEK");
	if (!CHECK(g != NULL))
		return;
	CHECK_I64(g->total.spend, 42001); /* 10000+12000+8000 + 5000+7001 */
	CHECK_I64(g->total.impressions, 3500);
	CHECK_I64(g->total.clicks, 45);
	CHECK_I64(g->total.rows, 5);
	CHECK_I64(g->total.reach, 2400); /* meta's daily reach; linkedin none */
	CHECK_I64(report_platform_apps(&g->total), 3); /* 2 + 1, one NULL */
	CHECK_I64(g->total.apps, 6); /* e1-e5 by ad, e7 by utm_campaign */
	CHECK_I64(g->total.hires, 1);
	CHECK_NEAR(report_ctr(&g->total), 45.0 / 3500.0, 1e-12);
	CHECK_I64(report_div(g->total.spend, g->total.clicks), 933);
	CHECK_I64(report_cpm(&g->total), 12000); /* 42001000 / 3500 */
	CHECK_I64(report_div(g->total.spend, g->total.apps), 7000);
	/* value per hire from the plan: (4850000 + 150000) / 2 */
	CHECK_I64(g->value_per_hire, 2500000);
	CHECK_I64(report_value(g, &g->total), 2500000);
	CHECK_NEAR(report_roi(g, &g->total), (2500000.0 - 42001) / 42001,
		   1e-12);
	l = line(g, REPORT_BY_CHANNEL, "meta_feed");
	if (CHECK(l != NULL)) {
		CHECK_I64(l->f.spend, 30000);
		CHECK_I64(l->f.apps, 4); /* e1 e2 e4 by local key, e3 by id */
		CHECK_STR(l->platform, "meta");
	}
	l = line(g, REPORT_BY_CHANNEL, "(none)");
	CHECK(l != NULL && l->f.apps == 1 && l->f.spend == 0);
	l = line(g, REPORT_BY_DAY, "2027-01-12");
	CHECK(l != NULL && l->f.spend == 19001 &&
	      l->f.apps == 3); /* e2 e3 e5 */
	l = line(g, REPORT_BY_AD, "k-li-1");
	CHECK(l != NULL && l->f.spend == 12001 && l->f.apps == 1);
	CHECK_STR(g->first, "2027-01-11");
	CHECK_STR(g->last, "2027-01-13");
	/* a second currency in the same campaign is its own group */
	g = group(&r, 1, "EUR");
	CHECK(g != NULL && g->total.spend == 999 && g->plan == NULL);
	/* the ad no object claims, and the event with no UTM */
	g = group(&r, 0, "SEK");
	CHECK(g != NULL && g->total.spend == 333 && g->total.apps == 1);
	CHECK(r.groups[r.n_groups - 1].campaign_id == 0);
	report_release(&r);
}

/* pacing to 2027-01-13, day 3 of 10: 30 % of each cell's spend */
static void plan_versus_actual(struct store *s)
{
	struct report_options o = { .campaign = "Grid electricians" };
	struct report r;
	const struct report_plan *p;

	CHECK(report_build(s, &o, &r) == 0);
	CHECK_I64((int64_t)r.n_groups, 2); /* SEK and EUR */
	p = r.groups[1].plan;
	if (!CHECK(p != NULL && p->n_cells == 2))
		goto out;
	CHECK_STR(p->as_of, "2027-01-13");
	CHECK_I64(p->cells[0].elapsed, 3);
	CHECK_I64(p->cells[0].planned_to_date, 30000);
	CHECK_I64(p->cells[0].actual.spend, 30000);
	CHECK_I64(p->cells[1].planned_to_date, 15000);
	CHECK_I64(p->cells[1].actual.spend, 12001);
	CHECK_I64(p->planned_to_date, 45000);
	CHECK_I64(p->spent_to_date, 42001);
	CHECK_NEAR(p->apps_to_date, 3.0 + 1.2, 1e-9);
	CHECK_NEAR(p->marginal, 0.5, 1e-9); /* 0.5 per 100000 minor units */
	CHECK(isnan(p->marginal_obs));      /* 3 days are too few */
out:
	report_release(&r);
	/* --to moves "to date"; --from/--to cut the rows */
	o.from = "2027-01-11";
	o.to = "2027-01-11";
	CHECK(report_build(s, &o, &r) == 0);
	CHECK_I64(r.groups[0].total.spend, 15000);
	if (CHECK(r.groups[0].plan != NULL))
		CHECK_I64(r.groups[0].plan->planned_to_date, 15000);
	report_release(&r);
	o.campaign = "no such";
	CHECK(report_build(s, &o, &r) == 65);
	report_release(&r);
}

static void ranking(void)
{
	struct report_line lines[3] = {
		{ .key = (char *)"a", .f = { .spend = 100000, .apps = 100 } },
		{ .key = (char *)"b", .f = { .spend = 300000, .apps = 100 } },
		{ .key = (char *)"c", .f = { .spend = 100, .apps = 9 } },
	};
	struct report_table t = { lines, 3, 3 };
	struct report_rank rk[3];

	CHECK_I64((int64_t)report_rank(&t, rk), 2);
	CHECK_STR(rk[0].line->key, "a");
	CHECK(rk[0].clear); /* 1000 +-20 %, against 3000 +-20 % */
	/* 100 applications: 100000 / (100 +- 19.6) */
	CHECK_I64(rk[0].cpa_lo, 836);
	CHECK_I64(rk[0].cpa_hi, 1244);
	CHECK(!rk[2].ranked); /* 9 applications: too few, however cheap */
	{
		struct report_group g = { .campaign = (char *)"c",
					  .currency = "SEK",
					  .digits = 2 };
		struct report r = { .groups = &g, .n_groups = 1 };
		struct strbuf md = STRBUF_INIT;

		g.by[REPORT_BY_CHANNEL] = t;
		CHECK(report_md(&r, REPORT_BY_CHANNEL, &md) == 0);
		CHECK_HAS(md.buf, "1. a 10.00 SEK (95 % interval 8.36 SEK to "
				  "12.44 SEK), clearly ahead; 2. b");
		CHECK_HAS(md.buf, "Best: a; worst: b. Too few applications to "
				  "rank (under 10): c (9).");
		strbuf_release(&md);
	}
	lines[1].f.spend = 110000;
	report_rank(&t, rk);
	CHECK(!rk[0].clear); /* 1000 against 1100: the intervals overlap */
}

/* no cell of the CSV starts a formula, and it reads back as RFC 4180 */
static void csv_escapes(const char *csv)
{
	struct csv_table t;
	struct diag d;
	struct strbuf msgs = STRBUF_INIT;
	bool formula = false, found = false;

	diag_init(&d, "report.csv");
	d.capture = &msgs;
	if (!CHECK(csv_parse(csv, strlen(csv), &t, &d) == 0))
		return;
	for (size_t i = 0; i < t.n_rows; i++)
		for (size_t j = 0; j < t.rows[i].n; j++) {
			const char *f = t.rows[i].field[j];

			formula |= f[0] && strchr("=+@\t\r", f[0]) != NULL;
			found |= strncmp(f, "'=HYPERLINK", 11) == 0;
		}
	CHECK(!formula);
	CHECK(found); /* the persona, kept as text */
	CHECK_HAS(csv, "\"'=HYPERLINK(\"\"http://evil.example\"\",");
	csv_table_release(&t);
	strbuf_release(&msgs);
}

static const char *unescaped_lt(const char *s)
{
	for (const char *p = s; *p; p++)
		if (*p == '<' && (p == s || p[-1] != '\\'))
			return p;
	return NULL;
}

static void hostile(struct store *s)
{
	struct report_options o = { .campaign = "3", .ads = true };
	struct report_style st = { .agency = "<b>Agency</b>",
				   .accent = "red;}</style><script>" };
	struct report r;
	struct strbuf out = STRBUF_INIT;

	CHECK(report_build(s, &o, &r) == 0);
	CHECK(r.n_groups == 1 && r.groups[0].total.spend == 100);
	CHECK(report_html(&r, &st, &out) == 0);
	CHECK(strstr(out.buf, "<script") == NULL);
	CHECK(strstr(out.buf, "<b>Agency") == NULL);
	CHECK_HAS(out.buf, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
	CHECK_HAS(out.buf, "<bdi>&lt;b&gt;Agency&lt;/b&gt;</bdi>");
	CHECK(strstr(out.buf, "\xe2\x80\xae") == NULL); /* U+202E is gone */
	CHECK(strstr(out.buf, "http-equiv=\"Content-Security-Policy\""));
	strbuf_reset(&out);
	CHECK(report_csv(&r, REPORT_BY_PERSONA, &out) == 0);
	csv_escapes(out.buf);
	strbuf_reset(&out);
	CHECK(report_csv(&r, REPORT_BY_AD, &out) == 0);
	CHECK_HAS(out.buf, "'@SUM(1+1)\xef\xbf\xbdgnp.exe");
	strbuf_reset(&out);
	CHECK(report_md(&r, REPORT_BY_PERSONA, &out) == 0);
	CHECK_HAS(out.buf, "## \\<script\\>alert(\"x\")\\</script\\>");
	CHECK(unescaped_lt(out.buf) == NULL); /* every < is \< */
	CHECK(strstr(out.buf, "\xe2\x80\xae") == NULL);
	/* the persona's newline does not end the table row */
	CHECK_HAS(out.buf, "| =HYPERLINK(\"http://evil.example\",\"click\"),"
			   "\"x\" next |");
	report_release(&r);
	strbuf_release(&out);
}

/* the logo embedded as data; a frame without {{body}}; a bad logo */
static void branding(struct store *s)
{
	static const unsigned char png[] = { 0x89, 'P',  'N', 'G', '\r', '\n',
					     0x1a, '\n', 0,   0,   0,    0 };
	struct report_options o = { .campaign = "1" };
	struct report_style st = { .agency = "A&B", .accent = "#c33" };
	struct strbuf out = STRBUF_INIT, path = STRBUF_INIT;
	struct report r;
	FILE *f;

	CHECK(report_build(s, &o, &r) == 0);
	strbuf_addf(&path, "%s/logo.png", dir);
	f = fopen(path.buf, "wb");
	if (f) {
		fwrite(png, 1, sizeof(png), f);
		fclose(f);
	}
	st.logo_path = path.buf;
	CHECK(report_html(&r, &st, &out) == 0);
	/* 12 bytes: 16 characters of base64, the last group whole */
	CHECK_HAS(out.buf, "src=\"data:image/png;base64,iVBORw0KGgoAAAAA\">");
	CHECK_HAS(out.buf, ":root { --accent: #c33; }");
	CHECK_HAS(out.buf, "<bdi>A&amp;B</bdi>");
	strbuf_reset(&out);
	st.logo_path = "tests/report/fixture.py"; /* not an image */
	CHECK(report_html(&r, &st, &out) == 65);
	st.logo_path = NULL;
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/frame.html", dir);
	f = fopen(path.buf, "w");
	if (f) {
		fputs("<html>{{title}}{{style}}</html>", f);
		fclose(f);
	}
	st.frame_path = path.buf;
	strbuf_reset(&out);
	CHECK(report_html(&r, &st, &out) == 65);
	report_release(&r);
	strbuf_release(&out);
	strbuf_release(&path);
}

/* every total in CSV and JSON is the store's sum to the minor unit */
static void exact_totals(struct store *s)
{
	struct report_options o = { 0 };
	struct report r;
	struct strbuf out = STRBUF_INIT;
	int64_t sek = 0, eur = 0;

	CHECK(report_build(s, &o, &r) == 0);
	for (size_t i = 0; i < r.n_groups; i++) {
		const struct report_group *g = &r.groups[i];

		if (strcmp(g->currency, "SEK") == 0)
			sek += g->total.spend;
		else if (strcmp(g->currency, "EUR") == 0)
			eur += g->total.spend;
	}
	CHECK_I64(sek, 42434); /* 42001 + 333 + 100: every SEK row */
	CHECK_I64(eur, 3499);  /* 999 + 2500 */
	CHECK(report_csv(&r, REPORT_BY_CHANNEL, &out) == 0);
	CHECK_HAS(out.buf, "1,Grid electricians,SEK,total,,,5,420.01,3500,");
	CHECK_HAS(out.buf, ",0.012857,9.33,120.00,6,3,70.00,1,420.01,"
			   "25000.00,58.5224\r\n");
	strbuf_reset(&out);
	CHECK(report_json(&r, &out) == 0);
	CHECK_HAS(out.buf, "\"spend\":\t42001,");
	CHECK_HAS(out.buf, "\"cost_per_application\":\t7000,");
	report_release(&r);
	strbuf_release(&out);
}

int main(int argc, char **argv)
{
	struct store *s;
	struct strbuf rm = STRBUF_INIT;

	if (argc == 3 && strcmp(argv[1], "--make-store") == 0) {
		if (store_open(argv[2], STORE_CREATE, &s))
			return 1;
		store_close(s);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "--explain") == 0) {
		struct strbuf plan = STRBUF_INIT;
		int rc = store_open(argv[2], STORE_EXISTING, &s);

		if (!rc) {
			printf("with --from/--to\n");
			rc = store_report_explain(s, true, &plan);
			printf("%swithout\n", plan.buf);
			strbuf_reset(&plan);
			rc = rc || store_report_explain(s, false, &plan);
			fputs(plan.buf, stdout);
			store_close(s);
		}
		strbuf_release(&plan);
		return rc != 0;
	}
	if (!mkdtemp(dir))
		return 1;
	s = fixture();
	if (s) {
		figures(s);
		plan_versus_actual(s);
		hostile(s);
		exact_totals(s);
		branding(s);
		store_close(s);
	}
	ranking();
	strbuf_addf(&rm, "rm -rf '%s'", dir);
	if (system(rm.buf) != 0)
		printf("# could not remove %s\n", dir);
	strbuf_release(&rm);
	return test_done();
}
