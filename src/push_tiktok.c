/*
 * push_tiktok.c - the TikTok API for Business v1.3 adapter of push
 * (ad-apis.md section 3): JSON POSTs with the Access-Token header,
 * every reply in the {"code", "message", "data"} envelope; campaign ->
 * ad group -> ad; budgets are numbers in major units. The campaign is
 * created with a request_id made from the account and the campaign's
 * key, so a create repeated after a crash returns the first campaign.
 */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "money.h"
#include "push_int.h"

/* POST (or GET without body) path; data.<key> into id */
static int tt_send(struct push_ctx *x, const char *path, const char *body,
		   bool idempotent, const char *key, struct strbuf *id,
		   struct json_value **reply)
{
	struct strbuf url = STRBUF_INIT;
	struct http_response resp;
	struct http_header h[1];
	struct json_value *v = NULL;
	const struct json_value *got;
	int rc;

	strbuf_addf(&url, "%s/%s/%s", x->t->base_url, x->t->api_version, path);
	h[0].name = "Access-Token";
	h[0].value = x->t->token ? x->t->token : "";
	http_response_init(&resp);
	rc = push_send(x, body ? "POST" : "GET", url.buf, h, 1, body,
		       body ? "application/json" : NULL, idempotent, &resp);
	if (rc == 0 && x->dry_run) {
		if (id)
			push_dry_id(x, id);
	} else if (rc == 0 && (v = push_reply_json(x, &resp)) == NULL) {
		rc = -1;
	} else if (rc == 0 && id) {
		got = json_get(json_get(v, "data"), key);
		if (json_type(got) == JSON_ARRAY)
			got = json_item(got, 0);
		if (!json_str(got))
			rc = push_fail(x, REPLY_SERVER,
				       "tiktok: the reply has no data.%s", key);
		else {
			strbuf_reset(id);
			strbuf_addstr(id, json_str(got));
		}
	}
	if (reply && rc == 0)
		*reply = v;
	else
		json_free(v);
	http_response_release(&resp);
	strbuf_release(&url);
	return rc;
}

static int tt_account(struct push_ctx *x)
{
	struct strbuf path = STRBUF_INIT;
	struct json_value *v = NULL;
	const struct json_value *a;
	const char *cur;
	int rc;

	strbuf_addf(&path, "advertiser/info/?advertiser_ids=%%5B%%22%s%%22%%5D",
		    x->t->account_id);
	rc = tt_send(x, path.buf, NULL, true, NULL, NULL, &v);
	a = json_item(json_get(json_get(v, "data"), "list"), 0);
	cur = json_str(json_get(a, "currency"));
	if (rc == 0 && (!cur || strlen(cur) != 3))
		rc = push_fail(x, REPLY_AUTH,
			       "tiktok: the advertiser %s is unknown or has "
			       "no currency",
			       x->t->account_id);
	if (rc == 0) {
		const char *tz = json_str(json_get(a, "timezone"));

		memcpy(x->currency, cur, 4);
		strbuf_addstr(&x->timezone, tz ? tz : "UTC");
	}
	json_free(v);
	strbuf_release(&path);
	return rc;
}

static void advertiser(struct push_ctx *x, struct json_writer *w)
{
	json_key(w, "advertiser_id");
	json_string(w, x->t->account_id);
}

static const char *tt_status(const char *status)
{
	return strcmp(status, "ACTIVE") == 0 ? "ENABLE" : "DISABLE";
}

/* FNV-1a of the account and the campaign's key, as digits */
static void request_id(struct push_ctx *x, const char *key, char *out,
		       size_t size)
{
	unsigned long long h = 14695981039346656037ULL;
	const char *parts[] = { x->t->account_id, "/", key };

	for (size_t i = 0; i < 3; i++)
		for (const char *p = parts[i]; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	snprintf(out, size, "%llu", h % 10000000000000000000ULL);
}

static int tt_campaign(struct push_ctx *x, const struct ad_plan *ap,
		       struct strbuf *id)
{
	struct strbuf body = STRBUF_INIT;
	struct json_writer w;
	char rid[32];
	int rc;

	request_id(x, ap->campaign_key, rid, sizeof(rid));
	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	advertiser(x, &w);
	json_key(&w, "campaign_name");
	json_string(&w, ap->campaign_name);
	json_key(&w, "objective_type");
	json_string(&w, "TRAFFIC");
	json_key(&w, "budget_mode");
	json_string(&w, "BUDGET_MODE_INFINITE");
	json_key(&w, "special_industries");
	json_array_begin(&w);
	json_string(&w, "EMPLOYMENT");
	json_array_end(&w);
	json_key(&w, "operation_status");
	json_string(&w, tt_status(x->status));
	json_key(&w, "request_id");
	json_string(&w, rid);
	json_object_end(&w);
	rc = tt_send(x, "campaign/create/", body.buf, true, "campaign_id", id,
		     NULL);
	strbuf_release(&body);
	return rc;
}

static void major(struct json_writer *w, int64_t minor, int digits)
{
	json_number(w, money_to_major(minor, digits));
}

/*
 * The countries targeted whole and the cities of the others, as TikTok
 * location ids; -1 for a country with none known
 */
static int tt_locations(struct push_ctx *x, struct json_writer *w)
{
	struct strlist c;
	size_t n = 0;
	int rc = 0;

	push_geo_countries(x, &c);
	json_key(w, "location_ids");
	json_array_begin(w);
	for (size_t i = 0; i < c.n; i++) {
		const char *g = push_geo_tiktok(c.item[i]);

		if (g && ++n)
			json_string(w, g);
		else
			rc = push_fail(x, REPLY_CLIENT,
				       "tiktok: no location id is known for "
				       "the country %s",
				       c.item[i]);
	}
	for (size_t i = 0; i < x->n_places; i++)
		if (x->places[i].key &&
		    !push_geo_whole(x, x->places[i].country) && ++n)
			json_string(w, x->places[i].key);
	json_array_end(w);
	if (!n && rc == 0)
		rc = push_fail(x, REPLY_CLIENT, "tiktok: no location");
	strlist_release(&c);
	return rc;
}

/*
 * POST tool/targeting/search/, a fuzzy search for cities in country:
 * data.targeting_tag_list[] of {name, status_info.status, geo: {geo_id,
 * geo_type, region_code}} (docs/push.md: not verified against the live
 * API)
 */
static int tt_search_city(struct push_ctx *x, const char *city,
			  const char *country, struct push_geo_hits *out)
{
	struct strbuf body = STRBUF_INIT;
	struct json_writer w;
	struct json_value *v = NULL;
	const struct json_value *list;
	int rc;

	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	advertiser(x, &w);
	json_key(&w, "objective_type");
	json_string(&w, "TRAFFIC");
	json_key(&w, "promotion_type");
	json_string(&w, "WEBSITE");
	json_key(&w, "placements");
	json_array_begin(&w);
	json_string(&w, "PLACEMENT_TIKTOK");
	json_array_end(&w);
	json_key(&w, "search_type");
	json_string(&w, "FUZZY_SEARCH");
	json_key(&w, "keywords");
	json_array_begin(&w);
	json_string(&w, city);
	json_array_end(&w);
	json_key(&w, "geo_types");
	json_array_begin(&w);
	json_string(&w, "CITY");
	json_array_end(&w);
	json_key(&w, "region_codes");
	json_array_begin(&w);
	json_string(&w, country);
	json_array_end(&w);
	json_object_end(&w);
	rc = tt_send(x, "tool/targeting/search/", body.buf, true, NULL, NULL,
		     &v);
	list = json_get(json_get(v, "data"), "targeting_tag_list");
	for (size_t i = 0; rc == 0 && i < json_count(list); i++) {
		const struct json_value *it = json_item(list, i);
		const struct json_value *geo = json_get(it, "geo");
		const char *type = json_str(json_get(geo, "geo_type"));
		const char *st = json_str(
			json_get(json_get(it, "status_info"), "status"));

		if (json_str(json_get(geo, "geo_id")) && type &&
		    strcmp(type, "CITY") == 0 &&
		    (!st || strcmp(st, "ENABLED") == 0))
			push_geo_hit_add(
				out, json_str(json_get(geo, "geo_id")),
				json_str(json_get(it, "name")),
				json_str(json_get(geo, "region_code")));
	}
	json_free(v);
	strbuf_release(&body);
	return rc;
}

static int tt_ad_set(struct push_ctx *x, const struct ad_plan *ap,
		     const struct ad_set *s, int64_t daily,
		     const char *campaign_id, struct strbuf *id)
{
	static const char *const ages[] = { "AGE_18_24", "AGE_25_34",
					    "AGE_35_44", "AGE_45_54",
					    "AGE_55_100" };
	struct strbuf body = STRBUF_INIT, t = STRBUF_INIT;
	struct json_writer w;
	int rc;

	(void)ap;
	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	advertiser(x, &w);
	json_key(&w, "campaign_id");
	json_string(&w, campaign_id);
	json_key(&w, "adgroup_name");
	json_string(&w, s->name);
	json_key(&w, "placement_type");
	json_string(&w, "PLACEMENT_TYPE_AUTOMATIC");
	rc = tt_locations(x, &w);
	json_key(&w, "age_groups");
	json_array_begin(&w);
	for (size_t i = 0; i < ARRAY_SIZE(ages); i++)
		json_string(&w, ages[i]);
	json_array_end(&w);
	json_key(&w, "gender");
	json_string(&w, "GENDER_UNLIMITED");
	json_key(&w, "budget_mode");
	json_string(&w, "BUDGET_MODE_DAY");
	json_key(&w, "budget");
	major(&w, daily, x->unit_digits);
	json_key(&w, "schedule_type");
	json_string(&w, "SCHEDULE_START_END");
	strbuf_addf(&t, "%s 00:00:00", s->start);
	json_key(&w, "schedule_start_time");
	json_string(&w, t.buf);
	strbuf_reset(&t);
	strbuf_addf(&t, "%s 23:59:59", s->end);
	json_key(&w, "schedule_end_time");
	json_string(&w, t.buf);
	json_key(&w, "optimization_goal");
	json_string(&w, "CLICK");
	json_key(&w, "billing_event");
	json_string(&w, "CPC");
	json_key(&w, "bid_type");
	json_string(&w, "BID_TYPE_NO_BID");
	json_key(&w, "pacing");
	json_string(&w, "PACING_MODE_SMOOTH");
	json_key(&w, "operation_status");
	json_string(&w, tt_status(x->status));
	json_object_end(&w);
	if (rc == 0)
		rc = tt_send(x, "adgroup/create/", body.buf, false,
			     "adgroup_id", id, NULL);
	strbuf_release(&body);
	strbuf_release(&t);
	return rc;
}

static int tt_ad(struct push_ctx *x, const struct ad_set *s, const struct ad *a,
		 const char *set_id, const char *creative_id, struct strbuf *id)
{
	struct strbuf body = STRBUF_INIT;
	struct json_writer w;
	int rc;

	(void)s;
	(void)creative_id;
	if (!x->t->identity || !x->t->image)
		return push_fail(x, REPLY_AUTH,
				 "tiktok: an ad needs an identity and an "
				 "image: set identity and image in [tiktok]");
	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	advertiser(x, &w);
	json_key(&w, "adgroup_id");
	json_string(&w, set_id);
	json_key(&w, "creatives");
	json_array_begin(&w);
	json_object_begin(&w);
	json_key(&w, "ad_name");
	json_string(&w, a->name);
	json_key(&w, "ad_text");
	json_string(&w, a->text);
	json_key(&w, "landing_page_url");
	json_string(&w, a->url);
	json_key(&w, "identity_id");
	json_string(&w, x->t->identity);
	json_key(&w, "identity_type");
	json_string(&w, "CUSTOMIZED_USER");
	json_key(&w, "ad_format");
	json_string(&w, "SINGLE_IMAGE");
	json_key(&w, "image_ids");
	json_array_begin(&w);
	json_string(&w, x->t->image);
	json_array_end(&w);
	json_key(&w, "call_to_action");
	json_string(&w, a->cta ? a->cta : "APPLY_NOW");
	json_object_end(&w);
	json_array_end(&w);
	json_object_end(&w);
	rc = tt_send(x, "ad/create/", body.buf, false, "ad_ids", id, NULL);
	strbuf_release(&body);
	return rc;
}

static int tt_update_set(struct push_ctx *x, const char *set_id, int64_t daily,
			 const char *status)
{
	struct strbuf body = STRBUF_INIT;
	struct json_writer w;
	int rc;

	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	advertiser(x, &w);
	json_key(&w, "budget");
	json_array_begin(&w);
	json_object_begin(&w);
	json_key(&w, "adgroup_id");
	json_string(&w, set_id);
	json_key(&w, "budget");
	major(&w, daily, x->unit_digits);
	json_object_end(&w);
	json_array_end(&w);
	json_object_end(&w);
	rc = tt_send(x, "adgroup/budget/update/", body.buf, true, NULL, NULL,
		     NULL);
	strbuf_reset(&body);
	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	advertiser(x, &w);
	json_key(&w, "adgroup_ids");
	json_array_begin(&w);
	json_string(&w, set_id);
	json_array_end(&w);
	json_key(&w, "operation_status");
	json_string(&w, tt_status(status));
	json_object_end(&w);
	if (rc == 0)
		rc = tt_send(x, "adgroup/status/update/", body.buf, true, NULL,
			     NULL, NULL);
	strbuf_release(&body);
	return rc;
}

static int tt_set_status(struct push_ctx *x, const char *kind, const char *id,
			 const char *status)
{
	struct strbuf body = STRBUF_INIT;
	struct json_writer w;
	int rc;

	/* a TikTok ad runs when its ad group and campaign do */
	if (strcmp(kind, "campaign") != 0)
		return 0;
	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	advertiser(x, &w);
	json_key(&w, "campaign_ids");
	json_array_begin(&w);
	json_string(&w, id);
	json_array_end(&w);
	json_key(&w, "operation_status");
	json_string(&w, tt_status(status));
	json_object_end(&w);
	rc = tt_send(x, "campaign/status/update/", body.buf, true, NULL, NULL,
		     NULL);
	strbuf_release(&body);
	return rc;
}

const struct push_adapter push_tiktok = {
	.name = "tiktok",
	.api = API_TIKTOK,
	.set_word = "ad group",
	.min_daily = 20,
	.identity_word = "the identity id",
	.needs_image = true,
	.account = tt_account,
	.campaign = tt_campaign,
	.ad_set = tt_ad_set,
	.creative = NULL,
	.ad = tt_ad,
	.update_set = tt_update_set,
	.set_status = tt_set_status,
	.search_city = tt_search_city,
};
