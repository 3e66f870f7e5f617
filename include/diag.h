/*
 * diag - diagnostics for input files.
 *
 * Input files are checked through a struct diag, which prints
 * compiler-style "file:line: error: msg" or "file: json.path: error:
 * msg" and counts errors, so a loader can report every problem before
 * it gives up. A file's first DIAG_MAX_SHOWN errors are printed; the
 * rest are counted, and diag_finish() says how many more there were.
 * All of it goes to stderr, or into diag->capture when a test sets it.
 */
#ifndef DIAG_H
#define DIAG_H

#include "strbuf.h"
#include "usage.h"

#define DIAG_MAX_SHOWN 50

struct diag {
	const char *file; /* borrowed; the name shown */
	int n_errors;
	int n_warnings;
	int max_shown;          /* errors printed before the rest are counted */
	int status;             /* exit status for the errors seen */
	struct strbuf *capture; /* if set, messages go here (tests) */
};

void diag_init(struct diag *d, const char *file);
/* "file: and N more errors" when errors were held back; idempotent */
void diag_finish(struct diag *d);
/* "file:line: error: msg"; line 0 leaves the line out */
void diag_line(struct diag *d, int line, const char *fmt, ...)
	ATTR_PRINTF(3, 4);
/* "file:line:col: error: msg" */
void diag_pos(struct diag *d, int line, int col, const char *fmt, ...)
	ATTR_PRINTF(4, 5);
/* "file: path: error: msg", path a JSON path like personas[2].size */
void diag_path(struct diag *d, const char *path, const char *fmt, ...)
	ATTR_PRINTF(3, 4);
void diag_warn_line(struct diag *d, int line, const char *fmt, ...)
	ATTR_PRINTF(3, 4);
void diag_warn_path(struct diag *d, const char *path, const char *fmt, ...)
	ATTR_PRINTF(3, 4);

#endif
