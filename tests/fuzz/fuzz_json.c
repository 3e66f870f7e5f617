/*
 * tests/fuzz/fuzz_json.c - json_parse() on any bytes; whatever it
 * accepts is written back through the JSON writer, and that text must
 * parse again to the same shape (the writer never emits bad JSON).
 */
#include <stdlib.h>

#include "json.h"

#include "fuzz.h"

static struct strbuf cap;

static void write_value(struct json_writer *w, const struct json_value *v)
{
	size_t n = json_count(v);

	switch (json_type(v)) {
	case JSON_OBJECT:
		json_object_begin(w);
		for (size_t i = 0; i < n; i++) {
			json_key(w, json_key_at(v, i));
			write_value(w, json_item(v, i));
		}
		json_object_end(w);
		break;
	case JSON_ARRAY:
		json_array_begin(w);
		for (size_t i = 0; i < n; i++)
			write_value(w, json_item(v, i));
		json_array_end(w);
		break;
	case JSON_STRING:
		json_string(w, json_str(v));
		break;
	case JSON_NUMBER:
		json_number(w, json_num(v));
		break;
	case JSON_TRUE:
		json_bool(w, true);
		break;
	case JSON_FALSE:
		json_bool(w, false);
		break;
	case JSON_NULL:
		json_null(w);
		break;
	}
}

/* the same tree shape: types (a number may come back as null) and sizes */
static int same_shape(const struct json_value *a, const struct json_value *b)
{
	size_t n = json_count(a);

	if (json_type(a) == JSON_NUMBER)
		return json_type(b) == JSON_NUMBER || json_type(b) == JSON_NULL;
	if (json_type(a) != json_type(b) || n != json_count(b))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!same_shape(json_item(a, i), json_item(b, i)))
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json_value *tree, *again;
	struct json_writer w;
	struct strbuf out = STRBUF_INIT;
	struct diag d;

	fuzz_diag(&d, "in.json", &cap);
	if (json_parse((const char *)data, size, &d, &tree) < 0)
		return 0;
	json_writer_init(&w, &out, size & 1);
	write_value(&w, tree);
	fuzz_diag(&d, "out.json", &cap);
	if (json_parse(strbuf_str(&out), out.len, &d, &again) < 0)
		abort(); /* the writer wrote what the reader refuses */
	if (!same_shape(tree, again))
		abort();
	json_free(again);
	json_free(tree);
	strbuf_release(&out);
	return 0;
}
