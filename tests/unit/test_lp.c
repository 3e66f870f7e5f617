/*
 * tests/unit/test_lp.c - the solver module on models small enough to
 * solve by hand: an LP with its duals, a MIP with its binaries held,
 * infeasibility, warm re-solves, and exports that are whole or absent.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lp.h"
#include "test.h"

static const struct lp_params prm = { 0, 1e-6, false };

/*
 * max 3x + 2y  s.t. x + y <= 4 (row 1), x <= 3 (column bound), y in [0, 10].
 * Optimum x = 3, y = 1, objective 11; the dual of row 1 is 2 (y's price).
 */
static struct lp *small_lp(void)
{
	struct lp *lp = lp_new("t");
	int ia[] = { 0, 1, 1 }, ja[] = { 0, 1, 2 };
	double ar[] = { 0, 1, 1 };

	CHECK(lp_add_rows(lp, 1) == 1);
	CHECK(lp_add_cols(lp, 2) == 1);
	lp_set_row_bounds(lp, 1, -INFINITY, 4);
	lp_set_col_bounds(lp, 1, 0, 3);
	lp_set_col_bounds(lp, 2, 0, 10);
	lp_set_objective(lp, true, "obj");
	lp_set_obj_coef(lp, 1, 3);
	lp_set_obj_coef(lp, 2, 2);
	lp_load_matrix(lp, 2, ia, ja, ar);
	return lp;
}

static void solves_an_lp_with_duals(void)
{
	struct lp *lp = small_lp();
	bool limit = true;

	CHECK(lp_n_rows(lp) == 1 && lp_n_cols(lp) == 2);
	CHECK(!lp_is_mip(lp));
	CHECK(lp_solve(lp, &prm, &limit) == LP_SOLVED);
	CHECK(!limit);
	CHECK_NEAR(lp_obj_value(lp), 11, 1e-9);
	CHECK_NEAR(lp_col_value(lp, 1), 3, 1e-9);
	CHECK_NEAR(lp_col_value(lp, 2), 1, 1e-9);
	CHECK_NEAR(lp_row_value(lp, 1), 4, 1e-9);
	CHECK_NEAR(lp_row_dual(lp, 1), 2, 1e-9);
	CHECK(!lp_row_basic(lp, 1));
	/* x's bound is worth 3 - 2 = 1 per unit */
	CHECK_NEAR(lp_col_dual(lp, 1), 1, 1e-9);
	/* a warm re-solve after relaxing the row: y = 10 */
	lp_set_row_bounds(lp, 1, -INFINITY, INFINITY);
	CHECK(lp_solve(lp, &prm, &limit) == LP_SOLVED);
	CHECK_NEAR(lp_obj_value(lp), 29, 1e-9);
	CHECK(lp_row_basic(lp, 1));
	lp_free(lp);
}

static void reports_infeasible(void)
{
	struct lp *lp = small_lp();
	bool limit;

	lp_set_row_bounds(lp, 1, 20, INFINITY); /* x + y >= 20: at most 13 */
	CHECK(lp_solve(lp, &prm, &limit) == LP_INFEASIBLE);
	/* lb == ub fixes the row: x + y = 2 */
	lp_set_row_bounds(lp, 1, 2, 2);
	CHECK(lp_solve(lp, &prm, &limit) == LP_SOLVED);
	CHECK_NEAR(lp_row_value(lp, 1), 2, 1e-9);
	CHECK_NEAR(lp_obj_value(lp), 6, 1e-9);
	lp_free(lp);
}

/*
 * A fixed fee: buy z (binary) for 5 of budget 6 and get 10, or spend
 * x <= 6 at 1 each. max 10 z + x  s.t. 5 z + x <= 6: z = 1, x = 1, 11.
 * The LP relaxation alone would not hold z at 1.
 */
static void solves_a_mip_and_holds_binaries(void)
{
	struct lp *lp = lp_new("mip");
	int ia[] = { 0, 1, 1 }, ja[] = { 0, 1, 2 };
	double ar[] = { 0, 5, 1 };
	bool limit;

	lp_add_rows(lp, 1);
	lp_add_cols(lp, 2);
	lp_set_row_bounds(lp, 1, -INFINITY, 6);
	lp_set_binary(lp, 1);
	lp_set_col_bounds(lp, 2, 0, 6);
	lp_set_objective(lp, true, "obj");
	lp_set_obj_coef(lp, 1, 10);
	lp_set_obj_coef(lp, 2, 1);
	lp_load_matrix(lp, 2, ia, ja, ar);
	CHECK(lp_is_mip(lp));
	CHECK(lp_n_binaries(lp) == 1);
	CHECK(lp_solve(lp, &prm, &limit) == LP_SOLVED);
	CHECK_NEAR(lp_obj_value(lp), 11, 1e-9);
	CHECK_NEAR(lp_col_value(lp, 1), 1, 1e-9);
	/* with z held, the budget's dual is x's price */
	CHECK_NEAR(lp_row_dual(lp, 1), 1, 1e-9);
	/* relax the budget with z held: x goes to its bound */
	lp_set_row_bounds(lp, 1, -INFINITY, INFINITY);
	CHECK(lp_resolve_fixed(lp, &prm) == LP_SOLVED);
	CHECK_NEAR(lp_obj_value(lp), 16, 1e-9);
	lp_free_binaries(lp);
	lp_free(lp);
}

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void writes_whole_or_nothing(void)
{
	char dir[] = "/tmp/jobmix-lp-XXXXXX", a[256], b[256], bad[256];
	struct lp *lp = small_lp();

	CHECK(mkdtemp(dir) != NULL);
	snprintf(a, sizeof(a), "%s/m.lp", dir);
	snprintf(b, sizeof(b), "%s/m.mps", dir);
	snprintf(bad, sizeof(bad), "%s/no/such/m.mps", dir);
	CHECK(lp_write(lp, a, b) == 0);
	CHECK(file_size(a) > 0);
	CHECK(file_size(b) > 0);
	remove(a);
	remove(b);
	/* the MPS cannot be written: the LP must not be left behind */
	CHECK(lp_write(lp, a, bad) == -1);
	CHECK(file_size(a) == -1);
	/* an old LP file stays as it was when the new one fails */
	{
		FILE *f = fopen(a, "w");

		fputs("old\n", f);
		fclose(f);
	}
	CHECK(lp_write(lp, a, bad) == -1);
	CHECK(file_size(a) == 4);
	remove(a);
	/* a full device is an error, not a lost model */
	if (access("/dev/full", W_OK) == 0)
		CHECK(lp_write(lp, "/dev/full", NULL) == -1);
	/* no temporaries are left beside the outputs */
	CHECK(rmdir(dir) == 0);
	lp_free(lp);
}

int main(void)
{
	lp_init(false);
	solves_an_lp_with_duals();
	reports_infeasible();
	solves_a_mip_and_holds_binaries();
	writes_whole_or_nothing();
	lp_done();
	return test_done();
}
