/*
 * plan_format - the format names and the dispatch to the four writers;
 * the writers themselves live in plan_table.c, plan_json.c, plan_csv.c
 * and plan_md.c.
 */
#include "plan_format.h"

#include <string.h>

#include "plan_csv.h"
#include "plan_json.h"
#include "plan_md.h"
#include "plan_table.h"
#include "usage.h"

static const struct {
	const char *name;
	enum plan_format format;
	void (*write)(struct strbuf *sb, const struct campaign *c,
		      const struct plan *p);
} formats[] = {
	{ "table", FORMAT_TABLE, plan_write_table },
	{ "json", FORMAT_JSON, plan_write_json },
	{ "csv", FORMAT_CSV, plan_write_csv },
	{ "md", FORMAT_MD, plan_write_md },
	{ "markdown", FORMAT_MD, plan_write_md },
};

int plan_format_parse(const char *s, enum plan_format *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (strcmp(s, formats[i].name) == 0) {
			*out = formats[i].format;
			return 0;
		}
	return -1;
}

void plan_write(struct strbuf *sb, enum plan_format f, const struct campaign *c,
		const struct plan *p)
{
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (formats[i].format == f) {
			formats[i].write(sb, c, p);
			return;
		}
	die("plan_write: impossible format %d", (int)f);
}
