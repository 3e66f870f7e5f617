/*
 * csv - RFC 4180 reading of small tables, and safe CSV writing.
 *
 * csv_parse() reads a whole buffer into rows of fields, keeping the
 * line number each row starts on. It takes "," separators, double-quoted
 * fields with "" escapes and embedded newlines, LF or CRLF line ends, a
 * UTF-8 byte-order mark, and skips blank lines and lines whose first
 * character is '#'. Errors (an unterminated quote, text after a closing
 * quote, a NUL byte) are reported through the diag with file:line and
 * make it return -1. A struct csv_table owns all its strings.
 */
#ifndef CSV_H
#define CSV_H

#include <stdio.h>
#include <stddef.h>

struct diag;
struct strbuf;

struct csv_row {
	int line;     /* 1-based line the row starts on */
	size_t n;     /* number of fields */
	char **field; /* owned */
};

struct csv_table {
	struct csv_row *rows; /* owned; rows[0] is the header if any */
	size_t n_rows;
};

int csv_parse(const char *data, size_t len, struct csv_table *out,
	      struct diag *d);
/*
 * Read (with fileio.h's input limit) and parse a file; a file that
 * cannot be read is reported too, as read_input() does.
 */
int csv_parse_file(const char *path, struct csv_table *out, struct diag *d);
void csv_table_release(struct csv_table *t);

/*
 * Append one text cell, quoted when it holds a separator, quote or line
 * break. A cell a spreadsheet would run as a formula (first character
 * = + - @, tab or carriage return) is prefixed with a single quote.
 */
void csv_add_text(struct strbuf *sb, const char *s);

#endif
