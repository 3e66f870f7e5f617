/*
 * sync_meta - Meta's insights of one ad account, one row per ad and day
 * (ad-apis.md 1.8): GET /vNN/act_ID/insights with level=ad,
 * time_increment=1 and the window as time_range, read page by page
 * through paging.cursors.after until paging.next is gone.
 */
#include <string.h>

#include "json.h"
#include "sync_int.h"
#include "usage.h"

#define PAGE_SIZE 500

/* the first action type present counts (they overlap in Meta's data) */
static const char *const lead_types[] = {
	"lead",
	"onsite_conversion.lead_grouped",
	"offsite_conversion.fb_pixel_lead",
};
static const char *const application_types[] = {
	"submit_application_total",
	"offsite_conversion.fb_pixel_submit_application",
	"onsite_conversion.submit_application",
};

static int action_value(struct sync_ctx *c, const struct json_value *actions,
			const char *const *types, size_t n, int64_t *out)
{
	*out = 0;
	for (size_t t = 0; t < n; t++) {
		for (size_t i = 0; i < json_count(actions); i++) {
			const struct json_value *a = json_item(actions, i);
			const char *type = json_str(json_get(a, "action_type"));

			if (type && strcmp(type, types[t]) == 0)
				return sync_count(c, json_get(a, "value"),
						  types[t], 0, out);
		}
	}
	return 0;
}

static int meta_row(struct sync_ctx *c, const struct json_value *r)
{
	struct store_metric m = { 0 };
	const char *day = json_str(json_get(r, "date_start"));
	const char *stop = json_str(json_get(r, "date_stop"));
	const struct json_value *actions = json_get(r, "actions");
	int rc;

	m.ad_id = json_str(json_get(r, "ad_id"));
	m.campaign_id = json_str(json_get(r, "campaign_id"));
	if (!m.ad_id || !day || !stop || strcmp(day, stop) != 0)
		return sync_bad(c, "a row without ad_id, or not of one day "
				   "(date_start and date_stop differ)");
	if (actions && json_type(actions) != JSON_ARRAY)
		return sync_bad(c, "ad %s on %s: actions is not a list",
				m.ad_id, day);
	rc = sync_money(c, json_get(r, "spend"), "spend", &m.spend);
	if (!rc)
		rc = sync_count(c, json_get(r, "impressions"), "impressions", 0,
				&m.impressions);
	if (!rc)
		rc = sync_count(c, json_get(r, "clicks"), "clicks", 0,
				&m.clicks);
	if (!rc)
		rc = sync_count(c, json_get(r, "reach"), "reach", -1, &m.reach);
	if (!rc)
		rc = sync_count(c, json_get(r, "inline_link_clicks"),
				"inline_link_clicks", -1, &m.link_clicks);
	if (!rc)
		rc = action_value(c, actions, lead_types,
				  ARRAY_SIZE(lead_types), &m.leads);
	if (!rc)
		rc = action_value(c, actions, application_types,
				  ARRAY_SIZE(application_types),
				  &m.applications);
	return rc ? rc : sync_row(c, day, &m);
}

/* the rows of one page; the next cursor into after ("" at the end) */
static int meta_page(struct sync_ctx *c, const struct json_value *root,
		     struct strbuf *after)
{
	const struct json_value *data = json_get(root, "data");
	const struct json_value *paging = json_get(root, "paging");
	const char *next_after =
		json_str(json_get(json_get(paging, "cursors"), "after"));
	int rc = 0;

	if (json_type(data) != JSON_ARRAY)
		return sync_bad(c, "the reply has no data list");
	for (size_t i = 0; !rc && i < json_count(data); i++)
		rc = meta_row(c, json_item(data, i));
	if (rc)
		return rc;
	sync_page_done(c);
	if (!json_get(paging, "next")) {
		strbuf_reset(after);
		return 0;
	}
	if (!next_after || !*next_after ||
	    strcmp(next_after, strbuf_str(after)) == 0)
		return sync_bad(c, "paging.next without a new cursor");
	strbuf_reset(after);
	strbuf_addstr(after, next_after);
	return 0;
}

static int meta_window(struct sync_ctx *c)
{
	struct strbuf url = STRBUF_INIT, after = STRBUF_INIT,
		      range = STRBUF_INIT;
	struct strbuf auth = STRBUF_INIT;
	struct http_header h[1];
	int rc = 0;

	strbuf_addf(&auth, "Bearer %s", c->token.buf);
	h[0] = (struct http_header){ "Authorization", auth.buf };
	strbuf_addf(&range, "{\"since\":\"%s\",\"until\":\"%s\"}", c->from,
		    c->to);
	do {
		struct json_value *root = NULL;

		strbuf_reset(&url);
		strbuf_addf(&url,
			    "%s/%s/act_%s/insights?level=ad&time_increment=1"
			    "&fields=ad_id,campaign_id,date_start,date_stop,"
			    "spend,impressions,reach,clicks,inline_link_clicks,"
			    "actions&limit=%d&time_range=",
			    c->base_url, c->version, c->account, PAGE_SIZE);
		sync_url_escape(&url, range.buf);
		if (after.len) {
			strbuf_addstr(&url, "&after=");
			sync_url_escape(&url, after.buf);
		}
		rc = sync_get(c, url.buf, h, 1, &root);
		if (!rc && root)
			rc = meta_page(c, root, &after);
		else if (!root)
			strbuf_reset(&after);
		json_free(root);
	} while (!rc && after.len);
	strbuf_release(&url);
	strbuf_release(&after);
	strbuf_release(&range);
	strbuf_release(&auth);
	return rc;
}

static int meta_account(struct sync_ctx *c)
{
	struct strbuf url = STRBUF_INIT, auth = STRBUF_INIT;
	struct http_header h[1];
	struct json_value *root = NULL;
	const char *cur, *tz;
	int rc;

	strbuf_addf(&auth, "Bearer %s", c->token.buf);
	h[0] = (struct http_header){ "Authorization", auth.buf };
	strbuf_addf(&url, "%s/%s/act_%s?fields=currency,timezone_name",
		    c->base_url, c->version, c->account);
	rc = sync_get(c, url.buf, h, 1, &root);
	cur = json_str(json_get(root, "currency"));
	tz = json_str(json_get(root, "timezone_name"));
	if (!rc && (!cur || !tz))
		rc = sync_bad(c, "the account has no currency or "
				 "timezone_name");
	if (!rc) {
		strbuf_addstr(&c->currency, cur);
		strbuf_addstr(&c->timezone, tz);
	}
	json_free(root);
	strbuf_release(&url);
	strbuf_release(&auth);
	return rc;
}

const struct sync_reader sync_meta = {
	.name = "meta",
	.platform = PLATFORM_META,
	.api = API_META,
	.lookback = 28,
	.window_days = 30,
	.account = meta_account,
	.window = meta_window,
};
