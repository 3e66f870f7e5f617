/*
 * plan_text - the pieces the text writers of a plan share (plan_table.h,
 * plan_md.h, plan_csv.h): rounded amounts, counts, padding to a width,
 * a cell's figures as a total, and the "no plan meets the goals" lines.
 * Every function appends to the caller's strbuf; none keeps state.
 */
#ifndef PLAN_TEXT_H
#define PLAN_TEXT_H

#include <stdint.h>

struct campaign;
struct plan;
struct plan_cell;
struct plan_total;
struct strbuf;

/* whole major units, grouped, half away from zero: "12 345"; MONEY_NONE: "-" */
void plan_text_whole(struct strbuf *sb, const struct campaign *c,
		     int64_t minor);
/* "1 500.50 SEK" in the campaign's currency */
void plan_text_amount(struct strbuf *sb, const struct campaign *c,
		      int64_t minor);
/* a count: grouped whole number when decimals is 0, else "%.*f" */
void plan_text_num(struct strbuf *sb, double v, int decimals);
/*
 * s padded with spaces to width characters (a UTF-8 sequence counts
 * once), on the left when right is set, else on the right
 */
void plan_text_pad(struct strbuf *sb, const char *s, int width, int right);
/* "\nNo plan meets the goals:\n", each reason after bullet, least budget */
void plan_text_infeasible(struct strbuf *sb, const struct campaign *c,
			  const struct plan *p, const char *bullet);

/* a cell's figures as a total, for writers that print both alike */
void plan_cell_total(const struct plan_cell *pc, struct plan_total *t);

#endif
