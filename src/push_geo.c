/*
 * push_geo.c - the places of an ad set in a platform's own ids. Each
 * city is looked up once through the platform's location search (the
 * adapter's search_city) and the answer is kept in the store's geo
 * table, so a second push asks nothing. The match is the city of the
 * same name (compared without regard to case for A-Z and the Latin-1
 * letters) in the place's country; no match, or more than one, and the
 * place targets its whole country, which the summary says.
 * docs/push.md, "Targeting", has the rules.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jobmatch.h"
#include "push_int.h"
#include "store.h"
#include "usage.h"
#include "wrapper.h"

void push_geo_hit_add(struct push_geo_hits *h, const char *key,
		      const char *name, const char *country)
{
	struct push_geo_hit *it;

	if (h->n == h->alloc) {
		h->alloc = h->alloc ? 2 * h->alloc : 8;
		h->item = xrealloc(h->item, h->alloc * sizeof(*h->item));
	}
	it = &h->item[h->n++];
	it->key = xstrdup(key);
	it->name = xstrdup(name ? name : "");
	snprintf(it->country, sizeof(it->country), "%s",
		 country && strlen(country) == 2 ? country : "");
}

void push_geo_hits_release(struct push_geo_hits *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->item[i].key);
		free(h->item[i].name);
	}
	free(h->item);
	memset(h, 0, sizeof(*h));
}

/*
 * Is hit h the city q (folded) of country? A name with commas is
 * "City, Region, Country" (LinkedIn's): its first part is the city and
 * its last the country's English name.
 */
static bool same_city(const struct push_geo_hit *h, const char *q,
		      const char *country)
{
	const char *comma = strchr(h->name, ',');
	const char *last = strrchr(h->name, ',');
	const char *cname = push_country_name(country);
	char *name;
	bool same;

	if (h->country[0] && strcmp(h->country, country) != 0)
		return false;
	if (comma && !h->country[0]) {
		last++;
		while (*last == ' ')
			last++;
		if (!cname || strcmp(last, cname) != 0)
			return false;
	}
	name = jobmatch_fold(h->name);
	if (comma)
		name[comma - h->name] = '\0';
	same = strcmp(name, q) == 0;
	free(name);
	return same;
}

/* the one city of hits that is q in country: its index, or -1; *n matches */
static long pick(const struct push_geo_hits *hits, const char *q,
		 const char *country, int *n)
{
	long at = -1;

	*n = 0;
	for (size_t i = 0; i < hits->n; i++) {
		size_t k;

		if (!same_city(&hits->item[i], q, country))
			continue;
		for (k = 0; k < i; k++) /* the same city twice counts once */
			if (strcmp(hits->item[k].key, hits->item[i].key) == 0 &&
			    same_city(&hits->item[k], q, country))
				break;
		if (k < i)
			continue;
		(*n)++;
		at = (long)i;
	}
	return *n == 1 ? at : -1;
}

/* look city up: from the cache, else the search (then cached) */
static int lookup(struct push_ctx *x, struct store *st,
		  const struct push_place *p, struct strbuf *key, int *matches,
		  bool *cached)
{
	char *q = jobmatch_fold(p->city);
	struct strbuf name = STRBUF_INIT;
	struct push_geo_hits hits = { 0 };
	int found = st ? store_geo_get(st, x->name, p->country, q, key, &name,
				       matches)
		       : 0;
	long at;

	*cached = found == 1;
	if (found != 0) {
		free(q);
		strbuf_release(&name);
		return found < 0 ? JM_IOERR : 0;
	}
	if (x->ad->search_city(x, p->city, p->country, &hits) < 0) {
		free(q);
		push_geo_hits_release(&hits);
		return -1;
	}
	at = pick(&hits, q, p->country, matches);
	strbuf_reset(key);
	if (at >= 0)
		strbuf_addstr(key, hits.item[at].key);
	if (!x->dry_run && st) {
		struct store_geo g = { x->name,
				       p->country,
				       q,
				       at >= 0 ? hits.item[at].key : NULL,
				       at >= 0 ? hits.item[at].name : NULL,
				       *matches };

		if (store_begin(st) < 0 || store_geo_put(st, &g) < 0 ||
		    store_commit(st) < 0)
			found = JM_IOERR;
	}
	free(q);
	strbuf_release(&name);
	push_geo_hits_release(&hits);
	return found;
}

/* a radius as users read it: "40 km", "24.5 km" */
static void add_km(struct strbuf *sb, double km)
{
	if (km == floor(km))
		strbuf_addf(sb, "%.0f km", km);
	else
		strbuf_addf(sb, "%.1f km", km);
}

/* the sentence for a city that targets its whole country */
static void not_found(struct push_ctx *x, const struct ad_set *s,
		      const struct push_place *p, int matches, bool cached,
		      struct strvec *notes)
{
	const char *w = x->ad->set_word;

	if (x->dry_run && !cached)
		strvec_addf(notes,
			    "%s '%s': dry run: the city '%s' (%s) is not in "
			    "the store's cache of %s's location ids, so this "
			    "dry run targets all of %s; a push looks it up "
			    "(the lookup is among the requests printed)",
			    w, s->name, p->city, p->country, x->name,
			    p->country);
	else if (matches == 0)
		strvec_addf(notes,
			    "%s '%s': %s's location search found no city "
			    "named '%s' in %s, so it targets all of %s",
			    w, s->name, x->name, p->city, p->country,
			    p->country);
	else
		strvec_addf(notes,
			    "%s '%s': %s's location search found %d cities "
			    "named '%s' in %s and jobmix cannot tell which is "
			    "meant, so it targets all of %s",
			    w, s->name, x->name, matches, p->city, p->country,
			    p->country);
}

/* LinkedIn and TikTok take a city without a radius: say so, once */
static void no_radius(struct push_ctx *x, const struct ad_set *s,
		      struct strvec *notes)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = 0;

	for (size_t i = 0; i < x->n_places; i++) {
		const struct push_place *p = &x->places[i];

		if (!p->key || p->radius_km <= 0 ||
		    push_geo_whole(x, p->country))
			continue;
		strbuf_addstr(&sb, n++ ? ", " : "");
		strbuf_addf(&sb, "%s (", p->city);
		add_km(&sb, p->radius_km);
		strbuf_addch(&sb, ')');
	}
	if (n)
		strvec_addf(notes,
			    "%s '%s': %s has no radius around a city, so "
			    "%s %s targeted as the city alone, without the "
			    "radius",
			    x->ad->set_word, s->name, x->name, sb.buf,
			    n == 1 ? "is" : "are");
	strbuf_release(&sb);
}

int push_geo_resolve(struct push_ctx *x, struct store *st,
		     const struct ad_set *s, struct strvec *notes)
{
	const struct targeting *t = &s->targeting;
	struct strbuf key = STRBUF_INIT;
	int rc = 0;

	push_geo_release(x);
	x->places = xcalloc(t->n_places + 1, sizeof(*x->places));
	for (size_t i = 0; rc == 0 && i < t->n_places; i++) {
		struct push_place *p = &x->places[x->n_places];
		int matches = 0;
		bool cached = false;

		if (!t->places[i].country)
			continue;
		x->n_places++;
		p->country = t->places[i].country;
		p->city = t->places[i].city && *t->places[i].city
				  ? t->places[i].city
				  : NULL;
		p->radius_km = t->places[i].radius_km;
		if (!p->city)
			continue;
		rc = lookup(x, st, p, &key, &matches, &cached);
		if (rc == 0 && key.len)
			p->key = xstrdup(key.buf);
		else if (rc == 0)
			not_found(x, s, p, matches, cached, notes);
	}
	if (rc == 0 && !x->ad->has_radius)
		no_radius(x, s, notes);
	strbuf_release(&key);
	return rc;
}

void push_geo_release(struct push_ctx *x)
{
	for (size_t i = 0; i < x->n_places; i++)
		free(x->places[i].key);
	free(x->places);
	x->places = NULL;
	x->n_places = 0;
}

bool push_geo_whole(const struct push_ctx *x, const char *country)
{
	for (size_t i = 0; i < x->n_places; i++)
		if (!x->places[i].key &&
		    strcmp(x->places[i].country, country) == 0)
			return true;
	return false;
}

void push_geo_countries(const struct push_ctx *x, struct strlist *out)
{
	memset(out, 0, sizeof(*out));
	out->item = xcalloc(x->n_places + 1, sizeof(char *));
	for (size_t i = 0; i < x->n_places; i++) {
		const char *c = x->places[i].country;
		size_t k;

		if (!push_geo_whole(x, c))
			continue;
		for (k = 0; k < out->n; k++)
			if (strcmp(out->item[k], c) == 0)
				break;
		if (k == out->n)
			out->item[out->n++] = xstrdup(c);
	}
}
