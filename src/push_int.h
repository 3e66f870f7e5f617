/*
 * push_int.h - what push.c and the platform adapters share (private).
 *
 * An adapter is a table of functions that build one platform's requests
 * with http.h, send them through push_send() and read the ids back. It
 * knows nothing of the store: push.c decides what to create or update
 * and records each id as soon as it comes back.
 */
#ifndef PUSH_INT_H
#define PUSH_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "ads.h"
#include "http.h"
#include "push.h"
#include "strbuf.h"

struct json_value;
struct store;

/*
 * One place of the ad set being created, as sent: a city by the
 * platform's id for it, or its whole country (push_geo.c).
 */
struct push_place {
	const char *country; /* ISO 3166-1 alpha-2 */
	const char *city;    /* as the plan writes it; NULL: none asked */
	char *key;           /* owned; the platform's city id; NULL: the
				whole country is targeted for this place */
	double radius_km;
};

/* a city a platform's location search answered */
struct push_geo_hit {
	char *key, *name; /* owned */
	char country[3];  /* "" when the platform does not say */
};

struct push_geo_hits {
	struct push_geo_hit *item; /* owned */
	size_t n, alloc;
};

/* one platform's push in progress */
struct push_ctx {
	enum platform platform;
	const char *name; /* "meta", "linkedin", "tiktok" */
	const struct push_adapter *ad;
	const struct push_target *t;
	struct http_client *http;
	bool dry_run;
	const char *status; /* "PAUSED" or "ACTIVE": what objects get */
	char currency[4];   /* the account's */
	int unit_digits;    /* digits of the platform's money unit */
	struct strbuf timezone;
	struct strbuf err;     /* why the last call failed, one line */
	enum reply_class cls;  /* of the last failure */
	unsigned long dry_seq; /* ids made up in a dry run */
	/* the places of the ad set being created (push_geo_resolve) */
	struct push_place *places;
	size_t n_places;
	/* the ad set's titles and skills in the platform's ids, each once
	   (push_facet_resolve) */
	struct strvec titles, skills;
};

struct push_adapter {
	const char *name;
	enum api_platform api;
	/* "ad_set" objects are "campaigns" on LinkedIn, "ad groups" ... */
	const char *set_word;
	/*
	 * The smallest daily budget of an ad set, in major units of the
	 * account's currency; 0: none checked here (the platform says).
	 */
	int min_daily;
	const char *identity_word; /* what [platform] identity names */
	bool needs_image;          /* an ad needs [platform] image */
	bool has_radius;           /* a city takes a radius */
	/* the account's currency and time zone into x */
	int (*account)(struct push_ctx *x);
	int (*campaign)(struct push_ctx *x, const struct ad_plan *ap,
			struct strbuf *id);
	int (*ad_set)(struct push_ctx *x, const struct ad_plan *ap,
		      const struct ad_set *s, int64_t daily,
		      const char *campaign_id, struct strbuf *id);
	/* NULL: the platform's ad carries its creative (TikTok) */
	int (*creative)(struct push_ctx *x, const struct ad_set *s,
			const struct ad *a, const char *set_id,
			struct strbuf *id);
	int (*ad)(struct push_ctx *x, const struct ad_set *s,
		  const struct ad *a, const char *set_id,
		  const char *creative_id, struct strbuf *id);
	int (*update_set)(struct push_ctx *x, const char *set_id, int64_t daily,
			  const char *status);
	/* the status of a campaign or an ad (kind "campaign" or "ad") */
	int (*set_status)(struct push_ctx *x, const char *kind, const char *id,
			  const char *status);
	/*
	 * The cities the platform's location search gives for city in
	 * country, into out; 0 (a dry run: none), or -1 with x->err.
	 */
	int (*search_city)(struct push_ctx *x, const char *city,
			   const char *country, struct push_geo_hits *out);
	/*
	 * The entries the platform's search of facet ("titles" or
	 * "skills") gives for text, into out (country ""); 0 (a dry run:
	 * none), or -1 with x->err. NULL: the platform gets no titles
	 * or skills (Meta and TikTok, docs/push.md).
	 */
	int (*search_facet)(struct push_ctx *x, const char *facet,
			    const char *text, struct push_geo_hits *out);
};

extern const struct push_adapter push_meta, push_linkedin, push_tiktok;

/*
 * Send one request; 0 with the reply in resp, or -1 with x->err and
 * x->cls set (the platform named, the token never). A dry run returns 0
 * with an empty reply.
 */
int push_send(struct push_ctx *x, const char *method, const char *url,
	      const struct http_header *h, size_t n_h, const char *body,
	      const char *content_type, bool idempotent,
	      struct http_response *resp);
/* the reply's body as JSON, or NULL after setting x->err */
struct json_value *push_reply_json(struct push_ctx *x,
				   const struct http_response *resp);
/* a made-up id for a dry run: "dry-run-N" */
void push_dry_id(struct push_ctx *x, struct strbuf *id);
/* fail with a message: x->err, x->cls = REPLY_CLIENT; -1 */
int push_fail(struct push_ctx *x, enum reply_class cls, const char *fmt, ...)
	ATTR_PRINTF(3, 4);
/* the countries of an ad set's places, each once, in order */
void push_countries(const struct ad_set *s, struct strlist *out);
/* the places' countries' ISO codes, for LinkedIn and TikTok geo ids */
const char *push_geo_linkedin(const char *country);
const char *push_geo_tiktok(const char *country);
/* the country's English name (as LinkedIn's search writes it), or NULL */
const char *push_country_name(const char *country);

/* push_geo.c */
void push_geo_hit_add(struct push_geo_hits *h, const char *key,
		      const char *name, const char *country);
void push_geo_hits_release(struct push_geo_hits *h);
/*
 * Resolve s's places into x->places: each city from the store's cache
 * (st may be NULL), else from the platform's search, then cached (not
 * in a dry run). What the summary should say (a city not found, a
 * radius the platform cannot take) is appended to notes. 0, -1 with
 * x->err set (the search failed), or JM_IOERR (the store).
 */
int push_geo_resolve(struct push_ctx *x, struct store *st,
		     const struct ad_set *s, struct strvec *notes);
void push_geo_release(struct push_ctx *x);
/* is country targeted whole: one of its places has no city id? */
bool push_geo_whole(const struct push_ctx *x, const char *country);
/* the countries targeted whole, each once, in the places' order */
void push_geo_countries(const struct push_ctx *x, struct strlist *out);

/* push_facet.c */
/*
 * Resolve s's job titles and skills into x->titles and x->skills: each
 * from the store's cache (st may be NULL), else from the platform's
 * search (then cached, not in a dry run). Nothing when the adapter has
 * no search_facet. One sentence for those not found, one for those a
 * dry run could not answer from the cache, appended to notes. 0, -1
 * with x->err set (the search failed), or JM_IOERR (the store).
 */
int push_facet_resolve(struct push_ctx *x, struct store *st,
		       const struct ad_set *s, struct strvec *notes);
void push_facet_release(struct push_ctx *x);

#endif
