/*
 * import.c - CSV exports into the store: the header mapped onto the
 * canonical columns, every row checked into memory, then one
 * transaction that writes all of it or nothing. docs/import.md is the
 * user's side of this file.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "diag.h"
#include "fileio.h"
#include "money.h"
#include "sha256.h"
#include "store.h"
#include "strbuf.h"
#include "usage.h"
#include "wrapper.h"

#define MAX_ALIASES 12
#define MAX_CELL    500 /* the longest text kept from a cell, in bytes */

/*
 * Each column's aliases (import_columns.c has its name), normalized as
 * normalize() does (lower case, every run of other characters one '_').
 * An earlier alias wins over a later one when a file has both.
 */
static const struct {
	const char *alias[MAX_ALIASES];
} columns[IMPORT_N_COLUMNS] = {
	[IC_APPLICATION_ID] = { { "application", "job_application_id",
				  "candidate_application_id", "opportunity_id",
				  "applicationid", "id" } },
	[IC_APPLIED_AT] = { { "applied_on", "applied_date", "date_applied",
			      "application_date", "applied", "submitted_at",
			      "submitted_on", "created_at", "created",
			      "application_created_at" } },
	[IC_JOB_REFERENCE] = { { "job_ref", "reference", "reference_number",
				 "requisition_id", "req_id",
				 "job_requisition_id", "requisition", "job_id",
				 "posting_id", "job_code" } },
	[IC_SOURCE] = { { "candidate_source", "source_name", "origin",
			  "application_source" } },
	[IC_STATUS] = { { "stage", "current_stage", "application_status",
			  "application_stage", "disqualified_stage" } },
	[IC_HIRED_AT] = { { "hired_on", "hired_date", "hire_date", "date_hired",
			    "hired" } },
	[IC_UTM_SOURCE] = { { "utmsource" } },
	[IC_UTM_MEDIUM] = { { "utmmedium" } },
	[IC_UTM_CAMPAIGN] = { { "utmcampaign" } },
	[IC_UTM_CONTENT] = { { "utmcontent" } },
	[IC_UTM_TERM] = { { "utmterm" } },
	[IC_UTM_ID] = { { "utmid" } },
	[IC_DAY] = { { "date", "by_day", "start_date_in_utc", "start_date",
		       "reporting_starts", "stat_time_day" } },
	[IC_ACCOUNT_ID] = { { "ad_account_id", "advertiser_id" } },
	[IC_CAMPAIGN_ID] = { { "campaignid" } },
	[IC_AD_ID] = { { "creative_id", "adid" } },
	[IC_AD_NAME] = { { "creative_name", "ad" } },
	[IC_CURRENCY] = { { "account_currency", "currency_code" } },
	[IC_SPEND] = { { "amount_spent", "total_spent", "cost", "amount_spend",
			 "spent" } },
	[IC_IMPRESSIONS] = { { "impr" } },
	[IC_CLICKS] = { { "clicks_all", "total_clicks" } },
	[IC_REACH] = { { "unique_reach" } },
	[IC_LINK_CLICKS] = { { "clicks_destination", "outbound_clicks",
			       "landing_page_clicks" } },
	[IC_APPLICATIONS] = { { "job_applications", "job_apply_clicks" } },
	[IC_LEADS] = { { "leads_form", "lead_form_leads" } },
};

/* headers of personal data: recognised, never read, never stored */
static const char *const personal[] = {
	"name",
	"candidate_name",
	"candidate",
	"full_name",
	"first_name",
	"last_name",
	"given_name",
	"family_name",
	"email",
	"e_mail",
	"email_address",
	"candidate_email",
	"e_mail_address",
	"phone",
	"phone_number",
	"mobile",
	"mobile_phone",
	"telephone",
	"address",
	"linkedin_profile",
	"referrer",
	"referred_by",
	"referrer_name",
	"recruiter",
	"hiring_manager",
	"coordinator",
	"credited_to",
	"owner",
	/* the same in Swedish, Norwegian and Finnish exports */
	"namn",
	"navn",
	"nimi",
	"f\xc3\xb6rnamn",
	"efternamn",
	"etternavn",
	"epost",
	"e_post",
	"e_postadress",
	"s\xc3\xa4hk\xc3\xb6posti",
	"telefon",
	"telefonnummer",
	"mobil",
	"mobilnummer",
	"puhelin",
};

void import_result_init(struct import_result *r)
{
	memset(r, 0, sizeof(*r));
	strbuf_init(&r->when);
	strbuf_init(&r->account_id);
}

void import_result_release(struct import_result *r)
{
	strbuf_release(&r->when);
	strbuf_release(&r->account_id);
	strvec_clear(&r->personal);
	strvec_clear(&r->ignored);
}

/*
 * A header as the tables hold it: ASCII lower case, every run of other
 * characters one '_', none at the ends; "Amount spent (SEK)" gives
 * "amount_spent_sek". A trailing "(XXX)" of a currency code goes to
 * currency instead (when currency is not NULL), giving "amount_spent".
 */
static void normalize(const char *h, struct strbuf *out, char *currency)
{
	size_t n = strlen(h);

	strbuf_reset(out);
	while (n > 0 && (h[n - 1] == ' ' || h[n - 1] == '\t'))
		n--;
	if (currency && n >= 5 && h[n - 1] == ')' && h[n - 5] == '(') {
		char code[4] = { h[n - 4], h[n - 3], h[n - 2], '\0' };

		if (money_currency_valid(code)) {
			memcpy(currency, code, 4);
			n -= 5;
		}
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)h[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c >= 0x80) {
			strbuf_addch(out, c);
		} else if (out->len && out->buf[out->len - 1] != '_') {
			strbuf_addch(out, '_');
		}
	}
	while (out->len && out->buf[out->len - 1] == '_')
		out->buf[--out->len] = '\0';
	strbuf_grow(out, 0); /* buf is a string even when empty */
}

/* the header: where each column is, and the currency it names */
struct header {
	int line;
	size_t n;                   /* fields in the header row */
	int at[IMPORT_N_COLUMNS];   /* field index, or -1 */
	int rank[IMPORT_N_COLUMNS]; /* how it matched; lower wins */
	char currency[4];           /* from "Amount spent (SEK)", or "" */
};

/* how well normalized header h names column c: 0 best, -1 not at all */
static int match_rank(const char *h, enum import_column c,
		      const struct import_options *o, struct strbuf *tmp)
{
	if (!*h)
		return -1; /* an empty header names nothing */
	if (o->mapping && o->mapping[c]) {
		normalize(o->mapping[c], tmp, NULL);
		if (strcmp(h, tmp->buf) == 0)
			return 0;
	}
	if (strcmp(h, import_column_name(c)) == 0)
		return 1;
	for (int k = 0; k < MAX_ALIASES && columns[c].alias[k]; k++)
		if (strcmp(h, columns[c].alias[k]) == 0)
			return 2 + k;
	return -1;
}

static bool is_personal(const char *h)
{
	for (size_t i = 0; i < ARRAY_SIZE(personal); i++)
		if (strcmp(h, personal[i]) == 0)
			return true;
	return false;
}

/*
 * Map the header row onto columns first..last. A header both the
 * mapping and an alias claim goes to the mapping; the same column
 * twice at the same rank is an error. Personal and unused columns are
 * listed in r.
 */
static int map_header(const struct csv_row *row, int first, int last,
		      const struct import_options *o, struct header *hd,
		      struct import_result *r, struct diag *d)
{
	struct strbuf h = STRBUF_INIT, tmp = STRBUF_INIT;
	int ret = 0;

	hd->line = row->line;
	hd->n = row->n;
	hd->currency[0] = '\0';
	for (int c = 0; c < IMPORT_N_COLUMNS; c++)
		hd->at[c] = hd->rank[c] = -1;
	for (size_t i = 0; i < row->n; i++) {
		bool used = false;

		normalize(row->field[i], &h, hd->currency);
		for (int c = first; c <= last; c++) {
			int rank = match_rank(h.buf, c, o, &tmp);

			if (rank < 0)
				continue;
			used = true;
			if (hd->at[c] >= 0 && rank == hd->rank[c]) {
				diag_line(d, row->line,
					  "column '%s' twice (fields %d and "
					  "%zu)",
					  import_column_name(c), hd->at[c] + 1,
					  i + 1);
				ret = -1;
			} else if (hd->at[c] < 0 || rank < hd->rank[c]) {
				hd->at[c] = (int)i;
				hd->rank[c] = rank;
			}
		}
		if (!used && is_personal(h.buf))
			strvec_addf(&r->personal, "%s", row->field[i]);
		else if (!used && h.len && r->ignored.n < 20)
			strvec_addf(&r->ignored, "%s", row->field[i]);
	}
	strbuf_release(&h);
	strbuf_release(&tmp);
	return ret;
}

static int missing_column(struct diag *d, int line, enum import_column c,
			  const char *also)
{
	struct strbuf names = STRBUF_INIT;

	for (int k = 0; k < 3 && columns[c].alias[k]; k++) {
		size_t at = names.len + (k ? 2 : 0);

		strbuf_addf(&names, "%s%s", k ? ", " : "", columns[c].alias[k]);
		for (; at < names.len; at++)
			if (names.buf[at] == '_')
				names.buf[at] = ' ';
	}
	diag_line(d, line,
		  "missing column '%s'%s (also read as: %s ...; name another "
		  "with [import] %s in the config)",
		  import_column_name(c), also, names.buf,
		  import_column_name(c));
	strbuf_release(&names);
	return -1;
}

/* the row's cell of column c, "" when the file has no such column */
static const char *cell(const struct csv_row *row, const struct header *hd,
			enum import_column c)
{
	int i = hd->at[c];

	return i >= 0 && (size_t)i < row->n ? row->field[i] : "";
}

/* cell() with the spaces around it dropped, into a strbuf */
static const char *cell_trim(const struct csv_row *row, const struct header *hd,
			     enum import_column c, struct strbuf *out)
{
	const char *v = cell(row, hd, c);
	size_t n;

	while (*v == ' ' || *v == '\t')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	strbuf_reset(out);
	strbuf_add(out, v, n);
	return strbuf_str(out);
}

/* a row as wide as the header; else an error, and the row is not read */
static bool row_fits(const struct csv_row *row, const struct header *hd,
		     struct diag *d)
{
	if (row->n == hd->n)
		return true;
	diag_line(d, row->line, "%zu field%s, but the header (line %d) has %zu",
		  row->n, row->n == 1 ? "" : "s", hd->line, hd->n);
	return false;
}

static int bad_cell(struct diag *d, int line, enum import_column c,
		    const char *value, const char *why)
{
	diag_line(d, line, "column '%s': %s, found '%s'", import_column_name(c),
		  why, value);
	return -1;
}

/* n digits at s as a number, or -1 */
static int digits_at(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static bool day_valid(int y, int m, int day)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1970 || y > 2999 || m < 1 || m > 12 || day < 1)
		return false;
	return day <= days[m - 1] + (m == 2 && leap);
}

/* "Z", "+01:00", "+0100", " UTC" at s into out ("Z", "+01:00"); 0 or -1 */
static int parse_zone(const char *s, struct strbuf *out)
{
	int h, m;

	if (*s == '\0')
		return 0;
	if (strcmp(s, "Z") == 0 || strcmp(s, " UTC") == 0 ||
	    strcmp(s, " GMT") == 0) {
		strbuf_addch(out, 'Z');
		return 0;
	}
	if (*s == ' ')
		s++;
	if ((*s != '+' && *s != '-') || (h = digits_at(s + 1, 2)) < 0 || h > 14)
		return -1;
	m = s[3] == ':' ? digits_at(s + 4, 2) : digits_at(s + 3, 2);
	if (m < 0 || m > 59 || s[3 + (s[3] == ':') + 2] != '\0')
		return -1;
	strbuf_addf(out, "%c%02d:%02d", *s, h, m);
	return 0;
}

/*
 * A timestamp as ATS exports write it: YYYY-MM-DD (or with '/'), then
 * optionally 'T' or ' ', HH:MM, :SS, a fraction (dropped) and a zone.
 * out gets "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" and the zone as
 * written ("Z", "+01:00"); the day is that of the export's clock.
 */
static int parse_time(const char *s, struct strbuf *out)
{
	int y, mo, dd, h, mi, sec = 0;
	char sep;

	strbuf_reset(out);
	/* each test reads only bytes the ones before it showed are there */
	if ((y = digits_at(s, 4)) < 0 || ((sep = s[4]) != '-' && sep != '/') ||
	    (mo = digits_at(s + 5, 2)) < 0 || s[7] != sep ||
	    (dd = digits_at(s + 8, 2)) < 0 || !day_valid(y, mo, dd))
		return -1;
	strbuf_addf(out, "%04d-%02d-%02d", y, mo, dd);
	s += 10;
	if (*s == '\0')
		return 0;
	if ((*s != 'T' && *s != ' ') || (h = digits_at(s + 1, 2)) < 0 ||
	    s[3] != ':' || (mi = digits_at(s + 4, 2)) < 0 || h > 23 || mi > 59)
		return -1;
	s += 6;
	if (*s == ':') {
		if ((sec = digits_at(s + 1, 2)) < 0 || sec > 60)
			return -1;
		s += 3;
		if (*s == '.')
			for (s++; *s >= '0' && *s <= '9'; s++)
				;
	}
	strbuf_addf(out, "T%02d:%02d:%02d", h, mi, sec);
	return parse_zone(s, out);
}

/* a day of an ad-manager export: a date, or a date at midnight */
static int parse_day(const char *s, char day[11])
{
	struct strbuf t = STRBUF_INIT;
	int rc = parse_time(s, &t);

	if (rc == 0 && t.len > 10 && strncmp(t.buf + 10, "T00:00:00", 9) != 0)
		rc = -1;
	if (rc == 0)
		memcpy(day, t.buf, 10), day[10] = '\0';
	strbuf_release(&t);
	return rc;
}

/* a count: digits, grouped as exports group them; "" is `empty` */
static int parse_count(const char *s, int64_t empty, int64_t *out,
		       const char **why)
{
	if (*s == '\0') {
		*out = empty;
		return 0;
	}
	if (money_parse_export(s, 0, out, why) != 0)
		return -1;
	if (*out < 0) {
		*why = "negative";
		return -1;
	}
	return 0;
}

/* ---- ATS exports ---- */

/* the ATS columns a row gives, trimmed; NULL for an empty cell */
enum { N_ATS = IC_UTM_ID + 1 };

struct event {
	int line;
	const char *kind;        /* "application" or "hire" */
	const char *platform;    /* static, or NULL */
	char *key, *at;          /* owned */
	char *v[N_ATS];          /* owned copies of the row's cells, or NULL */
	char *persona, *channel; /* owned, or NULL */
};

struct events {
	struct event *e;
	size_t n, alloc;
};

static void events_release(struct events *ev)
{
	for (size_t i = 0; i < ev->n; i++) {
		struct event *e = &ev->e[i];

		free(e->key);
		free(e->at);
		free(e->persona);
		free(e->channel);
		for (int c = 0; c < N_ATS; c++)
			free(e->v[c]);
	}
	free(ev->e);
}

/* utm_source names an ad platform (push writes meta, linkedin, tiktok) */
static const char *utm_platform(const char *v)
{
	static const struct {
		const char *utm, *platform;
	} names[] = {
		{ "meta", "meta" },     { "facebook", "meta" },
		{ "fb", "meta" },       { "instagram", "meta" },
		{ "ig", "meta" },       { "linkedin", "linkedin" },
		{ "tiktok", "tiktok" },
	};
	struct strbuf n = STRBUF_INIT;
	const char *p = NULL;

	if (!v)
		return NULL;
	normalize(v, &n, NULL);
	for (size_t i = 0; i < ARRAY_SIZE(names) && !p; i++)
		if (strcmp(n.buf, names[i].utm) == 0)
			p = names[i].platform;
	strbuf_release(&n);
	return p;
}

static bool id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '-';
}

/*
 * utm_content "installers.meta_feed" (any character that cannot be in
 * an id between them) into persona and channel; both stay NULL unless
 * the text is exactly two ids.
 */
static void utm_cell(const char *v, char **persona, char **channel)
{
	size_t a = 0, b;

	if (!v)
		return;
	while (id_char(v[a]))
		a++;
	if (a == 0 || v[a] == '\0' || !id_char(v[a + 1]))
		return;
	for (b = a + 1; id_char(v[b]); b++)
		;
	if (v[b] != '\0')
		return;
	*persona = xstrndup(v, a);
	*channel = xstrdup(v + a + 1);
}

static bool is_hired(const char *status)
{
	static const char *const hired[] = { "hired", "hire", "anst\xc3\xa4lld",
					     "offer_accepted" };
	struct strbuf n = STRBUF_INIT;
	bool yes = false;

	if (!status)
		return false;
	normalize(status, &n, NULL);
	for (size_t i = 0; i < ARRAY_SIZE(hired); i++)
		yes = yes || strcmp(strbuf_str(&n), hired[i]) == 0;
	strbuf_release(&n);
	return yes;
}

/* the key of an application without an id: a digest of what it says */
static char *content_key(char *const v[N_ATS], const char *at)
{
	struct strbuf sb = STRBUF_INIT;
	char hex[65];

	strbuf_addstr(&sb, at);
	for (int c = IC_JOB_REFERENCE; c < N_ATS; c++)
		if (c != IC_STATUS && c != IC_HIRED_AT)
			strbuf_addf(&sb, "\x1f%s", v[c] ? v[c] : "");
	sha256_hex(sb.buf, sb.len, hex);
	strbuf_release(&sb);
	return xstrdup(hex);
}

static struct event *add_event(struct events *ev, int line, const char *kind,
			       char *const v[N_ATS])
{
	struct event *e;

	ALLOC_GROW(ev->e, ev->n + 1, ev->alloc);
	e = &ev->e[ev->n++];
	memset(e, 0, sizeof(*e));
	e->line = line;
	e->kind = kind;
	for (int c = 0; c < N_ATS; c++)
		e->v[c] = v[c] ? xstrdup(v[c]) : NULL;
	e->platform = utm_platform(v[IC_UTM_SOURCE]);
	utm_cell(v[IC_UTM_CONTENT], &e->persona, &e->channel);
	return e;
}

/* the row's ATS cells, trimmed, into v (NULL when empty); -1 on a bad one */
static int ats_cells(const struct csv_row *row, const struct header *hd,
		     char *v[N_ATS], struct diag *d)
{
	struct strbuf t = STRBUF_INIT;
	int ret = 0;

	for (int c = 0; c < N_ATS; c++) {
		const char *s = cell_trim(row, hd, c, &t);

		v[c] = NULL;
		if (strlen(s) > MAX_CELL)
			ret = bad_cell(d, row->line, c, "...",
				       "longer than 500 bytes");
		else if (*s)
			v[c] = xstrdup(s);
	}
	strbuf_release(&t);
	return ret;
}

static int ats_row(const struct csv_row *row, const struct header *hd,
		   struct events *ev, struct diag *d)
{
	char *v[N_ATS];
	struct strbuf at = STRBUF_INIT, hired = STRBUF_INIT;
	const char *id;
	char *key;
	int ret = ats_cells(row, hd, v, d);

	if (!v[IC_APPLIED_AT])
		ret = bad_cell(d, row->line, IC_APPLIED_AT, "",
			       "expected a date");
	else if (parse_time(v[IC_APPLIED_AT], &at))
		ret = bad_cell(d, row->line, IC_APPLIED_AT, v[IC_APPLIED_AT],
			       "expected a date, YYYY-MM-DD or "
			       "YYYY-MM-DDTHH:MM:SS");
	if (v[IC_HIRED_AT] && parse_time(v[IC_HIRED_AT], &hired))
		ret = bad_cell(d, row->line, IC_HIRED_AT, v[IC_HIRED_AT],
			       "expected a date, YYYY-MM-DD or "
			       "YYYY-MM-DDTHH:MM:SS");
	if (!v[IC_HIRED_AT] && is_hired(v[IC_STATUS]))
		ret = bad_cell(d, row->line, IC_STATUS, v[IC_STATUS],
			       "a hire without a hired_at date");
	if (ret == 0) {
		struct event *e;

		id = v[IC_APPLICATION_ID];
		key = id ? NULL : content_key(v, at.buf);
		e = add_event(ev, row->line, "application", v);
		e->at = strbuf_detach(&at);
		strbuf_addf(&at, "application:%s", id ? id : key);
		e->key = strbuf_detach(&at);
		if (v[IC_HIRED_AT]) {
			e = add_event(ev, row->line, "hire", v);
			e->at = strbuf_detach(&hired);
			strbuf_addf(&hired, "hire:%s", id ? id : key);
			e->key = strbuf_detach(&hired);
		}
		free(key);
	}
	for (int c = 0; c < N_ATS; c++)
		free(v[c]);
	strbuf_release(&at);
	strbuf_release(&hired);
	return ret;
}

static int cmp_event_key(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* the same key twice in one file: the same application twice */
static int check_repeats(struct events *ev, struct diag *d)
{
	int ret = 0;

	if (ev->n < 2)
		return 0; /* qsort() takes no NULL array */
	qsort(ev->e, ev->n, sizeof(*ev->e), cmp_event_key);
	for (size_t i = 1; i < ev->n; i++)
		if (strcmp(ev->e[i].key, ev->e[i - 1].key) == 0 &&
		    ev->e[i].kind == ev->e[i - 1].kind) {
			diag_line(d, ev->e[i].line,
				  "column 'application_id': the same "
				  "application as on line %d, found '%s'",
				  ev->e[i - 1].line,
				  ev->e[i].v[IC_APPLICATION_ID]
					  ? ev->e[i].v[IC_APPLICATION_ID]
					  : "(no id: every column the same)");
			ret = -1;
		}
	return ret;
}

/* ---- both ---- */

/* a file read whole, its digest, and its rows */
struct input {
	struct csv_table t;
	char sha[65];
};

static int read_csv(const char *path, struct input *in, struct diag *d)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = read_input(path, &sb, d);

	in->t.rows = NULL;
	in->t.n_rows = 0;
	if (rc == 0) {
		sha256_hex(strbuf_str(&sb), sb.len, in->sha);
		rc = csv_parse(strbuf_str(&sb), sb.len, &in->t, d);
	}
	strbuf_release(&sb);
	if (rc == 0 && in->t.n_rows == 0) {
		diag_line(d, 0, "no header row: the file is empty");
		rc = -1;
	}
	return rc;
}

/* 1 the file was imported before (r->when says when), 0 not, -1 error */
static int seen_before(struct store *s, const struct input *in,
		       struct import_result *r)
{
	int found = store_import_find(s, in->sha, &r->when);

	if (found == 1)
		r->already = true;
	return found;
}

/* write the events in one transaction, unless the file was seen */
static int write_events(struct store *s, const struct input *in,
			const struct events *ev, struct import_result *r)
{
	int found;

	if (store_begin(s))
		return JM_IOERR;
	found = seen_before(s, in, r);
	for (size_t i = 0; found == 0 && i < ev->n; i++) {
		const struct event *e = &ev->e[i];
		struct store_ats_event se = {
			.event_key = e->key,
			.kind = e->kind,
			.at = e->at,
			.job_reference = e->v[IC_JOB_REFERENCE],
			.source = e->v[IC_SOURCE],
			.status = e->v[IC_STATUS],
			.utm_source = e->v[IC_UTM_SOURCE],
			.utm_medium = e->v[IC_UTM_MEDIUM],
			.utm_campaign = e->v[IC_UTM_CAMPAIGN],
			.utm_content = e->v[IC_UTM_CONTENT],
			.utm_term = e->v[IC_UTM_TERM],
			.utm_id = e->v[IC_UTM_ID],
			.platform = e->platform,
			.persona = e->persona,
			.channel = e->channel,
		};
		int added = store_ats_event_add(s, &se);

		if (added < 0)
			found = -1;
		else if (added)
			r->added++;
		else
			r->known++;
	}
	if (found == 0 && store_import_put(s, in->sha, "ats", (int64_t)r->rows))
		found = -1;
	if (found != 0 || store_commit(s)) {
		store_rollback(s);
		r->added = r->known = 0;
		return found == 1 ? 0 : JM_IOERR;
	}
	return 0;
}

int import_ats(struct store *s, const char *path,
	       const struct import_options *o, struct import_result *r,
	       struct diag *d)
{
	struct input in;
	struct header hd;
	struct events ev = { 0 };
	int rc;

	if (read_csv(path, &in, d))
		return d->status;
	rc = map_header(&in.t.rows[0], IC_APPLICATION_ID, IC_UTM_ID, o, &hd, r,
			d);
	if (hd.at[IC_APPLIED_AT] < 0)
		rc = missing_column(d, hd.line, IC_APPLIED_AT, "");
	for (size_t i = 1; rc == 0 && i < in.t.n_rows; i++) {
		r->rows++;
		if (row_fits(&in.t.rows[i], &hd, d))
			ats_row(&in.t.rows[i], &hd, &ev, d);
	}
	if (rc == 0 && d->n_errors == 0)
		check_repeats(&ev, d);
	for (size_t i = 0; i < ev.n; i++)
		*(strcmp(ev.e[i].kind, "hire") ? &r->applications
					       : &r->hires) += 1;
	rc = d->n_errors ? JM_DATAERR : write_events(s, &in, &ev, r);
	events_release(&ev);
	csv_table_release(&in.t);
	return rc;
}

/* ---- ad-manager exports ---- */

struct mrow {
	int line;
	char day[11];
	char *ad_id, *ad_name,
		*campaign_id; /* owned; the last two may be NULL */
	struct store_metric m;
};

struct mrows {
	struct mrow *r;
	size_t n, alloc;
};

static void mrows_release(struct mrows *mr)
{
	for (size_t i = 0; i < mr->n; i++) {
		free(mr->r[i].ad_id);
		free(mr->r[i].ad_name);
		free(mr->r[i].campaign_id);
	}
	free(mr->r);
}

/*
 * The header row: the first of the first 20 rows that has a day column
 * (LinkedIn writes a few lines about the report above it), else row 0.
 */
static size_t find_header(const struct csv_table *t,
			  const struct import_options *o)
{
	struct strbuf h = STRBUF_INIT, tmp = STRBUF_INIT;
	char cur[4];
	size_t found = 0;

	for (size_t i = 0; i < t->n_rows && i < 20 && !found; i++)
		for (size_t k = 0; k < t->rows[i].n && !found; k++) {
			normalize(t->rows[i].field[k], &h, cur);
			if (match_rank(h.buf, IC_DAY, o, &tmp) >= 0)
				found = i;
		}
	strbuf_release(&h);
	strbuf_release(&tmp);
	return found;
}

static int metric_columns(const struct header *hd, struct diag *d)
{
	int ret = 0;

	if (hd->at[IC_DAY] < 0)
		ret = missing_column(d, hd->line, IC_DAY, "");
	if (hd->at[IC_SPEND] < 0)
		ret = missing_column(d, hd->line, IC_SPEND, "");
	if (hd->at[IC_IMPRESSIONS] < 0)
		ret = missing_column(d, hd->line, IC_IMPRESSIONS, "");
	if (hd->at[IC_AD_ID] < 0 && hd->at[IC_AD_NAME] < 0)
		ret = missing_column(d, hd->line, IC_AD_ID, " or 'ad_name'");
	if (hd->at[IC_CLICKS] < 0 && hd->at[IC_LINK_CLICKS] < 0)
		ret = missing_column(d, hd->line, IC_CLICKS,
				     " or 'link_clicks'");
	return ret;
}

/* a trailing "Total" row, or a row without a day: not a day's figures */
static bool skip_row(const struct csv_row *row, const struct header *hd)
{
	const char *day = cell(row, hd, IC_DAY);

	while (*day == ' ')
		day++;
	return *day == '\0' || strncmp(day, "Total", 5) == 0 ||
	       strncmp(day, "total", 5) == 0 || strncmp(day, "TOTAL", 5) == 0;
}

/*
 * One value for the whole file from an option, the header and a column:
 * the first given, each other given one the same (else an error at the
 * line where it differs). out is "" when none is given.
 */
static int one_value(const struct csv_table *t, size_t first,
		     const struct header *hd, enum import_column c,
		     const char *given, const char *what, struct strbuf *out,
		     struct diag *d)
{
	struct strbuf v = STRBUF_INIT;
	int ret = 0;

	strbuf_reset(out);
	if (given)
		strbuf_addstr(out, given);
	for (size_t i = first; i < t->n_rows && ret == 0; i++) {
		const char *s = cell_trim(&t->rows[i], hd, c, &v);

		if (!*s || skip_row(&t->rows[i], hd))
			continue;
		if (!out->len)
			strbuf_addstr(out, s);
		else if (strcmp(s, out->buf) != 0)
			ret = bad_cell(d, t->rows[i].line, c, s, what);
	}
	strbuf_release(&v);
	return ret;
}

/* a count column of the row; -1 after the message */
static int count_cell(const struct csv_row *row, const struct header *hd,
		      enum import_column c, int64_t empty, int64_t *out,
		      struct diag *d)
{
	struct strbuf t = STRBUF_INIT;
	const char *s = cell_trim(row, hd, c, &t);
	const char *why = NULL;
	int rc = 0;

	if (hd->at[c] < 0)
		*out = empty;
	else if (parse_count(s, empty, out, &why) != 0)
		rc = bad_cell(d, row->line, c, s,
			      strcmp(why, "more than 0 decimals") == 0
				      ? "expected a whole number"
				      : why);
	strbuf_release(&t);
	return rc;
}

/* a text column of the row into *out (NULL when empty); -1 when too long */
static int text_cell(const struct csv_row *row, const struct header *hd,
		     enum import_column c, char **out, struct diag *d)
{
	struct strbuf t = STRBUF_INIT;
	const char *s = cell_trim(row, hd, c, &t);
	int rc = 0;

	*out = NULL;
	if (strlen(s) > MAX_CELL)
		rc = bad_cell(d, row->line, c, "...", "longer than 500 bytes");
	else if (*s)
		*out = xstrdup(s);
	strbuf_release(&t);
	return rc;
}

static int metric_row(const struct csv_row *row, const struct header *hd,
		      int digits, struct mrows *mr, struct diag *d)
{
	struct strbuf t = STRBUF_INIT;
	struct mrow m = { .line = row->line };
	const char *s, *why = NULL;
	int ret = 0;

	s = cell_trim(row, hd, IC_DAY, &t);
	if (parse_day(s, m.day))
		ret = bad_cell(d, row->line, IC_DAY, s,
			       "expected a day, YYYY-MM-DD");
	s = cell_trim(row, hd, hd->at[IC_AD_ID] >= 0 ? IC_AD_ID : IC_AD_NAME,
		      &t);
	if (!*s || strlen(s) > MAX_CELL)
		ret = bad_cell(d, row->line,
			       hd->at[IC_AD_ID] >= 0 ? IC_AD_ID : IC_AD_NAME, s,
			       "expected the ad's id (at most 500 bytes)");
	m.ad_id = xstrdup(s);
	if (text_cell(row, hd, IC_AD_NAME, &m.ad_name, d) ||
	    text_cell(row, hd, IC_CAMPAIGN_ID, &m.campaign_id, d))
		ret = -1;
	s = cell_trim(row, hd, IC_SPEND, &t);
	if (!*s)
		m.m.spend = 0;
	else if (money_parse_export(s, digits, &m.m.spend, &why))
		ret = bad_cell(d, row->line, IC_SPEND, s, why);
	else if (m.m.spend < 0)
		ret = bad_cell(d, row->line, IC_SPEND, s, "negative");
	if (count_cell(row, hd, IC_IMPRESSIONS, 0, &m.m.impressions, d) ||
	    count_cell(row, hd, IC_REACH, -1, &m.m.reach, d) ||
	    count_cell(row, hd, IC_LINK_CLICKS, -1, &m.m.link_clicks, d) ||
	    count_cell(row, hd, IC_CLICKS, -1, &m.m.clicks, d) ||
	    count_cell(row, hd, IC_APPLICATIONS, -1, &m.m.applications, d) ||
	    count_cell(row, hd, IC_LEADS, -1, &m.m.leads, d))
		ret = -1;
	/* clicks of every kind; without that column, the link clicks */
	if (m.m.clicks < 0)
		m.m.clicks = m.m.link_clicks < 0 ? 0 : m.m.link_clicks;
	strbuf_release(&t);
	ALLOC_GROW(mr->r, mr->n + 1, mr->alloc);
	mr->r[mr->n++] = m;
	return ret;
}

static int cmp_mrow(const void *a, const void *b)
{
	const struct mrow *x = a, *y = b;
	int c = strcmp(x->day, y->day);

	if (!c)
		c = strcmp(x->ad_id, y->ad_id);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* sort by day and ad; the same ad twice on a day is an error */
static int sort_rows(struct mrows *mr, const struct header *hd, struct diag *d)
{
	int ret = 0;

	if (mr->n < 2)
		return 0; /* qsort() takes no NULL array */
	qsort(mr->r, mr->n, sizeof(*mr->r), cmp_mrow);
	for (size_t i = 1; i < mr->n; i++)
		if (cmp_mrow(&mr->r[i], &mr->r[i - 1]) != 0 &&
		    strcmp(mr->r[i].day, mr->r[i - 1].day) == 0 &&
		    strcmp(mr->r[i].ad_id, mr->r[i - 1].ad_id) == 0) {
			diag_line(d, mr->r[i].line,
				  "column '%s': the same ad on the same day "
				  "as on line %d, found '%s'",
				  hd->at[IC_AD_ID] >= 0 ? "ad_id" : "ad_name",
				  mr->r[i - 1].line, mr->r[i].ad_id);
			ret = -1;
		}
	return ret;
}

/*
 * Every row (each replacing that ad's figures of its day, if any) and
 * the file, in one transaction.
 */
static int write_metrics(struct store *s, const struct input *in,
			 const struct import_options *o, const struct mrows *mr,
			 struct import_result *r)
{
	const char *platform = platform_name(o->platform);
	const char *acct = r->account_id.buf;
	struct strbuf kind = STRBUF_INIT;
	int found;

	if (store_begin(s))
		return JM_IOERR;
	found = seen_before(s, in, r);
	if (found == 0 && r->new_account) {
		struct store_account a = { platform, acct, r->currency,
					   o->timezone, NULL };

		found = store_account_put(s, &a);
	}
	for (size_t i = 0; found == 0 && i < mr->n; i++) {
		struct store_metric m = mr->r[i].m;

		m.ad_id = mr->r[i].ad_id;
		m.campaign_id = mr->r[i].campaign_id;
		found = store_metric_put(s, platform, acct, mr->r[i].day,
					 r->currency, &m, mr->r[i].ad_name);
	}
	strbuf_addf(&kind, "metrics:%s", platform);
	if (found == 0 &&
	    store_import_put(s, in->sha, kind.buf, (int64_t)r->rows))
		found = -1;
	strbuf_release(&kind);
	if (found != 0 || store_commit(s)) {
		store_rollback(s);
		return found == 1 ? 0 : JM_IOERR;
	}
	return 0;
}

/* the currency the figures are in, against the account's (have) */
static int check_currency(struct diag *d, const struct import_options *o,
			  struct import_result *r, const struct strbuf *cur,
			  const struct strbuf *have)
{
	const char *c = cur->len ? cur->buf : have ? have->buf : NULL;

	if (!c) {
		errorf("%s: which currency? The file names none: give "
		       "--currency CUR",
		       d->file);
		return JM_USAGE;
	}
	if (!money_currency_valid(c)) {
		diag_line(d, 0,
			  "currency '%s': expected an ISO 4217 code "
			  "such as SEK",
			  c);
		return JM_DATAERR;
	}
	if (have && strcmp(have->buf, c) != 0) {
		diag_line(d, 0,
			  "the figures are in %s, but %s account %s "
			  "keeps its figures in %s",
			  c, platform_name(o->platform), r->account_id.buf,
			  have->buf);
		return JM_DATAERR;
	}
	if (!have && !o->timezone) {
		errorf("%s: %s account %s is new to the store: give its time "
		       "zone with --timezone (or [import] timezone), e.g. "
		       "Europe/Stockholm",
		       d->file, platform_name(o->platform), r->account_id.buf);
		return JM_USAGE;
	}
	r->new_account = !have;
	memcpy(r->currency, c, 4);
	r->digits = money_digits(c);
	return 0;
}

/*
 * The file's currency (option, "Amount spent (SEK)", a currency column,
 * else the account's) and ad account (option, else an account column).
 */
static int file_account(struct store *s, const struct input *in, size_t first,
			const struct header *hd, const struct import_options *o,
			struct import_result *r, struct diag *d)
{
	struct strbuf cur = STRBUF_INIT, have = STRBUF_INIT, tz = STRBUF_INIT;
	const char *given = o->currency       ? o->currency
			    : hd->currency[0] ? hd->currency
					      : NULL;
	int rc = 0, known;

	if (o->currency && hd->currency[0] &&
	    strcmp(o->currency, hd->currency) != 0) {
		bad_cell(d, hd->line, IC_SPEND, hd->currency,
			 "--currency says another currency");
		return JM_DATAERR;
	}
	if (one_value(&in->t, first + 1, hd, IC_CURRENCY, given,
		      "another currency than the file's", &cur, d) ||
	    one_value(&in->t, first + 1, hd, IC_ACCOUNT_ID, o->account_id,
		      "another ad account than the file's", &r->account_id, d))
		rc = JM_DATAERR;
	if (!rc && !r->account_id.len) {
		errorf("%s: which ad account? The file names none: give "
		       "--account ID (or [%s] account_id in the config)",
		       d->file, platform_name(o->platform));
		rc = JM_USAGE;
	}
	known = rc ? 0
		   : store_account_get(s, platform_name(o->platform),
				       r->account_id.buf, &have, &tz);
	if (known < 0)
		rc = JM_IOERR;
	rc = rc ? rc : check_currency(d, o, r, &cur, known ? &have : NULL);
	strbuf_release(&cur);
	strbuf_release(&have);
	strbuf_release(&tz);
	return rc;
}

static void metric_totals(const struct mrows *mr, struct import_result *r)
{
	for (size_t i = 0; i < mr->n; i++) {
		const struct mrow *m = &mr->r[i];

		r->spend += m->m.spend;
		r->impressions += m->m.impressions;
		r->clicks += m->m.clicks;
		if (i == 0 || strcmp(m->day, mr->r[i - 1].day) != 0)
			r->days++;
	}
	if (mr->n) {
		memcpy(r->first_day, mr->r[0].day, 11);
		memcpy(r->last_day, mr->r[mr->n - 1].day, 11);
	}
}

int import_metrics(struct store *s, const char *path,
		   const struct import_options *o, struct import_result *r,
		   struct diag *d)
{
	struct input in;
	struct header hd;
	struct mrows mr = { 0 };
	size_t first;
	int rc;

	if (read_csv(path, &in, d))
		return d->status;
	first = find_header(&in.t, o);
	rc = map_header(&in.t.rows[first], IC_DAY, IC_LEADS, o, &hd, r, d);
	if (rc == 0 && metric_columns(&hd, d) == 0)
		rc = file_account(s, &in, first, &hd, o, r, d);
	else
		rc = JM_DATAERR;
	for (size_t i = first + 1; rc == 0 && i < in.t.n_rows; i++) {
		if (skip_row(&in.t.rows[i], &hd))
			continue;
		r->rows++;
		if (row_fits(&in.t.rows[i], &hd, d))
			metric_row(&in.t.rows[i], &hd, r->digits, &mr, d);
	}
	if (rc == 0 && d->n_errors == 0)
		sort_rows(&mr, &hd, d);
	if (rc == 0 && d->n_errors)
		rc = JM_DATAERR;
	if (rc == 0) {
		metric_totals(&mr, r);
		rc = write_metrics(s, &in, o, &mr, r);
	}
	mrows_release(&mr);
	csv_table_release(&in.t);
	return rc;
}
