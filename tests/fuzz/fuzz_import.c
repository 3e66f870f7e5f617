/*
 * tests/fuzz/fuzz_import.c - any bytes as an ATS export and as a Meta
 * export, each imported into a new in-memory store. Whatever it reads
 * must be what the store holds: the events it says it added, and the
 * spend, impressions and clicks it says it read, to the minor unit.
 * A file it refuses must leave nothing behind.
 */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "store.h"

static struct strbuf cap;

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_import: %s\n", what);
	abort();
}

static void check_ats(struct store *s, const char *path)
{
	struct import_options o = { 0 };
	struct import_result r;
	struct diag d;
	int64_t apps = -1, hires = -1;
	int rc;

	import_result_init(&r);
	fuzz_diag(&d, path, &cap);
	rc = import_ats(s, path, &o, &r, &d);
	if (store_ats_count(s, "application", &apps) ||
	    store_ats_count(s, "hire", &hires))
		fail("cannot count the events");
	if (rc == 0 && (size_t)(apps + hires) != r.added)
		fail("the events added are not the events stored");
	if (rc != 0 && apps + hires != 0)
		fail("a refused file left events");
	import_result_release(&r);
}

static void check_metrics(struct store *s, const char *path)
{
	struct import_options o = { .platform = PLATFORM_META,
				    .account_id = "1",
				    .timezone = "UTC" };
	struct import_result r;
	struct store_totals t = { 0 };
	struct diag d;
	int rc;

	import_result_init(&r);
	fuzz_diag(&d, path, &cap);
	rc = import_metrics(s, path, &o, &r, &d);
	if (store_totals(s, "meta", "1", "0000-00-00", "9999-99-99", &t))
		fail("cannot sum the metrics");
	if (rc == 0 && (t.spend != r.spend || t.impressions != r.impressions ||
			t.clicks != r.clicks))
		fail("the figures read are not the figures stored");
	if (rc != 0 && t.rows != 0)
		fail("a refused file left rows");
	import_result_release(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	struct store *s = NULL;
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/jobmix-fuzz-import-%ld.csv",
		 (long)getpid());
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		fail("cannot write the input file");
	if (store_open(":memory:", STORE_CREATE, &s) != 0)
		fail("cannot open a store in memory");
	check_ats(s, path);
	check_metrics(s, path);
	store_close(s);
	unlink(path);
	return 0;
}
