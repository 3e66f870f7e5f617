/*
 * Spends in minor units that keep every promise of the plan. The
 * solver's spends are doubles; a plan pays in öre and cents. Rounding
 * must not spend past the budget, a channel's max_spend or max_share,
 * or a persona's budget cap, by even one minor unit, and must not let a
 * goal the solver met slip below it on the exact curves. So: floor
 * every cell, hand the units left over to the largest remainders where
 * every limit has room (a flat channel's one fee is split over its
 * personas the same way, so the parts add up to the fee exactly), take back
 * what a limit still exceeds, and then top up, unit by unit where it pays most,
 * any goal the rounding missed.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "money.h"
#include "planner_int.h"
#include "wrapper.h"

#define NO_LIMIT INT64_MAX

/* the limits a cell's spend counts against, in minor units */
struct limits {
	int64_t budget, spent;
	int64_t *ch_cap, *ch_spent; /* per channel */
	int64_t *pe_cap, *pe_spent; /* per persona */
	const double *raw;          /* the solver's spends: a flat buy made */
};

static void limits_init(struct limits *l, const struct model *m)
{
	const struct campaign *c = m->c;
	double budget = m->budget * m->scale;

	l->budget = (int64_t)floor(budget + 1e-6);
	l->spent = 0;
	l->ch_cap = xcalloc(c->n_channels + 1, sizeof(int64_t));
	l->ch_spent = xcalloc(c->n_channels + 1, sizeof(int64_t));
	l->pe_cap = xcalloc(c->n_personas + 1, sizeof(int64_t));
	l->pe_spent = xcalloc(c->n_personas + 1, sizeof(int64_t));
	for (size_t i = 0; i < c->n_channels; i++) {
		const struct channel *ch = &c->channels[i];
		int64_t cap =
			ch->max_spend != MONEY_NONE ? ch->max_spend : NO_LIMIT;

		if (!m->no_share && ch->max_share < 1 &&
		    ch->max_share * budget < (double)cap)
			cap = (int64_t)floor(ch->max_share * budget + 1e-6);
		l->ch_cap[i] = cap;
	}
	for (size_t i = 0; i < c->n_personas; i++)
		l->pe_cap[i] = c->personas[i].budget_cap != MONEY_NONE
				       ? c->personas[i].budget_cap
				       : NO_LIMIT;
}

static void limits_free(struct limits *l)
{
	free(l->ch_cap);
	free(l->ch_spent);
	free(l->pe_cap);
	free(l->pe_spent);
}

static void charge(const struct model *m, struct limits *l,
		   const struct mcell *x, int64_t units)
{
	if (model_cell_in_budget(m, x))
		l->spent += units;
	l->ch_spent[x->channel] += units;
	l->pe_spent[x->persona] += units;
}

/* the most units cell x may still get without breaking a limit */
static int64_t room(const struct model *m, const struct limits *l,
		    const struct mcell *x)
{
	int64_t r = NO_LIMIT, v;

	if (model_cell_in_budget(m, x))
		r = l->budget - l->spent;

	v = l->ch_cap[x->channel] == NO_LIMIT
		    ? NO_LIMIT
		    : l->ch_cap[x->channel] - l->ch_spent[x->channel];
	r = v < r ? v : r;
	v = l->pe_cap[x->persona] == NO_LIMIT
		    ? NO_LIMIT
		    : l->pe_cap[x->persona] - l->pe_spent[x->persona];
	return v < r ? v : r;
}

struct remainder {
	double frac;
	size_t i;
};

static int by_frac_desc(const void *a, const void *b)
{
	const struct remainder *x = a, *y = b;

	if (x->frac != y->frac)
		return x->frac < y->frac ? 1 : -1;
	return x->i < y->i ? -1 : x->i > y->i; /* stable, so repeatable */
}

/*
 * The fee of the flat channel whose group cell lead leads, in minor
 * units, over the group's cells by their reachable readers: floors,
 * then the units left to the largest remainders (ties: the first cell).
 */
static void split_fee(const struct model *m, size_t lead, double *frac,
		      int64_t *out)
{
	const struct mcell *l = &m->cells[lead];
	int64_t fee = m->c->channels[l->channel].price, given = 0;
	double readers = 0;

	for (size_t j = lead; j < m->n_cells; j++)
		if (m->cells[j].lead == lead)
			readers += m->cells[j].r.reachable;
	for (size_t j = lead; j < m->n_cells; j++) {
		double exact;

		if (m->cells[j].lead != lead)
			continue;
		exact = (double)fee * m->cells[j].r.reachable / readers;
		out[j] = (int64_t)floor(exact + 1e-9);
		frac[j] = exact - (double)out[j];
		given += out[j];
	}
	for (; given < fee; given++) {
		size_t best = lead;

		for (size_t j = lead; j < m->n_cells; j++)
			if (m->cells[j].lead == lead && frac[j] > frac[best])
				best = j;
		out[best]++;
		frac[best] = -1;
	}
}

/* each bought flat fee split over its personas; 0 elsewhere */
static void split_fees(const struct model *m, const double *raw, int64_t *fee)
{
	size_t n = m->n_cells;
	double *frac = xcalloc(n ? n : 1, sizeof(double));

	for (size_t j = 0; j < n; j++)
		if (m->cells[j].kind == CELL_FLAT && cell_leads(m, j) &&
		    raw[j] > 0)
			split_fee(m, j, frac, fee);
	free(frac);
}

/* floor, then the leftover units to the largest remainders with room */
static void largest_remainders(const struct model *m, struct limits *l,
			       const double *raw, int64_t *out)
{
	size_t n = m->n_cells;
	struct remainder *r = xcalloc(n ? n : 1, sizeof(*r));
	int64_t *fee = xcalloc(n ? n : 1, sizeof(int64_t));
	double sum = 0;
	int64_t floor_sum = 0, left;

	split_fees(m, raw, fee);
	for (size_t i = 0; i < n; i++) {
		bool flat = m->cells[i].kind == CELL_FLAT;

		sum += flat ? (double)fee[i] : raw[i];
		out[i] = flat ? fee[i] : (int64_t)floor(raw[i] + 1e-6);
		if (out[i] < 0)
			out[i] = 0;
		floor_sum += out[i];
		charge(m, l, &m->cells[i], out[i]);
		r[i].frac = flat ? 0 : raw[i] - (double)out[i];
		r[i].i = i;
	}
	left = llround(sum) - floor_sum;
	qsort(r, n, sizeof(*r), by_frac_desc);
	for (size_t k = 0; k < n && left > 0; k++) {
		const struct mcell *x = &m->cells[r[k].i];

		if (r[k].frac <= 1e-6)
			break;
		if (x->kind == CELL_FLAT || room(m, l, x) < 1)
			continue;
		out[r[k].i]++;
		charge(m, l, x, 1);
		left--;
	}
	free(r);
	free(fee);
}

/*
 * A limit the solver's tolerance let the floors exceed: take units back
 * from the group's largest cell (a flat fee is never split).
 */
static void trim(const struct model *m, struct limits *l, int64_t *out)
{
	for (int pass = 0; pass < 3; pass++)
		for (size_t i = 0; i < m->n_cells; i++) {
			const struct mcell *x = &m->cells[i];
			int64_t over = -room(m, l, x);

			if (over <= 0 || x->kind == CELL_FLAT)
				continue;
			if (over > out[i])
				over = out[i];
			out[i] -= over;
			charge(m, l, x, -over);
		}
}

/* what a goal counts: applications or hires of a persona or of all */
struct goal {
	size_t persona; /* SIZE_MAX: the campaign */
	bool hires;
	double target;
};

/* what goal g counts of cell x at spend s minor units */
static double cell_goal(const struct model *m, const struct goal *g,
			const struct mcell *x, int64_t s)
{
	struct response_point pt;

	cell_eval(x, (double)s / m->scale, &pt);
	return g->hires ? pt.hires : pt.applications;
}

static bool in_goal(const struct goal *g, const struct mcell *x)
{
	return g->persona == SIZE_MAX || x->persona == g->persona;
}

/* a flat buy made reaches every persona, even one whose part is 0 */
static double goal_value(const struct model *m, const struct limits *l,
			 const struct goal *g, const int64_t *out)
{
	double v = 0;

	for (size_t i = 0; i < m->n_cells; i++) {
		const struct mcell *x = &m->cells[i];
		bool made = x->kind == CELL_FLAT && l->raw[i] > 0;

		if (in_goal(g, x))
			v += cell_goal(m, g, x, made && !out[i] ? 1 : out[i]);
	}
	return v;
}

/* the cell where one more unit adds most to the goal, or SIZE_MAX */
static size_t best_cell(const struct model *m, const struct limits *l,
			const struct goal *g, const int64_t *out, double *gain)
{
	size_t best = SIZE_MAX;

	*gain = 0;
	for (size_t i = 0; i < m->n_cells; i++) {
		const struct mcell *x = &m->cells[i];
		double d;

		if (!in_goal(g, x) || x->kind == CELL_FLAT ||
		    x->kind == CELL_SEMI || room(m, l, x) < 1 ||
		    (double)out[i] >= x->x_max * m->scale)
			continue;
		/* only this cell's figure moves: no need to add up the rest */
		d = cell_goal(m, g, x, out[i] + 1) - cell_goal(m, g, x, out[i]);
		if (d > *gain) {
			*gain = d;
			best = i;
		}
	}
	return best;
}

/* top up goal g where the rounding left it short; bounded work */
static void meet_goal(const struct model *m, struct limits *l,
		      const struct goal *g, int64_t *out)
{
	for (int step = 0; step < 64; step++) {
		double base = goal_value(m, l, g, out), gain;
		size_t i;
		int64_t units;

		if (base >= g->target)
			return;
		i = best_cell(m, l, g, out, &gain);
		if (i == SIZE_MAX)
			return; /* no room anywhere: the plan says what it gives
				 */
		units = (int64_t)ceil((g->target - base) / gain);
		if (units < 1)
			units = 1;
		if (units > room(m, l, &m->cells[i]))
			units = room(m, l, &m->cells[i]);
		/* never past the spend the cell's curve is modelled to (its
		 * frequency cap): best_cell() left room for one unit */
		if ((double)(out[i] + units) > m->cells[i].x_max * m->scale)
			units = (int64_t)fmax(
				1, floor(m->cells[i].x_max * m->scale) -
					   (double)out[i]);
		out[i] += units;
		charge(m, l, &m->cells[i], units);
	}
}

static void meet_goals(const struct model *m, struct limits *l, int64_t *out)
{
	const struct campaign *c = m->c;

	for (size_t p = 0; p < c->n_personas; p++) {
		struct goal a = { p, false, c->personas[p].goal_applications };
		struct goal h = { p, true, c->personas[p].goal_hires };

		if (a.target > 0)
			meet_goal(m, l, &a, out);
		if (h.target > 0)
			meet_goal(m, l, &h, out);
	}
	if (c->goal_applications > 0) {
		struct goal a = { SIZE_MAX, false, c->goal_applications };

		meet_goal(m, l, &a, out);
	}
	if (c->goal_hires > 0) {
		struct goal h = { SIZE_MAX, true, c->goal_hires };

		meet_goal(m, l, &h, out);
	}
}

void round_spends(const struct model *m, const double *raw, int64_t *out)
{
	struct limits l;

	limits_init(&l, m);
	l.raw = raw;
	largest_remainders(m, &l, raw, out);
	trim(m, &l, out);
	meet_goals(m, &l, out);
	limits_free(&l);
}
