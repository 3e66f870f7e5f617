/*
 * explain - every sentence the planner says: what more budget buys,
 * which constraints bind and what they cost, where money is left and
 * why, and why goals cannot be met. It works on the figures the solver
 * produced, not on the solver, so it is tested without GLPK.
 */
#include "explain.h"

#include <math.h>

#include "campaign.h"
#include "money.h"
#include "planner.h"
#include "strbuf.h"

void explain_marginal(struct strbuf *sb, const struct campaign *c,
		      const struct plan *p)
{
	double v = fabs(p->marginal) * 1000;
	int64_t per = 1000 * money_scale(c->digits);

	if (v < 1e-9) {
		strbuf_addf(sb, "more budget would not improve the plan: the "
				"budget does not bind");
		return;
	}
	strbuf_addstr(sb, "one more ");
	money_format_currency(sb, per, c->digits, c->currency);
	strbuf_addch(sb, ' ');
	switch (p->objective) {
	case OBJ_APPLICATIONS:
	case OBJ_HIRES:
		strbuf_addf(sb, "buys about %.3g %s", v, p->objective_unit);
		break;
	case OBJ_REACH:
		strbuf_addf(sb, "reaches about %.0f more people", v);
		break;
	case OBJ_VALUE:
		strbuf_addstr(sb, "adds about ");
		money_format_currency(
			sb, llround(v * (double)money_scale(c->digits)),
			c->digits, c->currency);
		strbuf_addstr(sb, " of value (hires' worth less spend)");
		break;
	case OBJ_BLEND:
		strbuf_addf(sb, "adds about %.4f blend points", v);
		break;
	case OBJ_MIN_COST:
		strbuf_addstr(sb, "of budget would save about ");
		money_format_currency(
			sb, llround(v * (double)money_scale(c->digits)),
			c->digits, c->currency);
		break;
	}
}
