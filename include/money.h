/*
 * money - amounts as int64_t minor units, and their decimal text.
 *
 * Money never lives in a double outside the solver: text is parsed
 * exactly, and a JSON number is accepted only if it has no more
 * decimals than the currency has minor digits. MONEY_MAX bounds every
 * amount (absurd values are input errors, not overflows). Functions
 * returning int give 0, or -1 with a reason in *why (a static string).
 */
#ifndef MONEY_H
#define MONEY_H

#include <stdint.h>

struct strbuf;

#define MONEY_MAX INT64_C(100000000000000) /* 10^14 minor units */

/* minor-unit digits of an ISO 4217 code: 0 for JPY, ISK, KRW ...; 2 else */
int money_digits(const char *currency);
/* is s three upper-case ASCII letters? */
int money_currency_valid(const char *s);

/*
 * Parse "1500", "1500.5", "1500.50", "-3" (no exponent, no grouping)
 * into minor units with the given digits.
 */
int money_parse(const char *s, int digits, int64_t *out, const char **why);
/*
 * An amount as ad-manager exports write it, exactly (never through a
 * double): grouping by space, no-break space, apostrophe, comma or dot
 * ("1 234,50", "1,234.50", "1.234,50", "1'234.50"), the decimal mark a
 * comma or a dot. The last comma or dot is the decimal mark unless it is
 * the only one and three digits follow it ("1,234" is 1234). Surrounding
 * spaces and a leading '-' are taken.
 */
int money_parse_export(const char *s, int digits, int64_t *out,
		       const char **why);
/*
 * The same for a JSON number; rejects NaN, inf, and any v that is not
 * exactly the double nearest to a whole number of minor units (so
 * 5000.000000001 with digits 2 is an error, not 5000.00).
 */
int money_from_double(double v, int digits, int64_t *out, const char **why);

/*
 * Checked arithmetic: 0 and the result in *out, or -1 (and *out left
 * alone) when an operand or the result is beyond MONEY_MAX either way.
 * money_mul() multiplies an amount by a count (days, units);
 * money_convert() by a rate, rounding to the nearest minor unit.
 */
int money_add(int64_t a, int64_t b, int64_t *out);
int money_mul(int64_t a, int64_t n, int64_t *out);
int money_convert(int64_t a, double factor, int64_t *out);

/* "1500.50" (digits 2), "-3.00", "1500" (digits 0) */
void money_format(struct strbuf *sb, int64_t minor, int digits);
/* "1 500.50": thousands separated by a space, for tables */
void money_format_grouped(struct strbuf *sb, int64_t minor, int digits);
/* "1 500.50 SEK": grouped, then the currency code */
void money_format_currency(struct strbuf *sb, int64_t minor, int digits,
			   const char *currency);
double money_to_major(int64_t minor, int digits);
/* 10^digits */
int64_t money_scale(int digits);

#endif
