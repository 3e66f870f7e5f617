/*
 * tests/fuzz/fuzz_csv.c - csv_parse() on any bytes, and every table it
 * reads written back with csv_add_text() and read again: the same
 * cells must come back, but for the quote csv_add_text() puts before
 * a cell a spreadsheet would run as a formula, and for a CR LF in a
 * cell, which csv_parse() reads as LF on purpose.
 */
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static struct strbuf cap;

/* a one-cell row of blanks is written as a blank line, which is skipped */
static int writes_blank_line(const struct csv_row *r)
{
	return r->n == 1 && strspn(r->field[0], " \t") == strlen(r->field[0]);
}

/* is g what f reads back as: f with each CR LF turned into LF */
static int same_cell(const char *f, const char *g)
{
	for (;; f++, g++) {
		if (f[0] == '\r' && f[1] == '\n')
			f++;
		if (*f != *g)
			return 0;
		if (!*f)
			return 1;
	}
}

static void mismatch(const char *what, size_t row, size_t col)
{
	fprintf(stderr, "fuzz_csv: round trip: %s at row %zu, cell %zu\n", what,
		row, col);
	abort();
}

static void round_trip(const struct csv_table *t)
{
	struct strbuf sb = STRBUF_INIT;
	struct csv_table back;
	struct diag d;

	for (size_t i = 0; i < t->n_rows; i++) {
		const struct csv_row *r = &t->rows[i];

		if (writes_blank_line(r))
			goto out;
		for (size_t j = 0; j < r->n; j++) {
			if (j)
				strbuf_addch(&sb, ',');
			csv_add_text(&sb, r->field[j]);
		}
		strbuf_addch(&sb, '\n');
	}
	/* a cell that starts with a byte-order mark loses it */
	if (sb.len >= 3 && memcmp(sb.buf, "\xef\xbb\xbf", 3) == 0)
		goto out;
	fuzz_diag(&d, "round-trip.csv", &cap);
	if (csv_parse(strbuf_str(&sb), sb.len, &back, &d) < 0) {
		fputs(strbuf_str(&cap), stderr);
		mismatch("the written table does not parse", 0, 0);
	}
	if (back.n_rows != t->n_rows)
		mismatch("another number of rows", back.n_rows, 0);
	for (size_t i = 0; i < t->n_rows; i++) {
		const struct csv_row *r = &t->rows[i], *b = &back.rows[i];

		if (b->n != r->n)
			mismatch("another number of cells", i, b->n);
		for (size_t j = 0; j < r->n; j++) {
			const char *f = r->field[j], *g = b->field[j];

			if (f[0] && strchr("=+-@\t\r", f[0]) && g[0] == '\'')
				g++;
			if (!same_cell(f, g))
				mismatch("another cell", i, j);
		}
	}
	csv_table_release(&back);
out:
	strbuf_release(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_table t;
	struct diag d;

	fuzz_diag(&d, "fuzz.csv", &cap);
	if (csv_parse((const char *)data, size, &t, &d) == 0) {
		round_trip(&t);
		csv_table_release(&t);
	}
	return 0;
}
