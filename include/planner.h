/*
 * planner - the best spend per persona x channel: the response curves
 * of response.h as piecewise-linear segments in a linear program (a MIP
 * when flat fees or platform minimums need binaries), solved by GLPK.
 *
 * planner_run() fills a struct plan the caller releases with
 * plan_release(). It returns PLANNER_OK when it produced a plan,
 * including an infeasible one (plan.status says so, plan.reasons says
 * why), and another enum planner_error after errorf() otherwise;
 * planner_exit_status() maps that to the process exit status. GLPK
 * never leaves lp.c; money in the plan is integer minor units, rounded
 * once from the solver's doubles.
 */
#ifndef PLANNER_H
#define PLANNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "campaign.h"

enum planner_error {
	PLANNER_OK,
	PLANNER_NOTHING,       /* no persona reachable on a usable channel */
	PLANNER_BAD_INPUT,     /* the options do not fit the campaign */
	PLANNER_TIME_LIMIT,    /* the time limit passed before any plan */
	PLANNER_SOLVER_FAILED, /* GLPK failed */
	PLANNER_EXPORT_FAILED, /* --write-lp or --write-mps failed */
};

/* the exit status (enum jm_status) for a planner_run() result */
int planner_exit_status(enum planner_error e);

/* defaults of struct plan_options, also the config's */
#define PLAN_DEFAULT_SEGMENTS            8
#define PLAN_DEFAULT_MIP_GAP             1e-4
#define PLAN_DEFAULT_EXPLAIN_MAX_COLUMNS 20000
#define PLAN_DEFAULT_REFINE_MAX_COLUMNS  50000

enum plan_status {
	PLAN_OPTIMAL,    /* proven optimal (within mip_gap for a MIP) */
	PLAN_FEASIBLE,   /* a time limit stopped the MIP with a solution */
	PLAN_INFEASIBLE, /* the goals or floors cannot be met */
};

struct plan_options {
	enum objective objective;
	double short_term_weight; /* blend */
	int segments;             /* per cell, 2..64 */
	int64_t budget;           /* minor units; the campaign's if < 0 */
	double mip_gap;
	int time_limit_s; /* 0: none */
	const char *write_lp, *write_mps;
	int64_t frontier_from, frontier_to, frontier_step; /* step 0: off */
	/* price binding constraints by re-solving up to this many columns */
	size_t explain_max_columns;
	/* refine to the exact optimum up to this many columns; above, the
	 * plan still states the gap its bounds leave */
	size_t refine_max_columns;
};

void plan_options_init(struct plan_options *o, const struct campaign *c);

/*
 * One funnel base (docs/inputs.md 4.4): paid_clicks are every click on
 * every impression bought, what a CPC channel bills; clicks are the
 * persona's clickers (q x reach), the base of applications, which are
 * the qualified ones; off_target_applications come from the paid clicks
 * outside the persona.
 */
struct plan_cell {
	size_t persona, channel;
	/* minor units; daily: MONEY_NONE for a per-hire cell, else spend /
	 * days rounded down but at least 1 */
	int64_t spend, daily;
	double impressions, reach, clicks, applications, hires;
	double paid_clicks, off_target_applications;
	int64_t content_cost;    /* of spend: content paid per send */
	int64_t screening_cost;  /* every application screened */
	int64_t expected_payout; /* per hire: spend, the expected bonuses */
	int64_t cost_per_application, cost_per_hire; /* MONEY_NONE: n/a */
	bool at_frequency_cap;
	double frequency; /* average impressions per reachable member */
};

/*
 * Totals over a set of cells. reach: of a persona or the campaign,
 * people reached, each once however many channels reach them (unique
 * reach); of a channel, its cells' reach added up. reach_sum: the
 * cells' reach added up, so a person reached on two channels counts
 * twice (set for personas and the campaign).
 */
struct plan_total {
	int64_t spend; /* cells' spend, and content paid per month */
	double impressions, reach, clicks, applications, hires;
	double paid_clicks, off_target_applications;
	int64_t content_cost;     /* of spend: per send and per month */
	int64_t screening_cost;   /* not in spend */
	int64_t expected_payouts; /* of spend: per-hire bonuses */
	int64_t total_cost;       /* spend + screening_cost */
	double reach_sum;
	int64_t cost_per_application, cost_per_hire; /* MONEY_NONE: n/a */
	/* value per hire x hires - spend - screening_cost, minor units */
	int64_t value;
};

enum binding_kind {
	BIND_BUDGET,
	BIND_CHANNEL_MAX,   /* max_spend or max_share */
	BIND_CHANNEL_FLOOR, /* min_spend */
	BIND_PERSONA_CAP,
	BIND_PERSONA_GOAL,
	BIND_CAMPAIGN_GOAL,
	BIND_FREQUENCY_CAP,
	BIND_MIN_DAILY,
};

struct plan_binding {
	enum binding_kind kind;
	char *name;  /* owned; e.g. "channel linkedin_sponsored max share" */
	char *text;  /* owned; the constraint and its price in words */
	double dual; /* objective per 1 major unit of the bound */
	double cost; /* objective lost to it; NAN when not priced */
};

/* what a plan's efficient budget counts a result as, and whose ceiling */
enum ceiling_kind {
	CEILING_NONE,           /* no ceiling: no efficient budget */
	CEILING_APPLICATION,    /* max_cost_per_application */
	CEILING_HIRE,           /* max_cost_per_hire */
	CEILING_VALUE_PER_HIRE, /* max_cost_per_hire from value_per_hire */
};

/*
 * Where extra money stops paying: the spend of the plan that buys a
 * result wherever its marginal cost is at most its persona's ceiling,
 * and that plan's figures on the exact curves.
 */
struct plan_efficient {
	enum ceiling_kind kind; /* CEILING_NONE: not computed */
	/* the ceiling quoted: the campaign's, or the largest persona's */
	int64_t ceiling;
	bool per_persona; /* the personas' ceilings differ */
	int64_t budget;   /* minor units; the plan at it spends this */
	struct plan_total total;
	/* at the plan's own budget, money (minor units) per result of the
	 * kind more money buys; MONEY_NONE: not known */
	int64_t marginal_cost;
};

struct frontier_point {
	int64_t budget, spend;
	double objective, applications, hires, reach; /* unique reach */
	double marginal; /* objective per 1000 major units more; NAN at a
			    step */
	bool feasible;
	/*
	 * owned; NULL, or in a MIP, the flat fees and platform minimums
	 * that enter or leave the plan since the last feasible point, in
	 * words: the objective jumps there, so marginal is NAN
	 */
	char *step;
};

/*
 * For a MIP whose budget does not bind or is not all spent: the plan
 * solved again at budget + extra, which the sentences about more budget
 * rest on (a MIP's budget dual prices only the buy decisions it made).
 * extra MONEY_NONE: not solved again.
 */
struct plan_more {
	int64_t extra;    /* minor units */
	double objective; /* the optimum at budget + extra */
	bool improves;    /* better than the plan's by more than 1e-6 */
	/* the smallest flat fee or platform-minimum block not bought and
	 * larger than the money left: has_buy, its cell and cost */
	bool has_buy, buy_is_fee;
	size_t buy_persona, buy_channel;
	int64_t buy_cost; /* minor units */
	/* the buy costs more than the whole budget, so the model left it
	 * out (LP or MIP) and extra is MONEY_NONE */
	bool buy_over_budget;
};

struct plan {
	enum plan_status status;
	enum objective objective;
	const char *objective_unit; /* "applications", "SEK", ... */
	bool is_mip;
	int64_t budget;
	int64_t content_fixed; /* content paid per month, within budget */
	int segments;
	double objective_value;   /* exact curves, rounded spend */
	double objective_lp;      /* the solver's piecewise-linear value */
	double approx_error;      /* objective_value - objective_lp */
	double max_segment_error; /* largest chord gap of a cell, in */
				  /* objective units */
	double marginal;          /* budget dual: objective per major unit */
	double marginal_apps;     /* applications per major unit */
	struct plan_more more;    /* a MIP's re-solve with more budget */
	double short_term_weight; /* blend */
	double blend_apps_norm, blend_reach_norm; /* blend divisors */
	struct plan_total total;
	struct plan_total *persona_totals; /* owned; one per persona */
	struct plan_total *channel_totals; /* owned; one per channel */
	struct plan_cell *cells; /* owned; spend > 0, or a flat buy made */
	size_t n_cells;
	struct plan_binding *bindings; /* owned */
	size_t n_bindings;
	char **notes; /* owned; plain sentences */
	size_t n_notes;
	char **reasons; /* owned; why an infeasible plan is infeasible */
	size_t n_reasons;
	int64_t least_budget; /* meets every goal; MONEY_NONE: unknown */
	/*
	 * owned; for an infeasible plan, the best plan at its budget: every
	 * goal reached to at least best_fraction of it (the most the model
	 * allows), then the objective at its best. NULL when the plan is
	 * feasible or no best effort exists (plan.reasons says why).
	 */
	struct plan *best_effort;
	double best_fraction;
	struct plan_efficient efficient;
	size_t n_left_out; /* cells left out above their ceiling */
	struct frontier_point *frontier; /* owned */
	size_t n_frontier;
	/* owned; spend per channel at each frontier point, minor units:
	 * point i, channel ch at [i * n_channels + ch] */
	int64_t *frontier_spend;
	size_t n_rows, n_cols, n_nonzeros, n_binaries;
	/* the exported model: money in money_unit major units, objective
	 * multiplied by objective_scale */
	double money_unit, objective_scale;
	double export_objective; /* the exported model's optimum, its units */
	/*
	 * The exact optimum lies between bound_exact (the plan's value on
	 * the exact curves, before rounding) and bound_other (from the
	 * duals), after refinements rounds that added breakpoints_added.
	 */
	double bound_exact, bound_other;
	int refinements, breakpoints_added;
	double ms_build, ms_solve, ms_write;
};

enum planner_error planner_run(const struct campaign *c,
			       const struct plan_options *o, struct plan *out);
void plan_release(struct plan *p);

/* "optimal", "feasible", "infeasible" */
const char *plan_status_name(enum plan_status s);
/* "max_cost_per_application", ... as in docs/plan-json.md; NULL: none */
const char *ceiling_kind_name(enum ceiling_kind k);
/* "application" or "hire": what a ceiling of kind k is per */
const char *ceiling_result_name(enum ceiling_kind k);
/* "budget", "channel_max", ... as in docs/plan-json.md */
const char *binding_kind_name(enum binding_kind k);

#endif
