/*
 * push_linkedin.c - the LinkedIn Marketing API adapter of push
 * (ad-apis.md section 2): versioned REST with the LinkedIn-Version and
 * X-RestLi-Protocol-Version headers, JSON bodies, the new id in the
 * x-restli-id header; a campaign group holds one campaign per ad set,
 * each ad is a dark post with a sponsored creative; money is a decimal
 * string in major units; updates are PARTIAL_UPDATE patches.
 */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "money.h"
#include "push_int.h"

#define ACCOUNT_URN "urn:li:sponsoredAccount:"

/* the headers of every call (h has room for 4); their number */
static size_t li_headers(struct push_ctx *x, struct http_header *h,
			 struct strbuf *auth, const char *method_hdr)
{
	size_t n = 0;

	strbuf_addf(auth, "Bearer %s", x->t->token ? x->t->token : "");
	h[n].name = "Authorization";
	h[n++].value = auth->buf;
	h[n].name = "LinkedIn-Version";
	h[n++].value = x->t->api_version;
	h[n].name = "X-RestLi-Protocol-Version";
	h[n++].value = "2.0.0";
	if (method_hdr) {
		h[n].name = "X-RestLi-Method";
		h[n++].value = method_hdr;
	}
	return n;
}

/* GET path; the reply's JSON into *v (NULL in a dry run) */
static int li_get(struct push_ctx *x, const char *path, struct json_value **v)
{
	struct strbuf url = STRBUF_INIT, auth = STRBUF_INIT;
	struct http_response resp;
	struct http_header h[4];
	size_t n = li_headers(x, h, &auth, NULL);
	int rc;

	*v = NULL;
	strbuf_addf(&url, "%s/%s", x->t->base_url, path);
	http_response_init(&resp);
	rc = push_send(x, "GET", url.buf, h, n, NULL, NULL, true, &resp);
	if (rc == 0 && !x->dry_run && (*v = push_reply_json(x, &resp)) == NULL)
		rc = -1;
	http_response_release(&resp);
	strbuf_release(&url);
	strbuf_release(&auth);
	return rc;
}

/* send body (JSON) to url; x-restli-id into id when id is not NULL */
static int li_send(struct push_ctx *x, const char *path, const char *body,
		   const char *method_hdr, struct strbuf *id)
{
	struct strbuf url = STRBUF_INIT, auth = STRBUF_INIT;
	struct http_response resp;
	struct http_header h[4];
	size_t n = li_headers(x, h, &auth, method_hdr);
	const char *got;
	int rc;

	strbuf_addf(&url, "%s/%s", x->t->base_url, path);
	http_response_init(&resp);
	rc = push_send(
		x, body ? "POST" : "GET", url.buf, h, n, body,
		body ? "application/json" : NULL,
		!body || (method_hdr && !strcmp(method_hdr, "PARTIAL_UPDATE")),
		&resp);
	if (rc == 0 && id && x->dry_run) {
		push_dry_id(x, id);
	} else if (rc == 0 && id) {
		got = http_response_header(&resp, "x-restli-id");
		if (!got || !*got)
			rc = push_fail(
				x, REPLY_SERVER,
				"linkedin: the reply has no x-restli-id");
		else {
			strbuf_reset(id);
			strbuf_addstr(id, got);
		}
	} else if (rc == 0 && !body && !x->dry_run) {
		struct json_value *v = push_reply_json(x, &resp);
		const char *cur = json_str(json_get(v, "currency"));

		if (!cur || strlen(cur) != 3)
			rc = push_fail(x, REPLY_SERVER,
				       "linkedin: the ad account %s has no "
				       "currency",
				       x->t->account_id);
		else
			memcpy(x->currency, cur, 4);
		json_free(v);
	}
	http_response_release(&resp);
	strbuf_release(&url);
	strbuf_release(&auth);
	return rc;
}

static int li_account(struct push_ctx *x)
{
	struct strbuf path = STRBUF_INIT;
	int rc;

	strbuf_addf(&path, "adAccounts/%s", x->t->account_id);
	rc = li_send(x, path.buf, NULL, NULL, NULL);
	/* LinkedIn's daily budgets run on UTC days (ad-apis.md 2.8) */
	strbuf_addstr(&x->timezone, "UTC");
	strbuf_release(&path);
	return rc;
}

/* epoch milliseconds of a YYYY-MM-DD day's start, UTC */
static long long epoch_ms(const char *ymd)
{
	int y = atoi(ymd), m = atoi(ymd + 5), d = atoi(ymd + 8);
	long long days;

	/* days from 1970-01-01 (civil calendar, Howard Hinnant's method) */
	y -= m <= 2;
	days = (long long)(y >= 0 ? y : y - 399) / 400 * 146097;
	{
		long long yoe = y - (y >= 0 ? y : y - 399) / 400 * 400;
		long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
		long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

		days += doe - 719468;
	}
	return days * 86400000LL;
}

static void account_urn(struct push_ctx *x, struct json_writer *w)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, ACCOUNT_URN "%s", x->t->account_id);
	json_key(w, "account");
	json_string(w, sb.buf);
	strbuf_release(&sb);
}

static const char *first_start(const struct ad_plan *ap)
{
	const char *s = NULL;

	for (size_t i = 0; i < ap->n_sets; i++)
		if (ap->sets[i].platform == PLATFORM_LINKEDIN &&
		    (!s || strcmp(ap->sets[i].start, s) < 0))
			s = ap->sets[i].start;
	return s ? s : "1970-01-02";
}

static int li_campaign(struct push_ctx *x, const struct ad_plan *ap,
		       struct strbuf *id)
{
	struct strbuf body = STRBUF_INIT, path = STRBUF_INIT;
	struct json_writer w;
	int rc;

	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	account_urn(x, &w);
	json_key(&w, "name");
	json_string(&w, ap->campaign_name);
	json_key(&w, "status");
	json_string(&w, x->status);
	json_key(&w, "runSchedule");
	json_object_begin(&w);
	json_key(&w, "start");
	json_int(&w, epoch_ms(first_start(ap)));
	json_object_end(&w);
	json_object_end(&w);
	strbuf_addf(&path, "adAccounts/%s/adCampaignGroups", x->t->account_id);
	rc = li_send(x, path.buf, body.buf, "CREATE", id);
	strbuf_release(&body);
	strbuf_release(&path);
	return rc;
}

static void li_money(struct push_ctx *x, struct json_writer *w, const char *key,
		     int64_t minor)
{
	struct strbuf sb = STRBUF_INIT;

	money_format(&sb, minor, x->unit_digits);
	json_key(w, key);
	json_object_begin(w);
	json_key(w, "amount");
	json_string(w, sb.buf);
	json_key(w, "currencyCode");
	json_string(w, x->currency);
	json_object_end(w);
	strbuf_release(&sb);
}

/* a location URN from its id: urn:li:geo:ID (a search gives URNs) */
static void li_geo(struct json_writer *w, const char *id)
{
	struct strbuf urn = STRBUF_INIT;

	if (strncmp(id, "urn:", 4) != 0)
		strbuf_addstr(&urn, "urn:li:geo:");
	strbuf_addstr(&urn, id);
	json_string(w, urn.buf);
	strbuf_release(&urn);
}

static void li_facet(struct json_writer *w, const char *facet,
		     const struct strvec *urns)
{
	if (!urns->n)
		return;
	json_key(w, facet);
	json_array_begin(w);
	for (size_t i = 0; i < urns->n; i++)
		json_string(w, urns->item[i]);
	json_array_end(w);
}

/*
 * the titles and skills found (push_facet.c), ORed in one item of the
 * and, so a member with any of them is reached (ad-apis.md 2.5); none
 * found, no item
 */
static void li_facets(struct push_ctx *x, struct json_writer *w)
{
	if (!x->titles.n && !x->skills.n)
		return;
	json_object_begin(w);
	json_key(w, "or");
	json_object_begin(w);
	li_facet(w, "urn:li:adTargetingFacet:titles", &x->titles);
	li_facet(w, "urn:li:adTargetingFacet:skills", &x->skills);
	json_object_end(w);
	json_object_end(w);
}

/*
 * ad-apis.md 2.5: the locations, the countries targeted whole and the
 * cities of the others (no radius), then the titles and skills found;
 * never ages or genders (2.9)
 */
static int li_targeting(struct push_ctx *x, struct json_writer *w)
{
	struct strlist c;
	size_t n = 0;
	int rc = 0;

	push_geo_countries(x, &c);
	json_key(w, "targetingCriteria");
	json_object_begin(w);
	json_key(w, "include");
	json_object_begin(w);
	json_key(w, "and");
	json_array_begin(w);
	json_object_begin(w);
	json_key(w, "or");
	json_object_begin(w);
	json_key(w, "urn:li:adTargetingFacet:locations");
	json_array_begin(w);
	for (size_t i = 0; i < c.n; i++) {
		const char *g = push_geo_linkedin(c.item[i]);

		if (!g) {
			rc = push_fail(x, REPLY_CLIENT,
				       "linkedin: no location id is known for "
				       "the country %s",
				       c.item[i]);
			continue;
		}
		li_geo(w, g);
		n++;
	}
	for (size_t i = 0; i < x->n_places; i++)
		if (x->places[i].key &&
		    !push_geo_whole(x, x->places[i].country)) {
			li_geo(w, x->places[i].key);
			n++;
		}
	json_array_end(w);
	json_object_end(w);
	json_object_end(w);
	li_facets(x, w);
	json_array_end(w);
	json_object_end(w);
	json_object_end(w);
	if (!n && rc == 0)
		rc = push_fail(x, REPLY_CLIENT, "linkedin: no location");
	strlist_release(&c);
	return rc;
}

/*
 * GET adTargetingEntities?q=typeahead (ad-apis.md 2.5): the locations
 * named like city, as elements[] of {urn, name}; the reply names no
 * country code, so push_geo.c reads it from the name's last part
 */
static int li_search_city(struct push_ctx *x, const char *city,
			  const char *country, struct push_geo_hits *out)
{
	struct strbuf path = STRBUF_INIT;
	struct json_value *v = NULL;
	const struct json_value *el;
	int rc;

	(void)country;
	strbuf_addstr(&path, "adTargetingEntities?q=typeahead&facet=urn%3Ali"
			     "%3AadTargetingFacet%3Alocations&query=");
	strbuf_addstr_urlencoded(&path, city);
	strbuf_addstr(&path, "&queryVersion=QUERY_USES_URNS");
	rc = li_get(x, path.buf, &v);
	el = json_get(v, "elements");
	for (size_t i = 0; rc == 0 && i < json_count(el); i++) {
		const struct json_value *it = json_item(el, i);
		const char *urn = json_str(json_get(it, "urn"));

		if (urn && strncmp(urn, "urn:li:geo:", 11) == 0)
			push_geo_hit_add(out, urn,
					 json_str(json_get(it, "name")), NULL);
	}
	json_free(v);
	strbuf_release(&path);
	return rc;
}

/*
 * GET adTargetingEntities?q=typeahead on the titles or skills facet
 * (ad-apis.md 2.5): elements[] of {urn, name}, urn:li:title:ID or
 * urn:li:skill:ID
 */
static int li_search_facet(struct push_ctx *x, const char *facet,
			   const char *text, struct push_geo_hits *out)
{
	struct strbuf path = STRBUF_INIT, prefix = STRBUF_INIT;
	struct json_value *v = NULL;
	const struct json_value *el;
	int rc;

	strbuf_addf(&prefix, "urn:li:%s:",
		    strcmp(facet, "titles") == 0 ? "title" : "skill");
	strbuf_addf(&path,
		    "adTargetingEntities?q=typeahead&facet=urn%%3Ali"
		    "%%3AadTargetingFacet%%3A%s&query=",
		    facet);
	strbuf_addstr_urlencoded(&path, text);
	strbuf_addstr(&path, "&queryVersion=QUERY_USES_URNS");
	rc = li_get(x, path.buf, &v);
	el = json_get(v, "elements");
	for (size_t i = 0; rc == 0 && i < json_count(el); i++) {
		const struct json_value *it = json_item(el, i);
		const char *urn = json_str(json_get(it, "urn"));

		if (urn && strncmp(urn, prefix.buf, prefix.len) == 0 &&
		    urn[prefix.len])
			push_geo_hit_add(out, urn,
					 json_str(json_get(it, "name")), NULL);
	}
	json_free(v);
	strbuf_release(&path);
	strbuf_release(&prefix);
	return rc;
}

static int li_ad_set(struct push_ctx *x, const struct ad_plan *ap,
		     const struct ad_set *s, int64_t daily,
		     const char *campaign_id, struct strbuf *id)
{
	struct strbuf body = STRBUF_INIT, path = STRBUF_INIT, g = STRBUF_INIT;
	struct json_writer w;
	const char *lang = s->targeting.languages.n
				   ? s->targeting.languages.item[0]
				   : "en";
	int rc;

	(void)ap;
	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	account_urn(x, &w);
	strbuf_addf(&g, "urn:li:sponsoredCampaignGroup:%s", campaign_id);
	json_key(&w, "campaignGroup");
	json_string(&w, g.buf);
	json_key(&w, "name");
	json_string(&w, s->name);
	json_key(&w, "type");
	json_string(&w, "SPONSORED_UPDATES");
	json_key(&w, "objectiveType");
	json_string(&w, "JOB_APPLICANT");
	json_key(&w, "optimizationTargetType");
	json_string(&w, "MAX_CLICK");
	json_key(&w, "costType");
	json_string(&w, "CPM");
	li_money(x, &w, "dailyBudget", daily);
	json_key(&w, "locale");
	json_object_begin(&w);
	json_key(&w, "country");
	json_string(&w, s->targeting.n_places && s->targeting.places[0].country
				? s->targeting.places[0].country
				: "US");
	json_key(&w, "language");
	json_string(&w, strlen(lang) == 2 ? lang : "en");
	json_object_end(&w);
	json_key(&w, "runSchedule");
	json_object_begin(&w);
	json_key(&w, "start");
	json_int(&w, epoch_ms(s->start));
	json_key(&w, "end");
	json_int(&w, epoch_ms(s->end) + 86400000LL);
	json_object_end(&w);
	rc = li_targeting(x, &w);
	json_key(&w, "politicalIntent");
	json_string(&w, "NOT_POLITICAL");
	json_key(&w, "status");
	json_string(&w, x->status);
	json_object_end(&w);
	strbuf_addf(&path, "adAccounts/%s/adCampaigns", x->t->account_id);
	if (rc == 0)
		rc = li_send(x, path.buf, body.buf, "CREATE", id);
	strbuf_release(&body);
	strbuf_release(&path);
	strbuf_release(&g);
	return rc;
}

/* the dark post an ad shows (ad-apis.md 2.6 step 1) */
static int li_creative(struct push_ctx *x, const struct ad_set *s,
		       const struct ad *a, const char *set_id,
		       struct strbuf *id)
{
	struct strbuf body = STRBUF_INIT, sb = STRBUF_INIT;
	struct json_writer w;
	int rc;

	(void)s;
	(void)set_id;
	if (!x->t->identity)
		return push_fail(x, REPLY_AUTH,
				 "linkedin: no organization to post the ads "
				 "as: set identity in [linkedin]");
	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	strbuf_addf(&sb, "urn:li:organization:%s", x->t->identity);
	json_key(&w, "author");
	json_string(&w, sb.buf);
	json_key(&w, "commentary");
	json_string(&w, a->text);
	json_key(&w, "visibility");
	json_string(&w, "PUBLIC");
	json_key(&w, "distribution");
	json_object_begin(&w);
	json_key(&w, "feedDistribution");
	json_string(&w, "NONE");
	json_object_end(&w);
	json_key(&w, "content");
	json_object_begin(&w);
	json_key(&w, "article");
	json_object_begin(&w);
	json_key(&w, "source");
	json_string(&w, a->url);
	json_key(&w, "title");
	json_string(&w, a->headline);
	if (x->t->image) {
		json_key(&w, "thumbnail");
		json_string(&w, x->t->image);
	}
	json_object_end(&w);
	json_object_end(&w);
	json_key(&w, "lifecycleState");
	json_string(&w, "PUBLISHED");
	json_key(&w, "adContext");
	json_object_begin(&w);
	strbuf_reset(&sb);
	strbuf_addf(&sb, ACCOUNT_URN "%s", x->t->account_id);
	json_key(&w, "dscAdAccount");
	json_string(&w, sb.buf);
	json_key(&w, "dscStatus");
	json_string(&w, "ACTIVE");
	json_object_end(&w);
	json_object_end(&w);
	rc = li_send(x, "posts", body.buf, "CREATE", id);
	strbuf_release(&body);
	strbuf_release(&sb);
	return rc;
}

/* the sponsored creative: the post in the campaign (2.6 step 2) */
static int li_ad(struct push_ctx *x, const struct ad_set *s, const struct ad *a,
		 const char *set_id, const char *creative_id, struct strbuf *id)
{
	struct strbuf body = STRBUF_INIT, sb = STRBUF_INIT, path = STRBUF_INIT;
	struct json_writer w;
	int rc;

	(void)s;
	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	strbuf_addf(&sb, "urn:li:sponsoredCampaign:%s", set_id);
	json_key(&w, "campaign");
	json_string(&w, sb.buf);
	json_key(&w, "content");
	json_object_begin(&w);
	json_key(&w, "reference");
	json_string(&w, creative_id);
	json_object_end(&w);
	json_key(&w, "intendedStatus");
	json_string(&w, x->status);
	json_key(&w, "name");
	json_string(&w, a->name);
	json_object_end(&w);
	strbuf_addf(&path, "adAccounts/%s/creatives", x->t->account_id);
	rc = li_send(x, path.buf, body.buf, "CREATE", id);
	strbuf_release(&body);
	strbuf_release(&sb);
	strbuf_release(&path);
	return rc;
}

static int li_patch(struct push_ctx *x, const char *coll, const char *id,
		    const char *status_key, const char *status, int64_t daily)
{
	struct strbuf body = STRBUF_INIT, path = STRBUF_INIT;
	struct json_writer w;
	int rc;

	json_writer_init(&w, &body, false);
	json_object_begin(&w);
	json_key(&w, "patch");
	json_object_begin(&w);
	json_key(&w, "$set");
	json_object_begin(&w);
	if (daily >= 0)
		li_money(x, &w, "dailyBudget", daily);
	json_key(&w, status_key);
	json_string(&w, status);
	json_object_end(&w);
	json_object_end(&w);
	json_object_end(&w);
	strbuf_addf(&path, "adAccounts/%s/%s/", x->t->account_id, coll);
	strbuf_addstr_urlencoded(&path, id);
	rc = li_send(x, path.buf, body.buf, "PARTIAL_UPDATE", NULL);
	strbuf_release(&body);
	strbuf_release(&path);
	return rc;
}

static int li_update_set(struct push_ctx *x, const char *set_id, int64_t daily,
			 const char *status)
{
	return li_patch(x, "adCampaigns", set_id, "status", status, daily);
}

static int li_set_status(struct push_ctx *x, const char *kind, const char *id,
			 const char *status)
{
	if (strcmp(kind, "campaign") == 0)
		return li_patch(x, "adCampaignGroups", id, "status", status,
				-1);
	return li_patch(x, "creatives", id, "intendedStatus", status, -1);
}

const struct push_adapter push_linkedin = {
	.name = "linkedin",
	.api = API_LINKEDIN,
	.set_word = "campaign",
	.min_daily = 0,
	.identity_word = "the organization id",
	.account = li_account,
	.campaign = li_campaign,
	.ad_set = li_ad_set,
	.creative = li_creative,
	.ad = li_ad,
	.update_set = li_update_set,
	.set_status = li_set_status,
	.search_city = li_search_city,
	.search_facet = li_search_facet,
};
