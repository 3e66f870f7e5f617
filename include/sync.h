/*
 * sync - the nightly metrics sync: daily figures of every ad in the
 * configured ad accounts, pulled from Meta insights, LinkedIn
 * adAnalytics and TikTok reports into the store (docs/sync.md).
 *
 * Each platform's days are its ad account's own days; a run pulls the
 * days after the saved state and the trailing attribution window again,
 * in windows of at most 30 days, and each window replaces its days and
 * moves the state in one transaction, page by page, so a run killed at
 * any moment loses nothing and the next one ends exact. sync_run()
 * returns the exit status (enum jm_status; docs/sync.md lists them).
 */
#ifndef SYNC_H
#define SYNC_H

#include <stdbool.h>

#include "campaign.h"

struct config;

struct sync_options {
	bool only;              /* platform below only; else each configured */
	enum platform platform; /* with only */
	const char *account;    /* with only: this account, not the config's */
	const char *since;      /* YYYY-MM-DD or NULL */
	const char *until;      /* YYYY-MM-DD or NULL: yesterday there */
	int lookback;           /* days; -1: the config's or the default */
	bool full_refresh; /* ignore the state: from the first stored day */
	bool dry_run;      /* print the requests; send and write nothing */
};

int sync_run(const struct config *cfg, const struct sync_options *o);

/*
 * Today in time zone tz (an IANA name), from JOBMIX_NOW if set (a date
 * YYYY-MM-DD is today itself, in every zone; digits are a Unix time),
 * else the clock. -1 after a message when tz or JOBMIX_NOW is bad.
 */
long sync_today(const char *tz);

#endif
