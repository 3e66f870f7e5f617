/*
 * report_int.h - what the report writers (report_csv.c, report_json.c,
 * report_md.c, report_html.c) share besides report.h: numbers as text
 * and the handling of untrusted names.
 */
#ifndef REPORT_INT_H
#define REPORT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "report.h"

struct strbuf;

/* "1 500.00 SEK"; "-" for -1 (no figure) */
void report_text_money(struct strbuf *sb, const struct report_group *g,
		       int64_t minor);
/* "1500.00" exact, for CSV; "" for -1 */
void report_plain_money(struct strbuf *sb, const struct report_group *g,
			int64_t minor);
/* 1234567 as "1 234 567" */
void report_text_count(struct strbuf *sb, int64_t n);
/* a share as "1.23 %", a ratio with sig digits; "-" for NAN */
void report_text_percent(struct strbuf *sb, double v);
void report_text_number(struct strbuf *sb, double v, int sig);

/*
 * The byte length of a bidirectional control character (U+200E, U+200F,
 * U+202A to U+202E, U+2066 to U+2069) at s, else 0: names that carry one
 * could reorder the text around them, so writers replace it.
 */
size_t report_bidi_len(const char *s);

#endif
