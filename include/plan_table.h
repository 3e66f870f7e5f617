/*
 * plan_table - the plan as a table for the terminal: the campaign, one
 * line per cell with spend, the funnel and costs in whole major units,
 * the marginal value of budget, binding constraints, notes, the
 * approximation error and the budget frontier when there is one.
 */
#ifndef PLAN_TABLE_H
#define PLAN_TABLE_H

struct campaign;
struct plan;
struct strbuf;

void plan_write_table(struct strbuf *sb, const struct campaign *c,
		      const struct plan *p);

#endif
