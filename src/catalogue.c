/*
 * The channel catalogue: one CSV row per channel. Columns are found by
 * their header names, so their order is free; unknown columns are
 * errors (a misspelt "max_shar" must not silently do nothing).
 */
#include "catalogue.h"

#include <errno.h>
#include <math.h>
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

static int parse_row(const struct row_ctx *rc, struct channel *ch)
{
	struct diag *d = rc->d;
	int line = rc->row->line, bad = 0, digits = 2;
	const char *s;

	ch->line = line;
	s = cell(rc, COL_ID);
	if (!id_valid(s)) {
		diag_line(d, line,
			  "column 'id': expected 1 to 64 of a-z 0-9 _ -, "
			  "found '%s'",
			  s);
		bad = 1;
	}
	ch->id = xstrdup(s);
	s = cell(rc, COL_NAME);
	ch->name = xstrdup(*s ? s : ch->id);
	s = cell(rc, COL_PLATFORM);
	if (platform_parse(s, &ch->platform) < 0) {
		diag_line(d, line,
			  "column 'platform': expected meta, linkedin, tiktok "
			  "or offline, found '%s'",
			  s);
		bad = 1;
	}
	s = cell(rc, COL_PRICING);
	if (pricing_parse(s, &ch->pricing) < 0) {
		diag_line(d, line,
			  "column 'pricing': expected cpm, cpc, flat or "
			  "per_hire, found '%s'",
			  s);
		bad = 1;
	}
	s = cell(rc, COL_CURRENCY);
	if (!money_currency_valid(s)) {
		diag_line(d, line,
			  "column 'currency': expected an ISO 4217 code such "
			  "as USD, found '%s'",
			  s);
		bad = 1;
	} else {
		digits = money_digits(s);
	}
	ch->currency = xstrdup(s);
	if (get_money(rc, COL_PRICE, digits, 1, 0, &ch->price) < 0)
		bad = 1;
	else if (ch->price == 0) {
		diag_line(d, line, "column 'price': must be more than 0");
		bad = 1;
	}
	s = cell(rc, COL_CTR_BASIS);
	if (!*s || strcmp(s, "impression") == 0) {
		ch->ctr_basis = CTR_IMPRESSION;
	} else if (strcmp(s, "unique") == 0) {
		ch->ctr_basis = CTR_UNIQUE;
	} else {
		diag_line(d, line,
			  "column 'ctr_basis': expected impression or unique, "
			  "found '%s'",
			  s);
		bad = 1;
	}
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
	bad |= get_money(rc, COL_MIN_DAILY, digits, 0, 0, &ch->min_daily) < 0;
	bad |= get_money(rc, COL_MIN_SPEND, digits, 0, 0, &ch->min_spend) < 0;
	bad |= get_money(rc, COL_MAX_SPEND, digits, 0, MONEY_NONE,
			 &ch->max_spend) < 0;
	s = cell(rc, COL_SOURCE);
	if (!*s) {
		diag_line(d, line,
			  "column 'source': missing; every figure needs its "
			  "source");
		bad = 1;
	}
	ch->source = xstrdup(s);
	if (bad)
		return -1;

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
	out->channels = xcalloc(t.n_rows - 1, sizeof(*out->channels));
	for (size_t r = 1; r < t.n_rows; r++) {
		struct row_ctx rc = { d, &t.rows[r], where };
		struct channel *ch = &out->channels[out->n++];

		if (t.rows[r].n != t.rows[0].n) {
			diag_line(d, t.rows[r].line,
				  "expected %zu fields as in the header, "
				  "found %zu",
				  t.rows[0].n, t.rows[r].n);
			ch->id = xstrdup("");
			continue;
		}
		if (parse_row(&rc, ch) < 0)
			continue;
		for (size_t j = 0; j + 1 < out->n; j++)
			if (strcmp(out->channels[j].id, ch->id) == 0) {
				diag_line(d, t.rows[r].line,
					  "duplicate channel id '%s' (first "
					  "on line %d)",
					  ch->id, out->channels[j].line);
				break;
			}
	}
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
	int rc;

	out->channels = NULL;
	out->n = 0;
	if (read_file(path, &sb) < 0) {
		diag_line(d, 0, "cannot read: %s", strerror(errno));
		d->status = JM_NOINPUT;
		strbuf_release(&sb);
		return -1;
	}
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
