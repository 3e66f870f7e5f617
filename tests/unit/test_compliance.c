/*
 * tests/unit/test_compliance.c - the employment-ad rules: one case per
 * platform and rule (widen, drop, refuse), with the sentences written
 * out by hand, and validate's warnings at their JSON paths.
 */
#include "compliance.h"

#include <stdlib.h>
#include <string.h>

#include "audience.h"
#include "campaign.h"
#include "catalogue.h"
#include "diag.h"
#include "strbuf.h"
#include "wrapper.h"
#include "test.h"

static void add(struct strlist *l, const char *s)
{
	l->item = xreallocarray(l->item, l->n + 1, sizeof(*l->item));
	l->item[l->n++] = xstrdup(s);
}

static void add_place(struct targeting *t, const char *city,
		      const char *country, double km)
{
	t->places =
		xreallocarray(t->places, t->n_places + 1, sizeof(*t->places));
	t->places[t->n_places].city = city ? xstrdup(city) : NULL;
	t->places[t->n_places].country = xstrdup(country);
	t->places[t->n_places++].radius_km = km;
}

/* Umeå, SE, 30 km: a place no rule changes */
static void umea(struct targeting *t)
{
	memset(t, 0, sizeof(*t));
	add_place(t, "Umeå", "SE", 30);
}

/* the only note of out is this sentence, with this action */
#define CHECK_ONE(out, action_, sentence)                          \
	do {                                                       \
		CHECK_I64((out)->n_notes, 1);                      \
		if ((out)->n_notes == 1) {                         \
			CHECK_STR((out)->notes[0].text, sentence); \
			CHECK((out)->notes[0].action == action_);  \
		}                                                  \
	} while (0)

/* ---- Meta ---- */

static void meta_widens_narrowed_ages(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	t.age_min = 25;
	t.age_max = 44;
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == 0);
	CHECK_ONE(&out, TG_WIDENED,
		  "Meta job ads must reach every age from 18 to 65+: ages 25 "
		  "to 44 widened to 18 to 65+.");
	CHECK_I64(out.notes[0].part, TG_AGE);
	CHECK_STR(out.notes[0].section, "§1.6");
	CHECK_I64(t.age_min, 18);
	CHECK_I64(t.age_max, 65);
	compliance_release(&out);

	/* under 18 is not a widening: the words say so */
	t.age_min = 16;
	t.age_max = 24;
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == 0);
	CHECK_ONE(&out, TG_WIDENED,
		  "Meta job ads must reach every age from 18 to 65+: ages 16 "
		  "to 24 became 18 to 65+.");
	compliance_release(&out);

	/* no ages asked, or 18 to 65+: sent as 18-65, nothing to say */
	t.age_min = 0;
	t.age_max = 0;
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == 0);
	CHECK_I64(out.n_notes, 0);
	CHECK_I64(t.age_min, 18);
	CHECK_I64(t.age_max, 65);
	compliance_release(&out);
	t.age_min = 18;
	t.age_max = 65;
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == 0);
	CHECK_I64(out.n_notes, 0);
	compliance_release(&out);

	/* only a top: "up to 30" */
	t.age_min = 0;
	t.age_max = 30;
	compliance_apply(PLATFORM_META, &t, &out);
	CHECK_ONE(&out, TG_WIDENED,
		  "Meta job ads must reach every age from 18 to 65+: ages up "
		  "to 30 widened to 18 to 65+.");
	compliance_release(&out);
	targeting_release(&t);
}

static void meta_widens_one_gender_to_all(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	t.genders = TG_MALE;
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == 0);
	CHECK_ONE(&out, TG_WIDENED,
		  "Meta job ads cannot target by gender: the ad set reaches "
		  "all genders, not only men.");
	CHECK_I64(t.genders, 0);
	compliance_release(&out);

	/* both is all: cleared without a word */
	t.genders = TG_MALE | TG_FEMALE;
	compliance_apply(PLATFORM_META, &t, &out);
	CHECK_I64(out.n_notes, 0);
	CHECK_I64(t.genders, 0);
	compliance_release(&out);
	targeting_release(&t);
}

static void meta_drops_postal_codes_or_refuses(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	add_place(&t, "Vännäs", "SE", 30);
	add(&t.postal_codes, "903 30");
	add(&t.postal_codes, "903 31");
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == 0);
	CHECK_ONE(&out, TG_DROPPED,
		  "Meta job ads cannot target postal codes: dropped the "
		  "postal codes 903 30 and 903 31; the ad set still reaches "
		  "Umeå and Vännäs.");
	CHECK_I64(t.postal_codes.n, 0);
	compliance_release(&out);
	targeting_release(&t);

	/* postal codes alone: nothing to widen to */
	memset(&t, 0, sizeof(t));
	add(&t.postal_codes, "903 30");
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == -1);
	CHECK_ONE(&out, TG_REFUSED,
		  "Meta job ads cannot target postal codes, and the ad set "
		  "has no city or country to reach instead of 903 30: give "
		  "it a city.");
	CHECK_I64(out.n_refused, 1);
	CHECK_I64(t.postal_codes.n, 1);
	compliance_release(&out);
	targeting_release(&t);
}

static void meta_drops_excluded_places(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	t.excluded_places = xcalloc(2, sizeof(*t.excluded_places));
	t.excluded_places[0].city = xstrdup("Holmsund");
	t.excluded_places[0].country = xstrdup("SE");
	t.excluded_places[1].country = xstrdup("NO");
	t.n_excluded_places = 2;
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == 0);
	CHECK_ONE(&out, TG_DROPPED,
		  "Meta job ads cannot exclude locations: no longer leaving "
		  "out Holmsund and NO.");
	CHECK_I64(t.n_excluded_places, 0);
	compliance_release(&out);
	targeting_release(&t);
}

static void meta_widens_small_radii(void)
{
	struct targeting t;
	struct compliance out;

	memset(&t, 0, sizeof(t));
	add_place(&t, "Umeå", "SE", 10);
	add_place(&t, "Skellefteå", "SE", 0);
	add_place(&t, "Luleå", "SE", 12.5);
	add_place(&t, "Piteå", "SE", 24);
	add_place(&t, NULL, "FI", 0); /* a whole country has no radius */
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == 0);
	CHECK_I64(out.n_notes, 3);
	if (out.n_notes == 3) {
		CHECK_STR(out.notes[0].text,
			  "Meta job ads must reach at least 24 km around a "
			  "city: Umeå widened from 10 km to 24 km.");
		CHECK_STR(out.notes[1].text,
			  "Meta job ads must reach at least 24 km around a "
			  "city: Skellefteå widened from the city alone to 24 "
			  "km.");
		CHECK_STR(out.notes[2].text,
			  "Meta job ads must reach at least 24 km around a "
			  "city: Luleå widened from 12.5 km to 24 km.");
		CHECK_I64(out.notes[1].place, 1);
		CHECK(out.notes[2].action == TG_WIDENED);
	}
	CHECK_NEAR(t.places[0].radius_km, 24, 0);
	CHECK_NEAR(t.places[1].radius_km, 24, 0);
	CHECK_NEAR(t.places[2].radius_km, 24, 0);
	CHECK_NEAR(t.places[3].radius_km, 24, 0);
	CHECK_NEAR(t.places[4].radius_km, 0, 0);
	compliance_release(&out);
	targeting_release(&t);
}

static void meta_drops_exclusions_lookalikes_and_expansion(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	add(&t.interests, "electrical installation");
	add(&t.excluded_interests, "gaming");
	add(&t.lookalikes, "past applicants");
	add(&t.excluded_audiences, "current employees");
	add(&t.excluded_audiences, "rejected applicants");
	t.expansion = true;
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == 0);
	CHECK_I64(out.n_notes, 4);
	if (out.n_notes == 4) {
		CHECK_STR(out.notes[0].text,
			  "Meta job ads cannot exclude people by interest or "
			  "other detailed targeting: no longer leaving out "
			  "people interested in gaming.");
		CHECK_STR(out.notes[1].text,
			  "Meta job ads cannot use lookalike audiences: "
			  "dropped the lookalike of past applicants.");
		CHECK_STR(out.notes[2].text,
			  "Meta job ads cannot exclude a custom audience: no "
			  "longer leaving out the audiences current employees "
			  "and rejected applicants.");
		CHECK_STR(out.notes[3].text,
			  "Meta job ads must run with Advantage audience off: "
			  "turned it off.");
		CHECK(out.notes[3].action == TG_DROPPED);
	}
	CHECK_I64(t.excluded_interests.n, 0);
	CHECK_I64(t.lookalikes.n, 0);
	CHECK_I64(t.excluded_audiences.n, 0);
	CHECK(!t.expansion);
	/* interests to include stay: only excluding them is banned */
	CHECK_I64(t.interests.n, 1);
	compliance_release(&out);
	targeting_release(&t);
}

static void meta_refuses_a_country_outside_its_list(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	add_place(&t, "London", "UK", 30);
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == -1);
	CHECK_ONE(&out, TG_REFUSED,
		  "Meta job ads must name each country they reach from Meta's "
		  "list of countries, which has no UK: correct the country of "
		  "London.");
	CHECK_I64(out.notes[0].place, 1);
	compliance_release(&out);
	targeting_release(&t);
}

static void meta_refuses_an_ad_set_without_a_place(void)
{
	struct targeting t;
	struct compliance out;

	memset(&t, 0, sizeof(t));
	add(&t.interests, "solar");
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == -1);
	CHECK_ONE(&out, TG_REFUSED,
		  "Meta job ads must name each country they reach from Meta's "
		  "list of countries, and the ad set names no place: give it a "
		  "city.");
	CHECK_I64(out.countries.n, 0);
	compliance_release(&out);
	targeting_release(&t);
}

static void meta_names_the_category_and_countries(void)
{
	struct targeting t;
	struct compliance out;

	memset(&t, 0, sizeof(t));
	add_place(&t, "Umeå", "SE", 30);
	add_place(&t, "Bergen", "NO", 30);
	add_place(&t, "Luleå", "SE", 30);
	add_place(&t, "Åland", "AX", 30); /* in Meta's list: first, last */
	add_place(&t, "Harare", "ZW", 30);
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == 0);
	CHECK_I64(out.n_notes, 0);
	CHECK_STR(out.category_field, "special_ad_categories");
	CHECK_STR(out.category_value, "EMPLOYMENT");
	CHECK_I64(out.countries.n, 4);
	if (out.countries.n == 4) {
		CHECK_STR(out.countries.item[0], "AX");
		CHECK_STR(out.countries.item[1], "NO");
		CHECK_STR(out.countries.item[2], "SE");
		CHECK_STR(out.countries.item[3], "ZW");
	}
	compliance_release(&out);
	targeting_release(&t);
}

static void meta_leaves_tiktok_only_rules_alone(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	add(&t.device_prices, "above 500 USD");
	add(&t.interest_keywords, "solar");
	CHECK(compliance_apply(PLATFORM_META, &t, &out) == 0);
	CHECK_I64(out.n_notes, 0);
	CHECK_I64(t.device_prices.n, 1);
	CHECK_I64(t.interest_keywords.n, 1);
	compliance_release(&out);
	targeting_release(&t);
}

/* ---- TikTok ---- */

static void tiktok_widens_ages_and_genders(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	t.age_min = 25;
	t.age_max = 44;
	t.genders = TG_FEMALE;
	CHECK(compliance_apply(PLATFORM_TIKTOK, &t, &out) == 0);
	CHECK_I64(out.n_notes, 2);
	if (out.n_notes == 2) {
		CHECK_STR(out.notes[0].text,
			  "TikTok job ads must reach everyone 18 and over: "
			  "ages 25 to 44 widened to 18 and over.");
		CHECK_STR(out.notes[0].section, "§3.5");
		CHECK_STR(out.notes[1].text,
			  "TikTok job ads cannot target by gender: the ad set "
			  "reaches all genders, not only women.");
	}
	CHECK_I64(t.age_min, 18);
	CHECK_I64(t.age_max, 0);
	CHECK_I64(t.genders, 0);
	CHECK_STR(out.category_field, "special_industries");
	CHECK_STR(out.category_value, "EMPLOYMENT");
	CHECK_I64(out.countries.n, 0);
	compliance_release(&out);

	/* 18 and over already: nothing to say */
	t.age_min = 18;
	t.age_max = 0;
	compliance_apply(PLATFORM_TIKTOK, &t, &out);
	CHECK_I64(out.n_notes, 0);
	compliance_release(&out);
	targeting_release(&t);
}

static void tiktok_drops_postal_codes_or_refuses(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	add(&t.postal_codes, "903 30");
	CHECK(compliance_apply(PLATFORM_TIKTOK, &t, &out) == 0);
	CHECK_ONE(&out, TG_DROPPED,
		  "TikTok job ads cannot target postal codes: dropped the "
		  "postal code 903 30; the ad set still reaches Umeå.");
	compliance_release(&out);
	targeting_release(&t);

	memset(&t, 0, sizeof(t));
	add(&t.postal_codes, "90330");
	add(&t.postal_codes, "90331");
	add(&t.postal_codes, "90332");
	add(&t.postal_codes, "90333");
	add(&t.postal_codes, "90334");
	CHECK(compliance_apply(PLATFORM_TIKTOK, &t, &out) == -1);
	CHECK_ONE(&out, TG_REFUSED,
		  "TikTok job ads cannot target postal codes, and the ad set "
		  "has no city or country to reach instead of 90330, 90331, "
		  "90332 and 2 more: give it a city.");
	compliance_release(&out);
	targeting_release(&t);
}

static void tiktok_drops_device_price_lookalikes_keywords(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	add(&t.device_prices, "above 500 USD");
	add(&t.lookalikes, "past applicants");
	add(&t.interest_keywords, "solar");
	add(&t.interest_keywords, "wiring");
	add(&t.interests, "home improvement");
	t.expansion = true;
	CHECK(compliance_apply(PLATFORM_TIKTOK, &t, &out) == 0);
	CHECK_I64(out.n_notes, 4);
	if (out.n_notes == 4) {
		CHECK_STR(out.notes[0].text,
			  "TikTok job ads cannot target by device price: "
			  "dropped the device price above 500 USD; every "
			  "device is reached.");
		CHECK_STR(out.notes[1].text,
			  "TikTok job ads cannot use lookalike audiences: "
			  "dropped the lookalike of past applicants.");
		CHECK_STR(out.notes[2].text,
			  "TikTok job ads cannot target interest keywords: "
			  "dropped the interest keywords solar and wiring.");
		CHECK_STR(out.notes[3].text,
			  "TikTok job ads cannot use targeting expansion: "
			  "turned it off.");
	}
	CHECK_I64(t.device_prices.n, 0);
	CHECK_I64(t.lookalikes.n, 0);
	CHECK_I64(t.interest_keywords.n, 0);
	CHECK_I64(t.interests.n, 1);
	CHECK(!t.expansion);
	compliance_release(&out);
	targeting_release(&t);
}

static void tiktok_leaves_meta_only_rules_alone(void)
{
	struct targeting t;
	struct compliance out;

	memset(&t, 0, sizeof(t));
	add_place(&t, "Umeå", "SE", 10);
	add_place(&t, "London", "UK", 10);
	add(&t.excluded_interests, "gaming");
	add(&t.excluded_audiences, "current employees");
	CHECK(compliance_apply(PLATFORM_TIKTOK, &t, &out) == 0);
	CHECK_I64(out.n_notes, 0);
	CHECK_NEAR(t.places[0].radius_km, 10, 0);
	CHECK_I64(t.excluded_interests.n, 1);
	CHECK_I64(t.excluded_audiences.n, 1);
	compliance_release(&out);
	targeting_release(&t);
}

/* ---- LinkedIn ---- */

static void linkedin_drops_age_and_gender(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	t.age_min = 25;
	t.age_max = 44;
	t.genders = TG_FEMALE;
	CHECK(compliance_apply(PLATFORM_LINKEDIN, &t, &out) == 0);
	CHECK_I64(out.n_notes, 2);
	if (out.n_notes == 2) {
		CHECK_STR(out.notes[0].text,
			  "LinkedIn job ads cannot target by age: ages 25 to "
			  "44 widened to every age.");
		CHECK_STR(out.notes[0].section, "§2.9");
		CHECK_STR(out.notes[1].text,
			  "LinkedIn job ads cannot target by gender: the ad "
			  "set reaches all genders, not only women.");
	}
	CHECK_I64(t.age_min, 0);
	CHECK_I64(t.age_max, 0);
	CHECK_I64(t.genders, 0);
	/* no flag in LinkedIn's API */
	CHECK(out.category_field == NULL);
	CHECK(out.category_value == NULL);
	compliance_release(&out);

	/* 18 to 65+ loses no one: cleared without a word */
	t.age_min = 18;
	t.age_max = 65;
	compliance_apply(PLATFORM_LINKEDIN, &t, &out);
	CHECK_I64(out.n_notes, 0);
	CHECK_I64(t.age_min, 0);
	CHECK_I64(t.age_max, 0);
	compliance_release(&out);
	targeting_release(&t);
}

static void linkedin_keeps_what_it_allows(void)
{
	struct targeting t;
	struct compliance out;

	umea(&t);
	t.places[0].radius_km = 5;
	add(&t.postal_codes, "903 30");
	add(&t.lookalikes, "past applicants");
	add(&t.excluded_interests, "gaming");
	CHECK(compliance_apply(PLATFORM_LINKEDIN, &t, &out) == 0);
	CHECK_I64(out.n_notes, 0);
	CHECK_I64(t.postal_codes.n, 1);
	CHECK_I64(t.lookalikes.n, 1);
	CHECK_NEAR(t.places[0].radius_km, 5, 0);
	compliance_release(&out);
	targeting_release(&t);
}

static void offline_has_no_rules(void)
{
	struct targeting t;
	struct compliance out;

	memset(&t, 0, sizeof(t));
	add(&t.postal_codes, "903 30");
	t.age_min = 25;
	CHECK(compliance_apply(PLATFORM_OFFLINE, &t, &out) == 0);
	CHECK_I64(out.n_notes, 0);
	CHECK_I64(t.age_min, 25);
	CHECK(out.category_field == NULL);
	compliance_release(&out);
	targeting_release(&t);
}

/* ---- from a persona, and validate's warnings ---- */

static const char catalogue_csv[] =
	"id,platform,pricing,price,currency,ctr,apply_rate,hire_rate,"
	"precision,source\n"
	"meta_feed,meta,cpm,10,USD,0.01,0.05,0.1,0.3,b\n"
	"li,linkedin,cpm,10,USD,0.01,0.05,0.1,0.3,b\n"
	"tt,tiktok,cpm,10,USD,0.01,0.05,0.1,0.3,b\n"
	"board,offline,cpc,1,USD,0.01,0.05,0.1,0.3,b\n";

static char *json(const char *s)
{
	char *j = xstrdup(s);

	for (char *p = j; *p; p++)
		if (*p == '\'')
			*p = '"';
	return j;
}

/* campaign c from audience text s (with ' for "), against the catalogue */
static int load(const char *s, struct catalogue *cat, struct campaign *c)
{
	struct diag d;
	char *j = json(s);
	int rc;

	diag_init(&d, "channels.csv");
	rc = catalogue_parse(catalogue_csv, strlen(catalogue_csv), cat, &d);
	diag_init(&d, "x.json");
	if (rc == 0)
		rc = audience_parse(j, strlen(j), cat, c, &d);
	free(j);
	return rc;
}

static const char audience[] =
	"{'campaign': {'name': 'G', 'currency': 'USD', 'budget': 1000,\n"
	"  'start': '2027-01-01', 'end': '2027-01-10'},\n"
	" 'exclude': [{'persona': 'b', 'channel': 'tt'}],\n"
	" 'personas': [\n"
	"  {'id': 'a', 'name': 'A', 'size': 100, 'interests': ['solar'],\n"
	"   'locations': [{'city': 'Umeå', 'country': 'SE', 'radius_km': 40},\n"
	"                 {'city': 'Holmsund', 'country': 'SE', "
	"'radius_km': 15}],\n"
	"   'targeting': {'age_min': 25, 'age_max': 44, 'genders': ['male'],\n"
	"     'postal_codes': ['903 30'], 'lookalike': 'past applicants',\n"
	"     'exclude_locations': [{'city': 'Obbola', 'country': 'SE'}],\n"
	"     'exclude_interests': ['gaming']},\n"
	"   'channels': {'meta_feed': {'share': 0.5}, 'board': {'share': "
	"1}}},\n"
	"  {'id': 'b', 'name': 'B', 'size': 100,\n"
	"   'locations': [{'city': 'Umeå', 'country': 'SE'}],\n"
	"   'targeting': {'genders': ['female', 'male'], 'age_min': 18,\n"
	"     'age_max': 30},\n"
	"   'channels': {'li': {'share': 0.5}, 'tt': {'share': 0.5}}}]}\n";

static void builds_targeting_from_a_persona(void)
{
	struct catalogue cat = { 0 };
	struct campaign c = { 0 };
	struct targeting t;

	CHECK(load(audience, &cat, &c) == 0);
	if (c.n_personas != 2)
		return;
	targeting_from_persona(&t, &c.personas[0]);
	CHECK_I64(t.n_places, 2);
	CHECK_STR(t.places[1].city, "Holmsund");
	CHECK_NEAR(t.places[1].radius_km, 15, 0);
	CHECK_I64(t.age_min, 25);
	CHECK_I64(t.age_max, 44);
	CHECK_I64(t.genders, TG_MALE);
	CHECK_I64(t.postal_codes.n, 1);
	CHECK_I64(t.n_excluded_places, 1);
	CHECK_STR(t.excluded_places[0].city, "Obbola");
	CHECK_STR(t.excluded_interests.item[0], "gaming");
	CHECK_STR(t.lookalikes.item[0], "past applicants");
	CHECK_STR(t.interests.item[0], "solar");
	targeting_release(&t);
	targeting_from_persona(&t, &c.personas[1]);
	CHECK_I64(t.genders, TG_MALE | TG_FEMALE);
	CHECK_I64(t.age_min, 18);
	CHECK_I64(t.age_max, 30);
	targeting_release(&t);
	campaign_release(&c);
	catalogue_release(&cat);
}

static void warns_at_the_persona_paths(void)
{
	struct catalogue cat = { 0 };
	struct campaign c = { 0 };
	struct strbuf cap = STRBUF_INIT;
	struct diag d;
	const char *s;

	CHECK(load(audience, &cat, &c) == 0);
	diag_init(&d, "x.json");
	d.capture = &cap;
	/* a: 7 on Meta; b: ages on LinkedIn (tt is excluded for b) */
	CHECK_I64(compliance_warn_campaign(&c, &d), 8);
	CHECK_I64(d.n_warnings, 8);
	CHECK_I64(d.n_errors, 0);
	s = strbuf_str(&cap);
	CHECK_HAS(s, "x.json: personas[0].targeting.age_min: warning: "
		     "meta_feed: Meta job ads must reach every age from 18 "
		     "to 65+: ages 25 to 44 widened to 18 to 65+.");
	CHECK_HAS(s, "x.json: personas[0].targeting.genders: warning: "
		     "meta_feed: Meta job ads cannot target by gender");
	CHECK_HAS(s, "x.json: personas[0].targeting.postal_codes: warning: "
		     "meta_feed: Meta job ads cannot target postal codes");
	CHECK_HAS(s, "x.json: personas[0].targeting.exclude_locations: "
		     "warning: meta_feed: Meta job ads cannot exclude "
		     "locations: no longer leaving out Obbola.");
	CHECK_HAS(s, "x.json: personas[0].locations[1].radius_km: warning: "
		     "meta_feed: Meta job ads must reach at least 24 km "
		     "around a city: Holmsund widened from 15 km to 24 km.");
	CHECK_HAS(s, "x.json: personas[0].targeting.exclude_interests: "
		     "warning: meta_feed:");
	CHECK_HAS(s, "x.json: personas[0].targeting.lookalike: warning: "
		     "meta_feed: Meta job ads cannot use lookalike");
	CHECK_HAS(s, "x.json: personas[1].targeting.age_max: warning: li: "
		     "LinkedIn job ads cannot target by age: ages 18 to 30 "
		     "widened to every age.");
	/* the offline board and the excluded TikTok cell say nothing */
	CHECK(strstr(s, "board") == NULL);
	CHECK(strstr(s, "TikTok") == NULL);
	strbuf_release(&cap);
	campaign_release(&c);
	catalogue_release(&cat);
}

static void warns_a_refusal_as_refused(void)
{
	struct catalogue cat = { 0 };
	struct campaign c = { 0 };
	struct strbuf cap = STRBUF_INIT;
	struct diag d;
	static const char uk[] =
		"{'campaign': {'name': 'G', 'currency': 'USD', 'budget': "
		"1000,\n"
		"  'start': '2027-01-01', 'end': '2027-01-10'},\n"
		" 'personas': [{'id': 'a', 'name': 'A', 'size': 100,\n"
		"   'locations': [{'city': 'London', 'country': 'UK', "
		"'radius_km': 30}],\n"
		"   'channels': {'meta_feed': {'share': 0.5}}}]}\n";

	CHECK(load(uk, &cat, &c) == 0);
	diag_init(&d, "x.json");
	d.capture = &cap;
	CHECK_I64(compliance_warn_campaign(&c, &d), 1);
	CHECK_STR(strbuf_str(&cap),
		  "x.json: personas[0].locations[0].country: warning: "
		  "meta_feed: refused: Meta job ads must name each country "
		  "they reach from Meta's list of countries, which has no UK: "
		  "correct the country of London.\n");
	strbuf_release(&cap);
	campaign_release(&c);
	catalogue_release(&cat);
}

int main(void)
{
	meta_widens_narrowed_ages();
	meta_widens_one_gender_to_all();
	meta_drops_postal_codes_or_refuses();
	meta_drops_excluded_places();
	meta_widens_small_radii();
	meta_drops_exclusions_lookalikes_and_expansion();
	meta_refuses_a_country_outside_its_list();
	meta_refuses_an_ad_set_without_a_place();
	meta_names_the_category_and_countries();
	meta_leaves_tiktok_only_rules_alone();
	tiktok_widens_ages_and_genders();
	tiktok_drops_postal_codes_or_refuses();
	tiktok_drops_device_price_lookalikes_keywords();
	tiktok_leaves_meta_only_rules_alone();
	linkedin_drops_age_and_gender();
	linkedin_keeps_what_it_allows();
	offline_has_no_rules();
	builds_targeting_from_a_persona();
	warns_at_the_persona_paths();
	warns_a_refusal_as_refused();
	return test_done();
}
