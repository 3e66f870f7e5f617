/*
 * tests/unit/test_calibration.c - the default catalogue against the
 * published funnel benchmarks (docs/calibration.md). Each row of
 * audiences/channels.csv is bought alone for a typical persona: 10 000
 * people, all reachable (share 1, affinity 1), in a USD campaign of 28
 * days, with the default off-target factor of 1. A paid channel is
 * bought to an average frequency of 3 on the persona, a flat channel
 * once, a referral programme to every hire its network holds. From the
 * exact response (response.h) come its overall click-to-apply,
 * (qualified + off-target applications) / paid clicks, and its cost per
 * application, spend / (qualified + off-target applications); each must
 * lie in the range docs/calibration.md states for the row. The test
 * prints the table as TAP comments:
 *
 *     make tests/unit/test_calibration.t && tests/unit/test_calibration.t
 */
#include "response.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "catalogue.h"
#include "diag.h"
#include "fileio.h"
#include "money.h"
#include "strbuf.h"
#include "test.h"
#include "wrapper.h"

#define PERSONA   10000
#define FREQUENCY 3.0

/* the published range a row is held to; NAN: none applies */
struct bench {
	const char *id;
	double cta_lo, cta_hi; /* click-to-apply, fractions */
	double cpa_lo, cpa_hi; /* cost per application, USD */
	const char *why;
};

/*
 * Click-to-apply: Appcast 12 M applies / 255 M clicks (2022 data) =
 * 4.71 % to the reddotmedia Facebook recruitment campaign's 9.67 % per
 * unique click (Appcast 5.19 % and 5.6 %, CareerPlug 6 %, Appcast tech
 * 7.14 % lie between). Cost per application: reddotmedia 7.86 USD to
 * Appcast 25.14 USD (Dec 2022); pre-COVID 11-12 USD and WordStream's
 * Facebook 18.68 USD lie between. LinkedIn: no published recruitment
 * cost per application, so its own published CPC range, 5.50 to 9.25
 * USD, over the click-to-apply range: 56.88 to 196.39 USD.
 */
static const struct bench benches[] = {
	{ "meta_feed", 0.0471, 0.0967, 7.86, 25.14, "job ads" },
	{ "meta_stories", 0.0471, 0.0967, 7.86, 25.14, "job ads" },
	{ "linkedin_sponsored", 0.0471, 0.0967, 56.88, 196.39, "LinkedIn" },
	{ "linkedin_jobs", 0.0471, 0.0967, 56.88, 196.39, "LinkedIn" },
	{ "tiktok_infeed", 0.0471, 0.0967, 7.86, 25.14, "job ads" },
	{ "job_board", 0.0471, 0.0967, 7.86, 25.14, "job ads" },
	{ "newspaper", 0.0471, 0.0967, 7.86, 25.14, "job ads" },
	/* an opted-in pool: the click-to-apply range; sends cost less
	 * than any media, so under the media low (content not included) */
	{ "talent_pool", 0.0471, 0.0967, 0, 7.86, "pool" },
	/* referred people: no clicks are bought; CareerPlug gives only
	 * the source's share of hires, no cost per application */
	{ "referral", NAN, NAN, NAN, NAN, "none" },
};

static const struct bench *bench_of(const char *id)
{
	for (size_t i = 0; i < sizeof(benches) / sizeof(benches[0]); i++)
		if (strcmp(benches[i].id, id) == 0)
			return &benches[i];
	return NULL;
}

/* a USD campaign of one persona on channel ch of the catalogue */
static void typical(struct campaign *c, const struct catalogue *cat, size_t ch)
{
	memset(c, 0, sizeof(*c));
	c->digits = 2;
	c->days = 28;
	c->off_target_factor = 1;
	c->channels = &cat->channels[ch];
	c->n_channels = 1;
	c->personas = xcalloc(1, sizeof(*c->personas));
	c->n_personas = 1;
	c->personas[0].size = PERSONA;
	c->personas[0].channels = xcalloc(1, sizeof(struct persona_channel));
	c->personas[0].n_channels = 1;
	c->personas[0].channels[0].share = 1;
	c->personas[0].channels[0].affinity = 1;
}

/* the spend of a typical buy, USD */
static double typical_spend(const struct response *r)
{
	switch (r->kind) {
	case RESPONSE_CURVE:
		return FREQUENCY * r->reachable * r->cpm /
		       (1000 * r->precision);
	case RESPONSE_FLAT:
		return r->fee;
	case RESPONSE_LINEAR:
		return r->x_cap;
	}
	return 0;
}

/* " 4.71-9.67 % |", or " none |" */
static void print_range(struct strbuf *sb, double lo, double hi, double scale,
			const char *unit)
{
	if (isnan(lo))
		strbuf_addstr(sb, " none |");
	else
		strbuf_addf(sb, " %.2f-%.2f%s |", lo * scale, hi * scale, unit);
}

static void check_row(const struct channel *ch, const struct response *r)
{
	const struct bench *b = bench_of(ch->id);
	struct response_point pt;
	struct strbuf row = STRBUF_INIT;
	double x = typical_spend(r), apps, cta, cpa;

	response_eval(r, x, &pt);
	apps = pt.applications + pt.off_target;
	cta = pt.paid_clicks > 0 ? apps / pt.paid_clicks : NAN;
	cpa = apps > 0 ? x / apps : NAN;
	if (!CHECK(b != NULL))
		return;
	strbuf_addf(&row, "| `%s` | %.2f | %.1f | %.1f | %.1f | %.1f |", ch->id,
		    x, pt.paid_clicks, apps, pt.applications, pt.off_target);
	if (isnan(cta))
		strbuf_addstr(&row, " - |");
	else
		strbuf_addf(&row, " %.2f %% |", 100 * cta);
	print_range(&row, b->cta_lo, b->cta_hi, 100, " %");
	strbuf_addf(&row, " %.2f |", cpa);
	print_range(&row, b->cpa_lo, b->cpa_hi, 1, "");
	printf("# %s\n", row.buf);
	if (!isnan(b->cta_lo))
		CHECK(cta >= b->cta_lo && cta <= b->cta_hi);
	if (!isnan(b->cpa_lo))
		CHECK(cpa >= b->cpa_lo && cpa <= b->cpa_hi);
	strbuf_release(&row);
}

static void default_catalogue_lands_in_the_benchmarks(void)
{
	struct catalogue cat;
	struct diag d;
	struct strbuf text = STRBUF_INIT;

	diag_init(&d, "audiences/channels.csv");
	if (!CHECK(read_file("audiences/channels.csv", &text) == 0))
		return;
	if (!CHECK(catalogue_parse(text.buf, text.len, &cat, &d) == 0)) {
		strbuf_release(&text);
		return;
	}
	printf("# | channel | spend (USD) | paid clicks | applications "
	       "| qualified | off-target | click-to-apply | benchmark "
	       "| cost per application (USD) | benchmark |\n"
	       "# |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
	for (size_t i = 0; i < cat.n; i++) {
		struct campaign c;
		struct response r;

		/* every row of the default catalogue is priced in USD */
		CHECK(strcmp(cat.channels[i].currency, "USD") == 0);
		typical(&c, &cat, i);
		response_init(&r, &c, 0, 0);
		check_row(&cat.channels[i], &r);
		free(c.personas[0].channels);
		free(c.personas);
	}
	catalogue_release(&cat);
	strbuf_release(&text);
}

int main(void)
{
	default_catalogue_lands_in_the_benchmarks();
	return test_done();
}
