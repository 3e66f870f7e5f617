/*
 * diag - messages to the user, and the exit status they lead to.
 *
 * errorf() prints "jobmix: error: ..." and returns -1, so a failing
 * function can end with `return errorf(...)`. Input files are checked
 * through a struct diag, which prints compiler-style
 * "file:line: error: msg" or "file: json.path: error: msg" and counts
 * errors, so a loader can report every problem before it gives up.
 * stdout is for results only; all of this goes to stderr, or into
 * diag->capture when a test sets it.
 */
#ifndef DIAG_H
#define DIAG_H

#include "util.h"

/* Process exit statuses; sysexits(3) numbers. Documented in README.md. */
enum jm_status {
	JM_OK = 0,
	JM_INFEASIBLE = 1, /* ran, but the goals cannot be met */
	JM_USAGE = 64,     /* bad command line */
	JM_DATAERR = 65,   /* bad input data */
	JM_NOINPUT = 66,   /* an input file cannot be opened */
	JM_SOFTWARE = 70,  /* internal error, solver failure */
	JM_CANTCREAT = 73, /* an output file cannot be created */
	JM_IOERR = 74,     /* read or write error */
	JM_TEMPFAIL = 75,  /* try again later */
	JM_CONFIG = 78,    /* bad configuration */
};

/* 0 normal, -1 quiet (-q), 1 and up more detail (-v, -vv) */
extern int verbosity;

int errorf(const char *fmt, ...) ATTR_PRINTF(1, 2);
void warnf(const char *fmt, ...) ATTR_PRINTF(1, 2);
void notef(const char *fmt, ...) ATTR_PRINTF(1, 2);
/* printed only at -v and above */
void tracef(const char *fmt, ...) ATTR_PRINTF(1, 2);
/* out of memory and impossible states only; exits JM_SOFTWARE */
ATTR_NORETURN void die(const char *fmt, ...) ATTR_PRINTF(1, 2);

struct diag {
	const char *file; /* borrowed; the name shown */
	int n_errors;
	int n_warnings;
	int status;             /* exit status for the errors seen */
	struct strbuf *capture; /* if set, messages go here (tests) */
};

void diag_init(struct diag *d, const char *file);
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
