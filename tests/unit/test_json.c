/* tests/unit/test_json.c - the JSON reader, its checks, and the writer */
#include "json.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "test.h"

static struct strbuf cap;
static struct diag d;

/* parse s as "x.json", capturing the messages; NULL on failure */
static struct json_value *parse_n(const char *s, size_t len)
{
	struct json_value *v;

	strbuf_reset(&cap);
	diag_init(&d, "x.json");
	d.capture = &cap;
	if (json_parse(s, len, &d, &v) < 0)
		return NULL;
	return v;
}

static struct json_value *parse(const char *s)
{
	return parse_n(s, strlen(s));
}

/* s must be refused with this as the only message */
#define CHECK_REFUSES(s, message)                          \
	do {                                               \
		CHECK(parse(s) == NULL);                   \
		CHECK_STR(strbuf_str(&cap), message "\n"); \
		CHECK_I64(d.n_errors, 1);                  \
	} while (0)

static void reads_values_and_keeps_number_text(void)
{
	struct json_value *v = parse("{\"a\": [1, 2.50, -3e2], \"b\": "
				     "\"h\\u00e9\", \"c\": true, \"d\": null,"
				     " \"e\": {}}");
	const struct json_value *a;

	CHECK(v != NULL);
	CHECK(json_type(v) == JSON_OBJECT);
	CHECK_I64(json_count(v), 5);
	CHECK_STR(json_key_at(v, 1), "b");
	a = json_get(v, "a");
	CHECK(json_type(a) == JSON_ARRAY);
	CHECK_I64(json_count(a), 3);
	CHECK_NEAR(json_num(json_item(a, 1)), 2.5, 0);
	CHECK_STR(json_num_text(json_item(a, 1)), "2.50");
	CHECK_STR(json_num_text(json_item(a, 2)), "-3e2");
	CHECK(json_item(a, 3) == NULL);
	CHECK_STR(json_str(json_get(v, "b")), "h\xc3\xa9");
	CHECK(json_type(json_get(v, "c")) == JSON_TRUE);
	CHECK(json_type(json_get(v, "d")) == JSON_NULL);
	CHECK(json_get(v, "d") != NULL);
	CHECK(json_get(v, "z") == NULL);
	CHECK(json_get(a, "a") == NULL);
	CHECK_STR(json_type_name(json_get(v, "e")), "an object");
	CHECK_STR(json_type_name(NULL), "nothing");
	json_free(v);
}

static void refuses_what_cjson_would_mangle(void)
{
	static const char nul[] = "{\"a\": \"x\0y\"}";

	CHECK(parse_n(nul, sizeof(nul) - 1) == NULL);
	CHECK_STR(strbuf_str(&cap),
		  "x.json: error: malformed JSON: the file holds a NUL byte\n");
	CHECK_REFUSES("{\"a\": \"x\\u0000\"}",
		      "x.json:1:9: error: a \\u0000 (NUL) escape in a string "
		      "is not allowed");
	/* an escaped backslash, then the escape: still found */
	CHECK_REFUSES("{\"a\": \"x\\\\\\u0000\"}",
		      "x.json:1:11: error: a \\u0000 (NUL) escape in a string "
		      "is not allowed");
	CHECK_REFUSES("[\"\\\\u0000\", 01]",
		      "x.json:1:13: error: malformed JSON: '01' is not a JSON "
		      "number");
	CHECK_REFUSES("[1.]", "x.json:1:2: error: malformed JSON: '1.' is not "
			      "a JSON number");
	CHECK_REFUSES("[\"a\tb\"]", "x.json:1:4: error: malformed JSON: a "
				    "control character in a string; write it "
				    "as an escape such as \\n");
	CHECK_REFUSES("[1] x", "x.json:1:5: error: malformed JSON: text after "
			       "the end of the document");
}

static void keeps_a_backslash_before_u0000_apart(void)
{
	/* "\\u0000" is a backslash and the text u0000: allowed */
	struct json_value *v = parse("[\"\\\\u0000\"]");

	CHECK(v != NULL);
	CHECK_STR(json_str(json_item(v, 0)), "\\u0000");
	json_free(v);
}

static void limits_nesting(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_value *v;

	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		strbuf_addch(&sb, '[');
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		strbuf_addch(&sb, ']');
	v = parse(sb.buf);
	CHECK(v != NULL);
	json_free(v);
	strbuf_reset(&sb);
	for (int i = 0; i <= JSON_MAX_DEPTH; i++)
		strbuf_addch(&sb, '[');
	CHECK(parse(sb.buf) == NULL);
	CHECK_STR(strbuf_str(&cap), "x.json:1:101: error: malformed JSON: "
				    "nested more than 100 levels deep\n");
	strbuf_release(&sb);
}

static void names_the_path_of_bad_utf8_and_repeated_keys(void)
{
	CHECK_REFUSES("{\"p\": [{\"name\": \"a\xff\"}]}",
		      "x.json: p[0].name: error: expected UTF-8 text, found "
		      "the byte 0xFF in a string");
	/* overlong encodings and surrogates are not UTF-8 either */
	CHECK_REFUSES("[\"\xc0\xaf\"]",
		      "x.json: [0]: error: expected UTF-8 "
		      "text, found the byte 0xC0 in a string");
	CHECK_REFUSES("[\"\xed\xa0\x80\"]",
		      "x.json: [0]: error: expected UTF-8 text, found the byte "
		      "0xED in a string");
	CHECK_REFUSES("{\"a\xfe\": 1}", "x.json: (top level): error: expected "
					"UTF-8 text, found the byte 0xFE in a "
					"key");
	CHECK_REFUSES("{\"a\": {\"b\": 1, \"c\": 2, \"b\": 3}}",
		      "x.json: a.b: error: field 'b' given twice");
}

static void reports_many_repeated_keys_in_linear_time(void)
{
	struct strbuf sb = STRBUF_INIT;
	double t0 = now_ms();

	/* 200 000 keys, each twice: a pairwise check takes minutes */
	strbuf_addch(&sb, '{');
	for (int i = 0; i < 200000; i++)
		strbuf_addf(&sb, "%s\"k%d\": 1, \"k%d\": 2", i ? ", " : "", i,
			    i);
	strbuf_addch(&sb, '}');
	CHECK(parse(sb.buf) == NULL);
	CHECK_I64(d.n_errors, 200000);
	CHECK_HAS(strbuf_str(&cap), "x.json: k0: error: field 'k0' given "
				    "twice\n");
	CHECK(now_ms() - t0 < 30000);
	strbuf_release(&sb);
}

static void reports_malformed_text_where_it_is(void)
{
	CHECK_REFUSES("{\n  \"a\": 1\n  \"b\": 2}",
		      "x.json:3:3: error: malformed JSON near '\"b\": 2}'");
	CHECK_REFUSES("{\"a\": [1, 2",
		      "x.json:1:7: error: malformed JSON: unexpected end of "
		      "file; the '[' opened here is not closed");
	CHECK_REFUSES("{\"a\": \"x", "x.json:1:7: error: malformed JSON: the "
				     "string that starts here is not closed "
				     "before the end of the file");
	CHECK_REFUSES("", "x.json:1:1: error: malformed JSON: unexpected end "
			  "of file");
}

static void checks_values_with_their_path(void)
{
	struct json_value *v = parse("{\"n\": 1.4, \"s\": \"\", \"b\": 1}");
	struct json_range share = { 0, 1, true }, any = { 0, 1e300, false };
	const char *s = NULL;
	double x = -1;
	bool b = false;

	CHECK(json_number_in(&d, "n", json_get(v, "n"), &share, &x) == -1);
	CHECK_NEAR(x, -1, 0);
	CHECK(json_number_in(&d, "n", json_get(v, "n"), &any, &x) == 0);
	CHECK_NEAR(x, 1.4, 0);
	CHECK(json_number_in(&d, "m", NULL, &share, &x) == -1);
	CHECK(json_string_in(&d, "s", json_get(v, "s"), &s) == -1);
	CHECK(json_bool_in(&d, "b", json_get(v, "b"), &b) == -1);
	CHECK_STR(strbuf_str(&cap),
		  "x.json: n: error: expected a number above 0 and at most 1, "
		  "found 1.4\n"
		  "x.json: m: error: missing; expected a number above 0 and "
		  "at most 1\n"
		  "x.json: s: error: expected a non-empty string, found \"\"\n"
		  "x.json: b: error: expected true or false, found 1\n");
	json_free(v);
}

static void builds_and_pops_paths(void)
{
	struct strbuf p = STRBUF_INIT;
	size_t a = json_path_key(&p, "personas");
	size_t b = json_path_index(&p, 3);
	size_t c = json_path_key(&p, "share");

	CHECK_STR(p.buf, "personas[3].share");
	json_path_pop(&p, c);
	CHECK_STR(p.buf, "personas[3]");
	json_path_pop(&p, b);
	json_path_pop(&p, a);
	CHECK_STR(strbuf_str(&p), "");
	strbuf_release(&p);
}

static void writes_the_layout_of_cjson_print(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &sb, true);
	json_object_begin(&w);
	json_key(&w, "a");
	json_int(&w, -42);
	json_key(&w, "list");
	json_array_begin(&w);
	json_object_begin(&w);
	json_key(&w, "x");
	json_bool(&w, true);
	json_object_end(&w);
	json_object_begin(&w);
	json_object_end(&w);
	json_array_end(&w);
	json_key(&w, "s");
	json_array_begin(&w);
	json_string(&w, "a");
	json_null(&w);
	json_array_end(&w);
	json_object_end(&w);
	CHECK_STR(sb.buf,
		  "{\n\t\"a\":\t-42,\n\t\"list\":\t[{\n\t\t\t\"x\":\t"
		  "true\n\t\t}, {\n\t\t}],\n\t\"s\":\t[\"a\", null]\n}");
	strbuf_reset(&sb);
	json_writer_init(&w, &sb, false);
	json_object_begin(&w);
	json_key(&w, "a");
	json_array_begin(&w);
	json_int(&w, 1);
	json_int(&w, 2);
	json_array_end(&w);
	json_key(&w, "b");
	json_bool(&w, false);
	json_object_end(&w);
	CHECK_STR(sb.buf, "{\"a\":[1,2],\"b\":false}");
	strbuf_release(&sb);
}

/* v written alone as a number */
static char *number(double v)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &sb, true);
	json_number(&w, v);
	return strbuf_detach(&sb);
}

#define CHECK_NUMBER(v, want)            \
	do {                             \
		char *text_ = number(v); \
		CHECK_STR(text_, want);  \
		free(text_);             \
	} while (0)

static void writes_numbers_once_with_ten_digits(void)
{
	CHECK_NUMBER(6.896456142037, "6.896456142");
	CHECK_NUMBER(0.1 + 0.2, "0.3");
	CHECK_NUMBER(1500000, "1500000");
	CHECK_NUMBER(12345678901.5, "12345678900");
	CHECK_NUMBER(-2.5e14, "-250000000000000");
	CHECK_NUMBER(1e15, "1e+15");
	CHECK_NUMBER(1.5e-7, "1.5e-07");
	CHECK_NUMBER(-0.0, "0");
	CHECK_NUMBER(NAN, "null");
	CHECK_NUMBER(INFINITY, "null");
}

static void writes_strings_as_valid_escaped_utf8(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_writer w;
	struct json_value *v;

	json_writer_init(&w, &sb, true);
	json_array_begin(&w);
	json_string(
		&w,
		"q\"b\\n\n\t\x01\x7f Ume\xc3\xa5 \xff\xc3 \xf0\x9f\x98\x80");
	json_array_end(&w);
	CHECK_STR(sb.buf, "[\"q\\\"b\\\\n\\n\\t\\u0001\x7f Ume\xc3\xa5 "
			  "\xef\xbf\xbd\xef\xbf\xbd \xf0\x9f\x98\x80\"]");
	/* and it reads back */
	v = parse(sb.buf);
	CHECK(v != NULL);
	CHECK_STR(json_str(json_item(v, 0)),
		  "q\"b\\n\n\t\x01\x7f Ume\xc3\xa5 \xef\xbf\xbd\xef\xbf\xbd "
		  "\xf0\x9f\x98\x80");
	json_free(v);
	strbuf_release(&sb);
}

/* found by fuzz_json: a number at the very end of a buffer with no NUL */
static void reads_a_number_at_the_end_of_an_exact_buffer(void)
{
	char *text = malloc(3);
	struct json_value *v;

	memcpy(text, "0.5", 3);
	v = parse_n(text, 3);
	CHECK(v != NULL);
	CHECK(json_num(v) == 0.5);
	CHECK_STR(json_num_text(v), "0.5");
	json_free(v);
	free(text);
}

int main(void)
{
	reads_a_number_at_the_end_of_an_exact_buffer();
	reads_values_and_keeps_number_text();
	refuses_what_cjson_would_mangle();
	keeps_a_backslash_before_u0000_apart();
	limits_nesting();
	names_the_path_of_bad_utf8_and_repeated_keys();
	reports_many_repeated_keys_in_linear_time();
	reports_malformed_text_where_it_is();
	checks_values_with_their_path();
	builds_and_pops_paths();
	writes_the_layout_of_cjson_print();
	writes_numbers_once_with_ten_digits();
	writes_strings_as_valid_escaped_utf8();
	strbuf_release(&cap);
	return test_done();
}
