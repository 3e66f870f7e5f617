/*
 * tests/unit/test_sync.c - the sync module's days: dates to day numbers
 * and back, and "today" in an ad account's time zone with the clock
 * pinned by JOBMIX_NOW. The syncs themselves run against the fakes in
 * tests/sync.t.
 */
#include "sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "test.h"
#include "usage.h"

static void day_text(long day, char *out)
{
	date_format(day, out);
}

static void parses_and_formats_days(void)
{
	char s[11];

	CHECK(date_day("1970-01-01") == 0);
	CHECK(date_day("1970-01-02") == 1);
	/* 2026-11-29: 56 years, 14 of them leap, then 332 days */
	CHECK(date_day("2026-11-29") == 56 * 365 + 14 + 332);
	CHECK(date_day("2024-02-29") - date_day("2024-02-28") == 1);
	CHECK(date_day("2024-03-01") - date_day("2024-02-29") == 1);
	day_text(date_day("2026-11-29") + 3, s);
	CHECK_STR(s, "2026-12-02");
	day_text(date_day("2026-12-31") + 1, s);
	CHECK_STR(s, "2027-01-01");
	day_text(date_day("2025-03-01") - 1, s);
	CHECK_STR(s, "2025-02-28");
}

static void refuses_days_that_do_not_exist(void)
{
	CHECK(date_day("2025-02-29") == -1);
	CHECK(date_day("2026-04-31") == -1);
	CHECK(date_day("2026-13-01") == -1);
	CHECK(date_day("2026-1-01") == -1);
	CHECK(date_day("2026-01-01x") == -1);
	CHECK(date_day("26-01-0101") == -1);
	CHECK(date_day("") == -1);
	CHECK(date_day(NULL) == -1);
}

static void today_is_the_account_zones(void)
{
	long d29 = date_day("2026-11-29");

	/* 2026-11-29 23:30 UTC: already the 30th in Stockholm (UTC+1) */
	setenv("JOBMIX_NOW", "1795995000", 1);
	CHECK(sync_today("UTC") == d29);
	CHECK(sync_today("Europe/Stockholm") == d29 + 1);
	/* and still the 29th in New York, 18:30 there */
	CHECK(sync_today("America/New_York") == d29);
	/* 2026-11-30 05:00 UTC: still the 29th in Los Angeles */
	setenv("JOBMIX_NOW", "1796014800", 1);
	CHECK(sync_today("America/Los_Angeles") == d29);
	CHECK(sync_today("Asia/Tokyo") == d29 + 1);
	/* a date pins today itself, in every zone */
	setenv("JOBMIX_NOW", "2026-11-30", 1);
	CHECK(sync_today("Pacific/Kiritimati") == d29 + 1);
	CHECK(sync_today("Pacific/Pago_Pago") == d29 + 1);
	/* the process's own TZ is left as it was */
	setenv("TZ", "Asia/Kolkata", 1);
	CHECK(sync_today("UTC") == d29 + 1);
	CHECK_STR(getenv("TZ"), "Asia/Kolkata");
	unsetenv("TZ");
}

static void refuses_bad_zones_and_clocks(void)
{
	verbosity = -1;
	setenv("JOBMIX_NOW", "2026-11-30", 1);
	CHECK(sync_today("Mars/Olympus_Mons") == -1);
	CHECK(sync_today("../../etc/passwd") == -1);
	CHECK(sync_today("") == -1);
	setenv("JOBMIX_NOW", "yesterday", 1);
	CHECK(sync_today("UTC") == -1);
	setenv("JOBMIX_NOW", "2026-02-30", 1);
	CHECK(sync_today("UTC") == -1);
	unsetenv("JOBMIX_NOW");
	verbosity = 0;
}

int main(void)
{
	parses_and_formats_days();
	refuses_days_that_do_not_exist();
	today_is_the_account_zones();
	refuses_bad_zones_and_clocks();
	return test_done();
}
