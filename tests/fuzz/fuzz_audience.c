/*
 * tests/fuzz/fuzz_audience.c - audience_parse() on any bytes, against
 * a fixed catalogue parsed once: the channel ids of the bundled
 * audiences and of tests/cli, all in USD, so that USD campaigns need
 * no fx and the others convert.
 */
#include "audience.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "catalogue.h"
#include "fuzz.h"

static const char catalogue_csv[] =
	"id,name,platform,pricing,price,currency,ctr,ctr_basis,"
	"ref_frequency,apply_rate,hire_rate,precision,frequency_cap,"
	"min_daily,min_spend,max_spend,max_share,impressions,source\n"
	"meta_feed,Meta feed,meta,cpm,9.29,USD,0.0366,unique,2.99,0.0967,"
	"0.0081,0.10,8,1,,,,,f\n"
	"meta_stories,Stories,meta,cpc,1.72,USD,0.0047,,,0.0519,0.0081,0.08,"
	"8,5,,,,,f\n"
	"linkedin_sponsored,LinkedIn,linkedin,cpm,30,USD,0.005,,,0.0519,"
	"0.0081,0.45,6,10,,,,,f\n"
	"linkedin_jobs,LinkedIn jobs,linkedin,cpc,6.00,USD,0.005,,,0.0519,"
	"0.0081,0.70,6,10,100,2000,,,f\n"
	"tiktok_infeed,TikTok,tiktok,cpm,8.00,USD,0.009,,,0.0519,0.0081,0.05,"
	"6,20,,,0.5,,f\n"
	"job_board,Job boards,offline,cpc,1.07,USD,0.02,,,0.0519,0.0056,0.50,"
	"10,,,,,,f\n"
	"newspaper,Newspaper,offline,flat,1500,USD,0.02,unique,1,0.0519,"
	"0.0081,0.01,,,,,,50000,f\n"
	"referral,Referral,offline,per_hire,1500,USD,0.02,unique,1,0.50,"
	"0.0446,0.90,,,,,,,f\n"
	"talent_pool,Talent pool,offline,cpm,5.00,USD,0.08,unique,3,0.06,"
	"0.0162,0.90,6,,,,,,f\n";

static struct catalogue cat;
static struct strbuf cap;

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag d;

	(void)argc;
	(void)argv;
	fuzz_diag(&d, "channels.csv", &cap);
	if (catalogue_parse(catalogue_csv, strlen(catalogue_csv), &cat, &d)) {
		fputs(strbuf_str(&cap), stderr);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct campaign c;
	struct diag d;

	fuzz_diag(&d, "audience.json", &cap);
	if (audience_parse((const char *)data, size, &cat, &c, &d) == 0)
		campaign_release(&c);
	return 0;
}
