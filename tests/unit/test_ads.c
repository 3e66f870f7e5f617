/* tests/unit/test_ads.c - landing URLs, copy within limits, ad sets */
#include "ads.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "diag.h"
#include "feed.h"
#include "planfile.h"
#include "strbuf.h"
#include "test.h"
#include "planfile_fixture.h"

static void url_is(const char *job, enum platform p, const char *persona,
		   const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	ads_landing_url(&sb, job, p, "spring-2027", persona, "ch");
	CHECK_STR(sb.buf, want);
	strbuf_release(&sb);
}

static void landing_urls(void)
{
	url_is("https://x.se/job/1", PLATFORM_META, "p",
	       "https://x.se/job/1?utm_source=meta&utm_medium=paid_social"
	       "&utm_campaign=spring-2027&utm_content=p.ch&utm_id={{ad.id}}");
	url_is("https://x.se/j?id=1#apply", PLATFORM_TIKTOK, "p",
	       "https://x.se/j?id=1&utm_source=tiktok&utm_medium=paid_social"
	       "&utm_campaign=spring-2027&utm_content=p.ch&utm_id=__CID__"
	       "#apply");
	url_is("https://x.se/j?", PLATFORM_LINKEDIN, "p",
	       "https://x.se/j?utm_source=linkedin&utm_medium=paid_social"
	       "&utm_campaign=spring-2027&utm_content=p.ch");
	url_is("https://x.se/j#top?x", PLATFORM_LINKEDIN, "a b&c",
	       "https://x.se/j?utm_source=linkedin&utm_medium=paid_social"
	       "&utm_campaign=spring-2027&utm_content=a%20b%26c.ch#top?x");
	url_is("https://x.se/j?a=1&", PLATFORM_LINKEDIN, "på",
	       "https://x.se/j?a=1&utm_source=linkedin&utm_medium=paid_social"
	       "&utm_campaign=spring-2027&utm_content=p%C3%A5.ch");
}

static void slug_is(const char *s, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	ads_slug(&sb, s);
	CHECK_STR(sb.buf, want);
	strbuf_release(&sb);
}

static void slugs(void)
{
	slug_is("Grid electricians, Umeå, winter 2027",
		"grid-electricians-umea-winter-2027");
	slug_is("  Ærø & Øst!! ", "aero-ost");
	slug_is("Sjukepleiar – Førde", "sjukepleiar-forde");
	slug_is("日本", "campaign");
}

static void shortened_is(const char *s, size_t limit, bool wide,
			 const char *want)
{
	char *got = ads_shorten(s, limit, wide);

	CHECK_STR(got, want);
	CHECK(ads_width(got, wide) <= limit);
	free(got);
}

static void shortening(void)
{
	CHECK(ads_width("Umeå", false) == 4);
	CHECK(ads_width("日本", true) == 4);
	CHECK(ads_width("日本", false) == 2);
	/* fits: unchanged */
	shortened_is("Build the north.", 16, false, "Build the north.");
	/* at the last word boundary within 19 + the ellipsis */
	shortened_is("Build the machines that build the north.", 20, false,
		     "Build the machines\u2026");
	/* characters, not bytes: "Lärling" is 7 characters, 8 bytes */
	shortened_is("Lärling elektriker på nätet", 12, false, "Lärling\u2026");
	shortened_is("Lärling elektriker på nätet", 22, false,
		     "Lärling elektriker på\u2026");
	/* one long word: cut at a character */
	shortened_is("Sjukepleiarstudent", 10, false, "Sjukeplei\u2026");
	shortened_is("Sjukepleiarstudentåå", 19, false,
		     "Sjukepleiarstudent\u2026");
	/* no punctuation before the ellipsis */
	shortened_is("Hello, world again", 8, false, "Hello\u2026");
	/* a boundary too early to be worth it: cut at a character */
	shortened_is("Go electrification", 12, false, "Go electrif\u2026");
	/* TikTok: a Chinese character counts as two */
	shortened_is("日本語の求人です", 10, true, "日本語の\u2026");
	shortened_is("日本語の求人です", 10, false, "日本語の求人です");
}

static void limits(void)
{
	const struct ad_limit *l;
	size_t n;

	l = ads_limit(PLATFORM_META, AD_TEXT);
	CHECK(l && l->recommended == 125 && l->hard == 0);
	l = ads_limit(PLATFORM_META, AD_HEADLINE);
	CHECK(l && l->recommended == 40);
	l = ads_limit(PLATFORM_META, AD_DESCRIPTION);
	CHECK(l && l->recommended == 30);
	l = ads_limit(PLATFORM_LINKEDIN, AD_TEXT);
	CHECK(l && l->recommended == 150 && l->hard == 600);
	l = ads_limit(PLATFORM_LINKEDIN, AD_HEADLINE);
	CHECK(l && l->recommended == 70 && l->hard == 200);
	l = ads_limit(PLATFORM_TIKTOK, AD_TEXT);
	CHECK(l && l->recommended == 0 && l->hard == 100 && l->wide_counts_2);
	CHECK(ads_limit(PLATFORM_TIKTOK, AD_HEADLINE) == NULL);
	CHECK(ads_limit(PLATFORM_TIKTOK, AD_DESCRIPTION) == NULL);
	l = ads_limits(&n);
	CHECK(n == 7);
	for (size_t i = 0; i < n; i++)
		CHECK(l[i].source && strlen(l[i].source) > 20);
	CHECK_STR(ads_cta(PLATFORM_META), "APPLY_NOW");
	CHECK_STR(ads_cta(PLATFORM_LINKEDIN), "APPLY");
	CHECK_STR(ads_cta(PLATFORM_TIKTOK), "APPLY_NOW");
}

/* ---- ad sets from the fixture's plan ---- */

static const char feed_xml[] =
	"<source>"
	"<job><title>Montör</title><referencenumber>R-9</referencenumber>"
	"<url>https://jobs.example.com/r9?ref=feed#apply</url>"
	"<company>Verkstad AB</company><city>Umeå</city>"
	"<category>Montage</category>"
	"<description>&lt;p&gt;We build &lt;b&gt;forest machines&lt;/b&gt;."
	"&lt;/p&gt;</description></job>"
	"<job><title>Svetsare till Skellefteå med lång erfarenhet av "
	"rostfritt</title><referencenumber>W-1</referencenumber>"
	"<url>https://jobs.example.com/w1</url><city>Skellefteå</city></job>"
	"<job><title>Kock</title><referencenumber>X-1</referencenumber>"
	"<url>https://jobs.example.com/x1</url></job>"
	"</source>";

static struct planfile pf;
static struct feed feed;

static const struct ad_set *find_set(const struct ad_plan *ap, const char *name)
{
	for (size_t k = 0; k < ap->n_sets; k++)
		if (strcmp(ap->sets[k].name, name) == 0)
			return &ap->sets[k];
	printf("#   no ad set '%s'\n", name);
	return NULL;
}

static int64_t cell_daily(const char *persona, const char *channel)
{
	long p = campaign_find_persona(&pf.c, persona);
	long ch = campaign_find_channel(&pf.c, channel);

	for (size_t i = 0; i < pf.n_cells; i++)
		if (pf.cells[i].persona == (size_t)p &&
		    pf.cells[i].channel == (size_t)ch)
			return pf.cells[i].daily;
	return -1;
}

static void per_persona_set(const struct ad_plan *ap)
{
	const struct ad_set *s = find_set(ap, "fitters / meta_feed");
	struct strbuf key = STRBUF_INIT;
	const struct ad *a;

	if (!CHECK(s != NULL))
		return;
	CHECK(s->platform == PLATFORM_META);
	CHECK(s->persona == 0);
	CHECK_I64(s->daily, cell_daily("fitters", "meta_feed"));
	CHECK_STR(s->start, "2027-03-01");
	CHECK_STR(s->end, "2027-03-20");
	/* compliance ran: Meta's minimum radius, no ages, genders, postal
	 * codes or lookalike; the lookalike is refused */
	CHECK(s->targeting.n_places == 1 &&
	      s->targeting.places[0].radius_km == 24);
	CHECK(s->targeting.genders == 0);
	CHECK(s->targeting.postal_codes.n == 0);
	CHECK(s->compliance.n_notes >= 4);
	CHECK_STR(s->compliance.category_field, "special_ad_categories");
	strbuf_addf(&key, "jobmix:%.16s:fitters:meta_feed", pf.sha256);
	CHECK_STR(s->local_key, key.buf);
	if (!CHECK(s->n_ads == 1))
		return;
	a = &s->ads[0];
	CHECK_STR(a->name, "R-9 / fitters / meta_feed");
	strbuf_addstr(&key, ":R-9");
	CHECK_STR(a->local_key, key.buf);
	CHECK_STR(a->headline, "Montör, Umeå");
	CHECK_STR(a->text, "Build the machines that build the north.\n\n"
			   "Steady work close to home.\n\n"
			   "We build forest machines.");
	CHECK_STR(a->description, "Verkstad AB, Umeå");
	CHECK_STR(a->url,
		  "https://jobs.example.com/r9?ref=feed&utm_source=meta"
		  "&utm_medium=paid_social&utm_campaign=fitters-welders-umea-"
		  "2027&utm_content=fitters.meta_feed&utm_id={{ad.id}}#apply");
	CHECK_STR(a->cta, "APPLY_NOW");
	CHECK(a->shortened.n == 0);
	strbuf_release(&key);
}

static void welders_set(const struct ad_plan *ap)
{
	const struct ad_set *s = find_set(ap, "welders / meta_feed");
	const struct ad *a;

	if (!CHECK(s != NULL) || !CHECK(s->n_ads == 1))
		return;
	a = &s->ads[0];
	/* 57 characters: over Meta's 40 (the city is in the title) */
	CHECK_STR(a->headline, "Svetsare till Skellefteå med lång\u2026");
	CHECK_STR(a->text, "Steady work close to home.");
	CHECK_STR(a->description, "Skellefteå");
	if (CHECK(a->shortened.n == 1))
		CHECK_STR(a->shortened.item[0],
			  "headline shortened from 57 to 34 characters: Meta "
			  "recommends at most 40.");
}

static void shared_set(const struct ad_plan *ap)
{
	const struct ad_set *s = find_set(ap, "shared / tt");

	if (!CHECK(s != NULL))
		return;
	CHECK(s->persona == SIZE_MAX);
	CHECK(s->platform == PLATFORM_TIKTOK);
	CHECK_I64(s->daily,
		  cell_daily("fitters", "tt") + cell_daily("welders", "tt"));
	/* both personas' places; TikTok keeps the radius */
	CHECK(s->targeting.n_places == 2);
	if (!CHECK(s->n_ads == 2))
		return;
	CHECK_STR(s->ads[0].name, "R-9 / fitters / tt");
	CHECK_STR(s->ads[1].name, "W-1 / welders / tt");
	CHECK(s->ads[0].description == NULL);
	CHECK_STR(s->ads[1].url,
		  "https://jobs.example.com/w1?utm_source=tiktok&utm_medium="
		  "paid_social&utm_campaign=fitters-welders-umea-2027&utm_"
		  "content=welders.tt&utm_id=__CID__");
	for (size_t i = 0; i < ap->n_sets; i++)
		CHECK(strcmp(ap->sets[i].name, "welders / tt") != 0);
}

static void build_twice(void)
{
	struct ad_plan a, b;
	struct diag d;
	int rc;

	diag_init(&d, "plan.json");
	rc = ads_build(&pf, &feed, &a, &d);
	if (!CHECK(rc == 0))
		return;
	CHECK(ads_build(&pf, &feed, &b, &d) == 0);
	CHECK(a.n_sets == b.n_sets);
	for (size_t k = 0; k < a.n_sets && k < b.n_sets; k++) {
		CHECK_STR(a.sets[k].local_key, b.sets[k].local_key);
		for (size_t i = 0; i < a.sets[k].n_ads; i++)
			CHECK_STR(a.sets[k].ads[i].local_key,
				  b.sets[k].ads[i].local_key);
	}
	CHECK_STR(a.campaign_name, "Fitters & welders, Umeå 2027");
	per_persona_set(&a);
	welders_set(&a);
	shared_set(&a);
	if (CHECK(a.notes.n == 1))
		CHECK_STR(a.notes.item[0],
			  "job X-1, 'Kock', matches no persona: it gets no ad");
	ad_plan_release(&a);
	ad_plan_release(&b);
}

/* a place Meta cannot name refuses the ad set; it stays, marked */
static void refused_set(void)
{
	struct location *at = &pf.c.personas[1].locations[0];
	const struct ad_set *s;
	struct ad_plan a;
	struct diag d;

	free(at->country);
	at->country = strdup("UK");
	diag_init(&d, "plan.json");
	if (!CHECK(ads_build(&pf, &feed, &a, &d) == 0))
		return;
	s = find_set(&a, "welders / meta_feed");
	if (CHECK(s != NULL)) {
		CHECK(s->refused);
		CHECK(s->compliance.n_refused == 1);
		CHECK(s->n_ads == 1);
	}
	s = find_set(&a, "fitters / meta_feed");
	CHECK(s && !s->refused);
	ad_plan_release(&a);
}

int main(void)
{
	char path[256];
	struct diag d;
	struct strbuf cap = STRBUF_INIT;

	landing_urls();
	slugs();
	shortening();
	limits();
	pff_temp(path, sizeof(path), "ads-plan.json");
	diag_init(&d, path);
	d.capture = &cap;
	if (CHECK(pff_write(path, NULL) == 0) &&
	    CHECK(planfile_load(path, &pf, &d) == 0) &&
	    CHECK(feed_parse(feed_xml, strlen(feed_xml), &feed, &d) == 0))
		build_twice();
	if (pf.c.n_personas == 2)
		refused_set();
	printf("%s", strbuf_str(&cap));
	remove(path);
	planfile_release(&pf);
	feed_release(&feed);
	strbuf_release(&cap);
	return test_done();
}
