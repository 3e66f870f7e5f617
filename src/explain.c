/*
 * explain - every sentence the planner says: what more budget buys,
 * which constraints bind and what they cost, where money is left and
 * why, and why goals cannot be met. It works on the figures the solver
 * produced, not on the solver, so it is tested without solving.
 */
#include "explain.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "campaign.h"
#include "money.h"
#include "planner.h"
#include "strbuf.h"

void explain_money(struct strbuf *sb, const struct campaign *c, double v)
{
	money_format_currency(sb, llround(v * (double)money_scale(c->digits)),
			      c->digits, c->currency);
}

void explain_number(struct strbuf *sb, double v, int sig)
{
	double a = fabs(v);
	size_t start = sb->len;
	int decimals;

	if (a >= 999.5 || sig < 1) {
		money_format_grouped(sb, llround(v), 0);
		return;
	}
	if (a < 1e-12) {
		strbuf_addch(sb, '0');
		return;
	}
	decimals = sig - 1 - (int)floor(log10(a));
	strbuf_addf(sb, "%.*f", decimals > 0 ? decimals : 0, v);
	if (decimals <= 0 || !strchr(sb->buf + start, '.'))
		return;
	while (sb->buf[sb->len - 1] == '0')
		sb->buf[--sb->len] = '\0';
	if (sb->buf[sb->len - 1] == '.')
		sb->buf[--sb->len] = '\0';
}

/*
 * "0.0099 blend points": four decimals, as blend points always were,
 * unless they would show nothing but zeros: then three significant
 * digits, "0.0000255"
 */
static void blend_points(struct strbuf *sb, double v)
{
	if (fabs(v) >= 0.00005 || v == 0)
		strbuf_addf(sb, "%.4f", v);
	else
		explain_number(sb, v, 3);
	strbuf_addstr(sb, " blend points");
}

/*
 * "the next buy, paper for persona 'welders' at 3 000.00 SEK, does not
 * fit; with 1 200.00 SEK more the plan would reach 7.4 applications"
 */
static void buy_words(struct strbuf *sb, const struct campaign *c,
		      const struct plan_more *mo)
{
	const char *ch = c->channels[mo->buy_channel].id;
	const char *pe = mo->buy_persona == SIZE_MAX
				 ? ""
				 : c->personas[mo->buy_persona].id;

	if (mo->buy_is_fee) /* one buy for the campaign, not a persona's */
		strbuf_addf(sb, "%s at ", ch);
	else if (mo->buy_persona == SIZE_MAX)
		strbuf_addf(sb, "the platform minimum on %s's one ad set at ",
			    ch);
	else
		strbuf_addf(sb,
			    "the platform minimum on %s for persona '%s' at ",
			    ch, pe);
	explain_money(sb, c, money_to_major(mo->buy_cost, c->digits));
}

static void more_clause(struct strbuf *sb, const struct campaign *c,
			enum objective obj, const struct plan_more *mo)
{
	if (mo->has_buy && mo->buy_over_budget) {
		buy_words(sb, c, mo);
		strbuf_addstr(sb, ", left out for costing more than the whole "
				  "budget");
		return;
	}
	if (mo->has_buy) {
		strbuf_addstr(sb, "the next buy, ");
		buy_words(sb, c, mo);
		strbuf_addstr(sb, ", does not fit");
	} else {
		strbuf_addstr(sb, "no further buy fits what is left");
	}
	strbuf_addstr(sb, "; with ");
	explain_money(sb, c, money_to_major(mo->extra, c->digits));
	strbuf_addstr(sb, " more the plan would reach ");
	explain_amount(sb, c, obj, mo->objective);
	if (obj == OBJ_VALUE)
		strbuf_addstr(sb, " of value");
}

void explain_marginal(struct strbuf *sb, const struct campaign *c,
		      const struct plan *p)
{
	double v = fabs(p->marginal) * EXPLAIN_PER;

	if (v < 1e-9 && p->more.has_buy && p->more.buy_over_budget) {
		strbuf_addstr(sb, "the budget does not bind; more budget could "
				  "only help through ");
		more_clause(sb, c, p->objective, &p->more);
		return;
	}
	if (v < 1e-9 && p->is_mip && p->more.extra != MONEY_NONE &&
	    p->more.improves) {
		strbuf_addstr(sb, "the budget does not bind for these buy "
				  "decisions, but more budget would improve "
				  "the plan in a step: ");
		more_clause(sb, c, p->objective, &p->more);
		return;
	}
	/* a cheaper plan never needs more budget: min-cost says so as is */
	if (v < 1e-9 && p->is_mip && p->more.extra == MONEY_NONE &&
	    p->objective != OBJ_MIN_COST) {
		strbuf_addstr(sb, "the budget does not bind for these buy "
				  "decisions (a bigger budget was not tried "
				  "on a model this large)");
		return;
	}
	if (v < 1e-9) {
		strbuf_addf(sb, "more budget would not improve the plan: the "
				"budget does not bind");
		return;
	}
	strbuf_addstr(sb, "one more ");
	explain_money(sb, c, EXPLAIN_PER);
	strbuf_addch(sb, ' ');
	switch (p->objective) {
	case OBJ_APPLICATIONS:
	case OBJ_HIRES:
		strbuf_addstr(sb, "buys about ");
		explain_number(sb, v, 3);
		strbuf_addf(sb, " %s", p->objective_unit);
		break;
	case OBJ_REACH:
		strbuf_addf(sb, "reaches about %.0f more people", v);
		break;
	case OBJ_VALUE:
		strbuf_addstr(sb, "adds about ");
		explain_money(sb, c, v);
		strbuf_addstr(sb, " of value (hires' worth less spend)");
		break;
	case OBJ_BLEND:
		strbuf_addstr(sb, "adds about ");
		blend_points(sb, v);
		break;
	case OBJ_MIN_COST:
		strbuf_addstr(sb, "of budget would save about ");
		explain_money(sb, c, v);
		break;
	}
}

/* "450.00 SEK (max_cost_per_application)", or per persona */
static void efficient_ceiling(struct strbuf *sb, const struct campaign *c,
			      const struct plan_efficient *e)
{
	const char *name = ceiling_kind_name(e->kind);

	if (!e->per_persona) {
		explain_money(sb, c, money_to_major(e->ceiling, c->digits));
		strbuf_addf(sb, " (%s)", name);
		return;
	}
	strbuf_addf(sb, "its persona's ceiling (%s, at most ", name);
	explain_money(sb, c, money_to_major(e->ceiling, c->digits));
	strbuf_addch(sb, ')');
}

/* "At 41 200.00 SEK the plan buys 92 applications and 3.1 hires, ..." */
static void efficient_plan(struct strbuf *sb, const struct campaign *c,
			   const struct plan_efficient *e)
{
	bool apps = e->kind == CEILING_APPLICATION;
	int64_t each =
		apps ? e->total.cost_per_application : e->total.cost_per_hire;

	strbuf_addstr(sb, " At ");
	explain_money(sb, c, money_to_major(e->budget, c->digits));
	strbuf_addstr(sb, " the plan buys ");
	explain_number(sb, e->total.applications, 3);
	strbuf_addstr(sb, " applications and ");
	explain_number(sb, e->total.hires, 3);
	strbuf_addstr(sb, " hires");
	if (each != MONEY_NONE) {
		strbuf_addstr(sb, ", ");
		explain_money(sb, c, money_to_major(each, c->digits));
		strbuf_addstr(sb, apps ? " an application" : " a hire");
		strbuf_addstr(sb, " on average");
	}
	strbuf_addch(sb, '.');
}

void explain_efficient(struct strbuf *sb, const struct campaign *c,
		       const struct plan *p)
{
	const struct plan_efficient *e = &p->efficient;
	const char *noun = ceiling_result_name(e->kind);
	const char *article = e->kind == CEILING_APPLICATION ? "an" : "a";
	double at = money_to_major(e->budget, c->digits);

	if (e->kind == CEILING_NONE)
		return;
	if (e->budget <= 0) {
		strbuf_addf(sb,
			    "No money pays: at any spend %s %s costs more "
			    "than ",
			    article, noun);
		efficient_ceiling(sb, c, e);
		strbuf_addstr(sb, " on average.");
		return;
	}
	if (e->budget < p->budget) {
		strbuf_addstr(sb, "Extra money stops paying above ");
		explain_money(sb, c, at);
		strbuf_addf(sb, ": beyond it %s %s costs more than ", article,
			    noun);
		efficient_ceiling(sb, c, e);
	} else {
		strbuf_addstr(sb, "Extra money keeps paying up to ");
		explain_money(sb, c, at);
		if (e->marginal_cost != MONEY_NONE && !e->per_persona &&
		    e->marginal_cost <= e->ceiling) {
			strbuf_addstr(sb, ": every extra ");
			explain_money(sb, c, EXPLAIN_PER);
			strbuf_addf(sb, " still buys %ss at ", noun);
			explain_money(
				sb, c,
				money_to_major(e->marginal_cost, c->digits));
			strbuf_addstr(sb, " each, under the ceiling of ");
		} else {
			strbuf_addf(sb, ": below it one more %s costs at most ",
				    noun);
		}
		efficient_ceiling(sb, c, e);
	}
	strbuf_addch(sb, '.');
	efficient_plan(sb, c, e);
}

void explain_amount(struct strbuf *sb, const struct campaign *c,
		    enum objective obj, double v)
{
	if (obj == OBJ_VALUE || obj == OBJ_MIN_COST) {
		explain_money(sb, c, v);
	} else if (obj == OBJ_BLEND) {
		blend_points(sb, v);
	} else {
		explain_number(sb, v, 3);
		strbuf_addf(sb, " %s", objective_unit(obj, c));
	}
}

static const char *goal_noun(enum explain_row_kind k)
{
	return k == XROW_PERSONA_APPS || k == XROW_CAMPAIGN_APPS
		       ? "applications"
		       : "hires";
}

/* the constraint in words, without its price; its kind */
static enum binding_kind describe_row(struct strbuf *name, struct strbuf *text,
				      const struct campaign *c,
				      const struct explain_row *r)
{
	const struct channel *ch = &c->channels[r->channel];
	const struct persona *pe = &c->personas[r->persona];

	switch (r->kind) {
	case XROW_BUDGET:
		strbuf_addstr(name, "budget");
		strbuf_addstr(text, "the budget of ");
		explain_money(text, c, r->bound);
		return BIND_BUDGET;
	case XROW_CHANNEL_FLOOR:
		strbuf_addf(name, "channel %s min spend", ch->id);
		strbuf_addstr(text, "the ");
		explain_money(text, c, r->bound);
		strbuf_addf(text, " floor on %s (%s)", ch->name, ch->id);
		return BIND_CHANNEL_FLOOR;
	case XROW_CHANNEL_SHARE:
		strbuf_addf(name, "channel %s max share", ch->id);
		strbuf_addstr(text, "the ");
		explain_number(text, ch->max_share * 100, 6);
		strbuf_addf(text, " %% cap on %s (%s)", ch->name, ch->id);
		return BIND_CHANNEL_MAX;
	case XROW_CHANNEL_CEILING:
		strbuf_addf(name, "channel %s max spend", ch->id);
		strbuf_addstr(text, "the ");
		explain_money(text, c, r->bound);
		strbuf_addf(text, " ceiling on %s (%s)", ch->name, ch->id);
		return BIND_CHANNEL_MAX;
	case XROW_PERSONA_CAP:
		strbuf_addf(name, "persona %s budget cap", pe->id);
		strbuf_addstr(text, "the ");
		explain_money(text, c, r->bound);
		strbuf_addf(text, " budget cap on persona '%s'", pe->id);
		return BIND_PERSONA_CAP;
	case XROW_PERSONA_APPS:
	case XROW_PERSONA_HIRES:
		strbuf_addf(name, "persona %s goal %s", pe->id,
			    goal_noun(r->kind));
		strbuf_addstr(text, "the goal of ");
		explain_number(text, r->bound, 6);
		strbuf_addf(text, " %s for persona '%s'", goal_noun(r->kind),
			    pe->id);
		return BIND_PERSONA_GOAL;
	case XROW_CAMPAIGN_APPS:
	case XROW_CAMPAIGN_HIRES:
		strbuf_addf(name, "campaign goal %s", goal_noun(r->kind));
		strbuf_addstr(text, "the campaign goal of ");
		explain_number(text, r->bound, 6);
		strbuf_addf(text, " %s", goal_noun(r->kind));
		return BIND_CAMPAIGN_GOAL;
	case XROW_MIN_DAILY:
		if (ch->shared_ad_set) {
			strbuf_addf(name, "channel %s min daily", ch->id);
			strbuf_addstr(text, "the platform minimum of ");
			explain_money(text, c,
				      money_to_major(ch->min_daily, c->digits));
			strbuf_addf(text,
				    " a day on %s's one ad set for all its "
				    "personas",
				    ch->id);
			return BIND_MIN_DAILY;
		}
		strbuf_addf(name, "cell %s %s min daily", pe->id, ch->id);
		strbuf_addstr(text, "the platform minimum of ");
		explain_money(text, c,
			      money_to_major(ch->min_daily, c->digits));
		strbuf_addf(text, " a day on %s for persona '%s'", ch->id,
			    pe->id);
		return BIND_MIN_DAILY;
	}
	return BIND_BUDGET;
}

void explain_binding(const struct campaign *c, enum objective obj,
		     const struct explain_row *r, struct plan_binding *out)
{
	struct strbuf name = STRBUF_INIT, text = STRBUF_INIT;
	double d = fabs(r->dual);

	out->kind = describe_row(&name, &text, c, r);
	if (r->kind == XROW_BUDGET) {
		strbuf_addstr(&text, " binds: one more ");
		explain_money(&text, c, EXPLAIN_PER);
		strbuf_addstr(&text, obj == OBJ_MIN_COST ? " of budget saves "
							 : " buys about ");
		explain_amount(&text, c, obj, d * EXPLAIN_PER);
	} else if (!isnan(r->cost) && r->cost > 1e-9) {
		strbuf_addstr(&text, " binds: it costs about ");
		explain_amount(&text, c, obj, r->cost);
	} else if (r->kind == XROW_PERSONA_APPS ||
		   r->kind == XROW_PERSONA_HIRES ||
		   r->kind == XROW_CAMPAIGN_APPS ||
		   r->kind == XROW_CAMPAIGN_HIRES) {
		strbuf_addstr(&text, " binds: each unit more costs about ");
		explain_amount(&text, c, obj, d);
	} else {
		strbuf_addstr(&text, " binds: each ");
		explain_money(&text, c, EXPLAIN_PER);
		strbuf_addstr(&text, " of room is worth about ");
		explain_amount(&text, c, obj, d * EXPLAIN_PER);
	}
	out->name = strbuf_detach(&name);
	out->text = strbuf_detach(&text);
	out->dual = r->dual;
	out->cost = r->cost;
}

void explain_frequency_cap(const struct campaign *c, enum objective obj,
			   size_t persona, size_t channel, double reached,
			   double reachable, double reduced_cost,
			   struct plan_binding *out)
{
	struct strbuf name = STRBUF_INIT, text = STRBUF_INIT;
	const struct channel *ch = &c->channels[channel];
	const struct persona *pe = &c->personas[persona];

	strbuf_addf(&name, "cell %s %s frequency cap", pe->id, ch->id);
	if (ch->pricing == PRICING_PER_HIRE)
		strbuf_addf(&text,
			    "persona '%s' on %s has given every hire its "
			    "network can: a bigger network would be worth "
			    "about ",
			    pe->id, ch->id);
	else {
		strbuf_addf(&text,
			    "persona '%s' on %s is at its frequency cap of ",
			    pe->id, ch->id);
		explain_number(&text, ch->frequency_cap, 6);
		strbuf_addf(&text,
			    " (%.0f of %.0f reachable people reached): a "
			    "higher cap would be worth about ",
			    reached, reachable);
	}
	explain_amount(&text, c, obj, fabs(reduced_cost) * EXPLAIN_PER);
	strbuf_addstr(&text, " per ");
	explain_money(&text, c, EXPLAIN_PER);
	out->kind = BIND_FREQUENCY_CAP;
	out->name = strbuf_detach(&name);
	out->text = strbuf_detach(&text);
	out->dual = reduced_cost;
	out->cost = NAN;
}

void explain_min_daily_out(struct strvec *notes, const struct campaign *c,
			   size_t persona, size_t channel, double absorbs,
			   double budget)
{
	const struct channel *ch = &c->channels[channel];
	struct strbuf daily = STRBUF_INIT, limit = STRBUF_INIT;

	explain_money(&daily, c, money_to_major(ch->min_daily, c->digits));
	if (absorbs >= 0) {
		explain_money(&limit, c, absorbs);
		strvec_addf(notes,
			    "%s on %s is left out: the platform minimum of %s "
			    "a day for %d days is more than the %s its "
			    "audience absorbs at the frequency cap",
			    c->personas[persona].id, ch->id, daily.buf,
			    ch->days, limit.buf);
	} else {
		explain_money(&limit, c, budget);
		strvec_addf(notes,
			    "%s on %s is left out: the platform minimum of %s "
			    "a day for %d days is more than the budget of %s",
			    c->personas[persona].id, ch->id, daily.buf,
			    ch->days, limit.buf);
	}
	strbuf_release(&daily);
	strbuf_release(&limit);
}

void explain_shared_buy(struct strvec *notes, const struct campaign *c,
			size_t channel, int64_t fee, const size_t *persona,
			const int64_t *part, size_t n)
{
	const struct channel *ch = &c->channels[channel];
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s is one buy of ", ch->id);
	explain_money(&sb, c, money_to_major(fee, c->digits));
	strbuf_addstr(&sb, " shared by ");
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			strbuf_addstr(&sb, i + 1 == n ? " and " : ", ");
		strbuf_addf(&sb, "%s (", c->personas[persona[i]].id);
		explain_money(&sb, c, money_to_major(part[i], c->digits));
		strbuf_addch(&sb, ')');
	}
	strvec_addf(notes, "%s", sb.buf);
	strbuf_release(&sb);
}

/* the unspent money of a plan that left cells out above their ceiling */
static void unspent_left_out(struct strvec *notes, const char *left,
			     const struct explain_spend *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t other = s->n_cells - s->left_out;

	strbuf_addf(&sb,
		    "%s of the budget is left unspent: %zu of %zu usable "
		    "cells are left out above their ceiling",
		    left, s->left_out, s->n_cells);
	if (other)
		strbuf_addf(&sb,
			    ", %zu of the other %zu are at their "
			    "frequency cap",
			    s->at_cap, other);
	if (s->at_cap < other)
		strbuf_addstr(&sb, " and the rest are held back by channel "
				   "or persona limits");
	strvec_addf(notes, "%s", sb.buf);
	strbuf_release(&sb);
}

void explain_min_daily_shared_out(struct strvec *notes,
				  const struct campaign *c, size_t channel,
				  double absorbs, double budget)
{
	const struct channel *ch = &c->channels[channel];
	struct strbuf daily = STRBUF_INIT, limit = STRBUF_INIT;

	explain_money(&daily, c, money_to_major(ch->min_daily, c->digits));
	explain_money(&limit, c, absorbs >= 0 ? absorbs : budget);
	strvec_addf(notes,
		    "%s is left out: the platform minimum of %s a day for "
		    "%d days on its one ad set is more than %s%s",
		    ch->id, daily.buf, ch->days,
		    absorbs >= 0 ? "the personas together absorb at the "
				   "frequency cap, "
				 : "the budget of ",
		    limit.buf);
	strbuf_release(&daily);
	strbuf_release(&limit);
}

void explain_unspent(struct strvec *notes, const struct campaign *c,
		     enum objective obj, const struct explain_spend *s)
{
	struct strbuf left = STRBUF_INIT;

	if (obj == OBJ_MIN_COST || s->left < 1)
		return;
	explain_money(&left, c, s->left);
	if (s->more && s->more->has_buy && s->more->buy_over_budget) {
		struct strbuf why = STRBUF_INIT;

		more_clause(&why, c, obj, s->more);
		if (s->at_cap == s->n_cells)
			strvec_addf(notes,
				    "%s of the budget is left unspent: every "
				    "audience in the plan is at its frequency "
				    "cap, and more money could only buy %s",
				    left.buf, why.buf);
		else
			strvec_addf(notes,
				    "%s of the budget is left unspent: %zu of "
				    "%zu usable cells are at their frequency "
				    "cap, the rest are held back by channel or "
				    "persona limits, and more money could only "
				    "add %s",
				    left.buf, s->at_cap, s->n_cells, why.buf);
		strbuf_release(&why);
	} else if (s->is_mip && s->more && s->more->extra != MONEY_NONE &&
		   s->more->improves) {
		struct strbuf why = STRBUF_INIT;

		more_clause(&why, c, obj, s->more);
		strvec_addf(notes, "%s of the budget is left unspent: %s",
			    left.buf, why.buf);
		strbuf_release(&why);
	} else if (s->is_mip && (!s->more || s->more->extra == MONEY_NONE))
		strvec_addf(notes,
			    "%s of the budget is left unspent: %zu of %zu "
			    "usable cells are at their frequency cap; for the "
			    "rest, limits or a flat fee or platform minimum "
			    "that does not fit hold it back (a bigger budget "
			    "was not tried on a model this large)",
			    left.buf, s->at_cap, s->n_cells);
	else if (obj == OBJ_VALUE && fabs(s->marginal) < 1e-9)
		strvec_addf(notes,
			    "%s of the budget is left unspent: beyond this "
			    "plan each further hire would cost more than it "
			    "is worth",
			    left.buf);
	else if (s->left_out)
		unspent_left_out(notes, left.buf, s);
	else if (s->at_cap == s->n_cells)
		strvec_addf(notes,
			    "%s of the budget is left unspent: every "
			    "reachable audience is at its frequency cap, so "
			    "more money would buy nothing",
			    left.buf);
	else
		strvec_addf(notes,
			    "%s of the budget is left unspent: %zu of %zu "
			    "usable cells are at their frequency cap and the "
			    "rest are held back by channel or persona limits",
			    left.buf, s->at_cap, s->n_cells);
	strbuf_release(&left);
}

/* "<before><money x><middle><money y><after>" as one reason */
static void two_amounts(struct strvec *reasons, const struct campaign *c,
			const char *before, double x, const char *middle,
			double y, const char *after)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, before);
	explain_money(&sb, c, x);
	strbuf_addstr(&sb, middle);
	explain_money(&sb, c, y);
	strbuf_addstr(&sb, after);
	strvec_addf(reasons, "%s", sb.buf);
	strbuf_release(&sb);
}

void explain_floor_above_cap(struct strvec *reasons, const struct campaign *c,
			     size_t channel, double lb, double ub)
{
	struct strbuf head = STRBUF_INIT;

	strbuf_addf(&head, "channel '%s' must get at least ",
		    c->channels[channel].id);
	two_amounts(reasons, c, head.buf, lb, " but may get at most ", ub,
		    " (its max_share or max_spend)");
	strbuf_release(&head);
}

void explain_floors_above_budget(struct strvec *reasons,
				 const struct campaign *c, double floors,
				 double budget)
{
	two_amounts(reasons, c, "the channel floors add up to ", floors,
		    ", more than the budget of ", budget, "");
}

void explain_goal_ceiling(struct strvec *reasons, const struct persona *pe,
			  double goal_apps, double goal_hires, double apps,
			  double hires)
{
	struct strbuf ga = STRBUF_INIT, gh = STRBUF_INIT;

	explain_number(&ga, goal_apps, 6);
	explain_number(&gh, goal_hires, 6);
	if (pe && goal_apps > apps + 1e-9)
		strvec_addf(reasons,
			    "persona '%s' cannot reach its goal of %s "
			    "applications at any budget: its channels "
			    "saturate at %.1f (reachable audience and "
			    "frequency caps)",
			    pe->id, ga.buf, apps);
	if (pe && goal_hires > hires + 1e-9)
		strvec_addf(reasons,
			    "persona '%s' cannot reach its goal of %s hires at "
			    "any budget: its channels saturate at %.2f hires",
			    pe->id, gh.buf, hires);
	if (!pe && goal_apps > apps + 1e-9)
		strvec_addf(reasons,
			    "the campaign goal of %s applications cannot be "
			    "met at any budget: all channels together "
			    "saturate at %.1f",
			    ga.buf, apps);
	if (!pe && goal_hires > hires + 1e-9)
		strvec_addf(reasons,
			    "the campaign goal of %s hires cannot be met at "
			    "any budget: all channels together saturate at "
			    "%.2f",
			    gh.buf, hires);
	strbuf_release(&ga);
	strbuf_release(&gh);
}

void explain_least_budget(struct strvec *reasons, const struct campaign *c,
			  double need, double budget)
{
	if (need < 0)
		strvec_addf(reasons,
			    "the goals cannot be met together at any budget "
			    "within the channel and persona limits "
			    "(max_spend, max_share, budget caps)");
	else
		two_amounts(reasons, c, "meeting every goal needs at least ",
			    need, "; the budget is ", budget, "");
}

size_t explain_goal_count(const struct campaign *c)
{
	size_t n = (c->goal_applications > 0) + (c->goal_hires > 0);

	for (size_t i = 0; i < c->n_personas; i++)
		n += (c->personas[i].goal_applications > 0) +
		     (c->personas[i].goal_hires > 0);
	return n;
}

void explain_goal_at(const struct campaign *c, const struct plan *b, size_t i,
		     struct explain_goal *g)
{
	for (size_t k = 0; k <= c->n_personas; k++) {
		const struct persona *pe =
			k < c->n_personas ? &c->personas[k] : NULL;
		const struct plan_total *t =
			pe ? &b->persona_totals[k] : &b->total;
		double apps = pe ? pe->goal_applications : c->goal_applications;
		double hires = pe ? pe->goal_hires : c->goal_hires;

		g->persona = pe ? k : SIZE_MAX;
		if (apps > 0 && i-- == 0) {
			g->hires = false;
			g->target = apps;
			g->expected = t->applications;
			return;
		}
		if (hires > 0 && i-- == 0) {
			g->hires = true;
			g->target = hires;
			g->expected = t->hires;
			return;
		}
	}
	g->persona = SIZE_MAX;
	g->hires = false;
	g->target = g->expected = 0;
}

/* a share as a whole per cent, rounded down so it never reads as met */
static void per_cent(struct strbuf *sb, double share)
{
	double v = floor(100 * share + 1e-9);

	strbuf_addf(sb, "%.0f %%", v > 100 ? 100 : v);
}

void explain_best_effort(struct strbuf *sb, const struct campaign *c,
			 const struct plan *b, double fraction)
{
	size_t n = explain_goal_count(c);

	strbuf_addstr(sb, "Best at ");
	explain_money(sb, c, money_to_major(b->budget, c->digits));
	strbuf_addstr(sb, ": ");
	for (size_t i = 0; i < n; i++) {
		struct explain_goal g;

		explain_goal_at(c, b, i, &g);
		if (i)
			strbuf_addstr(sb, ", ");
		explain_number(sb, g.expected, 3);
		strbuf_addstr(sb, " of ");
		explain_number(sb, g.target, 6);
		strbuf_addstr(sb, g.hires ? " hires" : " applications");
		if (g.persona != SIZE_MAX)
			strbuf_addf(sb, " for persona '%s'",
				    c->personas[g.persona].id);
		strbuf_addstr(sb, " (");
		per_cent(sb, g.expected / g.target);
		strbuf_addch(sb, ')');
	}
	if (n > 1) {
		strbuf_addstr(sb, "; every goal reached to at least ");
		per_cent(sb, fraction);
	}
	strbuf_addstr(sb, ", spending ");
	explain_money(sb, c, money_to_major(b->total.spend, c->digits));
	strbuf_addch(sb, '.');
}

void explain_frontier_step(struct strbuf *sb, const struct campaign *c,
			   size_t persona, size_t channel, bool flat, bool on)
{
	const char *ch = c->channels[channel].id;
	const char *pe = persona == SIZE_MAX ? "" : c->personas[persona].id;

	if (flat)
		strbuf_addf(sb, on ? "%s bought" : "%s no longer bought", ch);
	else if (persona == SIZE_MAX)
		strbuf_addf(sb,
			    on ? "%s opens at its platform minimum (one ad set "
				 "for its personas)"
			       : "%s closes (its platform minimum no longer "
				 "pays)",
			    ch);
	else
		strbuf_addf(sb,
			    on ? "%s for persona '%s' opens at its platform "
				 "minimum"
			       : "%s for persona '%s' closes (its platform "
				 "minimum no longer pays)",
			    ch, pe);
}

void explain_best_effort_none(struct strvec *reasons, const struct campaign *c)
{
	(void)c;
	strvec_addf(reasons,
		    "no best-effort plan either: even with every goal "
		    "dropped, the channel floors (min_spend) do not fit the "
		    "budget and the channel and persona limits");
}

void explain_certificate(struct strbuf *sb, const struct campaign *c,
			 const struct plan *p)
{
	double gap = fabs(p->bound_other - p->bound_exact);

	strbuf_addstr(sb, "Exact optimum: ");
	if (p->refinements > 0) {
		strbuf_addf(sb,
			    "%d round%s put %d breakpoint%s where the "
			    "plan spends; ",
			    p->refinements, p->refinements == 1 ? "" : "s",
			    p->breakpoints_added,
			    p->breakpoints_added == 1 ? "" : "s");
	}
	strbuf_addstr(sb, "no plan can beat this one by more than ");
	explain_amount(sb, c, p->objective, gap);
	strbuf_addstr(sb, " (");
	explain_number(
		sb,
		100 * gap /
			(fabs(p->bound_exact) > 1 ? fabs(p->bound_exact) : 1),
		3);
	strbuf_addstr(sb, p->is_mip ? " %), for these buy decisions"
				    : " %) on the exact curves");
}
