/*
 * tests/fuzz/fuzz_planfile.c - planfile_parse() on any bytes; a plan it
 * accepts is made into ads with a fixed feed (ads_build()) and written
 * as the table and the JSON, which must parse again.
 */
#include "planfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ads.h"
#include "ads_format.h"
#include "feed.h"
#include "fuzz.h"
#include "json.h"

static struct strbuf cap;

static const char feed_xml[] =
	"<source><job><title>Montör</title><referencenumber>R-1"
	"</referencenumber><url>https://x.se/r1?a=1#b</url><city>Umeå</city>"
	"<category>Montage</category><description>&lt;p&gt;We build."
	"&lt;/p&gt;</description></job><job><title>Svetsare till "
	"Skellefteå</title><referencenumber>R-2</referencenumber>"
	"<url>https://x.se/r2</url></job></source>";

static void make_ads(const struct planfile *pf, const struct feed *f)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_value *back = NULL;
	struct ad_plan ap;
	struct diag d;

	fuzz_diag(&d, "plan.json", &cap);
	if (ads_build(pf, f, &ap, &d) == 0) {
		ads_write_table(&sb, pf, f, &ap);
		strbuf_reset(&sb);
		ads_write_json(&sb, pf, f, &ap);
		fuzz_diag(&d, "ads.json", &cap);
		if (json_parse(sb.buf, sb.len, &d, &back) < 0) {
			fputs(strbuf_str(&cap), stderr);
			abort();
		}
		json_free(back);
	}
	ad_plan_release(&ap);
	strbuf_release(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct feed feed;
	static int have_feed;
	struct planfile pf;
	struct diag d;

	if (!have_feed) {
		fuzz_diag(&d, "feed.xml", &cap);
		if (feed_parse(feed_xml, strlen(feed_xml), &feed, &d) < 0)
			abort();
		have_feed = 1;
	}
	fuzz_diag(&d, "plan.json", &cap);
	if (planfile_parse((const char *)data, size, "plan.json", &pf, &d) == 0)
		make_ads(&pf, &feed);
	planfile_release(&pf);
	return 0;
}
