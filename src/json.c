/*
 * JSON in and out. cJSON parses; everything it cannot be trusted with
 * is checked around it. A scan of the text before cJSON sees it finds
 * what cJSON would accept or mangle (a \u0000 escape cuts its string,
 * raw control characters, 01 or 1. as numbers, deep nesting) and notes
 * where each number starts, so its source text survives. The cJSON tree
 * is then turned into a struct json_value tree (arrays indexable in
 * constant time), checking UTF-8 and duplicate keys with their paths on
 * the way. The writer never builds a tree.
 */
#include "json.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "wrapper.h"

struct json_value {
	enum json_type type;
	size_t n;                 /* members or elements */
	double num;               /* a number's value */
	char *str;                /* owned: a string, or a number's text */
	char **keys;              /* owned: an object's n keys */
	struct json_value *items; /* owned: n elements or member values */
};

/* the length of the valid UTF-8 sequence at p (NUL-terminated), or 0 */
static size_t utf8_len(const unsigned char *p)
{
	unsigned c = p[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return (p[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0))
			return 0; /* overlong, or a UTF-16 surrogate */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
		    (p[3] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))
			return 0; /* overlong, or above U+10FFFF */
		return 4;
	}
	return 0;
}

/* the first byte of s that is not valid UTF-8, or NULL */
static const unsigned char *utf8_invalid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		size_t n = utf8_len(p);

		if (!n)
			return p;
		p += n;
	}
	return NULL;
}

/* ---- reading: the scan before cJSON ---- */

struct scan {
	const char *text;
	size_t len;
	struct diag *d;
	size_t *nums; /* where each number starts, in document order */
	size_t n_nums, alloc_nums;
};

/* line and column (in characters) of text[at] */
static void position(const char *text, size_t at, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < at; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static void error_at(struct diag *d, const char *text, size_t at,
		     const char *fmt, ...) ATTR_PRINTF(4, 5);

static void error_at(struct diag *d, const char *text, size_t at,
		     const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	int line, col;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	position(text, at, &line, &col);
	diag_pos(d, line, col, "%s", sb.buf);
	strbuf_release(&sb);
}

static int is_number_char(char c)
{
	return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' ||
	       c == 'e' || c == 'E';
}

static int skip_digits(const char *s, size_t *i, size_t n)
{
	size_t start = *i;

	while (*i < n && s[*i] >= '0' && s[*i] <= '9')
		(*i)++;
	return *i > start;
}

/* is s[0..n) a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int number_valid(const char *s, size_t n)
{
	size_t i = 0;

	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else if (!skip_digits(s, &i, n))
		return 0;
	if (i < n && s[i] == '.') {
		i++;
		if (!skip_digits(s, &i, n))
			return 0;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (!skip_digits(s, &i, n))
			return 0;
	}
	return i == n;
}

/*
 * A string from its opening quote at *i; *i ends on the closing quote
 * (or at the end of the text, which cJSON reports). Escapes are taken
 * in order, so the \u0000 in "\\\u0000" is seen and "\\u0000" is not.
 */
static int scan_string(struct scan *s, size_t *i)
{
	for (size_t p = *i + 1; p < s->len; p++) {
		unsigned char c = (unsigned char)s->text[p];

		if (c == '"') {
			*i = p;
			return 0;
		}
		if (c < 0x20) {
			error_at(s->d, s->text, p,
				 "malformed JSON: a control character in a "
				 "string; write it as an escape such as \\n");
			return -1;
		}
		if (c != '\\')
			continue;
		if (p + 6 <= s->len && s->text[p + 1] == 'u' &&
		    memcmp(s->text + p + 2, "0000", 4) == 0) {
			error_at(s->d, s->text, p,
				 "a \\u0000 (NUL) escape in a string is not "
				 "allowed");
			return -1;
		}
		p++; /* the escaped character; \uXXXX digits are plain */
	}
	*i = s->len;
	return 0;
}

static int scan_number(struct scan *s, size_t *i)
{
	size_t end = *i;

	while (end < s->len && is_number_char(s->text[end]))
		end++;
	if (!number_valid(s->text + *i, end - *i)) {
		int n = end - *i > 24 ? 24 : (int)(end - *i);

		error_at(s->d, s->text, *i,
			 "malformed JSON: '%.*s' is not a JSON number", n,
			 s->text + *i);
		return -1;
	}
	ALLOC_GROW(s->nums, s->n_nums + 1, s->alloc_nums);
	s->nums[s->n_nums++] = *i;
	*i = end - 1;
	return 0;
}

/* 0, or -1 after reporting what cJSON must not see */
static int scan(struct scan *s)
{
	size_t depth = 0;

	if (memchr(s->text, '\0', s->len)) {
		diag_line(s->d, 0, "malformed JSON: the file holds a NUL byte");
		return -1;
	}
	for (size_t i = 0; i < s->len; i++) {
		char c = s->text[i];

		if (c == '"') {
			if (scan_string(s, &i) < 0)
				return -1;
		} else if (c == '{' || c == '[') {
			if (++depth > JSON_MAX_DEPTH) {
				error_at(s->d, s->text, i,
					 "malformed JSON: nested more than %d "
					 "levels deep",
					 JSON_MAX_DEPTH);
				return -1;
			}
		} else if (c == '}' || c == ']') {
			depth -= depth > 0;
		} else if (c == '-' || (c >= '0' && c <= '9')) {
			if (scan_number(s, &i) < 0)
				return -1;
		}
	}
	return 0;
}

/* ---- reading: what went wrong when cJSON gave up ---- */

/*
 * cJSON only says where it gave up. A scan of the brackets and strings
 * tells the common causes apart: an unterminated string, a truncated
 * file (named by the innermost bracket left open).
 */
static int structural_error(struct diag *d, const char *text, size_t len)
{
	size_t open = 0, str = 0, depth = 0;
	int in_str = 0;

	for (size_t p = 0; p < len; p++) {
		if (in_str) {
			if (text[p] == '\\')
				p++;
			else if (text[p] == '"')
				in_str = 0;
		} else if (text[p] == '"') {
			in_str = 1;
			str = p;
		} else if (text[p] == '{' || text[p] == '[') {
			depth++;
			open = p;
		} else if ((text[p] == '}' || text[p] == ']') && depth > 0) {
			depth--;
		}
	}
	if (in_str) {
		error_at(d, text, str,
			 "malformed JSON: the string that starts here is not "
			 "closed before the end of the file");
		return 1;
	}
	if (depth > 0) {
		error_at(d, text, open,
			 "malformed JSON: unexpected end of file; the '%c' "
			 "opened here is not closed",
			 text[open]);
		return 1;
	}
	return 0;
}

static void syntax_error(struct diag *d, const char *text, size_t len,
			 const char *at)
{
	struct strbuf near = STRBUF_INIT;
	size_t off, p;

	if (structural_error(d, text, len))
		return;
	off = at && at >= text && at <= text + len ? (size_t)(at - text) : len;
	for (p = off; p < len && p < off + 24 && text[p] != '\n'; p++)
		strbuf_addch(&near,
			     (unsigned char)text[p] >= 0x20 ? text[p] : '?');
	for (p = off; p < len && isspace((unsigned char)text[p]); p++)
		;
	if (p == len)
		error_at(d, text, off,
			 "malformed JSON: unexpected end of file");
	else if (near.len == 0)
		error_at(d, text, off,
			 "malformed JSON at the end of this line");
	else
		error_at(d, text, off, "malformed JSON near '%s'", near.buf);
	strbuf_release(&near);
}

/* ---- reading: the cJSON tree into ours ---- */

struct build {
	struct diag *d;
	const char *text;
	size_t len; /* text need not end in a NUL */
	const size_t *nums;
	size_t n_nums, next_num;
	struct strbuf path;
	int bad;
};

static void convert(struct build *b, cJSON *src, struct json_value *dst);

static void check_text(struct build *b, const char *s, const char *what)
{
	const unsigned char *bad = utf8_invalid(s);

	if (bad) {
		diag_path(b->d, b->path.len ? b->path.buf : "(top level)",
			  "expected UTF-8 text, found the byte 0x%02X in %s",
			  *bad, what);
		b->bad = 1;
	}
}

struct key_index {
	const char *key;
	size_t i;
};

static int cmp_key_index(const void *pa, const void *pb)
{
	const struct key_index *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	if (c)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* "field 'k' given twice" for each repeat, in document order */
static void check_duplicates(struct build *b, const struct json_value *obj)
{
	struct key_index *ki;
	bool *dup;

	if (obj->n < 2)
		return;
	ki = xreallocarray(NULL, obj->n, sizeof(*ki));
	dup = xcalloc(obj->n, sizeof(*dup));
	for (size_t i = 0; i < obj->n; i++) {
		ki[i].key = obj->keys[i];
		ki[i].i = i;
	}
	qsort(ki, obj->n, sizeof(*ki), cmp_key_index);
	for (size_t i = 1; i < obj->n; i++)
		if (strcmp(ki[i - 1].key, ki[i].key) == 0)
			dup[ki[i].i] = true;
	for (size_t i = 0; i < obj->n; i++) {
		size_t at;

		if (!dup[i])
			continue;
		at = json_path_key(&b->path, obj->keys[i]);
		diag_path(b->d, b->path.buf, "field '%s' given twice",
			  obj->keys[i]);
		json_path_pop(&b->path, at);
		b->bad = 1;
	}
	free(ki);
	free(dup);
}

/* the members or elements; keys and strings move out of cJSON */
static void convert_children(struct build *b, cJSON *src,
			     struct json_value *dst)
{
	size_t i = 0;

	for (cJSON *e = src->child; e; e = e->next)
		dst->n++;
	dst->items = xcalloc(dst->n, sizeof(*dst->items));
	if (dst->type == JSON_OBJECT)
		dst->keys = xcalloc(dst->n, sizeof(*dst->keys));
	for (cJSON *e = src->child; e; e = e->next, i++) {
		size_t at;

		if (dst->type == JSON_ARRAY) {
			at = json_path_index(&b->path, i);
		} else {
			/* cJSON allocates with malloc: ours to free now */
			dst->keys[i] = e->string;
			e->string = NULL;
			check_text(b, dst->keys[i], "a key");
			at = json_path_key(&b->path, utf8_invalid(dst->keys[i])
							     ? "(bad key)"
							     : dst->keys[i]);
		}
		convert(b, e, &dst->items[i]);
		json_path_pop(&b->path, at);
	}
	if (dst->type == JSON_OBJECT)
		check_duplicates(b, dst);
}

static void convert_number(struct build *b, cJSON *src, struct json_value *dst)
{
	size_t start, end;

	dst->num = src->valuedouble;
	if (b->next_num >= b->n_nums) /* cannot happen: scan saw them all */
		die("json: more numbers than the scan found");
	start = end = b->nums[b->next_num++];
	while (end < b->len && is_number_char(b->text[end]))
		end++;
	dst->str = xstrndup(b->text + start, end - start);
}

static void convert(struct build *b, cJSON *src, struct json_value *dst)
{
	if (cJSON_IsObject(src) || cJSON_IsArray(src)) {
		dst->type = cJSON_IsObject(src) ? JSON_OBJECT : JSON_ARRAY;
		convert_children(b, src, dst);
	} else if (cJSON_IsString(src)) {
		dst->type = JSON_STRING;
		dst->str = src->valuestring;
		src->valuestring = NULL;
		check_text(b, dst->str, "a string");
	} else if (cJSON_IsNumber(src)) {
		dst->type = JSON_NUMBER;
		convert_number(b, src, dst);
	} else if (cJSON_IsBool(src)) {
		dst->type = cJSON_IsTrue(src) ? JSON_TRUE : JSON_FALSE;
	} else {
		dst->type = JSON_NULL;
	}
}

static void release(struct json_value *v)
{
	for (size_t i = 0; i < v->n; i++) {
		release(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->str);
}

void json_free(struct json_value *root)
{
	if (!root)
		return;
	release(root);
	free(root);
}

/* the text after the document must be blank */
static int check_trailing(struct diag *d, const char *text, size_t len,
			  const char *end)
{
	size_t off = (size_t)(end - text);

	while (off < len && isspace((unsigned char)text[off]))
		off++;
	if (off == len)
		return 0;
	error_at(d, text, off,
		 "malformed JSON: text after the end of the document");
	return -1;
}

int json_parse(const char *text, size_t len, struct diag *d,
	       struct json_value **out)
{
	struct scan s = { text, len, d, NULL, 0, 0 };
	struct build b = { d, text, len, NULL, 0, 0, STRBUF_INIT, 0 };
	const char *end = NULL;
	cJSON *root = NULL;

	*out = NULL;
	if (scan(&s) < 0)
		goto fail;
	root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (!root) {
		syntax_error(d, text, len, end ? end : cJSON_GetErrorPtr());
		goto fail;
	}
	if (check_trailing(d, text, len, end ? end : text + len) < 0)
		goto fail;
	b.nums = s.nums;
	b.n_nums = s.n_nums;
	*out = xcalloc(1, sizeof(**out));
	convert(&b, root, *out);
	strbuf_release(&b.path);
	if (b.bad) {
		json_free(*out);
		*out = NULL;
		goto fail;
	}
	cJSON_Delete(root);
	free(s.nums);
	return 0;
fail:
	cJSON_Delete(root);
	free(s.nums);
	return -1;
}

/* ---- reading: getters ---- */

enum json_type json_type(const struct json_value *v)
{
	return v ? v->type : JSON_NULL;
}

size_t json_count(const struct json_value *v)
{
	return v && (v->type == JSON_ARRAY || v->type == JSON_OBJECT) ? v->n
								      : 0;
}

const struct json_value *json_item(const struct json_value *v, size_t i)
{
	return i < json_count(v) ? &v->items[i] : NULL;
}

const char *json_key_at(const struct json_value *obj, size_t i)
{
	return json_type(obj) == JSON_OBJECT && i < obj->n ? obj->keys[i]
							   : NULL;
}

const struct json_value *json_get(const struct json_value *obj, const char *key)
{
	if (json_type(obj) != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return &obj->items[i];
	return NULL;
}

const char *json_str(const struct json_value *v)
{
	return json_type(v) == JSON_STRING ? v->str : NULL;
}

double json_num(const struct json_value *v)
{
	return json_type(v) == JSON_NUMBER ? v->num : NAN;
}

const char *json_num_text(const struct json_value *v)
{
	return json_type(v) == JSON_NUMBER ? v->str : NULL;
}

const char *json_type_name(const struct json_value *v)
{
	switch (json_type(v)) {
	case JSON_NULL:
		return v ? "null" : "nothing";
	case JSON_FALSE:
	case JSON_TRUE:
		return "a boolean";
	case JSON_NUMBER:
		return "a number";
	case JSON_STRING:
		return "a string";
	case JSON_ARRAY:
		return v->n ? "an array" : "an empty array";
	case JSON_OBJECT:
		break;
	}
	return "an object";
}

void json_describe(struct strbuf *sb, const struct json_value *v)
{
	if (json_type(v) == JSON_NUMBER)
		strbuf_addf(sb, "%.10g", v->num);
	else if (json_type(v) == JSON_STRING && strlen(v->str) <= 40)
		strbuf_addf(sb, "\"%s\"", v->str);
	else
		strbuf_addstr(sb, json_type_name(v));
}

void json_wrong(struct diag *d, const char *path, const char *expected,
		const struct json_value *v)
{
	struct strbuf sb = STRBUF_INIT;

	json_describe(&sb, v);
	diag_path(d, path, "expected %s, found %s", expected, sb.buf);
	strbuf_release(&sb);
}

void json_range_text(struct strbuf *sb, const struct json_range *r)
{
	strbuf_addf(sb, r->lo_open ? "a number above %g" : "a number from %g",
		    r->lo);
	if (r->hi < 1e15)
		strbuf_addf(sb, r->lo_open ? " and at most %g" : " to %g",
			    r->hi);
}

int json_number_in(struct diag *d, const char *path, const struct json_value *v,
		   const struct json_range *r, double *out)
{
	struct strbuf want = STRBUF_INIT;
	double x = json_num(v);

	if (isfinite(x) && x >= r->lo && x <= r->hi &&
	    !(r->lo_open && x == r->lo)) {
		*out = x;
		return 0;
	}
	json_range_text(&want, r);
	if (v)
		json_wrong(d, path, want.buf, v);
	else
		diag_path(d, path, "missing; expected %s", want.buf);
	strbuf_release(&want);
	return -1;
}

int json_string_in(struct diag *d, const char *path, const struct json_value *v,
		   const char **out)
{
	if (json_type(v) == JSON_STRING && *v->str) {
		*out = v->str;
		return 0;
	}
	if (v)
		json_wrong(d, path, "a non-empty string", v);
	else
		diag_path(d, path, "missing; expected a string");
	return -1;
}

int json_bool_in(struct diag *d, const char *path, const struct json_value *v,
		 bool *out)
{
	if (json_type(v) == JSON_TRUE || json_type(v) == JSON_FALSE) {
		*out = v->type == JSON_TRUE;
		return 0;
	}
	if (v)
		json_wrong(d, path, "true or false", v);
	else
		diag_path(d, path, "missing; expected true or false");
	return -1;
}

size_t json_path_key(struct strbuf *path, const char *key)
{
	size_t len = path->len;

	if (len)
		strbuf_addch(path, '.');
	strbuf_addstr(path, key);
	return len;
}

size_t json_path_index(struct strbuf *path, size_t i)
{
	size_t len = path->len;

	strbuf_addf(path, "[%zu]", i);
	return len;
}

void json_path_pop(struct strbuf *path, size_t len)
{
	if (path->buf && len <= path->len) {
		path->len = len;
		path->buf[len] = '\0';
	}
}

/* ---- writing ---- */

void json_writer_init(struct json_writer *w, struct strbuf *sb, bool pretty)
{
	memset(w, 0, sizeof(*w));
	w->sb = sb;
	w->pretty = pretty;
}

static void indent(struct json_writer *w, int depth)
{
	static const char tabs[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";

	while (depth > 0) {
		int n = depth < 16 ? depth : 16;

		strbuf_add(w->sb, tabs, (size_t)n);
		depth -= n;
	}
}

/* the separator before a value; in an object json_key() wrote it */
static void before_value(struct json_writer *w)
{
	if (w->depth == 0 || w->is_object[w->depth])
		return;
	if (w->has_items[w->depth])
		strbuf_add(w->sb, ", ", w->pretty ? 2 : 1);
	w->has_items[w->depth] = true;
}

static void open_level(struct json_writer *w, bool object)
{
	before_value(w);
	if (w->depth >= JSON_MAX_DEPTH)
		die("json writer: nested more than %d levels", JSON_MAX_DEPTH);
	w->depth++;
	w->has_items[w->depth] = false;
	w->is_object[w->depth] = object;
	if (object)
		strbuf_add(w->sb, "{\n", w->pretty ? 2 : 1);
	else
		strbuf_addch(w->sb, '[');
}

void json_object_begin(struct json_writer *w)
{
	open_level(w, true);
}

void json_array_begin(struct json_writer *w)
{
	open_level(w, false);
}

void json_object_end(struct json_writer *w)
{
	if (w->pretty) {
		if (w->has_items[w->depth])
			strbuf_addch(w->sb, '\n');
		indent(w, w->depth - 1);
	}
	strbuf_addch(w->sb, '}');
	w->depth--;
}

void json_array_end(struct json_writer *w)
{
	strbuf_addch(w->sb, ']');
	w->depth--;
}

static void write_escape(struct strbuf *sb, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char esc[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0 };

	switch (c) {
	case '"':
	case '\\':
		esc[1] = (char)c;
		break;
	case '\b':
		esc[1] = 'b';
		break;
	case '\f':
		esc[1] = 'f';
		break;
	case '\n':
		esc[1] = 'n';
		break;
	case '\r':
		esc[1] = 'r';
		break;
	case '\t':
		esc[1] = 't';
		break;
	default:
		strbuf_add(sb, esc, 6);
		return;
	}
	strbuf_add(sb, esc, 2);
}

/* a quoted string: escapes as cJSON writes them, invalid bytes U+FFFD */
static void write_string(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;

	strbuf_addch(sb, '"');
	while (*p) {
		size_t n;

		if (*p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\') {
			p++;
			continue;
		}
		strbuf_add(sb, run, (size_t)(p - run));
		if (*p < 0x80) {
			write_escape(sb, *p);
			n = 1;
		} else if ((n = utf8_len(p)) > 0) {
			strbuf_add(sb, p, n);
		} else {
			strbuf_addstr(sb, "\xEF\xBF\xBD");
			n = 1;
		}
		p += n;
		run = p;
	}
	strbuf_add(sb, run, (size_t)(p - run));
	strbuf_addch(sb, '"');
}

void json_key(struct json_writer *w, const char *key)
{
	if (w->has_items[w->depth])
		strbuf_add(w->sb, ",\n", w->pretty ? 2 : 1);
	w->has_items[w->depth] = true;
	if (w->pretty)
		indent(w, w->depth);
	write_string(w->sb, key);
	strbuf_add(w->sb, ":\t", w->pretty ? 2 : 1);
}

void json_string(struct json_writer *w, const char *s)
{
	before_value(w);
	if (s)
		write_string(w->sb, s);
	else
		strbuf_add(w->sb, "null", 4);
}

void json_int(struct json_writer *w, int64_t v)
{
	char buf[24], *p = buf + sizeof(buf);
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	before_value(w);
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	strbuf_add(w->sb, p, (size_t)(buf + sizeof(buf) - p));
}

void json_number(struct json_writer *w, double v)
{
	char buf[40];
	int n;

	before_value(w);
	if (!isfinite(v)) {
		strbuf_add(w->sb, "null", 4);
		return;
	}
	if (v == 0) { /* -0 too */
		strbuf_addch(w->sb, '0');
		return;
	}
	n = snprintf(buf, sizeof(buf), "%.10g", v);
	/* 1.23456789e+10 reads better as 12345678900, as cJSON wrote it */
	if (memchr(buf, 'e', (size_t)n)) {
		double r = strtod(buf, NULL);

		if (fabs(r) >= 1e10 && fabs(r) < 1e15)
			n = snprintf(buf, sizeof(buf), "%.0f", r);
	}
	strbuf_add(w->sb, buf, (size_t)n);
}

void json_null(struct json_writer *w)
{
	before_value(w);
	strbuf_add(w->sb, "null", 4);
}

void json_bool(struct json_writer *w, bool v)
{
	before_value(w);
	if (v)
		strbuf_add(w->sb, "true", 4);
	else
		strbuf_add(w->sb, "false", 5);
}
