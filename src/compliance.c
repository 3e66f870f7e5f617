/*
 * The employment-ad rules (include/compliance.h). rules[] below has one
 * row per rule per platform, with its section of ad-apis.md, so that a
 * reviewer can hold it against the reference; each row's part picks
 * the function that checks and rewrites that part of a targeting.
 * jobmix applies a platform's rules to every job ad it pushes there,
 * whatever the country: Meta declares the category per campaign and
 * names the US, Canada and "certain European countries" without a
 * list; TikTok's rules are stated for the US and Canada (§3.5).
 */
#include "compliance.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "wrapper.h"

struct rule {
	enum platform platform;
	enum tg_part part;
	enum tg_action action; /* what is done when the rule applies */
	const char *section;   /* of shared/reference/ad-apis.md */
	const char *rule;      /* in words; each sentence starts with it */
	/*
	 * TG_AGE: the ages to reach, lo 0 for no age targeting at all,
	 * hi 0 for no top; TG_RADIUS: lo is the least radius in km.
	 */
	int lo, hi;
};

/* TG_POSTAL_CODES drops, but refuses when no other place is left */
static const struct rule rules[] = {
	{ PLATFORM_META, TG_AGE, TG_WIDENED, "§1.6",
	  "Meta job ads must reach every age from 18 to 65+", 18, 65 },
	{ PLATFORM_META, TG_GENDERS, TG_WIDENED, "§1.6",
	  "Meta job ads cannot target by gender", 0, 0 },
	{ PLATFORM_META, TG_POSTAL_CODES, TG_DROPPED, "§1.6",
	  "Meta job ads cannot target postal codes", 0, 0 },
	{ PLATFORM_META, TG_EXCLUDED_PLACES, TG_DROPPED, "§1.6",
	  "Meta job ads cannot exclude locations", 0, 0 },
	{ PLATFORM_META, TG_RADIUS, TG_WIDENED, "§1.6",
	  "Meta job ads must reach at least 24 km around a city", 24, 0 },
	{ PLATFORM_META, TG_EXCLUDED_INTERESTS, TG_DROPPED, "§1.6",
	  "Meta job ads cannot exclude people by interest or other detailed "
	  "targeting",
	  0, 0 },
	{ PLATFORM_META, TG_LOOKALIKES, TG_DROPPED, "§1.6",
	  "Meta job ads cannot use lookalike audiences", 0, 0 },
	{ PLATFORM_META, TG_EXCLUDED_AUDIENCES, TG_DROPPED, "§1.6",
	  "Meta job ads cannot exclude a custom audience", 0, 0 },
	{ PLATFORM_META, TG_EXPANSION, TG_DROPPED, "§1.5, §1.6",
	  "Meta job ads must run with Advantage audience off", 0, 0 },
	{ PLATFORM_META, TG_COUNTRY, TG_REFUSED, "§1.3, §1.6",
	  "Meta job ads must name each country they reach from Meta's list "
	  "of countries",
	  0, 0 },
	{ PLATFORM_TIKTOK, TG_AGE, TG_WIDENED, "§3.5",
	  "TikTok job ads must reach everyone 18 and over", 18, 0 },
	{ PLATFORM_TIKTOK, TG_GENDERS, TG_WIDENED, "§3.5",
	  "TikTok job ads cannot target by gender", 0, 0 },
	{ PLATFORM_TIKTOK, TG_POSTAL_CODES, TG_DROPPED, "§3.5",
	  "TikTok job ads cannot target postal codes", 0, 0 },
	{ PLATFORM_TIKTOK, TG_DEVICE_PRICES, TG_DROPPED, "§3.5",
	  "TikTok job ads cannot target by device price", 0, 0 },
	{ PLATFORM_TIKTOK, TG_LOOKALIKES, TG_DROPPED, "§3.5",
	  "TikTok job ads cannot use lookalike audiences", 0, 0 },
	{ PLATFORM_TIKTOK, TG_INTEREST_KEYWORDS, TG_DROPPED, "§3.5",
	  "TikTok job ads cannot target interest keywords", 0, 0 },
	{ PLATFORM_TIKTOK, TG_EXPANSION, TG_DROPPED, "§3.5",
	  "TikTok job ads cannot use targeting expansion", 0, 0 },
	{ PLATFORM_LINKEDIN, TG_AGE, TG_WIDENED, "§2.9",
	  "LinkedIn job ads cannot target by age", 0, 0 },
	{ PLATFORM_LINKEDIN, TG_GENDERS, TG_WIDENED, "§2.9",
	  "LinkedIn job ads cannot target by gender", 0, 0 },
};

/*
 * Meta's special_ad_category_country values (252, from meta-specs
 * enum_types.json, adaccountcampaigns_special_ad_category_country_
 * enum_param), each code followed by a space.
 */
static const char meta_countries[] =
	"AC AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB "
	"BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA "
	"CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ "
	"DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD "
	"GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR "
	"HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI "
	"KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC "
	"MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY "
	"MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK "
	"PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG "
	"SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH "
	"TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE "
	"VG VI VN VU WF WS XK YE YT ZA ZM ZW ";

static bool meta_country(const char *cc)
{
	if (!cc || strlen(cc) != 2)
		return false;
	for (size_t i = 0; i + 2 < sizeof(meta_countries); i += 3)
		if (meta_countries[i] == cc[0] &&
		    meta_countries[i + 1] == cc[1])
			return true;
	return false;
}

/* ---- copies and release ---- */

static void strlist_push(struct strlist *l, const char *s)
{
	l->item = xreallocarray(l->item, l->n + 1, sizeof(*l->item));
	l->item[l->n++] = xstrdup(s);
}

static void strlist_copy(struct strlist *to, const struct strlist *from)
{
	for (size_t i = 0; i < from->n; i++)
		strlist_push(to, from->item[i]);
}

static struct location *places_copy(const struct location *from, size_t n)
{
	struct location *to = xcalloc(n ? n : 1, sizeof(*to));

	for (size_t i = 0; i < n; i++) {
		to[i].city = from[i].city ? xstrdup(from[i].city) : NULL;
		to[i].country =
			from[i].country ? xstrdup(from[i].country) : NULL;
		to[i].radius_km = from[i].radius_km;
	}
	return to;
}

static void places_free(struct location **v, size_t *n)
{
	for (size_t i = 0; i < *n; i++) {
		free((*v)[i].city);
		free((*v)[i].country);
	}
	free(*v);
	*v = NULL;
	*n = 0;
}

void targeting_from_persona(struct targeting *t, const struct persona *p)
{
	const struct persona_targeting *pt = &p->targeting;

	memset(t, 0, sizeof(*t));
	t->places = places_copy(p->locations, p->n_locations);
	t->n_places = p->n_locations;
	t->excluded_places = places_copy(pt->exclude, pt->n_exclude);
	t->n_excluded_places = pt->n_exclude;
	strlist_copy(&t->postal_codes, &pt->postal_codes);
	t->age_min = (int)pt->age_min;
	t->age_max = (int)pt->age_max;
	for (size_t i = 0; i < pt->genders.n; i++)
		t->genders |= strcmp(pt->genders.item[i], "female") == 0
				      ? TG_FEMALE
				      : TG_MALE;
	strlist_copy(&t->interests, &p->interests);
	strlist_copy(&t->excluded_interests, &pt->exclude_interests);
	strlist_copy(&t->job_titles, &p->job_titles);
	strlist_copy(&t->skills, &p->skills);
	strlist_copy(&t->languages, &p->languages);
	strlist_copy(&t->education, &p->education);
	if (pt->lookalike)
		strlist_push(&t->lookalikes, pt->lookalike);
}

void targeting_release(struct targeting *t)
{
	places_free(&t->places, &t->n_places);
	places_free(&t->excluded_places, &t->n_excluded_places);
	strlist_release(&t->postal_codes);
	strlist_release(&t->interests);
	strlist_release(&t->excluded_interests);
	strlist_release(&t->job_titles);
	strlist_release(&t->skills);
	strlist_release(&t->languages);
	strlist_release(&t->education);
	strlist_release(&t->lookalikes);
	strlist_release(&t->excluded_audiences);
	strlist_release(&t->interest_keywords);
	strlist_release(&t->device_prices);
	memset(t, 0, sizeof(*t));
}

void compliance_release(struct compliance *out)
{
	for (size_t i = 0; i < out->n_notes; i++)
		free(out->notes[i].text);
	free(out->notes);
	strlist_release(&out->countries);
	memset(out, 0, sizeof(*out));
}

/* ---- sentences ---- */

static void note(struct compliance *out, const struct rule *r,
		 enum tg_action action, size_t place, const char *fmt, ...)
	ATTR_PRINTF(5, 6);

/* one sentence about rule r: fmt follows the rule's own words */
static void note(struct compliance *out, const struct rule *r,
		 enum tg_action action, size_t place, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	struct compliance_note *n;
	va_list ap;

	strbuf_addstr(&sb, r->rule);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	ALLOC_GROW(out->notes, out->n_notes + 1, out->alloc);
	n = &out->notes[out->n_notes++];
	n->part = r->part;
	n->action = action;
	n->place = place;
	n->section = r->section;
	n->text = strbuf_detach(&sb);
	if (action == TG_REFUSED)
		out->n_refused++;
}

/* "a", "a and b", "a, b and c", "a, b, c and 2 more" */
static void list_text(struct strbuf *sb, char *const *item, size_t n)
{
	size_t shown = n > 4 ? 3 : n;

	for (size_t i = 0; i < shown; i++) {
		if (i)
			strbuf_addstr(sb, i + 1 == n ? " and " : ", ");
		strbuf_addstr(sb, item[i]);
	}
	if (shown < n)
		strbuf_addf(sb, " and %zu more", n - shown);
}

/* the names of n places: a city, or a country's code */
static void places_text(struct strbuf *sb, const struct location *v, size_t n)
{
	const char **name = xcalloc(n ? n : 1, sizeof(*name));

	for (size_t i = 0; i < n; i++)
		name[i] = v[i].city ? v[i].city : v[i].country;
	list_text(sb, (char *const *)name, n);
	free(name);
}

/* "10 km", "12.5 km", "the city alone" */
static void km_text(struct strbuf *sb, double km)
{
	if (km <= 0)
		strbuf_addstr(sb, "the city alone");
	else if (km == (double)(long)km)
		strbuf_addf(sb, "%ld km", (long)km);
	else
		strbuf_addf(sb, "%.1f km", km);
}

/* "25 to 44", "25 and over", "up to 30", "18 to 65+", "every age" */
static void ages_text(struct strbuf *sb, int lo, int hi)
{
	if (!lo && (!hi || hi >= TG_AGE_TOP))
		strbuf_addstr(sb, "every age");
	else if (!lo)
		strbuf_addf(sb, "up to %d", hi);
	else if (!hi)
		strbuf_addf(sb, "%d and over", lo);
	else if (hi >= TG_AGE_TOP)
		strbuf_addf(sb, "%d to %d+", lo, TG_AGE_TOP);
	else
		strbuf_addf(sb, "%d to %d", lo, hi);
}

/* ---- one function per part ---- */

static void rule_age(const struct rule *r, struct targeting *t,
		     struct compliance *out)
{
	bool top = t->age_max && t->age_max < TG_AGE_TOP;
	bool bottom =
		r->lo ? t->age_min && t->age_min != r->lo : t->age_min > 18;
	struct strbuf was = STRBUF_INIT, now = STRBUF_INIT;

	if (top || bottom) {
		ages_text(&was, t->age_min, t->age_max);
		ages_text(&now, r->lo, r->hi);
		note(out, r, TG_WIDENED, 0, ": ages %s %s %s.", was.buf,
		     r->lo && t->age_min && t->age_min < r->lo ? "became"
							       : "widened to",
		     now.buf);
	}
	t->age_min = r->lo;
	t->age_max = r->hi;
	strbuf_release(&was);
	strbuf_release(&now);
}

static void rule_genders(const struct rule *r, struct targeting *t,
			 struct compliance *out)
{
	if (t->genders == TG_FEMALE || t->genders == TG_MALE)
		note(out, r, TG_WIDENED, 0,
		     ": the ad set reaches all genders, not only %s.",
		     t->genders == TG_FEMALE ? "women" : "men");
	t->genders = 0;
}

static void rule_postal_codes(const struct rule *r, struct targeting *t,
			      struct compliance *out)
{
	struct strbuf codes = STRBUF_INIT, places = STRBUF_INIT;

	if (!t->postal_codes.n)
		return;
	list_text(&codes, t->postal_codes.item, t->postal_codes.n);
	if (!t->n_places) {
		note(out, r, TG_REFUSED, 0,
		     ", and the ad set has no city or country to reach "
		     "instead of %s: give it a city.",
		     codes.buf);
	} else {
		places_text(&places, t->places, t->n_places);
		note(out, r, TG_DROPPED, 0,
		     ": dropped the postal code%s %s; the ad set still "
		     "reaches %s.",
		     t->postal_codes.n == 1 ? "" : "s", codes.buf, places.buf);
		strlist_release(&t->postal_codes);
	}
	strbuf_release(&codes);
	strbuf_release(&places);
}

static void rule_excluded_places(const struct rule *r, struct targeting *t,
				 struct compliance *out)
{
	struct strbuf sb = STRBUF_INIT;

	if (!t->n_excluded_places)
		return;
	places_text(&sb, t->excluded_places, t->n_excluded_places);
	note(out, r, TG_DROPPED, 0, ": no longer leaving out %s.", sb.buf);
	places_free(&t->excluded_places, &t->n_excluded_places);
	strbuf_release(&sb);
}

static void rule_radius(const struct rule *r, struct targeting *t,
			struct compliance *out)
{
	struct strbuf was = STRBUF_INIT, now = STRBUF_INIT;

	km_text(&now, r->lo);
	for (size_t i = 0; i < t->n_places; i++) {
		struct location *l = &t->places[i];

		if (!l->city || l->radius_km >= r->lo)
			continue;
		strbuf_reset(&was);
		km_text(&was, l->radius_km);
		note(out, r, TG_WIDENED, i, ": %s widened from %s to %s.",
		     l->city, was.buf, now.buf);
		l->radius_km = r->lo;
	}
	strbuf_release(&was);
	strbuf_release(&now);
}

/* drop list l: "<rule>: <what or whats> <items><after>." */
static void drop_list(const struct rule *r, struct strlist *l,
		      struct compliance *out, const char *what,
		      const char *whats, const char *after)
{
	struct strbuf sb = STRBUF_INIT;

	if (!l->n)
		return;
	list_text(&sb, l->item, l->n);
	note(out, r, TG_DROPPED, 0, ": %s %s%s.", l->n == 1 ? what : whats,
	     sb.buf, after);
	strlist_release(l);
	strbuf_release(&sb);
}

static void rule_expansion(const struct rule *r, struct targeting *t,
			   struct compliance *out)
{
	if (t->expansion)
		note(out, r, TG_DROPPED, 0, ": turned it off.");
	t->expansion = false;
}

static void rule_country(const struct rule *r, struct targeting *t,
			 struct compliance *out)
{
	if (!t->n_places && !t->postal_codes.n)
		note(out, r, TG_REFUSED, 0,
		     ", and the ad set names no place: give it a city.");
	for (size_t i = 0; i < t->n_places; i++) {
		const struct location *l = &t->places[i];

		if (meta_country(l->country))
			continue;
		note(out, r, TG_REFUSED, i,
		     ", which has no %s: correct the country of %s.",
		     l->country ? l->country : "(no country)",
		     l->city ? l->city : "the place");
	}
}

static void apply_rule(const struct rule *r, struct targeting *t,
		       struct compliance *out)
{
	switch (r->part) {
	case TG_AGE:
		rule_age(r, t, out);
		break;
	case TG_GENDERS:
		rule_genders(r, t, out);
		break;
	case TG_POSTAL_CODES:
		rule_postal_codes(r, t, out);
		break;
	case TG_EXCLUDED_PLACES:
		rule_excluded_places(r, t, out);
		break;
	case TG_RADIUS:
		rule_radius(r, t, out);
		break;
	case TG_EXCLUDED_INTERESTS:
		drop_list(r, &t->excluded_interests, out,
			  "no longer leaving out people interested in",
			  "no longer leaving out people interested in", "");
		break;
	case TG_LOOKALIKES:
		drop_list(r, &t->lookalikes, out, "dropped the lookalike of",
			  "dropped the lookalikes of", "");
		break;
	case TG_EXCLUDED_AUDIENCES:
		drop_list(r, &t->excluded_audiences, out,
			  "no longer leaving out the audience",
			  "no longer leaving out the audiences", "");
		break;
	case TG_DEVICE_PRICES:
		drop_list(r, &t->device_prices, out, "dropped the device price",
			  "dropped the device prices",
			  "; every device is reached");
		break;
	case TG_INTEREST_KEYWORDS:
		drop_list(r, &t->interest_keywords, out,
			  "dropped the interest keyword",
			  "dropped the interest keywords", "");
		break;
	case TG_EXPANSION:
		rule_expansion(r, t, out);
		break;
	case TG_COUNTRY:
		rule_country(r, t, out);
		break;
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* the flag for job ads, and Meta's countries: sorted, each once */
static void set_category(enum platform p, const struct targeting *t,
			 struct compliance *out)
{
	size_t n = 0;

	if (p == PLATFORM_META)
		out->category_field = "special_ad_categories";
	else if (p == PLATFORM_TIKTOK)
		out->category_field = "special_industries";
	else
		return;
	out->category_value = "EMPLOYMENT";
	if (p != PLATFORM_META)
		return;
	for (size_t i = 0; i < t->n_places; i++)
		if (meta_country(t->places[i].country))
			strlist_push(&out->countries, t->places[i].country);
	if (out->countries.n > 1)
		qsort(out->countries.item, out->countries.n,
		      sizeof(*out->countries.item), cmp_str);
	for (size_t i = 0; i < out->countries.n; i++) {
		if (n && strcmp(out->countries.item[n - 1],
				out->countries.item[i]) == 0) {
			free(out->countries.item[i]);
			continue;
		}
		out->countries.item[n++] = out->countries.item[i];
	}
	out->countries.n = n;
}

int compliance_apply(enum platform p, struct targeting *t,
		     struct compliance *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < ARRAY_SIZE(rules); i++)
		if (rules[i].platform == p)
			apply_rule(&rules[i], t, out);
	set_category(p, t, out);
	return out->n_refused ? -1 : 0;
}

/* ---- validate's warnings ---- */

/* the JSON path of what persona i asked that note n is about */
static void note_path(struct strbuf *sb, size_t i, const struct persona *p,
		      const struct compliance_note *n)
{
	static const struct {
		enum tg_part part;
		const char *key;
	} keys[] = {
		{ TG_GENDERS, "genders" },
		{ TG_POSTAL_CODES, "postal_codes" },
		{ TG_EXCLUDED_PLACES, "exclude_locations" },
		{ TG_EXCLUDED_INTERESTS, "exclude_interests" },
		{ TG_LOOKALIKES, "lookalike" },
	};

	strbuf_addf(sb, "personas[%zu]", i);
	if (n->part == TG_RADIUS)
		strbuf_addf(sb, ".locations[%zu].radius_km", n->place);
	else if (n->part == TG_COUNTRY && n->place < p->n_locations)
		strbuf_addf(sb, ".locations[%zu].country", n->place);
	else if (n->part == TG_AGE) /* the end that is narrowed */
		strbuf_addstr(sb,
			      p->targeting.age_min && p->targeting.age_min != 18
				      ? ".targeting.age_min"
				      : ".targeting.age_max");
	for (size_t k = 0; k < ARRAY_SIZE(keys); k++)
		if (keys[k].part == n->part)
			strbuf_addf(sb, ".targeting.%s", keys[k].key);
}

/* the channels persona i is planned on with platform p: "a, b" */
static void planned_on(struct strbuf *sb, const struct campaign *c, size_t i,
		       enum platform p)
{
	const struct persona *pe = &c->personas[i];

	for (size_t j = 0; j < pe->n_channels; j++) {
		size_t ch = pe->channels[j].channel;

		if (c->channels[ch].platform != p ||
		    campaign_cell_excluded(c, i, ch))
			continue;
		strbuf_addf(sb, "%s%s", sb->len ? ", " : "",
			    c->channels[ch].id);
	}
}

static int warn_persona(const struct campaign *c, size_t i, struct diag *d)
{
	static const enum platform platforms[] = { PLATFORM_META,
						   PLATFORM_LINKEDIN,
						   PLATFORM_TIKTOK };
	struct strbuf on = STRBUF_INIT, path = STRBUF_INIT;
	int warned = 0;

	for (size_t k = 0; k < ARRAY_SIZE(platforms); k++) {
		struct targeting t;
		struct compliance out;

		strbuf_reset(&on);
		planned_on(&on, c, i, platforms[k]);
		if (!on.len)
			continue;
		targeting_from_persona(&t, &c->personas[i]);
		compliance_apply(platforms[k], &t, &out);
		for (size_t n = 0; n < out.n_notes; n++) {
			strbuf_reset(&path);
			note_path(&path, i, &c->personas[i], &out.notes[n]);
			diag_warn_path(d, path.buf, "%s: %s%s", on.buf,
				       out.notes[n].action == TG_REFUSED
					       ? "refused: "
					       : "",
				       out.notes[n].text);
			warned++;
		}
		compliance_release(&out);
		targeting_release(&t);
	}
	strbuf_release(&on);
	strbuf_release(&path);
	return warned;
}

int compliance_warn_campaign(const struct campaign *c, struct diag *d)
{
	int warned = 0;

	for (size_t i = 0; i < c->n_personas; i++)
		warned += warn_persona(c, i, d);
	return warned;
}
