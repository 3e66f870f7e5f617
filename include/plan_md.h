/*
 * plan_md - the plan as Markdown for notes and tickets: a heading, the
 * campaign, a table of cells and the sentences of explain.h. Text from
 * the inputs is escaped so it cannot break the table or add markup.
 */
#ifndef PLAN_MD_H
#define PLAN_MD_H

struct campaign;
struct plan;
struct strbuf;

void plan_write_md(struct strbuf *sb, const struct campaign *c,
		   const struct plan *p);

#endif
