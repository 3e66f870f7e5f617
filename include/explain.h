/*
 * explain - the planner's sentences, built from figures and never from
 * the solver: the marginal value of budget, the binding constraints
 * with their prices, where money is left unspent, and why goals cannot
 * be met. The planner gathers the figures (duals, prices, ceilings)
 * and hands them over in the structs below; everything here appends
 * to the caller's strbuf or strvec, so it is tested without solving
 * anything. Money arguments of type double are major units of the
 * campaign currency.
 */
#ifndef EXPLAIN_H
#define EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "campaign.h"
#include "planner.h"

struct strbuf;
struct strvec;

/* marginals and room are quoted per this many major units */
#define EXPLAIN_PER 1000.0

/* "1 500.00 SEK" for v major units, appended */
void explain_money(struct strbuf *sb, const struct campaign *c, double v);

/*
 * v with sig significant digits and never an exponent, as "%.*g" would
 * write it between 0.0001 and 1000: "0.0723", "2.5", "0.0000255";
 * from 999.5 on a grouped whole number, "12 346"
 */
void explain_number(struct strbuf *sb, double v, int sig);

/*
 * v in the unit of objective obj: "3.1 applications", "12 500.00 SEK"
 * (value, min-cost), "0.0099 blend points"
 */
void explain_amount(struct strbuf *sb, const struct campaign *c,
		    enum objective obj, double v);

/*
 * "one more 1 000.00 SEK buys about 2.3 applications", or why not; for
 * a MIP whose budget does not bind, what its re-solve with more budget
 * (p->more) showed: "the next buy, paper for persona 'welders' at
 * 3 000.00 SEK, does not fit; with 1 200.00 SEK more the plan would
 * reach 7.4 applications"
 */
void explain_marginal(struct strbuf *sb, const struct campaign *c,
		      const struct plan *p);

/*
 * Where extra money stops paying (p->efficient), two sentences:
 * "Extra money stops paying above 41 200.00 SEK: beyond it an
 * application costs more than 450.00 SEK (max_cost_per_application).
 * At 41 200.00 SEK the plan buys ..." Nothing when it is not known.
 */
void explain_efficient(struct strbuf *sb, const struct campaign *c,
		       const struct plan *p);

/* a constraint of the model, as the planner found it at the optimum */
enum explain_row_kind {
	XROW_BUDGET,
	XROW_CHANNEL_FLOOR,   /* min_spend */
	XROW_CHANNEL_SHARE,   /* max_share of the budget */
	XROW_CHANNEL_CEILING, /* max_spend */
	XROW_PERSONA_CAP,
	XROW_PERSONA_APPS,
	XROW_PERSONA_HIRES,
	XROW_CAMPAIGN_APPS,
	XROW_CAMPAIGN_HIRES,
	XROW_MIN_DAILY,
};

struct explain_row {
	enum explain_row_kind kind;
	size_t persona, channel; /* where they apply */
	double bound;            /* money (major units) or a goal count */
	double dual;             /* objective per unit of the bound */
	double cost; /* objective lost to it when re-solved; NAN: not */
};

/*
 * The binding constraint r as a plan_binding: its kind, its name
 * ("channel meta_feed max share") and its sentence with the price.
 * name and text are owned by the result.
 */
void explain_binding(const struct campaign *c, enum objective obj,
		     const struct explain_row *r, struct plan_binding *out);

/* a cell at its frequency cap (or a referral network at its ceiling) */
void explain_frequency_cap(const struct campaign *c, enum objective obj,
			   size_t persona, size_t channel, double reached,
			   double reachable, double reduced_cost,
			   struct plan_binding *out);

/* why a cell with a platform minimum is left out of the model */
void explain_min_daily_out(struct strvec *notes, const struct campaign *c,
			   size_t persona, size_t channel, double absorbs,
			   double budget);

/*
 * "paper is one buy of 15 000.00 SEK shared by electricians
 * (9 000.00 SEK) and apprentices (6 000.00 SEK)": flat channel ch's fee
 * and its n personas' parts, minor units.
 */
void explain_shared_buy(struct strvec *notes, const struct campaign *c,
			size_t channel, int64_t fee, const size_t *persona,
			const int64_t *part, size_t n);

/* why a channel's shared ad set (its minimum) is left out of the model */
void explain_min_daily_shared_out(struct strvec *notes,
				  const struct campaign *c, size_t channel,
				  double absorbs, double budget);

/* where the unspent money went, or why it did not */
struct explain_spend {
	double left;     /* unspent budget */
	size_t at_cap;   /* usable cells at their frequency cap */
	size_t n_cells;  /* usable cells */
	double marginal; /* the budget's dual */
	bool is_mip;
	/* a MIP's re-solve with more budget; NULL or extra MONEY_NONE:
	 * none, and a MIP then claims nothing it did not check */
	const struct plan_more *more;
	size_t left_out; /* of the cells, left out above their ceiling */
};
void explain_unspent(struct strvec *notes, const struct campaign *c,
		     enum objective obj, const struct explain_spend *s);

/* why no plan meets the goals */
void explain_floor_above_cap(struct strvec *reasons, const struct campaign *c,
			     size_t channel, double lb, double ub);
void explain_floors_above_budget(struct strvec *reasons,
				 const struct campaign *c, double floors,
				 double budget);
/* a persona (or the campaign when persona is NULL) whose goal is above
 * what its channels give at any budget; apps and hires the ceilings */
void explain_goal_ceiling(struct strvec *reasons, const struct persona *pe,
			  double goal_apps, double goal_hires, double apps,
			  double hires);
/* need < 0: the goals cannot be met together at any budget */
void explain_least_budget(struct strvec *reasons, const struct campaign *c,
			  double need, double budget);

/*
 * The goals of the campaign in order (each persona's applications and
 * hires, then the campaign's) and what plan b expects of each: goal i
 * of explain_goal_count(); persona is SIZE_MAX for a campaign goal.
 */
struct explain_goal {
	size_t persona;
	bool hires;
	double target, expected;
};
size_t explain_goal_count(const struct campaign *c);
void explain_goal_at(const struct campaign *c, const struct plan *b, size_t i,
		     struct explain_goal *g);
/*
 * "Best at 20 000.00 SEK: 3.12 of 4 hires (78 %), 41.2 of 50
 * applications for persona 'welders' (82 %); every goal reached to at
 * least 78 %." for best plan b and its common fraction
 */
void explain_best_effort(struct strbuf *sb, const struct campaign *c,
			 const struct plan *b, double fraction);
/*
 * a frontier step: a flat channel's one buy (flat) or a platform minimum
 * that enters (on) or leaves the plan between two budgets: "paper
 * bought"; persona SIZE_MAX for a minimum on an ad set of several
 * personas
 */
void explain_frontier_step(struct strbuf *sb, const struct campaign *c,
			   size_t persona, size_t channel, bool flat, bool on);
/* why there is no best-effort plan: the floors alone do not fit */
void explain_best_effort_none(struct strvec *reasons, const struct campaign *c);

/*
 * "Exact optimum: 5 rounds put 77 breakpoints where the plan spends;
 * no plan can beat this one by more than 0.0000009 applications ..."
 */
void explain_certificate(struct strbuf *sb, const struct campaign *c,
			 const struct plan *p);

#endif
