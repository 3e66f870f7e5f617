/*
 * The channel catalogue: one CSV row per channel. Columns are found by
 * their header names, so their order is free; unknown columns are
 * errors (a misspelt "max_shar" must not silently do nothing).
 */
#include "catalogue.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "csv.h"
#include "diag.h"
#include "money.h"
#include "strbuf.h"
#include "wrapper.h"
#include "number.h"
#include "fileio.h"

enum col {
	COL_ID,
	COL_NAME,
	COL_PLATFORM,
	COL_PRICING,
	COL_PRICE,
	COL_CURRENCY,
	COL_CTR,
	COL_CTR_BASIS,
	COL_REF_FREQUENCY,
	COL_APPLY_RATE,
	COL_HIRE_RATE,
	COL_PRECISION,
	COL_FREQUENCY_CAP,
	COL_MIN_DAILY,
	COL_MIN_SPEND,
	COL_MAX_SPEND,
	COL_MAX_SHARE,
	COL_IMPRESSIONS,
	COL_SOURCE,
	N_COLS
};

static const struct {
	const char *name;
	int required;
} columns[N_COLS] = {
	[COL_ID] = { "id", 1 },
	[COL_NAME] = { "name", 0 },
	[COL_PLATFORM] = { "platform", 1 },
	[COL_PRICING] = { "pricing", 1 },
	[COL_PRICE] = { "price", 1 },
	[COL_CURRENCY] = { "currency", 1 },
	[COL_CTR] = { "ctr", 1 },
	[COL_CTR_BASIS] = { "ctr_basis", 0 },
	[COL_REF_FREQUENCY] = { "ref_frequency", 0 },
	[COL_APPLY_RATE] = { "apply_rate", 1 },
	[COL_HIRE_RATE] = { "hire_rate", 1 },
	[COL_PRECISION] = { "precision", 1 },
	[COL_FREQUENCY_CAP] = { "frequency_cap", 0 },
	[COL_MIN_DAILY] = { "min_daily", 0 },
	[COL_MIN_SPEND] = { "min_spend", 0 },
	[COL_MAX_SPEND] = { "max_spend", 0 },
	[COL_MAX_SHARE] = { "max_share", 0 },
	[COL_IMPRESSIONS] = { "impressions", 0 },
	[COL_SOURCE] = { "source", 1 },
};

int id_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64 || s[0] == '-' || s[0] == '_')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		      s[i] == '-'))
			return 0;
	return 1;
}

struct row_ctx {
	struct diag *d;
	const struct csv_row *row;
	const int *where; /* column index in the row, or -1 */
};

static const char *cell(const struct row_ctx *rc, enum col c)
{
	int i = rc->where[c];

	if (i < 0 || (size_t)i >= rc->row->n)
		return "";
	return rc->row->field[i];
}

/* a number in [lo, hi]; blank gives def, or an error if def is NAN */
static int get_number(const struct row_ctx *rc, enum col c, double lo,
		      double hi, int lo_open, double def, double *out,
		      const char *expected)
{
	const char *s = cell(rc, c);
	double v;

	if (!*s) {
		if (def != def) {
			diag_line(rc->d, rc->row->line,
				  "column '%s': missing; expected %s",
				  columns[c].name, expected);
			return -1;
		}
		*out = def;
		return 0;
	}
	if (parse_double(s, &v) < 0 || v < lo || v > hi ||
	    (lo_open && v == lo)) {
		diag_line(rc->d, rc->row->line,
			  "column '%s': expected %s, found '%s'",
			  columns[c].name, expected, s);
		return -1;
	}
	*out = v;
	return 0;
}

static int get_money(const struct row_ctx *rc, enum col c, int digits,
		     int required, int64_t def, int64_t *out)
{
	const char *s = cell(rc, c);
	const char *why = NULL;

	if (!*s) {
		if (required) {
			diag_line(rc->d, rc->row->line,
				  "column '%s': missing; expected an amount",
				  columns[c].name);
			return -1;
		}
		*out = def;
		return 0;
	}
	if (money_parse(s, digits, out, &why) < 0) {
		diag_line(rc->d, rc->row->line,
			  "column '%s': expected an amount, found '%s' (%s)",
			  columns[c].name, s, why);
		return -1;
	}
	if (*out < 0) {
		diag_line(rc->d, rc->row->line,
			  "column '%s': expected an amount of at least 0, "
			  "found '%s'",
			  columns[c].name, s);
		return -1;
	}
	return 0;
}

/* a text column that must be one of a fixed set, by its parser */
static int get_enum(const struct row_ctx *rc, enum col c,
		    int (*parse)(const char *s, void *out), void *out,
		    const char *expected)
{
	const char *s = cell(rc, c);

	if (parse(s, out) == 0)
		return 0;
	diag_line(rc->d, rc->row->line, "column '%s': expected %s, found '%s'",
		  columns[c].name, expected, s);
	return -1;
}

static int parse_platform(const char *s, void *out)
{
	return platform_parse(s, out);
}

static int parse_pricing(const char *s, void *out)
{
	return pricing_parse(s, out);
}

static int parse_ctr_basis(const char *s, void *out)
{
	enum ctr_basis *b = out;

	if (!*s || strcmp(s, "impression") == 0)
		*b = CTR_IMPRESSION;
	else if (strcmp(s, "unique") == 0)
		*b = CTR_UNIQUE;
	else
		return -1;
	return 0;
}

/* id, name, platform, pricing and currency */
static int parse_texts(const struct row_ctx *rc, struct channel *ch,
		       int *digits)
{
	int line = rc->row->line, bad = 0;
	const char *s = cell(rc, COL_ID);

	if (!id_valid(s)) {
		diag_line(rc->d, line,
			  "column 'id': expected 1 to 64 of a-z 0-9 _ -, "
			  "found '%s'",
			  s);
		bad = 1;
	}
	ch->id = xstrdup(s);
	s = cell(rc, COL_NAME);
	ch->name = xstrdup(*s ? s : ch->id);
	bad |= get_enum(rc, COL_PLATFORM, parse_platform, &ch->platform,
			"meta, linkedin, tiktok or offline") < 0;
	bad |= get_enum(rc, COL_PRICING, parse_pricing, &ch->pricing,
			"cpm, cpc, flat or per_hire") < 0;
	s = cell(rc, COL_CURRENCY);
	if (!money_currency_valid(s)) {
		diag_line(rc->d, line,
			  "column 'currency': expected an ISO 4217 code such "
			  "as USD, found '%s'",
			  s);
		bad = 1;
	} else {
		*digits = money_digits(s);
	}
	ch->currency = xstrdup(s);
	return bad ? -1 : 0;
}

static int parse_source(const struct row_ctx *rc, struct channel *ch)
{
	const char *s = cell(rc, COL_SOURCE);

	ch->source = xstrdup(s);
	if (*s)
		return 0;
	diag_line(rc->d, rc->row->line,
		  "column 'source': missing; every figure needs its source");
	return -1;
}

/* the rates and counts, each in its range */
static int parse_numbers(const struct row_ctx *rc, struct channel *ch)
{
	int bad = 0;

	bad |= get_number(rc, COL_CTR, 0, 1, 1, NAN, &ch->ctr,
			  "a rate above 0 and at most 1") < 0;
	bad |= get_number(rc, COL_REF_FREQUENCY, 1, 1000, 0, 1,
			  &ch->ref_frequency, "a frequency from 1 to 1000") < 0;
	bad |= get_number(rc, COL_APPLY_RATE, 0, 1, 0, NAN, &ch->apply_rate,
			  "a rate from 0 to 1") < 0;
	bad |= get_number(rc, COL_HIRE_RATE, 0, 1, 0, NAN, &ch->hire_rate,
			  "a rate from 0 to 1") < 0;
	bad |= get_number(rc, COL_PRECISION, 0, 1, 1, NAN, &ch->precision,
			  "a share above 0 and at most 1") < 0;
	bad |= get_number(rc, COL_FREQUENCY_CAP, 0, 1000, 1, 0,
			  &ch->frequency_cap,
			  "a frequency above 0 and at most 1000") < 0;
	bad |= get_number(rc, COL_MAX_SHARE, 0, 1, 1, 1, &ch->max_share,
			  "a share above 0 and at most 1") < 0;
	bad |= get_number(rc, COL_IMPRESSIONS, 0, 1e12, 1, 0, &ch->impressions,
			  "a number of impressions above 0") < 0;
	return bad ? -1 : 0;
}

/* the price, in the row's currency */
static int parse_price(const struct row_ctx *rc, struct channel *ch, int digits)
{
	if (get_money(rc, COL_PRICE, digits, 1, 0, &ch->price) < 0)
		return -1;
	if (ch->price > 0)
		return 0;
	diag_line(rc->d, rc->row->line, "column 'price': must be more than 0");
	return -1;
}

/* the spend limits, in the row's currency */
static int parse_limits(const struct row_ctx *rc, struct channel *ch,
			int digits)
{
	int bad = 0;

	bad |= get_money(rc, COL_MIN_DAILY, digits, 0, 0, &ch->min_daily) < 0;
	bad |= get_money(rc, COL_MIN_SPEND, digits, 0, 0, &ch->min_spend) < 0;
	bad |= get_money(rc, COL_MAX_SPEND, digits, 0, MONEY_NONE,
			 &ch->max_spend) < 0;
	return bad ? -1 : 0;
}

/* the checks across columns, once each column is good on its own */
static int check_row(struct diag *d, int line, const struct channel *ch)
{
	int bad = 0;

	if (ch->pricing == PRICING_FLAT && ch->impressions <= 0) {
		diag_line(d, line,
			  "column 'impressions': a flat-fee channel needs the "
			  "impressions its fee buys");
		bad = 1;
	}
	if (ch->pricing != PRICING_FLAT && ch->impressions > 0) {
		diag_line(d, line,
			  "column 'impressions': only for flat pricing, not "
			  "%s",
			  pricing_name(ch->pricing));
		bad = 1;
	}
	if (ch->pricing == PRICING_PER_HIRE &&
	    (ch->apply_rate <= 0 || ch->hire_rate <= 0)) {
		diag_line(d, line,
			  "a per_hire channel needs apply_rate and hire_rate "
			  "above 0");
		bad = 1;
	}
	if (ch->max_spend != MONEY_NONE && ch->min_spend > ch->max_spend) {
		diag_line(d, line,
			  "column 'min_spend': above max_spend on the same "
			  "row");
		bad = 1;
	}
	return bad ? -1 : 0;
}

static int parse_row(const struct row_ctx *rc, struct channel *ch)
{
	int digits = 2, bad = 0;

	ch->line = rc->row->line;
	/* in the order of the columns in docs/inputs.md */
	bad |= parse_texts(rc, ch, &digits) < 0;
	bad |= parse_price(rc, ch, digits) < 0;
	bad |= get_enum(rc, COL_CTR_BASIS, parse_ctr_basis, &ch->ctr_basis,
			"impression or unique") < 0;
	bad |= parse_numbers(rc, ch) < 0;
	bad |= parse_limits(rc, ch, digits) < 0;
	bad |= parse_source(rc, ch) < 0;
	if (bad)
		return -1;
	return check_row(rc->d, ch->line, ch);
}

/*
 * The ids seen so far, as an open-addressing hash set of channel
 * indexes: a catalogue of n rows is checked for duplicates in O(n),
 * and each duplicate is reported where its row is.
 */
struct id_set {
	size_t *slot; /* owned; channel index + 1, 0 when empty */
	size_t mask;
};

static void id_set_init(struct id_set *set, size_t n)
{
	size_t cap = 16;

	while (cap < 2 * n)
		cap *= 2;
	set->slot = xcalloc(cap, sizeof(*set->slot));
	set->mask = cap - 1;
}

static size_t hash_id(const char *s)
{
	size_t h = 2166136261u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* add channel i; returns the index of an earlier one with its id, or i */
static size_t id_set_add(struct id_set *set, const struct channel *ch, size_t i)
{
	size_t h = hash_id(ch[i].id) & set->mask;

	for (; set->slot[h]; h = (h + 1) & set->mask)
		if (strcmp(ch[set->slot[h] - 1].id, ch[i].id) == 0)
			return set->slot[h] - 1;
	set->slot[h] = i + 1;
	return i;
}

static int map_header(const struct csv_row *h, int *where, struct diag *d)
{
	int bad = 0;

	for (int c = 0; c < N_COLS; c++)
		where[c] = -1;
	for (size_t i = 0; i < h->n; i++) {
		int found = -1;

		for (int c = 0; c < N_COLS; c++)
			if (strcmp(h->field[i], columns[c].name) == 0)
				found = c;
		if (found < 0) {
			diag_line(d, h->line, "unknown column '%s'",
				  h->field[i]);
			bad = 1;
		} else if (where[found] >= 0) {
			diag_line(d, h->line, "column '%s' given twice",
				  h->field[i]);
			bad = 1;
		} else {
			where[found] = (int)i;
		}
	}
	for (int c = 0; c < N_COLS; c++)
		if (columns[c].required && where[c] < 0) {
			diag_line(d, h->line, "missing column '%s'",
				  columns[c].name);
			bad = 1;
		}
	return bad ? -1 : 0;
}

/* every row after the header into out, each problem reported */
static void parse_rows(const struct csv_table *t, const int *where,
		       struct catalogue *out, struct diag *d)
{
	struct id_set ids;

	out->channels = xcalloc(t->n_rows - 1, sizeof(*out->channels));
	id_set_init(&ids, t->n_rows - 1);
	for (size_t r = 1; r < t->n_rows; r++) {
		struct row_ctx rc = { d, &t->rows[r], where };
		size_t i = out->n++, first;
		struct channel *ch = &out->channels[i];
		bool bad;

		if (t->rows[r].n != t->rows[0].n) {
			diag_line(d, t->rows[r].line,
				  "expected %zu fields as in the header, "
				  "found %zu",
				  t->rows[0].n, t->rows[r].n);
			ch->id = xstrdup("");
			continue;
		}
		/* a bad row's id still counts as taken, as it reads */
		bad = parse_row(&rc, ch) < 0;
		first = id_set_add(&ids, out->channels, i);
		if (!bad && first != i)
			diag_line(d, t->rows[r].line,
				  "duplicate channel id '%s' (first on line "
				  "%d)",
				  ch->id, out->channels[first].line);
	}
	free(ids.slot);
}

int catalogue_parse(const char *data, size_t len, struct catalogue *out,
		    struct diag *d)
{
	struct csv_table t = { 0 };
	int where[N_COLS];
	int errors = d->n_errors;

	out->channels = NULL;
	out->n = 0;
	if (csv_parse(data, len, &t, d) < 0)
		return -1;
	if (t.n_rows == 0) {
		diag_line(d, 0, "no channels: the file has no header row");
		goto fail;
	}
	if (map_header(&t.rows[0], where, d) < 0)
		goto fail;
	if (t.n_rows == 1) {
		diag_line(d, t.rows[0].line, "no channels after the header");
		goto fail;
	}
	parse_rows(&t, where, out, d);
	csv_table_release(&t);
	if (d->n_errors > errors) {
		catalogue_release(out);
		return -1;
	}
	return 0;
fail:
	csv_table_release(&t);
	catalogue_release(out);
	return -1;
}

int catalogue_load(const char *path, struct catalogue *out, struct diag *d)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = -1;

	out->channels = NULL;
	out->n = 0;
	if (read_input(path, &sb, d) == 0)
		rc = catalogue_parse(strbuf_str(&sb), sb.len, out, d);
	strbuf_release(&sb);
	return rc;
}

void catalogue_release(struct catalogue *cat)
{
	for (size_t i = 0; i < cat->n; i++)
		channel_release(&cat->channels[i]);
	free(cat->channels);
	cat->channels = NULL;
	cat->n = 0;
}
