/*
 * plan_csv - the plan as CSV for spreadsheets: one row per persona x
 * channel cell with spend, then a total row; CRLF line ends, money in
 * major units, text cells defused against spreadsheet formulas
 * (csv_add_text). An infeasible plan is the header alone.
 */
#ifndef PLAN_CSV_H
#define PLAN_CSV_H

struct campaign;
struct plan;
struct strbuf;

void plan_write_csv(struct strbuf *sb, const struct campaign *c,
		    const struct plan *p);

#endif
