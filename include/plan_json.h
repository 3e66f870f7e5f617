/*
 * plan_json - the plan as JSON, documented in docs/plan-json.md and
 * versioned by its "jobmix_plan" member (version 1 only ever adds
 * members). Money is integer minor units.
 */
#ifndef PLAN_JSON_H
#define PLAN_JSON_H

struct campaign;
struct plan;
struct strbuf;

void plan_write_json(struct strbuf *sb, const struct campaign *c,
		     const struct plan *p);

#endif
