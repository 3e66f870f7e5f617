/*
 * plan_format - a plan as text: a readable table, CSV, Markdown or
 * JSON (docs/plan-json.md documents the JSON). Each writer appends to
 * a strbuf, so the caller decides where it goes and can write a file
 * whole or not at all. Money in JSON is integer minor units; in the
 * table, CSV and Markdown it is major units.
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

int plan_format_parse(const char *s, enum plan_format *out);
void plan_write(struct strbuf *sb, enum plan_format f, const struct campaign *c,
		const struct plan *p);

void plan_write_table(struct strbuf *sb, const struct campaign *c,
		      const struct plan *p);
void plan_write_csv(struct strbuf *sb, const struct campaign *c,
		    const struct plan *p);
void plan_write_md(struct strbuf *sb, const struct campaign *c,
		   const struct plan *p);

#endif
