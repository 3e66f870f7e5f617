/*
 * ads_format - the preview of `jobmix ads`: per ad set its platform,
 * persona, channel, money, flight, targeting after compliance with each
 * compliance sentence, and its ads; then the notes. The JSON carries
 * the same, documented in docs/ads-json.md.
 */
#include "ads_format.h"

#include <stdint.h>
#include <string.h>

#include "ads.h"
#include "campaign.h"
#include "compliance.h"
#include "feed.h"
#include "json.h"
#include "money.h"
#include "planfile.h"
#include "strbuf.h"

static const char *part_name(enum tg_part p)
{
	static const char *const names[] = {
		"age",           "genders",
		"postal_codes",  "excluded_places",
		"radius",        "excluded_interests",
		"lookalikes",    "excluded_audiences",
		"device_prices", "interest_keywords",
		"expansion",     "country",
	};

	return (size_t)p < sizeof(names) / sizeof(names[0]) ? names[p] : "?";
}

static const char *action_name(enum tg_action a)
{
	return a == TG_WIDENED   ? "widened"
	       : a == TG_DROPPED ? "dropped"
				 : "refused";
}

static const char *field_name(enum ad_field f)
{
	return f == AD_HEADLINE ? "headline"
	       : f == AD_TEXT   ? "text"
				: "description";
}

static const char *persona_id(const struct planfile *pf, const struct ad_set *s)
{
	return s->persona == SIZE_MAX ? NULL : pf->c.personas[s->persona].id;
}

/* ---- table ---- */

static void list(struct strbuf *sb, const char *label, const struct strlist *l)
{
	if (!l->n)
		return;
	strbuf_addf(sb, "    %s: ", label);
	for (size_t i = 0; i < l->n; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", l->item[i]);
	strbuf_addch(sb, '\n');
}

static void places(struct strbuf *sb, const char *label,
		   const struct location *l, size_t n)
{
	if (!n)
		return;
	strbuf_addf(sb, "    %s: ", label);
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(sb, "%s", i ? "; " : "");
		if (l[i].city)
			strbuf_addf(sb, "%s, ", l[i].city);
		strbuf_addf(sb, "%s", l[i].country);
		if (l[i].radius_km > 0)
			strbuf_addf(sb, " +%g km", l[i].radius_km);
	}
	strbuf_addch(sb, '\n');
}

static void table_targeting(struct strbuf *sb, const struct targeting *t)
{
	strbuf_addstr(sb, "  targeting after the platform's rules:\n");
	places(sb, "places", t->places, t->n_places);
	places(sb, "excluded places", t->excluded_places, t->n_excluded_places);
	list(sb, "postal codes", &t->postal_codes);
	if (t->age_min || t->age_max) {
		strbuf_addstr(sb, "    ages: ");
		if (t->age_min)
			strbuf_addf(sb, "%d", t->age_min);
		else
			strbuf_addstr(sb, "any");
		if (t->age_max && t->age_max < TG_AGE_TOP)
			strbuf_addf(sb, " to %d\n", t->age_max);
		else
			strbuf_addstr(sb, " and over\n");
	} else
		strbuf_addstr(sb, "    ages: all\n");
	strbuf_addf(sb, "    genders: %s\n",
		    t->genders == TG_FEMALE ? "female"
		    : t->genders == TG_MALE ? "male"
					    : "all");
	list(sb, "interests", &t->interests);
	list(sb, "excluded interests", &t->excluded_interests);
	list(sb, "job titles", &t->job_titles);
	list(sb, "skills", &t->skills);
	list(sb, "languages", &t->languages);
	list(sb, "education", &t->education);
	list(sb, "lookalikes", &t->lookalikes);
}

/* s indented under a label, each line of it */
static void indented(struct strbuf *sb, const char *label, const char *s)
{
	char prev = 0;

	strbuf_addf(sb, "    %-12s ", label);
	for (; *s; prev = *s++) {
		if (prev == '\n' && *s != '\n')
			strbuf_addstr(sb, "                 ");
		strbuf_addch(sb, *s);
	}
	strbuf_addch(sb, '\n');
}

static void table_ad(struct strbuf *sb, const struct feed *feed,
		     const struct ad *a)
{
	strbuf_addf(sb, "  ad %s (job '%s')\n", a->name,
		    feed->jobs[a->job].title);
	indented(sb, "headline:", a->headline);
	indented(sb, "text:", a->text);
	if (a->description)
		indented(sb, "description:", a->description);
	indented(sb, "url:", a->url);
	indented(sb, "cta:", a->cta);
	indented(sb, "key:", a->local_key);
	for (size_t i = 0; i < a->shortened.n; i++)
		indented(sb, "shortened:", a->shortened.item[i]);
}

static void table_set(struct strbuf *sb, const struct planfile *pf,
		      const struct feed *feed, const struct ad_plan *ap,
		      const struct ad_set *s)
{
	const struct channel *ch = &pf->c.channels[s->channel];
	const char *who = persona_id(pf, s);

	strbuf_addf(sb, "ad set %s%s\n", s->name,
		    s->refused ? "  REFUSED: not pushed" : "");
	strbuf_addf(sb, "  platform %s, channel %s, %s%s\n",
		    platform_name(s->platform), ch->id,
		    who ? "persona " : "shared by every persona on it",
		    who ? who : "");
	strbuf_addstr(sb, "  daily budget ");
	money_format_currency(sb, s->daily, ap->digits, ap->currency);
	strbuf_addf(sb, " from %s to %s (%d days), planned spend ", s->start,
		    s->end, ch->days);
	money_format_currency(sb, s->spend, ap->digits, ap->currency);
	strbuf_addf(sb, "\n  key %s\n", s->local_key);
	table_targeting(sb, &s->targeting);
	if (s->compliance.category_field)
		strbuf_addf(sb, "  job-ad flag: %s = [\"%s\"]\n",
			    s->compliance.category_field,
			    s->compliance.category_value);
	for (size_t i = 0; i < s->compliance.n_notes; i++) {
		const struct compliance_note *n = &s->compliance.notes[i];

		strbuf_addf(sb, "  compliance (%s, %s): %s\n", n->section,
			    action_name(n->action), n->text);
	}
	if (!s->n_ads)
		strbuf_addstr(sb, "  no ad: no job of the feed is for it\n");
	for (size_t i = 0; i < s->n_ads; i++)
		table_ad(sb, feed, &s->ads[i]);
	strbuf_addch(sb, '\n');
}

void ads_write_table(struct strbuf *sb, const struct planfile *pf,
		     const struct feed *feed, const struct ad_plan *ap)
{
	size_t n_ads = 0, refused = 0, start = sb->len;

	for (size_t k = 0; k < ap->n_sets; k++) {
		n_ads += ap->sets[k].n_ads;
		refused += ap->sets[k].refused;
	}
	strbuf_addf(sb, "Ads for \"%s\": %zu ad sets (%zu refused), %zu ads\n",
		    ap->campaign_name, ap->n_sets, refused, n_ads);
	strbuf_addf(sb, "plan %s, sha256 %s\ncampaign key %s\n\n", pf->path,
		    pf->sha256, ap->campaign_key);
	for (size_t k = 0; k < ap->n_sets; k++)
		table_set(sb, pf, feed, ap, &ap->sets[k]);
	if (ap->notes.n)
		strbuf_addstr(sb, "Notes\n");
	for (size_t i = 0; i < ap->notes.n; i++)
		strbuf_addf(sb, "  - %s\n", ap->notes.item[i]);
	/* a feed's text must not reach the terminal as an escape sequence */
	for (size_t i = start; i < sb->len; i++)
		if (((unsigned char)sb->buf[i] < 0x20 && sb->buf[i] != '\n') ||
		    sb->buf[i] == 0x7f)
			sb->buf[i] = '?';
}

/* ---- JSON ---- */

static void put_str(struct json_writer *w, const char *key, const char *v)
{
	json_key(w, key);
	json_string(w, v);
}

static void put_int(struct json_writer *w, const char *key, int64_t v)
{
	json_key(w, key);
	json_int(w, v);
}

static void put_list(struct json_writer *w, const char *key,
		     const struct strlist *l)
{
	json_key(w, key);
	json_array_begin(w);
	for (size_t i = 0; i < l->n; i++)
		json_string(w, l->item[i]);
	json_array_end(w);
}

static void put_places(struct json_writer *w, const char *key,
		       const struct location *l, size_t n)
{
	json_key(w, key);
	json_array_begin(w);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(w);
		put_str(w, "city", l[i].city);
		put_str(w, "country", l[i].country);
		json_key(w, "radius_km");
		json_number(w, l[i].radius_km);
		json_object_end(w);
	}
	json_array_end(w);
}

static void json_targeting(struct json_writer *w, const struct targeting *t)
{
	json_key(w, "targeting");
	json_object_begin(w);
	put_places(w, "places", t->places, t->n_places);
	put_places(w, "excluded_places", t->excluded_places,
		   t->n_excluded_places);
	put_list(w, "postal_codes", &t->postal_codes);
	put_int(w, "age_min", t->age_min);
	put_int(w, "age_max", t->age_max);
	json_key(w, "genders");
	json_array_begin(w);
	if (t->genders == TG_FEMALE)
		json_string(w, "female");
	if (t->genders == TG_MALE)
		json_string(w, "male");
	json_array_end(w);
	put_list(w, "interests", &t->interests);
	put_list(w, "excluded_interests", &t->excluded_interests);
	put_list(w, "job_titles", &t->job_titles);
	put_list(w, "skills", &t->skills);
	put_list(w, "languages", &t->languages);
	put_list(w, "education", &t->education);
	put_list(w, "lookalikes", &t->lookalikes);
	put_list(w, "excluded_audiences", &t->excluded_audiences);
	put_list(w, "interest_keywords", &t->interest_keywords);
	put_list(w, "device_prices", &t->device_prices);
	json_key(w, "expansion");
	json_bool(w, t->expansion);
	json_object_end(w);
}

static void json_compliance(struct json_writer *w, const struct compliance *c)
{
	json_key(w, "job_ad_flag");
	if (c->category_field) {
		json_object_begin(w);
		put_str(w, "field", c->category_field);
		put_str(w, "value", c->category_value);
		put_list(w, "countries", &c->countries);
		json_object_end(w);
	} else
		json_null(w);
	json_key(w, "compliance");
	json_array_begin(w);
	for (size_t i = 0; i < c->n_notes; i++) {
		json_object_begin(w);
		put_str(w, "part", part_name(c->notes[i].part));
		put_str(w, "action", action_name(c->notes[i].action));
		put_str(w, "section", c->notes[i].section);
		put_str(w, "text", c->notes[i].text);
		json_object_end(w);
	}
	json_array_end(w);
}

static void json_ad(struct json_writer *w, const struct feed *feed,
		    const struct ad *a)
{
	json_object_begin(w);
	put_str(w, "name", a->name);
	put_str(w, "key", a->local_key);
	put_str(w, "job", feed->jobs[a->job].referencenumber);
	put_str(w, "headline", a->headline);
	put_str(w, "text", a->text);
	put_str(w, "description", a->description);
	put_str(w, "url", a->url);
	put_str(w, "cta", a->cta);
	json_key(w, "shortened");
	json_array_begin(w);
	for (size_t i = 0; i < a->shortened.n; i++)
		json_string(w, a->shortened.item[i]);
	json_array_end(w);
	json_object_end(w);
}

static void json_set(struct json_writer *w, const struct planfile *pf,
		     const struct feed *feed, const struct ad_set *s)
{
	json_object_begin(w);
	put_str(w, "name", s->name);
	put_str(w, "key", s->local_key);
	put_str(w, "platform", platform_name(s->platform));
	put_str(w, "channel", pf->c.channels[s->channel].id);
	put_str(w, "persona", persona_id(pf, s));
	put_int(w, "daily_budget", s->daily);
	put_int(w, "spend", s->spend);
	put_str(w, "start", s->start);
	put_str(w, "end", s->end);
	json_key(w, "refused");
	json_bool(w, s->refused);
	json_targeting(w, &s->targeting);
	json_compliance(w, &s->compliance);
	json_key(w, "ads");
	json_array_begin(w);
	for (size_t i = 0; i < s->n_ads; i++)
		json_ad(w, feed, &s->ads[i]);
	json_array_end(w);
	json_object_end(w);
}

static void json_limits(struct json_writer *w)
{
	size_t n;
	const struct ad_limit *l = ads_limits(&n);

	json_key(w, "limits");
	json_array_begin(w);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(w);
		put_str(w, "platform", platform_name(l[i].platform));
		put_str(w, "field", field_name(l[i].field));
		put_str(w, "name", l[i].name);
		put_int(w, "recommended", (int64_t)l[i].recommended);
		put_int(w, "hard", (int64_t)l[i].hard);
		json_key(w, "wide_counts_2");
		json_bool(w, l[i].wide_counts_2);
		put_str(w, "source", l[i].source);
		json_object_end(w);
	}
	json_array_end(w);
}

void ads_write_json(struct strbuf *sb, const struct planfile *pf,
		    const struct feed *feed, const struct ad_plan *ap)
{
	struct json_writer w;

	json_writer_init(&w, sb, true);
	json_object_begin(&w);
	put_int(&w, "jobmix_ads", 1);
	json_key(&w, "plan");
	json_object_begin(&w);
	put_str(&w, "path", pf->path);
	put_str(&w, "sha256", pf->sha256);
	json_object_end(&w);
	json_key(&w, "campaign");
	json_object_begin(&w);
	put_str(&w, "name", ap->campaign_name);
	put_str(&w, "key", ap->campaign_key);
	json_object_end(&w);
	put_str(&w, "currency", ap->currency);
	put_int(&w, "minor_digits", ap->digits);
	json_limits(&w);
	json_key(&w, "ad_sets");
	json_array_begin(&w);
	for (size_t k = 0; k < ap->n_sets; k++)
		json_set(&w, pf, feed, &ap->sets[k]);
	json_array_end(&w);
	json_key(&w, "notes");
	json_array_begin(&w);
	for (size_t i = 0; i < ap->notes.n; i++)
		json_string(&w, ap->notes.item[i]);
	json_array_end(&w);
	json_object_end(&w);
	strbuf_addch(sb, '\n');
}
