/* tests/unit/test_money.c - amounts in minor units and their text */
#include "money.h"

#include <stdlib.h>

#include "strbuf.h"
#include "wrapper.h"
#include "test.h"

static const char *why;

/* money_parse(s), or INT64_MIN with why set when it fails */
static int64_t parse(const char *s, int digits)
{
	int64_t v = INT64_MIN;

	why = NULL;
	if (money_parse(s, digits, &v, &why) < 0)
		return INT64_MIN;
	return v;
}

static int64_t from_double(double x, int digits)
{
	int64_t v = INT64_MIN;

	why = NULL;
	if (money_from_double(x, digits, &v, &why) < 0)
		return INT64_MIN;
	return v;
}

/* s must be rejected with exactly the reason want */
#define CHECK_REJECTS(s, digits, want)                  \
	do {                                            \
		CHECK_I64(parse(s, digits), INT64_MIN); \
		CHECK_STR(why, want);                   \
	} while (0)

#define CHECK_DOUBLE_REJECTS(x, digits, want)                 \
	do {                                                  \
		CHECK_I64(from_double(x, digits), INT64_MIN); \
		CHECK_STR(why, want);                         \
	} while (0)

static char *formatted(int64_t minor, int digits, int grouped)
{
	struct strbuf sb = STRBUF_INIT;

	if (grouped)
		money_format_grouped(&sb, minor, digits);
	else
		money_format(&sb, minor, digits);
	return strbuf_detach(&sb);
}

#define CHECK_FORMAT(minor, digits, want)                      \
	do {                                                   \
		char *got_text_ = formatted(minor, digits, 0); \
		CHECK_STR(got_text_, want);                    \
		free(got_text_);                               \
	} while (0)

#define CHECK_GROUPED(minor, digits, want)                     \
	do {                                                   \
		char *got_text_ = formatted(minor, digits, 1); \
		CHECK_STR(got_text_, want);                    \
		free(got_text_);                               \
	} while (0)

static void knows_the_minor_digits_of_currencies(void)
{
	CHECK_I64(money_digits("SEK"), 2);
	CHECK_I64(money_digits("EUR"), 2);
	CHECK_I64(money_digits("USD"), 2);
	CHECK_I64(money_digits("JPY"), 0);
	CHECK_I64(money_digits("ISK"), 0);
	CHECK_I64(money_digits("KRW"), 0);
	CHECK_I64(money_digits("CLP"), 0);
	CHECK_I64(money_digits("XPF"), 0);
	CHECK_I64(money_digits("BHD"), 3);
	CHECK_I64(money_digits("KWD"), 3);
	CHECK_I64(money_digits("TND"), 3);
	CHECK_I64(money_digits("XYZ"), 2);
	CHECK_I64(money_digits("jpy"), 2);
	CHECK_I64(money_digits(NULL), 2);
}

static void accepts_only_three_upper_case_letters_as_currency(void)
{
	CHECK(money_currency_valid("SEK"));
	CHECK(money_currency_valid("XYZ"));
	CHECK(!money_currency_valid("sek"));
	CHECK(!money_currency_valid("SE"));
	CHECK(!money_currency_valid("SEKK"));
	CHECK(!money_currency_valid("S1K"));
	CHECK(!money_currency_valid(""));
	CHECK(!money_currency_valid(NULL));
	CHECK(!money_currency_valid("\xc3\x85SK"));
}

static void scales_by_powers_of_ten(void)
{
	CHECK_I64(money_scale(0), 1);
	CHECK_I64(money_scale(2), 100);
	CHECK_I64(money_scale(3), 1000);
}

static void parses_whole_and_decimal_amounts(void)
{
	CHECK_I64(parse("1500", 2), 150000);
	CHECK_I64(parse("1500.5", 2), 150050);
	CHECK_I64(parse("1500.50", 2), 150050);
	CHECK_I64(parse("0.01", 2), 1);
	CHECK_I64(parse("0", 2), 0);
	CHECK_I64(parse("007.10", 2), 710);
	CHECK_I64(parse("1500", 0), 1500);
	CHECK_I64(parse("1.5", 3), 1500);
	CHECK_I64(parse("1.234", 3), 1234);
	CHECK(why == NULL);
}

static void parses_negative_amounts(void)
{
	CHECK_I64(parse("-3", 2), -300);
	CHECK_I64(parse("-0.01", 2), -1);
	CHECK_I64(parse("-1500.25", 2), -150025);
	CHECK_I64(parse("-0", 2), 0);
	CHECK_I64(parse("-7", 0), -7);
}

static void accepts_extra_decimals_that_are_zero(void)
{
	CHECK_I64(parse("1500.00", 0), 1500);
	CHECK_I64(parse("1500.0", 0), 1500);
	CHECK_I64(parse("1.500", 2), 150);
	CHECK_I64(parse("2.5000000", 3), 2500);
}

static void rejects_more_decimals_than_the_currency_has(void)
{
	CHECK_REJECTS("1.005", 2, "more than 2 decimals");
	CHECK_REJECTS("1.0001", 3, "more than 3 decimals");
	CHECK_REJECTS("1500.5", 0, "more than 0 decimals");
	CHECK_REJECTS("0.001", 2, "more than 2 decimals");
	CHECK_REJECTS("-0.001", 2, "more than 2 decimals");
}

static void rejects_empty_and_malformed_text(void)
{
	CHECK_REJECTS("", 2, "empty amount");
	CHECK_REJECTS(NULL, 2, "empty amount");
	CHECK_REJECTS("-", 2, "not a decimal number");
	CHECK_REJECTS("+5", 2, "not a decimal number");
	CHECK_REJECTS("--5", 2, "not a decimal number");
	CHECK_REJECTS(".5", 2, "not a decimal number");
	CHECK_REJECTS("5.", 2, "no digits after '.'");
	CHECK_REJECTS("1.2.3", 2, "not a decimal number");
	CHECK_REJECTS("abc", 2, "not a decimal number");
	CHECK_REJECTS("0x10", 2, "not a decimal number");
	CHECK_REJECTS("inf", 2, "not a decimal number");
	CHECK_REJECTS("nan", 2, "not a decimal number");
	CHECK_REJECTS("12kr", 2, "not a decimal number");
}

static void rejects_spaces_exponents_and_grouping(void)
{
	CHECK_REJECTS(" 5", 2, "spaces not allowed");
	CHECK_REJECTS("5 ", 2, "spaces not allowed");
	CHECK_REJECTS("- 5", 2, "spaces not allowed");
	CHECK_REJECTS("1 500", 2, "spaces not allowed");
	CHECK_REJECTS("1e3", 2, "exponent not allowed");
	CHECK_REJECTS("1.5E2", 2, "exponent not allowed");
	CHECK_REJECTS("1,500", 2,
		      "use '.' for decimals and no thousands separators");
	CHECK_REJECTS("1'500", 2,
		      "use '.' for decimals and no thousands separators");
	CHECK_REJECTS("1_500", 2,
		      "use '.' for decimals and no thousands separators");
	CHECK_REJECTS("1500,50", 2,
		      "use '.' for decimals and no thousands separators");
}

static void accepts_money_max_and_rejects_beyond(void)
{
	CHECK_I64(parse("1000000000000", 2), MONEY_MAX);
	CHECK_I64(parse("1000000000000.00", 2), MONEY_MAX);
	CHECK_I64(parse("-1000000000000", 2), -MONEY_MAX);
	CHECK_I64(parse("100000000000000", 0), MONEY_MAX);
	CHECK_I64(parse("100000000000", 3), MONEY_MAX);
	CHECK_REJECTS("1000000000000.01", 2, "absurdly large");
	CHECK_REJECTS("-1000000000000.01", 2, "absurdly large");
	CHECK_REJECTS("100000000000001", 0, "absurdly large");
	CHECK_REJECTS("10000000000000", 2, "absurdly large");
	/* far past int64_t: must fail cleanly, not overflow */
	CHECK_REJECTS("99999999999999999999999999999999", 2, "absurdly large");
	CHECK_REJECTS("-99999999999999999999999999999999", 0, "absurdly large");
}

static void leaves_the_output_alone_on_error(void)
{
	int64_t v = 42;

	CHECK(money_parse("1.005", 2, &v, NULL) == -1);
	CHECK_I64(v, 42);
	CHECK(money_from_double(NAN, 2, &v, NULL) == -1);
	CHECK_I64(v, 42);
}

static void converts_doubles_with_representation_error(void)
{
	/* the doubles strtod gives for decimal text are exact enough */
	CHECK_I64(from_double(0.3, 2), 30);
	CHECK_I64(from_double(1.15, 2), 115);
	CHECK_I64(from_double(0.07, 2), 7);
	CHECK_I64(from_double(19.99, 2), 1999);
	CHECK_I64(from_double(1500.5, 2), 150050);
	CHECK_I64(from_double(123456789.12, 2), 12345678912);
	CHECK_I64(from_double(999999999999.99, 2), 99999999999999);
	CHECK_I64(from_double(1.234, 3), 1234);
	CHECK_I64(from_double(1500.0, 0), 1500);
	CHECK_I64(from_double(0.0, 2), 0);
	CHECK(why == NULL);
}

static void converts_negative_doubles(void)
{
	CHECK_I64(from_double(-2.5, 2), -250);
	CHECK_I64(from_double(-0.3, 2), -30);
	CHECK_I64(from_double(-0.0, 2), 0);
	CHECK_I64(from_double(-7.0, 0), -7);
}

static void rejects_doubles_with_more_decimals(void)
{
	/* 1.005 is 1.00499999999999989..., a real third decimal */
	CHECK_DOUBLE_REJECTS(1.005, 2, "more than 2 decimals");
	CHECK_DOUBLE_REJECTS(0.001, 2, "more than 2 decimals");
	CHECK_DOUBLE_REJECTS(-1.005, 2, "more than 2 decimals");
	CHECK_DOUBLE_REJECTS(1500.5, 0, "more than 0 decimals");
	CHECK_DOUBLE_REJECTS(1.2345, 3, "more than 3 decimals");
	/* a relative tolerance must not swallow a decimal on big amounts */
	CHECK_DOUBLE_REJECTS(12345.678, 2, "more than 2 decimals");
	CHECK_DOUBLE_REJECTS(999999999999.995, 2, "more than 2 decimals");
	/* any extra decimal: the double is not the one nearest 5000.00 */
	CHECK_DOUBLE_REJECTS(5000.000000001, 2, "more than 2 decimals");
	CHECK_DOUBLE_REJECTS(5000.000000001, 0, "more than 0 decimals");
	CHECK_DOUBLE_REJECTS(19.990000001, 2, "more than 2 decimals");
	/* a sum is not decimal text: 0.30000000000000004 is refused */
	CHECK_DOUBLE_REJECTS(0.1 + 0.2, 2, "more than 2 decimals");
}

static void adds_and_multiplies_inside_money_max(void)
{
	int64_t v = 7;

	CHECK(money_add(MONEY_MAX - 1, 1, &v) == 0);
	CHECK_I64(v, MONEY_MAX);
	v = 7;
	CHECK(money_add(MONEY_MAX, 1, &v) == -1);
	CHECK_I64(v, 7);
	CHECK(money_add(-MONEY_MAX, -1, &v) == -1);
	CHECK(money_add(INT64_MAX, INT64_MAX, &v) == -1);
	CHECK(money_add(INT64_MIN, 1, &v) == -1);
	CHECK(money_add(-5, 3, &v) == 0);
	CHECK_I64(v, -2);

	CHECK(money_mul(10000000, 10000000, &v) == 0);
	CHECK_I64(v, MONEY_MAX);
	v = 7;
	CHECK(money_mul(10000000, 10000001, &v) == -1);
	CHECK_I64(v, 7);
	CHECK(money_mul(MONEY_MAX, -1, &v) == 0);
	CHECK_I64(v, -MONEY_MAX);
	CHECK(money_mul(-MONEY_MAX, 2, &v) == -1);
	CHECK(money_mul(INT64_MAX, 0, &v) == -1);
	CHECK(money_mul(0, MONEY_MAX, &v) == 0);
	CHECK_I64(v, 0);
	/* a daily minimum over a long campaign would wrap int64_t */
	CHECK(money_mul(INT64_C(4000000000000000000), 3660, &v) == -1);
}

static void converts_with_a_rate_inside_money_max(void)
{
	int64_t v = 7;

	CHECK(money_convert(929, 10.45, &v) == 0);
	CHECK_I64(v, 9708);
	CHECK(money_convert(1, 0.4, &v) == 0);
	CHECK_I64(v, 0);
	v = 7;
	/* 1e14 JPY in KWD at 1000 minor units per yen: far beyond */
	CHECK(money_convert(MONEY_MAX, 1000, &v) == -1);
	CHECK_I64(v, 7);
	CHECK(money_convert(1, 1e300, &v) == -1);
	CHECK(money_convert(1, NAN, &v) == -1);
	CHECK(money_convert(MONEY_MAX, 1, &v) == 0);
	CHECK_I64(v, MONEY_MAX);
}

static void rejects_non_finite_and_huge_doubles(void)
{
	CHECK_DOUBLE_REJECTS(NAN, 2, "not a finite number");
	CHECK_DOUBLE_REJECTS(INFINITY, 2, "not a finite number");
	CHECK_DOUBLE_REJECTS(-INFINITY, 0, "not a finite number");
	CHECK_I64(from_double(1e12, 2), MONEY_MAX);
	CHECK_I64(from_double(-1e12, 2), -MONEY_MAX);
	CHECK_DOUBLE_REJECTS(1e12 + 0.01, 2, "absurdly large");
	CHECK_DOUBLE_REJECTS(-1e12 - 0.01, 2, "absurdly large");
	CHECK_DOUBLE_REJECTS(1e300, 2, "absurdly large");
	CHECK_DOUBLE_REJECTS(1.7e308, 3, "absurdly large");
	CHECK_DOUBLE_REJECTS(9.3e18, 0, "absurdly large");
}

static void formats_plain_amounts(void)
{
	CHECK_FORMAT(150050, 2, "1500.50");
	CHECK_FORMAT(-300, 2, "-3.00");
	CHECK_FORMAT(1500, 0, "1500");
	CHECK_FORMAT(-1500, 0, "-1500");
	CHECK_FORMAT(-50, 2, "-0.50");
	CHECK_FORMAT(5, 2, "0.05");
	CHECK_FORMAT(0, 2, "0.00");
	CHECK_FORMAT(1234, 3, "1.234");
	CHECK_FORMAT(-1, 3, "-0.001");
	CHECK_FORMAT(MONEY_MAX, 2, "1000000000000.00");
	CHECK_FORMAT(INT64_MIN, 2, "-92233720368547758.08");
}

static void appends_to_the_buffer(void)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "cost: ");
	money_format(&sb, 1999, 2);
	strbuf_addstr(&sb, " / ");
	money_format_grouped(&sb, 123456, 2);
	CHECK_STR(sb.buf, "cost: 19.99 / 1 234.56");
	strbuf_release(&sb);
}

static void groups_thousands_with_spaces(void)
{
	CHECK_GROUPED(123456750, 2, "1 234 567.50");
	CHECK_GROUPED(100000, 2, "1 000.00");
	CHECK_GROUPED(99999, 2, "999.99");
	CHECK_GROUPED(12345, 0, "12 345");
	CHECK_GROUPED(123456, 0, "123 456");
	CHECK_GROUPED(1234567, 0, "1 234 567");
	CHECK_GROUPED(0, 2, "0.00");
	CHECK_GROUPED(7, 0, "7");
	CHECK_GROUPED(1234567, 3, "1 234.567");
	CHECK_GROUPED(MONEY_MAX, 2, "1 000 000 000 000.00");
}

static void groups_negative_amounts(void)
{
	CHECK_GROUPED(-123456750, 2, "-1 234 567.50");
	CHECK_GROUPED(-99999, 2, "-999.99");
	CHECK_GROUPED(-100000, 2, "-1 000.00");
	CHECK_GROUPED(-5, 2, "-0.05");
	CHECK_GROUPED(-123456, 0, "-123 456");
	CHECK_GROUPED(INT64_MIN, 0, "-9 223 372 036 854 775 808");
}

static void converts_to_major_units(void)
{
	CHECK_NEAR(money_to_major(150050, 2), 1500.5, 1e-12);
	CHECK_NEAR(money_to_major(1500, 0), 1500.0, 1e-12);
	CHECK_NEAR(money_to_major(-1234, 3), -1.234, 1e-12);
	CHECK_NEAR(money_to_major(0, 2), 0.0, 1e-12);
	CHECK_NEAR(money_to_major(MONEY_MAX, 2), 1e12, 1e-12);
}

static void reads_back_what_it_formats(void)
{
	static const int64_t amounts[] = {
		0, 1, -1, 99, 100, -150050, 123456789, MONEY_MAX, -MONEY_MAX,
	};
	static const int digit_counts[] = { 0, 2, 3 };

	for (size_t i = 0; i < ARRAY_SIZE(amounts); i++) {
		for (size_t k = 0; k < ARRAY_SIZE(digit_counts); k++) {
			int digits = digit_counts[k];
			char *text = formatted(amounts[i], digits, 0);

			CHECK_I64(parse(text, digits), amounts[i]);
			free(text);
		}
	}
}

static int64_t export_amount(const char *s, int digits)
{
	int64_t v = -999;
	const char *reason = NULL;

	if (money_parse_export(s, digits, &v, &reason) != 0)
		return -999;
	return v;
}

static void parses_export_amounts_as_ad_managers_write_them(void)
{
	CHECK_I64(export_amount("1 234,50", 2), 123450);
	CHECK_I64(export_amount("1234.50", 2), 123450);
	CHECK_I64(export_amount("1,234.50", 2), 123450);
	CHECK_I64(export_amount("1.234,50", 2), 123450);
	CHECK_I64(export_amount("1'234.5", 2), 123450);
	CHECK_I64(export_amount("1\xc2\xa0"
				"234,50",
				2),
		  123450);
	CHECK_I64(export_amount("1\xe2\x80\xaf"
				"234,50",
				2),
		  123450);
	CHECK_I64(export_amount("12 345 678,09", 2), 1234567809);
	CHECK_I64(export_amount("1.234.567,89", 2), 123456789);
	CHECK_I64(export_amount("1,234,567", 2), 123456700);
	CHECK_I64(export_amount(" 87,3 ", 2), 8730);
	CHECK_I64(export_amount("0.1", 2), 10);
	CHECK_I64(export_amount("-12,50", 2), -1250);
}

static void reads_a_lone_mark_before_three_digits_as_grouping(void)
{
	CHECK_I64(export_amount("1,234", 2), 123400);
	CHECK_I64(export_amount("1.234", 2), 123400);
	CHECK_I64(export_amount("0,234", 3), 234);
	CHECK_I64(export_amount("12,5", 2), 1250);
}

static void follows_the_digits_of_the_currency_in_exports(void)
{
	CHECK_I64(export_amount("1 234", 0), 1234);
	CHECK_I64(export_amount("1 234,00", 0), 1234);
	CHECK_I64(export_amount("1 234,5", 0), -999);
	CHECK_I64(export_amount("1 234,567", 3), 1234567);
	CHECK_I64(export_amount("10,125", 2), 1012500);
	CHECK_I64(export_amount("10 000,125", 2), -999);
}

static void rejects_malformed_export_amounts(void)
{
	const char *reason = NULL;
	int64_t v = 7;

	CHECK_I64(export_amount("", 2), -999);
	CHECK_I64(export_amount("  ", 2), -999);
	CHECK_I64(export_amount("-", 2), -999);
	CHECK_I64(export_amount("12 34", 2), -999);
	CHECK_I64(export_amount("1234 567", 2), -999);
	CHECK_I64(export_amount("1,23,456", 2), -999);
	CHECK_I64(export_amount("1.234 567,50", 2), -999);
	CHECK_I64(export_amount("1e3", 2), -999);
	CHECK_I64(export_amount("SEK 12", 2), -999);
	CHECK_I64(export_amount("12 kr", 2), -999);
	CHECK_I64(export_amount("=1+2", 2), -999);
	CHECK_I64(export_amount("1,,2", 2), -999);
	CHECK(money_parse_export("12,5,0", 2, &v, &reason) != 0);
	CHECK_I64(v, 7);
	CHECK(money_parse_export("x", 2, &v, &reason) != 0 && reason);
}

int main(void)
{
	knows_the_minor_digits_of_currencies();
	accepts_only_three_upper_case_letters_as_currency();
	scales_by_powers_of_ten();
	parses_whole_and_decimal_amounts();
	parses_negative_amounts();
	accepts_extra_decimals_that_are_zero();
	rejects_more_decimals_than_the_currency_has();
	rejects_empty_and_malformed_text();
	rejects_spaces_exponents_and_grouping();
	accepts_money_max_and_rejects_beyond();
	leaves_the_output_alone_on_error();
	converts_doubles_with_representation_error();
	converts_negative_doubles();
	rejects_doubles_with_more_decimals();
	rejects_non_finite_and_huge_doubles();
	adds_and_multiplies_inside_money_max();
	converts_with_a_rate_inside_money_max();
	formats_plain_amounts();
	appends_to_the_buffer();
	groups_thousands_with_spaces();
	groups_negative_amounts();
	converts_to_major_units();
	reads_back_what_it_formats();
	parses_export_amounts_as_ad_managers_write_them();
	reads_a_lone_mark_before_three_digits_as_grouping();
	follows_the_digits_of_the_currency_in_exports();
	rejects_malformed_export_amounts();
	return test_done();
}
