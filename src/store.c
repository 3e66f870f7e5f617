/*
 * store.c - the SQLite store: schema, migrations and the statements
 * push, sync, import and report run. The only file that includes
 * sqlite3.h. docs/store.md describes the tables.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "number.h"
#include "store.h"
#include "strbuf.h"
#include "usage.h"
#include "wrapper.h"

/* 'JMIX': marks the file as a jobmix store (PRAGMA application_id) */
#define STORE_APPLICATION_ID 0x4a4d4958

struct store {
	sqlite3 *db;
	char *path; /* owned; for messages */
};

/*
 * migrations[i] takes the schema from version i to i + 1. Only ever
 * append: a store written by an older jobmix is migrated forward step
 * by step, each step in its own transaction with its user_version.
 */
static const char *const migrations[] = {
	/* 0 -> 1: the first schema, docs/store.md */
	"CREATE TABLE campaign ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL,"
	" client TEXT,"
	" currency TEXT NOT NULL CHECK (length(currency) = 3),"
	" start_day TEXT NOT NULL,"
	" end_day TEXT NOT NULL,"
	" UNIQUE (name, start_day)) STRICT;"
	"CREATE TABLE plan ("
	" id INTEGER PRIMARY KEY,"
	" campaign_id INTEGER NOT NULL REFERENCES campaign(id),"
	" sha256 TEXT NOT NULL UNIQUE,"
	" objective TEXT NOT NULL,"
	" budget INTEGER NOT NULL CHECK (budget >= 0),"
	" created_at TEXT NOT NULL,"
	" body TEXT NOT NULL) STRICT;"
	"CREATE TABLE cell ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id),"
	" persona TEXT NOT NULL,"
	" channel TEXT NOT NULL,"
	" platform TEXT NOT NULL,"
	" spend INTEGER NOT NULL CHECK (spend >= 0),"
	" daily INTEGER CHECK (daily >= 0),"
	" UNIQUE (plan_id, persona, channel)) STRICT;"
	"CREATE TABLE job ("
	" id INTEGER PRIMARY KEY,"
	" reference TEXT NOT NULL UNIQUE,"
	" title TEXT NOT NULL,"
	" url TEXT NOT NULL,"
	" category TEXT,"
	" city TEXT,"
	" country TEXT) STRICT;"
	"CREATE TABLE account ("
	" platform TEXT NOT NULL"
	"  CHECK (platform IN ('meta', 'linkedin', 'tiktok')),"
	" account_id TEXT NOT NULL,"
	" currency TEXT NOT NULL CHECK (length(currency) = 3),"
	" timezone TEXT NOT NULL,"
	" name TEXT,"
	" PRIMARY KEY (platform, account_id)) STRICT;"
	"CREATE TABLE object ("
	" id INTEGER PRIMARY KEY,"
	" platform TEXT NOT NULL,"
	" account_id TEXT NOT NULL,"
	" kind TEXT NOT NULL"
	"  CHECK (kind IN ('campaign', 'ad_set', 'creative', 'ad')),"
	" local_key TEXT NOT NULL,"
	" remote_id TEXT NOT NULL,"
	" status TEXT,"
	" budget INTEGER CHECK (budget >= 0),"
	" cell_id INTEGER REFERENCES cell(id),"
	" job_id INTEGER REFERENCES job(id),"
	" created_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" UNIQUE (platform, account_id, kind, local_key),"
	" UNIQUE (platform, account_id, kind, remote_id),"
	" FOREIGN KEY (platform, account_id)"
	"  REFERENCES account(platform, account_id)) STRICT;"
	"CREATE TABLE metric_day ("
	" platform TEXT NOT NULL,"
	" account_id TEXT NOT NULL,"
	" day TEXT NOT NULL,"
	" ad_id TEXT NOT NULL,"
	" campaign_id TEXT,"
	" currency TEXT NOT NULL CHECK (length(currency) = 3),"
	" spend INTEGER NOT NULL CHECK (spend >= 0),"
	" impressions INTEGER NOT NULL CHECK (impressions >= 0),"
	" clicks INTEGER NOT NULL CHECK (clicks >= 0),"
	" reach INTEGER,"
	" link_clicks INTEGER,"
	" applications INTEGER,"
	" leads INTEGER,"
	" ad_name TEXT,"
	" PRIMARY KEY (platform, account_id, day, ad_id),"
	" FOREIGN KEY (platform, account_id)"
	"  REFERENCES account(platform, account_id)) STRICT;"
	"CREATE INDEX metric_day_by_day ON metric_day (day);"
	"CREATE INDEX metric_day_by_ad ON metric_day (platform, ad_id, day);"
	/* reports: an ATS event's ad by its UTM, events by time */
	"CREATE INDEX object_by_local_key ON object (kind, local_key);"
	"CREATE INDEX object_by_remote_id ON object (kind, remote_id);"
	"CREATE TABLE sync_state ("
	" platform TEXT NOT NULL,"
	" account_id TEXT NOT NULL,"
	" stream TEXT NOT NULL,"
	" through_day TEXT NOT NULL,"
	" updated_at TEXT NOT NULL,"
	" PRIMARY KEY (platform, account_id, stream),"
	" FOREIGN KEY (platform, account_id)"
	"  REFERENCES account(platform, account_id)) STRICT;"
	"CREATE TABLE ats_event ("
	" id INTEGER PRIMARY KEY,"
	" event_key TEXT NOT NULL UNIQUE,"
	" kind TEXT NOT NULL CHECK (kind IN ('application', 'hire')),"
	" at TEXT NOT NULL,"
	" job_reference TEXT,"
	" source TEXT,"
	" utm_source TEXT,"
	" utm_medium TEXT,"
	" utm_campaign TEXT,"
	" utm_content TEXT,"
	" utm_term TEXT,"
	" status TEXT,"
	" platform TEXT,"
	" persona TEXT,"
	" channel TEXT,"
	" utm_id TEXT) STRICT;"
	"CREATE INDEX ats_event_by_at ON ats_event (at);"
	"CREATE TABLE import_file ("
	" sha256 TEXT PRIMARY KEY,"
	" kind TEXT NOT NULL,"
	" imported_at TEXT NOT NULL,"
	" rows INTEGER NOT NULL) STRICT;"
	/* push: the platforms' location searches, one answer per city */
	"CREATE TABLE geo ("
	" platform TEXT NOT NULL"
	"  CHECK (platform IN ('meta', 'linkedin', 'tiktok')),"
	" country TEXT NOT NULL,"
	" query TEXT NOT NULL,"
	" remote_key TEXT,"
	" name TEXT,"
	" matches INTEGER NOT NULL CHECK (matches >= 0),"
	" looked_up_at TEXT NOT NULL,"
	" PRIMARY KEY (platform, country, query)) STRICT;"
	/* push: the platforms' title and skill searches, one answer each */
	"CREATE TABLE facet ("
	" platform TEXT NOT NULL"
	"  CHECK (platform IN ('meta', 'linkedin', 'tiktok')),"
	" facet TEXT NOT NULL CHECK (facet IN ('titles', 'skills')),"
	" query TEXT NOT NULL,"
	" remote_key TEXT,"
	" name TEXT,"
	" matches INTEGER NOT NULL CHECK (matches >= 0),"
	" looked_up_at TEXT NOT NULL,"
	" PRIMARY KEY (platform, facet, query)) STRICT;",
};

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int db_error(struct store *s, const char *what)
{
	return errorf("%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

static int exec(struct store *s, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	errorf("%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
	sqlite3_free(msg);
	return -1;
}

static sqlite3_stmt *prepare(struct store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_error(s, "cannot prepare a statement");
		return NULL;
	}
	return st;
}

/* bind NULL for a NULL string; strings outlive the statement's step */
static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* bind NULL for -1, an optional count the platform did not give */
static void bind_count(sqlite3_stmt *st, int i, int64_t v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

/* step a statement that returns no row, then finalize it */
static int run(struct store *s, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE) {
		db_error(s, what);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

static int pragma_int(struct store *s, const char *sql, int *out)
{
	sqlite3_stmt *st = prepare(s, sql);
	int rc;

	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		db_error(s, "cannot read the schema version");
		sqlite3_finalize(st);
		return -1;
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

int store_schema_version(struct store *s)
{
	int v;

	return pragma_int(s, "PRAGMA user_version", &v) ? -1 : v;
}

/*
 * Is this file ours? A new file has no tables and application id 0;
 * a jobmix store has our id; anything else is somebody else's data.
 */
static int check_ownership(struct store *s)
{
	int app, tables;

	if (pragma_int(s, "PRAGMA application_id", &app) ||
	    pragma_int(s, "SELECT count(*) FROM sqlite_schema", &tables))
		return JM_DATAERR;
	if (app == STORE_APPLICATION_ID || (app == 0 && tables == 0))
		return 0;
	errorf("%s: not a jobmix store (an SQLite file of another program); "
	       "name another file with [store] path",
	       s->path);
	return JM_DATAERR;
}

static int migrate(struct store *s)
{
	int have = store_schema_version(s);
	struct strbuf sql = STRBUF_INIT;

	if (have < 0)
		return JM_DATAERR;
	if (have > STORE_SCHEMA_VERSION) {
		errorf("%s: the store has schema version %d, newer than this "
		       "jobmix knows (%d): upgrade jobmix",
		       s->path, have, STORE_SCHEMA_VERSION);
		return JM_DATAERR;
	}
	for (; have < STORE_SCHEMA_VERSION; have++) {
		strbuf_reset(&sql);
		strbuf_addf(&sql,
			    "BEGIN IMMEDIATE; %s PRAGMA application_id = %d;"
			    " PRAGMA user_version = %d; COMMIT;",
			    migrations[have], STORE_APPLICATION_ID, have + 1);
		if (exec(s, sql.buf)) {
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			strbuf_release(&sql);
			return JM_IOERR;
		}
	}
	strbuf_release(&sql);
	return 0;
}

/* open the file itself; the exit status on failure */
static int open_file(struct store *s, enum store_mode mode)
{
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
	struct stat sb;

	if (mode == STORE_EXISTING && stat(s->path, &sb) != 0) {
		errorf("%s: no store here: %s", s->path, strerror(errno));
		return JM_NOINPUT;
	}
	if (mode == STORE_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(s->path, &s->db, flags, NULL) != SQLITE_OK) {
		if (!s->db)
			die("out of memory");
		db_error(s, "cannot open the store");
		return mode == STORE_CREATE ? JM_CANTCREAT : JM_IOERR;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);
	return 0;
}

int store_open(const char *path, enum store_mode mode, struct store **out)
{
	struct store *s = xcalloc(1, sizeof(*s));
	int rc;

	s->path = xstrdup(path);
	*out = NULL;
	rc = open_file(s, mode);
	if (!rc && sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_schema",
				NULL, NULL, NULL) != SQLITE_OK) {
		rc = sqlite3_errcode(s->db) == SQLITE_NOTADB ? JM_DATAERR
							     : JM_IOERR;
		if (rc == JM_DATAERR)
			errorf("%s: not a jobmix store (not an SQLite file)",
			       s->path);
		else
			db_error(s, "cannot read the store");
	}
	if (!rc)
		rc = check_ownership(s);
	if (!rc && (exec(s, "PRAGMA journal_mode = WAL") ||
		    exec(s, "PRAGMA foreign_keys = ON") ||
		    exec(s, "PRAGMA synchronous = NORMAL")))
		rc = JM_IOERR;
	if (!rc)
		rc = migrate(s);
	if (rc) {
		store_close(s);
		return rc;
	}
	*out = s;
	return 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

int store_begin(struct store *s)
{
	return exec(s, "BEGIN IMMEDIATE");
}

int store_commit(struct store *s)
{
	return exec(s, "COMMIT");
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_lock(const char *path, int *fd)
{
	struct strbuf lock = STRBUF_INIT;
	int f;

	strbuf_addf(&lock, "%s.lock", path);
	f = open(lock.buf, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (f < 0) {
		errorf("%s: cannot open the lock file: %s", lock.buf,
		       strerror(errno));
		strbuf_release(&lock);
		return -1;
	}
	strbuf_release(&lock);
	if (flock(f, LOCK_EX | LOCK_NB) != 0) {
		int busy = errno == EWOULDBLOCK;

		if (!busy)
			errorf("%s: cannot lock the store: %s", path,
			       strerror(errno));
		close(f);
		return busy ? 1 : -1;
	}
	*fd = f;
	return 0;
}

void store_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}

int store_account_put(struct store *s, const struct store_account *a)
{
	sqlite3_stmt *st = prepare(
		s, "INSERT INTO account (platform, account_id, currency,"
		   " timezone, name) VALUES (?1, ?2, ?3, ?4, ?5)"
		   " ON CONFLICT (platform, account_id) DO UPDATE SET"
		   " currency = excluded.currency,"
		   " timezone = excluded.timezone, name = excluded.name");

	if (!st)
		return -1;
	bind_text(st, 1, a->platform);
	bind_text(st, 2, a->account_id);
	bind_text(st, 3, a->currency);
	bind_text(st, 4, a->timezone);
	bind_text(st, 5, a->name);
	return run(s, st, "cannot save the ad account");
}

/* copy column i of the current row into out, "" for NULL */
static void column_to(sqlite3_stmt *st, int i, struct strbuf *out)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	strbuf_reset(out);
	if (v)
		strbuf_addstr(out, (const char *)v);
}

/* step a query of at most one row: 1 a row, 0 none, -1 error */
static int one_row(struct store *s, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	db_error(s, what);
	return -1;
}

int store_account_get(struct store *s, const char *platform,
		      const char *account_id, struct strbuf *currency,
		      struct strbuf *timezone)
{
	sqlite3_stmt *st =
		prepare(s, "SELECT currency, timezone FROM account"
			   " WHERE platform = ?1 AND account_id = ?2");
	int found;

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	found = one_row(s, st, "cannot read the ad account");
	if (found == 1) {
		column_to(st, 0, currency);
		column_to(st, 1, timezone);
	}
	sqlite3_finalize(st);
	return found;
}

int store_object_put(struct store *s, const struct store_object *o)
{
	sqlite3_stmt *st = prepare(
		s, "INSERT INTO object (platform, account_id, kind, local_key,"
		   " remote_id, status, created_at, updated_at)"
		   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, " NOW_SQL ", " NOW_SQL ")"
		   " ON CONFLICT (platform, account_id, kind, local_key)"
		   " DO UPDATE SET remote_id = excluded.remote_id,"
		   " status = coalesce(excluded.status, status),"
		   " updated_at = excluded.updated_at");

	if (!st)
		return -1;
	bind_text(st, 1, o->platform);
	bind_text(st, 2, o->account_id);
	bind_text(st, 3, o->kind);
	bind_text(st, 4, o->local_key);
	bind_text(st, 5, o->remote_id);
	bind_text(st, 6, o->status);
	return run(s, st, "cannot save the platform object");
}

int store_object_find(struct store *s, const char *platform,
		      const char *account_id, const char *kind,
		      const char *local_key, struct strbuf *remote_id)
{
	sqlite3_stmt *st = prepare(
		s, "SELECT remote_id FROM object WHERE platform = ?1"
		   " AND account_id = ?2 AND kind = ?3 AND local_key = ?4");
	int found;

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	bind_text(st, 3, kind);
	bind_text(st, 4, local_key);
	found = one_row(s, st, "cannot read the platform object");
	if (found == 1)
		column_to(st, 0, remote_id);
	sqlite3_finalize(st);
	return found;
}

static int delete_day(struct store *s, const char *platform,
		      const char *account_id, const char *day)
{
	sqlite3_stmt *st =
		prepare(s, "DELETE FROM metric_day WHERE platform = ?1"
			   " AND account_id = ?2 AND day = ?3");

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	bind_text(st, 3, day);
	return run(s, st, "cannot replace the day's metrics");
}

static int insert_rows(struct store *s, const char *platform,
		       const char *account_id, const char *day,
		       const char *currency, const struct store_metric *rows,
		       size_t n)
{
	sqlite3_stmt *st =
		prepare(s, "INSERT INTO metric_day (platform, account_id, day,"
			   " ad_id, campaign_id, currency, spend, impressions,"
			   " clicks, reach, link_clicks, applications, leads)"
			   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
			   " ?11, ?12, ?13)");
	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	bind_text(st, 3, day);
	bind_text(st, 6, currency);
	for (size_t i = 0; i < n; i++) {
		const struct store_metric *r = &rows[i];

		bind_text(st, 4, r->ad_id);
		bind_text(st, 5, r->campaign_id);
		sqlite3_bind_int64(st, 7, r->spend);
		sqlite3_bind_int64(st, 8, r->impressions);
		sqlite3_bind_int64(st, 9, r->clicks);
		bind_count(st, 10, r->reach);
		bind_count(st, 11, r->link_clicks);
		bind_count(st, 12, r->applications);
		bind_count(st, 13, r->leads);
		if (sqlite3_step(st) != SQLITE_DONE) {
			db_error(s, "cannot save the day's metrics");
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

int store_day_replace(struct store *s, const char *platform,
		      const char *account_id, const char *day,
		      const char *currency, const struct store_metric *rows,
		      size_t n)
{
	int rc;

	/* whole or nothing, inside the caller's transaction or alone */
	if (exec(s, "SAVEPOINT day_replace"))
		return -1;
	rc = delete_day(s, platform, account_id, day) ||
	     insert_rows(s, platform, account_id, day, currency, rows, n);
	if (rc)
		exec(s, "ROLLBACK TO day_replace");
	if (exec(s, "RELEASE day_replace"))
		return -1;
	return rc ? -1 : 0;
}

int store_state_get(struct store *s, const char *platform,
		    const char *account_id, const char *stream,
		    struct strbuf *day)
{
	sqlite3_stmt *st = prepare(
		s, "SELECT through_day FROM sync_state WHERE platform = ?1"
		   " AND account_id = ?2 AND stream = ?3");
	int found;

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	bind_text(st, 3, stream);
	found = one_row(s, st, "cannot read the sync state");
	if (found == 1)
		column_to(st, 0, day);
	sqlite3_finalize(st);
	return found;
}

int store_state_set(struct store *s, const char *platform,
		    const char *account_id, const char *stream, const char *day)
{
	sqlite3_stmt *st = prepare(
		s, "INSERT INTO sync_state (platform, account_id, stream,"
		   " through_day, updated_at) VALUES (?1, ?2, ?3, ?4, " NOW_SQL
		   ") ON CONFLICT (platform, account_id, stream) DO UPDATE"
		   " SET through_day = excluded.through_day,"
		   " updated_at = excluded.updated_at");

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	bind_text(st, 3, stream);
	bind_text(st, 4, day);
	return run(s, st, "cannot save the sync state");
}

int store_totals(struct store *s, const char *platform, const char *account_id,
		 const char *from, const char *to, struct store_totals *out)
{
	sqlite3_stmt *st = prepare(
		s, "SELECT count(*), coalesce(sum(spend), 0),"
		   " coalesce(sum(impressions), 0), coalesce(sum(clicks), 0)"
		   " FROM metric_day"
		   " WHERE platform = ?1 AND account_id = ?2"
		   " AND day BETWEEN ?3 AND ?4");
	int found;

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	bind_text(st, 3, from);
	bind_text(st, 4, to);
	found = one_row(s, st, "cannot sum the metrics");
	if (found == 1) {
		/* sum() of integers is exact, or an overflow error */
		out->rows = sqlite3_column_int64(st, 0);
		out->spend = sqlite3_column_int64(st, 1);
		out->impressions = sqlite3_column_int64(st, 2);
		out->clicks = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	return found < 0 ? -1 : 0;
}

/*
 * reports: the read-only queries of `jobmix report`. Rows are summed
 * per plan cell first (the object table maps an ad to its cell) and
 * named after, so the names are looked up once per group, not per row.
 * A query with a date range walks metric_day_by_day; one without reads
 * the table once.
 */

static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	return xstrdup(v ? (const char *)v : "");
}

/* copy column i into a fixed array of size n, cut to fit */
static void column_copy(sqlite3_stmt *st, int i, char *dst, size_t n)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	snprintf(dst, n, "%s", v ? (const char *)v : "");
}

int store_report_campaigns(struct store *s, const char *id_or_name,
			   struct store_campaign **out, size_t *n)
{
	sqlite3_stmt *st = prepare(
		s, "SELECT id, name, client, currency, start_day, end_day"
		   " FROM campaign WHERE ?1 IS NULL OR name = ?1"
		   " OR (?2 IS NOT NULL AND id = ?2) ORDER BY start_day, id");
	size_t alloc = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	bind_text(st, 1, id_or_name);
	if (id_or_name && all_digits(id_or_name) && strlen(id_or_name) < 19)
		sqlite3_bind_int64(st, 2, strtoll(id_or_name, NULL, 10));
	else
		sqlite3_bind_null(st, 2);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_campaign *c;

		ALLOC_GROW(*out, *n + 1, alloc);
		c = &(*out)[(*n)++];
		c->id = sqlite3_column_int64(st, 0);
		c->name = column_dup(st, 1);
		c->client = sqlite3_column_type(st, 2) == SQLITE_NULL
				    ? NULL
				    : column_dup(st, 2);
		column_copy(st, 3, c->currency, sizeof(c->currency));
		column_copy(st, 4, c->start, sizeof(c->start));
		column_copy(st, 5, c->end, sizeof(c->end));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_error(s, "cannot read the campaigns");
		store_campaigns_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void store_campaigns_free(struct store_campaign *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].name);
		free(c[i].client);
	}
	free(c);
}

int store_report_ads(struct store *s, struct store_report_ad **out, size_t *n)
{
	sqlite3_stmt *st =
		prepare(s, "SELECT coalesce(p.campaign_id, 0), o.platform,"
			   " o.account_id, o.remote_id, o.local_key,"
			   " coalesce(c.persona, ''), coalesce(c.channel, '')"
			   " FROM object o LEFT JOIN cell c ON c.id = o.cell_id"
			   " LEFT JOIN plan p ON p.id = c.plan_id"
			   " WHERE o.kind = 'ad' ORDER BY o.id");
	size_t alloc = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_report_ad *a;

		ALLOC_GROW(*out, *n + 1, alloc);
		a = &(*out)[(*n)++];
		a->campaign = sqlite3_column_int64(st, 0);
		column_copy(st, 1, a->platform, sizeof(a->platform));
		a->account_id = column_dup(st, 2);
		a->remote_id = column_dup(st, 3);
		a->local_key = column_dup(st, 4);
		a->persona = column_dup(st, 5);
		a->channel = column_dup(st, 6);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_error(s, "cannot read the ads");
		store_report_ads_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void store_report_ads_free(struct store_report_ad *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(a[i].account_id);
		free(a[i].remote_id);
		free(a[i].local_key);
		free(a[i].persona);
		free(a[i].channel);
	}
	free(a);
}

/* the scan; a range walks metric_day_by_day, no range the table */
static const char scan_sql[] =
	"SELECT platform, account_id, ad_id, currency, day, spend,"
	" impressions, clicks, reach, link_clicks, applications, ad_name"
	" FROM metric_day";
static const char scan_range[] = " WHERE day BETWEEN ?1 AND ?2";

static sqlite3_stmt *prepare_report(struct store *s, const char *sql,
				    const struct store_report_query *q)
{
	sqlite3_stmt *st = prepare(s, sql);

	if (!st)
		return NULL;
	bind_text(st, 1, q->from ? q->from : "0000-01-01");
	bind_text(st, 2, q->to ? q->to : "9999-12-31");
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_int64(st, 3, q->campaign);
	return st;
}

static int64_t column_count(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL
		       ? -1
		       : sqlite3_column_int64(st, i);
}

static const char *column_str(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	return v ? (const char *)v : "";
}

int store_report_scan(struct store *s, const struct store_report_query *q,
		      int (*fn)(void *ctx, const struct store_report_fact *f),
		      void *ctx)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_report_fact f;
	sqlite3_stmt *st;
	int rc, ret = 0;

	strbuf_addstr(&sql, scan_sql);
	if (q->from || q->to)
		strbuf_addstr(&sql, scan_range);
	st = prepare_report(s, sql.buf, q);
	strbuf_release(&sql);
	if (!st)
		return -1;
	while (!ret && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		f.platform = column_str(st, 0);
		f.account_id = column_str(st, 1);
		f.ad_id = column_str(st, 2);
		f.currency = column_str(st, 3);
		f.day = column_str(st, 4);
		f.spend = sqlite3_column_int64(st, 5);
		f.impressions = sqlite3_column_int64(st, 6);
		f.clicks = sqlite3_column_int64(st, 7);
		f.reach = column_count(st, 8);
		f.link_clicks = column_count(st, 9);
		f.applications = column_count(st, 10);
		f.ad_name = column_str(st, 11);
		ret = fn(ctx, &f);
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_error(s, "cannot read the metrics");
	sqlite3_finalize(st);
	return ret;
}

/*
 * ATS events: the ad by utm_content (local key, else remote id), else
 * the campaign by utm_campaign (its name).
 */
static void events_sql(struct strbuf *sql, enum store_grain grain)
{
	const char *key = grain == STORE_GRAIN_DAY
				  ? "substr(e.at, 1, 10)"
				  : "coalesce(o.local_key, '')";

	/* the UTM fields only for events no ad claims: the caller reads them */
	strbuf_addf(sql,
		    "SELECT coalesce(p.campaign_id, 0),"
		    " coalesce(o.platform, e.utm_source, ''),"
		    " coalesce(c.persona, ''), coalesce(c.channel, ''), %s,"
		    " sum(e.kind = 'application'), sum(e.kind = 'hire'),"
		    " CASE WHEN p.id IS NULL THEN e.utm_campaign END,"
		    " CASE WHEN p.id IS NULL THEN e.utm_content END"
		    " FROM ats_event e"
		    " LEFT JOIN object o ON o.id = coalesce("
		    "(SELECT id FROM object WHERE kind = 'ad'"
		    " AND local_key = e.utm_content LIMIT 1),"
		    " (SELECT id FROM object WHERE kind = 'ad'"
		    " AND remote_id = e.utm_content LIMIT 1))"
		    " LEFT JOIN cell c ON c.id = o.cell_id"
		    " LEFT JOIN plan p ON p.id = c.plan_id"
		    " WHERE e.at >= ?1 AND e.at < ?2 || 'U'"
		    " GROUP BY 1, 2, 3, 4, 5, 8, 9 ORDER BY 1, 5, 2, 4, 3",
		    key);
}

int store_report_events(struct store *s, const struct store_report_query *q,
			enum store_grain grain, struct store_report_event **out,
			size_t *n)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc;

	*out = NULL;
	*n = 0;
	events_sql(&sql, grain);
	st = prepare_report(s, sql.buf, q);
	strbuf_release(&sql);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_report_event *e;

		ALLOC_GROW(*out, *n + 1, alloc);
		e = &(*out)[(*n)++];
		e->campaign = sqlite3_column_int64(st, 0);
		column_copy(st, 1, e->platform, sizeof(e->platform));
		e->persona = column_dup(st, 2);
		e->channel = column_dup(st, 3);
		e->key = column_dup(st, 4);
		e->applications = sqlite3_column_int64(st, 5);
		e->hires = sqlite3_column_int64(st, 6);
		e->utm_campaign = sqlite3_column_type(st, 7) == SQLITE_NULL
					  ? NULL
					  : column_dup(st, 7);
		e->utm_content = sqlite3_column_type(st, 8) == SQLITE_NULL
					 ? NULL
					 : column_dup(st, 8);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_error(s, "cannot count the ATS events");
		store_report_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void store_report_events_free(struct store_report_event *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].utm_campaign);
		free(e[i].utm_content);
		free(e[i].persona);
		free(e[i].channel);
		free(e[i].key);
	}
	free(e);
}

int store_report_plan(struct store *s, int64_t campaign, struct strbuf *body)
{
	sqlite3_stmt *st = prepare(s, "SELECT body FROM plan"
				      " WHERE campaign_id = ?1"
				      " ORDER BY id DESC LIMIT 1");
	int found;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, campaign);
	found = one_row(s, st, "cannot read the plan");
	if (found == 1)
		column_to(st, 0, body);
	sqlite3_finalize(st);
	return found;
}

static int explain(struct store *s, const char *query, struct strbuf *out)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_report_query q = { 0, "2000-01-01", "2000-01-01" };
	sqlite3_stmt *st;
	int rc;

	strbuf_addf(&sql, "EXPLAIN QUERY PLAN %s", query);
	st = prepare_report(s, sql.buf, &q);
	strbuf_release(&sql);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		strbuf_addf(out, "  %s\n", column_str(st, 3));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(s, "cannot explain a report query");
	return 0;
}

int store_report_explain(struct store *s, bool ranged, struct strbuf *out)
{
	struct strbuf sql = STRBUF_INIT;
	int rc;

	strbuf_addf(&sql, "%s%s", scan_sql, ranged ? scan_range : "");
	strbuf_addstr(out, "metrics:\n");
	rc = explain(s, sql.buf, out);
	strbuf_reset(&sql);
	events_sql(&sql, STORE_GRAIN_DAY);
	strbuf_addstr(out, "ATS events:\n");
	if (!rc)
		rc = explain(s, sql.buf, out);
	strbuf_release(&sql);
	return rc;
}

/* import: imported files, ATS events, the ads' names (docs/import.md) */

int store_import_find(struct store *s, const char *sha256, struct strbuf *when)
{
	sqlite3_stmt *st = prepare(
		s, "SELECT imported_at FROM import_file WHERE sha256 = ?1");
	int found;

	if (!st)
		return -1;
	bind_text(st, 1, sha256);
	found = one_row(s, st, "cannot read the imported files");
	if (found == 1)
		column_to(st, 0, when);
	sqlite3_finalize(st);
	return found;
}

int store_import_put(struct store *s, const char *sha256, const char *kind,
		     int64_t rows)
{
	sqlite3_stmt *st = prepare(
		s, "INSERT INTO import_file (sha256, kind, imported_at, rows)"
		   " VALUES (?1, ?2, " NOW_SQL ", ?3)");

	if (!st)
		return -1;
	bind_text(st, 1, sha256);
	bind_text(st, 2, kind);
	sqlite3_bind_int64(st, 3, rows);
	return run(s, st, "cannot record the imported file");
}

int store_ats_event_add(struct store *s, const struct store_ats_event *e)
{
	sqlite3_stmt *st = prepare(
		s, "INSERT INTO ats_event (event_key, kind, at, job_reference,"
		   " source, utm_source, utm_medium, utm_campaign, utm_content,"
		   " utm_term, status, platform, persona, channel, utm_id)"
		   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		   " ?13, ?14, ?15) ON CONFLICT (event_key) DO NOTHING");
	const char *v[] = { e->event_key,     e->kind,         e->at,
			    e->job_reference, e->source,       e->utm_source,
			    e->utm_medium,    e->utm_campaign, e->utm_content,
			    e->utm_term,      e->status,       e->platform,
			    e->persona,       e->channel,      e->utm_id };

	if (!st)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(v); i++)
		bind_text(st, (int)i + 1, v[i]);
	if (run(s, st, "cannot save the ATS event"))
		return -1;
	return sqlite3_changes(s->db) > 0;
}

int store_ats_count(struct store *s, const char *kind, int64_t *out)
{
	sqlite3_stmt *st =
		prepare(s, "SELECT count(*) FROM ats_event WHERE kind = ?1");
	int found;

	if (!st)
		return -1;
	bind_text(st, 1, kind);
	found = one_row(s, st, "cannot count the ATS events");
	if (found == 1)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return found == 1 ? 0 : -1;
}

int store_metric_put(struct store *s, const char *platform,
		     const char *account_id, const char *day,
		     const char *currency, const struct store_metric *m,
		     const char *ad_name)
{
	sqlite3_stmt *st = prepare(
		s, "INSERT INTO metric_day (platform, account_id, day, ad_id,"
		   " campaign_id, currency, spend, impressions, clicks, reach,"
		   " link_clicks, applications, leads, ad_name) VALUES (?1,"
		   " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
		   " ON CONFLICT (platform, account_id, day, ad_id) DO UPDATE"
		   " SET campaign_id = excluded.campaign_id,"
		   " currency = excluded.currency, spend = excluded.spend,"
		   " impressions = excluded.impressions,"
		   " clicks = excluded.clicks, reach = excluded.reach,"
		   " link_clicks = excluded.link_clicks,"
		   " applications = excluded.applications,"
		   " leads = excluded.leads, ad_name = excluded.ad_name");

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	bind_text(st, 3, day);
	bind_text(st, 4, m->ad_id);
	bind_text(st, 5, m->campaign_id);
	bind_text(st, 6, currency);
	sqlite3_bind_int64(st, 7, m->spend);
	sqlite3_bind_int64(st, 8, m->impressions);
	sqlite3_bind_int64(st, 9, m->clicks);
	bind_count(st, 10, m->reach);
	bind_count(st, 11, m->link_clicks);
	bind_count(st, 12, m->applications);
	bind_count(st, 13, m->leads);
	bind_text(st, 14, ad_name);
	return run(s, st, "cannot save the ad's metrics");
}

/* ---- push: the budget an ad set was last given (src/push.c) ---- */

int store_object_get(struct store *s, const char *platform,
		     const char *account_id, const char *kind,
		     const char *local_key, struct strbuf *remote_id,
		     struct strbuf *status, int64_t *budget)
{
	sqlite3_stmt *st = prepare(
		s, "SELECT remote_id, coalesce(status, ''),"
		   " coalesce(budget, -1) FROM object WHERE platform = ?1"
		   " AND account_id = ?2 AND kind = ?3 AND local_key = ?4");
	int found;

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	bind_text(st, 3, kind);
	bind_text(st, 4, local_key);
	found = one_row(s, st, "cannot read the platform object");
	if (found == 1) {
		column_to(st, 0, remote_id);
		column_to(st, 1, status);
		*budget = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return found;
}

int store_object_set_budget(struct store *s, const char *platform,
			    const char *account_id, const char *kind,
			    const char *local_key, int64_t budget)
{
	sqlite3_stmt *st = prepare(
		s, "UPDATE object SET budget = ?5, updated_at = " NOW_SQL
		   " WHERE platform = ?1 AND account_id = ?2 AND kind = ?3"
		   " AND local_key = ?4");

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	bind_text(st, 3, kind);
	bind_text(st, 4, local_key);
	sqlite3_bind_int64(st, 5, budget);
	return run(s, st, "cannot save the ad set's budget");
}

/* ---- sync: one (account, day-range) batch streamed into the store ---- */

struct store_batch {
	struct store *s;
	sqlite3_stmt *insert;
	char *platform, *account_id, *currency;
};

static int batch_clear(struct store *s, const char *platform,
		       const char *account_id, const char *from, const char *to)
{
	sqlite3_stmt *st =
		prepare(s, "DELETE FROM metric_day WHERE platform = ?1"
			   " AND account_id = ?2 AND day BETWEEN ?3 AND ?4");

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	bind_text(st, 3, from);
	bind_text(st, 4, to);
	return run(s, st, "cannot clear the days to replace");
}

int store_batch_begin(struct store *s, const char *platform,
		      const char *account_id, const char *currency,
		      const char *from, const char *to,
		      struct store_batch **out)
{
	struct store_batch *b;

	*out = NULL;
	/*
	 * 32 MiB of page cache (SQLite's default is 2): a large window
	 * then spills far fewer pages to the WAL before its commit, which
	 * took the benchmark's million rows from 18 s to 10-12 s. Memory
	 * stays bounded whatever the window holds.
	 */
	if (exec(s, "PRAGMA cache_size = -32768") || store_begin(s))
		return -1;
	if (batch_clear(s, platform, account_id, from, to)) {
		store_rollback(s);
		return -1;
	}
	b = xcalloc(1, sizeof(*b));
	b->s = s;
	b->platform = xstrdup(platform);
	b->account_id = xstrdup(account_id);
	b->currency = xstrdup(currency);
	b->insert =
		prepare(s, "INSERT INTO metric_day (platform, account_id, day,"
			   " ad_id, campaign_id, currency, spend, impressions,"
			   " clicks, reach, link_clicks, applications, leads)"
			   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
			   " ?11, ?12, ?13)");
	if (!b->insert) {
		store_batch_abort(b);
		return -1;
	}
	bind_text(b->insert, 1, b->platform);
	bind_text(b->insert, 2, b->account_id);
	bind_text(b->insert, 6, b->currency);
	*out = b;
	return 0;
}

int store_batch_row(struct store_batch *b, const char *day,
		    const struct store_metric *m)
{
	sqlite3_stmt *st = b->insert;
	int rc;

	bind_text(st, 3, day);
	bind_text(st, 4, m->ad_id);
	bind_text(st, 5, m->campaign_id);
	sqlite3_bind_int64(st, 7, m->spend);
	sqlite3_bind_int64(st, 8, m->impressions);
	sqlite3_bind_int64(st, 9, m->clicks);
	bind_count(st, 10, m->reach);
	bind_count(st, 11, m->link_clicks);
	bind_count(st, 12, m->applications);
	bind_count(st, 13, m->leads);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		return 1;
	return db_error(b->s, "cannot save a day's metrics");
}

static void batch_free(struct store_batch *b)
{
	sqlite3_finalize(b->insert);
	free(b->platform);
	free(b->account_id);
	free(b->currency);
	free(b);
}

int store_batch_commit(struct store_batch *b, const char *stream,
		       const char *through_day)
{
	struct store *s = b->s;
	int rc = store_state_set(s, b->platform, b->account_id, stream,
				 through_day);

	batch_free(b);
	if (!rc)
		rc = store_commit(s);
	if (rc)
		store_rollback(s);
	return rc;
}

void store_batch_abort(struct store_batch *b)
{
	if (!b)
		return;
	store_rollback(b->s);
	batch_free(b);
}

int store_first_day(struct store *s, const char *platform,
		    const char *account_id, struct strbuf *day)
{
	sqlite3_stmt *st =
		prepare(s, "SELECT min(day) FROM metric_day WHERE platform = ?1"
			   " AND account_id = ?2");
	int found;

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, account_id);
	found = one_row(s, st, "cannot read the first day");
	if (found == 1) {
		if (sqlite3_column_type(st, 0) == SQLITE_NULL)
			found = 0;
		else
			column_to(st, 0, day);
	}
	sqlite3_finalize(st);
	return found;
}

/* ---- push: the plan it pushed, and which cell each object serves ---- */

/* run st, which returns one id, into *id */
static int returning_id(struct store *s, sqlite3_stmt *st, const char *what,
			int64_t *id)
{
	int found = one_row(s, st, what);

	if (found == 1)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return found == 1 ? 0 : -1;
}

static int plan_campaign(struct store *s, const struct store_plan *p,
			 int64_t *id)
{
	sqlite3_stmt *st = prepare(
		s, "INSERT INTO campaign (name, client, currency, start_day,"
		   " end_day) VALUES (?1, ?2, ?3, ?4, ?5)"
		   " ON CONFLICT (name, start_day) DO UPDATE SET"
		   " client = excluded.client, currency = excluded.currency,"
		   " end_day = excluded.end_day RETURNING id");

	if (!st)
		return -1;
	bind_text(st, 1, p->campaign);
	bind_text(st, 2, p->client);
	bind_text(st, 3, p->currency);
	bind_text(st, 4, p->start);
	bind_text(st, 5, p->end);
	return returning_id(s, st, "cannot save the campaign", id);
}

static int plan_row(struct store *s, const struct store_plan *p,
		    int64_t campaign, int64_t *id)
{
	sqlite3_stmt *st = prepare(
		s,
		"INSERT INTO plan (campaign_id, sha256, objective, budget,"
		" created_at, body) VALUES (?1, ?2, ?3, ?4, " NOW_SQL ", ?5)"
		" ON CONFLICT (sha256) DO UPDATE SET sha256 = excluded.sha256"
		" RETURNING id");

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, campaign);
	bind_text(st, 2, p->sha256);
	bind_text(st, 3, p->objective);
	sqlite3_bind_int64(st, 4, p->budget);
	bind_text(st, 5, p->body);
	return returning_id(s, st, "cannot save the plan", id);
}

static int plan_cell(struct store *s, int64_t plan,
		     const struct store_plan_cell *c, int64_t *id)
{
	sqlite3_stmt *st = prepare(
		s, "INSERT INTO cell (plan_id, persona, channel, platform,"
		   " spend, daily) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		   " ON CONFLICT (plan_id, persona, channel) DO UPDATE SET"
		   " spend = excluded.spend RETURNING id");

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	bind_text(st, 2, c->persona);
	bind_text(st, 3, c->channel);
	bind_text(st, 4, c->platform);
	sqlite3_bind_int64(st, 5, c->spend);
	bind_count(st, 6, c->daily);
	return returning_id(s, st, "cannot save the plan's cell", id);
}

int store_plan_record(struct store *s, const struct store_plan *p,
		      int64_t *cell_ids)
{
	int64_t campaign, plan;
	int rc;

	if (store_begin(s) < 0)
		return -1;
	rc = plan_campaign(s, p, &campaign) || plan_row(s, p, campaign, &plan);
	for (size_t i = 0; !rc && i < p->n_cells; i++)
		rc = plan_cell(s, plan, &p->cells[i], &cell_ids[i]);
	if (rc) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s);
}

int store_object_link_cell(struct store *s, const char *kind,
			   const char *local_key, int64_t cell_id)
{
	sqlite3_stmt *st = prepare(s, "UPDATE object SET cell_id = ?1"
				      " WHERE kind = ?2 AND local_key = ?3");

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, cell_id);
	bind_text(st, 2, kind);
	bind_text(st, 3, local_key);
	return run(s, st, "cannot tie the object to its plan cell");
}

/*
 * ---- geo and facets: push's lookups (src/push_geo.c, push_facet.c) ----
 * Both caches key an answer by (platform, scope, query), scope being
 * the country of a city or the facet of a title or skill; the SQL
 * differs only in the table and the scope's column.
 */

static int lookup_put(struct store *s, const char *sql, const char *platform,
		      const char *scope, const char *query,
		      const char *remote_key, const char *name, int matches,
		      const char *what)
{
	sqlite3_stmt *st = prepare(s, sql);

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, scope);
	bind_text(st, 3, query);
	bind_text(st, 4, remote_key);
	bind_text(st, 5, name);
	sqlite3_bind_int(st, 6, matches);
	return run(s, st, what);
}

/* remote key, name (when wanted) and matches of a cached answer */
static int lookup_get(struct store *s, const char *sql, const char *platform,
		      const char *scope, const char *query,
		      struct strbuf *remote_key, struct strbuf *name,
		      int *matches, const char *what)
{
	sqlite3_stmt *st = prepare(s, sql);
	int found;

	if (!st)
		return -1;
	bind_text(st, 1, platform);
	bind_text(st, 2, scope);
	bind_text(st, 3, query);
	found = one_row(s, st, what);
	if (found == 1) {
		column_to(st, 0, remote_key);
		if (name)
			column_to(st, 1, name);
		*matches = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return found;
}

#define LOOKUP_PUT(table, scope)                                               \
	"INSERT INTO " table " (platform, " scope ", query, remote_key, name," \
	" matches, looked_up_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " NOW_SQL     \
	") ON CONFLICT (platform, " scope ", query) DO UPDATE SET"             \
	" remote_key = excluded.remote_key, name = excluded.name,"             \
	" matches = excluded.matches, looked_up_at = excluded.looked_up_at"
#define LOOKUP_GET(table, scope)                                       \
	"SELECT coalesce(remote_key, ''), coalesce(name, ''), matches" \
	" FROM " table " WHERE platform = ?1 AND " scope " = ?2"       \
	" AND query = ?3"

int store_geo_put(struct store *s, const struct store_geo *g)
{
	return lookup_put(s, LOOKUP_PUT("geo", "country"), g->platform,
			  g->country, g->query, g->remote_key, g->name,
			  g->matches, "cannot save the city lookup");
}

int store_geo_get(struct store *s, const char *platform, const char *country,
		  const char *query, struct strbuf *remote_key,
		  struct strbuf *name, int *matches)
{
	return lookup_get(s, LOOKUP_GET("geo", "country"), platform, country,
			  query, remote_key, name, matches,
			  "cannot read the city lookup");
}

int store_facet_put(struct store *s, const struct store_facet *f)
{
	return lookup_put(s, LOOKUP_PUT("facet", "facet"), f->platform,
			  f->facet, f->query, f->remote_key, f->name,
			  f->matches, "cannot save the title or skill lookup");
}

int store_facet_get(struct store *s, const char *platform, const char *facet,
		    const char *query, struct strbuf *remote_key, int *matches)
{
	return lookup_get(s, LOOKUP_GET("facet", "facet"), platform, facet,
			  query, remote_key, NULL, matches,
			  "cannot read the title or skill lookup");
}
