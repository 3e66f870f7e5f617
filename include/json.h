/*
 * json - JSON text in and out. The only module that knows cJSON.
 *
 * Reading: json_parse() checks the whole text and builds a tree of
 * struct json_value that the caller frees with json_free(). It refuses,
 * with "file:line:col: error: malformed JSON ..." through the diag,
 * what cJSON would accept or silently mangle: a NUL byte, a \u0000
 * escape, a raw control character in a string, a number JSON does not
 * allow (01, 1., +1), nesting deeper than JSON_MAX_DEPTH; and, naming
 * the JSON path ("file: personas[2].name: error: ..."), a string or key
 * that is not valid UTF-8 and a key given twice in one object. Every
 * string in a tree is valid UTF-8 without NUL; every number keeps its
 * source text.
 *
 * The getters below take NULL for an absent value. The checked ones
 * (json_*_in) report "file: path: error: expected ..., found ..." and
 * return -1; they return 0 and fill *out otherwise.
 *
 * Writing: a struct json_writer streams JSON into a strbuf; no tree is
 * built. Values are written in document order: json_key() before each
 * member of an object. Each number is formatted once, with 10
 * significant digits ("%.10g", except that numbers below 1e15 are
 * written without an exponent); a non-finite number is written as null.
 * Strings come out as valid UTF-8 (an invalid byte becomes U+FFFD).
 * Pretty output has the layout of cJSON_Print: tabs, "key":<tab>value,
 * arrays on one line.
 */
#ifndef JSON_H
#define JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct diag;
struct strbuf;

#define JSON_MAX_DEPTH 100 /* objects and arrays nested in each other */

enum json_type {
	JSON_NULL,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json_value; /* opaque; owned by the tree json_parse() returns */

/* 0 and a tree in *out, or -1 after reporting through d (*out NULL) */
int json_parse(const char *text, size_t len, struct diag *d,
	       struct json_value **out);
void json_free(struct json_value *root);

enum json_type json_type(const struct json_value *v);
/* members of an object, elements of an array; 0 for the rest */
size_t json_count(const struct json_value *v);
/* the i-th element of an array, or the value of an object's i-th member */
const struct json_value *json_item(const struct json_value *v, size_t i);
/* the key of an object's i-th member */
const char *json_key_at(const struct json_value *obj, size_t i);
/* the member called key, or NULL (also when obj is not an object) */
const struct json_value *json_get(const struct json_value *obj,
				  const char *key);
/* a string's text, or NULL for any other value */
const char *json_str(const struct json_value *v);
/* a number's value (NAN for others), and its source text ("1e3") */
double json_num(const struct json_value *v);
const char *json_num_text(const struct json_value *v);

/* "a string", "an empty array", ...; "nothing" for NULL */
const char *json_type_name(const struct json_value *v);
/* what was found, for messages: 1.4, "abc" (up to 40 bytes) or a type */
void json_describe(struct strbuf *sb, const struct json_value *v);
/* "path: expected <expected>, found <v>" */
void json_wrong(struct diag *d, const char *path, const char *expected,
		const struct json_value *v);

/* a number range; hi >= 1e15 is "no upper bound" */
struct json_range {
	double lo, hi;
	bool lo_open; /* lo itself is refused */
};

/* "a number above 0 and at most 1", "a number from 0 to 70" */
void json_range_text(struct strbuf *sb, const struct json_range *r);
/* a finite number in r */
int json_number_in(struct diag *d, const char *path, const struct json_value *v,
		   const struct json_range *r, double *out);
/* a non-empty string; *out borrows from the tree */
int json_string_in(struct diag *d, const char *path, const struct json_value *v,
		   const char **out);
/* true or false */
int json_bool_in(struct diag *d, const char *path, const struct json_value *v,
		 bool *out);

/*
 * JSON paths in a strbuf: json_path_key() appends ".key" (just "key" to
 * an empty path), json_path_index() "[i]"; both return the length
 * before, which json_path_pop() goes back to.
 */
size_t json_path_key(struct strbuf *path, const char *key);
size_t json_path_index(struct strbuf *path, size_t i);
void json_path_pop(struct strbuf *path, size_t len);

struct json_writer {
	struct strbuf *sb; /* borrowed */
	bool pretty;
	int depth;
	/* per level: a value was written there / the level is an object */
	bool has_items[JSON_MAX_DEPTH + 1];
	bool is_object[JSON_MAX_DEPTH + 1];
};

void json_writer_init(struct json_writer *w, struct strbuf *sb, bool pretty);
void json_object_begin(struct json_writer *w);
void json_object_end(struct json_writer *w);
void json_array_begin(struct json_writer *w);
void json_array_end(struct json_writer *w);
void json_key(struct json_writer *w, const char *key);
/* NULL writes null */
void json_string(struct json_writer *w, const char *s);
void json_int(struct json_writer *w, int64_t v);
void json_number(struct json_writer *w, double v);
void json_null(struct json_writer *w);
void json_bool(struct json_writer *w, bool v);

#endif
