/*
 * explain - the planner's sentences, built from figures and never from
 * the solver: the marginal value of budget, the binding constraints
 * with their prices, where money is left unspent, and why goals cannot
 * be met. Every function appends to the caller's strbuf or strvec.
 */
#ifndef EXPLAIN_H
#define EXPLAIN_H

struct campaign;
struct plan;
struct strbuf;

/* "one more 1 000.00 SEK buys about 2.3 applications", or why not */
void explain_marginal(struct strbuf *sb, const struct campaign *c,
		      const struct plan *p);

#endif
