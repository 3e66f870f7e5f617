/*
 * The planning model. Each usable cell (persona x channel) becomes
 * `segments` columns x_jk in [0, w_jk], one per piece of its concave
 * reach curve, so a maximising LP fills them in order and the model is
 * exact for the piecewise-linear curve without binaries. A flat fee
 * is one binary column per channel: one buy reaches every persona that
 * reads it, and each persona's cell carries its part of the fee, split
 * by its reachable readers. Platform minimum daily budgets add one
 * binary per ad set (0, or at least min_daily x the channel's days):
 * per cell, or per channel when the channel's ad set is shared. Rows:
 * the budget, a spend row per constrained channel and capped persona, a
 * response row per goal, two linking rows per ad set with a minimum.
 * With the reach and blend objectives, one more row per persona and its
 * own segment columns count each person reached once (struct mpersona).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "money.h"
#include "planner_int.h"
#include "wrapper.h"

struct triplets {
	int *ia, *ja;
	double *ar;
	size_t n, alloc;
};

static void trip_add(struct triplets *t, int i, int j, double v)
{
	if (v == 0 || i == 0)
		return;
	if (t->n + 2 > t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 4096;
		t->ia = xreallocarray(t->ia, t->alloc, sizeof(int));
		t->ja = xreallocarray(t->ja, t->alloc, sizeof(int));
		t->ar = xreallocarray(t->ar, t->alloc, sizeof(double));
	}
	t->n++; /* the solver's arrays are 1-based */
	t->ia[t->n] = i;
	t->ja[t->n] = j;
	t->ar[t->n] = v;
}

/* min-cost's weight on money spent outside the budget (referral payouts
 * with "referral_in_budget": false) */
#define MIN_COST_OUTSIDE 1e-6

/* objective weight per reach unit and per money unit of a cell */
void cell_weights(const struct model *m, const struct mcell *x,
		  enum objective obj, double *w_reach, double *w_money)
{
	const struct persona *p = &m->c->personas[x->persona];
	double qa = x->r.q * x->r.a;
	double alpha = m->o->short_term_weight;
	double screen = money_to_major(m->c->screening_cost, m->c->digits);

	*w_reach = 0;
	*w_money = 0;
	switch (obj) {
	case OBJ_APPLICATIONS:
		*w_reach = qa;
		break;
	case OBJ_HIRES:
		*w_reach = qa * x->r.h;
		break;
	case OBJ_VALUE:
		*w_reach = qa * x->r.h *
			   (p->value_per_hire > 0
				    ? money_to_major(p->value_per_hire,
						     m->c->digits)
				    : 0);
		/* screening every application, qualified or off-target,
		 * is a cost: linear in reach and in spend, so still an LP */
		*w_reach -= screen * qa;
		*w_money = -1 - screen * response_off_target_per_spend(&x->r);
		break;
	case OBJ_REACH:
		break; /* people reached count once, in persona_weight() */
	case OBJ_BLEND:
		*w_reach = alpha * qa / m->norm_apps;
		break;
	case OBJ_MIN_COST:
		/* the least budget: payouts outside it cost the budget
		 * nothing, and weigh only enough to buy no more of them
		 * than the goals need */
		*w_money = model_cell_in_budget(m, x) ? 1 : MIN_COST_OUTSIDE;
		break;
	}
	if (m->price)
		*w_money -= m->price[x->persona];
}

double persona_weight(const struct model *m, enum objective obj)
{
	if (obj == OBJ_REACH)
		return 1;
	if (obj == OBJ_BLEND)
		return (1 - m->o->short_term_weight) / m->norm_reach;
	return 0;
}

static double flat_reach(const struct mcell *x)
{
	return response_reach(&x->r, x->r.fee);
}

double cell_reach(const struct mcell *x, double s)
{
	if (x->kind == CELL_FLAT)
		return s > 0 ? flat_reach(x) : 0;
	return response_reach(&x->r, s);
}

void cell_eval(const struct mcell *x, double s, struct response_point *pt)
{
	response_eval(&x->r, x->kind == CELL_FLAT && s > 0 ? x->r.fee : s, pt);
	pt->spend = s > 0 ? s : 0;
}

bool cell_leads(const struct model *m, size_t j)
{
	return m->cells[j].lead == j;
}

bool cell_shares_binary(const struct model *m, size_t j)
{
	return m->cells[j].shared;
}

/* the objective of a flat channel's one buy: every reader it reaches */
static double flat_objective(const struct model *m, size_t lead,
			     enum objective obj)
{
	double v = 0, wr, wm;

	for (size_t j = lead; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];

		if (x->lead != lead)
			continue;
		cell_weights(m, x, obj, &wr, &wm);
		v += wr * flat_reach(x) + wm * x->fee_part;
	}
	return v;
}

void model_set_objective(struct model *m, enum objective obj)
{
	m->objective_now = obj;
	lp_set_objective(m->lp, obj != OBJ_MIN_COST,
			 obj == OBJ_MIN_COST ? "spend" : objective_name(obj));
	for (size_t j = 0; j < m->n_cells; j++) {
		struct mcell *x = &m->cells[j];
		double wr, wm;

		cell_weights(m, x, obj, &wr, &wm);
		if (x->kind == CELL_FLAT) {
			if (cell_leads(m, j))
				lp_set_obj_coef(m->lp, x->zcol,
						flat_objective(m, j, obj));
			continue;
		}
		/* a segment column counts money in m->unit */
		for (int k = 0; k < x->nseg; k++)
			lp_set_obj_coef(m->lp, x->col[k],
					(wr * x->slope[k] + wm) * m->unit);
	}
	for (size_t p = 0; m->up && p < m->c->n_personas; p++) {
		const struct mpersona *u = &m->up[p];

		for (int k = 0; k < u->nseg; k++)
			lp_set_obj_coef(m->lp, u->col[k],
					persona_weight(m, obj) * u->slope[k]);
	}
	lp_normalise_objective(m->lp);
}

/* the bounds of channel ch's spend row at budget b */
void model_channel_bounds(const struct model *m, size_t ch, double b,
			  double *lb, double *ub)
{
	const struct channel *c = &m->c->channels[ch];

	*lb = money_to_major(c->min_spend, m->c->digits);
	*ub = INFINITY;
	if (c->max_spend != MONEY_NONE)
		*ub = money_to_major(c->max_spend, m->c->digits);
	if (!m->no_share && c->max_share < 1 && c->max_share * b < *ub)
		*ub = c->max_share * b;
}

/* rows that count money; the others count applications or hires */
static bool money_row(const struct model *m, int i)
{
	enum row_kind k = m->rows[i - 1].kind;

	return k == ROW_BUDGET || k == ROW_CHANNEL || k == ROW_PERSONA_CAP ||
	       k == ROW_SEMI_HI || k == ROW_SEMI_LO;
}

void model_set_row_bounds(struct model *m, int i, double lb, double ub)
{
	double u = money_row(m, i) ? m->unit : 1;

	lp_set_row_bounds(m->lp, i, lb / u, ub / u);
}

double model_row_value(const struct model *m, int i)
{
	return lp_row_value(m->lp, i) * (money_row(m, i) ? m->unit : 1);
}

double model_row_dual(const struct model *m, int i)
{
	return lp_row_dual(m->lp, i) / (money_row(m, i) ? m->unit : 1);
}

static int add_row(struct model *m, enum row_kind kind, size_t index, double lb,
		   double ub)
{
	int i = lp_add_rows(m->lp, 1);
	struct mrow *r;

	if (isfinite(lb) && isfinite(ub) && !(lb < ub))
		ub = lb;
	m->rows = xreallocarray(m->rows, (size_t)i, sizeof(*m->rows));
	r = &m->rows[i - 1];
	r->kind = kind;
	r->index = index;
	r->lb = lb;
	r->ub = ub;
	m->n_rows = i;
	model_set_row_bounds(m, i, lb, ub);
	return i;
}

/*
 * The kind and spend range of a cell; false when the cell cannot be
 * used (and a note says why, where a marketer would wonder).
 */
static bool shape_cell(struct model *m, struct mcell *x, double lim)
{
	const struct campaign *c = m->c;
	const struct channel *chan = &c->channels[x->channel];

	switch (chan->pricing) {
	case PRICING_FLAT:
		x->kind = CELL_FLAT;
		x->x_max = x->r.fee;
		return x->r.fee <= m->bmax && x->x_max > 0;
	case PRICING_PER_HIRE:
		x->kind = CELL_LINEAR;
		x->x_max = x->r.x_cap;
		x->cap_is_freq = true;
		return x->x_max > 0;
	case PRICING_CPM:
	case PRICING_CPC:
		break;
	}
	x->kind = CELL_CURVE;
	if (x->r.k <= 0)
		return false;
	x->cap_is_freq = x->r.x_cap > 0 && x->r.x_cap <= lim;
	x->x_max = x->cap_is_freq ? x->r.x_cap : lim;
	x->lower = money_to_major(chan->min_daily, c->digits) * chan->days;
	if (x->lower <= 0)
		return x->x_max > 0;
	if (chan->shared_ad_set) {
		/* the channel's ad set is checked as a whole: group_cells */
		x->kind = CELL_SEMI;
		return x->x_max > 0;
	}
	if (x->lower > x->x_max || x->lower > m->bmax) {
		explain_min_daily_out(&m->notes, c, x->persona, x->channel,
				      x->lower > x->x_max ? x->x_max : -1,
				      m->bmax);
		return false;
	}
	x->kind = CELL_SEMI;
	return x->x_max > 0;
}

/* choose the cells and their spend ranges */
static void make_cells(struct model *m)
{
	const struct campaign *c = m->c;
	/*
	 * A cell's own range ends at its frequency cap, or well beyond any
	 * budget: the budget, channel and persona limits are rows, so their
	 * duals are clean and relaxing one really frees the cells.
	 */
	double lim = 2 * m->bmax;
	size_t n = 0;

	for (size_t p = 0; p < c->n_personas; p++)
		n += c->personas[p].n_channels;
	m->cells = xcalloc(n ? n : 1, sizeof(*m->cells));
	for (size_t p = 0; p < c->n_personas; p++) {
		const struct persona *per = &c->personas[p];

		for (size_t pc = 0; pc < per->n_channels; pc++) {
			size_t ch = per->channels[pc].channel;
			struct mcell *x = &m->cells[m->n_cells];

			if (campaign_cell_excluded(c, p, ch))
				continue;
			memset(x, 0, sizeof(*x));
			x->persona = p;
			x->pc = pc;
			x->channel = ch;
			response_init(&x->r, c, p, pc);
			if (x->r.reachable > 0 && shape_cell(m, x, lim))
				m->n_cells++;
		}
	}
}

/* does cell x share its binary with the other cells of its channel? */
static bool grouped(const struct model *m, const struct mcell *x)
{
	return x->kind == CELL_FLAT ||
	       (x->kind == CELL_SEMI &&
		m->c->channels[x->channel].shared_ad_set);
}

/*
 * A shared ad set whose minimum its personas cannot absorb together, or
 * the budget cannot pay, is left out whole.
 */
static void drop_shared_out_of_reach(struct model *m)
{
	const struct campaign *c = m->c;
	size_t nch = c->n_channels, n = 0;
	double *range = xcalloc(nch ? nch : 1, sizeof(double));
	bool *out = xcalloc(nch ? nch : 1, sizeof(bool));

	for (size_t j = 0; j < m->n_cells; j++)
		if (m->cells[j].kind == CELL_SEMI && grouped(m, &m->cells[j]))
			range[m->cells[j].channel] += m->cells[j].x_max;
	for (size_t ch = 0; ch < nch; ch++) {
		double lower =
			money_to_major(c->channels[ch].min_daily, c->digits) *
			c->channels[ch].days;

		if (range[ch] <= 0 || (lower <= range[ch] && lower <= m->bmax))
			continue;
		out[ch] = true;
		explain_min_daily_shared_out(&m->notes, c, ch,
					     lower > range[ch] ? range[ch] : -1,
					     m->bmax);
	}
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];

		if (!(x->kind == CELL_SEMI && grouped(m, x) && out[x->channel]))
			m->cells[n++] = *x;
	}
	m->n_cells = n;
	free(range);
	free(out);
}

/*
 * Lead each group by its first cell, give its lead the group's spend
 * range, and split each flat fee by the personas' reachable readers.
 */
static void group_cells(struct model *m)
{
	size_t nch = m->c->n_channels;
	size_t *lead = xcalloc(nch ? nch : 1, sizeof(size_t));
	double *readers = xcalloc(nch ? nch : 1, sizeof(double));
	double *range = xcalloc(nch ? nch : 1, sizeof(double));

	drop_shared_out_of_reach(m);
	for (size_t ch = 0; ch < nch; ch++)
		lead[ch] = SIZE_MAX;
	for (size_t j = 0; j < m->n_cells; j++) {
		struct mcell *x = &m->cells[j];

		x->lead = j;
		x->z_max = x->x_max;
		if (!grouped(m, x))
			continue;
		if (lead[x->channel] == SIZE_MAX)
			lead[x->channel] = j;
		x->lead = lead[x->channel];
		readers[x->channel] += x->r.reachable;
		range[x->channel] += x->x_max;
	}
	for (size_t j = 0; j < m->n_cells; j++) {
		struct mcell *x = &m->cells[j];

		if (!grouped(m, x))
			continue;
		if (cell_leads(m, j))
			x->z_max = range[x->channel];
		else
			m->cells[x->lead].shared = true;
		if (x->kind == CELL_FLAT)
			x->fee_part =
				x->r.fee * x->r.reachable / readers[x->channel];
	}
	free(lead);
	free(readers);
	free(range);
}

/* the budget, channel, persona and goal rows */
static void add_limit_rows(struct model *m)
{
	const struct campaign *c = m->c;
	size_t nch = c->n_channels, np = c->n_personas;
	bool *ch_used = xcalloc(nch ? nch : 1, sizeof(bool));

	m->row_channel = xcalloc(nch ? nch : 1, sizeof(int));
	m->row_pcap = xcalloc(np ? np : 1, sizeof(int));
	m->row_papps = xcalloc(np ? np : 1, sizeof(int));
	m->row_phires = xcalloc(np ? np : 1, sizeof(int));
	m->row_budget = add_row(m, ROW_BUDGET, 0, -INFINITY, m->budget);
	for (size_t j = 0; j < m->n_cells; j++)
		ch_used[m->cells[j].channel] = true;
	for (size_t ch = 0; ch < nch; ch++) {
		double lb, ub;

		model_channel_bounds(m, ch, m->budget, &lb, &ub);
		if (!ch_used[ch] || (lb <= 0 && !isfinite(ub)))
			continue;
		if (lb > ub)
			ub = lb; /* infeasible; explained after the solve */
		m->row_channel[ch] = add_row(m, ROW_CHANNEL, ch,
					     lb > 0 ? lb : -INFINITY, ub);
	}
	for (size_t p = 0; p < np; p++) {
		const struct persona *per = &c->personas[p];

		if (per->budget_cap != MONEY_NONE)
			m->row_pcap[p] = add_row(
				m, ROW_PERSONA_CAP, p, -INFINITY,
				money_to_major(per->budget_cap, c->digits));
		if (per->goal_applications > 0)
			m->row_papps[p] =
				add_row(m, ROW_PERSONA_APPS, p,
					per->goal_applications, INFINITY);
		if (per->goal_hires > 0)
			m->row_phires[p] = add_row(m, ROW_PERSONA_HIRES, p,
						   per->goal_hires, INFINITY);
	}
	if (c->goal_applications > 0)
		m->row_capps = add_row(m, ROW_CAMPAIGN_APPS, 0,
				       c->goal_applications, INFINITY);
	if (c->goal_hires > 0)
		m->row_chires = add_row(m, ROW_CAMPAIGN_HIRES, 0, c->goal_hires,
					INFINITY);
	free(ch_used);
}

/*
 * The deepest a persona's depth is modelled: exp(-25), about 1e-11 of
 * the persona, is all that more depth could add.
 */
#define DEPTH_MAX 25

static double persona_size(const struct model *m, size_t p)
{
	return (double)m->c->personas[p].size;
}

/*
 * log g of cell x at spend s (major units); a flat cell reaches its
 * readers whenever its part of the fee is paid, as in cell_reach()
 */
static double cell_log_miss(const struct model *m, const struct mcell *x,
			    double s)
{
	if (x->kind == CELL_FLAT)
		s = s > 0 ? x->r.fee : 0;
	return response_log_miss(&x->r, s, persona_size(m, x->persona));
}

/* the chord of log g over [a, b], per major unit */
static double log_miss_slope(const struct model *m, const struct mcell *x,
			     double a, double b)
{
	return b > a ? (cell_log_miss(m, x, b) - cell_log_miss(m, x, a)) /
			       (b - a)
		     : 0;
}

/* persona p's unique-reach row of cell x, or 0 */
static int unique_row(const struct model *m, const struct mcell *x)
{
	return m->up ? m->up[x->persona].row : 0;
}

/*
 * With the reach and blend objectives: a depth row per persona that a
 * cell reaches, and the breakpoints of its curve in depth, 2 x segments
 * of them up to the depth of every cell at its top spend (or
 * DEPTH_MAX). The number of depth columns they need.
 */
static size_t add_unique_rows(struct model *m)
{
	const struct campaign *c = m->c;
	size_t np = c->n_personas, ncols = 0;
	double *d;
	int n = 2 * m->o->segments;

	if (m->objective != OBJ_REACH && m->objective != OBJ_BLEND)
		return 0;
	m->up = xcalloc(np ? np : 1, sizeof(*m->up));
	d = xcalloc(np ? np : 1, sizeof(double));
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];

		d[x->persona] -= cell_log_miss(m, x, x->x_max);
	}
	for (size_t p = 0; p < np; p++) {
		struct mpersona *u = &m->up[p];

		if (!(d[p] > 0))
			continue;
		u->r.kind = RESPONSE_CURVE;
		u->r.reachable = persona_size(m, p);
		u->r.k = 1;
		u->d_max = d[p];
		u->nseg = u->alloc = n;
		u->col = xcalloc((size_t)n, sizeof(int));
		u->bp = xcalloc((size_t)n + 1, sizeof(double));
		u->slope = xcalloc((size_t)n, sizeof(double));
		u->width = xcalloc((size_t)n, sizeof(double));
		u->chord_err = response_segments(
			&u->r, d[p] < DEPTH_MAX ? d[p] : DEPTH_MAX, n, u->bp,
			u->slope);
		for (int k = 0; k < n; k++)
			u->width[k] = u->bp[k + 1] - u->bp[k];
		u->row = add_row(m, ROW_UNIQUE, p, -INFINITY, 0);
		ncols += (size_t)n;
	}
	free(d);
	return ncols;
}

/* the depth columns from column col on; the next free column */
static int add_unique_columns(struct model *m, struct triplets *t, int col)
{
	for (size_t p = 0; m->up && p < m->c->n_personas; p++) {
		struct mpersona *u = &m->up[p];

		for (int k = 0; k < u->nseg; k++, col++) {
			u->col[k] = col;
			lp_set_col_bounds(m->lp, col, 0, u->width[k]);
			trip_add(t, u->row, col, 1);
		}
	}
	return col;
}

/* a column's entries: spend rows, and applications/hires per reach */
static void add_column(struct model *m, struct triplets *t,
		       const struct mcell *x, int col, double money,
		       double reach)
{
	double qa = x->r.q * x->r.a, h = x->r.h;

	trip_add(t, model_cell_in_budget(m, x) ? m->row_budget : 0, col, money);
	trip_add(t, m->row_channel[x->channel], col, money);
	trip_add(t, m->row_pcap[x->persona], col, money);
	trip_add(t, m->row_papps[x->persona], col, qa * reach);
	trip_add(t, m->row_phires[x->persona], col, qa * h * reach);
	trip_add(t, m->row_capps, col, qa * reach);
	trip_add(t, m->row_chires, col, qa * h * reach);
}

/*
 * The flat channel's one buy led by cell lead: the whole fee on the
 * budget and channel rows, each persona's part on its cap, and every
 * persona's readers on the goal rows.
 */
static void add_flat_column(struct model *m, struct triplets *t, size_t lead)
{
	const struct mcell *l = &m->cells[lead];
	double apps = 0, hires = 0;
	int z = l->zcol;

	trip_add(t, m->row_budget, z, l->r.fee / m->unit);
	trip_add(t, m->row_channel[l->channel], z, l->r.fee / m->unit);
	for (size_t j = lead; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		double qa = x->r.q * x->r.a, reach = flat_reach(x);

		if (x->lead != lead)
			continue;
		trip_add(t, m->row_pcap[x->persona], z, x->fee_part / m->unit);
		trip_add(t, m->row_papps[x->persona], z, qa * reach);
		trip_add(t, m->row_phires[x->persona], z, qa * x->r.h * reach);
		trip_add(t, unique_row(m, x), z, cell_log_miss(m, x, x->r.fee));
		apps += qa * reach;
		hires += qa * x->r.h * reach;
	}
	trip_add(t, m->row_capps, z, apps);
	trip_add(t, m->row_chires, z, hires);
}

/* the columns of cell j from column col on; the next free column */
static int add_cell_columns(struct model *m, struct triplets *t, size_t j,
			    int col, double *bp)
{
	struct mcell *x = &m->cells[j];

	if (x->kind != CELL_FLAT) {
		x->alloc = x->nseg;
		x->slope = xcalloc((size_t)x->nseg, sizeof(double));
		x->width = xcalloc((size_t)x->nseg, sizeof(double));
		x->col = xcalloc((size_t)x->nseg, sizeof(int));
		x->bp = xcalloc((size_t)x->nseg + 1, sizeof(double));
		if (unique_row(m, x))
			x->lslope = xcalloc((size_t)x->nseg, sizeof(double));
		x->chord_err = response_segments(&x->r, x->x_max, x->nseg, bp,
						 x->slope);
		for (int k = 0; k <= x->nseg; k++)
			x->bp[k] = bp[k];
		for (int k = 0; k < x->nseg; k++, col++) {
			x->col[k] = col;
			x->width[k] = bp[k + 1] - bp[k];
			lp_set_col_bounds(m->lp, col, 0, x->width[k] / m->unit);
			add_column(m, t, x, col, 1, x->slope[k] * m->unit);
			if (x->lslope) {
				x->lslope[k] =
					log_miss_slope(m, x, bp[k], bp[k + 1]);
				trip_add(t, unique_row(m, x), col,
					 x->lslope[k] * m->unit);
			}
			if (x->kind == CELL_SEMI) {
				trip_add(t, x->row_hi, col, 1);
				trip_add(t, x->row_lo, col, 1);
			}
		}
	}
	if (x->kind != CELL_FLAT && x->kind != CELL_SEMI)
		return col;
	if (!cell_leads(m, j)) {
		x->zcol = m->cells[x->lead].zcol; /* the lead came first */
		return col;
	}
	x->zcol = col++;
	lp_set_binary(m->lp, x->zcol);
	if (x->kind == CELL_SEMI) {
		trip_add(t, x->row_hi, x->zcol, -x->z_max / m->unit);
		trip_add(t, x->row_lo, x->zcol, -x->lower / m->unit);
	} else {
		add_flat_column(m, t, j);
	}
	return col;
}

static void build(struct model *m, struct triplets *t)
{
	int seg = m->o->segments, col;
	size_t ncols = 0;
	double *bp;

	m->lp = lp_new("jobmix");
	add_limit_rows(m);
	for (size_t j = 0; j < m->n_cells; j++) {
		struct mcell *x = &m->cells[j];

		x->nseg = x->kind == CELL_FLAT     ? 0
			  : x->kind == CELL_LINEAR ? 1
						   : seg;
		ncols += (size_t)x->nseg +
			 ((x->kind == CELL_FLAT || x->kind == CELL_SEMI) &&
			  cell_leads(m, j));
		if (x->kind == CELL_SEMI && cell_leads(m, j)) {
			x->row_hi = add_row(m, ROW_SEMI_HI, j, -INFINITY, 0);
			x->row_lo = add_row(m, ROW_SEMI_LO, j, 0, INFINITY);
		} else if (x->kind == CELL_SEMI) {
			x->row_hi = m->cells[x->lead].row_hi;
			x->row_lo = m->cells[x->lead].row_lo;
		}
	}
	if (ncols == 0)
		return;
	ncols += add_unique_rows(m);
	bp = xcalloc((size_t)seg + 1, sizeof(double));
	col = lp_add_cols(m->lp, (int)ncols);
	m->n_cols = (int)ncols;
	for (size_t j = 0; j < m->n_cells; j++)
		col = add_cell_columns(m, t, j, col, bp);
	add_unique_columns(m, t, col);
	lp_load_matrix(m->lp, t->n, t->ia, t->ja, t->ar);
	m->nnz = t->n;
	free(bp);
}

/*
 * The money unit of the model: a power of ten of major units that puts
 * the budget between 1 000 and 10 000 units, and never below one minor
 * unit. Spend in those units keeps the exported model's coefficients
 * near 1 whatever the currency (yen and öre alike), so any solver's
 * absolute tolerances fit it.
 */
double model_money_unit(double budget, double scale)
{
	double u;

	if (!(budget > 0) || !isfinite(budget))
		return 1;
	u = pow(10, floor(log10(budget)) - 3);
	return u < 1 / scale ? 1 / scale : u;
}

/* content paid per month over the campaign, major units */
static double committed_content(const struct campaign *c)
{
	int64_t sum = 0;

	for (size_t ch = 0; ch < c->n_channels; ch++)
		sum += campaign_content_fixed(c, ch);
	return money_to_major(sum, c->digits);
}

bool model_cell_in_budget(const struct model *m, const struct mcell *x)
{
	return campaign_in_budget(m->c, x->channel);
}

int model_make(struct model *m, const struct campaign *c,
	       const struct plan_options *o, enum objective obj, double budget,
	       double bmax, bool no_share)
{
	struct triplets t = { 0 };

	memset(m, 0, sizeof(*m));
	m->no_share = no_share;
	m->c = c;
	m->o = o;
	m->objective = obj;
	m->budget = budget;
	m->committed = c->n_channels ? committed_content(c) : 0;
	m->bmax = bmax > budget ? bmax : budget;
	m->scale = (double)money_scale(c->digits);
	m->unit = model_money_unit(m->bmax, m->scale);
	m->norm_apps = m->norm_reach = 1;
	m->prm.time_limit_s = o->time_limit_s;
	m->prm.mip_gap = o->mip_gap;
	m->prm.log = verbosity >= 2;
	make_cells(m);
	group_cells(m);
	build(m, &t);
	free(t.ia);
	free(t.ja);
	free(t.ar);
	if (m->n_cols == 0)
		return -1;
	lp_scale(m->lp);
	model_set_objective(m, obj);
	return 0;
}

void model_free(struct model *m)
{
	for (size_t j = 0; j < m->n_cells; j++) {
		free(m->cells[j].slope);
		free(m->cells[j].width);
		free(m->cells[j].col);
		free(m->cells[j].bp);
		free(m->cells[j].lslope);
	}
	for (size_t p = 0; m->up && p < m->c->n_personas; p++) {
		free(m->up[p].col);
		free(m->up[p].bp);
		free(m->up[p].slope);
		free(m->up[p].width);
	}
	free(m->up);
	free(m->cells);
	free(m->rows);
	free(m->row_channel);
	free(m->row_pcap);
	free(m->row_papps);
	free(m->row_phires);
	free(m->price);
	strvec_clear(&m->notes);
	lp_free(m->lp);
	memset(m, 0, sizeof(*m));
}

/* move the budget row and the budget-dependent channel rows to bud */
void model_set_budget(struct model *m, double bud)
{
	const struct campaign *c = m->c;

	/* content paid per month comes off every budget first */
	model_set_row_bounds(m, m->row_budget, -INFINITY,
			     fmax(0, bud - m->committed));
	for (size_t ch = 0; ch < c->n_channels; ch++) {
		double lb, ub;
		int r = m->row_channel[ch];

		if (!r)
			continue;
		model_channel_bounds(m, ch, bud, &lb, &ub);
		if (lb > ub)
			ub = lb;
		model_set_row_bounds(m, r, lb > 0 ? lb : -INFINITY, ub);
	}
}

enum lp_result model_solve(struct model *m, bool *hit_limit)
{
	return lp_solve(m->lp, &m->prm, hit_limit);
}

/* a segment column's entries: spend rows, response rows, linking rows */
static int segment_entries(const struct model *m, const struct mcell *x,
			   double slope, double lslope, int *ind, double *val)
{
	double qa = x->r.q * x->r.a, h = x->r.h, rs = slope * m->unit;
	int rows[10] = { m->row_budget,
			 m->row_channel[x->channel],
			 m->row_pcap[x->persona],
			 m->row_papps[x->persona],
			 m->row_phires[x->persona],
			 m->row_capps,
			 m->row_chires,
			 x->kind == CELL_SEMI ? x->row_hi : 0,
			 x->kind == CELL_SEMI ? x->row_lo : 0,
			 unique_row(m, x) };
	double vals[10] = {
		1,       1,           1, qa * rs, qa * h * rs,
		qa * rs, qa * h * rs, 1, 1,       lslope * m->unit
	};
	int n = 0;

	for (int r = 0; r < 10; r++)
		if (rows[r] && vals[r] != 0) {
			ind[++n] = rows[r];
			val[n] = vals[r];
		}
	return n;
}

/* column col as segment k of x: bounds, entries, objective */
static void set_segment(struct model *m, struct mcell *x, int k)
{
	int ind[11];
	double val[11], wr, wm;
	int n = segment_entries(m, x, x->slope[k], x->lslope ? x->lslope[k] : 0,
				ind, val);

	cell_weights(m, x, m->objective_now, &wr, &wm);
	lp_set_col_bounds(m->lp, x->col[k], 0,
			  x->left_out ? 0 : x->width[k] / m->unit);
	lp_set_col_entries(m->lp, x->col[k], n, ind, val);
	lp_set_obj_coef(m->lp, x->col[k], (wr * x->slope[k] + wm) * m->unit);
}

/*
 * Make s a breakpoint of x: the segment [a, b] that holds it becomes
 * [a, s] and [s, b], each with the chord of the exact curve, so the LP
 * is exact at s. The first keeps its column, filled as before; the
 * second is a new column. False when s is a breakpoint already.
 */
bool model_split(struct model *m, struct mcell *x, double s)
{
	int k = 0;
	double tol;

	if ((x->kind != CELL_CURVE && x->kind != CELL_SEMI) || x->left_out)
		return false;
	while (k < x->nseg && x->bp[k + 1] <= s)
		k++;
	if (k == x->nseg)
		return false;
	tol = 1e-9 * (x->bp[k + 1] - x->bp[0]) + 1e-12;
	if (s - x->bp[k] <= tol || x->bp[k + 1] - s <= tol)
		return false;
	if (x->nseg == x->alloc) {
		x->alloc *= 2;
		x->col = xreallocarray(x->col, (size_t)x->alloc, sizeof(int));
		x->bp = xreallocarray(x->bp, (size_t)x->alloc + 1,
				      sizeof(double));
		x->slope = xreallocarray(x->slope, (size_t)x->alloc,
					 sizeof(double));
		x->width = xreallocarray(x->width, (size_t)x->alloc,
					 sizeof(double));
		if (x->lslope)
			x->lslope = xreallocarray(x->lslope, (size_t)x->alloc,
						  sizeof(double));
	}
	for (int i = x->nseg; i > k; i--) {
		x->col[i] = x->col[i - 1];
		if (x->lslope)
			x->lslope[i] = x->lslope[i - 1];
		x->slope[i] = x->slope[i - 1];
		x->width[i] = x->width[i - 1];
		x->bp[i + 1] = x->bp[i];
	}
	x->nseg++;
	x->bp[k + 1] = s;
	x->col[k + 1] = lp_add_cols(m->lp, 1);
	m->n_cols++;
	for (int i = k; i <= k + 1; i++) {
		x->width[i] = x->bp[i + 1] - x->bp[i];
		x->slope[i] = (response_reach(&x->r, x->bp[i + 1]) -
			       response_reach(&x->r, x->bp[i])) /
			      x->width[i];
		if (x->lslope)
			x->lslope[i] =
				log_miss_slope(m, x, x->bp[i], x->bp[i + 1]);
		set_segment(m, x, i);
	}
	return true;
}

/*
 * The same for persona p's curve in depth: the segment that holds d
 * becomes two, each with its chord; the second gets a new column.
 */
bool model_split_depth(struct model *m, size_t p, double d)
{
	struct mpersona *u = m->up ? &m->up[p] : NULL;
	double tol, w = persona_weight(m, m->objective_now);
	int k = 0, ind[2] = { 0, 0 };
	double val[2] = { 0, 1 };

	if (!u || !u->row)
		return false;
	while (k < u->nseg && u->bp[k + 1] <= d)
		k++;
	if (k == u->nseg)
		return false;
	tol = 1e-9 * u->bp[u->nseg] + 1e-12;
	if (d - u->bp[k] <= tol || u->bp[k + 1] - d <= tol)
		return false;
	if (u->nseg == u->alloc) {
		u->alloc *= 2;
		u->col = xreallocarray(u->col, (size_t)u->alloc, sizeof(int));
		u->bp = xreallocarray(u->bp, (size_t)u->alloc + 1,
				      sizeof(double));
		u->slope = xreallocarray(u->slope, (size_t)u->alloc,
					 sizeof(double));
		u->width = xreallocarray(u->width, (size_t)u->alloc,
					 sizeof(double));
	}
	for (int i = u->nseg; i > k; i--) {
		u->col[i] = u->col[i - 1];
		u->slope[i] = u->slope[i - 1];
		u->width[i] = u->width[i - 1];
		u->bp[i + 1] = u->bp[i];
	}
	u->nseg++;
	u->bp[k + 1] = d;
	u->col[k + 1] = lp_add_cols(m->lp, 1);
	m->n_cols++;
	ind[1] = u->row;
	for (int i = k; i <= k + 1; i++) {
		u->width[i] = u->bp[i + 1] - u->bp[i];
		u->slope[i] = (response_reach(&u->r, u->bp[i + 1]) -
			       response_reach(&u->r, u->bp[i])) /
			      u->width[i];
		lp_set_col_bounds(m->lp, u->col[i], 0, u->width[i]);
		lp_set_col_entries(m->lp, u->col[i], 1, ind, val);
		lp_set_obj_coef(m->lp, u->col[i], w * u->slope[i]);
	}
	return true;
}

void model_depths(const struct model *m, const double *spend, double *depth)
{
	for (size_t p = 0; p < m->c->n_personas; p++)
		depth[p] = 0;
	for (size_t j = 0; j < m->n_cells; j++)
		depth[m->cells[j].persona] -=
			cell_log_miss(m, &m->cells[j], spend[j]);
}

void model_unique_reach(const struct model *m, const double *spend,
			double *reach)
{
	model_depths(m, spend, reach);
	for (size_t p = 0; p < m->c->n_personas; p++)
		reach[p] = -persona_size(m, p) * expm1(-reach[p]);
}

double cell_spend_lp(const struct model *m, const struct mcell *x)
{
	double s = 0;

	if (x->kind == CELL_FLAT)
		return lp_col_value(m->lp, x->zcol) > 0.5 ? x->fee_part : 0;
	for (int k = 0; k < x->nseg; k++)
		s += lp_col_value(m->lp, x->col[k]);
	return s * m->unit;
}

/* names for the exported model: [A-Za-z0-9_], starting with a letter */
static void add_name_part(struct strbuf *sb, const char *s)
{
	for (; *s && sb->len < 200; s++)
		strbuf_addch(sb, ((*s >= 'a' && *s <= 'z') ||
				  (*s >= 'A' && *s <= 'Z') ||
				  (*s >= '0' && *s <= '9'))
					 ? *s
					 : '_');
}

static void name_rows(struct model *m, struct strbuf *sb)
{
	static const char *const prefix[] = {
		[ROW_BUDGET] = "budget",
		[ROW_CHANNEL] = "channel_",
		[ROW_PERSONA_CAP] = "cap_",
		[ROW_PERSONA_APPS] = "goal_apps_",
		[ROW_PERSONA_HIRES] = "goal_hires_",
		[ROW_CAMPAIGN_APPS] = "campaign_goal_apps",
		[ROW_CAMPAIGN_HIRES] = "campaign_goal_hires",
		[ROW_SEMI_HI] = "semi_max_",
		[ROW_SEMI_LO] = "semi_min_",
		[ROW_UNIQUE] = "unique_",
	};
	const struct campaign *c = m->c;

	for (int i = 1; i <= m->n_rows; i++) {
		const struct mrow *r = &m->rows[i - 1];

		strbuf_reset(sb);
		strbuf_addstr(sb, prefix[r->kind]);
		if (r->kind == ROW_CHANNEL)
			add_name_part(sb, c->channels[r->index].id);
		else if (r->kind == ROW_PERSONA_CAP ||
			 r->kind == ROW_PERSONA_APPS ||
			 r->kind == ROW_PERSONA_HIRES || r->kind == ROW_UNIQUE)
			add_name_part(sb, c->personas[r->index].id);
		else if (r->kind == ROW_SEMI_HI || r->kind == ROW_SEMI_LO)
			strbuf_addf(sb, "%zu", r->index);
		lp_set_row_name(m->lp, i, sb->buf);
	}
}

static void name_column(struct model *m, struct strbuf *sb, int col,
			const char *lead, const struct mcell *x)
{
	strbuf_reset(sb);
	strbuf_addstr(sb, lead);
	add_name_part(sb, m->c->personas[x->persona].id);
	strbuf_addch(sb, '_');
	add_name_part(sb, m->c->channels[x->channel].id);
	lp_set_col_name(m->lp, col, sb->buf);
}

/* the model as solved, in LP and MPS files for any other solver */
int model_write(struct model *m)
{
	struct strbuf sb = STRBUF_INIT, lead = STRBUF_INIT;
	int rc;

	if (!m->o->write_lp && !m->o->write_mps)
		return 0;
	name_rows(m, &sb);
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];

		for (int k = 0; k < x->nseg; k++) {
			strbuf_reset(&lead);
			strbuf_addf(&lead, "x%zu_%d_", j, k + 1);
			name_column(m, &sb, x->col[k], lead.buf, x);
		}
		if (x->zcol && cell_leads(m, j) && grouped(m, x)) {
			/* one binary for the channel: named by it alone */
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s%zu_",
				    x->kind == CELL_FLAT ? "buy" : "use", j);
			add_name_part(&sb, m->c->channels[x->channel].id);
			lp_set_col_name(m->lp, x->zcol, sb.buf);
		} else if (x->zcol && cell_leads(m, j)) {
			strbuf_reset(&lead);
			strbuf_addf(&lead, "%s%zu_",
				    x->kind == CELL_FLAT ? "buy" : "use", j);
			name_column(m, &sb, x->zcol, lead.buf, x);
		}
	}
	for (size_t p = 0; m->up && p < m->c->n_personas; p++)
		for (int k = 0; k < m->up[p].nseg; k++) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "depth%zu_%d_", p, k + 1);
			add_name_part(&sb, m->c->personas[p].id);
			lp_set_col_name(m->lp, m->up[p].col[k], sb.buf);
		}
	strbuf_release(&sb);
	strbuf_release(&lead);
	rc = lp_write(m->lp, m->o->write_lp, m->o->write_mps);
	return rc;
}
