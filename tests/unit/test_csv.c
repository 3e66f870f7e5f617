/* tests/unit/test_csv.c - reading and writing CSV */
#include "csv.h"

#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "strbuf.h"
#include "wrapper.h"
#include "test.h"

static struct strbuf cap;
static struct diag d;

/* parse len bytes of text as "x.csv", capturing the messages */
static int parse_n(const char *text, size_t len, struct csv_table *t)
{
	strbuf_reset(&cap);
	diag_init(&d, "x.csv");
	d.capture = &cap;
	return csv_parse(text, len, t, &d);
}

static int parse(const char *text, struct csv_table *t)
{
	return parse_n(text, strlen(text), t);
}

static const char *cell(const struct csv_table *t, size_t r, size_t i)
{
	if (r >= t->n_rows || i >= t->rows[r].n)
		return NULL;
	return t->rows[r].field[i];
}

static void parses_rows_and_their_line_numbers(void)
{
	struct csv_table t;

	CHECK(parse("name,cost\nindeed,120\nlinkedin,300\n", &t) == 0);
	CHECK_I64(t.n_rows, 3);
	CHECK_I64(t.rows[0].n, 2);
	CHECK_STR(cell(&t, 0, 0), "name");
	CHECK_STR(cell(&t, 1, 1), "120");
	CHECK_STR(cell(&t, 2, 0), "linkedin");
	CHECK_I64(t.rows[0].line, 1);
	CHECK_I64(t.rows[2].line, 3);
	CHECK_STR(strbuf_str(&cap), "");
	CHECK_I64(d.n_errors, 0);
	csv_table_release(&t);
}

static void reads_the_last_row_without_a_newline(void)
{
	struct csv_table t;

	CHECK(parse("a,b\nc,d", &t) == 0);
	CHECK_I64(t.n_rows, 2);
	CHECK_STR(cell(&t, 1, 1), "d");
	csv_table_release(&t);
}

static void handles_crlf_line_ends(void)
{
	struct csv_table t;

	CHECK(parse("a,b\r\nc,d\r\n\r\ne,f\r", &t) == 0);
	CHECK_I64(t.n_rows, 3);
	CHECK_STR(cell(&t, 0, 1), "b");
	CHECK_STR(cell(&t, 1, 1), "d");
	CHECK_STR(cell(&t, 2, 1), "f");
	CHECK_I64(t.rows[2].line, 4);
	csv_table_release(&t);
}

static void strips_a_utf8_byte_order_mark(void)
{
	struct csv_table t;

	CHECK(parse("\xef\xbb\xbfname,cost\n", &t) == 0);
	CHECK_I64(t.n_rows, 1);
	CHECK_STR(cell(&t, 0, 0), "name");
	csv_table_release(&t);

	CHECK(parse("\xef\xbb\xbf", &t) == 0);
	CHECK_I64(t.n_rows, 0);
	csv_table_release(&t);

	/* a BOM followed by a comment still makes the line a comment */
	CHECK(parse("\xef\xbb\xbf# channels\na\n", &t) == 0);
	CHECK_I64(t.n_rows, 1);
	CHECK_I64(t.rows[0].line, 2);
	csv_table_release(&t);
}

static void keeps_empty_fields_and_a_trailing_comma(void)
{
	struct csv_table t;

	CHECK(parse("a,,c,\n,\n\"\",x\n", &t) == 0);
	CHECK_I64(t.n_rows, 3);
	CHECK_I64(t.rows[0].n, 4);
	CHECK_STR(cell(&t, 0, 1), "");
	CHECK_STR(cell(&t, 0, 2), "c");
	CHECK_STR(cell(&t, 0, 3), "");
	CHECK_I64(t.rows[1].n, 2);
	CHECK_STR(cell(&t, 1, 0), "");
	CHECK_STR(cell(&t, 1, 1), "");
	CHECK_I64(t.rows[2].n, 2);
	CHECK_STR(cell(&t, 2, 0), "");
	csv_table_release(&t);

	/* a trailing comma at the very end of the data */
	CHECK(parse("a,", &t) == 0);
	CHECK_I64(t.rows[0].n, 2);
	CHECK_STR(cell(&t, 0, 1), "");
	csv_table_release(&t);
}

static void keeps_spaces_inside_fields(void)
{
	struct csv_table t;

	CHECK(parse(" a , b \n", &t) == 0);
	CHECK_STR(cell(&t, 0, 0), " a ");
	CHECK_STR(cell(&t, 0, 1), " b ");
	csv_table_release(&t);
}

static void parses_quoted_field_with_comma_and_doubled_quotes(void)
{
	struct csv_table t;

	CHECK(parse("\"Umea, SE\",\"say \"\"hi\"\"\",\"\"\"\"\n", &t) == 0);
	CHECK_I64(t.rows[0].n, 3);
	CHECK_STR(cell(&t, 0, 0), "Umea, SE");
	CHECK_STR(cell(&t, 0, 1), "say \"hi\"");
	CHECK_STR(cell(&t, 0, 2), "\"");
	csv_table_release(&t);
}

static void parses_quoted_field_with_newline(void)
{
	struct csv_table t;

	CHECK(parse("\"line 1\nline 2\",x\nnext,row\n", &t) == 0);
	CHECK_I64(t.n_rows, 2);
	CHECK_STR(cell(&t, 0, 0), "line 1\nline 2");
	CHECK_STR(cell(&t, 0, 1), "x");
	CHECK_I64(t.rows[0].line, 1);
	CHECK_I64(t.rows[1].line, 3);
	csv_table_release(&t);
}

static void reads_crlf_inside_quotes_as_newline(void)
{
	struct csv_table t;

	CHECK(parse("\"a\r\nb\",c\r\nd\r\n", &t) == 0);
	CHECK_STR(cell(&t, 0, 0), "a\nb");
	CHECK_I64(t.rows[1].line, 3);
	csv_table_release(&t);
}

static void skips_comment_and_blank_lines(void)
{
	struct csv_table t;

	CHECK(parse("# channel catalogue\n\na,b\n   \n\t\n#x,y\nc,d\n#", &t) ==
	      0);
	CHECK_I64(t.n_rows, 2);
	CHECK_STR(cell(&t, 0, 0), "a");
	CHECK_I64(t.rows[0].line, 3);
	CHECK_STR(cell(&t, 1, 0), "c");
	CHECK_I64(t.rows[1].line, 7);
	csv_table_release(&t);

	CHECK(parse("# only\n# comments\n\n", &t) == 0);
	CHECK_I64(t.n_rows, 0);
	csv_table_release(&t);
}

static void treats_hash_after_line_start_as_data(void)
{
	struct csv_table t;

	CHECK(parse("a,#b\n #c\n\"# d\"\n", &t) == 0);
	CHECK_I64(t.n_rows, 3);
	CHECK_STR(cell(&t, 0, 1), "#b");
	CHECK_STR(cell(&t, 1, 0), " #c");
	CHECK_STR(cell(&t, 2, 0), "# d");
	csv_table_release(&t);
}

static void treats_hash_line_inside_quotes_as_data(void)
{
	struct csv_table t;

	CHECK(parse("\"a\n# not a comment\",b\n", &t) == 0);
	CHECK_I64(t.n_rows, 1);
	CHECK_STR(cell(&t, 0, 0), "a\n# not a comment");
	CHECK_STR(cell(&t, 0, 1), "b");
	csv_table_release(&t);
}

static void keeps_a_quote_inside_an_unquoted_field(void)
{
	struct csv_table t;

	CHECK(parse("27\" screen,x\n", &t) == 0);
	CHECK_STR(cell(&t, 0, 0), "27\" screen");
	csv_table_release(&t);
}

static void gives_no_rows_for_empty_input(void)
{
	struct csv_table t;

	CHECK(parse("", &t) == 0);
	CHECK_I64(t.n_rows, 0);
	CHECK(t.rows == NULL);
	csv_table_release(&t);
}

static void reports_unterminated_quote_on_the_line_it_opened(void)
{
	struct csv_table t;

	CHECK(parse("a,b\nc,\"open\nmore\nstill\n", &t) == -1);
	CHECK_STR(strbuf_str(&cap), "x.csv:2: error: unterminated quoted "
				    "field (opened on this line)\n");
	CHECK_I64(d.n_errors, 1);
	CHECK_I64(d.status, JM_DATAERR);
	/* the rows read before the error are released */
	CHECK(t.rows == NULL);
	CHECK_I64(t.n_rows, 0);
	csv_table_release(&t);
}

static void reports_text_after_closing_quote(void)
{
	struct csv_table t;

	CHECK(parse("a\n\"ab\"c,d\n", &t) == -1);
	CHECK_HAS(strbuf_str(&cap), "x.csv:2: error: text after closing quote");
	CHECK_I64(d.n_errors, 1);
	CHECK(t.rows == NULL);

	/* a space after the closing quote is text too */
	CHECK(parse("\"a\" ,b\n", &t) == -1);
	CHECK_HAS(strbuf_str(&cap), "x.csv:1: error: text after closing quote");

	/* on the line of the closing quote, not the opening one */
	CHECK(parse("\"a\nb\nc\"x\n", &t) == -1);
	CHECK_HAS(strbuf_str(&cap), "x.csv:3: error: text after closing quote");
}

static void reports_a_nul_byte_with_its_line(void)
{
	static const char data[] = "a,b\nc\0d\n";
	struct csv_table t;

	CHECK(parse_n(data, sizeof(data) - 1, &t) == -1);
	CHECK_HAS(strbuf_str(&cap), "x.csv:2: error: NUL byte in file");
	CHECK_I64(d.n_errors, 1);
	CHECK(t.rows == NULL);
}

static void parses_only_the_given_length(void)
{
	struct csv_table t;

	CHECK(parse_n("a,b\nc,d", 5, &t) == 0);
	CHECK_I64(t.n_rows, 2);
	CHECK_STR(cell(&t, 1, 0), "c");
	CHECK_I64(t.rows[1].n, 1);
	csv_table_release(&t);
}

static void reads_a_file(void)
{
	char path[] = "/tmp/jobmix-test-csv-XXXXXX";
	const char text[] = "\xef\xbb\xbfname,cost\r\n\"a,b\",1\r\n";
	struct csv_table t;
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK(write(fd, text, sizeof(text) - 1) == (ssize_t)sizeof(text) - 1);
	close(fd);

	strbuf_reset(&cap);
	diag_init(&d, path);
	d.capture = &cap;
	CHECK(csv_parse_file(path, &t, &d) == 0);
	CHECK_I64(t.n_rows, 2);
	CHECK_STR(cell(&t, 0, 0), "name");
	CHECK_STR(cell(&t, 1, 0), "a,b");
	CHECK_STR(cell(&t, 1, 1), "1");
	CHECK_I64(d.n_errors, 0);
	csv_table_release(&t);
	unlink(path);
}

static void reports_a_file_it_cannot_read(void)
{
	struct csv_table t;

	strbuf_reset(&cap);
	diag_init(&d, "missing.csv");
	d.capture = &cap;
	CHECK(csv_parse_file("/nonexistent/missing.csv", &t, &d) == -1);
	CHECK_STR(strbuf_str(&cap), "missing.csv: error: cannot read: No such "
				    "file or directory\n");
	CHECK_I64(d.status, JM_NOINPUT);
	CHECK_I64(d.n_errors, 1);
	CHECK(t.rows == NULL);
	csv_table_release(&t);
}

/* /dev/zero ends at the input limit, as bad data */
static void stops_at_the_input_limit(void)
{
	struct csv_table t;
	size_t limit = read_file_limit;

	read_file_limit = 4096;
	strbuf_reset(&cap);
	diag_init(&d, "zero.csv");
	d.capture = &cap;
	CHECK(csv_parse_file("/dev/zero", &t, &d) == -1);
	CHECK_HAS(strbuf_str(&cap), "zero.csv: error: cannot read: the file "
				    "is larger than the input limit");
	CHECK_I64(d.status, JM_DATAERR);
	CHECK(t.rows == NULL);
	csv_table_release(&t);
	read_file_limit = limit;
}

static void release_accepts_null_and_repeats(void)
{
	struct csv_table t;

	csv_table_release(NULL);
	CHECK(parse("a\n", &t) == 0);
	csv_table_release(&t);
	csv_table_release(&t);
	CHECK(t.rows == NULL && t.n_rows == 0);
}

/* csv_add_text(s) as a string the test owns */
static char *text_cell(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	csv_add_text(&sb, s);
	return strbuf_detach(&sb);
}

#define CHECK_CELL(in, want)                     \
	do {                                     \
		char *got_cell_ = text_cell(in); \
		CHECK_STR(got_cell_, want);      \
		free(got_cell_);                 \
	} while (0)

static void writes_plain_text_as_is(void)
{
	CHECK_CELL("Indeed Sponsored", "Indeed Sponsored");
	CHECK_CELL("", "");
	CHECK_CELL(NULL, "");
	CHECK_CELL("a=b+c-d@e", "a=b+c-d@e");
	CHECK_CELL("caf\xc3\xa9", "caf\xc3\xa9");
}

static void quotes_separators_quotes_and_line_breaks(void)
{
	CHECK_CELL("Umea, SE", "\"Umea, SE\"");
	CHECK_CELL("say \"hi\"", "\"say \"\"hi\"\"\"");
	CHECK_CELL("two\nlines", "\"two\nlines\"");
	CHECK_CELL("cr\rhere", "\"cr\rhere\"");
	CHECK_CELL("\"", "\"\"\"\"");
	/* else it would read back as a comment at the start of a row */
	CHECK_CELL("#1 choice", "\"#1 choice\"");
}

static void prefixes_formula_starts_with_a_single_quote(void)
{
	CHECK_CELL("=HYPERLINK(\"http://x\")",
		   "\"'=HYPERLINK(\"\"http://x\"\")\"");
	CHECK_CELL("=1+1", "'=1+1");
	CHECK_CELL("+46 70 123", "'+46 70 123");
	CHECK_CELL("-5", "'-5");
	CHECK_CELL("@SUM(A1)", "'@SUM(A1)");
	CHECK_CELL("\tx", "'\tx");
	/* a carriage return needs both: the prefix goes inside the quotes */
	CHECK_CELL("\rx", "\"'\rx\"");
	CHECK_CELL("=1,2", "\"'=1,2\"");
}

static void reads_back_what_it_writes(void)
{
	static const char *const cells[] = {
		"#hash", "plain", "a,b", "q\"q", "multi\nline", "", " lead",
	};
	struct strbuf sb = STRBUF_INIT;
	struct csv_table t;

	for (size_t i = 0; i < ARRAY_SIZE(cells); i++) {
		if (i)
			strbuf_addch(&sb, ',');
		csv_add_text(&sb, cells[i]);
	}
	strbuf_addstr(&sb, "\r\n");
	CHECK(parse(sb.buf, &t) == 0);
	CHECK_I64(t.n_rows, 1);
	CHECK_I64(t.rows[0].n, ARRAY_SIZE(cells));
	for (size_t i = 0; i < ARRAY_SIZE(cells) && i < t.rows[0].n; i++)
		CHECK_STR(cell(&t, 0, i), cells[i]);
	csv_table_release(&t);
	strbuf_release(&sb);
}

int main(void)
{
	parses_rows_and_their_line_numbers();
	reads_the_last_row_without_a_newline();
	handles_crlf_line_ends();
	strips_a_utf8_byte_order_mark();
	keeps_empty_fields_and_a_trailing_comma();
	keeps_spaces_inside_fields();
	parses_quoted_field_with_comma_and_doubled_quotes();
	parses_quoted_field_with_newline();
	reads_crlf_inside_quotes_as_newline();
	skips_comment_and_blank_lines();
	treats_hash_after_line_start_as_data();
	treats_hash_line_inside_quotes_as_data();
	keeps_a_quote_inside_an_unquoted_field();
	gives_no_rows_for_empty_input();
	reports_unterminated_quote_on_the_line_it_opened();
	reports_text_after_closing_quote();
	reports_a_nul_byte_with_its_line();
	parses_only_the_given_length();
	reads_a_file();
	reports_a_file_it_cannot_read();
	stops_at_the_input_limit();
	release_accepts_null_and_repeats();
	writes_plain_text_as_is();
	quotes_separators_quotes_and_line_breaks();
	prefixes_formula_starts_with_a_single_quote();
	reads_back_what_it_writes();
	strbuf_release(&cap);
	return test_done();
}
