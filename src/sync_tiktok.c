/*
 * sync_tiktok - TikTok's BASIC report of one advertiser, one row per ad
 * and day (ad-apis.md 3.6): GET /open_api/v1.3/report/integrated/get/
 * with data_level=AUCTION_AD, dimensions ad_id and stat_time_day, read
 * page by page (1000 rows) until data.page_info.total_page. A report
 * covers 30 days at most, so windows are 30 days.
 */
#include <string.h>

#include "json.h"
#include "sync_int.h"
#include "usage.h"

#define PAGE_SIZE 1000
#define MAX_PAGES 1000000

static int tt_row(struct sync_ctx *c, const struct json_value *r)
{
	const struct json_value *dim = json_get(r, "dimensions");
	const struct json_value *met = json_get(r, "metrics");
	const char *when = json_str(json_get(dim, "stat_time_day"));
	struct store_metric m = { 0 };
	char day[11];
	int rc;

	m.ad_id = json_str(json_get(dim, "ad_id"));
	m.campaign_id = json_str(json_get(met, "campaign_id"));
	if (!m.ad_id || !when || strlen(when) != 19 ||
	    strcmp(when + 10, " 00:00:00") != 0)
		return sync_bad(c, "a row without ad_id or a stat_time_day "
				   "of the form YYYY-MM-DD 00:00:00");
	memcpy(day, when, 10);
	day[10] = '\0';
	rc = sync_money(c, json_get(met, "spend"), "spend", &m.spend);
	if (!rc)
		rc = sync_count(c, json_get(met, "impressions"), "impressions",
				0, &m.impressions);
	if (!rc)
		rc = sync_count(c, json_get(met, "clicks"), "clicks", 0,
				&m.clicks);
	if (!rc)
		rc = sync_count(c, json_get(met, "reach"), "reach", -1,
				&m.reach);
	if (!rc)
		rc = sync_count(c, json_get(met, "conversion"), "conversion",
				-1, &m.applications);
	m.link_clicks = -1;
	m.leads = -1;
	return rc ? rc : sync_row(c, day, &m);
}

/* the rows of page; *last set when it was the last page */
static int tt_page(struct sync_ctx *c, const struct json_value *root, long page,
		   bool *last)
{
	const struct json_value *data = json_get(root, "data");
	const struct json_value *list = json_get(data, "list");
	double total =
		json_num(json_get(json_get(data, "page_info"), "total_page"));
	int rc = 0;

	if (json_type(list) != JSON_ARRAY ||
	    !(total >= 0 && total <= MAX_PAGES))
		return sync_bad(c, "the reply has no data.list or "
				   "page_info.total_page");
	for (size_t i = 0; !rc && i < json_count(list); i++)
		rc = tt_row(c, json_item(list, i));
	if (!rc)
		sync_page_done(c);
	*last = page >= (long)total;
	return rc;
}

static int tt_window(struct sync_ctx *c)
{
	struct strbuf url = STRBUF_INIT;
	struct http_header h[1] = { { "Access-Token", c->token.buf } };
	bool last = false;
	int rc = 0;

	for (long page = 1; !rc && !last; page++) {
		struct json_value *root = NULL;

		strbuf_reset(&url);
		strbuf_addf(&url,
			    "%s/%s/report/integrated/get/?advertiser_id=%s"
			    "&report_type=BASIC&data_level=AUCTION_AD"
			    "&dimensions=",
			    c->base_url, c->version, c->account);
		strbuf_addstr_urlencoded(&url, "[\"ad_id\",\"stat_time_day\"]");
		strbuf_addstr(&url, "&metrics=");
		strbuf_addstr_urlencoded(
			&url, "[\"spend\",\"impressions\",\"clicks\","
			      "\"reach\",\"conversion\","
			      "\"campaign_id\"]");
		strbuf_addf(&url,
			    "&start_date=%s&end_date=%s&page=%ld"
			    "&page_size=%d",
			    c->from, c->to, page, PAGE_SIZE);
		rc = sync_get(c, url.buf, h, 1, &root);
		if (!rc && root)
			rc = tt_page(c, root, page, &last);
		else
			last = true;
		json_free(root);
	}
	strbuf_release(&url);
	return rc;
}

static int tt_account(struct sync_ctx *c)
{
	struct strbuf url = STRBUF_INIT, ids = STRBUF_INIT;
	struct http_header h[1] = { { "Access-Token", c->token.buf } };
	struct json_value *root = NULL;
	const struct json_value *a;
	const char *cur, *tz;
	int rc;

	strbuf_addf(&ids, "[\"%s\"]", c->account);
	strbuf_addf(&url, "%s/%s/advertiser/info/?advertiser_ids=", c->base_url,
		    c->version);
	strbuf_addstr_urlencoded(&url, ids.buf);
	strbuf_addstr(&url, "&fields=");
	strbuf_addstr_urlencoded(&url, "[\"currency\",\"timezone\"]");
	rc = sync_get(c, url.buf, h, 1, &root);
	a = json_item(json_get(json_get(root, "data"), "list"), 0);
	cur = json_str(json_get(a, "currency"));
	tz = json_str(json_get(a, "timezone"));
	if (!rc && (!cur || !tz))
		rc = sync_bad(c, "the advertiser has no currency or timezone");
	if (!rc) {
		strbuf_addstr(&c->currency, cur);
		strbuf_addstr(&c->timezone, tz);
	}
	json_free(root);
	strbuf_release(&url);
	strbuf_release(&ids);
	return rc;
}

const struct sync_reader sync_tiktok = {
	.name = "tiktok",
	.platform = PLATFORM_TIKTOK,
	.api = API_TIKTOK,
	.lookback = 3,
	.window_days = 30,
	.account = tt_account,
	.window = tt_window,
};
