/*
 * tests/unit/test_store.c - the SQLite store: a new file gets the
 * schema, other files are refused, the id map and the day partitions
 * keep their promises, and a process killed mid-write loses nothing
 * committed and leaves nothing half-written. The test includes
 * sqlite3.h only to make the foreign files a user might name.
 */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store.h"
#include "strbuf.h"
#include "test.h"
#include "usage.h"

static char dir[] = "/tmp/jobmix-store-XXXXXX";

static const char *path_in(const char *name)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

static struct store *open_new(const char *name)
{
	struct store *s = NULL;

	CHECK(store_open(path_in(name), STORE_CREATE, &s) == 0);
	return s;
}

static void add_account(struct store *s)
{
	struct store_account a = { "meta", "act_1", "SEK", "Europe/Stockholm",
				   "Client AB" };

	CHECK(store_account_put(s, &a) == 0);
}

static void creates_and_reopens(void)
{
	struct store *s = open_new("a.db");
	struct strbuf cur = STRBUF_INIT, tz = STRBUF_INIT;

	CHECK(store_schema_version(s) == STORE_SCHEMA_VERSION);
	add_account(s);
	store_close(s);
	/* a second open migrates nothing and keeps the data */
	CHECK(store_open(path_in("a.db"), STORE_EXISTING, &s) == 0);
	CHECK(store_schema_version(s) == 1);
	CHECK(store_account_get(s, "meta", "act_1", &cur, &tz) == 1);
	CHECK_STR(cur.buf, "SEK");
	CHECK_STR(tz.buf, "Europe/Stockholm");
	CHECK(store_account_get(s, "meta", "act_2", &cur, &tz) == 0);
	store_close(s);
	strbuf_release(&cur);
	strbuf_release(&tz);
	CHECK(store_open(path_in("none.db"), STORE_EXISTING, &s) == JM_NOINPUT);
	CHECK(s == NULL);
	CHECK(store_open("/nonexistent-dir/x.db", STORE_CREATE, &s) ==
	      JM_CANTCREAT);
}

static void make_foreign(const char *name, const char *sql)
{
	sqlite3 *db;

	CHECK(sqlite3_open(path_in(name), &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
}

static void refuses_other_files(void)
{
	struct store *s = NULL;
	FILE *f = fopen(path_in("text.db"), "w");

	fputs("campaign,spend\nx,1\n", f);
	fclose(f);
	CHECK(store_open(path_in("text.db"), STORE_EXISTING, &s) == JM_DATAERR);
	/* somebody else's SQLite file is not ours to write into */
	make_foreign("other.db", "CREATE TABLE t (x)");
	CHECK(store_open(path_in("other.db"), STORE_EXISTING, &s) ==
	      JM_DATAERR);
	/* a store from a newer jobmix is not downgraded */
	make_foreign("newer.db", "PRAGMA application_id = 1246579032;"
				 " PRAGMA user_version = 99;");
	CHECK(store_open(path_in("newer.db"), STORE_EXISTING, &s) ==
	      JM_DATAERR);
	CHECK(s == NULL);
}

static void object_map_is_idempotent(void)
{
	struct store *s = open_new("objects.db");
	struct store_object o = { "meta",     "act_1",  "campaign",
				  "plan:abc", "120001", "PAUSED" };
	struct strbuf id = STRBUF_INIT;

	add_account(s);
	CHECK(store_object_put(s, &o) == 0);
	CHECK(store_object_put(s, &o) == 0);
	CHECK(store_object_find(s, "meta", "act_1", "campaign", "plan:abc",
				&id) == 1);
	CHECK_STR(id.buf, "120001");
	/* the same key again updates; status NULL keeps the old one */
	o.remote_id = "120002";
	o.status = NULL;
	CHECK(store_object_put(s, &o) == 0);
	CHECK(store_object_find(s, "meta", "act_1", "campaign", "plan:abc",
				&id) == 1);
	CHECK_STR(id.buf, "120002");
	CHECK(store_object_find(s, "meta", "act_1", "ad", "plan:abc", &id) ==
	      0);
	/* one remote object cannot stand for two of ours */
	o.local_key = "plan:def";
	CHECK(store_object_put(s, &o) == -1);
	/* nor belong to an account the store does not know */
	o.account_id = "act_9";
	o.remote_id = "7";
	CHECK(store_object_put(s, &o) == -1);
	o.kind = "folder";
	CHECK(store_object_put(s, &o) == -1);
	strbuf_release(&id);
	store_close(s);
}

static const struct store_metric day1[] = {
	{ "ad-1", "c-1", 12345, 1000, 30, 800, 25, 2, -1 },
	{ "ad-2", "c-1", 1, 10, 0, -1, -1, -1, -1 },
	{ "'; DROP TABLE metric_day; --", NULL, 50, 5, 1, -1, -1, -1, -1 },
};

static const struct store_metric bad[] = {
	{ "ad-7", NULL, 100, 10, 1, -1, -1, -1, -1 },
	{ "ad-8", NULL, -5, 10, 1, -1, -1, -1, -1 },
};

static void totals_are(struct store *s, int64_t rows, int64_t spend,
		       int64_t imps, int64_t clicks)
{
	struct store_totals t = { -1, -1, -1, -1 };

	CHECK(store_totals(s, "meta", "act_1", "2027-01-01", "2027-01-31",
			   &t) == 0);
	CHECK_I64(t.rows, rows);
	CHECK_I64(t.spend, spend);
	CHECK_I64(t.impressions, imps);
	CHECK_I64(t.clicks, clicks);
}

static void days_are_replaced_whole(void)
{
	struct store *s = open_new("days.db");
	struct strbuf day = STRBUF_INIT;

	add_account(s);
	CHECK(store_begin(s) == 0);
	CHECK(store_day_replace(s, "meta", "act_1", "2027-01-05", "SEK", day1,
				3) == 0);
	CHECK(store_state_set(s, "meta", "act_1", "insights", "2027-01-05") ==
	      0);
	CHECK(store_commit(s) == 0);
	/* the hostile ad id is data: stored as given, the table stands */
	totals_are(s, 3, 12396, 1015, 31);
	/* the platform restates the day; ad-2 no longer delivers on it */
	CHECK(store_begin(s) == 0);
	CHECK(store_day_replace(s, "meta", "act_1", "2027-01-05", "SEK", day1,
				1) == 0);
	CHECK(store_commit(s) == 0);
	totals_are(s, 1, 12345, 1000, 30);
	/* rolled back: neither the day nor the state moves */
	CHECK(store_begin(s) == 0);
	CHECK(store_day_replace(s, "meta", "act_1", "2027-01-06", "SEK", day1,
				2) == 0);
	CHECK(store_state_set(s, "meta", "act_1", "insights", "2027-01-06") ==
	      0);
	store_rollback(s);
	totals_are(s, 1, 12345, 1000, 30);
	CHECK(store_state_get(s, "meta", "act_1", "insights", &day) == 1);
	CHECK_STR(day.buf, "2027-01-05");
	CHECK(store_state_get(s, "meta", "act_1", "ads", &day) == 0);
	/* a bad row in the new day keeps the old day whole */
	CHECK(store_day_replace(s, "meta", "act_1", "2027-01-05", "SEK", bad,
				2) == -1);
	totals_are(s, 1, 12345, 1000, 30);
	/* an account the store does not know: the foreign key says no */
	CHECK(store_day_replace(s, "meta", "act_404", "2027-01-05", "SEK", day1,
				1) == -1);
	strbuf_release(&day);
	store_close(s);
}

/* a child writes a day and dies by SIGKILL, before or after COMMIT */
static void killed_writer(int commit)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		struct store *s = NULL;

		if (store_open(path_in("kill.db"), STORE_EXISTING, &s) ||
		    store_begin(s) ||
		    store_day_replace(s, "meta", "act_1", "2027-01-07", "SEK",
				      day1, 2))
			_exit(3);
		if (commit && store_commit(s))
			_exit(4);
		kill(getpid(), SIGKILL);
		_exit(5);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

static void kill_9_loses_nothing(void)
{
	struct store *s = open_new("kill.db");

	add_account(s);
	store_close(s);
	killed_writer(0);
	CHECK(store_open(path_in("kill.db"), STORE_EXISTING, &s) == 0);
	totals_are(s, 0, 0, 0, 0);
	store_close(s);
	killed_writer(1);
	CHECK(store_open(path_in("kill.db"), STORE_EXISTING, &s) == 0);
	totals_are(s, 2, 12346, 1010, 30);
	store_close(s);
}

/* a plan recorded twice is one campaign, one plan, the same cells */
static void plans_are_recorded_once(void)
{
	struct store *s = open_new("plans.db");
	struct store_plan_cell cells[] = {
		{ "installers", "meta_feed", "meta", 515950, 12284 },
		{ "installers", "referral", "offline", 546000, -1 },
	};
	struct store_plan p = { "Grid electricians",
				NULL,
				"SEK",
				"2027-01-11",
				"2027-02-21",
				"ab12",
				"applications",
				1500000,
				"{}",
				cells,
				2 };
	int64_t a[2] = { 0, 0 }, b[2] = { 0, 0 };
	struct store_object o = { "meta", "act_1", "ad_set", "k1", "9", NULL };

	add_account(s);
	CHECK(store_plan_record(s, &p, a) == 0);
	CHECK(a[0] > 0 && a[1] > 0 && a[0] != a[1]);
	CHECK(store_plan_record(s, &p, b) == 0);
	CHECK(a[0] == b[0] && a[1] == b[1]);
	CHECK(store_object_put(s, &o) == 0);
	CHECK(store_object_link_cell(s, "ad_set", "k1", a[0]) == 0);
	/* a cell that does not exist: the foreign key says no */
	CHECK(store_object_link_cell(s, "ad_set", "k1", a[1] + 100) == -1);
	/* a negative spend is refused */
	cells[0].spend = -1;
	p.sha256 = "cd34";
	CHECK(store_plan_record(s, &p, b) == -1);
	store_close(s);
}

static void lock_excludes_a_second_run(void)
{
	int a = -1, b = -1;

	CHECK(store_lock(path_in("lock.db"), &a) == 0);
	CHECK(store_lock(path_in("lock.db"), &b) == 1);
	store_unlock(a);
	CHECK(store_lock(path_in("lock.db"), &b) == 0);
	store_unlock(b);
	CHECK(store_lock("/nonexistent-dir/x.db", &a) == -1);
}

/* push's city cache: one answer per platform, country and name */
static void geo_cache(void)
{
	struct store *s = open_new("geo.db");
	struct store_geo umea = { "meta", "SE", "umeå", "1900101", "Umeå", 1 };
	struct store_geo none = {
		"linkedin", "SE", "nowhereby", NULL, NULL, 0
	};
	struct store_geo other = { "myspace", "SE", "x", NULL, NULL, 0 };
	struct strbuf key = STRBUF_INIT, name = STRBUF_INIT;
	int matches = -1;

	CHECK(store_geo_get(s, "meta", "SE", "umeå", &key, &name, &matches) ==
	      0);
	CHECK(store_begin(s) == 0);
	CHECK(store_geo_put(s, &umea) == 0);
	CHECK(store_geo_put(s, &none) == 0);
	CHECK(store_commit(s) == 0);
	CHECK(store_geo_get(s, "meta", "SE", "umeå", &key, &name, &matches) ==
	      1);
	CHECK_STR(key.buf, "1900101");
	CHECK_STR(name.buf, "Umeå");
	CHECK_I64(matches, 1);
	/* a city not found is remembered too, without a key */
	CHECK(store_geo_get(s, "linkedin", "SE", "nowhereby", &key, &name,
			    &matches) == 1);
	CHECK_STR(key.buf, "");
	CHECK_I64(matches, 0);
	/* another platform, another country: not the same answer */
	CHECK(store_geo_get(s, "linkedin", "SE", "umeå", &key, &name,
			    &matches) == 0);
	CHECK(store_geo_get(s, "meta", "NO", "umeå", &key, &name, &matches) ==
	      0);
	/* a second answer replaces the first */
	umea.remote_key = NULL;
	umea.name = NULL;
	umea.matches = 2;
	CHECK(store_begin(s) == 0);
	CHECK(store_geo_put(s, &umea) == 0);
	CHECK(store_geo_put(s, &other) < 0); /* not a platform */
	store_rollback(s);
	CHECK(store_geo_get(s, "meta", "SE", "umeå", &key, &name, &matches) ==
	      1);
	CHECK_STR(key.buf, "1900101"); /* rolled back */
	strbuf_release(&key);
	strbuf_release(&name);
	store_close(s);
}

/* push's title and skill cache: one answer per platform, facet, name */
static void facet_cache(void)
{
	struct store *s = open_new("facet.db");
	struct store_facet nurse = { "linkedin",         "titles",
				     "registered nurse", "urn:li:title:105",
				     "Registered Nurse", 1 };
	struct store_facet go = { "linkedin", "skills", "go", NULL, NULL, 0 };
	struct store_facet interests = { "linkedin", "interests", "x",
					 NULL,       NULL,        0 };
	struct strbuf key = STRBUF_INIT;
	int matches = -1;

	CHECK(store_facet_get(s, "linkedin", "titles", "registered nurse", &key,
			      &matches) == 0);
	CHECK(store_begin(s) == 0);
	CHECK(store_facet_put(s, &nurse) == 0);
	CHECK(store_facet_put(s, &go) == 0);
	CHECK(store_commit(s) == 0);
	CHECK(store_facet_get(s, "linkedin", "titles", "registered nurse", &key,
			      &matches) == 1);
	CHECK_STR(key.buf, "urn:li:title:105");
	CHECK_I64(matches, 1);
	/* a skill not found is remembered too, without a key */
	CHECK(store_facet_get(s, "linkedin", "skills", "go", &key, &matches) ==
	      1);
	CHECK_STR(key.buf, "");
	CHECK_I64(matches, 0);
	/* the same text in the other facet is another question */
	CHECK(store_facet_get(s, "linkedin", "skills", "registered nurse", &key,
			      &matches) == 0);
	CHECK(store_begin(s) == 0);
	CHECK(store_facet_put(s, &interests) < 0); /* not titles or skills */
	store_rollback(s);
	strbuf_release(&key);
	store_close(s);
}

int main(void)
{
	char cmd[300];

	if (!mkdtemp(dir))
		return 1;
	creates_and_reopens();
	refuses_other_files();
	object_map_is_idempotent();
	days_are_replaced_whole();
	kill_9_loses_nothing();
	plans_are_recorded_once();
	lock_excludes_a_second_run();
	geo_cache();
	facet_cache();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return test_done();
}
