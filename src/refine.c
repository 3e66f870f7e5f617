/*
 * An optimum that is exact on the real curves. The LP's chords lie
 * under the concave reach curves, so its optimum is a feasible plan
 * whose exact value is a lower bound (for a maximum). The LP's duals
 * give an upper bound on the exact curves: the Lagrangian
 *
 *	sum_i y_i b_i + sum_cells max over s in [0, s_max] of
 *	    (w_reach - y . goal rows) R(s) + (w_money - y . money rows) s
 *
 * is at least the value of any plan that meets the rows (weak duality),
 * and each cell's maximum has a closed form on R(s) = R (1 - e^-ks).
 * While the two bounds differ by more than REFINE_GAP, every cell gets
 * a breakpoint at its spend (model_split), which makes the LP exact
 * there, and the LP is solved again from its last basis. A MIP is
 * refined with its buy decisions held: the bound is then the bound for
 * those decisions. A model of more than refine_max_columns columns is
 * not refined (each round re-solves a bigger LP), but its gap is still
 * measured and reported.
 */
#include <math.h>

#include <stdlib.h>

#include "planner_int.h"
#include "wrapper.h"

#define REFINE_GAP    1e-6 /* relative */
#define REFINE_ROUNDS 30

/* the dual of row i per major unit (money) or per count (goals) */
static double dual(const struct model *m, int i)
{
	return i ? model_row_dual(m, i) : 0;
}

/* the objective and the duals, signed for a maximum */
static double sign(const struct model *m)
{
	return m->objective_now == OBJ_MIN_COST ? -1 : 1;
}

/*
 * The prices of the rows a cell counts in: *goals per person reached
 * (the goal rows), *money per major unit it spends (budget, channel and
 * persona cap; not the linking rows of a platform minimum).
 */
static void row_prices(const struct model *m, const struct mcell *x,
		       double *goals, double *money)
{
	double qa = x->r.q * x->r.a, h = x->r.h;

	*goals = dual(m, m->row_papps[x->persona]) * qa +
		 dual(m, m->row_phires[x->persona]) * qa * h +
		 dual(m, m->row_capps) * qa + dual(m, m->row_chires) * qa * h;
	*money = (model_cell_in_budget(m, x) ? dual(m, m->row_budget) : 0) +
		 dual(m, m->row_channel[x->channel]) +
		 dual(m, m->row_pcap[x->persona]);
}

/*
 * alpha: what one person reached of cell x is worth net of the goal
 * rows' prices; beta: what one major unit of its spend is worth net of
 * the money rows' prices.
 */
static void cell_terms(const struct model *m, const struct mcell *x,
		       double *alpha, double *beta)
{
	double wr, wm, goals, money, sg = sign(m);

	cell_weights(m, x, m->objective_now, &wr, &wm);
	row_prices(m, x, &goals, &money);
	if (x->kind == CELL_SEMI)
		money += dual(m, x->row_hi) + dual(m, x->row_lo);
	*alpha = sg * (wr - goals);
	*beta = sg * (wm - money);
}

/*
 * max over s in [0, s_max] of alpha R(s) + beta s, on the exact curve;
 * *at is where it is reached: the spend the prices ask of the cell.
 */
static double cell_bound(const struct mcell *x, double alpha, double beta,
			 double *at)
{
	double s_max = x->bp[x->nseg], best = 0, s, v;
	double rk = x->r.reachable * x->r.k;

	*at = 0;
	v = alpha * response_reach(&x->r, s_max) + beta * s_max;
	if (v > best) {
		best = v;
		*at = s_max;
	}
	/* the stationary point of a concave curve term */
	if (x->r.kind == RESPONSE_CURVE && alpha > 0 && beta < 0 &&
	    alpha * rk > -beta) {
		s = log(alpha * rk / -beta) / x->r.k;
		if (s > 0 && s < s_max) {
			v = alpha * response_reach(&x->r, s) + beta * s;
			if (v > best) {
				best = v;
				*at = s;
			}
		}
	}
	return best;
}

/*
 * A binary column's worth net of its rows' prices, at its value: the
 * binary of the group cell lead leads (a flat buy counts every reader
 * of every persona, and each persona's part of the fee).
 */
static double binary_bound(const struct model *m, size_t lead, bool fixed)
{
	const struct mcell *x = &m->cells[lead];
	double z = lp_col_value(m->lp, x->zcol), wr, wm, g = 0, goals, money;

	if (x->kind == CELL_SEMI) {
		g = -(dual(m, x->row_hi) * -x->z_max +
		      dual(m, x->row_lo) * -x->lower);
	} else {
		for (size_t j = lead; j < m->n_cells; j++) {
			const struct mcell *y = &m->cells[j];
			double fr = cell_reach(y, y->fee_part);

			if (y->lead != lead)
				continue;
			cell_weights(m, y, m->objective_now, &wr, &wm);
			row_prices(m, y, &goals, &money);
			g += wr * fr + (wm - money) * y->fee_part - goals * fr;
		}
	}
	g *= sign(m);
	if (fixed)
		return g * (z > 0.5 ? 1 : 0);
	return g > 0 ? g : 0;
}

/*
 * The bound: the other side of the exact optimum from the plan's value.
 * at[j] gets the spend of cell j that attains it (NULL: not wanted).
 */
static double dual_bound(const struct model *m, bool fixed, double *at,
			 double *gap)
{
	double ub = 0, alpha, beta, s, b, now;

	for (int i = 1; i <= m->n_rows; i++) {
		const struct mrow *r = &m->rows[i - 1];
		double y = sign(m) * dual(m, i);

		if (y > 0 && isfinite(r->ub))
			ub += y * r->ub;
		else if (y < 0 && isfinite(r->lb))
			ub += y * r->lb;
	}
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];

		/* a minimum not taken holds the cell at 0: nothing to add */
		if (at) {
			at[j] = 0;
			gap[j] = 0;
		}
		if (fixed && x->kind == CELL_SEMI &&
		    lp_col_value(m->lp, x->zcol) < 0.5)
			continue;
		if (x->left_out)
			continue; /* held at 0: adds nothing either */
		if (x->nseg > 0) {
			cell_terms(m, x, &alpha, &beta);
			b = cell_bound(x, alpha, beta, &s);
			ub += b;
			if (at) {
				now = cell_spend_lp(m, x);
				at[j] = s;
				/* what this cell leaves between the bounds */
				gap[j] = b -
					 (alpha * response_reach(&x->r, now) +
					  beta * now);
			}
		}
		if (x->zcol && cell_leads(m, j))
			ub += binary_bound(m, j, fixed);
	}
	return sign(m) * ub;
}

/* the objective of the LP's spends on the exact curves */
static double exact_value(const struct model *m)
{
	double v = 0, wr, wm;

	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		double s = cell_spend_lp(m, x);

		cell_weights(m, x, m->objective_now, &wr, &wm);
		v += wr * cell_reach(x, s) + wm * s;
	}
	return v;
}

/*
 * Each round adds two breakpoints a cell: at its spend, where the LP
 * then is exact, and where the bound's prices would put it, which is
 * where the exact optimum moves the spend.
 */
void refine(struct model *m, bool fixed)
{
	size_t n = m->n_cells ? m->n_cells : 1;
	double *at = xcalloc(n, sizeof(double));
	double *gap = xcalloc(n, sizeof(double)), tol;
	bool limit;

	for (m->refinements = 0;; m->refinements++) {
		int split = 0;

		m->exact = exact_value(m);
		m->bound = dual_bound(m, fixed, at, gap);
		tol = REFINE_GAP * fmax(1, fabs(m->exact));
		if (fabs(m->bound - m->exact) <= tol ||
		    m->refinements == REFINE_ROUNDS ||
		    (size_t)m->n_cols > m->o->refine_max_columns)
			break;
		for (size_t j = 0; j < m->n_cells; j++) {
			struct mcell *x = &m->cells[j];

			/* a cell that leaves little of the gap needs no more */
			if (gap[j] <= tol / (double)n)
				continue;
			split += model_split(m, x, cell_spend_lp(m, x));
			if (x->nseg > 0 && (!fixed || x->kind != CELL_SEMI ||
					    cell_spend_lp(m, x) > 0))
				split += model_split(m, x, at[j]);
		}
		m->splits += split;
		if (split == 0 || (fixed ? lp_resolve_fixed(m->lp, &m->prm)
					 : model_solve(m, &limit)) != LP_SOLVED)
			break;
	}
	free(at);
	free(gap);
}
