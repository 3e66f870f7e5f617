/* tests/unit/test_catalogue.c - the channel catalogue CSV */
#include "catalogue.h"

#include <stdlib.h>

#include "campaign.h"
#include "diag.h"
#include "fileio.h"
#include "strbuf.h"
#include "wrapper.h"
#include "test.h"

static struct strbuf cap;
static struct diag d;

/* the required columns, in the documented order */
#define HEADER                                                         \
	"id,platform,pricing,price,currency,ctr,apply_rate,hire_rate," \
	"precision,source\n"
#define ROW "meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,benchmark\n"

/* parse text as "x.csv", capturing the messages */
static int parse(const char *text, struct catalogue *cat)
{
	strbuf_reset(&cap);
	diag_init(&d, "x.csv");
	d.capture = &cap;
	return catalogue_parse(text, strlen(text), cat, &d);
}

/* text must be rejected with this message among the ones printed */
#define CHECK_REJECTS(text, message)                         \
	do {                                                 \
		struct catalogue bad_;                       \
		CHECK(parse(text, &bad_) == -1);             \
		CHECK_HAS(strbuf_str(&cap), message);        \
		CHECK(bad_.channels == NULL && bad_.n == 0); \
		CHECK_I64(d.status, JM_DATAERR);             \
	} while (0)

/* one data row under HEADER must be rejected with this message */
#define CHECK_ROW_REJECTED(row, message)                                    \
	do {                                                                \
		CHECK_REJECTS(HEADER row "\n", "x.csv:2: error: " message); \
		CHECK_I64(d.n_errors, 1);                                   \
	} while (0)

static void parses_a_minimal_catalogue_with_defaults(void)
{
	struct catalogue cat;
	const struct channel *ch;

	CHECK(parse(HEADER ROW, &cat) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	CHECK_I64(d.n_errors, 0);
	CHECK_I64(cat.n, 1);
	if (cat.n != 1)
		return;
	ch = &cat.channels[0];
	CHECK_STR(ch->id, "meta_feed");
	CHECK_STR(ch->name, "meta_feed");
	CHECK(ch->platform == PLATFORM_META);
	CHECK(ch->pricing == PRICING_CPM);
	CHECK_STR(ch->currency, "USD");
	CHECK_I64(ch->price, 9290);
	CHECK_NEAR(ch->ctr, 0.009, 1e-12);
	CHECK(ch->ctr_basis == CTR_IMPRESSION);
	CHECK_NEAR(ch->ref_frequency, 1, 0);
	CHECK_NEAR(ch->apply_rate, 0.05, 1e-12);
	CHECK_NEAR(ch->hire_rate, 0.1, 1e-12);
	CHECK_NEAR(ch->precision, 0.3, 1e-12);
	CHECK_NEAR(ch->frequency_cap, 0, 0);
	CHECK_I64(ch->min_daily, 0);
	CHECK_I64(ch->min_spend, 0);
	CHECK_I64(ch->max_spend, MONEY_NONE);
	CHECK_NEAR(ch->max_share, 1, 0);
	CHECK_NEAR(ch->impressions, 0, 0);
	CHECK_STR(ch->source, "benchmark");
	CHECK(!ch->excluded);
	CHECK_I64(ch->line, 2);
	catalogue_release(&cat);
	CHECK(cat.channels == NULL && cat.n == 0);
}

static void parses_every_column(void)
{
	static const char text[] =
		"id,name,platform,pricing,price,currency,ctr,ctr_basis,"
		"ref_frequency,apply_rate,hire_rate,precision,frequency_cap,"
		"min_daily,min_spend,max_spend,max_share,impressions,source\n"
		"linkedin_jobs,\"LinkedIn, jobs\",linkedin,cpc,9.29,USD,0.02,"
		"unique,3,0.1,0.05,0.8,6,10,100.5,2000,0.4,,\"LinkedIn "
		"benchmark\"\n"
		"newspaper,Local paper,offline,flat,16500,ISK,0.001,impression,"
		",0.02,0.1,0.02,,,,,,40000,rate card\n"
		"referral,Referral "
		"bonus,offline,per_hire,1.250,KWD,1,,,1,0.3,1,"
		",,,,,,policy\n";
	struct catalogue cat;
	const struct channel *ch;

	CHECK(parse(text, &cat) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	CHECK_I64(cat.n, 3);
	if (cat.n != 3)
		return;
	ch = &cat.channels[0];
	CHECK_STR(ch->name, "LinkedIn, jobs");
	CHECK(ch->platform == PLATFORM_LINKEDIN);
	CHECK(ch->pricing == PRICING_CPC);
	CHECK_I64(ch->price, 929);
	CHECK(ch->ctr_basis == CTR_UNIQUE);
	CHECK_NEAR(ch->ref_frequency, 3, 0);
	CHECK_NEAR(ch->frequency_cap, 6, 0);
	CHECK_I64(ch->min_daily, 1000);
	CHECK_I64(ch->min_spend, 10050);
	CHECK_I64(ch->max_spend, 200000);
	CHECK_NEAR(ch->max_share, 0.4, 1e-12);
	CHECK_STR(ch->source, "LinkedIn benchmark");

	/* ISK has no minor units: the price is whole krónur */
	ch = &cat.channels[1];
	CHECK(ch->platform == PLATFORM_OFFLINE);
	CHECK(ch->pricing == PRICING_FLAT);
	CHECK_STR(ch->currency, "ISK");
	CHECK_I64(ch->price, 16500);
	CHECK(ch->ctr_basis == CTR_IMPRESSION);
	CHECK_NEAR(ch->ref_frequency, 1, 0);
	CHECK_NEAR(ch->impressions, 40000, 0);
	CHECK_I64(ch->max_spend, MONEY_NONE);
	CHECK_I64(ch->line, 3);

	/* KWD has three */
	ch = &cat.channels[2];
	CHECK(ch->pricing == PRICING_PER_HIRE);
	CHECK_I64(ch->price, 1250);
	CHECK_NEAR(ch->ctr, 1, 0);
	catalogue_release(&cat);
}

static void takes_columns_in_any_order(void)
{
	struct catalogue cat;

	CHECK(parse("source,precision,hire_rate,apply_rate,ctr,currency,price,"
		    "pricing,platform,id\n"
		    "survey,0.5,0.2,0.1,0.01,SEK,45.5,cpc,tiktok,tiktok_"
		    "infeed\n",
		    &cat) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	CHECK_I64(cat.n, 1);
	if (cat.n == 1) {
		CHECK_STR(cat.channels[0].id, "tiktok_infeed");
		CHECK(cat.channels[0].platform == PLATFORM_TIKTOK);
		CHECK(cat.channels[0].pricing == PRICING_CPC);
		CHECK_I64(cat.channels[0].price, 4550);
		CHECK_STR(cat.channels[0].currency, "SEK");
		CHECK_NEAR(cat.channels[0].precision, 0.5, 1e-12);
		CHECK_STR(cat.channels[0].source, "survey");
	}
	catalogue_release(&cat);
}

static void skips_comments_but_counts_their_lines(void)
{
	struct catalogue cat;

	CHECK(parse("# channel catalogue\n# prices in USD\n" HEADER
		    "# the big one\n" ROW,
		    &cat) == 0);
	CHECK_I64(cat.n, 1);
	if (cat.n == 1)
		CHECK_I64(cat.channels[0].line, 5);
	catalogue_release(&cat);
}

static void reads_crlf_line_ends(void)
{
	struct catalogue cat;

	CHECK(parse("id,platform,pricing,price,currency,ctr,apply_rate,"
		    "hire_rate,precision,source\r\n"
		    "meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,b\r\n",
		    &cat) == 0);
	CHECK_I64(cat.n, 1);
	if (cat.n == 1)
		CHECK_STR(cat.channels[0].source, "b");
	catalogue_release(&cat);
}

static void reports_an_unknown_column(void)
{
	CHECK_REJECTS("id,platform,pricing,price,currency,ctr,apply_rate,"
		      "hire_rate,precision,source,max_shar\n"
		      "meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,b,"
		      "0.5\n",
		      "x.csv:1: error: unknown column 'max_shar'\n");
	CHECK_I64(d.n_errors, 1);
}

static void reports_a_missing_column(void)
{
	CHECK_REJECTS("id,platform,pricing,price,currency,ctr,apply_rate,"
		      "hire_rate,precision\n"
		      "meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3\n",
		      "x.csv:1: error: missing column 'source'\n");
	CHECK_I64(d.n_errors, 1);
}

static void reports_a_duplicate_column(void)
{
	CHECK_REJECTS("id,platform,pricing,price,currency,ctr,apply_rate,"
		      "hire_rate,precision,source,ctr\n"
		      "meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,b,"
		      "0.01\n",
		      "x.csv:1: error: column 'ctr' given twice\n");
	CHECK_I64(d.n_errors, 1);
}

static void reports_every_header_problem_at_once(void)
{
	CHECK_REJECTS("id,ID,platform,pricing,price,currency,ctr,apply_rate,"
		      "hire_rate,precision,id\n",
		      "x.csv:1: error: unknown column 'ID'\n"
		      "x.csv:1: error: column 'id' given twice\n"
		      "x.csv:1: error: missing column 'source'\n");
	CHECK_I64(d.n_errors, 3);
}

static void reports_a_wrong_field_count(void)
{
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3",
			   "expected 10 fields as in the header, found 9\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,"
			   "b,",
			   "expected 10 fields as in the header, found 11\n");
}

static void reports_a_bad_id(void)
{
	CHECK_ROW_REJECTED("Meta Feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,b",
			   "column 'id': expected 1 to 64 of a-z 0-9 _ -, "
			   "found 'Meta Feed'\n");
	CHECK_ROW_REJECTED(",meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,b",
			   "column 'id': expected 1 to 64 of a-z 0-9 _ -, "
			   "found ''\n");
}

static void reports_a_duplicate_id_with_its_first_line(void)
{
	CHECK_REJECTS(HEADER ROW "# again\n" ROW,
		      "x.csv:4: error: duplicate channel id 'meta_feed' "
		      "(first on line 2)\n");
	CHECK_I64(d.n_errors, 1);
}

static void reports_rates_out_of_range(void)
{
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,USD,0,0.05,0.1,0.3,b",
			   "column 'ctr': expected a rate above 0 and at most "
			   "1, found '0'\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,USD,1.5,0.05,0.1,0.3,b",
			   "column 'ctr': expected a rate above 0 and at most "
			   "1, found '1.5'\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,USD,0.01,-0.1,0.1,0.3,b",
			   "column 'apply_rate': expected a rate from 0 to 1, "
			   "found '-0.1'\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,USD,0.01,0.05,0.1,0,b",
			   "column 'precision': expected a share above 0 and "
			   "at most 1, found '0'\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,USD,,0.05,0.1,0.3,b",
			   "column 'ctr': missing; expected a rate above 0 and "
			   "at most 1\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,USD,1%,0.05,0.1,0.3,b",
			   "column 'ctr': expected a rate above 0 and at most "
			   "1, found '1%'\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,USD,nan,0.05,0.1,0.3,b",
			   "column 'ctr': expected a rate above 0 and at most "
			   "1, found 'nan'\n");
}

static void reports_bad_optional_numbers(void)
{
	CHECK_REJECTS("id,platform,pricing,price,currency,ctr,apply_rate,"
		      "hire_rate,precision,source,ref_frequency\n"
		      "meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,b,0.5\n",
		      "x.csv:2: error: column 'ref_frequency': expected a "
		      "frequency from 1 to 1000, found '0.5'\n");
	CHECK_REJECTS("id,platform,pricing,price,currency,ctr,apply_rate,"
		      "hire_rate,precision,source,max_share\n"
		      "meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,b,1.2\n",
		      "x.csv:2: error: column 'max_share': expected a share "
		      "above 0 and at most 1, found '1.2'\n");
	CHECK_REJECTS("id,platform,pricing,price,currency,ctr,apply_rate,"
		      "hire_rate,precision,source,ctr_basis\n"
		      "meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,b,"
		      "reach\n",
		      "x.csv:2: error: column 'ctr_basis': expected "
		      "impression or unique, found 'reach'\n");
}

static void reports_a_bad_platform_pricing_or_currency(void)
{
	CHECK_ROW_REJECTED("meta_feed,facebook,cpm,92.90,USD,0.009,0.05,0.1,"
			   "0.3,b",
			   "column 'platform': expected meta, linkedin, tiktok "
			   "or offline, found 'facebook'\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpa,92.90,USD,0.009,0.05,0.1,0.3,b",
			   "column 'pricing': expected cpm, cpc, flat or "
			   "per_hire, found 'cpa'\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,usd,0.009,0.05,0.1,0.3,b",
			   "column 'currency': expected an ISO 4217 code such "
			   "as USD, found 'usd'\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,USDX,0.009,0.05,0.1,0.3,"
			   "b",
			   "column 'currency': expected an ISO 4217 code such "
			   "as USD, found 'USDX'\n");
}

static void reports_bad_prices(void)
{
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,0,USD,0.009,0.05,0.1,0.3,b",
			   "column 'price': must be more than 0\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,0.00,USD,0.009,0.05,0.1,0.3,b",
			   "column 'price': must be more than 0\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.905,USD,0.009,0.05,0.1,0.3,b",
			   "column 'price': expected an amount, found '92.905' "
			   "(more than 2 decimals)\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,900.5,ISK,0.009,0.05,0.1,0.3,b",
			   "column 'price': expected an amount, found '900.5' "
			   "(more than 0 decimals)\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,\"1,50\",USD,0.009,0.05,0.1,0.3,"
			   "b",
			   "column 'price': expected an amount, found '1,50' "
			   "(use '.' for decimals and no thousands "
			   "separators)\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,-5,USD,0.009,0.05,0.1,0.3,b",
			   "column 'price': expected an amount of at least 0, "
			   "found '-5'\n");
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,,USD,0.009,0.05,0.1,0.3,b",
			   "column 'price': missing; expected an amount\n");
}

static void reports_impressions_that_do_not_fit_the_pricing(void)
{
	CHECK_ROW_REJECTED("paper,offline,flat,16500,SEK,0.001,0.02,0.1,0.02,b",
			   "column 'impressions': a flat-fee channel needs the "
			   "impressions its fee buys\n");
	CHECK_REJECTS("id,platform,pricing,price,currency,ctr,apply_rate,"
		      "hire_rate,precision,source,impressions\n"
		      "meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,b,"
		      "1000\n",
		      "x.csv:2: error: column 'impressions': only for flat "
		      "pricing, not cpm\n");
}

static void reports_a_per_hire_channel_that_cannot_hire(void)
{
	CHECK_ROW_REJECTED("referral,offline,per_hire,10000,SEK,1,1,0,1,b",
			   "a per_hire channel needs apply_rate and hire_rate "
			   "above 0\n");
	CHECK_ROW_REJECTED("referral,offline,per_hire,10000,SEK,1,0,0.3,1,b",
			   "a per_hire channel needs apply_rate and hire_rate "
			   "above 0\n");
}

static void reports_a_floor_above_the_cap(void)
{
	CHECK_REJECTS("id,platform,pricing,price,currency,ctr,apply_rate,"
		      "hire_rate,precision,source,min_spend,max_spend\n"
		      "meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,b,"
		      "500,499.99\n",
		      "x.csv:2: error: column 'min_spend': above max_spend on "
		      "the same row\n");
	CHECK_I64(d.n_errors, 1);
}

static void reports_a_missing_source(void)
{
	CHECK_ROW_REJECTED("meta_feed,meta,cpm,92.90,USD,0.009,0.05,0.1,0.3,",
			   "column 'source': missing; every figure needs its "
			   "source\n");
}

static void reports_a_file_without_channels(void)
{
	CHECK_REJECTS("", "x.csv: error: no channels: the file has no header "
			  "row\n");
	CHECK_I64(d.n_errors, 1);
	CHECK_REJECTS("# nothing here yet\n\n",
		      "x.csv: error: no channels: the file has no header "
		      "row\n");
	CHECK_REJECTS(HEADER, "x.csv:1: error: no channels after the header\n");
	CHECK_I64(d.n_errors, 1);
	CHECK_REJECTS("# catalogue\n" HEADER "# none yet\n",
		      "x.csv:2: error: no channels after the header\n");
}

static void passes_on_csv_syntax_errors(void)
{
	CHECK_REJECTS(HEADER "meta_feed,\"meta\n",
		      "x.csv:2: error: unterminated quoted field");
	CHECK_I64(d.n_errors, 1);
}

static void reports_every_bad_row_of_a_file(void)
{
	static const char text[] = HEADER
		"meta_feed,facebook,cpm,92.90,USD,0,0.05,0.1,0.3,b\n"
		"linkedin_jobs,linkedin,cpc,9.29,USD,0.02,0.1,0.05,0.8\n" ROW
		"tiktok_infeed,tiktok,cpm,40,SEK,0.01,0.05,0.1,0.3,\n";
	struct catalogue cat;

	CHECK(parse(text, &cat) == -1);
	CHECK_STR(strbuf_str(&cap),
		  "x.csv:2: error: column 'platform': expected meta, "
		  "linkedin, tiktok or offline, found 'facebook'\n"
		  "x.csv:2: error: column 'ctr': expected a rate above 0 and "
		  "at most 1, found '0'\n"
		  "x.csv:3: error: expected 10 fields as in the header, found "
		  "9\n"
		  "x.csv:4: error: duplicate channel id 'meta_feed' (first on "
		  "line 2)\n"
		  "x.csv:5: error: column 'source': missing; every figure "
		  "needs its source\n");
	CHECK_I64(d.n_errors, 5);
	CHECK_I64(d.status, JM_DATAERR);
	CHECK(cat.channels == NULL && cat.n == 0);
	catalogue_release(&cat);
}

static void reports_a_file_it_cannot_read(void)
{
	struct catalogue cat;

	strbuf_reset(&cap);
	diag_init(&d, "missing.csv");
	d.capture = &cap;
	CHECK(catalogue_load("/nonexistent/missing.csv", &cat, &d) == -1);
	CHECK_STR(strbuf_str(&cap), "missing.csv: error: cannot read: No such "
				    "file or directory\n");
	CHECK_I64(d.status, JM_NOINPUT);
	CHECK(cat.channels == NULL && cat.n == 0);
	catalogue_release(&cat);
}

/* a missing price column is one error on the header, none per row */
static void reports_a_missing_price_column_once(void)
{
	CHECK_REJECTS("id,platform,pricing,currency,ctr,apply_rate,"
		      "hire_rate,precision,source\n"
		      "a,meta,cpm,USD,0.009,0.05,0.1,0.3,b\n"
		      "b,meta,cpm,USD,0.009,0.05,0.1,0.3,b\n"
		      "c,meta,cpm,USD,0.009,0.05,0.1,0.3,b\n",
		      "x.csv:1: error: missing column 'price'\n");
	CHECK_I64(d.n_errors, 1);
	CHECK(strstr(strbuf_str(&cap), "x.csv:2") == NULL);
}

/* n rows with ids ch0.. and the row of ch<dup> again at the end */
static void many_rows(struct strbuf *sb, int n, int dup)
{
	strbuf_addstr(sb, HEADER);
	for (int i = 0; i < n; i++)
		strbuf_addf(sb, "ch%d,meta,cpm,1,USD,0.01,0.05,0.1,0.3,b\n", i);
	if (dup >= 0)
		strbuf_addf(sb, "ch%d,meta,cpm,1,USD,0.01,0.05,0.1,0.3,b\n",
			    dup);
}

/* every id is checked against every earlier one, by hash, not by scan */
static void finds_duplicates_among_many_rows(void)
{
	struct strbuf text = STRBUF_INIT;
	struct catalogue cat;

	many_rows(&text, 20000, -1);
	CHECK(parse(text.buf, &cat) == 0);
	CHECK_I64(cat.n, 20000);
	CHECK_STR(cat.channels[19999].id, "ch19999");
	catalogue_release(&cat);
	for (int dup = 0; dup < 20000; dup += 4999) {
		strbuf_reset(&text);
		many_rows(&text, 20000, dup);
		CHECK(parse(text.buf, &cat) == -1);
		CHECK_I64(d.n_errors, 1);
	}
	CHECK_STR(strbuf_str(&cap), "x.csv:20002: error: duplicate channel id "
				    "'ch19996' (first on line 19998)\n");
	strbuf_release(&text);
}

/* a bad row's id is taken all the same: its fix must not clash later */
static void counts_the_id_of_a_bad_row(void)
{
	CHECK_REJECTS(HEADER "meta_feed,facebook,cpm,1,USD,0.01,0.05,0.1,0.3,"
			     "b\n" ROW,
		      "x.csv:3: error: duplicate channel id 'meta_feed' "
		      "(first on line 2)\n");
	CHECK_I64(d.n_errors, 2);
	/* a row that fails is not reported as a duplicate too */
	CHECK_REJECTS(HEADER ROW "meta_feed,meta,cpm,0,USD,0.01,0.05,0.1,0.3,"
				 "b\n",
		      "x.csv:3: error: column 'price': must be more than 0\n");
	CHECK_I64(d.n_errors, 1);
}

/* a file over the input limit: exit status 65 and the limit named */
static void reports_a_file_over_the_limit(void)
{
	struct catalogue cat;
	size_t limit = read_file_limit;

	read_file_limit = 1000;
	strbuf_reset(&cap);
	diag_init(&d, "zero.csv");
	d.capture = &cap;
	CHECK(catalogue_load("/dev/zero", &cat, &d) == -1);
	CHECK_HAS(strbuf_str(&cap), "zero.csv: error: cannot read: the file "
				    "is larger than the input limit");
	CHECK_HAS(strbuf_str(&cap), ", 1000 bytes\n");
	CHECK_I64(d.status, JM_DATAERR);
	CHECK(cat.channels == NULL && cat.n == 0);
	read_file_limit = limit;
}

static void accepts_only_lower_case_ids_of_64_at_most(void)
{
	char longest[66];

	CHECK(id_valid("a"));
	CHECK(id_valid("meta_feed"));
	CHECK(id_valid("linkedin-jobs"));
	CHECK(id_valid("0day"));
	CHECK(id_valid("x-"));
	CHECK(id_valid("x_"));
	memset(longest, 'a', 64);
	longest[64] = '\0';
	CHECK(id_valid(longest));
	longest[64] = 'a';
	longest[65] = '\0';
	CHECK(!id_valid(longest));
	CHECK(!id_valid(""));
	CHECK(!id_valid("-x"));
	CHECK(!id_valid("_x"));
	CHECK(!id_valid("Meta"));
	CHECK(!id_valid("meta feed"));
	CHECK(!id_valid("meta.feed"));
	CHECK(!id_valid("caf\xc3\xa9"));
	CHECK(!id_valid("=1+1"));
}

int main(void)
{
	parses_a_minimal_catalogue_with_defaults();
	parses_every_column();
	takes_columns_in_any_order();
	skips_comments_but_counts_their_lines();
	reads_crlf_line_ends();
	reports_an_unknown_column();
	reports_a_missing_column();
	reports_a_duplicate_column();
	reports_every_header_problem_at_once();
	reports_a_wrong_field_count();
	reports_a_bad_id();
	reports_a_duplicate_id_with_its_first_line();
	reports_rates_out_of_range();
	reports_bad_optional_numbers();
	reports_a_bad_platform_pricing_or_currency();
	reports_bad_prices();
	reports_impressions_that_do_not_fit_the_pricing();
	reports_a_per_hire_channel_that_cannot_hire();
	reports_a_floor_above_the_cap();
	reports_a_missing_source();
	reports_a_file_without_channels();
	passes_on_csv_syntax_errors();
	reports_every_bad_row_of_a_file();
	reports_a_file_it_cannot_read();
	accepts_only_lower_case_ids_of_64_at_most();
	strbuf_release(&cap);
	reports_a_missing_price_column_once();
	finds_duplicates_among_many_rows();
	counts_the_id_of_a_bad_row();
	reports_a_file_over_the_limit();
	return test_done();
}
