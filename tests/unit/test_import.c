/*
 * tests/unit/test_import.c - ATS and ad-manager exports into a store:
 * headers found whatever their case, order or alias (and through the
 * config's mapping), personal data never stored, the same file twice
 * adding nothing, a bad row writing nothing, file:line errors, exact
 * money, and the bundled example files to the minor unit. The test
 * reads the store with sqlite3 itself, to see every byte it holds.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "import.h"
#include "store.h"
#include "strbuf.h"
#include "test.h"
#include "usage.h"

static char dir[] = "/tmp/jobmix-import-XXXXXX";
static struct strbuf errors = STRBUF_INIT;

static const char *path_in(const char *name)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

static const char *write_csv(const char *name, const char *text)
{
	const char *p = path_in(name);
	FILE *f = fopen(p, "w");

	fputs(text, f);
	fclose(f);
	return p;
}

static struct store *open_store(const char *name)
{
	struct store *s = NULL;

	CHECK(store_open(path_in(name), STORE_CREATE, &s) == 0);
	return s;
}

static int run(struct store *s, bool ats, const char *file,
	       const struct import_options *o, struct import_result *r)
{
	struct diag d;
	int rc;

	import_result_release(r);
	import_result_init(r);
	strbuf_reset(&errors);
	diag_init(&d, file);
	d.capture = &errors;
	rc = ats ? import_ats(s, file, o, r, &d)
		 : import_metrics(s, file, o, r, &d);
	diag_finish(&d);
	return rc;
}

/* the result of one SQL query on the store, rows as "a|b" lines */
static const char *query(const char *db, const char *sql)
{
	static struct strbuf out = STRBUF_INIT;
	sqlite3 *h;
	sqlite3_stmt *st;

	strbuf_reset(&out);
	if (sqlite3_open(path_in(db), &h) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) {
		strbuf_addstr(&out, "(query failed)");
		sqlite3_close(h);
		return out.buf;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *v = sqlite3_column_text(st, i);

			strbuf_addf(&out, "%s%s", i ? "|" : "",
				    v ? (const char *)v : "");
		}
		strbuf_addch(&out, '\n');
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return strbuf_str(&out);
}

static const char greenhouse[] =
	"Candidate Name,Email,Application ID,Job Requisition ID,Applied On,"
	"Source,Current Stage,Hired Date,UTM_SOURCE,utm_medium,utm_campaign,"
	"UTM Content,utm_term,UTM ID\n"
	"Ada Testsson,ada@example.invalid,9001,NE-1,2027-01-12 09:30,"
	"Facebook,Hired,2027-02-01,facebook,paid_social,grid-2027,"
	"installers.meta_feed,,1202\n"
	"Bo Provsson,bo@example.invalid,9002,NE-2,2027-01-13,LinkedIn,"
	"Application Review,,linkedin,paid_social,grid-2027,"
	"changers.linkedin_sponsored,x,\n";

static void maps_headers_case_order_and_aliases(void)
{
	struct store *s = open_store("gh.db");
	struct import_options o = { 0 };
	struct import_result r;

	import_result_init(&r);
	CHECK_I64(run(s, true, write_csv("gh.csv", greenhouse), &o, &r), 0);
	CHECK_I64((int64_t)r.applications, 2);
	CHECK_I64((int64_t)r.hires, 1);
	CHECK_I64((int64_t)r.added, 3);
	CHECK_STR(query("gh.db",
			"SELECT kind, at, job_reference, source, status,"
			" utm_source, platform, persona, channel, event_key"
			" FROM ats_event ORDER BY event_key"),
		  "application|2027-01-12T09:30:00|NE-1|Facebook|Hired|"
		  "facebook|meta|installers|meta_feed|application:9001\n"
		  "application|2027-01-13|NE-2|LinkedIn|Application Review|"
		  "linkedin|linkedin|changers|linkedin_sponsored|"
		  "application:9002\n"
		  "hire|2027-02-01|NE-1|Facebook|Hired|facebook|meta|"
		  "installers|meta_feed|hire:9001\n");
	CHECK_STR(query("gh.db", "SELECT utm_term FROM ats_event"
				 " WHERE utm_term IS NOT NULL"),
		  "x\n");
	CHECK_STR(query("gh.db", "SELECT DISTINCT utm_id FROM ats_event"
				 " WHERE utm_id IS NOT NULL"),
		  "1202\n");
	store_close(s);
	import_result_release(&r);
}

static void takes_empty_headers_and_mappings(void)
{
	struct store *s = open_store("empty.db");
	char *mapping[IMPORT_N_COLUMNS] = { 0 };
	struct import_options o = { .mapping = mapping };
	struct import_result r;

	mapping[IC_SOURCE] = (char *)"(( ))";
	import_result_init(&r);
	CHECK_I64(run(s, true,
		      write_csv("empty.csv", "Applied At,,Source,\n"
					     "2027-01-12,x,Facebook,y\n"),
		      &o, &r),
		  0);
	CHECK_STR(query("empty.db", "SELECT source FROM ats_event"),
		  "Facebook\n");
	CHECK_I64((int64_t)r.ignored.n, 0);
	store_close(s);
	import_result_release(&r);
}

static void imports_a_header_alone(void)
{
	struct store *s = open_store("hdr.db");
	struct import_options o = { .platform = PLATFORM_META,
				    .account_id = "1",
				    .currency = "SEK",
				    .timezone = "UTC" };
	struct import_result r;

	import_result_init(&r);
	CHECK_I64(run(s, true, write_csv("hdr.csv", "applied_at\n"), &o, &r),
		  0);
	CHECK_I64((int64_t)r.rows, 0);
	CHECK_I64(run(s, false,
		      write_csv("hdr2.csv", "day,ad_id,spend,impressions,"
					    "clicks\n"),
		      &o, &r),
		  0);
	CHECK_I64((int64_t)r.days, 0);
	CHECK_STR(query("hdr.db", "SELECT count(*) FROM import_file"), "2\n");
	CHECK_I64(run(s, true, write_csv("hdr3.csv", ""), &o, &r), JM_DATAERR);
	CHECK_HAS(errors.buf, "hdr3.csv: error: no header row: the file is "
			      "empty");
	store_close(s);
	import_result_release(&r);
}

static void never_stores_names_or_email(void)
{
	struct store *s = open_store("pd.db");
	struct import_options o = { 0 };
	struct import_result r;
	const char *all;

	import_result_init(&r);
	CHECK_I64(run(s, true, write_csv("pd.csv", greenhouse), &o, &r), 0);
	CHECK_I64((int64_t)r.personal.n, 2);
	CHECK_STR(r.personal.item[0], "Candidate Name");
	CHECK_STR(r.personal.item[1], "Email");
	store_close(s);
	/* every text of every row of every table */
	all = query("pd.db", "SELECT group_concat(quote(e.event_key) ||"
			     " quote(e.at) || quote(e.job_reference) ||"
			     " quote(e.source) || quote(e.status) ||"
			     " quote(e.utm_source) || quote(e.utm_medium) ||"
			     " quote(e.utm_campaign) || quote(e.utm_content) ||"
			     " quote(e.utm_term), ';') FROM ats_event e");
	CHECK(strstr(all, "9001") != NULL);
	CHECK(strstr(all, "example.invalid") == NULL);
	CHECK(strstr(all, "Ada") == NULL && strstr(all, "Provsson") == NULL);
	CHECK(strstr(query("pd.db", "SELECT sql FROM sqlite_schema"
				    " WHERE name = 'ats_event'"),
		     "mail") == NULL);
	/* the people around an application are not stored either */
	CHECK(store_open(path_in("pd.db"), STORE_EXISTING, &s) == 0);
	CHECK_I64(run(s, true,
		      write_csv("pd2.csv", "Referred By,Recruiter,Applied At,"
					   "Hiring Manager\n"
					   "Cecilia Ref,Dan Rec,2027-01-02,"
					   "Eva Boss\n"),
		      &o, &r),
		  0);
	CHECK_I64((int64_t)r.personal.n, 3);
	store_close(s);
	CHECK_STR(query("pd.db", "SELECT count(*) FROM ats_event WHERE"
				 " at = '2027-01-02' AND source IS NULL"
				 " AND job_reference IS NULL"),
		  "1\n");
	import_result_release(&r);
}

static void follows_the_config_mapping(void)
{
	struct store *s = open_store("map.db");
	char *mapping[IMPORT_N_COLUMNS] = { 0 };
	struct import_options o = { .mapping = mapping };
	struct import_result r;
	const char *f =
		write_csv("map.csv", "Ansökan,Inkom (datum),Created At,Kanal\n"
				     "A1,2027-03-01,2020-01-01,Facebook\n");

	import_result_init(&r);
	/* without the mapping, Created At is the date and Ansökan unused */
	CHECK_I64(run(s, true, f, &o, &r), 0);
	CHECK_STR(query("map.db", "SELECT at, source FROM ats_event"),
		  "2020-01-01|\n");
	mapping[IC_APPLICATION_ID] = (char *)"ansökan";
	mapping[IC_APPLIED_AT] = (char *)"INKOM (DATUM)";
	mapping[IC_SOURCE] = (char *)"Kanal";
	write_csv("map.csv", "Ansökan,Inkom (datum),Created At,Kanal\n"
			     "A1,2027-03-01,2020-01-01,Facebook\n\n");
	CHECK_I64(run(s, true, f, &o, &r), 0);
	CHECK_STR(query("map.db", "SELECT at, source, event_key FROM ats_event"
				  " WHERE source IS NOT NULL"),
		  "2027-03-01|Facebook|application:A1\n");
	store_close(s);
	import_result_release(&r);
}

static void adds_nothing_twice(void)
{
	struct store *s = open_store("idem.db");
	struct import_options o = { 0 };
	struct import_result r;
	const char *f = write_csv("idem.csv", greenhouse);
	char more[sizeof(greenhouse) + 200];

	import_result_init(&r);
	CHECK_I64(run(s, true, f, &o, &r), 0);
	CHECK_I64((int64_t)r.added, 3);
	CHECK_I64(run(s, true, f, &o, &r), 0);
	CHECK(r.already);
	CHECK_I64((int64_t)r.added, 0);
	/* an overlapping export: one new application, two known events */
	snprintf(more, sizeof(more), "%s%s", greenhouse,
		 ",,9003,NE-1,2027-01-20,Referral,New,,,,,,,\n");
	CHECK_I64(run(s, true, write_csv("idem2.csv", more), &o, &r), 0);
	CHECK(!r.already);
	CHECK_I64((int64_t)r.added, 1);
	CHECK_I64((int64_t)r.known, 3);
	CHECK_STR(query("idem.db", "SELECT count(*) FROM ats_event"), "4\n");
	CHECK_STR(query("idem.db", "SELECT count(*) FROM import_file"), "2\n");
	store_close(s);
	import_result_release(&r);
}

static void writes_nothing_when_a_row_is_bad(void)
{
	struct store *s = open_store("bad.db");
	struct import_options o = { 0 };
	struct import_result r;
	const char *f = write_csv("bad.csv",
				  "application id,applied at,status,hired at\n"
				  "1,2027-01-12,New,\n"
				  "2,31/01/2027,New,\n"
				  "3,2027-01-14,Hired,\n"
				  "4,2027-02-30,New,\n"
				  "1,2027-01-15,New,\n");

	import_result_init(&r);
	CHECK_I64(run(s, true, f, &o, &r), JM_DATAERR);
	CHECK_HAS(errors.buf, "bad.csv:3: error: column 'applied_at': "
			      "expected a date, YYYY-MM-DD or "
			      "YYYY-MM-DDTHH:MM:SS, found '31/01/2027'");
	CHECK_HAS(errors.buf, "bad.csv:4: error: column 'status': a hire "
			      "without a hired_at date, found 'Hired'");
	CHECK_HAS(errors.buf, "bad.csv:5: error: column 'applied_at'");
	CHECK_STR(query("bad.db", "SELECT count(*) FROM ats_event"), "0\n");
	CHECK_STR(query("bad.db", "SELECT count(*) FROM import_file"), "0\n");
	/* the same id twice, once the rest is right */
	write_csv("bad.csv", "application id,applied at\n1,2027-01-12\n"
			     "2,2027-01-13\n1,2027-01-15\n");
	CHECK_I64(run(s, true, f, &o, &r), JM_DATAERR);
	CHECK_HAS(errors.buf, "bad.csv:4: error: column 'application_id': "
			      "the same application as on line 2, found '1'");
	CHECK_STR(query("bad.db", "SELECT count(*) FROM ats_event"), "0\n");
	write_csv("bad.csv", "application id,source\n1,x\n");
	CHECK_I64(run(s, true, f, &o, &r), JM_DATAERR);
	CHECK_HAS(errors.buf, "bad.csv:1: error: missing column 'applied_at' "
			      "(also read as: applied on, applied date, "
			      "date applied ...; name another with [import] "
			      "applied_at in the config)");
	store_close(s);
	import_result_release(&r);
}

static void keeps_a_formula_as_text(void)
{
	struct store *s = open_store("f.db");
	struct import_options o = { 0 };
	struct import_result r;
	const char *f = write_csv("f.csv", "applied_at,source,job_reference\n"
					   "2027-01-12,\"=HYPERLINK(\"\"http://"
					   "x.invalid\"\",\"\"go\"\")\","
					   "'; DROP TABLE ats_event; --\n");

	import_result_init(&r);
	CHECK_I64(run(s, true, f, &o, &r), 0);
	CHECK_STR(query("f.db", "SELECT source, job_reference FROM ats_event"),
		  "=HYPERLINK(\"http://x.invalid\",\"go\")|'; DROP TABLE "
		  "ats_event; --\n");
	store_close(s);
	import_result_release(&r);
}

static const char tiktok_export[] =
	"By Day,Ad name,Ad ID,Campaign ID,Currency,Cost,Impressions,Reach,"
	"Clicks (destination),Clicks (all),Conversions\n"
	"2027-01-11,EL / installers / tiktok_infeed,1801,77,SEK,\"1 234,50\","
	"\"12 345\",9 000,101,150,3\n"
	"2027-01-11,EL / changers / tiktok_infeed,1802,77,SEK,\"0,05\",7,,,,\n"
	"2027-01-12,EL / installers / tiktok_infeed,1801,77,SEK,\"1.000,01\","
	"\"1,000\",800,20,31,\n"
	"Total,,,,SEK,\"2 234,56\",13352,,,,\n";

static void maps_an_export_to_daily_rows(void)
{
	struct store *s = open_store("tt.db");
	struct import_options o = { .platform = PLATFORM_TIKTOK,
				    .account_id = "7000000001",
				    .timezone = "Europe/Stockholm" };
	struct import_result r;
	struct store_totals t;

	import_result_init(&r);
	CHECK_I64(run(s, false, write_csv("tt.csv", tiktok_export), &o, &r), 0);
	CHECK_I64((int64_t)r.rows, 3);
	CHECK_I64((int64_t)r.days, 2);
	CHECK_I64(r.spend, 123450 + 5 + 100001);
	CHECK(store_totals(s, "tiktok", "7000000001", "2027-01-01",
			   "2027-01-31", &t) == 0);
	CHECK_I64(t.spend, 223456);
	CHECK_I64(t.impressions, 12345 + 7 + 1000);
	CHECK_I64(t.clicks, 150 + 0 + 31);
	CHECK_STR(query("tt.db", "SELECT day, ad_id, campaign_id, reach,"
				 " link_clicks, applications, ad_name"
				 " FROM metric_day ORDER BY day, ad_id"),
		  "2027-01-11|1801|77|9000|101||EL / installers / "
		  "tiktok_infeed\n"
		  "2027-01-11|1802|77||||EL / changers / tiktok_infeed\n"
		  "2027-01-12|1801|77|800|20||EL / installers / "
		  "tiktok_infeed\n");
	CHECK_STR(query("tt.db", "SELECT currency, timezone FROM account"),
		  "SEK|Europe/Stockholm\n");
	store_close(s);
	import_result_release(&r);
}

static const char linkedin_export[] =
	"Campaign Performance Report (in UTC)\n"
	"Report Start: 1/11/2027\n"
	"\n"
	"Start Date (in UTC),Account ID,Campaign ID,Creative ID,"
	"Total Spent,Currency,Impressions,Clicks,Leads\n"
	"2027-01-11,507404993,601,9001,100.00,EUR,1000,10,1\n"
	"2027-01-12,507404993,601,9001,50.5,EUR,500,5,0\n";

static void skips_a_report_preamble_and_restates_days(void)
{
	struct store *s = open_store("li.db");
	struct import_options o = { .platform = PLATFORM_LINKEDIN,
				    .timezone = "UTC" };
	struct import_result r;
	const char *f = write_csv("li.csv", linkedin_export);

	import_result_init(&r);
	CHECK_I64(run(s, false, f, &o, &r), 0);
	CHECK_STR(r.account_id.buf, "507404993");
	CHECK_STR(r.currency, "EUR");
	CHECK_I64(r.spend, 15050);
	CHECK_STR(query("li.db", "SELECT sum(leads) FROM metric_day"), "1\n");
	/* a later export restates ad 9001 on the 12th: replaced, not added */
	write_csv("li2.csv", "Start Date (in UTC),Account ID,Creative ID,"
			     "Total Spent,Currency,Impressions,Clicks\n"
			     "2027-01-12,507404993,9001,60.00,EUR,600,6\n");
	CHECK_I64(run(s, false, path_in("li2.csv"), &o, &r), 0);
	CHECK_STR(query("li.db", "SELECT day, spend FROM metric_day"
				 " ORDER BY day"),
		  "2027-01-11|10000\n2027-01-12|6000\n");
	/* an export of another ad alone leaves ad 9001's day as it was */
	write_csv("li4.csv", "Start Date (in UTC),Account ID,Creative ID,"
			     "Total Spent,Currency,Impressions,Clicks\n"
			     "2027-01-12,507404993,9002,1.00,EUR,10,0\n");
	CHECK_I64(run(s, false, path_in("li4.csv"), &o, &r), 0);
	CHECK_STR(query("li.db", "SELECT day, ad_id, spend FROM metric_day"
				 " ORDER BY day, ad_id"),
		  "2027-01-11|9001|10000\n2027-01-12|9001|6000\n"
		  "2027-01-12|9002|100\n");
	/* another currency than the account's is refused */
	write_csv("li3.csv", "Day,Ad ID,Amount spent (SEK),Impressions,"
			     "Clicks\n2027-01-13,1,5,1,0\n");
	o.account_id = "507404993";
	CHECK_I64(run(s, false, path_in("li3.csv"), &o, &r), JM_DATAERR);
	CHECK_HAS(errors.buf, "keeps its figures in EUR");
	store_close(s);
	import_result_release(&r);
}

static void reports_bad_metric_rows_by_line(void)
{
	struct store *s = open_store("mbad.db");
	struct import_options o = { .platform = PLATFORM_META,
				    .account_id = "1",
				    .timezone = "UTC" };
	struct import_result r;
	const char *f =
		write_csv("m.csv", "Day,Ad ID,Amount spent (SEK),Impressions,"
				   "Link clicks\n"
				   "2027-01-11,5,\"12,345\",10,1\n"
				   "2027-01-11,6,12 kr,10,1\n"
				   "2027-01-12,5,1.5,1.5,1\n"
				   "11.01.2027,5,1,1,1\n"
				   "2027-01-11,5,1,1,1\n");

	import_result_init(&r);
	CHECK_I64(run(s, false, f, &o, &r), JM_DATAERR);
	CHECK_HAS(errors.buf, "m.csv:3: error: column 'spend': not a decimal "
			      "number, found '12 kr'");
	CHECK_HAS(errors.buf, "m.csv:4: error: column 'impressions': expected "
			      "a whole number, found '1.5'");
	CHECK_HAS(errors.buf, "m.csv:5: error: column 'day': expected a day, "
			      "YYYY-MM-DD, found '11.01.2027'");
	CHECK_STR(query("mbad.db", "SELECT count(*) FROM metric_day"), "0\n");
	CHECK_STR(query("mbad.db", "SELECT count(*) FROM account"), "0\n");
	/* the rows right, but one ad twice on a day */
	write_csv("m.csv", "Day,Ad ID,Amount spent (SEK),Impressions,Clicks\n"
			   "2027-01-11,5,1,1,1\n2027-01-11,5,2,2,2\n");
	CHECK_I64(run(s, false, f, &o, &r), JM_DATAERR);
	CHECK_HAS(errors.buf, "m.csv:3: error: column 'ad_id': the same ad on "
			      "the same day as on line 2, found '5'");
	write_csv("m.csv", "Day,Ad ID,Impressions,Clicks\n2027-01-11,5,1,1\n");
	CHECK_I64(run(s, false, f, &o, &r), JM_DATAERR);
	CHECK_HAS(errors.buf, "m.csv:1: error: missing column 'spend'");
	/* a name longer than 500 bytes is refused, not cut */
	{
		char text[800];

		snprintf(text, sizeof(text),
			 "Day,Ad ID,Ad name,Spend,Impressions,Clicks\n"
			 "2027-01-11,5,%0600d,1,1,1\n",
			 0);
		write_csv("m.csv", text);
	}
	o.currency = "SEK";
	CHECK_I64(run(s, false, f, &o, &r), JM_DATAERR);
	CHECK_HAS(errors.buf, "m.csv:2: error: column 'ad_name': longer than "
			      "500 bytes, found '...'");
	o.currency = NULL;
	/* no currency anywhere, for a new account */
	write_csv("m.csv", "Day,Ad ID,Spend,Impressions,Clicks\n"
			   "2027-01-11,5,1,1,1\n");
	CHECK_I64(run(s, false, f, &o, &r), JM_USAGE);
	o.currency = "JPY";
	CHECK_I64(run(s, false, f, &o, &r), 0);
	CHECK_I64(r.spend, 1);
	store_close(s);
	import_result_release(&r);
}

static void imports_the_bundled_example_to_the_minor_unit(void)
{
	struct store *s = open_store("demo.db");
	struct import_options o = { .platform = PLATFORM_META,
				    .account_id = "1234567890",
				    .timezone = "Europe/Stockholm" };
	struct import_result r;
	struct store_totals t;
	int64_t n;

	import_result_init(&r);
	CHECK_I64(run(s, false, "audiences/metrics-meta-electricians-umea.csv",
		      &o, &r),
		  0);
	CHECK(store_totals(s, "meta", "1234567890", "2027-01-11", "2027-02-21",
			   &t) == 0);
	CHECK_I64(t.rows, 168);
	CHECK_I64(t.spend, 701186); /* 7 011.86 SEK */
	CHECK_I64(t.impressions, 74125);
	CHECK_I64(t.clicks, 1359);
	CHECK_STR(query("demo.db", "SELECT sum(link_clicks) FROM metric_day"),
		  "779\n");
	CHECK_I64(run(s, true, "audiences/ats-electricians-umea.csv", &o, &r),
		  0);
	CHECK(store_ats_count(s, "application", &n) == 0);
	CHECK_I64(n, 11);
	CHECK(store_ats_count(s, "hire", &n) == 0);
	CHECK_I64(n, 2);
	CHECK_STR(query("demo.db", "SELECT persona, channel, count(*)"
				   " FROM ats_event WHERE platform = 'meta'"
				   " AND kind = 'application'"
				   " GROUP BY 1, 2 ORDER BY 1, 2"),
		  "apprentices|meta_feed|1\nchangers|meta_feed|1\n"
		  "installers|meta_feed|2\ninstallers|meta_stories|1\n");
	/* every Meta application names an ad of the export by utm_id */
	CHECK_STR(query("demo.db",
			"SELECT count(DISTINCT e.id) FROM ats_event e"
			" JOIN metric_day m ON m.ad_id = e.utm_id"
			" AND m.platform = e.platform"
			" WHERE e.kind = 'application'"),
		  "5\n");
	store_close(s);
	import_result_release(&r);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	maps_headers_case_order_and_aliases();
	takes_empty_headers_and_mappings();
	imports_a_header_alone();
	never_stores_names_or_email();
	follows_the_config_mapping();
	adds_nothing_twice();
	writes_nothing_when_a_row_is_bad();
	keeps_a_formula_as_text();
	maps_an_export_to_daily_rows();
	skips_a_report_preamble_and_restates_days();
	reports_bad_metric_rows_by_line();
	imports_the_bundled_example_to_the_minor_unit();
	strbuf_release(&errors);
	{
		char rm[64];

		snprintf(rm, sizeof(rm), "rm -rf %s", dir);
		if (system(rm) != 0)
			return 1;
	}
	return test_done();
}
