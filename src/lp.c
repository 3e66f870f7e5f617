/*
 * The LP/MIP behind an opaque handle: GLPK lives here and nowhere
 * else, so the model code reads as the model and the solver could be
 * swapped for another without touching it.
 */
#include "lp.h"

#include <errno.h>
#include <glpk.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "strbuf.h"
#include "usage.h"
#include "wrapper.h"

struct lp {
	glp_prob *P;
	double obj_scale; /* the objective in GLPK = ours x obj_scale */
	int *binaries;    /* column numbers of the binary columns */
	size_t n_binaries, alloc_binaries;
};

static int term_hook(void *info, const char *s)
{
	(void)info;
	fputs(s, stderr);
	return 1;
}

void lp_init(bool log)
{
#ifdef __GLIBC__
	/*
	 * glp_simplex allocates and frees its working arrays on every
	 * call; glibc maps big blocks afresh each time, and a warm-started
	 * solve then costs more in page faults than in pivots. These two
	 * settings keep such blocks on the heap for reuse (a frontier is 20
	 * solves or more). They are process-wide, which is why they sit
	 * here, beside the one library that needs them.
	 */
	mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
#endif
	glp_term_out(log ? GLP_ON : GLP_OFF);
	glp_term_hook(term_hook, NULL);
}

void lp_done(void)
{
	glp_free_env();
}

struct lp *lp_new(const char *name)
{
	struct lp *lp = xcalloc(1, sizeof(*lp));

	lp->P = glp_create_prob();
	lp->obj_scale = 1;
	glp_set_prob_name(lp->P, name);
	return lp;
}

void lp_free(struct lp *lp)
{
	if (!lp)
		return;
	glp_delete_prob(lp->P);
	free(lp->binaries);
	free(lp);
}

int lp_add_rows(struct lp *lp, int n)
{
	return glp_add_rows(lp->P, n);
}

int lp_add_cols(struct lp *lp, int n)
{
	return glp_add_cols(lp->P, n);
}

int lp_n_rows(const struct lp *lp)
{
	return glp_get_num_rows(lp->P);
}

int lp_n_cols(const struct lp *lp)
{
	return glp_get_num_cols(lp->P);
}

/* GLPK's bound type and values for [lb, ub], infinities open */
static int bounds(double *lb, double *ub)
{
	int type;

	if (isfinite(*lb) && isfinite(*ub))
		type = *lb < *ub ? GLP_DB : GLP_FX;
	else if (isfinite(*lb))
		type = GLP_LO;
	else if (isfinite(*ub))
		type = GLP_UP;
	else
		type = GLP_FR;
	if (!isfinite(*lb))
		*lb = 0;
	*ub = type == GLP_FX ? *lb : isfinite(*ub) ? *ub : 0;
	return type;
}

void lp_set_row_bounds(struct lp *lp, int i, double lb, double ub)
{
	int type = bounds(&lb, &ub);

	glp_set_row_bnds(lp->P, i, type, lb, ub);
}

void lp_set_col_bounds(struct lp *lp, int j, double lb, double ub)
{
	int type = bounds(&lb, &ub);

	glp_set_col_bnds(lp->P, j, type, lb, ub);
}

void lp_set_binary(struct lp *lp, int j)
{
	glp_set_col_kind(lp->P, j, GLP_BV);
	ALLOC_GROW(lp->binaries, lp->n_binaries + 1, lp->alloc_binaries);
	lp->binaries[lp->n_binaries++] = j;
}

void lp_hold_zero(struct lp *lp, int j)
{
	for (size_t k = 0; k < lp->n_binaries; k++)
		if (lp->binaries[k] == j) {
			lp->binaries[k] = lp->binaries[--lp->n_binaries];
			glp_set_col_kind(lp->P, j, GLP_CV);
			break;
		}
	glp_set_col_bnds(lp->P, j, GLP_FX, 0, 0);
}

void lp_restore_col(struct lp *lp, int j, double ub)
{
	if (ub < 0) {
		lp_set_binary(lp, j);
		glp_set_col_bnds(lp->P, j, GLP_DB, 0, 1);
		return;
	}
	lp_set_col_bounds(lp, j, 0, ub);
}

bool lp_is_mip(const struct lp *lp)
{
	return lp->n_binaries > 0;
}

size_t lp_n_binaries(const struct lp *lp)
{
	return lp->n_binaries;
}

void lp_set_objective(struct lp *lp, bool maximise, const char *name)
{
	glp_set_obj_dir(lp->P, maximise ? GLP_MAX : GLP_MIN);
	glp_set_obj_name(lp->P, name);
}

void lp_set_obj_coef(struct lp *lp, int j, double c)
{
	glp_set_obj_coef(lp->P, j, c * lp->obj_scale);
}

void lp_normalise_objective(struct lp *lp)
{
	int n = glp_get_num_cols(lp->P);
	double big = 0, f;

	for (int j = 1; j <= n; j++)
		big = fmax(big, fabs(glp_get_obj_coef(lp->P, j)));
	if (big <= 0 || !isfinite(big))
		return;
	f = pow(10, -floor(log10(big))); /* big x f in [1, 10) */
	if (f == 1)
		return;
	for (int j = 1; j <= n; j++)
		glp_set_obj_coef(lp->P, j, glp_get_obj_coef(lp->P, j) * f);
	lp->obj_scale *= f;
}

double lp_objective_scale(const struct lp *lp)
{
	return lp->obj_scale;
}

void lp_load_matrix(struct lp *lp, size_t n, const int *ia, const int *ja,
		    const double *ar)
{
	glp_load_matrix(lp->P, (int)n, ia, ja, ar);
}

void lp_set_col_entries(struct lp *lp, int j, int n, const int *ind,
			const double *val)
{
	glp_set_mat_col(lp->P, j, n, ind, val);
}

void lp_scale(struct lp *lp)
{
	glp_scale_prob(lp->P, GLP_SF_AUTO);
}

void lp_set_row_name(struct lp *lp, int i, const char *name)
{
	glp_set_row_name(lp->P, i, name);
}

void lp_set_col_name(struct lp *lp, int j, const char *name)
{
	glp_set_col_name(lp->P, j, name);
}

static void simplex_params(const struct lp_params *prm, glp_smcp *smcp)
{
	glp_init_smcp(smcp);
	smcp->meth = GLP_DUAL;
	smcp->r_test = GLP_RT_FLIP;
	smcp->msg_lev = prm->log ? GLP_MSG_ON : GLP_MSG_ERR;
	if (prm->time_limit_s > 0)
		smcp->tm_lim = prm->time_limit_s * 1000;
}

void lp_free_binaries(struct lp *lp)
{
	for (size_t k = 0; k < lp->n_binaries; k++)
		glp_set_col_bnds(lp->P, lp->binaries[k], GLP_DB, 0, 1);
}

/* the relaxation, from the last basis; a bad basis starts over */
static enum lp_result solve_relaxation(struct lp *lp, const glp_smcp *smcp,
				       bool *hit_limit)
{
	int ret = glp_simplex(lp->P, smcp), st;

	if (ret == GLP_EFAIL || ret == GLP_ESING || ret == GLP_ECOND) {
		glp_std_basis(lp->P);
		ret = glp_simplex(lp->P, smcp);
	}
	if (ret == GLP_ETMLIM || ret == GLP_EITLIM) {
		*hit_limit = true;
		return LP_TIME_LIMIT;
	}
	if (ret != 0)
		return LP_FAILED;
	st = glp_get_status(lp->P);
	if (st == GLP_NOFEAS || st == GLP_INFEAS)
		return LP_INFEASIBLE;
	return st == GLP_OPT ? LP_SOLVED : LP_FAILED;
}

/* branch and cut, then the binaries held at the optimum */
static enum lp_result solve_mip(struct lp *lp, const struct lp_params *prm,
				bool *hit_limit)
{
	glp_iocp iocp;
	int ret, st;

	glp_init_iocp(&iocp);
	iocp.msg_lev = prm->log ? GLP_MSG_ON : GLP_MSG_ERR;
	iocp.mip_gap = prm->mip_gap;
	iocp.presolve = GLP_OFF;
	if (prm->time_limit_s > 0)
		iocp.tm_lim = prm->time_limit_s * 1000;
	ret = glp_intopt(lp->P, &iocp);
	st = glp_mip_status(lp->P);
	/* GLP_EMIPGAP: stopped within mip_gap of the bound, as asked */
	if (ret == GLP_ETMLIM)
		*hit_limit = true;
	if (st == GLP_NOFEAS)
		return LP_INFEASIBLE;
	if (st != GLP_OPT && st != GLP_FEAS)
		return *hit_limit ? LP_TIME_LIMIT : LP_FAILED;
	for (size_t k = 0; k < lp->n_binaries; k++) {
		int z = lp->binaries[k];
		double v = glp_mip_col_val(lp->P, z) > 0.5 ? 1 : 0;

		glp_set_col_bnds(lp->P, z, GLP_FX, v, v);
	}
	return lp_resolve_fixed(lp, prm);
}

enum lp_result lp_solve(struct lp *lp, const struct lp_params *prm,
			bool *hit_limit)
{
	glp_smcp smcp;
	enum lp_result res;

	*hit_limit = false;
	simplex_params(prm, &smcp);
	lp_free_binaries(lp);
	res = solve_relaxation(lp, &smcp, hit_limit);
	if (res != LP_SOLVED || lp->n_binaries == 0)
		return res;
	return solve_mip(lp, prm, hit_limit);
}

enum lp_result lp_resolve_fixed(struct lp *lp, const struct lp_params *prm)
{
	glp_smcp smcp;

	simplex_params(prm, &smcp);
	smcp.tm_lim = INT_MAX;
	if (glp_simplex(lp->P, &smcp) != 0)
		return LP_FAILED;
	switch (glp_get_status(lp->P)) {
	case GLP_OPT:
		return LP_SOLVED;
	case GLP_NOFEAS:
	case GLP_INFEAS:
		return LP_INFEASIBLE;
	default:
		return LP_FAILED;
	}
}

int lp_status_code(const struct lp *lp)
{
	return glp_get_status(lp->P);
}

double lp_obj_value(const struct lp *lp)
{
	return glp_get_obj_val(lp->P) / lp->obj_scale;
}

double lp_row_value(const struct lp *lp, int i)
{
	return glp_get_row_prim(lp->P, i);
}

double lp_row_dual(const struct lp *lp, int i)
{
	return glp_get_row_dual(lp->P, i) / lp->obj_scale;
}

bool lp_row_basic(const struct lp *lp, int i)
{
	return glp_get_row_stat(lp->P, i) == GLP_BS;
}

double lp_col_value(const struct lp *lp, int j)
{
	return glp_get_col_prim(lp->P, j);
}

double lp_col_dual(const struct lp *lp, int j)
{
	return glp_get_col_dual(lp->P, j) / lp->obj_scale;
}

/* one model file into a temporary beside path; 0 or -1 */
static int write_one(struct lp *lp, const char *path, bool mps,
		     struct strbuf *tmp)
{
	int rc;

	if (open_temp_beside(path, tmp) < 0)
		return errorf("cannot write the %s model to '%s': %s",
			      mps ? "MPS" : "LP", path, strerror(errno));
	rc = mps ? glp_write_mps(lp->P, GLP_MPS_FILE, NULL, tmp->buf)
		 : glp_write_lp(lp->P, NULL, tmp->buf);
	if (rc != 0) {
		discard_temp(tmp->buf);
		return errorf("cannot write the %s model to '%s'",
			      mps ? "MPS" : "LP", path);
	}
	return 0;
}

int lp_write(struct lp *lp, const char *lp_path, const char *mps_path)
{
	struct strbuf tmp_lp = STRBUF_INIT, tmp_mps = STRBUF_INIT;
	bool have_lp = false, have_mps = false, wrote_lp = false;
	int rc = 0;

	if (lp_path && (rc = write_one(lp, lp_path, false, &tmp_lp)) == 0)
		have_lp = true;
	if (rc == 0 && mps_path &&
	    (rc = write_one(lp, mps_path, true, &tmp_mps)) == 0)
		have_mps = true;
	if (rc == 0 && have_lp) {
		have_lp = false; /* commit_temp() consumes the temporary */
		if (commit_temp(tmp_lp.buf, lp_path) < 0)
			rc = errorf("cannot write the LP model to '%s': %s",
				    lp_path, strerror(errno));
		else
			wrote_lp = true;
	}
	if (rc == 0 && have_mps) {
		have_mps = false;
		if (commit_temp(tmp_mps.buf, mps_path) < 0) {
			rc = errorf("cannot write the MPS model to '%s': %s",
				    mps_path, strerror(errno));
			if (wrote_lp)
				remove_regular(lp_path); /* both or neither */
		}
	}
	if (have_lp)
		discard_temp(tmp_lp.buf);
	if (have_mps)
		discard_temp(tmp_mps.buf);
	strbuf_release(&tmp_lp);
	strbuf_release(&tmp_mps);
	return rc;
}
