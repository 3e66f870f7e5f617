/*
 * sync_int - what src/sync.c shares with the platform readers
 * (sync_meta.c, sync_linkedin.c, sync_tiktok.c).
 *
 * A reader fetches the account's currency and time zone, then one
 * window of days page by page, handing each row to sync_row(). Every
 * function returns 0 or an exit status after its message.
 */
#ifndef SYNC_INT_H
#define SYNC_INT_H

#include <stdint.h>

#include "config.h"
#include "http.h"
#include "store.h"
#include "strbuf.h"
#include "sync.h"

struct json_value;

struct sync_ctx {
	const struct sync_reader *reader;
	const struct platform_config *pc;
	const char *account;  /* the platform's account id, digits */
	const char *base_url; /* no trailing '/' */
	const char *version;
	struct strbuf token;
	struct http_client *http;
	bool dry_run;
	bool long_range;  /* the run covers more than SYNC_LONG_RANGE days */
	long max_wait_ms; /* [sync] max_wait: also a report run's polling */
	long max_run_wait_ms; /* [sync] max_run_wait: all waits together */
	struct strbuf currency, timezone; /* the account's */
	int digits;                       /* minor digits of currency */
	/* the window being read, and the batch its rows go to */
	char from[11], to[11];
	struct store_batch *batch; /* NULL in a dry run */
	/* counts for the progress line and the summary */
	long long rows, pages;
	long waited_ms;
	bool progress;
};

struct sync_reader {
	const char *name; /* "meta", ... */
	enum platform platform;
	enum api_platform api;
	int lookback;    /* default days pulled again */
	int window_days; /* days per request */
	int retention;   /* days the platform keeps; 0: no known limit */
	int (*account)(struct sync_ctx *c);
	int (*window)(struct sync_ctx *c);
};

/* a run longer than this uses Meta's async report runs */
#define SYNC_LONG_RANGE 31

extern const struct sync_reader sync_meta, sync_linkedin, sync_tiktok;

/*
 * GET url with the headers into a parsed tree (*out, freed by the
 * caller with json_free). 0, or the exit status after a message. In a
 * dry run the request is printed and *out is NULL.
 */
int sync_get(struct sync_ctx *c, const char *url, const struct http_header *h,
	     size_t n, struct json_value **out);
/* the same for any request */
int sync_send(struct sync_ctx *c, const struct http_request *req,
	      struct json_value **out);
/* one row of the window; 0 or 65 after a message */
int sync_row(struct sync_ctx *c, const char *day, const struct store_metric *m);
/* a page was read: the progress line */
void sync_page_done(struct sync_ctx *c);

/* an amount of the account's currency as decimal text; 0 or 65 */
int sync_money(struct sync_ctx *c, const struct json_value *v, const char *what,
	       int64_t *out);
/*
 * A count given as digits, in a string or a JSON number; absent gives
 * dflt (0, or -1 for "not given"); 0 or 65 after a message.
 */
int sync_count(struct sync_ctx *c, const struct json_value *v, const char *what,
	       int64_t dflt, int64_t *out);
/* "meta 1 2026-11-02..2026-11-30: " before a reader's message */
int sync_bad(struct sync_ctx *c, const char *fmt, ...) ATTR_PRINTF(2, 3);

#endif
