/*
 * sync_meta - Meta's insights of one ad account, one row per ad and day
 * (ad-apis.md 1.8): GET /vNN/act_ID/insights with level=ad,
 * time_increment=1 and the window as time_range, read page by page
 * through paging.cursors.after until paging.next is gone. A run of more
 * than SYNC_LONG_RANGE days (a backfill) uses async report runs instead:
 * POST the same parameters, poll the run until "Job Completed", then
 * page through GET /RUN_ID/insights.
 */
#include <string.h>
#include <time.h>

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

#define FIELDS                                                            \
	"ad_id,campaign_id,date_start,date_stop,spend,impressions,reach," \
	"clicks,inline_link_clicks,actions"

/* the report's parameters: level, days, fields (no limit, no cursor) */
static void report_params(struct sync_ctx *c, struct strbuf *out)
{
	struct strbuf range = STRBUF_INIT;

	strbuf_addf(&range, "{\"since\":\"%s\",\"until\":\"%s\"}", c->from,
		    c->to);
	strbuf_addstr(out, "level=ad&time_increment=1&fields=" FIELDS
			   "&time_range=");
	strbuf_addstr_urlencoded(out, range.buf);
	strbuf_release(&range);
}

/* every page of prefix?params, through paging.cursors.after */
static int meta_pages(struct sync_ctx *c, const struct http_header *h,
		      const char *prefix, const char *params)
{
	struct strbuf url = STRBUF_INIT, after = STRBUF_INIT;
	int rc = 0;

	do {
		struct json_value *root = NULL;

		strbuf_reset(&url);
		strbuf_addf(&url, "%s?%s&limit=%d", prefix, params, PAGE_SIZE);
		if (after.len) {
			strbuf_addstr(&url, "&after=");
			strbuf_addstr_urlencoded(&url, after.buf);
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
	return rc;
}

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&t, &t) != 0)
		;
}

/*
 * Wait for report run id: 0 once Meta says "Job Completed", else the
 * exit status. Polls after 1, 2, 4 ... up to 30 s, at most max_wait.
 */
static int meta_wait_run(struct sync_ctx *c, const struct http_header *h,
			 const char *id)
{
	struct strbuf url = STRBUF_INIT;
	long pause = 1000, waited = 0;
	bool done;
	int rc = 0;

	strbuf_addf(&url,
		    "%s/%s/%s?fields=async_status,async_percent_completion",
		    c->base_url, c->version, id);
	for (;;) {
		struct json_value *root = NULL;
		const char *st;

		rc = sync_get(c, url.buf, h, 1, &root);
		st = json_str(json_get(root, "async_status"));
		if (!rc && (!st || strcmp(st, "Job Failed") == 0 ||
			    strcmp(st, "Job Skipped") == 0)) {
			errorf("meta account %s, %s to %s: report run %s ended "
			       "with '%s'; try again later",
			       c->account, c->from, c->to, id,
			       st ? st : "no async_status");
			rc = JM_UNAVAILABLE;
		}
		done = !rc && strcmp(st, "Job Completed") == 0;
		json_free(root);
		if (rc || done)
			break;
		if (waited >= c->max_wait_ms) {
			errorf("meta account %s, %s to %s: report run %s did "
			       "not "
			       "finish within max_wait (%ld s); try again "
			       "later",
			       c->account, c->from, c->to, id, waited / 1000);
			rc = JM_TEMPFAIL;
			break;
		}
		sleep_ms(pause);
		waited += pause;
		c->waited_ms += pause;
		pause = pause * 2 > 30000 ? 30000 : pause * 2;
	}
	strbuf_release(&url);
	return rc;
}

/* a long range: POST an async report run, wait, page through it */
static int meta_window_async(struct sync_ctx *c, const struct http_header *h,
			     const char *params)
{
	struct strbuf url = STRBUF_INIT, id = STRBUF_INIT;
	struct http_request req = { .method = "POST",
				    .headers = h,
				    .n_headers = 1,
				    .body = params,
				    .body_len = strlen(params),
				    .content_type =
					    "application/x-www-form-urlencoded",
				    .idempotent = true };
	struct json_value *root = NULL;
	const char *run;
	int rc;

	strbuf_addf(&url, "%s/%s/act_%s/insights", c->base_url, c->version,
		    c->account);
	req.url = url.buf;
	rc = sync_send(c, &req, &root);
	run = json_str(json_get(root, "report_run_id"));
	if (!rc && root &&
	    (!run || !*run || strspn(run, "0123456789") != strlen(run)))
		rc = sync_bad(c, "no report_run_id of digits in the reply");
	if (!rc && root) {
		strbuf_addstr(&id, run);
		rc = meta_wait_run(c, h, id.buf);
	}
	json_free(root);
	if (!rc && id.len) {
		strbuf_reset(&url);
		strbuf_addf(&url, "%s/%s/%s/insights", c->base_url, c->version,
			    id.buf);
		rc = meta_pages(c, h, url.buf, "fields=" FIELDS);
	}
	strbuf_release(&url);
	strbuf_release(&id);
	return rc;
}

static int meta_window(struct sync_ctx *c)
{
	struct strbuf auth = STRBUF_INIT, params = STRBUF_INIT,
		      prefix = STRBUF_INIT;
	struct http_header h[1];
	int rc;

	strbuf_addf(&auth, "Bearer %s", c->token.buf);
	h[0] = (struct http_header){ "Authorization", auth.buf };
	report_params(c, &params);
	if (c->long_range) {
		rc = meta_window_async(c, h, params.buf);
	} else {
		strbuf_addf(&prefix, "%s/%s/act_%s/insights", c->base_url,
			    c->version, c->account);
		rc = meta_pages(c, h, prefix.buf, params.buf);
	}
	strbuf_release(&auth);
	strbuf_release(&params);
	strbuf_release(&prefix);
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
	.retention = 1123, /* 37 months (ad-apis.md 1.8, error 3018) */
	.account = meta_account,
	.window = meta_window,
};
