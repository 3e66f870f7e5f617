/*
 * lp - a linear program or MIP and its solver: the one module that
 * knows GLPK. Rows and columns are numbered from 1, as in the model
 * files it writes. Bounds are doubles: -INFINITY or INFINITY leaves a
 * side open, lb == ub fixes the row or column.
 *
 * lp_solve() solves an LP by dual simplex with the long-step ratio
 * test (GLP_RT_FLIP; ../shared/reference/optimizers.md 4.6) from the
 * last basis, so a re-solve after a small change is warm. A MIP (any
 * binary column) is solved by branch and cut on top of that, then its
 * binaries are held at the optimum and the LP solved again, so primal
 * values and duals read the same way for both; lp_free_binaries()
 * undoes the holding. A struct lp owns everything; lp_free() frees it.
 */
#ifndef LP_H
#define LP_H

#include <stdbool.h>
#include <stddef.h>

struct lp; /* opaque */

enum lp_result {
	LP_SOLVED,
	LP_INFEASIBLE, /* no point meets every row and bound */
	LP_TIME_LIMIT, /* stopped at the time limit without a solution */
	LP_FAILED,     /* numerical trouble or an unbounded model */
};

struct lp_params {
	int time_limit_s; /* 0: none */
	double mip_gap;   /* relative gap at which branch and cut stops */
	bool log;         /* the solver's own log on stderr (-vv) */
};

/*
 * Set up the solver library for this process: its terminal output and
 * the allocator (see lp.c); lp_done() releases what the library keeps.
 */
void lp_init(bool log);
void lp_done(void);

struct lp *lp_new(const char *name);
void lp_free(struct lp *lp); /* accepts NULL */

/* add n rows or columns; the number of the first */
int lp_add_rows(struct lp *lp, int n);
int lp_add_cols(struct lp *lp, int n);
int lp_n_rows(const struct lp *lp);
int lp_n_cols(const struct lp *lp);

void lp_set_row_bounds(struct lp *lp, int i, double lb, double ub);
void lp_set_col_bounds(struct lp *lp, int j, double lb, double ub);
/* column j is 0 or 1 (makes the model a MIP) */
void lp_set_binary(struct lp *lp, int j);
bool lp_is_mip(const struct lp *lp);
/* hold column j at 0 (a binary stops being one); lp_restore_col() undoes
 * it with the bounds [0, ub] (ub < 0: a binary again) */
void lp_hold_zero(struct lp *lp, int j);
void lp_restore_col(struct lp *lp, int j, double ub);
size_t lp_n_binaries(const struct lp *lp);
void lp_set_objective(struct lp *lp, bool maximise, const char *name);
void lp_set_obj_coef(struct lp *lp, int j, double c);
/*
 * Multiply the objective by a power of ten that brings its largest
 * coefficient into [1, 10): solvers' tolerances are absolute, and
 * hires per yen (1e-9) would fall below them. The objective value and
 * the duals read back through this module are in the caller's units;
 * an exported model keeps the scaled objective (lp_objective_scale()).
 */
void lp_normalise_objective(struct lp *lp);
double lp_objective_scale(const struct lp *lp);
/* the constraint matrix from n triplets ia[k], ja[k], ar[k], k = 1..n */
void lp_load_matrix(struct lp *lp, size_t n, const int *ia, const int *ja,
		    const double *ar);
/* column j's entries: n rows ind[1..n] with values val[1..n] */
void lp_set_col_entries(struct lp *lp, int j, int n, const int *ind,
			const double *val);
/* equilibrate rows and columns; the solution is read unscaled */
void lp_scale(struct lp *lp);
void lp_set_row_name(struct lp *lp, int i, const char *name);
void lp_set_col_name(struct lp *lp, int j, const char *name);

enum lp_result lp_solve(struct lp *lp, const struct lp_params *prm,
			bool *hit_limit);
/* the LP with the binaries as they stand, no time limit */
enum lp_result lp_resolve_fixed(struct lp *lp, const struct lp_params *prm);
void lp_free_binaries(struct lp *lp);
/* the solver's status code, for a message when it failed */
int lp_status_code(const struct lp *lp);

double lp_obj_value(const struct lp *lp);
double lp_row_value(const struct lp *lp, int i);
double lp_row_dual(const struct lp *lp, int i);
bool lp_row_basic(const struct lp *lp, int i); /* the row has slack */
double lp_col_value(const struct lp *lp, int j);
double lp_col_dual(const struct lp *lp, int j); /* reduced cost */

/*
 * Write the model in CPLEX LP format and/or free MPS (either path may
 * be NULL). Each file is written whole or not at all: through a
 * temporary file and a rename, and a failing second file removes the
 * first. 0, or -1 after errorf().
 */
int lp_write(struct lp *lp, const char *lp_path, const char *mps_path);

#endif
