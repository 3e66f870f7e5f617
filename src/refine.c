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
 *
 * With unique reach (reach and blend objectives) a persona's row
 * sum log g(s) + d <= 0 has a price pi >= 0: each cell adds
 * -pi log g(s) to its term, whose maximum is found by bisection on its
 * falling derivative, and each persona adds the maximum over its depth
 * d of w N (1 - e^-d) - pi d, which has a closed form. Personas get
 * breakpoints in depth as cells do in spend.
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

/* the price of cell x's unique-reach row, at least 0; 0 without one */
static double unique_price(const struct model *m, const struct mcell *x)
{
	double pi;

	if (!m->up || !m->up[x->persona].row)
		return 0;
	pi = dual(m, m->up[x->persona].row);
	return pi > 0 ? pi : 0;
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

static double size_of(const struct model *m, const struct mcell *x)
{
	return (double)m->c->personas[x->persona].size;
}

/* alpha R(s) + beta s - pi log g(s): the cell's term at spend s */
static double cell_term(const struct model *m, const struct mcell *x,
			double alpha, double beta, double pi, double s)
{
	return alpha * response_reach(&x->r, s) + beta * s -
	       pi * response_log_miss(&x->r, s, size_of(m, x));
}

/* the derivative of that term in s, for a curve */
static double cell_term_slope(const struct model *m, const struct mcell *x,
			      double alpha, double beta, double pi, double s)
{
	double e = exp(-x->r.k * s), sh = x->r.reachable / size_of(m, x);
	double miss = sh >= 1 ? e : 1 - sh + sh * e;

	if (sh > 1)
		sh = 1;
	return alpha * x->r.reachable * x->r.k * e + beta +
	       pi * sh * x->r.k * e / miss;
}

/*
 * cell_bound() with the unique-reach price pi > 0 of a curve: the term
 * is concave when alpha >= 0, so its maximum is where its falling
 * derivative crosses 0 (bisection); otherwise the two parts are bounded
 * apart.
 */
static double cell_bound_unique(const struct model *m, const struct mcell *x,
				double alpha, double beta, double pi,
				double *at)
{
	double lo = 0, hi = x->bp[x->nseg], v0, v1;

	if (alpha < 0)
		return cell_bound(x, alpha, beta, at) -
		       pi * response_log_miss(&x->r, hi, size_of(m, x));
	if (cell_term_slope(m, x, alpha, beta, pi, hi) >= 0) {
		*at = hi;
	} else if (cell_term_slope(m, x, alpha, beta, pi, 0) <= 0) {
		*at = 0;
	} else {
		for (int i = 0; i < 100 && hi - lo > 1e-12 * hi; i++) {
			double mid = (lo + hi) / 2;

			if (cell_term_slope(m, x, alpha, beta, pi, mid) > 0)
				lo = mid;
			else
				hi = mid;
		}
		*at = (lo + hi) / 2;
	}
	/* bisection stops near the top: take the better end, to be safe */
	v0 = cell_term(m, x, alpha, beta, pi, lo);
	v1 = cell_term(m, x, alpha, beta, pi, hi);
	v0 = fmax(v0, v1);
	return fmax(v0, cell_term(m, x, alpha, beta, pi, *at));
}

/*
 * Persona p's part of the bound: the most over d in [0, d_max] of
 * w N (1 - e^-d) - pi d; *at gets the depth, *now the part at depth d.
 */
static double persona_bound(const struct model *m, size_t p, double d,
			    double *at, double *now)
{
	const struct mpersona *u = &m->up[p];
	double pi = dual(m, u->row), w = persona_weight(m, m->objective_now);
	double n = u->r.reachable, top = u->d_max, s;

	if (pi < 0)
		pi = 0;
	*now = w * response_reach(&u->r, d) - pi * d;
	s = top;
	if (pi >= w * n)
		s = 0;
	else if (pi > 0 && log(w * n / pi) < top)
		s = log(w * n / pi);
	*at = s;
	return w * response_reach(&u->r, s) - pi * s;
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
			/* the buy's depth for the persona's unique reach */
			g -= unique_price(m, y) *
			     response_log_miss(&y->r, y->r.fee, size_of(m, y));
		}
	}
	g *= sign(m);
	if (fixed)
		return g * (z > 0.5 ? 1 : 0);
	return g > 0 ? g : 0;
}

/*
 * The personas' parts of the bound. depth[p] gets persona p's depth at
 * the LP's spends, on the exact curves; at[p] and gap[p] the depth the
 * bound asks and what the persona leaves between the bounds.
 */
static double persona_bounds(const struct model *m, double *depth, double *at,
			     double *gap)
{
	const struct campaign *c = m->c;
	double *spend = xcalloc(m->n_cells ? m->n_cells : 1, sizeof(double));
	double ub = 0, now, b;

	for (size_t j = 0; j < m->n_cells; j++)
		spend[j] = cell_spend_lp(m, &m->cells[j]);
	model_depths(m, spend, depth);
	for (size_t p = 0; p < c->n_personas; p++) {
		double a;

		if (!m->up[p].row)
			continue;
		b = persona_bound(m, p, depth[p], &a, &now);
		ub += b;
		if (at) {
			at[p] = a;
			gap[p] = b - now;
		}
	}
	free(spend);
	return ub;
}

/*
 * The bound: the other side of the exact optimum from the plan's value.
 * at[j] gets the spend of cell j that attains it (NULL: not wanted),
 * and with unique reach at[n_cells + p] the depth of persona p.
 */
static double dual_bound(const struct model *m, bool fixed, double *depth,
			 double *at, double *gap)
{
	double ub = 0, alpha, beta, s, b, now, pi;

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
			pi = x->r.kind == RESPONSE_CURVE ? unique_price(m, x)
							 : 0;
			b = pi > 0 ? cell_bound_unique(m, x, alpha, beta, pi,
						       &s)
				   : cell_bound(x, alpha, beta, &s);
			ub += b;
			if (at) {
				now = cell_spend_lp(m, x);
				at[j] = s;
				/* what this cell leaves between the bounds */
				gap[j] = b -
					 cell_term(m, x, alpha, beta, pi, now);
			}
		}
		if (x->zcol && cell_leads(m, j))
			ub += binary_bound(m, j, fixed);
	}
	if (m->up)
		ub += persona_bounds(m, depth, at ? at + m->n_cells : NULL,
				     at ? gap + m->n_cells : NULL);
	return sign(m) * ub;
}

/* the objective of the LP's spends on the exact curves */
static double exact_value(const struct model *m)
{
	size_t n = m->n_cells + m->c->n_personas;
	double v = 0, wr, wm, w = persona_weight(m, m->objective_now);
	double *spend = xcalloc(n ? n : 1, sizeof(double));
	double *reach = spend + m->n_cells;

	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		double s = cell_spend_lp(m, x);

		spend[j] = s;
		cell_weights(m, x, m->objective_now, &wr, &wm);
		v += wr * cell_reach(x, s) + wm * s;
	}
	if (m->up && w != 0) {
		model_unique_reach(m, spend, reach);
		for (size_t p = 0; p < m->c->n_personas; p++)
			v += w * reach[p];
	}
	free(spend);
	return v;
}

/*
 * Each round adds two breakpoints a cell: at its spend, where the LP
 * then is exact, and where the bound's prices would put it, which is
 * where the exact optimum moves the spend.
 */
void refine(struct model *m, bool fixed)
{
	size_t n = m->n_cells + (m->up ? m->c->n_personas : 0);
	double *at = xcalloc(n ? n : 1, sizeof(double));
	double *gap = xcalloc(n ? n : 1, sizeof(double)), tol;
	double *depth = xcalloc(m->c->n_personas + 1, sizeof(double));
	bool limit;

	if (n == 0)
		n = 1;

	for (m->refinements = 0;; m->refinements++) {
		int split = 0;

		m->exact = exact_value(m);
		m->bound = dual_bound(m, fixed, depth, at, gap);
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
		for (size_t p = 0; m->up && p < m->c->n_personas; p++) {
			size_t i = m->n_cells + p;

			if (gap[i] <= tol / (double)n)
				continue;
			split += model_split_depth(m, p, depth[p]);
			split += model_split_depth(m, p, at[i]);
		}
		m->splits += split;
		if (split == 0 || (fixed ? lp_resolve_fixed(m->lp, &m->prm)
					 : model_solve(m, &limit)) != LP_SOLVED)
			break;
	}
	free(at);
	free(gap);
	free(depth);
}
