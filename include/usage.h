/*
 * usage - the bottom of the house: messages to the user, the exit
 * statuses they lead to, and the attribute macros every file uses.
 *
 * errorf() prints "jobmix: error: ..." and returns -1, so a failing
 * function can end with `return errorf(...)`. die() is for out of
 * memory and impossible states only. stdout is for results; all of
 * this goes to stderr. Nothing here allocates through the wrappers
 * above it, so usage.c depends on no other file of jobmix.
 */
#ifndef USAGE_H
#define USAGE_H

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define ATTR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ATTR_NORETURN     __attribute__((noreturn))
#else
#define ATTR_PRINTF(f, a)
#define ATTR_NORETURN
#endif

/* Process exit statuses; sysexits(3) numbers. Documented in README.md. */
enum jm_status {
	JM_OK = 0,
	JM_INFEASIBLE = 1,   /* ran, but the goals cannot be met */
	JM_PARTIAL = 2,      /* push: some objects refused, the rest pushed */
	JM_USAGE = 64,       /* bad command line */
	JM_DATAERR = 65,     /* bad input data */
	JM_NOINPUT = 66,     /* an input file cannot be opened */
	JM_UNAVAILABLE = 69, /* a platform did not answer, after retries */
	JM_SOFTWARE = 70,    /* internal error, solver failure */
	JM_CANTCREAT = 73,   /* an output file cannot be created */
	JM_IOERR = 74,       /* read or write error */
	JM_TEMPFAIL = 75,    /* try again later */
	JM_CONFIG = 78,      /* bad configuration */
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

/*
 * Replace control characters in s[0..len) by '?': messages quote input
 * files, and an escape sequence in one must not reach the terminal.
 */
void defuse_controls(char *s, unsigned long len);

/* monotonic clock in milliseconds, for timing traces */
double now_ms(void);

#endif
