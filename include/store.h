/*
 * store - the SQLite file that push, sync, import and report share.
 *
 * One schema (docs/store.md), versioned with PRAGMA user_version and
 * migrated forward, one step per transaction, when a store is opened;
 * the file is marked as jobmix's with PRAGMA application_id, and any
 * other SQLite file is refused. Foreign keys are on, the journal is
 * WAL, every statement binds its parameters, and every write runs in
 * a transaction the caller opens with store_begin(), so a process
 * killed at any moment leaves the last committed state.
 *
 * Functions print their own message with errorf() and return -1 on
 * failure (or the exit status, where they say so). Money is integer
 * minor units of the currency beside it; days are YYYY-MM-DD in the
 * ad account's own time zone.
 */
#ifndef STORE_H
#define STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;
struct strbuf;

#define STORE_SCHEMA_VERSION 1

enum store_mode {
	STORE_CREATE,   /* create the file when it does not exist */
	STORE_EXISTING, /* the file must exist */
};

/*
 * Open (and, with STORE_CREATE, create) the store at path and migrate
 * it to STORE_SCHEMA_VERSION. 0 with *out set, or an exit status after
 * the message: 66 the file does not exist (STORE_EXISTING), 65 it is not
 * a jobmix store or it is newer than this jobmix, 73 it cannot be
 * created, 74 another I/O failure.
 */
int store_open(const char *path, enum store_mode mode, struct store **out);
void store_close(struct store *s);
int store_schema_version(struct store *s);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; 0 or -1 */
int store_begin(struct store *s);
int store_commit(struct store *s);
void store_rollback(struct store *s);

/*
 * Lock the store against a second writer of the same kind (two nightly
 * syncs): an flock on path + ".lock", held until store_unlock() or the
 * process ends, so a crash cannot leave a stale lock. 0 locked, 1 held
 * by another process, -1 error.
 */
int store_lock(const char *path, int *fd);
void store_unlock(int fd);

/* an ad account as the platform describes it */
struct store_account {
	const char *platform, *account_id;
	const char *currency; /* ISO 4217 */
	const char *timezone; /* IANA name, e.g. Europe/Stockholm */
	const char *name;     /* may be NULL */
};
int store_account_put(struct store *s, const struct store_account *a);
/*
 * The account's currency and time zone into the strbufs; 1 found,
 * 0 unknown, -1 error.
 */
int store_account_get(struct store *s, const char *platform,
		      const char *account_id, struct strbuf *currency,
		      struct strbuf *timezone);

/*
 * The id map: one row per object push created on a platform, keyed by
 * jobmix's own key for it (local_key), so a second push finds it and
 * a push cut off midway resumes.
 */
struct store_object {
	const char *platform, *account_id;
	const char *kind;      /* campaign, ad_set, creative, ad */
	const char *local_key; /* jobmix's key: plan, cell, job */
	const char *remote_id; /* the platform's id */
	const char *status;    /* PAUSED, ACTIVE, ...; may be NULL */
};
/* insert, or update remote id and status of the same local key */
int store_object_put(struct store *s, const struct store_object *o);
/* the remote id of (platform, account, kind, local key): 1, 0, -1 */
int store_object_find(struct store *s, const char *platform,
		      const char *account_id, const char *kind,
		      const char *local_key, struct strbuf *remote_id);

/* one ad's figures on one day, as the platform reports them */
struct store_metric {
	const char *ad_id;       /* the platform's ad (or creative) id */
	const char *campaign_id; /* may be NULL */
	int64_t spend;           /* minor units of the account currency */
	int64_t impressions, clicks;
	int64_t reach, link_clicks, applications, leads; /* -1: not given */
};
/*
 * Replace every row of (platform, account, day) with rows[0..n): an ad
 * that dropped out of a restated day is gone afterwards. Run it inside
 * store_begin()/store_commit() together with store_state_set(), so a
 * day and the state that counts it commit together or not at all.
 */
int store_day_replace(struct store *s, const char *platform,
		      const char *account_id, const char *day,
		      const char *currency, const struct store_metric *rows,
		      size_t n);

/* the last day fully committed for (platform, account, stream) */
int store_state_get(struct store *s, const char *platform,
		    const char *account_id, const char *stream,
		    struct strbuf *day);
int store_state_set(struct store *s, const char *platform,
		    const char *account_id, const char *stream,
		    const char *day);

/* sums over [from, to] of an account, for checks and reports */
struct store_totals {
	int64_t rows, spend, impressions, clicks;
};
int store_totals(struct store *s, const char *platform, const char *account_id,
		 const char *from, const char *to, struct store_totals *out);

/*
 * reports: the read-only queries of `jobmix report` (docs/report.md).
 * A metric row belongs to the plan cell of the ad that pushed it: the
 * object of kind 'ad' whose remote id is the row's ad id on the same
 * platform and account, its cell, the cell's plan and the plan's
 * campaign. An ATS event belongs to the ad whose local key or remote
 * id is its utm_content. What no ad claims has campaign id 0 here;
 * report.c matches it further (docs/report.md).
 */

/* which campaign, days [from, to] (YYYY-MM-DD); campaign 0: all */
struct store_report_query {
	int64_t campaign;
	const char *from, *to;
};

struct store_campaign {
	int64_t id;
	char *name, *client; /* owned; client may be NULL */
	char currency[4];
	char start[11], end[11];
};

/*
 * The campaigns whose id is id_or_name (when it is all digits) or
 * whose name it is; every campaign for NULL. Owned array in *out.
 */
int store_report_campaigns(struct store *s, const char *id_or_name,
			   struct store_campaign **out, size_t *n);
void store_campaigns_free(struct store_campaign *c, size_t n);

enum store_grain {
	STORE_GRAIN_DAY, /* ATS counts per day */
	STORE_GRAIN_AD,  /* ATS counts per ad */
};

/* an ad push created, with the plan cell and campaign it serves */
struct store_report_ad {
	int64_t campaign; /* 0: no plan cell */
	char platform[16];
	char *account_id, *remote_id, *local_key; /* owned */
	char *persona, *channel;                  /* owned; "" unknown */
};
int store_report_ads(struct store *s, struct store_report_ad **out, size_t *n);
void store_report_ads_free(struct store_report_ad *a, size_t n);

/* one metric_day row; the strings live until the callback returns */
struct store_report_fact {
	const char *platform, *account_id, *ad_id, *currency, *day;
	int64_t spend, impressions, clicks;
	int64_t reach, link_clicks, applications; /* -1: NULL */
	const char *ad_name;                      /* "" when not given */
};
/*
 * Call fn for every metric_day row in [q->from, q->to] (q->campaign is
 * the caller's to apply, through store_report_ads()). A report sums
 * them itself: a GROUP BY over a million rows sorts them all, a scan
 * does not. 0, -1 on error, or fn's non-zero return.
 */
int store_report_scan(struct store *s, const struct store_report_query *q,
		      int (*fn)(void *ctx, const struct store_report_fact *f),
		      void *ctx);

/*
 * ATS counts per (campaign, platform, cell, day or ad); the campaign's
 * currency is implied. For events no ad claims (campaign 0), the
 * platform is utm_source and utm_campaign and utm_content are given,
 * for the caller to match.
 */
struct store_report_event {
	int64_t campaign;
	char platform[16];
	char *persona, *channel, *key;    /* owned */
	char *utm_campaign, *utm_content; /* owned, may be NULL */
	int64_t applications, hires;
};

int store_report_events(struct store *s, const struct store_report_query *q,
			enum store_grain grain, struct store_report_event **out,
			size_t *n);
void store_report_events_free(struct store_report_event *e, size_t n);

/*
 * The plan JSON of the campaign's newest plan (the highest id) into
 * body: 1 found, 0 none, -1 error.
 */
int store_report_plan(struct store *s, int64_t campaign, struct strbuf *body);

/*
 * EXPLAIN QUERY PLAN of the scan (with a date range when ranged) and of
 * the ATS query, one line per step, for the benchmark
 */
int store_report_explain(struct store *s, bool ranged, struct strbuf *out);

/* import: imported files, ATS events, the ads' names (docs/import.md) */

/* the file of this sha256 was imported (when, into *when): 1, 0, -1 */
int store_import_find(struct store *s, const char *sha256, struct strbuf *when);
int store_import_put(struct store *s, const char *sha256, const char *kind,
		     int64_t rows);

/* an application or hire; NULL for what the export did not give */
struct store_ats_event {
	const char *event_key; /* unique: a second add of it adds nothing */
	const char *kind;      /* application or hire */
	const char *at;        /* ISO 8601 as the ATS gave it */
	const char *job_reference, *source, *status;
	const char *utm_source, *utm_medium, *utm_campaign, *utm_content,
		*utm_term;
	const char *utm_id; /* the ad id the platform put in the link */
	const char *platform, *persona, *channel; /* from the UTM fields */
};
/* 1 added, 0 the key was there already, -1 error */
int store_ats_event_add(struct store *s, const struct store_ats_event *e);
/* the number of events of a kind (application, hire) */
int store_ats_count(struct store *s, const char *kind, int64_t *out);
/*
 * One ad's figures on one day, inserted or, for an ad the day already
 * has, replacing its figures; the day's other ads stay. ad_name may be
 * NULL.
 */
int store_metric_put(struct store *s, const char *platform,
		     const char *account_id, const char *day,
		     const char *currency, const struct store_metric *m,
		     const char *ad_name);

/*
 * push (src/push.c): an object with its status and the daily budget
 * it was last given (in the platform's money unit; -1 none), so that a
 * second push knows what changed. 1 found, 0 unknown, -1 error.
 */
int store_object_get(struct store *s, const char *platform,
		     const char *account_id, const char *kind,
		     const char *local_key, struct strbuf *remote_id,
		     struct strbuf *status, int64_t *budget);
int store_object_set_budget(struct store *s, const char *platform,
			    const char *account_id, const char *kind,
			    const char *local_key, int64_t budget);

/* ---- sync: one (account, day-range) batch streamed into the store ---- */

/*
 * A batch replaces every metric row of (platform, account) on the days
 * from..to with the rows given to store_batch_row(), and moves the
 * sync state, in one transaction: store_batch_begin() opens it (BEGIN
 * IMMEDIATE) and deletes the range, store_batch_commit() saves the
 * state and commits; store_batch_abort() rolls all of it back. The
 * rows go in as they arrive, so no range is ever held in memory. An
 * ad that has no row on a day of the range is gone afterwards.
 */
struct store_batch;
int store_batch_begin(struct store *s, const char *platform,
		      const char *account_id, const char *currency,
		      const char *from, const char *to,
		      struct store_batch **out);
/*
 * 0, or 1 (nothing written, no message) when the batch already has a
 * row of that ad on that day, or -1 after a message.
 */
int store_batch_row(struct store_batch *b, const char *day,
		    const struct store_metric *m);
/* set (stream) through_day, commit and free; 0 or -1 (rolled back) */
int store_batch_commit(struct store_batch *b, const char *stream,
		       const char *through_day);
void store_batch_abort(struct store_batch *b); /* accepts NULL */
/* the first day with a metric row of the account: 1, 0 none, -1 */
int store_first_day(struct store *s, const char *platform,
		    const char *account_id, struct strbuf *day);

/*
 * push (src/cmd/push.c): the approved plan a push works from, so that
 * report finds its campaign, its cells and the plan itself in the
 * store. The campaign is found by (name, start) or added; the plan by
 * its sha256 or added with its JSON body; each cell by (plan, persona,
 * channel) or added. One transaction; cell_ids[i] gets cells[i]'s id.
 */
struct store_plan_cell {
	const char *persona, *channel, *platform;
	int64_t spend; /* minor units */
	int64_t daily; /* minor units; -1: none (a referral programme) */
};
struct store_plan {
	const char *campaign, *client, *currency; /* client may be NULL */
	const char *start, *end;                  /* YYYY-MM-DD */
	const char *sha256, *objective;
	int64_t budget;   /* minor units */
	const char *body; /* the plan JSON as approved */
	const struct store_plan_cell *cells;
	size_t n_cells;
};
int store_plan_record(struct store *s, const struct store_plan *p,
		      int64_t *cell_ids);
/* tie the object with this kind and local key to a plan cell */
int store_object_link_cell(struct store *s, const char *kind,
			   const char *local_key, int64_t cell_id);

/*
 * geo (src/push_geo.c): what a platform's location search answered for
 * a city (query: its name folded to lower case) in a country. matches
 * is how many cities of that exact name the search gave; remote_key and
 * name are the platform's id and name of the one match, NULL unless
 * matches is 1.
 */
struct store_geo {
	const char *platform, *country, *query;
	const char *remote_key, *name; /* may be NULL */
	int matches;
};
int store_geo_put(struct store *s, const struct store_geo *g);
/* 1 found (remote_key "" when matches is not 1), 0 not cached, -1 error */
int store_geo_get(struct store *s, const char *platform, const char *country,
		  const char *query, struct strbuf *remote_key,
		  struct strbuf *name, int *matches);

/*
 * facets (src/push_facet.c): what a platform's title or skill search
 * (facet "titles" or "skills") answered for a job title or skill
 * (query: its text folded to lower case). matches is how many entries
 * of that exact name the search gave; remote_key and name are the
 * platform's id (a URN on LinkedIn) and name of the one match, NULL
 * unless matches is 1.
 */
struct store_facet {
	const char *platform, *facet, *query;
	const char *remote_key, *name; /* may be NULL */
	int matches;
};
int store_facet_put(struct store *s, const struct store_facet *f);
/* 1 found (remote_key "" when matches is not 1), 0 not cached, -1 error */
int store_facet_get(struct store *s, const char *platform, const char *facet,
		    const char *query, struct strbuf *remote_key, int *matches);

#endif
