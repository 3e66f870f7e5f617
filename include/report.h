/*
 * report - what a campaign spent and what it brought: the figures of
 * `jobmix report` (docs/report.md), built from the store and, for plan
 * versus actual, from the campaign's plan JSON (the store's newest, or
 * a file). The writers turn one struct report into HTML (report_html),
 * CSV, JSON or Markdown; none of them touches the store.
 *
 * Money is int64_t minor units of the group's currency. A group is one
 * campaign in one currency: amounts of two currencies are never added.
 * A ratio whose divisor is 0 is "none" (-1 for money, NAN for the
 * rest), and every writer says so instead of printing a number.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;
struct strbuf;

enum report_by {
	REPORT_BY_CHANNEL,
	REPORT_BY_PERSONA,
	REPORT_BY_DAY,
	REPORT_BY_AD,
	REPORT_BY_PLATFORM,
	REPORT_N_BY
};

/* "channel", "persona", ...; report_by_parse() 0 or -1 */
const char *report_by_name(enum report_by by);
int report_by_parse(const char *s, enum report_by *out);

/* sums over store rows; apps and hires are the ATS's */
struct report_figs {
	int64_t rows, spend, impressions, clicks, reach, link_clicks;
	int64_t platform_apps, platform_apps_rows;
	int64_t apps, hires;
};

struct report_line {
	char *key;  /* owned: channel, persona, day, ad or platform */
	char *key2; /* owned: a cell's channel (key is its persona); NULL */
	char platform[16]; /* the line's platform, "" when several/none */
	struct report_figs f;
};

struct report_table {
	struct report_line *lines; /* owned, in first-seen order */
	size_t n, alloc;
};

/* one cell of the plan against what it did */
struct report_cell_plan {
	char *persona, *channel, *platform; /* owned */
	int64_t spend;                      /* planned for the whole flight */
	int64_t planned_to_date;            /* spend * elapsed / days */
	double apps; /* planned applications, whole flight */
	double apps_to_date;
	int elapsed, days;
	struct report_figs actual;
};

struct report_plan {
	char *source;       /* owned: "store" or the file's path */
	char objective[16]; /* the plan's objective */
	int64_t budget, spend;
	double apps, hires;
	double marginal;       /* planned objective per 1000 major units */
	double marginal_obs;   /* observed applications per 1000 major */
	int marginal_obs_days; /* days in the observed fit */
	int64_t planned_to_date, spent_to_date;
	double apps_to_date;
	char as_of[11];
	struct report_cell_plan *cells; /* owned */
	size_t n_cells;
};

/* one campaign in one currency */
struct report_group {
	int64_t campaign_id;     /* 0: rows no campaign claims */
	char *campaign, *client; /* owned; client may be NULL */
	char currency[4];        /* XXX for events without money */
	int digits;
	char start[11], end[11];  /* the campaign's dates; "" unknown */
	char first[11], last[11]; /* first and last day with rows */
	int64_t value_per_hire;   /* minor units; -1 unknown */
	struct report_figs total;
	struct report_table by[REPORT_N_BY];
	struct report_table cells; /* persona x channel */
	struct report_plan *plan;  /* owned; NULL without a plan */
};

struct report {
	char from[11], to[11];       /* as asked; "" not given */
	bool ads;                    /* the by-ad table was built */
	struct report_group *groups; /* owned */
	size_t n_groups;
};

struct report_options {
	const char *campaign;  /* id or name; NULL every campaign */
	const char *from, *to; /* YYYY-MM-DD or NULL */
	bool ads;              /* also sum per ad (a second query) */
	const char *plan_path; /* --plan: used when the store has none */
	/* major units as text ("25000.00"); NULL: from the plan */
	const char *value_per_hire;
};

/*
 * Build the report from the store. 0, or an exit status after a
 * message: 65 a bad plan file or a campaign not in the store, 64 a
 * value per hire with more decimals than a campaign's currency has.
 */
int report_build(struct store *s, const struct report_options *o,
		 struct report *out);
void report_release(struct report *r);

/* ratios; -1 or NAN when the divisor is 0 */
int64_t report_div(int64_t money, int64_t n);    /* rounded half up */
int64_t report_cpm(const struct report_figs *f); /* per 1000 impressions */
double report_ctr(const struct report_figs *f);
int64_t report_value(const struct report_group *g, const struct report_figs *f);
double report_roi(const struct report_group *g, const struct report_figs *f);
/* the platform's applications if any row gave them, else -1 */
int64_t report_platform_apps(const struct report_figs *f);

/*
 * Ranking by cost per (ATS) application: lines with at least
 * REPORT_RANK_MIN applications are ranked, cheapest first, each with a
 * 95 % interval of its cost per application from the Poisson interval
 * of its count; the rest are "too few to rank". A ranked line is
 * "clear" when its interval does not overlap the next one's.
 */
#define REPORT_RANK_MIN 10

struct report_rank {
	const struct report_line *line;
	int64_t cpa, cpa_lo, cpa_hi; /* cpa_hi -1: unbounded */
	bool ranked, clear;
};
/* out has t->n entries: ranked lines first, then the rest; returns ranked */
size_t report_rank(const struct report_table *t, struct report_rank *out);

/* branding and files of the HTML report */
struct report_style {
	const char *agency, *client, *accent; /* may be NULL */
	const char *logo_path;                /* may be NULL */
	const char *css_path, *frame_path;    /* NULL: reports/ */
};

int report_csv(const struct report *r, enum report_by by, struct strbuf *sb);
int report_json(const struct report *r, struct strbuf *sb);
int report_md(const struct report *r, enum report_by by, struct strbuf *sb);
/* 0, or an exit status after a message (a style file cannot be read) */
int report_html(const struct report *r, const struct report_style *st,
		struct strbuf *sb);

/* the text with & < > " ' escaped for HTML */
void report_html_escape(struct strbuf *sb, const char *s);

#endif
