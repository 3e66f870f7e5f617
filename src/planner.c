/*
 * The planning model. Each usable cell (persona x channel) becomes
 * `segments` columns x_jk in [0, w_jk], one per piece of its concave
 * reach curve, so a maximising LP fills them in order and the model is
 * exact for the piecewise-linear curve without binaries. Flat fees are
 * one binary column; platform minimum daily budgets add one binary per
 * cell (0, or at least min_daily x days). Rows: the budget, a spend
 * row per constrained channel and capped persona, a response row per
 * goal, two linking rows per semi-continuous cell.
 *
 * LPs are solved by dual simplex with the long-step ratio test
 * (GLP_RT_FLIP): with every column boxed it is orders of magnitude
 * faster than the default (../shared/reference/optimizers.md 4.6).
 * A MIP solves its relaxation the same way, then glp_intopt; its duals
 * come from the LP with the binaries fixed at their optimum.
 */
#include "planner.h"

#include <glpk.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "money.h"
#include "response.h"
#include "strbuf.h"
#include "wrapper.h"

enum cell_kind { CELL_CURVE, CELL_SEMI, CELL_FLAT, CELL_LINEAR };

struct mcell {
	size_t persona, channel;
	struct response r;
	enum cell_kind kind;
	double x_max; /* modelled spend range */
	double lower; /* semi-continuous floor */
	bool cap_is_freq;
	int col0, nseg;     /* segment columns col0 .. col0 + nseg - 1 */
	int zcol;           /* binary column, or 0 */
	int row_hi, row_lo; /* semi-continuous linking rows */
	double chord_err;   /* in reach */
	double *slope;      /* nseg slopes, reach per money unit */
	double *width;
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
};

struct mrow {
	enum row_kind kind;
	size_t index; /* persona, channel or cell */
	int type;     /* GLP_UP ... as set for the main solve */
	double lb, ub;
};

struct model {
	const struct campaign *c;
	const struct plan_options *o;
	enum objective objective;
	glp_prob *P;
	struct mcell *cells;
	size_t n_cells;
	struct mrow *rows; /* rows[i - 1] describes GLPK row i */
	int n_rows, n_cols;
	double budget; /* major units */
	double bmax;   /* spend range the segments cover */
	double scale;  /* 10^digits */
	int row_budget;
	int *row_channel; /* per channel, 0: none */
	int *row_pcap, *row_papps, *row_phires;
	int row_capps, row_chires;
	bool mip;
	bool no_share; /* ignore max_share (the least-budget probe) */
	double norm_apps, norm_reach; /* blend divisors */
	size_t nnz;
	char **notes;
	size_t n_notes, alloc_notes;
};

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
	t->n++; /* GLPK's arrays are 1-based */
	t->ia[t->n] = i;
	t->ja[t->n] = j;
	t->ar[t->n] = v;
}

static void add_note(struct model *m, const char *fmt, ...) ATTR_PRINTF(2, 3);

static void add_note(struct model *m, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	ALLOC_GROW(m->notes, m->n_notes + 1, m->alloc_notes);
	m->notes[m->n_notes++] = strbuf_detach(&sb);
}

/* a money amount as text, in a small rotating set of buffers */
static const char *money_str(const struct campaign *c, double v)
{
	static struct strbuf ring[4];
	static int next;
	struct strbuf *sb = &ring[next++ % 4];

	strbuf_reset(sb);
	money_format_currency(sb, llround(v * (double)money_scale(c->digits)),
			      c->digits, c->currency);
	return sb->buf;
}

const char *objective_unit(enum objective o, const struct campaign *c)
{
	switch (o) {
	case OBJ_APPLICATIONS:
		return "applications";
	case OBJ_HIRES:
		return "hires";
	case OBJ_VALUE:
	case OBJ_MIN_COST:
		return c->currency;
	case OBJ_REACH:
		return "people reached";
	case OBJ_BLEND:
		return "blend points";
	}
	return "";
}

void plan_options_init(struct plan_options *o, const struct campaign *c)
{
	memset(o, 0, sizeof(*o));
	o->objective = c->objective;
	o->short_term_weight = c->short_term_weight;
	o->segments = PLAN_DEFAULT_SEGMENTS;
	o->budget = -1;
	o->mip_gap = PLAN_DEFAULT_MIP_GAP;
	o->explain_max_columns = PLAN_DEFAULT_EXPLAIN_MAX_COLUMNS;
}

/* objective weight per reach unit and per money unit of a cell */
static void cell_weights(const struct model *m, const struct mcell *x,
			 enum objective obj, double *w_reach, double *w_money)
{
	const struct persona *p = &m->c->personas[x->persona];
	double qa = x->r.q * x->r.a;
	double alpha = m->o->short_term_weight;

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
		*w_money = -1;
		break;
	case OBJ_REACH:
		*w_reach = 1;
		break;
	case OBJ_BLEND:
		*w_reach =
			alpha * qa / m->norm_apps + (1 - alpha) / m->norm_reach;
		break;
	case OBJ_MIN_COST:
		*w_money = 1;
		break;
	}
}

static double flat_reach(const struct mcell *x)
{
	return response_reach(&x->r, x->r.fee);
}

static void set_objective(struct model *m, enum objective obj)
{
	glp_set_obj_dir(m->P, obj == OBJ_MIN_COST ? GLP_MIN : GLP_MAX);
	glp_set_obj_name(m->P,
			 obj == OBJ_MIN_COST ? "spend" : objective_name(obj));
	for (size_t j = 0; j < m->n_cells; j++) {
		struct mcell *x = &m->cells[j];
		double wr, wm;

		cell_weights(m, x, obj, &wr, &wm);
		if (x->kind == CELL_FLAT) {
			glp_set_obj_coef(m->P, x->zcol,
					 wr * flat_reach(x) + wm * x->r.fee);
			continue;
		}
		for (int k = 0; k < x->nseg; k++)
			glp_set_obj_coef(m->P, x->col0 + k,
					 wr * x->slope[k] + wm);
	}
}

/* the upper bound of channel ch's spend row at budget b */
static void channel_bounds(const struct model *m, size_t ch, double b,
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

static int add_row(struct model *m, enum row_kind kind, size_t index, double lb,
		   double ub)
{
	int i = glp_add_rows(m->P, 1), type;
	struct mrow *r;

	/* an infinite lb or ub means that side is open */
	if (isfinite(lb) && isfinite(ub))
		type = lb < ub ? GLP_DB : GLP_FX;
	else if (isfinite(lb))
		type = GLP_LO;
	else if (isfinite(ub))
		type = GLP_UP;
	else
		type = GLP_FR;
	if (type == GLP_FX)
		ub = lb;
	glp_set_row_bnds(m->P, i, type, lb, ub);
	m->rows = xreallocarray(m->rows, (size_t)i, sizeof(*m->rows));
	r = &m->rows[i - 1];
	r->kind = kind;
	r->index = index;
	r->type = type;
	r->lb = lb;
	r->ub = ub;
	m->n_rows = i;
	return i;
}

/* why a cell with a platform minimum cannot be used at all */
static void note_min_daily(struct model *m, const struct persona *per,
			   const struct channel *chan, const struct mcell *x)
{
	const struct campaign *c = m->c;
	const char *daily =
		money_str(c, money_to_major(chan->min_daily, c->digits));

	if (x->lower > x->x_max)
		add_note(m,
			 "%s on %s is left out: the platform minimum of %s a "
			 "day for %d days is more than the %s its audience "
			 "absorbs at the frequency cap",
			 per->id, chan->id, daily, c->days,
			 money_str(c, x->x_max));
	else
		add_note(m,
			 "%s on %s is left out: the platform minimum of %s a "
			 "day for %d days is more than the budget of %s",
			 per->id, chan->id, daily, c->days,
			 money_str(c, m->bmax));
}

/* choose the cells and their spend ranges; say why any are left out */
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
			const struct channel *chan = &c->channels[ch];
			struct mcell *x = &m->cells[m->n_cells];

			if (campaign_cell_excluded(c, p, ch))
				continue;
			memset(x, 0, sizeof(*x));
			x->persona = p;
			x->channel = ch;
			response_init(&x->r, c, p, pc);
			if (x->r.reachable <= 0)
				continue;
			switch (chan->pricing) {
			case PRICING_FLAT:
				x->kind = CELL_FLAT;
				if (x->r.fee > m->bmax)
					continue;
				x->x_max = x->r.fee;
				break;
			case PRICING_PER_HIRE:
				x->kind = CELL_LINEAR;
				x->x_max = x->r.x_cap;
				x->cap_is_freq = true;
				break;
			case PRICING_CPM:
			case PRICING_CPC:
				x->kind = CELL_CURVE;
				if (x->r.k <= 0)
					continue;
				x->cap_is_freq =
					x->r.x_cap > 0 && x->r.x_cap <= lim;
				x->x_max = x->cap_is_freq ? x->r.x_cap : lim;
				x->lower = money_to_major(chan->min_daily,
							  c->digits) *
					   c->days;
				if (x->lower <= 0)
					break;
				if (x->lower > x->x_max || x->lower > m->bmax) {
					note_min_daily(m, per, chan, x);
					continue;
				}
				x->kind = CELL_SEMI;
				break;
			}
			if (x->x_max <= 0)
				continue;
			m->n_cells++;
		}
	}
}

static void build(struct model *m, struct triplets *t)
{
	const struct campaign *c = m->c;
	int seg = m->o->segments;
	size_t ncols = 0, nch = c->n_channels, np = c->n_personas;
	double *bp = xcalloc((size_t)seg + 1, sizeof(double));
	bool *ch_used = xcalloc(nch ? nch : 1, sizeof(bool));
	int col;

	m->P = glp_create_prob();
	glp_set_prob_name(m->P, "jobmix");
	m->row_channel = xcalloc(nch ? nch : 1, sizeof(int));
	m->row_pcap = xcalloc(np ? np : 1, sizeof(int));
	m->row_papps = xcalloc(np ? np : 1, sizeof(int));
	m->row_phires = xcalloc(np ? np : 1, sizeof(int));

	m->row_budget = add_row(m, ROW_BUDGET, 0, -INFINITY, m->budget);
	for (size_t j = 0; j < m->n_cells; j++)
		ch_used[m->cells[j].channel] = true;
	for (size_t ch = 0; ch < nch; ch++) {
		double lb, ub;

		channel_bounds(m, ch, m->budget, &lb, &ub);
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

	for (size_t j = 0; j < m->n_cells; j++) {
		struct mcell *x = &m->cells[j];

		x->nseg = x->kind == CELL_FLAT     ? 0
			  : x->kind == CELL_LINEAR ? 1
						   : seg;
		ncols += (size_t)x->nseg +
			 (x->kind == CELL_FLAT || x->kind == CELL_SEMI);
		if (x->kind == CELL_SEMI) {
			x->row_hi = add_row(m, ROW_SEMI_HI, j, -INFINITY, 0);
			x->row_lo = add_row(m, ROW_SEMI_LO, j, 0, INFINITY);
		}
	}
	if (ncols == 0) {
		free(bp);
		free(ch_used);
		return;
	}
	col = glp_add_cols(m->P, (int)ncols);
	m->n_cols = (int)ncols;
	for (size_t j = 0; j < m->n_cells; j++) {
		struct mcell *x = &m->cells[j];
		double qa = x->r.q * x->r.a, h = x->r.h;
		int rows_spend[3] = { m->row_budget, m->row_channel[x->channel],
				      m->row_pcap[x->persona] };

		if (x->kind != CELL_FLAT) {
			x->slope = xcalloc((size_t)x->nseg, sizeof(double));
			x->width = xcalloc((size_t)x->nseg, sizeof(double));
			x->chord_err = response_segments(&x->r, x->x_max,
							 x->nseg, bp, x->slope);
			x->col0 = col;
			for (int k = 0; k < x->nseg; k++, col++) {
				x->width[k] = bp[k + 1] - bp[k];
				glp_set_col_bnds(m->P, col, GLP_DB, 0,
						 x->width[k]);
				for (int r = 0; r < 3; r++)
					trip_add(t, rows_spend[r], col, 1);
				trip_add(t, m->row_papps[x->persona], col,
					 qa * x->slope[k]);
				trip_add(t, m->row_phires[x->persona], col,
					 qa * h * x->slope[k]);
				trip_add(t, m->row_capps, col,
					 qa * x->slope[k]);
				trip_add(t, m->row_chires, col,
					 qa * h * x->slope[k]);
				if (x->kind == CELL_SEMI) {
					trip_add(t, x->row_hi, col, 1);
					trip_add(t, x->row_lo, col, 1);
				}
			}
		}
		if (x->kind == CELL_FLAT || x->kind == CELL_SEMI) {
			x->zcol = col++;
			glp_set_col_kind(m->P, x->zcol, GLP_BV);
			m->mip = true;
		}
		if (x->kind == CELL_SEMI) {
			trip_add(t, x->row_hi, x->zcol, -x->x_max);
			trip_add(t, x->row_lo, x->zcol, -x->lower);
		} else if (x->kind == CELL_FLAT) {
			double fr = flat_reach(x);

			for (int r = 0; r < 3; r++)
				trip_add(t, rows_spend[r], x->zcol, x->r.fee);
			trip_add(t, m->row_papps[x->persona], x->zcol, qa * fr);
			trip_add(t, m->row_phires[x->persona], x->zcol,
				 qa * h * fr);
			trip_add(t, m->row_capps, x->zcol, qa * fr);
			trip_add(t, m->row_chires, x->zcol, qa * h * fr);
		}
	}
	glp_load_matrix(m->P, (int)t->n, t->ia, t->ja, t->ar);
	m->nnz = t->n;
	free(bp);
	free(ch_used);
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

static void name_model(struct model *m)
{
	const struct campaign *c = m->c;
	struct strbuf sb = STRBUF_INIT;

	for (int i = 1; i <= m->n_rows; i++) {
		const struct mrow *r = &m->rows[i - 1];
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
		};

		strbuf_reset(&sb);
		strbuf_addstr(&sb, prefix[r->kind]);
		switch (r->kind) {
		case ROW_CHANNEL:
			add_name_part(&sb, c->channels[r->index].id);
			break;
		case ROW_PERSONA_CAP:
		case ROW_PERSONA_APPS:
		case ROW_PERSONA_HIRES:
			add_name_part(&sb, c->personas[r->index].id);
			break;
		case ROW_SEMI_HI:
		case ROW_SEMI_LO:
			strbuf_addf(&sb, "%zu", r->index);
			break;
		default:
			break;
		}
		glp_set_row_name(m->P, i, sb.buf);
	}
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];

		for (int k = 0; k < x->nseg; k++) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "x%zu_%d_", j, k + 1);
			add_name_part(&sb, c->personas[x->persona].id);
			strbuf_addch(&sb, '_');
			add_name_part(&sb, c->channels[x->channel].id);
			glp_set_col_name(m->P, x->col0 + k, sb.buf);
		}
		if (x->zcol) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s%zu_",
				    x->kind == CELL_FLAT ? "buy" : "use", j);
			add_name_part(&sb, c->personas[x->persona].id);
			strbuf_addch(&sb, '_');
			add_name_part(&sb, c->channels[x->channel].id);
			glp_set_col_name(m->P, x->zcol, sb.buf);
		}
	}
	strbuf_release(&sb);
}

static int term_hook(void *info, const char *s)
{
	(void)info;
	fputs(s, stderr);
	return 1;
}

enum solve_result { SOLVED, NO_SOLUTION, SOLVER_FAILED };

/* dual simplex with the long-step ratio test (optimizers.md 4.6) */
static void lp_params(const struct model *m, glp_smcp *smcp)
{
	glp_init_smcp(smcp);
	smcp->meth = GLP_DUAL;
	smcp->r_test = GLP_RT_FLIP;
	smcp->msg_lev = verbosity >= 2 ? GLP_MSG_ON : GLP_MSG_ERR;
	if (m->o->time_limit_s > 0)
		smcp->tm_lim = m->o->time_limit_s * 1000;
}

/* undo the fixing of binaries that solve() leaves behind */
static void free_binaries(struct model *m)
{
	for (size_t j = 0; m->mip && j < m->n_cells; j++)
		if (m->cells[j].zcol)
			glp_set_col_bnds(m->P, m->cells[j].zcol, GLP_DB, 0, 1);
}

/*
 * Solve the model as it stands. For a MIP the binaries are freed,
 * the branch-and-cut run, then fixed at the optimum and the LP solved
 * again, so primal values and duals can be read the same way for both.
 */
static enum solve_result solve(struct model *m, bool *hit_limit)
{
	glp_smcp smcp;
	glp_iocp iocp;
	int ret, st;

	*hit_limit = false;
	lp_params(m, &smcp);
	free_binaries(m);
	ret = glp_simplex(m->P, &smcp);
	if (ret == GLP_EFAIL || ret == GLP_ESING || ret == GLP_ECOND) {
		/* a bad warm basis: start over from the standard one */
		glp_std_basis(m->P);
		ret = glp_simplex(m->P, &smcp);
	}
	if (ret == GLP_ETMLIM || ret == GLP_EITLIM) {
		*hit_limit = true;
		return SOLVER_FAILED;
	}
	if (ret != 0)
		return SOLVER_FAILED;
	st = glp_get_status(m->P);
	if (st == GLP_NOFEAS || st == GLP_INFEAS)
		return NO_SOLUTION;
	if (st != GLP_OPT)
		return SOLVER_FAILED;
	if (!m->mip)
		return SOLVED;

	glp_init_iocp(&iocp);
	iocp.msg_lev = verbosity >= 2 ? GLP_MSG_ON : GLP_MSG_ERR;
	iocp.mip_gap = m->o->mip_gap;
	iocp.presolve = GLP_OFF;
	if (m->o->time_limit_s > 0)
		iocp.tm_lim = m->o->time_limit_s * 1000;
	ret = glp_intopt(m->P, &iocp);
	st = glp_mip_status(m->P);
	/* GLP_EMIPGAP: stopped within mip_gap of the bound, as asked */
	if (ret == GLP_ETMLIM)
		*hit_limit = true;
	if (st == GLP_NOFEAS)
		return NO_SOLUTION;
	if (st != GLP_OPT && st != GLP_FEAS)
		return SOLVER_FAILED;
	for (size_t j = 0; j < m->n_cells; j++) {
		int z = m->cells[j].zcol;

		if (z) {
			double v = glp_mip_col_val(m->P, z) > 0.5 ? 1 : 0;

			glp_set_col_bnds(m->P, z, GLP_FX, v, v);
		}
	}
	smcp.tm_lim = INT_MAX;
	ret = glp_simplex(m->P, &smcp);
	if (ret != 0 || glp_get_status(m->P) != GLP_OPT)
		return SOLVER_FAILED;
	return SOLVED;
}

static double cell_spend_lp(const struct model *m, const struct mcell *x)
{
	double s = 0;

	if (x->kind == CELL_FLAT)
		return glp_get_col_prim(m->P, x->zcol) > 0.5 ? x->r.fee : 0;
	for (int k = 0; k < x->nseg; k++)
		s += glp_get_col_prim(m->P, x->col0 + k);
	return s;
}

/*
 * Round the cells' spends to minor units without the total drifting:
 * floor every cell, then hand the remaining units to the largest
 * remainders (the total is the rounded sum, so never above budget).
 */
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

static void round_spends(const double *raw, size_t n, int64_t *out)
{
	double sum = 0;
	int64_t floor_sum = 0, left;
	struct remainder *r = xcalloc(n ? n : 1, sizeof(*r));

	for (size_t i = 0; i < n; i++) {
		sum += raw[i];
		out[i] = (int64_t)floor(raw[i] + 1e-6);
		floor_sum += out[i];
		r[i].frac = raw[i] - (double)out[i];
		r[i].i = i;
	}
	left = llround(sum) - floor_sum;
	qsort(r, n, sizeof(*r), by_frac_desc);
	for (size_t k = 0; k < n && left > 0; k++) {
		if (r[k].frac <= 1e-6)
			break;
		out[r[k].i]++;
		left--;
	}
	free(r);
}

static void total_add(struct plan_total *t, const struct plan_cell *pc)
{
	t->spend += pc->spend;
	t->impressions += pc->impressions;
	t->reach += pc->reach;
	t->clicks += pc->clicks;
	t->applications += pc->applications;
	t->hires += pc->hires;
}

static void total_finish(struct plan_total *t, const struct campaign *c)
{
	t->cost_per_application =
		t->applications > 1e-9
			? llround((double)t->spend / t->applications)
			: MONEY_NONE;
	t->cost_per_hire = t->hires > 1e-9
				   ? llround((double)t->spend / t->hires)
				   : MONEY_NONE;
	(void)c;
	t->value -= t->spend;
}

/* the objective of a set of exact figures */
static double exact_objective(const struct model *m, const struct plan *p)
{
	double alpha = m->o->short_term_weight;

	switch (m->objective) {
	case OBJ_APPLICATIONS:
		return p->total.applications;
	case OBJ_HIRES:
		return p->total.hires;
	case OBJ_VALUE:
		return money_to_major(p->total.value, m->c->digits);
	case OBJ_REACH:
		return p->total.reach;
	case OBJ_BLEND:
		return alpha * p->total.applications / m->norm_apps +
		       (1 - alpha) * p->total.reach / m->norm_reach;
	case OBJ_MIN_COST:
		return money_to_major(p->total.spend, m->c->digits);
	}
	return 0;
}

static void extract(struct model *m, struct plan *p)
{
	const struct campaign *c = m->c;
	double *raw = xcalloc(m->n_cells ? m->n_cells : 1, sizeof(double));
	int64_t *spend = xcalloc(m->n_cells ? m->n_cells : 1, sizeof(int64_t));
	double wr, wm, max_err = 0;

	p->persona_totals = xcalloc(c->n_personas ? c->n_personas : 1,
				    sizeof(struct plan_total));
	p->channel_totals = xcalloc(c->n_channels ? c->n_channels : 1,
				    sizeof(struct plan_total));
	p->cells = xcalloc(m->n_cells ? m->n_cells : 1, sizeof(*p->cells));
	for (size_t j = 0; j < m->n_cells; j++) {
		raw[j] = cell_spend_lp(m, &m->cells[j]) * m->scale;
		cell_weights(m, &m->cells[j], m->objective, &wr, &wm);
		if (wr * m->cells[j].chord_err > max_err)
			max_err = wr * m->cells[j].chord_err;
	}
	round_spends(raw, m->n_cells, spend);
	memset(&p->total, 0, sizeof(p->total));
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		const struct persona *per = &c->personas[x->persona];
		struct response_point pt;
		struct plan_cell *pc;
		double vph;
		int64_t value;

		if (spend[j] <= 0)
			continue;
		pc = &p->cells[p->n_cells++];
		response_eval(&x->r, (double)spend[j] / m->scale, &pt);
		pc->persona = x->persona;
		pc->channel = x->channel;
		pc->spend = spend[j];
		pc->daily = c->days > 0 ? spend[j] / c->days : spend[j];
		pc->impressions = pt.impressions;
		pc->reach = pt.reach;
		pc->clicks = pt.clicks;
		pc->applications = pt.applications;
		pc->hires = pt.hires;
		pc->cost_per_application =
			pt.applications > 1e-9
				? llround((double)spend[j] / pt.applications)
				: MONEY_NONE;
		pc->cost_per_hire =
			pt.hires > 1e-9 ? llround((double)spend[j] / pt.hires)
					: MONEY_NONE;
		pc->at_frequency_cap =
			x->cap_is_freq && raw[j] >= x->x_max * m->scale - 1;
		pc->frequency = x->r.reachable > 0
					? x->r.precision * pt.impressions /
						  x->r.reachable
					: 0;
		vph = per->value_per_hire > 0 ? (double)per->value_per_hire : 0;
		total_add(&p->total, pc);
		total_add(&p->persona_totals[x->persona], pc);
		total_add(&p->channel_totals[x->channel], pc);
		value = llround(vph * pt.hires);
		p->total.value += value;
		p->persona_totals[x->persona].value += value;
		p->channel_totals[x->channel].value += value;
	}
	total_finish(&p->total, c);
	for (size_t i = 0; i < c->n_personas; i++)
		total_finish(&p->persona_totals[i], c);
	for (size_t i = 0; i < c->n_channels; i++)
		total_finish(&p->channel_totals[i], c);
	p->objective_lp = glp_get_obj_val(m->P);
	p->objective_value = exact_objective(m, p);
	p->approx_error = p->objective_value - p->objective_lp;
	p->max_segment_error = max_err;
	p->marginal = glp_get_row_dual(m->P, m->row_budget);
	p->marginal_apps = m->objective == OBJ_APPLICATIONS ? p->marginal : NAN;
	free(raw);
	free(spend);
}

/* the words for a row's constraint, without its price */
static void describe_row(const struct model *m, const struct mrow *r,
			 struct strbuf *name, struct strbuf *text,
			 enum binding_kind *kind)
{
	const struct campaign *c = m->c;

	switch (r->kind) {
	case ROW_BUDGET:
		*kind = BIND_BUDGET;
		strbuf_addstr(name, "budget");
		strbuf_addf(text, "the budget of %s", money_str(c, r->ub));
		break;
	case ROW_CHANNEL: {
		const struct channel *ch = &c->channels[r->index];
		double lb, ub;
		bool at_floor = false;

		channel_bounds(m, r->index, m->budget, &lb, &ub);
		if (lb > 0) {
			double s = glp_get_row_prim(m->P,
						    m->row_channel[r->index]);
			at_floor = fabs(s - lb) <= 1e-6 * (1 + lb);
		}
		if (at_floor) {
			*kind = BIND_CHANNEL_FLOOR;
			strbuf_addf(name, "channel %s min spend", ch->id);
			strbuf_addf(text, "the %s floor on %s (%s)",
				    money_str(c, lb), ch->name, ch->id);
		} else if (ch->max_share < 1 &&
			   ch->max_share * m->budget <= ub + 1e-9) {
			*kind = BIND_CHANNEL_MAX;
			strbuf_addf(name, "channel %s max share", ch->id);
			strbuf_addf(text, "the %g %% cap on %s (%s)",
				    ch->max_share * 100, ch->name, ch->id);
		} else {
			*kind = BIND_CHANNEL_MAX;
			strbuf_addf(name, "channel %s max spend", ch->id);
			strbuf_addf(text, "the %s ceiling on %s (%s)",
				    money_str(c, ub), ch->name, ch->id);
		}
		break;
	}
	case ROW_PERSONA_CAP:
		*kind = BIND_PERSONA_CAP;
		strbuf_addf(name, "persona %s budget cap",
			    c->personas[r->index].id);
		strbuf_addf(text, "the %s budget cap on persona '%s'",
			    money_str(c, r->ub), c->personas[r->index].id);
		break;
	case ROW_PERSONA_APPS:
	case ROW_PERSONA_HIRES: {
		bool apps = r->kind == ROW_PERSONA_APPS;

		*kind = BIND_PERSONA_GOAL;
		strbuf_addf(name, "persona %s goal %s",
			    c->personas[r->index].id,
			    apps ? "applications" : "hires");
		strbuf_addf(text, "the goal of %g %s for persona '%s'", r->lb,
			    apps ? "applications" : "hires",
			    c->personas[r->index].id);
		break;
	}
	case ROW_CAMPAIGN_APPS:
	case ROW_CAMPAIGN_HIRES: {
		bool apps = r->kind == ROW_CAMPAIGN_APPS;

		*kind = BIND_CAMPAIGN_GOAL;
		strbuf_addf(name, "campaign goal %s",
			    apps ? "applications" : "hires");
		strbuf_addf(text, "the campaign goal of %g %s", r->lb,
			    apps ? "applications" : "hires");
		break;
	}
	case ROW_SEMI_HI:
	case ROW_SEMI_LO: {
		const struct mcell *x = &m->cells[r->index];
		const struct channel *ch = &c->channels[x->channel];

		*kind = BIND_MIN_DAILY;
		strbuf_addf(name, "cell %s %s min daily",
			    c->personas[x->persona].id, ch->id);
		strbuf_addf(
			text,
			"the platform minimum of %s a day on %s for "
			"persona '%s'",
			money_str(c, money_to_major(ch->min_daily, c->digits)),
			ch->id, c->personas[x->persona].id);
		break;
	}
	}
}

/* "about 3.1 applications", "about 12 500 SEK" */
static void amount_words(const struct model *m, struct strbuf *sb, double v)
{
	if (m->objective == OBJ_VALUE || m->objective == OBJ_MIN_COST)
		strbuf_addstr(sb, money_str(m->c, v));
	else if (m->objective == OBJ_BLEND)
		strbuf_addf(sb, "%.4f blend points", v);
	else
		strbuf_addf(sb, "%.3g %s", v,
			    objective_unit(m->objective, m->c));
}

/* the LP with the binaries as they stand; true when optimal */
static bool resolve_fixed(struct model *m)
{
	glp_smcp smcp;

	lp_params(m, &smcp);
	smcp.tm_lim = INT_MAX;
	return glp_simplex(m->P, &smcp) == 0 && glp_get_status(m->P) == GLP_OPT;
}

/* relax row i, re-solve, and return the objective gained; NAN if unknown */
static double price_row(struct model *m, int i, double base)
{
	const struct mrow *r = &m->rows[i - 1];
	bool limit;
	double v = NAN;

	switch (r->type) {
	case GLP_DB:
	case GLP_FX:
		/* a channel with a floor and a cap: drop the side that binds */
		if (fabs(glp_get_row_prim(m->P, i) - r->lb) <
		    fabs(glp_get_row_prim(m->P, i) - r->ub))
			glp_set_row_bnds(m->P, i, GLP_UP, 0, r->ub);
		else
			glp_set_row_bnds(m->P, i, GLP_LO, r->lb, 0);
		break;
	default:
		glp_set_row_bnds(m->P, i, GLP_FR, 0, 0);
		break;
	}
	/*
	 * A MIP is priced with its buy decisions held where the optimum
	 * put them (solve() leaves the binaries fixed): a branch and cut
	 * per binding row took minutes on a 10k-column MIP.
	 */
	if (m->mip ? resolve_fixed(m) : solve(m, &limit) == SOLVED)
		v = glp_get_obj_val(m->P);
	glp_set_row_bnds(m->P, i, r->type, r->lb, r->ub);
	if (isnan(v))
		return v;
	return m->objective == OBJ_MIN_COST ? base - v : v - base;
}

static void add_binding(struct plan *p, size_t *alloc, enum binding_kind kind,
			char *name, char *text, double dual, double cost)
{
	struct plan_binding *b;

	ALLOC_GROW(p->bindings, p->n_bindings + 1, *alloc);
	b = &p->bindings[p->n_bindings++];
	b->kind = kind;
	b->name = name;
	b->text = text;
	b->dual = dual;
	b->cost = cost;
}

static void find_bindings(struct model *m, struct plan *p)
{
	const struct campaign *c = m->c;
	double base = glp_get_obj_val(m->P);
	double *duals = xcalloc((size_t)m->n_rows + 1, sizeof(double));
	bool price = (size_t)m->n_cols <= m->o->explain_max_columns;
	size_t alloc = 0, n_freq = 0;
	double per = 1000; /* marginals are quoted per 1000 units */
	struct strbuf more = STRBUF_INIT;

	for (int i = 1; i <= m->n_rows; i++)
		duals[i] = glp_get_row_dual(m->P, i);
	for (int i = 1; i <= m->n_rows; i++) {
		const struct mrow *r = &m->rows[i - 1];
		struct strbuf name = STRBUF_INIT, text = STRBUF_INIT;
		enum binding_kind kind = BIND_BUDGET;
		double d = duals[i], cost = NAN, scale_d;

		scale_d =
			fabs(d) * (1 + fabs(r->ub < INFINITY ? r->ub : r->lb));
		if (scale_d < 1e-7 * (1 + fabs(base)))
			continue;
		if (r->kind == ROW_SEMI_HI)
			continue; /* a modelling row; its floor twin speaks */
		describe_row(m, r, &name, &text, &kind);
		if (r->kind == ROW_BUDGET) {
			strbuf_addstr(&text, " binds: one more ");
			strbuf_addstr(&text, money_str(c, per));
			strbuf_addstr(&text, m->objective == OBJ_MIN_COST
						     ? " of budget saves "
						     : " buys about ");
			amount_words(m, &text, fabs(d) * per);
		} else {
			if (price)
				cost = price_row(m, i, base);
			strbuf_addstr(&text, " binds");
			if (!isnan(cost) && cost > 1e-9) {
				strbuf_addstr(&text, ": it costs about ");
				amount_words(m, &text, cost);
			} else if (r->kind == ROW_PERSONA_APPS ||
				   r->kind == ROW_PERSONA_HIRES ||
				   r->kind == ROW_CAMPAIGN_APPS ||
				   r->kind == ROW_CAMPAIGN_HIRES) {
				strbuf_addstr(&text, ": each unit more costs "
						     "about ");
				amount_words(m, &text, fabs(d));
			} else {
				strbuf_addstr(&text, ": each ");
				strbuf_addstr(&text, money_str(c, per));
				strbuf_addstr(&text,
					      " of room is worth about ");
				amount_words(m, &text, fabs(d) * per);
			}
		}
		add_binding(p, &alloc, kind, strbuf_detach(&name),
			    strbuf_detach(&text), d, cost);
	}
	/* frequency caps: cells whose last segment is full and still pays */
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		int last;
		double rc, s;

		if (!x->cap_is_freq || x->kind == CELL_FLAT || !x->nseg)
			continue;
		last = x->col0 + x->nseg - 1;
		s = glp_get_col_prim(m->P, last);
		rc = glp_get_col_dual(m->P, last);
		if (s < x->width[x->nseg - 1] * (1 - 1e-9) || fabs(rc) < 1e-12)
			continue;
		if (m->objective == OBJ_MIN_COST ? rc > 0 : rc < 0)
			continue;
		if (++n_freq > 8)
			continue;
		{
			struct strbuf name = STRBUF_INIT, text = STRBUF_INIT;
			const struct channel *ch = &c->channels[x->channel];
			const struct persona *pe = &c->personas[x->persona];

			strbuf_addf(&name, "cell %s %s frequency cap", pe->id,
				    ch->id);
			if (ch->pricing == PRICING_PER_HIRE)
				strbuf_addf(&text,
					    "persona '%s' on %s has given "
					    "every hire its network can: a "
					    "bigger network would be worth "
					    "about ",
					    pe->id, ch->id);
			else
				strbuf_addf(&text,
					    "persona '%s' on %s is at its "
					    "frequency cap of %g (%.0f of "
					    "%.0f reachable people reached): "
					    "a higher cap would be worth "
					    "about ",
					    pe->id, ch->id, ch->frequency_cap,
					    response_reach(&x->r, x->x_max),
					    x->r.reachable);
			amount_words(m, &text, fabs(rc) * per);
			strbuf_addf(&text, " per %s", money_str(c, per));
			add_binding(p, &alloc, BIND_FREQUENCY_CAP,
				    strbuf_detach(&name), strbuf_detach(&text),
				    rc, NAN);
		}
	}
	if (n_freq > 8) {
		strbuf_addf(&more, "%zu more cells are at their frequency cap",
			    n_freq - 8);
		add_note(m, "%s", more.buf);
	}
	strbuf_release(&more);
	free(duals);
}

/* say in words where the money went, or why it did not */
static void explain_spend(struct model *m, struct plan *p)
{
	const struct campaign *c = m->c;
	double left = money_to_major(p->budget - p->total.spend, c->digits);
	size_t at_cap = 0, used = 0;

	if (m->objective == OBJ_MIN_COST || left < 1)
		return;
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		double s = cell_spend_lp(m, x);

		if (s > 0)
			used++;
		if (x->cap_is_freq && s >= x->x_max * (1 - 1e-6))
			at_cap++;
	}
	if (m->objective == OBJ_VALUE && fabs(p->marginal) < 1e-9) {
		add_note(m,
			 "%s of the budget is left unspent: beyond this plan "
			 "each further hire would cost more than it is worth",
			 money_str(c, left));
	} else if (at_cap == m->n_cells) {
		add_note(m,
			 "%s of the budget is left unspent: every reachable "
			 "audience is at its frequency cap, so more money "
			 "would buy nothing",
			 money_str(c, left));
	} else {
		add_note(m,
			 "%s of the budget is left unspent: %zu of %zu usable "
			 "cells are at their frequency cap and the rest are "
			 "held back by channel or persona limits",
			 money_str(c, left), at_cap, m->n_cells);
	}
}

/* what the cells could give at most, at any budget */
static void persona_ceiling(const struct model *m, size_t persona, double *apps,
			    double *hires)
{
	*apps = *hires = 0;
	for (size_t j = 0; j < m->n_cells; j++) {
		const struct mcell *x = &m->cells[j];
		struct response_point pt;
		double xmax;

		if (persona != (size_t)-1 && x->persona != persona)
			continue;
		xmax = x->kind == CELL_FLAT ? x->r.fee
		       : x->r.x_cap > 0     ? x->r.x_cap
					    : 1e300;
		if (xmax >= 1e300) {
			*apps += x->r.reachable * x->r.q * x->r.a;
			*hires += x->r.reachable * x->r.q * x->r.a * x->r.h;
			continue;
		}
		response_eval(&x->r, xmax, &pt);
		*apps += pt.applications;
		*hires += pt.hires;
	}
}

static void add_reason(struct plan *p, size_t *alloc, const char *fmt, ...)
	ATTR_PRINTF(3, 4);

static void add_reason(struct plan *p, size_t *alloc, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	ALLOC_GROW(p->reasons, p->n_reasons + 1, *alloc);
	p->reasons[p->n_reasons++] = strbuf_detach(&sb);
}

static void model_free(struct model *m);
static int model_make(struct model *m, const struct campaign *c,
		      const struct plan_options *o, enum objective obj,
		      double budget, double bmax, bool no_share);

/* why no plan meets the goals, and the least budget that would */
static void explain_infeasible(struct model *m, struct plan *p)
{
	const struct campaign *c = m->c;
	size_t alloc = 0;
	double apps, hires, floors = 0;
	struct model probe;
	bool limit;

	for (size_t i = 0; i < c->n_channels; i++) {
		double lb, ub;

		channel_bounds(m, i, m->budget, &lb, &ub);
		floors += c->channels[i].excluded ? 0 : lb;
		if (lb > ub)
			add_reason(p, &alloc,
				   "channel '%s' must get at least %s but may "
				   "get at most %s (its max_share or "
				   "max_spend)",
				   c->channels[i].id, money_str(c, lb),
				   money_str(c, ub));
	}
	if (floors > m->budget)
		add_reason(p, &alloc,
			   "the channel floors add up to %s, more than the "
			   "budget of %s",
			   money_str(c, floors), money_str(c, m->budget));
	for (size_t i = 0; i < c->n_personas; i++) {
		const struct persona *pe = &c->personas[i];

		if (pe->goal_applications <= 0 && pe->goal_hires <= 0)
			continue;
		persona_ceiling(m, i, &apps, &hires);
		if (pe->goal_applications > apps + 1e-9)
			add_reason(p, &alloc,
				   "persona '%s' cannot reach its goal of %g "
				   "applications at any budget: its channels "
				   "saturate at %.1f (reachable audience and "
				   "frequency caps)",
				   pe->id, pe->goal_applications, apps);
		if (pe->goal_hires > hires + 1e-9)
			add_reason(p, &alloc,
				   "persona '%s' cannot reach its goal of %g "
				   "hires at any budget: its channels "
				   "saturate at %.2f hires",
				   pe->id, pe->goal_hires, hires);
	}
	persona_ceiling(m, (size_t)-1, &apps, &hires);
	if (c->goal_applications > apps + 1e-9)
		add_reason(p, &alloc,
			   "the campaign goal of %g applications cannot be "
			   "met at any budget: all channels together "
			   "saturate at %.1f",
			   c->goal_applications, apps);
	if (c->goal_hires > hires + 1e-9)
		add_reason(p, &alloc,
			   "the campaign goal of %g hires cannot be met at "
			   "any budget: all channels together saturate at "
			   "%.2f",
			   c->goal_hires, hires);

	/* the least budget: minimise spend with the budget row free */
	p->least_budget = MONEY_NONE;
	if (model_make(&probe, c, m->o, OBJ_MIN_COST, m->budget,
		       m->budget * 1000, true) == 0) {
		glp_set_row_bnds(probe.P, probe.row_budget, GLP_FR, 0, 0);
		if (solve(&probe, &limit) == SOLVED) {
			double need = glp_get_obj_val(probe.P);

			p->least_budget = (int64_t)ceil(need * m->scale - 1e-6);
			add_reason(p, &alloc,
				   "meeting every goal needs at least %s; the "
				   "budget is %s",
				   money_str(c, need), money_str(c, m->budget));
		} else if (p->n_reasons == 0) {
			add_reason(
				p, &alloc,
				"the goals cannot be met together at any "
				"budget within the channel and persona "
				"limits (max_spend, max_share, budget caps)");
		}
	}
	model_free(&probe);
}

/*
 * Does the last solution stay optimal when the budget grows? Yes when
 * neither the budget row nor a budget-dependent channel row binds: a
 * bigger budget only loosens constraints that have slack. Spares the
 * solves past saturation, where niche campaigns spend most frontiers.
 */
static bool still_optimal(const struct model *m, double spent, double bud)
{
	const struct campaign *c = m->c;

	if (m->mip || glp_get_row_stat(m->P, m->row_budget) != GLP_BS ||
	    spent > bud)
		return false;
	for (size_t ch = 0; ch < c->n_channels; ch++) {
		int r = m->row_channel[ch];

		if (r && c->channels[ch].max_share < 1 &&
		    glp_get_row_stat(m->P, r) != GLP_BS)
			return false;
	}
	return true;
}

static void run_frontier(struct model *m, struct plan *p)
{
	const struct plan_options *o = m->o;
	const struct campaign *c = m->c;
	size_t n = 0, alloc = 0;
	bool have_last = false;

	for (int64_t b = o->frontier_from; b <= o->frontier_to;
	     b += o->frontier_step) {
		struct frontier_point *f;
		double bud = (double)b / m->scale, total;
		bool limit;

		ALLOC_GROW(p->frontier, n + 1, alloc);
		f = &p->frontier[n++];
		if (have_last &&
		    still_optimal(m, (double)f[-1].spend / m->scale, bud)) {
			*f = f[-1];
			f->budget = b;
			continue;
		}
		memset(f, 0, sizeof(*f));
		f->budget = b;
		have_last = false;
		glp_set_row_bnds(m->P, m->row_budget, GLP_UP, 0, bud);
		for (size_t ch = 0; ch < c->n_channels; ch++) {
			double lb, ub;
			int r = m->row_channel[ch];

			if (!r)
				continue;
			channel_bounds(m, ch, bud, &lb, &ub);
			if (lb > ub)
				ub = lb;
			glp_set_row_bnds(m->P, r, m->rows[r - 1].type, lb, ub);
		}
		if (solve(m, &limit) != SOLVED)
			continue;
		f->feasible = true;
		have_last = true;
		total = 0;
		f->objective = glp_get_obj_val(m->P);
		f->marginal = glp_get_row_dual(m->P, m->row_budget) * 1000;
		for (size_t j = 0; j < m->n_cells; j++) {
			struct response_point pt;
			double s = cell_spend_lp(m, &m->cells[j]);

			response_eval(&m->cells[j].r, s, &pt);
			total += s;
			f->applications += pt.applications;
			f->hires += pt.hires;
			f->reach += pt.reach;
		}
		f->spend = llround(total * m->scale);
	}
	p->n_frontier = n;
}

static int model_make(struct model *m, const struct campaign *c,
		      const struct plan_options *o, enum objective obj,
		      double budget, double bmax, bool no_share)
{
	struct triplets t = { 0 };

	memset(m, 0, sizeof(*m));
	m->no_share = no_share;
	m->c = c;
	m->o = o;
	m->objective = obj;
	m->budget = budget;
	m->bmax = bmax > budget ? bmax : budget;
	m->scale = (double)money_scale(c->digits);
	m->norm_apps = m->norm_reach = 1;
	make_cells(m);
	build(m, &t);
	free(t.ia);
	free(t.ja);
	free(t.ar);
	if (m->n_cols == 0)
		return -1;
	glp_scale_prob(m->P, GLP_SF_AUTO);
	set_objective(m, obj);
	return 0;
}

static void model_free(struct model *m)
{
	for (size_t j = 0; j < m->n_cells; j++) {
		free(m->cells[j].slope);
		free(m->cells[j].width);
	}
	free(m->cells);
	free(m->rows);
	free(m->row_channel);
	free(m->row_pcap);
	free(m->row_papps);
	free(m->row_phires);
	for (size_t i = 0; i < m->n_notes; i++)
		free(m->notes[i]);
	free(m->notes);
	if (m->P)
		glp_delete_prob(m->P);
	memset(m, 0, sizeof(*m));
}

static int write_exports(struct model *m)
{
	const struct plan_options *o = m->o;

	if (!o->write_lp && !o->write_mps)
		return 0;
	name_model(m);
	if (o->write_lp && glp_write_lp(m->P, NULL, o->write_lp) != 0)
		return errorf("cannot write the LP model to '%s'", o->write_lp);
	if (o->write_mps &&
	    glp_write_mps(m->P, GLP_MPS_FILE, NULL, o->write_mps) != 0)
		return errorf("cannot write the MPS model to '%s'",
			      o->write_mps);
	return 0;
}

/* for blend: the best applications and the best reach alone */
static int blend_norms(struct model *m)
{
	bool limit;

	set_objective(m, OBJ_APPLICATIONS);
	if (solve(m, &limit) != SOLVED)
		return -1;
	m->norm_apps = glp_get_obj_val(m->P);
	set_objective(m, OBJ_REACH);
	if (solve(m, &limit) != SOLVED)
		return -1;
	m->norm_reach = glp_get_obj_val(m->P);
	if (m->norm_apps <= 0)
		m->norm_apps = 1;
	if (m->norm_reach <= 0)
		m->norm_reach = 1;
	set_objective(m, OBJ_BLEND);
	return 0;
}

enum planner_error planner_run(const struct campaign *c,
			       const struct plan_options *o, struct plan *out)
{
	struct model m;
	double t0, budget, bmax;
	enum solve_result res;
	bool limit = false;
	enum planner_error rc = PLANNER_OK;

	memset(out, 0, sizeof(*out));
	out->objective = o->objective;
	out->objective_unit = objective_unit(o->objective, c);
	out->budget = o->budget >= 0 ? o->budget : c->budget;
	out->segments = o->segments;
	out->short_term_weight = o->short_term_weight;
	out->least_budget = MONEY_NONE;
	if (o->objective == OBJ_VALUE)
		for (size_t i = 0; i < c->n_personas; i++)
			if (c->personas[i].value_per_hire == MONEY_NONE) {
				errorf("objective 'value' needs value_per_hire "
				       "on every persona; '%s' has none",
				       c->personas[i].id);
				return PLANNER_BAD_INPUT;
			}
#ifdef __GLIBC__
	/*
	 * glp_simplex allocates and frees its working arrays on every
	 * call; glibc maps big blocks afresh each time and a warm-started
	 * solve then costs more in page faults than in pivots. Keep them
	 * on the heap for reuse (a frontier is 20 solves or more).
	 */
	mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
#endif
	glp_term_out(verbosity >= 2 ? GLP_ON : GLP_OFF);
	glp_term_hook(term_hook, NULL);

	t0 = now_ms();
	budget = money_to_major(out->budget, c->digits);
	bmax = budget;
	if (o->frontier_step > 0)
		bmax = fmax(bmax, money_to_major(o->frontier_to, c->digits));
	if (model_make(&m, c, o, o->objective, budget, bmax, false) < 0) {
		model_free(&m);
		glp_free_env();
		errorf("nothing to plan: no persona can be reached on any "
		       "usable channel");
		return PLANNER_NOTHING;
	}
	out->is_mip = m.mip;
	out->n_rows = (size_t)m.n_rows;
	out->n_cols = (size_t)m.n_cols;
	out->n_nonzeros = m.nnz;
	for (size_t j = 0; j < m.n_cells; j++)
		out->n_binaries += m.cells[j].zcol != 0;
	out->ms_build = now_ms() - t0;
	tracef("model: %d rows, %d columns, %zu nonzeros, %zu binaries",
	       m.n_rows, m.n_cols, m.nnz, out->n_binaries);

	t0 = now_ms();
	res = SOLVED;
	if (o->objective == OBJ_BLEND && blend_norms(&m) < 0)
		res = NO_SOLUTION;
	out->ms_solve = now_ms() - t0;

	/* the model as solved: blend weights set, binaries free */
	t0 = now_ms();
	free_binaries(&m);
	if (write_exports(&m) < 0) {
		rc = PLANNER_EXPORT_FAILED;
		goto out;
	}
	out->ms_write = now_ms() - t0;

	t0 = now_ms() - out->ms_solve;
	if (res == SOLVED)
		res = solve(&m, &limit);
	out->blend_apps_norm = m.norm_apps;
	out->blend_reach_norm = m.norm_reach;
	if (res == SOLVER_FAILED) {
		if (limit)
			errorf("the solver stopped at the time limit of %d s "
			       "without a plan",
			       o->time_limit_s);
		else
			errorf("the solver failed (GLPK status %d)",
			       glp_get_status(m.P));
		rc = limit ? PLANNER_TIME_LIMIT : PLANNER_SOLVER_FAILED;
		goto out;
	}
	if (res == NO_SOLUTION) {
		out->status = PLAN_INFEASIBLE;
		explain_infeasible(&m, out);
		out->ms_solve = now_ms() - t0;
		goto out;
	}
	out->status = limit ? PLAN_FEASIBLE : PLAN_OPTIMAL;
	extract(&m, out);
	explain_spend(&m, out);
	out->ms_solve = now_ms() - t0;
	t0 = now_ms();
	find_bindings(&m, out);
	tracef("timing: explain %.3f ms", now_ms() - t0);
	if (o->frontier_step > 0) {
		t0 = now_ms();
		run_frontier(&m, out);
		tracef("frontier: %zu points in %.3f ms", out->n_frontier,
		       now_ms() - t0);
	}
out:
	out->notes = m.notes;
	out->n_notes = m.n_notes;
	m.notes = NULL;
	m.n_notes = 0;
	model_free(&m);
	glp_free_env();
	return rc;
}

int planner_exit_status(enum planner_error e)
{
	switch (e) {
	case PLANNER_OK:
		return JM_OK;
	case PLANNER_NOTHING:
	case PLANNER_BAD_INPUT:
		return JM_DATAERR;
	case PLANNER_TIME_LIMIT:
		return JM_TEMPFAIL;
	case PLANNER_SOLVER_FAILED:
		return JM_SOFTWARE;
	case PLANNER_EXPORT_FAILED:
		return JM_CANTCREAT;
	}
	return JM_SOFTWARE;
}

const char *plan_status_name(enum plan_status s)
{
	static const char *const names[] = {
		[PLAN_OPTIMAL] = "optimal",
		[PLAN_FEASIBLE] = "feasible",
		[PLAN_INFEASIBLE] = "infeasible",
	};

	return (size_t)s < ARRAY_SIZE(names) ? names[s] : "unknown";
}

const char *binding_kind_name(enum binding_kind k)
{
	static const char *const names[] = {
		[BIND_BUDGET] = "budget",
		[BIND_CHANNEL_MAX] = "channel_max",
		[BIND_CHANNEL_FLOOR] = "channel_min",
		[BIND_PERSONA_CAP] = "persona_budget_cap",
		[BIND_PERSONA_GOAL] = "persona_goal",
		[BIND_CAMPAIGN_GOAL] = "campaign_goal",
		[BIND_FREQUENCY_CAP] = "frequency_cap",
		[BIND_MIN_DAILY] = "min_daily",
	};

	return (size_t)k < ARRAY_SIZE(names) ? names[k] : "unknown";
}

void plan_release(struct plan *p)
{
	free(p->persona_totals);
	free(p->channel_totals);
	free(p->cells);
	for (size_t i = 0; i < p->n_bindings; i++) {
		free(p->bindings[i].name);
		free(p->bindings[i].text);
	}
	free(p->bindings);
	for (size_t i = 0; i < p->n_notes; i++)
		free(p->notes[i]);
	free(p->notes);
	for (size_t i = 0; i < p->n_reasons; i++)
		free(p->reasons[i]);
	free(p->reasons);
	free(p->frontier);
	memset(p, 0, sizeof(*p));
}
