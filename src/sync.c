/*
 * sync - the run: which accounts, which days, the lock, the windows and
 * their transactions, exit statuses, progress. The platform readers
 * (sync_meta.c, sync_linkedin.c, sync_tiktok.c) know the reports.
 */
#include "sync.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "campaign.h"
#include "diag.h"
#include "json.h"
#include "money.h"
#include "sync_int.h"
#include "token.h"
#include "usage.h"
#include "wrapper.h"

#define STREAM "ad_day" /* the sync_state stream of the daily ad rows */

/* ---- days ---- */

/* an IANA zone name the TZ database on this machine has */
static bool zone_known(const char *tz)
{
	const char *dir = getenv("TZDIR");
	struct strbuf path = STRBUF_INIT;
	struct stat sb;
	bool ok;

	if (!*tz || *tz == '/' || strstr(tz, "..") || strlen(tz) > 64)
		return false;
	for (const char *p = tz; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || strchr("/_+-", *p)))
			return false;
	strbuf_addf(&path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo",
		    tz);
	ok = stat(path.buf, &sb) == 0 && S_ISREG(sb.st_mode);
	strbuf_release(&path);
	return ok;
}

/* the local date of t in tz, through the C library's TZ database */
static long local_day(time_t t, const char *tz)
{
	char *old = getenv("TZ") ? xstrdup(getenv("TZ")) : NULL;
	struct tm tm;
	long day = -1;

	setenv("TZ", tz, 1);
	tzset();
	if (localtime_r(&t, &tm))
		day = days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1L,
				      tm.tm_mday);
	if (old)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);
	return day;
}

long sync_today(const char *tz)
{
	const char *now = getenv("JOBMIX_NOW");
	time_t t = time(NULL);

	if (!zone_known(tz)) {
		errorf("time zone '%s' is not in this machine's TZ database "
		       "(install tzdata)",
		       tz);
		return -1;
	}
	if (now && *now) {
		long day = date_day(now);
		char *end;
		long long v;

		if (day >= 0)
			return day;
		errno = 0;
		v = strtoll(now, &end, 10);
		if (*end || errno || v < 0 || *now < '0' || *now > '9') {
			errorf("JOBMIX_NOW: expected a date YYYY-MM-DD or a "
			       "Unix "
			       "time in seconds, found '%s'",
			       now);
			return -1;
		}
		t = (time_t)v;
	}
	return local_day(t, tz);
}

/* ---- requests and rows ---- */

int sync_bad(struct sync_ctx *c, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	defuse_controls(sb.buf, (unsigned long)sb.len);
	if (c->from[0])
		errorf("%s account %s, %s to %s: %s", c->reader->name,
		       c->account, c->from, c->to, sb.buf);
	else
		errorf("%s account %s: %s", c->reader->name, c->account,
		       sb.buf);
	strbuf_release(&sb);
	return JM_DATAERR;
}

/* what a failed request means for cron */
static int failed(struct sync_ctx *c, const struct http_response *r)
{
	const char *where = c->pc->token_env    ? "the environment variable"
			    : c->pc->token_file ? "the file"
						: "the token source";
	const char *name = c->pc->token_env    ? c->pc->token_env
			   : c->pc->token_file ? c->pc->token_file
					       : "";

	switch (r->cls) {
	case REPLY_AUTH:
		errorf("%s: the access token was refused (%s): renew the %s "
		       "access token and put it in %s %s, then run again",
		       c->reader->name, strbuf_str(&r->error), c->reader->name,
		       where, name);
		return JM_CONFIG;
	case REPLY_CLIENT:
		errorf("%s: %s (check account_id and api_version in [%s])",
		       c->reader->name, strbuf_str(&r->error), c->reader->name);
		return JM_CONFIG;
	case REPLY_THROTTLED:
	case REPLY_NO_REPLY:
		errorf("%s: %s; try again later", c->reader->name,
		       strbuf_str(&r->error));
		return JM_TEMPFAIL;
	case REPLY_OK:
	case REPLY_RETRYABLE:
	case REPLY_SERVER:
		break;
	}
	errorf("%s: %s; the service is unavailable, try again later",
	       c->reader->name, strbuf_str(&r->error));
	return JM_UNAVAILABLE;
}

int sync_get(struct sync_ctx *c, const char *url, const struct http_header *h,
	     size_t n, struct json_value **out)
{
	struct http_request req = {
		.method = "GET", .url = url, .headers = h, .n_headers = n
	};

	return sync_send(c, &req, out);
}

int sync_send(struct sync_ctx *c, const struct http_request *req,
	      struct json_value **out)
{
	struct http_response r;
	struct diag d;
	int rc = 0;

	*out = NULL;
	http_response_init(&r);
	if (http_send(c->http, req, &r) < 0) {
		rc = failed(c, &r);
	} else if (!r.dry_run) {
		diag_init(&d, c->reader->name);
		if (json_parse(strbuf_str(&r.body), r.body.len, &d, out) < 0)
			rc = sync_bad(c, "the reply is not JSON");
	}
	c->waited_ms += r.waited_ms;
	http_response_release(&r);
	if (!rc && c->waited_ms > c->max_run_wait_ms) {
		errorf("%s account %s: waited %.0f s for the platform in this "
		       "run, "
		       "more than max_run_wait; try again later",
		       c->reader->name, c->account,
		       (double)c->waited_ms / 1000);
		rc = JM_TEMPFAIL;
	}
	return rc;
}

int sync_row(struct sync_ctx *c, const char *day, const struct store_metric *m)
{
	int rc;

	if (date_day(day) < 0 || strcmp(day, c->from) < 0 ||
	    strcmp(day, c->to) > 0)
		return sync_bad(c,
				"a row of ad %s on %s, outside the days "
				"asked for",
				m->ad_id, day);
	c->rows++;
	if (!c->batch)
		return 0;
	rc = store_batch_row(c->batch, day, m);
	if (rc == 1)
		return sync_bad(c, "ad %s on %s is given twice", m->ad_id, day);
	return rc ? JM_IOERR : 0;
}

void sync_page_done(struct sync_ctx *c)
{
	c->pages++;
	if (c->progress)
		fprintf(stderr,
			"\r%s %s: %lld rows, %lld pages, %.1f s waited ",
			c->reader->name, c->account, c->rows, c->pages,
			(double)c->waited_ms / 1000);
}

int sync_money(struct sync_ctx *c, const struct json_value *v, const char *what,
	       int64_t *out)
{
	const char *s = json_str(v), *why = NULL;

	if (!s)
		return sync_bad(c, "%s: expected decimal text, found %s", what,
				json_type_name(v));
	if (*s == '-' || money_parse(s, c->digits, out, &why) < 0)
		return sync_bad(c, "%s: '%.40s' is not an amount of %s: %s",
				what, s, c->currency.buf,
				why ? why : "negative");
	return 0;
}

int sync_count(struct sync_ctx *c, const struct json_value *v, const char *what,
	       int64_t dflt, int64_t *out)
{
	const char *s = json_str(v);
	int64_t n = 0;

	if (!v || json_type(v) == JSON_NULL) {
		*out = dflt;
		return 0;
	}
	if (!s && json_type(v) == JSON_NUMBER)
		s = json_num_text(v);
	if (!s || !*s || strlen(s) > 15)
		goto bad;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			goto bad;
		n = n * 10 + (*p - '0');
	}
	*out = n;
	return 0;
bad:
	return sync_bad(c, "%s: expected a whole count, found %s", what,
			s ? s : json_type_name(v));
}

/* ---- one account ---- */

/* a 200 reply of Meta or LinkedIn is read once, by the reader */
static enum reply_class classify(void *ctx, const struct reply *r,
				 struct verdict *v)
{
	const struct sync_ctx *c = ctx;
	struct reply q = *r;

	if (r->status == 200 && c->reader->api != API_TIKTOK) {
		q.body = "";
		q.body_len = 0;
	}
	return throttle_classify(c->reader->api, &q, v);
}

static int open_client(struct sync_ctx *c, const struct config *cfg)
{
	struct http_options o;

	http_options_init(&o, c->reader->api);
	o.timeout_ms = cfg->sync_timeout_s * 1000L;
	o.max_wait_ms = cfg->sync_max_wait_s * 1000L;
	o.throttle_wait_ms = cfg->sync_throttle_wait_s * 1000L;
	if (o.backoff_cap_ms > o.max_wait_ms)
		o.backoff_cap_ms = o.max_wait_ms;
	o.dry_run = c->dry_run;
	o.classify = classify;
	o.classify_ctx = c;
	c->http = http_client_new(&o);
	if (!c->http)
		return JM_SOFTWARE;
	http_client_add_secret(c->http, c->token.buf);
	return 0;
}

struct span {
	long since, until;
	long state; /* the saved through day, or -1 */
};

/* which days this run pulls: docs/sync.md "Which days" */
static int plan_days(struct sync_ctx *c, struct store *s,
		     const struct sync_options *o, int lookback,
		     struct span *sp)
{
	struct strbuf day = STRBUF_INIT;
	long today = sync_today(c->timezone.buf);
	int found = 0;

	if (today < 0)
		return JM_DATAERR;
	sp->state = -1;
	if (s &&
	    store_state_get(s, c->reader->name, c->account, STREAM, &day) == 1)
		sp->state = date_day(day.buf);
	sp->until = o->until ? date_day(o->until) : today - 1;
	sp->since = sp->until - lookback + 1;
	if (o->since) {
		sp->since = date_day(o->since);
	} else if (o->full_refresh) {
		strbuf_reset(&day);
		if (s &&
		    (found = store_first_day(s, c->reader->name, c->account,
					     &day)) == 1 &&
		    date_day(day.buf) < sp->since)
			sp->since = date_day(day.buf);
	} else if (sp->state >= 0 && sp->state + 1 < sp->since) {
		sp->since = sp->state + 1;
	}
	strbuf_release(&day);
	if (found < 0)
		return JM_IOERR;
	if (sp->until > today)
		sp->until = today;
	if (c->reader->retention && sp->since < today - c->reader->retention) {
		char kept[11];

		date_format(today - c->reader->retention, kept);
		warnf("%s keeps %d days of reports: starting at %s",
		      c->reader->name, c->reader->retention, kept);
		sp->since = today - c->reader->retention;
	}
	return 0;
}

static int save_account(struct sync_ctx *c, struct store *s)
{
	struct store_account a = { .platform = c->reader->name,
				   .account_id = c->account,
				   .currency = c->currency.buf,
				   .timezone = c->timezone.buf };

	if (store_begin(s))
		return JM_IOERR;
	if (store_account_put(s, &a) || store_commit(s)) {
		store_rollback(s);
		return JM_IOERR;
	}
	return 0;
}

/* the account's currency and zone: from the platform, or in a dry run
 * from the store (UTC when the store has never seen the account) */
static int account_info(struct sync_ctx *c, struct store *s)
{
	int rc;

	if (c->dry_run) {
		if (!s || store_account_get(s, c->reader->name, c->account,
					    &c->currency, &c->timezone) != 1) {
			strbuf_reset(&c->currency);
			strbuf_reset(&c->timezone);
			strbuf_addstr(&c->currency, "XXX");
			strbuf_addstr(&c->timezone, "UTC");
		}
		return 0;
	}
	rc = c->reader->account(c);
	if (rc)
		return rc;
	if (!money_currency_valid(c->currency.buf))
		return sync_bad(c,
				"the account's currency '%.20s' is not an "
				"ISO 4217 code",
				c->currency.buf);
	if (!zone_known(c->timezone.buf))
		return sync_bad(c,
				"the account's time zone '%.64s' is not in "
				"the TZ database",
				c->timezone.buf);
	c->digits = money_digits(c->currency.buf);
	return s ? save_account(c, s) : 0;
}

/* one window: its rows and the state in one transaction */
static int pull_window(struct sync_ctx *c, struct store *s, long from, long to,
		       long through)
{
	char day[11];
	int rc;

	date_format(from, c->from);
	date_format(to, c->to);
	c->batch = NULL;
	if (s && store_batch_begin(s, c->reader->name, c->account,
				   c->currency.buf, c->from, c->to, &c->batch))
		return JM_IOERR;
	rc = c->reader->window(c);
	if (rc) {
		store_batch_abort(c->batch);
		c->batch = NULL;
		return rc;
	}
	date_format(through, day);
	if (c->batch && store_batch_commit(c->batch, STREAM, day))
		rc = JM_IOERR;
	c->batch = NULL;
	return rc;
}

static void summary(struct sync_ctx *c, const struct span *sp, int rc)
{
	char a[11], b[11];
	struct strbuf rows = STRBUF_INIT;

	if (c->progress)
		fputc('\n', stderr);
	if (verbosity < 0 || rc)
		return;
	money_format_grouped(&rows, c->rows, 0);
	date_format(sp->since, a);
	date_format(sp->until, b);
	if (sp->since > sp->until)
		printf("%s %s: up to date through %s\n", c->reader->name,
		       c->account, b);
	else
		printf("%s %s: %s to %s, %s rows in %lld pages, %.1f s waited "
		       "(%s)%s\n",
		       c->reader->name, c->account, a, b, rows.buf, c->pages,
		       (double)c->waited_ms / 1000, c->timezone.buf,
		       c->dry_run ? ", dry run: nothing written" : "");
	strbuf_release(&rows);
}

/* long: the steps of one account, each of which may end the run */
static int sync_account(const struct sync_reader *rd, const struct config *cfg,
			struct store *s, const struct sync_options *o,
			const char *account)
{
	struct sync_ctx c = { .reader = rd };
	const struct platform_config *pc = &cfg->platforms[rd->platform];
	int lookback = o->lookback >= 0         ? o->lookback
		       : pc->lookback_days >= 0 ? pc->lookback_days
						: rd->lookback;
	struct span sp = { 0, -1, -1 };
	int rc;

	c.pc = pc;
	c.account = account;
	c.base_url = config_base_url(cfg, rd->platform);
	c.version = config_api_version(cfg, rd->platform);
	c.dry_run = o->dry_run;
	c.max_wait_ms = cfg->sync_max_wait_s * 1000L;
	c.max_run_wait_ms = cfg->sync_max_run_wait_s * 1000L;
	c.progress = !o->dry_run && verbosity >= 0 && isatty(STDERR_FILENO);
	strbuf_init(&c.token);
	strbuf_init(&c.currency);
	strbuf_init(&c.timezone);
	rc = token_load(rd->name, pc, &c.token);
	if (!rc)
		rc = open_client(&c, cfg);
	if (!rc)
		rc = account_info(&c, s);
	if (!rc)
		rc = plan_days(&c, s, o, lookback, &sp);
	for (long from = sp.since; !rc && from <= sp.until;
	     from += rd->window_days) {
		long to = from + rd->window_days - 1;
		long through;

		if (to > sp.until)
			to = sp.until;
		c.long_range = sp.until - sp.since + 1 > SYNC_LONG_RANGE;
		through = o->full_refresh || to > sp.state ? to : sp.state;
		rc = pull_window(&c, s, from, to, through);
	}
	summary(&c, &sp, rc);
	http_client_free(c.http);
	strbuf_release(&c.token);
	strbuf_release(&c.currency);
	strbuf_release(&c.timezone);
	return rc;
}

/* ---- the run ---- */

static const struct sync_reader *const readers[] = {
	[PLATFORM_META] = &sync_meta,
	[PLATFORM_LINKEDIN] = &sync_linkedin,
	[PLATFORM_TIKTOK] = &sync_tiktok,
};

static int check_options(const struct sync_options *o)
{
	long since = o->since ? date_day(o->since) : 0;
	long until = o->until ? date_day(o->until) : 0;

	if (since < 0 || until < 0) {
		errorf("sync: --%s: expected a date YYYY-MM-DD, found '%s'",
		       since < 0 ? "since" : "until",
		       since < 0 ? o->since : o->until);
		return JM_USAGE;
	}
	if (o->since && o->until && since > until) {
		errorf("sync: --since %s is after --until %s", o->since,
		       o->until);
		return JM_USAGE;
	}
	return 0;
}

/* the store, locked against a second sync; dry runs only read it */
static int open_store(const struct config *cfg, const struct sync_options *o,
		      struct store **s, int *lock)
{
	struct strbuf path = STRBUF_INIT;
	int rc = 0;

	config_store_path(cfg, &path);
	if (o->dry_run) {
		if (access(path.buf, F_OK) == 0)
			rc = store_open(path.buf, STORE_EXISTING, s);
		strbuf_release(&path);
		return rc;
	}
	rc = store_lock(path.buf, lock);
	if (rc == 1) {
		errorf("%s: another jobmix sync is running (it holds %s.lock); "
		       "try again later",
		       path.buf, path.buf);
		rc = JM_TEMPFAIL;
	} else if (rc < 0) {
		rc = JM_IOERR;
	} else {
		rc = store_open(path.buf, STORE_CREATE, s);
	}
	strbuf_release(&path);
	return rc;
}

/*
 * Every account of a platform: --account, else account_id and then
 * accounts (each once); the first failure is the status.
 */
static int sync_platform(const struct sync_reader *rd, const struct config *cfg,
			 struct store *s, const struct sync_options *o)
{
	const struct platform_config *pc = &cfg->platforms[rd->platform];
	struct strbuf all = STRBUF_INIT;
	struct strvec done = { 0 };
	char *save = NULL;
	int first = 0;

	if (o->account) {
		strbuf_addstr(&all, o->account);
	} else {
		strbuf_addstr(&all, pc->account_id ? pc->account_id : "");
		if (pc->accounts)
			strbuf_addf(&all, ",%s", pc->accounts);
	}
	for (char *id = strtok_r(all.buf, ",", &save); id;
	     id = strtok_r(NULL, ",", &save)) {
		bool seen = false;

		for (size_t i = 0; i < done.n; i++)
			seen = seen || strcmp(done.item[i], id) == 0;
		if (seen)
			continue;
		strvec_addf(&done, "%s", id);
		if (!first)
			first = sync_account(rd, cfg, s, o, id);
		else
			sync_account(rd, cfg, s, o, id);
	}
	strvec_clear(&done);
	strbuf_release(&all);
	return first;
}

/* which platforms to sync: --platform, else each with an account */
static int chosen(const struct config *cfg, const struct sync_options *o,
		  bool out[CONFIG_N_PLATFORMS])
{
	int n = 0;

	for (int p = 0; p < CONFIG_N_PLATFORMS; p++) {
		out[p] = o->only ? p == (int)o->platform
				 : cfg->platforms[p].account_id ||
					   cfg->platforms[p].accounts;
		n += out[p];
	}
	if (o->only && !o->account && !cfg->platforms[o->platform].account_id &&
	    !cfg->platforms[o->platform].accounts) {
		errorf("sync: no account_id in [%s] of the config, and no "
		       "--account",
		       readers[o->platform]->name);
		return JM_CONFIG;
	}
	if (!n) {
		errorf("sync: no ad account in the config: set account_id in "
		       "[meta], [linkedin] or [tiktok]");
		return JM_CONFIG;
	}
	return 0;
}

int sync_run(const struct config *cfg, const struct sync_options *o)
{
	struct store *s = NULL;
	bool on[CONFIG_N_PLATFORMS];
	int lock = -1, rc, first = 0;

	rc = check_options(o);
	if (!rc)
		rc = chosen(cfg, o, on);
	if (!rc && http_global_init() < 0)
		rc = JM_SOFTWARE;
	if (!rc)
		rc = open_store(cfg, o, &s, &lock);
	/* every platform runs; the first failure is the exit status */
	for (int p = 0; !rc && p < CONFIG_N_PLATFORMS; p++) {
		int r = on[p] ? sync_platform(readers[p], cfg, s, o) : 0;

		first = first ? first : r;
	}
	store_close(s);
	if (lock >= 0)
		store_unlock(lock);
	http_global_cleanup();
	return rc ? rc : first;
}
