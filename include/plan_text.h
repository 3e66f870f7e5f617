/*
 * plan_text - the pieces the text writers of a plan share (plan_table.h,
 * plan_md.h, plan_csv.h): rounded amounts, counts, padding to a width,
 * a cell's figures as a total, the "no plan meets the goals" lines,
 * sentences wrapped to a width and tables of text that are split into
 * blocks of columns when they would be wider. Every function appends
 * to the caller's strbuf; none keeps state.
 */
#ifndef PLAN_TEXT_H
#define PLAN_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* the table format's width: no line of it is longer */
#define PLAN_TEXT_WIDTH 100

struct campaign;
struct plan;
struct plan_cell;
struct plan_total;

/* whole major units, grouped, half away from zero: "12 345"; MONEY_NONE: "-" */
void plan_text_whole(struct strbuf *sb, const struct campaign *c,
		     int64_t minor);
/*
 * a daily budget in whole major units like plan_text_whole(), but one
 * that would show as 0 shows as "< 1": no daily budget reads as 0
 */
void plan_text_daily_whole(struct strbuf *sb, const struct campaign *c,
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
/*
 * "\nNo plan meets the goals:\n", each reason after bullet (wrapped at
 * width, 0: not wrapped), the least budget
 */
void plan_text_infeasible(struct strbuf *sb, const struct campaign *c,
			  const struct plan *p, const char *bullet, int width);
/*
 * a goal and what the plan expects of it, got shown with decimals:
 * "5 applications: met, 6.9 expected", "4 hires: not met, 3.20 of 4
 * expected" (not met is rounded down, so it never reads as the goal)
 */
void plan_text_goal(struct strbuf *sb, double goal, double got, int decimals,
		    const char *noun);

/*
 * first, then text wrapped at width columns, the lines after the first
 * indented by indent spaces; each line ends in "\n". A space after a
 * digit never breaks, so "15 000.00 SEK" and "0.5 hires" stay whole.
 * A word wider than the line overflows it rather than being cut.
 */
void plan_text_wrap(struct strbuf *sb, const char *first, const char *text,
		    int indent, int width);

/* the number of characters (UTF-8 sequences) of s */
int plan_text_width(const char *s);

/*
 * A table of text cells, each column as wide as its widest cell, two
 * spaces between columns. align[i] is 'l' or 'r' for column i. Add the
 * cells row by row, n_cols to a row. text_table_write() splits the
 * columns into blocks that fit width, each block starting again with
 * column 0 (the row's name), so no line is wider unless one column is.
 */
struct text_table {
	size_t n_cols;
	const char *align;
	struct strvec cells; /* row-major */
};
#define TEXT_TABLE_INIT(n_cols, align) \
	{                              \
		(n_cols), (align),     \
		{                      \
			0              \
		}                      \
	}

/* the sentence under a table of personas' reach */
#define PLAN_TEXT_UNIQUE_REACH                                             \
	"(reach: people reached, each counted once however many channels " \
	"reach them)"

void text_table_add(struct text_table *t, const char *s);
void text_table_write(struct strbuf *sb, const struct text_table *t, int width);
void text_table_release(struct text_table *t);

/*
 * what the plan is for and what it buys, one sentence: "Objective:
 * applications. Spend 15 000.00 SEK for 6.9 applications and 1.07
 * hires." with the objective's own figure when it is neither, and the
 * status when the plan is not proven optimal ("...: infeasible.")
 */
void plan_text_summary(struct strbuf *sb, const struct campaign *c,
		       const struct plan *p);
/*
 * the costs besides media that the summary states, each only when the
 * plan has it: content paid per month, referral bonuses outside the
 * budget, screening and the total cost with it
 */
void plan_text_costs(struct strbuf *sb, const struct campaign *c,
		     const struct plan *p);

/*
 * the daily budget of channel i (by_channel) or persona i: its cells'
 * summed; i (size_t)-1: of every cell. MONEY_NONE when none of them
 * has one (a per-hire programme has no daily budget).
 */
int64_t plan_text_daily(const struct plan *p, int by_channel, size_t i);

/* does channel ch get money at any point of the frontier? */
int plan_text_frontier_uses(const struct campaign *c, const struct plan *p,
			    size_t ch);

/*
 * frontier point i's step in words, or nothing when it has none: "at
 * 5 000.00 SEK: paper bought for persona 'welders' (+1.2 applications
 * from the last point)"
 */
void plan_text_frontier_step(struct strbuf *sb, const struct campaign *c,
			     const struct plan *p, size_t i);
/* the line above the list of frontier steps */
#define PLAN_TEXT_STEPS_TITLE                                                 \
	"Steps (a flat fee or a platform minimum enters or leaves the plan: " \
	"the objective jumps there, so no marginal is shown)"

/* a cell's figures as a total, for writers that print both alike */
void plan_cell_total(const struct plan_cell *pc, struct plan_total *t);

#endif
