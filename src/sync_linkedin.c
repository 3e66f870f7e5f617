/*
 * sync_linkedin - LinkedIn's adAnalytics of one ad account, one row per
 * creative and day (ad-apis.md 2.7): GET /rest/adAnalytics with
 * q=analytics, pivot=CREATIVE, timeGranularity=DAILY and the window as
 * a Rest.li dateRange. adAnalytics has no paging: a window is one
 * reply, so windows are 30 days at most, and a reply at LinkedIn's cap
 * of 15000 elements is asked again in halves. The fields asked for
 * (eight) fit in one request (LinkedIn allows 20).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "json.h"
#include "sync_int.h"
#include "usage.h"

/* adAnalytics returns at most this many elements (ad-apis.md 2.7) */
#define LI_MAX_ELEMENTS 15000

#define FIELDS                                                        \
	"dateRange,pivotValues,impressions,clicks,landingPageClicks," \
	"costInLocalCurrency,oneClickLeads,jobApplications"

/* a real date as a day number, or -1 */
static long days_from(long y, long m, long d)
{
	char s[11];

	if (y > 9999)
		return -1;
	date_format(0, s);
	s[0] = (char)('0' + y / 1000);
	s[1] = (char)('0' + y / 100 % 10);
	s[2] = (char)('0' + y / 10 % 10);
	s[3] = (char)('0' + y % 10);
	s[5] = (char)('0' + m / 10);
	s[6] = (char)('0' + m % 10);
	s[8] = (char)('0' + d / 10);
	s[9] = (char)('0' + d % 10);
	return date_day(s);
}

/* {"year":2026,"month":1,"day":2} as YYYY-MM-DD; 0 or -1 */
static int li_date(const struct json_value *v, char out[11])
{
	double y = json_num(json_get(v, "year"));
	double m = json_num(json_get(v, "month"));
	double d = json_num(json_get(v, "day"));
	long day;

	if (!(y >= 1970 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	      d <= 31) ||
	    y != (long)y || m != (long)m || d != (long)d)
		return -1;
	day = days_from((long)y, (long)m, (long)d);
	if (day < 0)
		return -1;
	date_format(day, out);
	return 0;
}

static int li_row(struct sync_ctx *c, const struct json_value *e)
{
	const struct json_value *range = json_get(e, "dateRange");
	struct store_metric m = { 0 };
	char day[11], end[11];
	int rc;

	m.ad_id = json_str(json_item(json_get(e, "pivotValues"), 0));
	if (!m.ad_id || li_date(json_get(range, "start"), day) ||
	    li_date(json_get(range, "end"), end) || strcmp(day, end) != 0)
		return sync_bad(c, "an element without a creative in "
				   "pivotValues, or not of one day");
	rc = sync_money(c, json_get(e, "costInLocalCurrency"),
			"costInLocalCurrency", &m.spend);
	if (!rc)
		rc = sync_count(c, json_get(e, "impressions"), "impressions", 0,
				&m.impressions);
	if (!rc)
		rc = sync_count(c, json_get(e, "clicks"), "clicks", 0,
				&m.clicks);
	m.reach = -1;
	if (!rc)
		rc = sync_count(c, json_get(e, "landingPageClicks"),
				"landingPageClicks", -1, &m.link_clicks);
	if (!rc)
		rc = sync_count(c, json_get(e, "oneClickLeads"),
				"oneClickLeads", -1, &m.leads);
	if (!rc)
		rc = sync_count(c, json_get(e, "jobApplications"),
				"jobApplications", -1, &m.applications);
	return rc ? rc : sync_row(c, day, &m);
}

static void li_headers(struct sync_ctx *c, struct strbuf *auth,
		       struct http_header h[3])
{
	strbuf_addf(auth, "Bearer %s", c->token.buf);
	h[0] = (struct http_header){ "Authorization", auth->buf };
	h[1] = (struct http_header){ "LinkedIn-Version", c->version };
	h[2] = (struct http_header){ "X-RestLi-Protocol-Version", "2.0.0" };
}

static void li_range(struct strbuf *url, const char *name, const char *day)
{
	strbuf_addf(url, "%s:(year:%d,month:%d,day:%d)", name, atoi(day),
		    atoi(day + 5), atoi(day + 8));
}

/*
 * The days from..to (within the window): one request. A reply at
 * LinkedIn's cap of elements may have lost rows, so its range is asked
 * again in two halves; a single day at the cap is bad data.
 */
static int li_days(struct sync_ctx *c, const struct http_header *h, long from,
		   long to)
{
	struct strbuf url = STRBUF_INIT, urn = STRBUF_INIT;
	struct json_value *root = NULL;
	const struct json_value *el;
	char a[11], b[11];
	int rc;

	date_format(from, a);
	date_format(to, b);
	strbuf_addf(&urn, "urn:li:sponsoredAccount:%s", c->account);
	strbuf_addf(&url,
		    "%s/adAnalytics?q=analytics&pivot=CREATIVE"
		    "&timeGranularity=DAILY&dateRange=(",
		    c->base_url);
	li_range(&url, "start", a);
	strbuf_addch(&url, ',');
	li_range(&url, "end", b);
	strbuf_addstr(&url, ")&accounts=List(");
	strbuf_addstr_urlencoded(&url, urn.buf);
	strbuf_addstr(&url, ")&fields=" FIELDS);
	rc = sync_get(c, url.buf, h, 3, &root);
	el = json_get(root, "elements");
	if (!rc && root && json_type(el) != JSON_ARRAY)
		rc = sync_bad(c, "the reply has no elements list");
	if (!rc && json_count(el) >= LI_MAX_ELEMENTS) {
		if (from == to)
			rc = sync_bad(c,
				      "%s: %d elements, LinkedIn's cap: "
				      "rows may be missing",
				      a, LI_MAX_ELEMENTS);
		else if (!(rc = li_days(c, h, from, from + (to - from) / 2)))
			rc = li_days(c, h, from + (to - from) / 2 + 1, to);
		json_free(root);
		root = NULL;
	}
	for (size_t i = 0; !rc && root && i < json_count(el); i++)
		rc = li_row(c, json_item(el, i));
	if (!rc && root)
		sync_page_done(c);
	json_free(root);
	strbuf_release(&url);
	strbuf_release(&urn);
	return rc;
}

static int li_window(struct sync_ctx *c)
{
	struct strbuf auth = STRBUF_INIT;
	struct http_header h[3];
	int rc;

	li_headers(c, &auth, h);
	rc = li_days(c, h, date_day(c->from), date_day(c->to));
	strbuf_release(&auth);
	return rc;
}

/* LinkedIn gives the account's currency; its analytics days are UTC */
static int li_account(struct sync_ctx *c)
{
	struct strbuf url = STRBUF_INIT, auth = STRBUF_INIT;
	struct http_header h[3];
	struct json_value *root = NULL;
	const char *cur;
	int rc;

	li_headers(c, &auth, h);
	strbuf_addf(&url, "%s/adAccounts/%s", c->base_url, c->account);
	rc = sync_get(c, url.buf, h, 3, &root);
	cur = json_str(json_get(root, "currency"));
	if (!rc && !cur)
		rc = sync_bad(c, "the account has no currency");
	if (!rc) {
		strbuf_addstr(&c->currency, cur);
		strbuf_addstr(&c->timezone, "UTC");
	}
	json_free(root);
	strbuf_release(&url);
	strbuf_release(&auth);
	return rc;
}

const struct sync_reader sync_linkedin = {
	.name = "linkedin",
	.platform = PLATFORM_LINKEDIN,
	.api = API_LINKEDIN,
	.lookback = 7,
	.window_days = 30,
	.account = li_account,
	.window = li_window,
};
