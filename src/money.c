/*
 * money - amounts as int64_t minor units, and their decimal text.
 *
 * Text is parsed digit by digit, never through a double, so "0.10" is
 * exactly 10 cents. A double (a JSON number) is accepted only when it is
 * exactly the double nearest to a whole number of minor units; anything
 * else means the input had more decimals than the currency allows.
 */
#include "money.h"

#include <assert.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "wrapper.h"

#define MAX_DIGITS 18 /* 10^18 still fits in int64_t */

static int fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return -1;
}

static const char *too_many_decimals(int digits)
{
	static const char *const reason[] = {
		"more than 0 decimals",
		"more than 1 decimal",
		"more than 2 decimals",
		"more than 3 decimals",
	};

	if (digits >= 0 && (size_t)digits < ARRAY_SIZE(reason))
		return reason[digits];
	return "too many decimals";
}

int64_t money_scale(int digits)
{
	int64_t scale = 1;

	assert(digits >= 0 && digits <= MAX_DIGITS);
	for (int i = 0; i < digits; i++)
		scale *= 10;
	return scale;
}

int money_digits(const char *currency)
{
	/* ISO 4217 minor units that differ from the usual 2 */
	static const char zero[][4] = {
		"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
		"RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
	};
	static const char three[][4] = {
		"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND",
	};

	if (!currency)
		return 2;
	for (size_t i = 0; i < ARRAY_SIZE(zero); i++)
		if (strcmp(currency, zero[i]) == 0)
			return 0;
	for (size_t i = 0; i < ARRAY_SIZE(three); i++)
		if (strcmp(currency, three[i]) == 0)
			return 3;
	return 2;
}

int money_currency_valid(const char *s)
{
	if (!s)
		return 0;
	for (int i = 0; i < 3; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return s[3] == '\0';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* why a character cannot continue an amount, for the common mistakes */
static const char *bad_char(char c)
{
	if (c == 'e' || c == 'E')
		return "exponent not allowed";
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return "spaces not allowed";
	if (c == ',' || c == '\'' || c == '_')
		return "use '.' for decimals and no thousands separators";
	return "not a decimal number";
}

int money_parse(const char *s, int digits, int64_t *out, const char **why)
{
	int64_t scale = money_scale(digits);
	int64_t whole = 0, frac = 0, minor;
	bool negative = false;
	int n_frac = 0;

	if (!s || !*s)
		return fail(why, "empty amount");
	if (*s == '-') {
		negative = true;
		s++;
	}
	if (!is_digit(*s))
		return fail(why, *s ? bad_char(*s) : "not a decimal number");
	for (; is_digit(*s); s++) {
		/* stop early: the digits could go on forever */
		if (whole > MONEY_MAX)
			return fail(why, "absurdly large");
		whole = whole * 10 + (*s - '0');
	}
	if (*s == '.') {
		s++;
		if (!is_digit(*s))
			return fail(why,
				    *s ? bad_char(*s) : "no digits after '.'");
		for (; is_digit(*s); s++) {
			if (n_frac < digits) {
				frac = frac * 10 + (*s - '0');
				n_frac++;
			} else if (*s != '0') {
				/* trailing zeros lose nothing, so they pass */
				return fail(why, too_many_decimals(digits));
			}
		}
	}
	if (*s)
		return fail(why, bad_char(*s));
	for (; n_frac < digits; n_frac++)
		frac *= 10;
	if (whole > MONEY_MAX / scale)
		return fail(why, "absurdly large");
	minor = whole * scale + frac;
	if (minor > MONEY_MAX)
		return fail(why, "absurdly large");
	*out = negative ? -minor : minor;
	return 0;
}

int money_from_double(double v, int digits, int64_t *out, const char **why)
{
	double scale = (double)money_scale(digits), scaled;
	long long r;

	if (!isfinite(v))
		return fail(why, "not a finite number");
	scaled = v * scale;
	if (fabs(scaled) > (double)MONEY_MAX)
		return fail(why, "absurdly large");
	r = llround(scaled);
	/*
	 * Exact iff v is the double nearest to r / scale: strtod gave the
	 * double nearest to the decimal text, and IEEE division rounds
	 * r / scale correctly (both are below 2^53, so exact as doubles).
	 * 5000.000000001 or 1.005 (100.49999... cents) fail, as their
	 * text had more decimals than the currency.
	 */
	if ((double)r / scale != v)
		return fail(why, too_many_decimals(digits));
	*out = (int64_t)r;
	return 0;
}

static bool in_range(int64_t v)
{
	return v >= -MONEY_MAX && v <= MONEY_MAX;
}

int money_add(int64_t a, int64_t b, int64_t *out)
{
	if (!in_range(a) || !in_range(b) || !in_range(a + b))
		return -1;
	*out = a + b;
	return 0;
}

int money_mul(int64_t a, int64_t n, int64_t *out)
{
	if (!in_range(a) || !in_range(n))
		return -1;
	if (a != 0 && (n > MONEY_MAX / llabs(a) || n < -MONEY_MAX / llabs(a)))
		return -1;
	*out = a * n;
	return 0;
}

int money_convert(int64_t a, double factor, int64_t *out)
{
	double v = (double)a * factor;

	if (!isfinite(v) || fabs(v) > (double)MONEY_MAX)
		return -1;
	*out = llround(v);
	return 0;
}

/* the unsigned magnitude, safe for INT64_MIN */
static uint64_t magnitude(int64_t minor)
{
	return minor < 0 ? -(uint64_t)minor : (uint64_t)minor;
}

static void add_fraction(struct strbuf *sb, uint64_t frac, int digits)
{
	if (digits > 0)
		strbuf_addf(sb, ".%0*" PRIu64, digits, frac);
}

void money_format(struct strbuf *sb, int64_t minor, int digits)
{
	uint64_t scale = (uint64_t)money_scale(digits);
	uint64_t u = magnitude(minor);

	strbuf_addf(sb, "%s%" PRIu64, minor < 0 ? "-" : "", u / scale);
	add_fraction(sb, u % scale, digits);
}

void money_format_grouped(struct strbuf *sb, int64_t minor, int digits)
{
	uint64_t scale = (uint64_t)money_scale(digits);
	uint64_t u = magnitude(minor);
	char whole[32];
	int n, lead;

	n = snprintf(whole, sizeof(whole), "%" PRIu64, u / scale);
	assert(n > 0 && (size_t)n < sizeof(whole));
	if (minor < 0)
		strbuf_addch(sb, '-');
	/* the first group takes the 1 or 2 digits left over */
	lead = n % 3 ? n % 3 : 3;
	strbuf_add(sb, whole, (size_t)lead);
	for (int i = lead; i < n; i += 3) {
		strbuf_addch(sb, ' ');
		strbuf_add(sb, whole + i, 3);
	}
	add_fraction(sb, u % scale, digits);
}

double money_to_major(int64_t minor, int digits)
{
	return (double)minor / (double)money_scale(digits);
}

void money_format_currency(struct strbuf *sb, int64_t minor, int digits,
			   const char *currency)
{
	money_format_grouped(sb, minor, digits);
	strbuf_addf(sb, " %s", currency);
}

/* the amounts of ad-manager exports: "1 234,50", "1,234.50", "1.234,50" */

enum mark { MARK_SPACE, MARK_COMMA, MARK_DOT };

/* the separator at s and its length in bytes; 0 when s is none */
static size_t export_mark(const char *s, enum mark *m)
{
	static const char *const spaces[] = {
		" ", "'", "\xc2\xa0", "\xe2\x80\xaf", "\xe2\x80\x89",
	};

	if (*s == ',') {
		*m = MARK_COMMA;
		return 1;
	}
	if (*s == '.') {
		*m = MARK_DOT;
		return 1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(spaces); i++)
		if (strncmp(s, spaces[i], strlen(spaces[i])) == 0) {
			*m = MARK_SPACE;
			return strlen(spaces[i]);
		}
	return 0;
}

#define EXPORT_MAX_GROUPS 16

struct export_digits {
	const char *group[EXPORT_MAX_GROUPS];
	size_t len[EXPORT_MAX_GROUPS];
	enum mark mark[EXPORT_MAX_GROUPS]; /* mark[i] follows group[i] */
	size_t n;
};

/* split s into digit groups and the marks between them */
static int export_split(const char *s, struct export_digits *g,
			const char **why)
{
	enum mark m;
	size_t n;

	g->n = 0;
	for (;;) {
		if (!is_digit(*s))
			return fail(why, *s ? bad_char(*s) : "not a number");
		if (g->n == EXPORT_MAX_GROUPS)
			return fail(why, "absurdly large");
		g->group[g->n] = s;
		while (is_digit(*s))
			s++;
		g->len[g->n] = (size_t)(s - g->group[g->n]);
		g->n++;
		if (!*s)
			return 0;
		n = export_mark(s, &m);
		if (!n)
			return fail(why, bad_char(*s));
		g->mark[g->n - 1] = m;
		s += n;
	}
}

/*
 * Which mark is the decimal one: the index of the group after it, or
 * g->n when there is none. The last comma or dot is decimal when another
 * mark came before it, or when it is the only one of its kind and is not
 * followed by exactly three digits (so "1,234" is one thousand two
 * hundred and thirty-four, "0,234" and "12,5" have decimals).
 */
static size_t export_decimal(const struct export_digits *g)
{
	size_t last, same = 0;
	enum mark m;

	if (g->n < 2)
		return g->n;
	last = g->n - 2;
	m = g->mark[last];
	if (m == MARK_SPACE)
		return g->n;
	for (size_t i = 0; i < last; i++) {
		if (g->mark[i] != m)
			return g->n - 1;
		same++;
	}
	if (same)
		return g->n;
	if (g->len[g->n - 1] != 3 || (g->len[0] == 1 && g->group[0][0] == '0'))
		return g->n - 1;
	return g->n;
}

/* the digits of g as "1234.50" into plain, checking the grouping */
static int export_plain(const struct export_digits *g, struct strbuf *plain,
			const char **why)
{
	size_t dec = export_decimal(g);

	if (dec > 1 && g->len[0] > 3)
		return fail(why, "digits grouped wrongly");
	for (size_t i = 0; i < dec; i++) {
		/* the groups after the first have three digits, one mark */
		if (i > 0 && (g->len[i] != 3 || g->mark[i - 1] != g->mark[0]))
			return fail(why, "digits grouped wrongly");
		strbuf_add(plain, g->group[i], g->len[i]);
	}
	if (dec < g->n) {
		strbuf_addch(plain, '.');
		strbuf_add(plain, g->group[dec], g->len[dec]);
	}
	return 0;
}

int money_parse_export(const char *s, int digits, int64_t *out,
		       const char **why)
{
	struct export_digits g;
	struct strbuf plain = STRBUF_INIT;
	char *copy;
	size_t len;
	bool negative = false;
	int rc;

	if (!s)
		return fail(why, "empty amount");
	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len > 0 && *s == '-') {
		negative = true;
		s++;
		len--;
	}
	if (!len)
		return fail(why, "empty amount");
	copy = xstrndup(s, len);
	rc = export_split(copy, &g, why);
	if (rc == 0)
		rc = export_plain(&g, &plain, why);
	if (rc == 0)
		rc = money_parse(plain.buf, digits, out, why);
	free(copy);
	strbuf_release(&plain);
	if (rc == 0 && negative)
		*out = -*out;
	return rc;
}
