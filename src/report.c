/*
 * report.c - the figures of `jobmix report`: sums from the store per
 * campaign and currency, broken down by platform, channel, persona, day
 * and ad, the plan read back from its JSON for plan versus actual, and
 * the ratios and ranking the writers share. docs/report.md has the
 * formulas.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "ads.h"
#include "diag.h"
#include "explain.h"
#include "fileio.h"
#include "json.h"
#include "money.h"
#include "report.h"
#include "report_int.h"
#include "store.h"
#include "strbuf.h"
#include "usage.h"
#include "wrapper.h"

static const char *const by_names[REPORT_N_BY] = {
	[REPORT_BY_CHANNEL] = "channel",   [REPORT_BY_PERSONA] = "persona",
	[REPORT_BY_DAY] = "day",           [REPORT_BY_AD] = "ad",
	[REPORT_BY_PLATFORM] = "platform",
};

const char *report_by_name(enum report_by by)
{
	return by_names[by];
}

int report_by_parse(const char *s, enum report_by *out)
{
	for (int i = 0; i < REPORT_N_BY; i++)
		if (strcmp(s, by_names[i]) == 0) {
			*out = (enum report_by)i;
			return 0;
		}
	return -1;
}

/* what a row that no plan cell claims is listed under */
#define NONE_KEY "(none)"
/* the characters of a persona or channel id */
#define ID_CHARS "abcdefghijklmnopqrstuvwxyz0123456789_-"

static const char *or_none(const char *s)
{
	return *s ? s : NONE_KEY;
}

static void figs_add(struct report_figs *a, const struct report_figs *b)
{
	a->rows += b->rows;
	a->spend += b->spend;
	a->impressions += b->impressions;
	a->clicks += b->clicks;
	a->reach += b->reach;
	a->link_clicks += b->link_clicks;
	a->platform_apps += b->platform_apps;
	a->platform_apps_rows += b->platform_apps_rows;
	a->apps += b->apps;
	a->hires += b->hires;
}

/* the line of key (and key2) in t, added when new; searched from the end */
static struct report_line *line_of(struct report_table *t, const char *key,
				   const char *key2, const char *platform)
{
	struct report_line *l;

	for (size_t i = t->n; i-- > 0;) {
		l = &t->lines[i];
		if (strcmp(l->key, key) == 0 &&
		    (!key2 || strcmp(l->key2, key2) == 0)) {
			if (strcmp(l->platform, platform) != 0)
				l->platform[0] = '\0';
			return l;
		}
	}
	ALLOC_GROW(t->lines, t->n + 1, t->alloc);
	l = &t->lines[t->n++];
	memset(l, 0, sizeof(*l));
	l->key = xstrdup(key);
	l->key2 = key2 ? xstrdup(key2) : NULL;
	snprintf(l->platform, sizeof(l->platform), "%s", platform);
	return l;
}

static void table_release(struct report_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->lines[i].key);
		free(t->lines[i].key2);
	}
	free(t->lines);
	memset(t, 0, sizeof(*t));
}

/*
 * The --plan file: its campaign (a store campaign of the same name, or
 * PLAN_FILE_CAMPAIGN when the store has none) and its cells, which
 * claim the rows and events no ad of the id map claims.
 */
#define PLAN_FILE_CAMPAIGN (-1)

struct plan_src {
	char *path, *text; /* owned */
	size_t len;
	int64_t campaign;
	struct store_campaign camp; /* name, client, currency, dates */
	char *slug;                 /* owned; ads_slug() of the name */
	char **cell;                /* owned; persona, channel, platform */
	size_t n_cells;
};

struct builder {
	struct report *r;
	struct store_campaign *camps; /* the plan file's may be added */
	size_t n_camps;
	char **slugs; /* per campaign, ads_slug() of its name */
	size_t alloc_camps;
	size_t alloc;              /* of r->groups */
	int64_t filter;            /* --campaign's id; 0 every campaign */
	const struct plan_src *pf; /* NULL without --plan */
};

static const struct store_campaign *camp_of(const struct builder *b, int64_t id)
{
	for (size_t i = 0; i < b->n_camps; i++)
		if (b->camps[i].id == id)
			return &b->camps[i];
	return NULL;
}

/* the group of (campaign, currency); currency NULL: the campaign's own */
static struct report_group *group_of(struct builder *b, int64_t campaign,
				     const char *currency)
{
	struct report *r = b->r;
	const struct store_campaign *c = camp_of(b, campaign);
	struct report_group *g;

	if (!currency && c) {
		currency = c->currency;
	} else if (!currency) {
		/* no campaign: the first currency seen, else none */
		for (size_t i = 0; i < r->n_groups; i++)
			if (r->groups[i].campaign_id == campaign)
				return &r->groups[i];
		currency = "XXX";
	}
	for (size_t i = 0; i < r->n_groups; i++)
		if (r->groups[i].campaign_id == campaign &&
		    strcmp(r->groups[i].currency, currency) == 0)
			return &r->groups[i];
	ALLOC_GROW(r->groups, r->n_groups + 1, b->alloc);
	g = &r->groups[r->n_groups++];
	memset(g, 0, sizeof(*g));
	g->campaign_id = campaign;
	g->campaign = xstrdup(c ? c->name : "(no campaign)");
	g->client = c && c->client ? xstrdup(c->client) : NULL;
	snprintf(g->currency, sizeof(g->currency), "%s", currency);
	g->digits = money_digits(g->currency);
	if (c) {
		memcpy(g->start, c->start, sizeof(g->start));
		memcpy(g->end, c->end, sizeof(g->end));
	}
	g->value_per_hire = -1;
	return g;
}

static void note_day(struct report_group *g, const char *day)
{
	if (strlen(day) != 10)
		return;
	if (!g->first[0] || strcmp(day, g->first) < 0)
		memcpy(g->first, day, 11);
	if (!g->last[0] || strcmp(day, g->last) > 0)
		memcpy(g->last, day, 11);
}

/* add f to the group's total (unless by-ad) and its tables */
static void group_add(struct report_group *g, enum store_grain grain,
		      const char *platform, const char *persona,
		      const char *channel, const char *key,
		      const struct report_figs *f)
{
	if (grain == STORE_GRAIN_AD) {
		figs_add(&line_of(&g->by[REPORT_BY_AD], or_none(key), NULL,
				  platform)
				  ->f,
			 f);
		return;
	}
	figs_add(&g->total, f);
	figs_add(&line_of(&g->by[REPORT_BY_PLATFORM], or_none(platform), NULL,
			  platform)
			  ->f,
		 f);
	figs_add(&line_of(&g->by[REPORT_BY_CHANNEL], or_none(channel), NULL,
			  platform)
			  ->f,
		 f);
	figs_add(&line_of(&g->by[REPORT_BY_PERSONA], or_none(persona), NULL,
			  platform)
			  ->f,
		 f);
	figs_add(&line_of(&g->by[REPORT_BY_DAY], key, NULL, platform)->f, f);
	figs_add(&line_of(&g->cells, or_none(persona), or_none(channel),
			  platform)
			  ->f,
		 f);
	note_day(g, key);
}

/*
 * A string -> index hash (open addressing, FNV-1a), for the scan: ads
 * by platform, account and id, interned keys (days, ads), and buckets.
 */
struct smap {
	char **keys; /* owned */
	size_t *vals;
	size_t cap, n;
};

static uint64_t fnv(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* the slot of key: its own, or the empty one where it goes */
static size_t smap_slot(const struct smap *m, const char *key, size_t len)
{
	size_t i = (size_t)fnv(key, len) & (m->cap - 1);

	while (m->keys[i] &&
	       (strncmp(m->keys[i], key, len) != 0 || m->keys[i][len] != '\0'))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void smap_grow(struct smap *m)
{
	struct smap old = *m;

	m->cap = old.cap ? old.cap * 2 : 256;
	m->keys = xcalloc(m->cap, sizeof(*m->keys));
	m->vals = xcalloc(m->cap, sizeof(*m->vals));
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i]) {
			size_t j =
				smap_slot(m, old.keys[i], strlen(old.keys[i]));

			m->keys[j] = old.keys[i];
			m->vals[j] = old.vals[i];
		}
	free(old.keys);
	free(old.vals);
}

/* the value of key, or SIZE_MAX */
static size_t smap_get(const struct smap *m, const char *key, size_t len)
{
	size_t i;

	if (!m->cap)
		return SIZE_MAX;
	i = smap_slot(m, key, len);
	return m->keys[i] ? m->vals[i] : SIZE_MAX;
}

static void smap_put(struct smap *m, const char *key, size_t len, size_t v)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap)
		smap_grow(m);
	i = smap_slot(m, key, len);
	if (!m->keys[i]) {
		m->keys[i] = xstrndup(key, len);
		m->n++;
	}
	m->vals[i] = v;
}

static void smap_release(struct smap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* a uint64_t -> index hash for the buckets; key 0 is never used */
struct umap {
	uint64_t *keys;
	size_t *vals;
	size_t cap, n;
};

static size_t umap_slot(const struct umap *m, uint64_t key)
{
	size_t i = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 20) & (m->cap - 1);

	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static size_t umap_get(const struct umap *m, uint64_t key)
{
	size_t i;

	if (!m->cap)
		return SIZE_MAX;
	i = umap_slot(m, key);
	return m->keys[i] ? m->vals[i] : SIZE_MAX;
}

static void umap_put(struct umap *m, uint64_t key, size_t v)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap) {
		struct umap old = *m;

		m->cap = old.cap ? old.cap * 2 : 256;
		m->keys = xcalloc(m->cap, sizeof(*m->keys));
		m->vals = xcalloc(m->cap, sizeof(*m->vals));
		for (size_t j = 0; j < old.cap; j++)
			if (old.keys[j]) {
				size_t k = umap_slot(m, old.keys[j]);

				m->keys[k] = old.keys[j];
				m->vals[k] = old.vals[j];
			}
		free(old.keys);
		free(old.vals);
	}
	i = umap_slot(m, key);
	if (!m->keys[i])
		m->n++;
	m->keys[i] = key;
	m->vals[i] = v;
}

/* where a slot's rows go: a campaign, platform and plan cell */
struct slot {
	int64_t campaign;
	const char *platform, *persona, *channel; /* borrowed */
};

/* a sum of rows of one slot, currency and day or ad */
struct bucket {
	size_t slot;
	bool ad; /* an ad's bucket, else a day's */
	char currency[4];
	const char *key; /* borrowed from the key map */
	struct report_figs f;
};

struct scan {
	struct builder *b;
	int64_t campaign; /* the filter; 0 none */
	bool by_ad;
	struct store_report_ad *ads;
	size_t n_ads;
	struct smap ad_map; /* "platform\x1faccount\x1fid" -> ad */
	size_t *ad_slot;    /* per ad */
	struct slot *slots; /* the ads' slots, then one per platform */
	size_t n_slots, alloc_slots;
	struct smap key_map; /* day or ad text -> index into keys */
	char **keys;         /* borrowed from key_map */
	size_t n_keys, alloc_keys;
	struct umap bucket_map; /* slot, currency, key, grain -> bucket */
	struct bucket *buckets;
	size_t n_buckets, alloc_buckets;
	struct strbuf tmp;
};

static size_t slot_of(struct scan *sc, int64_t campaign, const char *platform,
		      const char *persona, const char *channel)
{
	struct slot *sl;

	for (size_t i = 0; i < sc->n_slots; i++) {
		sl = &sc->slots[i];
		if (sl->campaign == campaign &&
		    strcmp(sl->platform, platform) == 0 &&
		    strcmp(sl->persona, persona) == 0 &&
		    strcmp(sl->channel, channel) == 0)
			return i;
	}
	ALLOC_GROW(sc->slots, sc->n_slots + 1, sc->alloc_slots);
	sl = &sc->slots[sc->n_slots];
	sl->campaign = campaign;
	sl->platform = platform;
	sl->persona = persona;
	sl->channel = channel;
	return sc->n_slots++;
}

/* the index of key among the interned strings, added when new */
static size_t intern_id(struct scan *sc, const char *key)
{
	size_t len = strlen(key), i = smap_get(&sc->key_map, key, len);

	if (i == SIZE_MAX) {
		smap_put(&sc->key_map, key, len, sc->n_keys);
		ALLOC_GROW(sc->keys, sc->n_keys + 1, sc->alloc_keys);
		i = sc->n_keys++;
		/* the map owns the copy; find it again for a stable pointer */
		sc->keys[i] =
			sc->key_map.keys[smap_slot(&sc->key_map, key, len)];
	}
	return i;
}

static const char *intern(struct scan *sc, const char *key)
{
	size_t i = intern_id(sc, key); /* before reading sc->keys: it moves */

	return sc->keys[i];
}

static void fact_add(struct report_figs *a, const struct store_report_fact *f)
{
	a->rows++;
	a->spend += f->spend;
	a->impressions += f->impressions;
	a->clicks += f->clicks;
	a->reach += f->reach > 0 ? f->reach : 0;
	a->link_clicks += f->link_clicks > 0 ? f->link_clicks : 0;
	if (f->applications >= 0) {
		a->platform_apps += f->applications;
		a->platform_apps_rows++;
	}
}

/* add f to the bucket of (slot, currency, key) of a grain */
static void bucket_add(struct scan *sc, size_t slot, bool ad, size_t key,
		       const struct store_report_fact *f)
{
	size_t cur = intern_id(sc, f->currency), bi;
	/* 20 bits of slot, 10 of currency, 32 of key, 1 of grain; + 1 */
	uint64_t k = (((uint64_t)slot << 43) | ((uint64_t)cur << 33) |
		      ((uint64_t)key << 1) | ad) +
		     1;

	bi = umap_get(&sc->bucket_map, k);
	if (bi == SIZE_MAX) {
		struct bucket *bk;

		ALLOC_GROW(sc->buckets, sc->n_buckets + 1, sc->alloc_buckets);
		bk = &sc->buckets[sc->n_buckets];
		memset(bk, 0, sizeof(*bk));
		bk->slot = slot;
		bk->ad = ad;
		snprintf(bk->currency, sizeof(bk->currency), "%s", f->currency);
		bk->key = sc->keys[key];
		bi = sc->n_buckets++;
		umap_put(&sc->bucket_map, k, bi);
	}
	fact_add(&sc->buckets[bi].f, f);
}

/*
 * "REF / persona / channel": the last two parts of an ad name made by
 * jobmix ads, when both are ids; 0, or -1 for another name
 */
static int cell_of_text(const char *s, const char *sep, struct strbuf *persona,
			struct strbuf *channel)
{
	size_t seplen = strlen(sep), len = strlen(s), a, b;
	const char *last = NULL, *prev = NULL;

	for (const char *p = strstr(s, sep); p; p = strstr(p + 1, sep)) {
		prev = last;
		last = p;
	}
	if (!last)
		return -1;
	if (!prev)
		prev = s - seplen; /* "persona.channel": the whole text */
	a = (size_t)(last - (prev + seplen));
	b = len - (size_t)(last + seplen - s);
	strbuf_reset(persona);
	strbuf_reset(channel);
	strbuf_add(persona, prev + seplen, a);
	strbuf_add(channel, last + seplen, b);
	if (!a || !b || strspn(persona->buf, ID_CHARS) != a ||
	    strspn(channel->buf, ID_CHARS) != b)
		return -1;
	return 0;
}

/* does the plan file have a cell (persona, channel) on platform? */
static bool plan_src_has(const struct plan_src *pf, const char *platform,
			 const char *persona, const char *channel)
{
	for (size_t i = 0; pf && i < pf->n_cells; i++)
		if (strcmp(pf->cell[3 * i], persona) == 0 &&
		    strcmp(pf->cell[3 * i + 1], channel) == 0 &&
		    (!platform || strcmp(pf->cell[3 * i + 2], platform) == 0))
			return true;
	return false;
}

/*
 * A row no ad of the id map claims: its cell from the ad's name, and
 * the --plan file's campaign when that cell is one of the plan's
 */
static size_t orphan_slot(struct scan *sc, const struct store_report_fact *f)
{
	struct strbuf persona = STRBUF_INIT, channel = STRBUF_INIT;
	int64_t campaign = 0;
	size_t slot;

	strbuf_addstr(&persona, ""); /* a buffer, even when it stays empty */
	strbuf_addstr(&channel, "");
	if (cell_of_text(f->ad_name, " / ", &persona, &channel)) {
		strbuf_reset(&persona);
		strbuf_reset(&channel);
	} else if (plan_src_has(sc->b->pf, f->platform, persona.buf,
				channel.buf)) {
		campaign = sc->b->pf->campaign;
	}
	slot = slot_of(sc, campaign, intern(sc, f->platform),
		       intern(sc, persona.buf), intern(sc, channel.buf));
	strbuf_release(&persona);
	strbuf_release(&channel);
	return slot;
}

/* one metric row into its day's bucket, and its ad's with by_ad */
static int scan_row(void *ctx, const struct store_report_fact *f)
{
	struct scan *sc = ctx;
	struct strbuf *t = &sc->tmp;
	size_t ad, slot;

	strbuf_reset(t);
	strbuf_addstr(t, f->platform);
	strbuf_addch(t, '\x1f');
	strbuf_addstr(t, f->account_id);
	strbuf_addch(t, '\x1f');
	strbuf_addstr(t, f->ad_id);
	ad = smap_get(&sc->ad_map, t->buf, t->len);
	if (ad != SIZE_MAX && sc->slots[sc->ad_slot[ad]].campaign != 0)
		slot = sc->ad_slot[ad];
	else
		slot = orphan_slot(sc, f);
	if (sc->campaign && sc->slots[slot].campaign != sc->campaign)
		return 0;
	bucket_add(sc, slot, false, intern_id(sc, f->day), f);
	if (sc->by_ad)
		bucket_add(sc, slot, true,
			   intern_id(sc, ad != SIZE_MAX ? sc->ads[ad].local_key
							: f->ad_id),
			   f);
	return 0;
}

static void scan_release(struct scan *sc)
{
	store_report_ads_free(sc->ads, sc->n_ads);
	smap_release(&sc->ad_map);
	smap_release(&sc->key_map);
	free(sc->bucket_map.keys);
	free(sc->bucket_map.vals);
	free(sc->ad_slot);
	free(sc->slots);
	free(sc->keys);
	free(sc->buckets);
	strbuf_release(&sc->tmp);
}

/* the ads and their slots, keyed for the scan */
static int scan_init(struct scan *sc, struct store *s)
{
	if (store_report_ads(s, &sc->ads, &sc->n_ads))
		return -1;
	sc->ad_slot = xcalloc(sc->n_ads ? sc->n_ads : 1, sizeof(size_t));
	for (size_t i = 0; i < sc->n_ads; i++) {
		const struct store_report_ad *a = &sc->ads[i];

		strbuf_reset(&sc->tmp);
		strbuf_addf(&sc->tmp, "%s\x1f%s\x1f%s", a->platform,
			    a->account_id, a->remote_id);
		smap_put(&sc->ad_map, sc->tmp.buf, sc->tmp.len, i);
		sc->ad_slot[i] = slot_of(sc, a->campaign, a->platform,
					 a->persona, a->channel);
	}
	return 0;
}

/* the metric rows, per day and (with ads) per ad, in one scan */
static int add_metrics(struct builder *b, struct store *s,
		       const struct store_report_query *q, bool ads)
{
	struct scan sc = { .b = b, .campaign = q->campaign, .by_ad = ads };
	int rc;

	strbuf_init(&sc.tmp);
	rc = scan_init(&sc, s) || store_report_scan(s, q, scan_row, &sc);
	for (size_t i = 0; !rc && i < sc.n_buckets; i++) {
		const struct bucket *bk = &sc.buckets[i];
		const struct slot *sl = &sc.slots[bk->slot];

		group_add(group_of(b, sl->campaign, bk->currency),
			  bk->ad ? STORE_GRAIN_AD : STORE_GRAIN_DAY,
			  sl->platform, sl->persona, sl->channel, bk->key,
			  &bk->f);
	}
	scan_release(&sc);
	return rc ? -1 : 0;
}

/*
 * utm_content as push writes it: two ids with one other character
 * between them ("installers.meta_feed"); 0, or -1 for anything else
 */
static int cell_of_utm(const char *s, struct strbuf *persona,
		       struct strbuf *channel)
{
	size_t a = strspn(s, ID_CHARS), b;

	if (!a || !s[a])
		return -1;
	b = strspn(s + a + 1, ID_CHARS);
	if (!b || s[a + 1 + b])
		return -1;
	strbuf_reset(persona);
	strbuf_reset(channel);
	strbuf_add(persona, s, a);
	strbuf_addstr(channel, s + a + 1);
	return 0;
}

/* utm_source as a platform: meta (facebook, fb, instagram, ig too), ... */
static void normalize_platform(char *p)
{
	static const char *const meta[] = { "meta", "facebook", "fb",
					    "instagram", "ig" };

	for (size_t i = 0; i < ARRAY_SIZE(meta); i++)
		if (strcmp(p, meta[i]) == 0) {
			strcpy(p, "meta");
			return;
		}
	if (strcmp(p, "linkedin") != 0 && strcmp(p, "tiktok") != 0)
		p[0] = '\0';
}

/* the campaign whose name or slug utm_campaign is; 0 none */
static int64_t campaign_of_utm(const struct builder *b, const char *utm)
{
	if (!utm || !*utm)
		return 0;
	for (size_t i = 0; i < b->n_camps; i++)
		if (strcmp(b->camps[i].name, utm) == 0 ||
		    strcmp(b->slugs[i], utm) == 0)
			return b->camps[i].id;
	return 0;
}

static int add_events(struct builder *b, struct store *s,
		      const struct store_report_query *q,
		      enum store_grain grain)
{
	struct strbuf persona = STRBUF_INIT, channel = STRBUF_INIT;
	struct store_report_event *ev;
	size_t n;

	if (store_report_events(s, q, grain, &ev, &n))
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct store_report_event *e = &ev[i];
		struct report_figs f = { 0 };

		if (e->campaign == 0) {
			/* no ad claims it: utm_campaign, then utm_content */
			e->campaign = campaign_of_utm(b, e->utm_campaign);
			normalize_platform(e->platform);
			if (e->utm_content &&
			    cell_of_utm(e->utm_content, &persona, &channel) ==
				    0) {
				free(e->persona);
				free(e->channel);
				e->persona = xstrdup(persona.buf);
				e->channel = xstrdup(channel.buf);
			}
		}
		if (b->filter && e->campaign != b->filter)
			continue;
		f.apps = e->applications;
		f.hires = e->hires;
		group_add(group_of(b, e->campaign, NULL), grain, e->platform,
			  e->persona, e->channel, e->key, &f);
	}
	store_report_events_free(ev, n);
	strbuf_release(&persona);
	strbuf_release(&channel);
	return 0;
}

/* days since 1970-01-01 of "YYYY-MM-DD"; 0 and *ok false when bad */
static long day_number(const char *s, bool *ok)
{
	long day = date_day(s);

	if (day < 0) {
		*ok = false;
		return 0;
	}
	return day;
}

static double num_or(const struct json_value *v, double dflt)
{
	return v && json_type(v) == JSON_NUMBER ? json_num(v) : dflt;
}

static const char *str_or(const struct json_value *v, const char *dflt)
{
	const char *s = v ? json_str(v) : NULL;

	return s ? s : dflt;
}

/* a channel's flight from the plan's channels[]: its start and days */
static void channel_flight(const struct json_value *root, const char *id,
			   const char **start, int *days)
{
	const struct json_value *chs = json_get(root, "channels");
	const struct json_value *camp = json_get(root, "campaign");

	*start = str_or(json_get(camp, "start"), "");
	*days = (int)num_or(json_get(camp, "days"), 0);
	for (size_t i = 0; i < json_count(chs); i++) {
		const struct json_value *ch = json_item(chs, i);

		if (strcmp(str_or(json_get(ch, "id"), ""), id) == 0) {
			*start = str_or(json_get(ch, "start"), *start);
			*days = (int)num_or(json_get(ch, "days"), *days);
		}
	}
}

static const struct report_figs *cell_actual(const struct report_group *g,
					     const char *persona,
					     const char *channel)
{
	for (size_t i = 0; i < g->cells.n; i++)
		if (strcmp(g->cells.lines[i].key, persona) == 0 &&
		    strcmp(g->cells.lines[i].key2, channel) == 0)
			return &g->cells.lines[i].f;
	return NULL;
}

/* the plan's cells, paced to as_of */
static void plan_cells(struct report_plan *p, const struct json_value *root,
		       const struct report_group *g)
{
	const struct json_value *cells = json_get(root, "cells");
	bool ok = true;
	long asof = day_number(p->as_of, &ok);

	p->n_cells = json_count(cells);
	p->cells = xcalloc(p->n_cells ? p->n_cells : 1, sizeof(*p->cells));
	for (size_t i = 0; i < p->n_cells; i++) {
		const struct json_value *c = json_item(cells, i);
		struct report_cell_plan *pc = &p->cells[i];
		const struct report_figs *act;
		const char *start;
		long elapsed;

		pc->persona = xstrdup(str_or(json_get(c, "persona"), ""));
		pc->channel = xstrdup(str_or(json_get(c, "channel"), ""));
		pc->platform = xstrdup(str_or(json_get(c, "platform"), ""));
		pc->spend = (int64_t)num_or(json_get(c, "spend"), 0);
		pc->apps = num_or(json_get(c, "applications"), 0);
		channel_flight(root, pc->channel, &start, &pc->days);
		ok = true;
		elapsed = asof - day_number(start, &ok) + 1;
		if (!ok || !p->as_of[0])
			elapsed = 0;
		pc->elapsed = elapsed < 0          ? 0
			      : elapsed > pc->days ? pc->days
						   : (int)elapsed;
		if (pc->days > 0) {
			pc->planned_to_date =
				(pc->spend * pc->elapsed + pc->days / 2) /
				pc->days;
			pc->apps_to_date = pc->apps * pc->elapsed / pc->days;
		}
		act = cell_actual(g, pc->persona, pc->channel);
		if (act)
			pc->actual = *act;
		p->planned_to_date += pc->planned_to_date;
		p->spent_to_date += pc->actual.spend;
		p->apps_to_date += pc->apps_to_date;
	}
}

/*
 * The observed return: the least-squares slope of the days'
 * applications on their spend, per 1000 major units; NAN with fewer
 * than 7 days or spend that never changes.
 */
static void observed_marginal(struct report_plan *p,
			      const struct report_group *g)
{
	const struct report_table *t = &g->by[REPORT_BY_DAY];
	double sx = 0, sy = 0, sxx = 0, sxy = 0, n = (double)t->n, d;

	p->marginal_obs = NAN;
	p->marginal_obs_days = (int)t->n;
	if (t->n < 7)
		return;
	for (size_t i = 0; i < t->n; i++) {
		double x = money_to_major(t->lines[i].f.spend, g->digits);
		double y = (double)t->lines[i].f.apps;

		sx += x;
		sy += y;
		sxx += x * x;
		sxy += x * y;
	}
	d = n * sxx - sx * sx;
	if (d > 1e-9 * n * sxx)
		p->marginal_obs = 1000.0 * (n * sxy - sx * sy) / d;
}

/* read the plan JSON text into g->plan; -1 after a message */
static int plan_read(struct report_group *g, const char *source,
		     const char *text, size_t len, const char *to)
{
	struct diag d;
	struct json_value *root;
	struct report_plan *p;
	const struct json_value *tot, *marg;
	double per;

	diag_init(&d, source);
	if (json_parse(text, len, &d, &root)) {
		diag_finish(&d);
		return -1;
	}
	diag_finish(&d);
	if (!json_get(root, "jobmix_plan") || !json_get(root, "cells")) {
		errorf("%s: not a jobmix plan (no jobmix_plan and cells)",
		       source);
		json_free(root);
		return -1;
	}
	if (strcmp(str_or(json_get(root, "currency"), ""), g->currency) != 0) {
		/* the campaign's rows in another currency: no plan to pace */
		json_free(root);
		return 0;
	}
	p = g->plan = xcalloc(1, sizeof(*p));
	p->source = xstrdup(source);
	snprintf(p->objective, sizeof(p->objective), "%s",
		 str_or(json_get(root, "objective"), ""));
	p->budget = (int64_t)num_or(json_get(root, "budget"), 0);
	tot = json_get(root, "totals");
	p->spend = (int64_t)num_or(json_get(tot, "spend"), 0);
	p->apps = num_or(json_get(tot, "applications"), 0);
	p->hires = num_or(json_get(tot, "hires"), 0);
	marg = json_get(root, "marginal");
	per = num_or(json_get(marg, "per"), 0);
	p->marginal = per > 0 ? num_or(json_get(marg, "objective"), NAN) *
					(double)money_scale(g->digits) *
					1000.0 / per
			      : NAN;
	/* to date: the report's end, else the last day with data */
	snprintf(p->as_of, sizeof(p->as_of), "%s", to && *to ? to : g->last);
	if (g->end[0] && p->as_of[0] && strcmp(p->as_of, g->end) > 0)
		memcpy(p->as_of, g->end, sizeof(p->as_of));
	if (g->value_per_hire < 0 && p->hires > 0) {
		/* totals.value = value per hire x hires - spend - screening */
		double v = num_or(json_get(tot, "value"), NAN) +
			   (double)p->spend +
			   num_or(json_get(tot, "screening_cost"), 0);

		if (isfinite(v) && v > 0)
			g->value_per_hire = (int64_t)llround(v / p->hires);
	}
	plan_cells(p, root, g);
	observed_marginal(p, g);
	json_free(root);
	return 0;
}

static void report_plan_release(struct report_plan *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n_cells; i++) {
		free(p->cells[i].persona);
		free(p->cells[i].channel);
		free(p->cells[i].platform);
	}
	free(p->cells);
	free(p->source);
	free(p);
}

int64_t report_div(int64_t money, int64_t n)
{
	if (n <= 0)
		return -1;
	return (money + n / 2) / n;
}

int64_t report_cpm(const struct report_figs *f)
{
	if (f->impressions <= 0)
		return -1;
	/* spend * 1000 fits: spend is below MONEY_MAX (10^14) in practice */
	return (f->spend * 1000 + f->impressions / 2) / f->impressions;
}

double report_ctr(const struct report_figs *f)
{
	return f->impressions > 0 ? (double)f->clicks / (double)f->impressions
				  : NAN;
}

int64_t report_value(const struct report_group *g, const struct report_figs *f)
{
	return g->value_per_hire < 0 ? -1 : g->value_per_hire * f->hires;
}

double report_roi(const struct report_group *g, const struct report_figs *f)
{
	int64_t v = report_value(g, f);

	if (v < 0 || f->spend <= 0)
		return NAN;
	return (double)(v - f->spend) / (double)f->spend;
}

static int rank_cmp(const void *a, const void *b)
{
	const struct report_rank *x = a, *y = b;

	if (x->ranked != y->ranked)
		return x->ranked ? -1 : 1;
	if (x->ranked && x->cpa != y->cpa)
		return x->cpa < y->cpa ? -1 : 1;
	return strcmp(x->line->key, y->line->key);
}

size_t report_rank(const struct report_table *t, struct report_rank *out)
{
	size_t ranked = 0;

	for (size_t i = 0; i < t->n; i++) {
		const struct report_figs *f = &t->lines[i].f;
		double a = (double)f->apps, half = 1.96 * sqrt(a);

		out[i] = (struct report_rank){ .line = &t->lines[i] };
		out[i].cpa = report_div(f->spend, f->apps);
		out[i].cpa_lo = out[i].cpa_hi = -1;
		if (f->apps < REPORT_RANK_MIN || f->spend <= 0)
			continue;
		out[i].ranked = true;
		out[i].cpa_lo = (int64_t)llround((double)f->spend / (a + half));
		out[i].cpa_hi = (int64_t)llround((double)f->spend / (a - half));
		ranked++;
	}
	if (t->n)
		qsort(out, t->n, sizeof(*out), rank_cmp);
	for (size_t i = 0; i + 1 < ranked; i++)
		out[i].clear = out[i].cpa_hi < out[i + 1].cpa_lo;
	return ranked;
}

static int line_cmp(const void *a, const void *b)
{
	const struct report_line *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c || !x->key2)
		return c;
	return strcmp(x->key2, y->key2);
}

static void sort_group(struct report_group *g)
{
	for (int i = 0; i < REPORT_N_BY; i++)
		if (g->by[i].n)
			qsort(g->by[i].lines, g->by[i].n,
			      sizeof(struct report_line), line_cmp);
	if (g->cells.n)
		qsort(g->cells.lines, g->cells.n, sizeof(struct report_line),
		      line_cmp);
}

/* campaigns by id, rows no campaign claims last; then by currency */
static int group_cmp(const void *a, const void *b)
{
	const struct report_group *x = a, *y = b;

	if (x->campaign_id != y->campaign_id) {
		if (!x->campaign_id || !y->campaign_id)
			return x->campaign_id ? -1 : 1;
		return x->campaign_id < y->campaign_id ? -1 : 1;
	}
	return strcmp(x->currency, y->currency);
}

/* each group's plan: the store's, else the --plan file's */
static int add_plans(struct report *r, struct store *s,
		     const struct plan_src *pf)
{
	struct strbuf body = STRBUF_INIT;
	int rc = 0;

	for (size_t i = 0; !rc && i < r->n_groups; i++) {
		struct report_group *g = &r->groups[i];
		int found = 0;
		bool bad;

		if (g->campaign_id == 0 || strcmp(g->currency, "XXX") == 0)
			continue;
		strbuf_reset(&body);
		found = store_report_plan(s, g->campaign_id, &body);
		if (found < 0) {
			rc = JM_IOERR;
			break;
		}
		bad = found && plan_read(g, "store", body.buf, body.len, r->to);
		if (found && !bad)
			continue;
		/* no plan in the store, or one that cannot be read: the file */
		if (pf && pf->campaign == g->campaign_id)
			rc = plan_read(g, pf->path, pf->text, pf->len, r->to)
				     ? JM_DATAERR
				     : 0;
		else if (bad)
			warnf("campaign %lld: the store's plan cannot be read; "
			      "the report goes on without plan versus actual",
			      (long long)g->campaign_id);
	}
	strbuf_release(&body);
	return rc;
}

/* the cells and campaign of a parsed plan file */
static void plan_src_fill(struct plan_src *pf, const struct json_value *root)
{
	const struct json_value *camp = json_get(root, "campaign");
	const struct json_value *cells = json_get(root, "cells");
	const char *client = str_or(json_get(camp, "client"), NULL);
	struct strbuf slug = STRBUF_INIT;

	pf->camp.id = PLAN_FILE_CAMPAIGN;
	pf->camp.name = xstrdup(str_or(json_get(camp, "name"), ""));
	pf->camp.client = client ? xstrdup(client) : NULL;
	snprintf(pf->camp.currency, sizeof(pf->camp.currency), "%s",
		 str_or(json_get(root, "currency"), "XXX"));
	snprintf(pf->camp.start, sizeof(pf->camp.start), "%s",
		 str_or(json_get(camp, "start"), ""));
	snprintf(pf->camp.end, sizeof(pf->camp.end), "%s",
		 str_or(json_get(camp, "end"), ""));
	ads_slug(&slug, pf->camp.name);
	pf->slug = strbuf_detach(&slug);
	pf->n_cells = json_count(cells);
	pf->cell = xcalloc(3 * pf->n_cells + 1, sizeof(char *));
	for (size_t i = 0; i < pf->n_cells; i++) {
		const struct json_value *c = json_item(cells, i);

		pf->cell[3 * i] = xstrdup(str_or(json_get(c, "persona"), ""));
		pf->cell[3 * i + 1] =
			xstrdup(str_or(json_get(c, "channel"), ""));
		pf->cell[3 * i + 2] =
			xstrdup(str_or(json_get(c, "platform"), ""));
	}
}

/* read and parse --plan; 0 or an exit status after a message */
static int plan_src_load(struct plan_src *pf, const char *path)
{
	struct strbuf file = STRBUF_INIT;
	struct json_value *root = NULL;
	struct diag d;
	int rc;

	memset(pf, 0, sizeof(*pf));
	pf->path = xstrdup(path);
	diag_init(&d, path);
	rc = read_input(path, &file, &d);
	if (!rc && json_parse(file.buf, file.len, &d, &root) == 0 &&
	    (!json_get(root, "jobmix_plan") || !json_get(root, "cells")))
		diag_line(&d, 0,
			  "not a jobmix plan (no jobmix_plan and "
			  "cells)");
	diag_finish(&d);
	if (d.n_errors || rc) {
		json_free(root);
		strbuf_release(&file);
		return d.status ? d.status : JM_DATAERR;
	}
	plan_src_fill(pf, root);
	json_free(root);
	pf->len = file.len;
	pf->text = strbuf_detach(&file);
	return 0;
}

static void plan_src_release(struct plan_src *pf)
{
	for (size_t i = 0; i < 3 * pf->n_cells; i++)
		free(pf->cell[i]);
	free(pf->cell);
	free(pf->slug);
	free(pf->path);
	free(pf->text);
	free(pf->camp.name);
	free(pf->camp.client);
}

/*
 * The campaigns to report and their slugs; the plan file's campaign
 * joins them when the store has none of its name. 0 or an exit status.
 */
static int campaigns(struct builder *b, struct store *s,
		     const struct report_options *o, struct plan_src *pf)
{
	struct store_campaign *all;
	size_t n_all;

	if (store_report_campaigns(s, o->campaign, &b->camps, &b->n_camps) ||
	    store_report_campaigns(s, NULL, &all, &n_all))
		return JM_IOERR;
	b->alloc_camps = b->n_camps;
	if (b->pf) {
		for (size_t i = 0; i < n_all; i++)
			if (strcmp(all[i].name, pf->camp.name) == 0)
				pf->campaign = all[i].id;
		if (pf->campaign == 0 &&
		    (!o->campaign || strcmp(o->campaign, pf->camp.name) == 0)) {
			pf->campaign = PLAN_FILE_CAMPAIGN;
			ALLOC_GROW(b->camps, b->n_camps + 1, b->alloc_camps);
			b->camps[b->n_camps] = pf->camp;
			b->camps[b->n_camps].name = xstrdup(pf->camp.name);
			b->camps[b->n_camps++].client =
				pf->camp.client ? xstrdup(pf->camp.client)
						: NULL;
		}
	}
	store_campaigns_free(all, n_all);
	b->slugs = xcalloc(b->n_camps + 1, sizeof(char *));
	for (size_t i = 0; i < b->n_camps; i++) {
		struct strbuf slug = STRBUF_INIT;

		ads_slug(&slug, b->camps[i].name);
		b->slugs[i] = strbuf_detach(&slug);
	}
	if (o->campaign && b->n_camps == 0) {
		errorf("no campaign '%s' in the store (give its id or its "
		       "name)",
		       o->campaign);
		return JM_DATAERR;
	}
	return 0;
}

static int build_for(struct builder *b, struct store *s,
		     const struct store_report_query *q, bool ads)
{
	if (add_metrics(b, s, q, ads) || add_events(b, s, q, STORE_GRAIN_DAY))
		return -1;
	if (ads && add_events(b, s, q, STORE_GRAIN_AD))
		return -1;
	return 0;
}

/* long: the steps of a report, each a call; the order is the point */
int report_build(struct store *s, const struct report_options *o,
		 struct report *out)
{
	struct store_report_query q = { 0, o->from, o->to };
	struct builder b = { .r = out };
	struct plan_src pf = { 0 };
	int rc = 0;

	memset(out, 0, sizeof(*out));
	snprintf(out->from, sizeof(out->from), "%s", o->from ? o->from : "");
	snprintf(out->to, sizeof(out->to), "%s", o->to ? o->to : "");
	out->ads = o->ads;
	if (o->plan_path) {
		rc = plan_src_load(&pf, o->plan_path);
		b.pf = rc ? NULL : &pf;
	}
	if (!rc)
		rc = campaigns(&b, s, o, &pf);
	for (size_t i = 0; i < (o->campaign ? b.n_camps : 1) && !rc; i++) {
		b.filter = q.campaign = o->campaign ? b.camps[i].id : 0;
		if (build_for(&b, s, &q, o->ads))
			rc = JM_IOERR;
	}
	/* a campaign with no rows yet is still reported, with zeros */
	for (size_t i = 0; i < b.n_camps && !rc; i++)
		group_of(&b, b.camps[i].id, NULL);
	if (out->n_groups)
		qsort(out->groups, out->n_groups, sizeof(*out->groups),
		      group_cmp);
	for (size_t i = 0; i < out->n_groups && !rc; i++) {
		struct report_group *g = &out->groups[i];
		const char *why;

		sort_group(g);
		if (o->value_per_hire &&
		    (money_parse(o->value_per_hire, g->digits,
				 &g->value_per_hire, &why) ||
		     (g->value_per_hire < 0 && (why = "below 0")))) {
			errorf("--value-per-hire: '%s' in %s: %s",
			       o->value_per_hire, g->currency, why);
			rc = JM_USAGE;
		}
	}
	if (!rc)
		rc = add_plans(out, s, b.pf);
	for (size_t i = 0; i < b.n_camps; i++)
		free(b.slugs ? b.slugs[i] : NULL);
	free(b.slugs);
	store_campaigns_free(b.camps, b.n_camps);
	if (o->plan_path)
		plan_src_release(&pf);
	return rc;
}

void report_release(struct report *r)
{
	for (size_t i = 0; i < r->n_groups; i++) {
		struct report_group *g = &r->groups[i];

		free(g->campaign);
		free(g->client);
		for (int j = 0; j < REPORT_N_BY; j++)
			table_release(&g->by[j]);
		table_release(&g->cells);
		report_plan_release(g->plan);
	}
	free(r->groups);
	memset(r, 0, sizeof(*r));
}

void report_text_money(struct strbuf *sb, const struct report_group *g,
		       int64_t minor)
{
	if (minor < 0)
		strbuf_addch(sb, '-');
	else
		money_format_currency(sb, minor, g->digits, g->currency);
}

void report_plain_money(struct strbuf *sb, const struct report_group *g,
			int64_t minor)
{
	if (minor >= 0)
		money_format(sb, minor, g->digits);
}

void report_text_count(struct strbuf *sb, int64_t n)
{
	money_format_grouped(sb, n, 0);
}

void report_text_number(struct strbuf *sb, double v, int sig)
{
	if (!isfinite(v))
		strbuf_addch(sb, '-');
	else
		explain_number(sb, v, sig);
}

void report_text_percent(struct strbuf *sb, double v)
{
	if (!isfinite(v)) {
		strbuf_addch(sb, '-');
		return;
	}
	strbuf_addf(sb, "%.2f %%", v * 100.0);
}

size_t report_bidi_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] != 0xe2)
		return 0;
	if (u[1] == 0x80 &&
	    (u[2] == 0x8e || u[2] == 0x8f || (u[2] >= 0xaa && u[2] <= 0xae)))
		return 3;
	if (u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9)
		return 3;
	return 0;
}

int64_t report_platform_apps(const struct report_figs *f)
{
	return f->platform_apps_rows > 0 ? f->platform_apps : -1;
}
