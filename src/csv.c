/*
 * csv - RFC 4180 reading of small tables, and formula-safe writing.
 *
 * The reader is a hand-written state machine over the whole buffer: the
 * inputs (channel catalogues, ATS and ad-manager exports) are small, and
 * having all of it in memory makes line numbers and error recovery easy.
 * The first error ends the parse, since everything after an unbalanced
 * quote would be misread anyway.
 */
#include "csv.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "wrapper.h"
#include "fileio.h"

struct parser {
	const char *p;
	const char *end;
	int line; /* line of *p */
	struct diag *d;
	struct csv_table *t;
	size_t rows_alloc;
	struct strbuf field;
	char **fields; /* the row being read */
	size_t n_fields;
	size_t fields_alloc;
};

/*
 * Length of the line end at p: "\n" or "\r\n", or a "\r" that ends the
 * data. A lone "\r" elsewhere is ordinary text. Returns 0 for no line end.
 */
static size_t eol_len(const char *p, const char *end)
{
	if (p >= end)
		return 0;
	if (*p == '\n')
		return 1;
	if (*p == '\r') {
		if (p + 1 == end)
			return 1;
		if (p[1] == '\n')
			return 2;
	}
	return 0;
}

/*
 * A line of nothing but spaces and tabs is blank too: a stray indent at
 * the end of a hand-edited file should not become a one-field row.
 * On a blank line, returns true and sets *next past its line end.
 */
static bool blank_line(const char *p, const char *end, const char **next)
{
	size_t n;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end) {
		*next = p;
		return true;
	}
	n = eol_len(p, end);
	if (!n)
		return false;
	*next = p + n;
	return true;
}

static void skip_line(struct parser *ps)
{
	const char *nl = memchr(ps->p, '\n', (size_t)(ps->end - ps->p));

	ps->p = nl ? nl + 1 : ps->end;
}

static void end_field(struct parser *ps)
{
	ALLOC_GROW(ps->fields, ps->n_fields + 1, ps->fields_alloc);
	ps->fields[ps->n_fields++] =
		xstrndup(strbuf_str(&ps->field), ps->field.len);
	strbuf_reset(&ps->field);
}

static void end_row(struct parser *ps, int line)
{
	struct csv_table *t = ps->t;
	struct csv_row *row;

	ALLOC_GROW(t->rows, t->n_rows + 1, ps->rows_alloc);
	row = &t->rows[t->n_rows++];
	row->line = line;
	row->n = ps->n_fields;
	row->field = ps->fields; /* the table takes the array over */
	ps->fields = NULL;
	ps->n_fields = 0;
	ps->fields_alloc = 0;
}

static void drop_row(struct parser *ps)
{
	for (size_t i = 0; i < ps->n_fields; i++)
		free(ps->fields[i]);
	free(ps->fields);
	ps->fields = NULL;
	ps->n_fields = 0;
	ps->fields_alloc = 0;
}

/* A quoted field, from its opening quote to just past the closing one. */
static int quoted_field(struct parser *ps)
{
	int open_line = ps->line;

	ps->p++;
	for (;;) {
		char c;

		if (ps->p == ps->end) {
			diag_line(ps->d, open_line,
				  "unterminated quoted field (opened on this "
				  "line)");
			return -1;
		}
		c = *ps->p++;
		if (c == '"') {
			if (ps->p < ps->end && *ps->p == '"') {
				strbuf_addch(&ps->field, '"');
				ps->p++;
				continue;
			}
			break;
		}
		/*
		 * A line break inside quotes reads as "\n" whatever the
		 * file's line ends are, so a cell's text does not depend on
		 * the editor that saved it.
		 */
		if (c == '\r' && ps->p < ps->end && *ps->p == '\n')
			continue;
		if (c == '\n')
			ps->line++;
		strbuf_addch(&ps->field, c);
	}
	if (ps->p < ps->end && *ps->p != ',' && !eol_len(ps->p, ps->end)) {
		diag_line(ps->d, ps->line,
			  "text after closing quote (a quote inside a quoted "
			  "field is written \"\")");
		return -1;
	}
	return 0;
}

static int parse_row(struct parser *ps)
{
	int row_line = ps->line;
	size_t n;

	for (;;) {
		if (ps->p < ps->end && *ps->p == '"') {
			if (quoted_field(ps) < 0)
				return -1;
		} else {
			/* a quote inside an unquoted field is kept as text */
			while (ps->p < ps->end && *ps->p != ',' &&
			       !eol_len(ps->p, ps->end))
				strbuf_addch(&ps->field, *ps->p++);
		}
		end_field(ps);
		if (ps->p == ps->end)
			break;
		if (*ps->p == ',') {
			ps->p++;
			continue;
		}
		n = eol_len(ps->p, ps->end);
		ps->p += n;
		ps->line++;
		break;
	}
	end_row(ps, row_line);
	return 0;
}

static int line_of(const char *data, const char *at)
{
	int line = 1;

	for (const char *p = data; p < at; p++)
		if (*p == '\n')
			line++;
	return line;
}

int csv_parse(const char *data, size_t len, struct csv_table *out,
	      struct diag *d)
{
	struct parser ps = { 0 };
	const char *nul;
	const char *next;
	int ret = 0;

	out->rows = NULL;
	out->n_rows = 0;
	if (len == 0)
		return 0;
	nul = memchr(data, '\0', len);
	if (nul) {
		diag_line(d, line_of(data, nul),
			  "NUL byte in file (is it really CSV text?)");
		return -1;
	}
	ps.p = data;
	ps.end = data + len;
	ps.line = 1;
	ps.d = d;
	ps.t = out;
	strbuf_init(&ps.field);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		ps.p += 3;

	while (ps.p < ps.end) {
		if (*ps.p == '#') {
			skip_line(&ps);
			ps.line++;
		} else if (blank_line(ps.p, ps.end, &next)) {
			ps.p = next;
			ps.line++;
		} else if (parse_row(&ps) < 0) {
			ret = -1;
			break;
		}
	}

	drop_row(&ps);
	strbuf_release(&ps.field);
	if (ret < 0)
		csv_table_release(out);
	return ret;
}

int csv_parse_file(const char *path, struct csv_table *out, struct diag *d)
{
	struct strbuf sb = STRBUF_INIT;
	int ret;

	out->rows = NULL;
	out->n_rows = 0;
	ret = read_input(path, &sb, d);
	if (ret == 0)
		ret = csv_parse(strbuf_str(&sb), sb.len, out, d);
	strbuf_release(&sb);
	return ret;
}

void csv_table_release(struct csv_table *t)
{
	if (!t)
		return;
	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t i = 0; i < t->rows[r].n; i++)
			free(t->rows[r].field[i]);
		free(t->rows[r].field);
	}
	free(t->rows);
	t->rows = NULL;
	t->n_rows = 0;
}

void csv_add_text(struct strbuf *sb, const char *s)
{
	bool formula, quote;

	if (!s)
		s = "";
	/*
	 * Spreadsheets run a cell starting with one of these as a formula
	 * (CSV injection); a leading quote makes them show it as text.
	 */
	formula = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
	/* a leading '#' would read back as a comment line */
	quote = s[0] == '#' || strpbrk(s, ",\"\n\r") != NULL;
	if (quote)
		strbuf_addch(sb, '"');
	if (formula)
		strbuf_addch(sb, '\'');
	for (; *s; s++) {
		if (*s == '"')
			strbuf_addch(sb, '"');
		strbuf_addch(sb, *s);
	}
	if (quote)
		strbuf_addch(sb, '"');
}
