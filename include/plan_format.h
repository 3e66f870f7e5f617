/*
 * plan_format - a plan as text in the format the user names: a readable
 * table (plan_table.h), JSON (plan_json.h, documented in
 * docs/plan-json.md), CSV (plan_csv.h) or Markdown (plan_md.h). Each
 * writer appends to a strbuf, so the caller decides where it goes and
 * can write a file whole or not at all. Money in JSON is integer minor
 * units; in the table, CSV and Markdown it is major units.
 */
#ifndef PLAN_FORMAT_H
#define PLAN_FORMAT_H

struct campaign;
struct plan;
struct strbuf;

enum plan_format {
	FORMAT_TABLE,
	FORMAT_JSON,
	FORMAT_CSV,
	FORMAT_MD,
};

/* "table", "json", "csv", "md" (or "markdown"); 0, or -1 if unknown */
int plan_format_parse(const char *s, enum plan_format *out);
void plan_write(struct strbuf *sb, enum plan_format f, const struct campaign *c,
		const struct plan *p);

#endif
