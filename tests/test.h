/*
 * test.h - a small TAP producer; prove(1) runs the .t binaries in
 * tests/unit. Each CHECK prints "ok N - what" or "not ok N - what" with
 * the place and, for the typed checks, what was got and wanted.
 */
#ifndef TEST_H
#define TEST_H

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int tests_run, tests_failed;

static inline int check(int ok, const char *what, const char *file, int line)
{
	tests_run++;
	printf("%sok %d - %s\n", ok ? "" : "not ", tests_run, what);
	if (!ok) {
		tests_failed++;
		printf("#   at %s:%d\n", file, line);
	}
	fflush(stdout);
	return ok;
}

#define CHECK(expr) check(!!(expr), #expr, __FILE__, __LINE__)

#define CHECK_I64(got, want)                                              \
	do {                                                              \
		int64_t got_ = (got), want_ = (want);                     \
		if (!check(got_ == want_, #got " == " #want, __FILE__,    \
			   __LINE__))                                     \
			printf("#   got %" PRId64 ", want %" PRId64 "\n", \
			       got_, want_);                              \
	} while (0)

/* |got - want| <= tol * max(1, |want|) */
#define CHECK_NEAR(got, want, tol)                                          \
	do {                                                                \
		double got_ = (got), want_ = (want);                        \
		double scale_ = fabs(want_) > 1 ? fabs(want_) : 1;          \
		if (!check(fabs(got_ - want_) <= (tol)*scale_,              \
			   #got " ~ " #want, __FILE__, __LINE__))           \
			printf("#   got %.12g, want %.12g\n", got_, want_); \
	} while (0)

#define CHECK_STR(got, want)                                            \
	do {                                                            \
		const char *got_ = (got), *want_ = (want);              \
		int ok_ = got_ && want_ ? strcmp(got_, want_) == 0      \
					: got_ == want_;                \
		if (!check(ok_, #got " == " #want, __FILE__, __LINE__)) \
			printf("#   got \"%s\", want \"%s\"\n",         \
			       got_ ? got_ : "(null)",                  \
			       want_ ? want_ : "(null)");               \
	} while (0)

/* haystack contains needle */
#define CHECK_HAS(hay, needle)                                        \
	do {                                                          \
		const char *hay_ = (hay), *needle_ = (needle);        \
		if (!check(hay_ && strstr(hay_, needle_) != NULL,     \
			   #hay " has " #needle, __FILE__, __LINE__)) \
			printf("#   \"%s\" not in \"%s\"\n", needle_, \
			       hay_ ? hay_ : "(null)");               \
	} while (0)

static inline int test_done(void)
{
	printf("1..%d\n", tests_run);
	printf("# %d passed, %d failed\n", tests_run - tests_failed,
	       tests_failed);
	return tests_failed != 0;
}

#endif
