/*
 * push_meta.c - the Meta Graph API adapter of push (ad-apis.md section
 * 1): form-encoded POSTs to act_ID/campaigns, adsets, adcreatives and
 * ads, nested values as compact JSON text, budgets in the account's
 * minor units, the new id in the reply's "id"; updates are POST /ID.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json.h"
#include "push_int.h"
#include "wrapper.h"

struct form {
	struct strbuf sb;
};

static void form_add(struct form *f, const char *key, const char *value)
{
	if (f->sb.len)
		strbuf_addch(&f->sb, '&');
	strbuf_addstr_urlencoded(&f->sb, key);
	strbuf_addch(&f->sb, '=');
	strbuf_addstr_urlencoded(&f->sb, value);
}

static void form_int(struct form *f, const char *key, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", (long long)v);
	form_add(f, key, buf);
}

static void url_of(struct push_ctx *x, const char *path, struct strbuf *url)
{
	strbuf_reset(url);
	strbuf_addf(url, "%s/%s/%s", x->t->base_url, x->t->api_version, path);
}

/* POST the form to path; the reply's "id" into id (a dry run makes one) */
static int meta_post(struct push_ctx *x, const char *path, struct form *f,
		     struct strbuf *id)
{
	struct strbuf url = STRBUF_INIT, auth = STRBUF_INIT;
	struct http_response resp;
	struct http_header h[1];
	struct json_value *v = NULL;
	int rc;

	url_of(x, path, &url);
	strbuf_addf(&auth, "Bearer %s", x->t->token ? x->t->token : "");
	h[0].name = "Authorization";
	h[0].value = auth.buf;
	http_response_init(&resp);
	rc = push_send(x, "POST", url.buf, h, 1, f->sb.buf,
		       "application/x-www-form-urlencoded", false, &resp);
	if (rc == 0 && id && x->dry_run)
		push_dry_id(x, id);
	else if (rc == 0 && id && (v = push_reply_json(x, &resp)) != NULL &&
		 json_str(json_get(v, "id"))) {
		strbuf_reset(id);
		strbuf_addstr(id, json_str(json_get(v, "id")));
	} else if (rc == 0 && id) {
		rc = push_fail(x, REPLY_SERVER, "meta: the reply has no id");
	}
	json_free(v);
	http_response_release(&resp);
	strbuf_release(&url);
	strbuf_release(&auth);
	strbuf_release(&f->sb);
	return rc;
}

static int meta_account(struct push_ctx *x)
{
	struct strbuf url = STRBUF_INIT, auth = STRBUF_INIT, path = STRBUF_INIT;
	struct http_response resp;
	struct http_header h[1];
	struct json_value *v = NULL;
	const char *cur, *tz;
	int rc;

	strbuf_addf(&path, "act_%s?fields=currency,timezone_name",
		    x->t->account_id);
	url_of(x, path.buf, &url);
	strbuf_addf(&auth, "Bearer %s", x->t->token ? x->t->token : "");
	h[0].name = "Authorization";
	h[0].value = auth.buf;
	http_response_init(&resp);
	rc = push_send(x, "GET", url.buf, h, 1, NULL, NULL, true, &resp);
	if (rc == 0 && (v = push_reply_json(x, &resp)) == NULL)
		rc = -1;
	cur = json_str(json_get(v, "currency"));
	tz = json_str(json_get(v, "timezone_name"));
	if (rc == 0 && (!cur || strlen(cur) != 3))
		rc = push_fail(x, REPLY_SERVER,
			       "meta: the ad account act_%s has no currency",
			       x->t->account_id);
	if (rc == 0) {
		memcpy(x->currency, cur, 4);
		strbuf_addstr(&x->timezone, tz ? tz : "UTC");
	}
	json_free(v);
	http_response_release(&resp);
	strbuf_release(&url);
	strbuf_release(&auth);
	strbuf_release(&path);
	return rc;
}

/*
 * A day's hh:mm:ss in the ad account's time zone, with its offset:
 * "2027-01-11T00:00:00+0100" (ad-apis.md 1.4 and 5.6: Meta reads ad set
 * times in the account's zone). The zone comes from the account's
 * timezone_name, through the system's time zone database; a name it
 * does not know reads as UTC.
 */
static void meta_time(struct push_ctx *x, const char *ymd, int h, int m, int s,
		      struct strbuf *out)
{
	const char *zone = x->timezone.len ? x->timezone.buf : "UTC";
	char *old = getenv("TZ") ? xstrdup(getenv("TZ")) : NULL;
	struct tm tm = { 0 }, local;
	char buf[64];
	time_t t;

	if (strspn(zone, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			 "0123456789_/+-") != strlen(zone))
		zone = "UTC";
	setenv("TZ", zone, 1);
	tzset();
	tm.tm_year = atoi(ymd) - 1900;
	tm.tm_mon = atoi(ymd + 5) - 1;
	tm.tm_mday = atoi(ymd + 8);
	tm.tm_hour = h;
	tm.tm_min = m;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t != (time_t)-1 && localtime_r(&t, &local) &&
	    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S%z", &local))
		strbuf_addstr(out, buf);
	else
		strbuf_addf(out, "%sT%02d:%02d:%02d+0000", ymd, h, m, s);
	if (old)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);
}

static void json_list(struct strbuf *out, const struct strlist *l)
{
	struct json_writer w;

	json_writer_init(&w, out, false);
	json_array_begin(&w);
	for (size_t i = 0; i < l->n; i++)
		json_string(&w, l->item[i]);
	json_array_end(&w);
}

static int meta_campaign(struct push_ctx *x, const struct ad_plan *ap,
			 struct strbuf *id)
{
	struct form f = { STRBUF_INIT };
	struct strbuf path = STRBUF_INIT, cats = STRBUF_INIT,
		      countries = STRBUF_INIT;
	struct strlist all = { 0 };
	int rc;

	/* every country any of the plan's Meta ad sets targets */
	all.item = xcalloc(1, sizeof(char *));
	for (size_t i = 0; i < ap->n_sets; i++) {
		struct strlist c;

		if (ap->sets[i].platform != PLATFORM_META)
			continue;
		push_countries(&ap->sets[i], &c);
		for (size_t k = 0; k < c.n; k++) {
			size_t j;

			for (j = 0; j < all.n; j++)
				if (strcmp(all.item[j], c.item[k]) == 0)
					break;
			if (j < all.n)
				continue;
			all.item = xrealloc(all.item,
					    (all.n + 1) * sizeof(char *));
			all.item[all.n++] = xstrdup(c.item[k]);
		}
		strlist_release(&c);
	}
	form_add(&f, "name", ap->campaign_name);
	form_add(&f, "objective", "OUTCOME_TRAFFIC");
	form_add(&f, "special_ad_categories", "[\"EMPLOYMENT\"]");
	json_list(&countries, &all);
	form_add(&f, "special_ad_category_country", countries.buf);
	form_add(&f, "status", x->status);
	form_add(&f, "is_adset_budget_sharing_enabled", "false");
	strbuf_addf(&path, "act_%s/campaigns", x->t->account_id);
	rc = meta_post(x, path.buf, &f, id);
	strlist_release(&all);
	strbuf_release(&path);
	strbuf_release(&cats);
	strbuf_release(&countries);
	return rc;
}

/* a city of x->places as geo_locations.cities wants it (1.5) */
static void meta_city(struct json_writer *w, const struct push_place *p)
{
	json_object_begin(w);
	json_key(w, "key");
	json_string(w, p->key);
	if (p->radius_km > 0) {
		json_key(w, "radius");
		json_number(w, p->radius_km);
		json_key(w, "distance_unit");
		json_string(w, "kilometer");
	}
	json_object_end(w);
}

/*
 * ad-apis.md 1.5 and 1.6: the countries targeted whole and the cities
 * (with their radius) of the others, all ages, no automation
 */
static void meta_targeting(struct push_ctx *x, struct strbuf *out)
{
	struct json_writer w;
	struct strlist c;
	size_t cities = 0;

	push_geo_countries(x, &c);
	json_writer_init(&w, out, false);
	json_object_begin(&w);
	json_key(&w, "geo_locations");
	json_object_begin(&w);
	if (c.n) {
		json_key(&w, "countries");
		json_array_begin(&w);
		for (size_t i = 0; i < c.n; i++)
			json_string(&w, c.item[i]);
		json_array_end(&w);
	}
	for (size_t i = 0; i < x->n_places; i++) {
		const struct push_place *p = &x->places[i];

		if (!p->key || push_geo_whole(x, p->country))
			continue;
		if (!cities++) {
			json_key(&w, "cities");
			json_array_begin(&w);
		}
		meta_city(&w, p);
	}
	if (cities)
		json_array_end(&w);
	json_object_end(&w);
	json_key(&w, "age_min");
	json_int(&w, 18);
	json_key(&w, "age_max");
	json_int(&w, 65);
	json_key(&w, "targeting_automation");
	json_object_begin(&w);
	json_key(&w, "advantage_audience");
	json_int(&w, 0);
	json_object_end(&w);
	json_object_end(&w);
	strlist_release(&c);
}

/*
 * GET /search?type=adgeolocation (ad-apis.md 1.5): the cities named
 * city in country, as data[] of {key, name, type, country_code}
 */
static int meta_search_city(struct push_ctx *x, const char *city,
			    const char *country, struct push_geo_hits *out)
{
	struct strbuf url = STRBUF_INIT, auth = STRBUF_INIT, path = STRBUF_INIT;
	struct http_response resp;
	struct http_header h[1];
	struct json_value *v = NULL;
	const struct json_value *data;
	int rc;

	strbuf_addstr(&path, "search?type=adgeolocation&q=");
	strbuf_addstr_urlencoded(&path, city);
	strbuf_addstr(&path, "&location_types=%5B%22city%22%5D&country_code=");
	strbuf_addstr_urlencoded(&path, country);
	url_of(x, path.buf, &url);
	strbuf_addf(&auth, "Bearer %s", x->t->token ? x->t->token : "");
	h[0].name = "Authorization";
	h[0].value = auth.buf;
	http_response_init(&resp);
	rc = push_send(x, "GET", url.buf, h, 1, NULL, NULL, true, &resp);
	if (rc == 0 && !x->dry_run && (v = push_reply_json(x, &resp)) == NULL)
		rc = -1;
	data = json_get(v, "data");
	for (size_t i = 0; rc == 0 && i < json_count(data); i++) {
		const struct json_value *it = json_item(data, i);
		const char *type = json_str(json_get(it, "type"));

		if (json_str(json_get(it, "key")) &&
		    (!type || strcmp(type, "city") == 0))
			push_geo_hit_add(
				out, json_str(json_get(it, "key")),
				json_str(json_get(it, "name")),
				json_str(json_get(it, "country_code")));
	}
	json_free(v);
	http_response_release(&resp);
	strbuf_release(&url);
	strbuf_release(&auth);
	strbuf_release(&path);
	return rc;
}

static int meta_ad_set(struct push_ctx *x, const struct ad_plan *ap,
		       const struct ad_set *s, int64_t daily,
		       const char *campaign_id, struct strbuf *id)
{
	struct form f = { STRBUF_INIT };
	struct strbuf path = STRBUF_INIT, tg = STRBUF_INIT, t = STRBUF_INIT;
	int rc;

	(void)ap;
	form_add(&f, "name", s->name);
	form_add(&f, "campaign_id", campaign_id);
	form_add(&f, "billing_event", "IMPRESSIONS");
	form_add(&f, "optimization_goal", "LINK_CLICKS");
	form_int(&f, "daily_budget", daily);
	form_add(&f, "status", x->status);
	meta_time(x, s->start, 0, 0, 0, &t);
	form_add(&f, "start_time", t.buf);
	strbuf_reset(&t);
	meta_time(x, s->end, 23, 59, 59, &t);
	form_add(&f, "end_time", t.buf);
	meta_targeting(x, &tg);
	form_add(&f, "targeting", tg.buf);
	strbuf_addf(&path, "act_%s/adsets", x->t->account_id);
	rc = meta_post(x, path.buf, &f, id);
	strbuf_release(&path);
	strbuf_release(&tg);
	strbuf_release(&t);
	return rc;
}

static int meta_creative(struct push_ctx *x, const struct ad_set *s,
			 const struct ad *a, const char *set_id,
			 struct strbuf *id)
{
	struct form f = { STRBUF_INIT };
	struct strbuf path = STRBUF_INIT, spec = STRBUF_INIT;
	struct json_writer w;
	int rc;

	(void)s;
	(void)set_id;
	if (!x->t->identity)
		return push_fail(x, REPLY_AUTH,
				 "meta: no Facebook page to run the ads as: "
				 "set identity in [meta]");
	json_writer_init(&w, &spec, false);
	json_object_begin(&w);
	json_key(&w, "page_id");
	json_string(&w, x->t->identity);
	json_key(&w, "link_data");
	json_object_begin(&w);
	json_key(&w, "link");
	json_string(&w, a->url);
	json_key(&w, "message");
	json_string(&w, a->text);
	json_key(&w, "name");
	json_string(&w, a->headline);
	if (a->description) {
		json_key(&w, "description");
		json_string(&w, a->description);
	}
	if (x->t->image) {
		json_key(&w, "image_hash");
		json_string(&w, x->t->image);
	}
	json_key(&w, "call_to_action");
	json_object_begin(&w);
	json_key(&w, "type");
	json_string(&w, a->cta ? a->cta : "APPLY_NOW");
	json_key(&w, "value");
	json_object_begin(&w);
	json_key(&w, "link");
	json_string(&w, a->url);
	json_object_end(&w);
	json_object_end(&w);
	json_object_end(&w);
	json_object_end(&w);
	form_add(&f, "name", a->name);
	form_add(&f, "object_story_spec", spec.buf);
	strbuf_addf(&path, "act_%s/adcreatives", x->t->account_id);
	rc = meta_post(x, path.buf, &f, id);
	strbuf_release(&path);
	strbuf_release(&spec);
	return rc;
}

static int meta_ad(struct push_ctx *x, const struct ad_set *s,
		   const struct ad *a, const char *set_id,
		   const char *creative_id, struct strbuf *id)
{
	struct form f = { STRBUF_INIT };
	struct strbuf path = STRBUF_INIT, cre = STRBUF_INIT;
	struct json_writer w;
	int rc;

	(void)s;
	json_writer_init(&w, &cre, false);
	json_object_begin(&w);
	json_key(&w, "creative_id");
	json_string(&w, creative_id);
	json_object_end(&w);
	form_add(&f, "name", a->name);
	form_add(&f, "adset_id", set_id);
	form_add(&f, "creative", cre.buf);
	form_add(&f, "status", x->status);
	strbuf_addf(&path, "act_%s/ads", x->t->account_id);
	rc = meta_post(x, path.buf, &f, id);
	strbuf_release(&path);
	strbuf_release(&cre);
	return rc;
}

static int meta_update_set(struct push_ctx *x, const char *set_id,
			   int64_t daily, const char *status)
{
	struct form f = { STRBUF_INIT };

	form_int(&f, "daily_budget", daily);
	form_add(&f, "status", status);
	return meta_post(x, set_id, &f, NULL);
}

static int meta_set_status(struct push_ctx *x, const char *kind, const char *id,
			   const char *status)
{
	struct form f = { STRBUF_INIT };

	(void)kind;
	form_add(&f, "status", status);
	return meta_post(x, id, &f, NULL);
}

const struct push_adapter push_meta = {
	.name = "meta",
	.api = API_META,
	.set_word = "ad set",
	.min_daily = 0,
	.identity_word = "the Facebook page id",
	.account = meta_account,
	.campaign = meta_campaign,
	.ad_set = meta_ad_set,
	.creative = meta_creative,
	.ad = meta_ad,
	.update_set = meta_update_set,
	.set_status = meta_set_status,
	.has_radius = true,
	.search_city = meta_search_city,
};
