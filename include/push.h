/*
 * push - the ad sets and ads of an approved plan (ads.h) created on Meta,
 * LinkedIn and TikTok, paused unless asked otherwise (docs/push.md).
 *
 * push_run() works one platform at a time: it reads the ad account
 * (currency, time zone), converts each daily budget exactly into the
 * platform's money unit, then creates the campaign, the ad sets, the
 * creatives and the ads through the platform's adapter
 * (src/push_meta.c, push_linkedin.c, push_tiktok.c). Every id the
 * platform gives back is written to the store's id map right after the
 * create, before the next request, so a second push updates budgets
 * and status instead of creating again, and a push cut off midway
 * resumes where it stopped. A dry run sends nothing and writes nothing:
 * each request is printed as one JSON line, with no token.
 */
#ifndef PUSH_H
#define PUSH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "campaign.h"
#include "strbuf.h"

struct ad_plan;
struct http_options;
struct store;

/* where one platform's ads go; every string borrowed */
struct push_target {
	bool enabled;
	const char *base_url;    /* no trailing '/' */
	const char *api_version; /* v25.0, 202601, v1.3 */
	const char *account_id;  /* digits */
	const char *identity;    /* page, organization or identity id */
	const char *image;       /* image hash, URN or id; may be NULL */
	const char *token;       /* never printed */
};

/* an exchange rate: plan currency units per one unit of currency */
struct push_fx {
	const char *currency; /* ISO 4217 */
	const char *rate;     /* a decimal number, e.g. "11.43" */
};

struct push_options {
	struct push_target targets[PLATFORM_OFFLINE]; /* by enum platform */
	bool dry_run;
	bool activate;            /* create ACTIVE instead of PAUSED */
	FILE *dry_run_out;        /* NULL: stdout */
	struct store *store;      /* may be NULL in a dry run only */
	const struct push_fx *fx; /* for accounts in another currency */
	size_t n_fx;
	/* NULL: http_options_init()'s; tests shorten the waits */
	const struct http_options *http;
};

struct push_summary {
	int created, updated, unchanged, skipped, failed;
	struct strvec lines; /* a sentence per object or reason */
};

/*
 * Push ap to every enabled target. Returns the exit status: 0 all done;
 * JM_PARTIAL (2) when the platform refused some objects and pushed the
 * rest; JM_TEMPFAIL (75) throttled past the retries; JM_UNAVAILABLE
 * (69) no answer past the retries; JM_CONFIG (78) an auth error, a
 * missing setting or account; JM_DATAERR (65) an account currency the
 * plan cannot be converted into; JM_IOERR (74) the store. A failure of
 * one platform does not stop the others; the first of 78, 74, 69, 75,
 * 65, 2 that happened is returned. sum (zeroed by the caller) says
 * what was done, per object.
 */
int push_run(const struct ad_plan *ap, const struct push_options *o,
	     struct push_summary *sum);
void push_summary_release(struct push_summary *sum);

/*
 * Convert a daily budget of `minor` units (digits `from_digits`) into
 * units of `to_digits`, at `rate` (text of a decimal number: plan
 * currency units per one account currency unit; NULL: the same
 * currency), rounding down so that the platform never gets more than
 * the plan. 0, or -1 when the rate is not a positive decimal or the
 * result overflows.
 */
int push_convert(int64_t minor, int from_digits, int to_digits,
		 const char *rate, int64_t *out);

/* Meta's money unit: 0 digits for its zero-decimal currencies */
int push_meta_digits(const char *currency);

#endif
