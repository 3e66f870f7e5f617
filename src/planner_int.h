/*
 * planner_int.h - what the planner's files share: the model (cells,
 * rows, the LP) that model.c builds, planner.c solves, plan.c turns
 * into a plan, besteffort.c re-solves for a plan short of its goals,
 * efficient.c for where extra money stops paying, and frontier.c along
 * the budget. Private to model.c, plan.c, analysis.c, besteffort.c,
 * efficient.c, frontier.c and planner.c; the rest of jobmix sees
 * planner.h only.
 */
#ifndef PLANNER_INT_H
#define PLANNER_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "campaign.h"
#include "lp.h"
#include "planner.h"
#include "response.h"
#include "strbuf.h"

enum cell_kind { CELL_CURVE, CELL_SEMI, CELL_FLAT, CELL_LINEAR };

/* a usable persona x channel and its columns */
struct mcell {
	size_t persona, channel;
	size_t pc; /* the persona's channel entry: cells run in (persona, pc)
		      order */
	struct response r;
	enum cell_kind kind;
	double x_max; /* modelled spend range */
	double lower; /* semi-continuous floor */
	bool cap_is_freq;
	int nseg;           /* segments of the curve, in order */
	int *col;           /* owned; nseg columns, one per segment */
	double *bp;         /* owned; nseg + 1 breakpoints, major units */
	int alloc;          /* room in col, bp, slope and width */
	int zcol;           /* binary column, or 0 */
	int row_hi, row_lo; /* semi-continuous linking rows */
	/*
	 * Cells that share one binary (a flat channel's one buy, a shared
	 * ad set's one minimum) form a group led by its first cell: lead
	 * is that cell's index (a cell alone leads itself). The lead holds
	 * z_max, the group's spend range in its linking row.
	 */
	size_t lead;
	bool shared; /* a lead whose binary stands for other cells too */
	double z_max;
	double fee_part;  /* flat: this persona's part of the fee, major */
	double chord_err; /* in reach */
	double *slope;    /* owned; nseg slopes, reach per major unit */
	double *width;
	/* owned; nseg widths, major units */ /* owned; nseg segment
						 widths */
	bool left_out; /* held at 0: above its ceiling (efficient.c) */
	/* owned; nseg chords of log g (response_log_miss) per major unit,
	 * with unique reach only */
	double *lslope;
};

/*
 * A persona's unique reach, modelled for the reach and blend objectives
 * only. Its depth d = -sum over its cells of log g is at least the sum
 * of the chords of log g over the cells' segments (one row:
 * sum lslope x + sum e <= 0), and N (1 - exp(-d)), a reach curve of
 * R = N and k = 1 in d, becomes segment columns e in d as a cell's
 * curve does in spend. Chords: an inner approximation.
 */
struct mpersona {
	struct response r; /* N (1 - exp(-d)) */
	int row;           /* 0: not modelled (no cell reaches it) */
	int nseg, alloc;
	int *col;           /* owned; nseg columns e, in depth */
	double *bp, *slope; /* owned; nseg + 1 breakpoints, nseg slopes */
	double *width;      /* owned; nseg widths */
	double chord_err;   /* in people */
	double d_max;       /* the depth of every cell at its top spend */
};

enum row_kind {
	ROW_BUDGET,
	ROW_CHANNEL,
	ROW_PERSONA_CAP,
	ROW_PERSONA_APPS,
	ROW_PERSONA_HIRES,
	ROW_CAMPAIGN_APPS,
	ROW_CAMPAIGN_HIRES,
	ROW_SEMI_HI,
	ROW_SEMI_LO,
	ROW_UNIQUE, /* a persona's depth (unique reach) */
};

struct mrow {
	enum row_kind kind;
	size_t index;  /* persona, channel or cell */
	double lb, ub; /* as set for the main solve; infinities open */
};

struct model {
	const struct campaign *c;
	const struct plan_options *o;
	enum objective objective;
	enum objective objective_now; /* the one the LP holds (blend's norms) */
	struct lp *lp;                /* owned */
	struct lp_params prm;
	struct mcell *cells; /* owned */
	size_t n_cells;
	struct mrow *rows; /* owned; rows[i - 1] describes row i */
	int n_rows, n_cols;
	double budget; /* major units */
	double bmax;   /* spend range the segments cover */
	double scale;  /* 10^digits */
	double unit;   /* major units per money unit of the LP */
	/* content paid per month, major units: off the top of every
	 * budget (planner.c passes budget less it) */
	double committed;
	int row_budget;
	int *row_channel; /* owned; per channel, 0: none */
	int *row_pcap, *row_papps, *row_phires; /* owned; per persona */
	int row_capps, row_chires;
	/* owned; per persona, with the reach and blend objectives only */
	struct mpersona *up;
	bool no_share; /* ignore max_share (the least-budget probe) */
	double norm_apps, norm_reach; /* blend divisors */
	/* owned or NULL; per persona, results per major unit that spend
	 * must buy: subtracted from each cell's money weight */
	double *price;
	size_t nnz;
	/* refinement: the exact objective at the solution, the other bound */
	double exact, bound;
	int refinements, splits;
	struct strvec notes;
};

/* model.c */
/* does cell x count against the budget row? (referral payouts may not) */
bool model_cell_in_budget(const struct model *m, const struct mcell *x);
int model_make(struct model *m, const struct campaign *c,
	       const struct plan_options *o, enum objective obj, double budget,
	       double bmax, bool no_share);
void model_free(struct model *m);
void model_set_objective(struct model *m, enum objective obj);
/* row i's bounds, value and dual in the campaign's major units */
void model_set_row_bounds(struct model *m, int i, double lb, double ub);
double model_row_value(const struct model *m, int i);
double model_row_dual(const struct model *m, int i);
double model_money_unit(double budget, double scale);
void model_channel_bounds(const struct model *m, size_t ch, double b,
			  double *lb, double *ub);
void cell_weights(const struct model *m, const struct mcell *x,
		  enum objective obj, double *w_reach, double *w_money);
/* the weight of a person reached once (unique reach) in obj */
double persona_weight(const struct model *m, enum objective obj);
double cell_spend_lp(const struct model *m, const struct mcell *x);
/* each persona's unique reach at the cells' spends (major units) */
void model_unique_reach(const struct model *m, const double *spend,
			double *reach);
/* each persona's depth: minus the sum of its cells' log g */
void model_depths(const struct model *m, const double *spend, double *depth);
/*
 * Persona members cell x reaches, and all its figures, at spend s major
 * units: a flat cell reaches its readers whenever its part of the fee
 * is paid.
 */
double cell_reach(const struct mcell *x, double s);
void cell_eval(const struct mcell *x, double s, struct response_point *pt);
/* does cell j lead its group (own its binary, if any)? */
bool cell_leads(const struct model *m, size_t j);
/* does lead cell j's binary stand for other cells (one buy, one ad set)? */
bool cell_shares_binary(const struct model *m, size_t j);
enum lp_result model_solve(struct model *m, bool *hit_limit);
/* move the budget row and the budget-dependent channel rows to bud */
void model_set_budget(struct model *m, double bud);
/* split the segment of x that holds spend s (major units) there */
bool model_split(struct model *m, struct mcell *x, double s);
/* the same for persona p's unique-reach curve at depth d */
bool model_split_depth(struct model *m, size_t p, double d);
int model_write(struct model *m);

/* rounding.c: minor units within every limit, goals still met */
void round_spends(const struct model *m, const double *raw, int64_t *out);

/* refine.c: breakpoints where the optimum lies, and its bounds */
void refine(struct model *m, bool fixed);

/* plan.c */
void plan_extract(struct model *m, struct plan *p);

/* analysis.c: the figures behind the sentences, from the solved model */
void planner_explain(struct model *m, struct plan *p);
void planner_explain_infeasible(struct model *m, struct plan *p);
/*
 * The chords lie under the curves, so an LP without a solution may
 * still have one on the exact curves: when the exact least budget fits,
 * break the curves where it spends and solve again. True if solved.
 */
bool planner_exact_rescue(struct model *m);

/*
 * besteffort.c: for an infeasible plan p, the best plan at its budget
 * in p->best_effort, or a reason in p->reasons why there is none
 */
void planner_best_effort(const struct model *m, struct plan *p);

/*
 * efficient.c: each persona's ceiling per result; the cells above it
 * left out of a plan whose budget is slack (before plan_extract), and
 * the efficient budget (after it). Both re-solve.
 */
double persona_ceiling(const struct campaign *c, size_t persona,
		       enum ceiling_kind k);
enum ceiling_kind efficient_kind(const struct model *m);
void efficient_leave_out(struct model *m, struct plan *p);
void efficient_budget(struct model *m, struct plan *p);

/* frontier.c */
void frontier_run(struct model *m, struct plan *p);

#endif
