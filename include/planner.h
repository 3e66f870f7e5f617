/*
 * planner - the best spend per persona x channel: the response curves
 * of response.h as piecewise-linear segments in a linear program (a MIP
 * when flat fees or platform minimums need binaries), solved by GLPK.
 *
 * planner_run() fills a struct plan the caller releases with
 * plan_release(). It returns 0 when it produced a plan, including an
 * infeasible one (plan.status says so, plan.reasons says why), and -1
 * after errorf() when the solver failed or an export could not be
 * written. GLPK never leaves planner.c; money in the plan is integer
 * minor units, rounded once from the solver's doubles.
 */
#ifndef PLANNER_H
#define PLANNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "campaign.h"

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
};

void plan_options_init(struct plan_options *o, const struct campaign *c);

struct plan_cell {
	size_t persona, channel;
	int64_t spend, daily; /* minor units */
	double impressions, reach, clicks, applications, hires;
	int64_t cost_per_application, cost_per_hire; /* MONEY_NONE: n/a */
	bool at_frequency_cap;
	double frequency; /* average impressions per reachable member */
};

/* totals over a set of cells */
struct plan_total {
	int64_t spend;
	double impressions, reach, clicks, applications, hires;
	int64_t cost_per_application, cost_per_hire; /* MONEY_NONE: n/a */
	double value; /* value per hire x hires - spend, major units */
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

struct frontier_point {
	int64_t budget, spend;
	double objective, applications, hires, reach;
	double marginal; /* objective per 1000 major units more */
	bool feasible;
};

struct plan {
	enum plan_status status;
	enum objective objective;
	const char *objective_unit; /* "applications", "SEK", ... */
	bool is_mip;
	int64_t budget;
	int segments;
	double objective_value;   /* exact curves, rounded spend */
	double objective_lp;      /* the solver's piecewise-linear value */
	double approx_error;      /* objective_value - objective_lp */
	double max_segment_error; /* largest chord gap of a cell, in */
				  /* objective units */
	double marginal;          /* budget dual: objective per major unit */
	double marginal_apps;     /* applications per major unit */
	double short_term_weight; /* blend */
	double blend_apps_norm, blend_reach_norm; /* blend divisors */
	struct plan_total total;
	struct plan_total *persona_totals; /* owned; one per persona */
	struct plan_total *channel_totals; /* owned; one per channel */
	struct plan_cell *cells;           /* owned; spend > 0 only */
	size_t n_cells;
	struct plan_binding *bindings; /* owned */
	size_t n_bindings;
	char **notes; /* owned; plain sentences */
	size_t n_notes;
	char **reasons; /* owned; why an infeasible plan is infeasible */
	size_t n_reasons;
	int64_t least_budget; /* meets every goal; MONEY_NONE: unknown */
	struct frontier_point *frontier; /* owned */
	size_t n_frontier;
	size_t n_rows, n_cols, n_nonzeros, n_binaries;
	double ms_build, ms_solve, ms_write;
};

int planner_run(const struct campaign *c, const struct plan_options *o,
		struct plan *out);
void plan_release(struct plan *p);

/* the unit an objective is counted in, for messages */
const char *objective_unit(enum objective o, const struct campaign *c);

#endif
