/*
 * push.c - the orchestrator of `jobmix push`: for each platform, read
 * the account, convert the budgets, then find each object of the plan
 * in the store's id map and create, update or leave it through the
 * platform's adapter (push_int.h). docs/push.md has the rules.
 */
#include "push.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ads.h"
#include "json.h"
#include "diag.h"
#include "money.h"
#include "push_int.h"
#include "store.h"
#include "usage.h"
#include "wrapper.h"

/* ---- money ---- */

__extension__ typedef __int128 i128; /* exact products of budgets */

int push_meta_digits(const char *currency)
{
	/* ad-apis.md section 5.3: Meta's currencies with offset 1 */
	static const char *const zero[] = { "JPY", "KRW", "TWD", "VND",
					    "IDR", "HUF", "ISK", "CLP",
					    "COP", "CRC", "PYG" };

	for (size_t i = 0; i < ARRAY_SIZE(zero); i++)
		if (strcmp(currency, zero[i]) == 0)
			return 0;
	return money_digits(currency);
}

/* "11.43" as 1143 / 100; -1 unless a positive decimal of 18 digits */
static int parse_rate(const char *s, i128 *num, i128 *den)
{
	int digits = 0, dot = 0;

	*num = 0;
	*den = 1;
	for (; *s; s++) {
		if (*s == '.' && !dot) {
			dot = 1;
			continue;
		}
		if (*s < '0' || *s > '9' || ++digits > 18)
			return -1;
		*num = *num * 10 + (*s - '0');
		if (dot)
			*den *= 10;
	}
	return digits && *num > 0 ? 0 : -1;
}

int push_convert(int64_t minor, int from_digits, int to_digits,
		 const char *rate, int64_t *out)
{
	i128 num = 1, den = 1, v;

	if (minor < 0 || (rate && parse_rate(rate, &num, &den) < 0))
		return -1;
	/* account units = plan units / rate, scaled between the digits */
	v = (i128)minor * den;
	for (int i = from_digits; i < to_digits; i++)
		v *= 10;
	for (int i = to_digits; i < from_digits; i++)
		num *= 10;
	v /= num;
	if (v > MONEY_MAX)
		return -1;
	*out = (int64_t)v;
	return 0;
}

/* ---- helpers the adapters share ---- */

int push_fail(struct push_ctx *x, enum reply_class cls, const char *fmt, ...)
{
	va_list ap;

	strbuf_reset(&x->err);
	va_start(ap, fmt);
	strbuf_vaddf(&x->err, fmt, ap);
	va_end(ap);
	x->cls = cls;
	return -1;
}

void push_dry_id(struct push_ctx *x, struct strbuf *id)
{
	strbuf_reset(id);
	strbuf_addf(id, "dry-run-%lu", ++x->dry_seq);
}

/* what a failed reply means for the user, in one line */
static void explain(struct push_ctx *x, const struct http_response *resp)
{
	strbuf_reset(&x->err);
	x->cls = resp->cls;
	if (resp->cls == REPLY_AUTH)
		strbuf_addf(&x->err,
			    "%s refused the access token (%s); renew the "
			    "token and store it where [%s] token_env or "
			    "token_file says",
			    x->name, strbuf_str(&resp->error), x->name);
	else
		strbuf_addf(&x->err, "%s: %s", x->name,
			    strbuf_str(&resp->error));
}

int push_send(struct push_ctx *x, const char *method, const char *url,
	      const struct http_header *h, size_t n_h, const char *body,
	      const char *content_type, bool idempotent,
	      struct http_response *resp)
{
	struct http_request req = { 0 };

	req.method = method;
	req.url = url;
	req.headers = h;
	req.n_headers = n_h;
	req.body = body;
	req.body_len = body ? strlen(body) : 0;
	req.content_type = content_type;
	req.idempotent = idempotent;
	if (http_send(x->http, &req, resp) < 0) {
		explain(x, resp);
		return -1;
	}
	return 0;
}

struct json_value *push_reply_json(struct push_ctx *x,
				   const struct http_response *resp)
{
	struct json_value *v = NULL;
	struct strbuf cap = STRBUF_INIT;
	struct diag d;

	diag_init(&d, x->name);
	d.capture = &cap;
	if (json_parse(resp->body.buf ? resp->body.buf : "", resp->body.len, &d,
		       &v) < 0)
		push_fail(x, REPLY_SERVER, "%s: the reply is not JSON",
			  x->name);
	strbuf_release(&cap);
	return v;
}

void push_countries(const struct ad_set *s, struct strlist *out)
{
	const struct targeting *t = &s->targeting;

	memset(out, 0, sizeof(*out));
	out->item = xcalloc(t->n_places + 1, sizeof(char *));
	for (size_t i = 0; i < t->n_places; i++) {
		const char *c = t->places[i].country;
		size_t k;

		if (!c)
			continue;
		for (k = 0; k < out->n; k++)
			if (strcmp(out->item[k], c) == 0)
				break;
		if (k == out->n)
			out->item[out->n++] = xstrdup(c);
	}
}

/*
 * Country-level location ids ([M]: from the platforms' location
 * searches, not re-verified): LinkedIn's urn:li:geo ids and TikTok's
 * location ids (GeoNames).
 */
static const struct {
	const char *iso, *linkedin, *tiktok, *name;
} geo[] = {
	{ "DE", "101282230", "2921044", "Germany" },
	{ "DK", "104514075", "2623032", "Denmark" },
	{ "FI", "100456013", "660013", "Finland" },
	{ "GB", "101165590", "2635167", "United Kingdom" },
	{ "NO", "103819153", "3144096", "Norway" },
	{ "SE", "105117694", "2661886", "Sweden" },
	{ "US", "103644278", "6252001", "United States" },
};

const char *push_country_name(const char *country)
{
	for (size_t i = 0; i < ARRAY_SIZE(geo); i++)
		if (strcmp(geo[i].iso, country) == 0)
			return geo[i].name;
	return NULL;
}

const char *push_geo_linkedin(const char *country)
{
	for (size_t i = 0; i < ARRAY_SIZE(geo); i++)
		if (strcmp(geo[i].iso, country) == 0)
			return geo[i].linkedin;
	return NULL;
}

const char *push_geo_tiktok(const char *country)
{
	for (size_t i = 0; i < ARRAY_SIZE(geo); i++)
		if (strcmp(geo[i].iso, country) == 0)
			return geo[i].tiktok;
	return NULL;
}

/* ---- the orchestrator ---- */

static const struct push_adapter *const adapters[PLATFORM_OFFLINE] = {
	[PLATFORM_META] = &push_meta,
	[PLATFORM_LINKEDIN] = &push_linkedin,
	[PLATFORM_TIKTOK] = &push_tiktok,
};

struct run {
	const struct ad_plan *ap;
	const struct push_options *o;
	struct push_summary *sum;
	struct push_ctx *x;
	struct store *st;
};

static void line(struct run *r, const char *fmt, ...) ATTR_PRINTF(2, 3);
static void line(struct run *r, const char *fmt, ...)
{
	va_list ap;
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s: ", r->x->name);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	strvec_addf(&r->sum->lines, "%s", sb.buf);
	strbuf_release(&sb);
}

/* "created", or "would create" in a dry run */
static const char *did(const struct run *r, const char *verb)
{
	if (!r->x->dry_run)
		return verb;
	return strcmp(verb, "created") == 0 ? "would create" : "would update";
}

/* the exit status a failure class leads to */
static int status_of(enum reply_class cls)
{
	switch (cls) {
	case REPLY_THROTTLED:
		return JM_TEMPFAIL;
	case REPLY_AUTH:
		return JM_CONFIG;
	case REPLY_CLIENT:
		return JM_PARTIAL;
	default:
		return JM_UNAVAILABLE;
	}
}

/* the more serious of two statuses: 78, 74, 69, 75, 65, 2, 0 */
static int worse(int a, int b)
{
	static const int order[] = { JM_CONFIG,   JM_IOERR,   JM_UNAVAILABLE,
				     JM_TEMPFAIL, JM_DATAERR, JM_PARTIAL };

	for (size_t i = 0; i < ARRAY_SIZE(order); i++)
		if (a == order[i] || b == order[i])
			return order[i];
	return a ? a : b;
}

static int find(struct run *r, const char *kind, const char *key,
		struct strbuf *id, struct strbuf *status, int64_t *budget)
{
	if (!r->st)
		return 0;
	return store_object_get(r->st, r->x->name, r->x->t->account_id, kind,
				key, id, status, budget);
}

/* record an object as soon as the platform gave its id */
static int record(struct run *r, const char *kind, const char *key,
		  const char *id, const char *status, int64_t budget)
{
	struct store_object obj = { r->x->name, r->x->t->account_id,
				    kind,       key,
				    id,         status };

	if (!r->st || r->x->dry_run) /* a dry run never writes the store */
		return 0;
	if (store_begin(r->st) < 0)
		return -1;
	if (store_object_put(r->st, &obj) < 0 ||
	    (budget >= 0 &&
	     store_object_set_budget(r->st, r->x->name, r->x->t->account_id,
				     kind, key, budget) < 0)) {
		store_rollback(r->st);
		return -1;
	}
	return store_commit(r->st);
}

/* the account's currency and time zone, kept in the store */
static int read_account(struct run *r)
{
	struct push_ctx *x = r->x;
	struct strbuf cur = STRBUF_INIT;
	struct store_account acc = { 0 };
	int found = 0, rc = 0;

	if (x->dry_run) {
		/* nothing is sent: the account as last seen, or the plan's */
		if (r->st)
			found = store_account_get(r->st, x->name,
						  x->t->account_id, &cur,
						  &x->timezone);
		snprintf(x->currency, sizeof(x->currency), "%s",
			 found == 1 ? cur.buf : r->ap->currency);
		if (found != 1)
			line(r,
			     "dry run: the account's currency is taken to "
			     "be the plan's, %s",
			     r->ap->currency);
		strbuf_release(&cur);
		return 0;
	}
	if (x->ad->account(x) < 0)
		return status_of(x->cls == REPLY_CLIENT ? REPLY_AUTH : x->cls);
	acc.platform = x->name;
	acc.account_id = x->t->account_id;
	acc.currency = x->currency;
	acc.timezone = x->timezone.len ? x->timezone.buf : "UTC";
	if (r->st &&
	    (store_begin(r->st) < 0 || store_account_put(r->st, &acc) < 0 ||
	     store_commit(r->st) < 0))
		rc = JM_IOERR;
	strbuf_release(&cur);
	return rc;
}

/* the exchange rate for the account's currency, or NULL for the same */
static int rate_for(struct run *r, const char **rate)
{
	*rate = NULL;
	if (strcmp(r->x->currency, r->ap->currency) == 0)
		return 0;
	for (size_t i = 0; i < r->o->n_fx; i++)
		if (strcmp(r->o->fx[i].currency, r->x->currency) == 0) {
			*rate = r->o->fx[i].rate;
			return 0;
		}
	errorf("%s: the ad account %s is in %s and the plan in %s, and the "
	       "plan has no exchange rate for %s: nothing was pushed",
	       r->x->name, r->x->t->account_id, r->x->currency, r->ap->currency,
	       r->x->currency);
	return JM_DATAERR;
}

/* every ad set's daily budget in the platform's unit, before any create */
static int budgets(struct run *r, enum platform p, int64_t *out)
{
	const char *rate;
	int rc = rate_for(r, &rate);

	for (size_t i = 0; rc == 0 && i < r->ap->n_sets; i++) {
		const struct ad_set *s = &r->ap->sets[i];

		out[i] = -1;
		if (s->platform != p || s->refused)
			continue;
		if (push_convert(s->daily, r->ap->digits, r->x->unit_digits,
				 rate, &out[i]) < 0) {
			errorf("%s: the daily budget of '%s' cannot be "
			       "converted into %s",
			       r->x->name, s->name, r->x->currency);
			rc = JM_DATAERR;
		}
	}
	return rc;
}

static int fail_line(struct run *r, const char *what, const char *name)
{
	r->sum->failed++;
	line(r, "%s '%s' failed: %s", what, name, strbuf_str(&r->x->err));
	return status_of(r->x->cls);
}

/* the campaign: found or created; its id into id */
static int campaign(struct run *r, struct strbuf *id)
{
	struct push_ctx *x = r->x;
	struct strbuf status = STRBUF_INIT;
	int64_t budget = -1;
	int found =
		find(r, "campaign", r->ap->campaign_key, id, &status, &budget);
	int rc = 0;

	if (found < 0) {
		rc = JM_IOERR;
	} else if (found == 0) {
		if (x->ad->campaign(x, r->ap, id) < 0)
			rc = fail_line(r, "campaign", r->ap->campaign_name);
		else if (record(r, "campaign", r->ap->campaign_key, id->buf,
				x->status, -1) < 0)
			rc = JM_IOERR;
		else {
			r->sum->created++;
			line(r, "%s campaign '%s' (%s), %s", did(r, "created"),
			     r->ap->campaign_name, id->buf, x->status);
		}
	} else if (strcmp(status.buf, x->status) != 0 && r->o->activate) {
		if (x->ad->set_status(x, "campaign", id->buf, x->status) < 0)
			rc = fail_line(r, "campaign", r->ap->campaign_name);
		else if (record(r, "campaign", r->ap->campaign_key, id->buf,
				x->status, -1) < 0)
			rc = JM_IOERR;
		else {
			r->sum->updated++;
			line(r, "%s campaign '%s' (%s): %s", did(r, "updated"),
			     r->ap->campaign_name, id->buf, x->status);
		}
	} else {
		r->sum->unchanged++;
	}
	strbuf_release(&status);
	return rc;
}

/* an ad's creative, when the platform has them apart: its id into cre */
static int push_creative(struct run *r, const struct ad_set *s,
			 const struct ad *a, const char *set_id,
			 struct strbuf *cre)
{
	struct push_ctx *x = r->x;
	struct strbuf st = STRBUF_INIT;
	int64_t b;
	int found = find(r, "creative", a->local_key, cre, &st, &b), rc = 0;

	strbuf_release(&st);
	if (found < 0)
		return JM_IOERR;
	if (found == 1) {
		r->sum->unchanged++;
		return 0;
	}
	if (x->ad->creative(x, s, a, set_id, cre) < 0)
		return fail_line(r, "creative", a->name);
	if (record(r, "creative", a->local_key, cre->buf, NULL, -1) < 0)
		rc = JM_IOERR;
	r->sum->created++;
	return rc;
}

/* an ad (after its creative): created, set ACTIVE, or left as it is */
static int push_ad(struct run *r, const struct ad_set *s, const struct ad *a,
		   const char *set_id)
{
	struct push_ctx *x = r->x;
	struct strbuf cre = STRBUF_INIT, id = STRBUF_INIT, st = STRBUF_INIT;
	int64_t b;
	int found,
		rc = x->ad->creative ? push_creative(r, s, a, set_id, &cre) : 0;

	found = rc ? -1 : find(r, "ad", a->local_key, &id, &st, &b);
	if (rc == 0 && found < 0) {
		rc = JM_IOERR;
	} else if (rc == 0 && found == 0) {
		if (x->ad->ad(x, s, a, set_id, cre.buf, &id) < 0)
			rc = fail_line(r, "ad", a->name);
		else if (record(r, "ad", a->local_key, id.buf, x->status, -1) <
			 0)
			rc = JM_IOERR;
		else {
			r->sum->created++;
			line(r, "%s ad '%s' (%s)", did(r, "created"), a->name,
			     id.buf);
		}
	} else if (rc == 0 && r->o->activate &&
		   strcmp(st.buf, x->status) != 0) {
		if (x->ad->set_status(x, "ad", id.buf, x->status) < 0)
			rc = fail_line(r, "ad", a->name);
		else if (record(r, "ad", a->local_key, id.buf, x->status, -1) <
			 0)
			rc = JM_IOERR;
		else {
			r->sum->updated++;
			line(r, "%s ad '%s' (%s): %s", did(r, "updated"),
			     a->name, id.buf, x->status);
		}
	} else if (rc == 0) {
		r->sum->unchanged++;
	}
	strbuf_release(&cre);
	strbuf_release(&id);
	strbuf_release(&st);
	return rc;
}

/* an existing ad set: its budget and status brought up to date */
static int update_set(struct run *r, const struct ad_set *s, const char *id,
		      const char *was, int64_t had, int64_t daily)
{
	struct push_ctx *x = r->x;
	const char *status = r->o->activate ? x->status : was;
	struct strbuf money = STRBUF_INIT;

	if (had == daily && strcmp(status, was) == 0) {
		r->sum->unchanged++;
		return 0;
	}
	if (x->ad->update_set(x, id, daily, status) < 0)
		return fail_line(r, x->ad->set_word, s->name);
	if (record(r, "ad_set", s->local_key, id, status, daily) < 0)
		return JM_IOERR;
	r->sum->updated++;
	money_format_currency(&money, daily, x->unit_digits, x->currency);
	line(r, "%s %s '%s' (%s): %s a day, %s", did(r, "updated"),
	     x->ad->set_word, s->name, id, money.buf, status);
	strbuf_release(&money);
	return 0;
}

/*
 * the ad set's cities, titles and skills in the platform's ids, with
 * what to say of them
 */
static int places(struct run *r, const struct ad_set *s)
{
	struct strvec notes = { 0 };
	int rc = push_geo_resolve(r->x, r->st, s, &notes);

	if (rc == 0)
		rc = push_facet_resolve(r->x, r->st, s, &notes);
	if (rc < 0)
		rc = fail_line(r, r->x->ad->set_word, s->name);
	for (size_t i = 0; rc == 0 && i < notes.n; i++)
		line(r, "%s", notes.item[i]);
	strvec_clear(&notes);
	return rc;
}

/* one ad set and its ads */
static int push_set(struct run *r, const struct ad_set *s, int64_t daily,
		    const char *campaign_id)
{
	struct push_ctx *x = r->x;
	struct strbuf id = STRBUF_INIT, st = STRBUF_INIT, money = STRBUF_INIT;
	int64_t had = -1;
	int found = find(r, "ad_set", s->local_key, &id, &st, &had);
	int rc = 0;

	if (found < 0) {
		rc = JM_IOERR;
	} else if (found == 1) {
		rc = update_set(r, s, id.buf, st.buf, had, daily);
	} else if ((rc = places(r, s)) != 0) {
		/* the location search failed, or the store */
	} else if (x->ad->ad_set(x, r->ap, s, daily, campaign_id, &id) < 0) {
		rc = fail_line(r, x->ad->set_word, s->name);
	} else if (record(r, "ad_set", s->local_key, id.buf, x->status, daily) <
		   0) {
		rc = JM_IOERR;
	} else {
		r->sum->created++;
		money_format_currency(&money, daily, x->unit_digits,
				      x->currency);
		line(r, "%s %s '%s' (%s): %s a day, %s", did(r, "created"),
		     x->ad->set_word, s->name, id.buf, money.buf, x->status);
	}
	push_geo_release(x);
	push_facet_release(x);
	for (size_t i = 0; rc == 0 && i < s->n_ads; i++)
		rc = push_ad(r, s, &s->ads[i], id.buf);
	strbuf_release(&id);
	strbuf_release(&st);
	strbuf_release(&money);
	return rc;
}

/* the reason the employment-ad rules refuse an ad set */
static const char *refusal(const struct ad_set *s)
{
	for (size_t i = 0; i < s->compliance.n_notes; i++)
		if (s->compliance.notes[i].action == TG_REFUSED)
			return s->compliance.notes[i].text;
	return "the employment-ad rules refuse it";
}

/* every ad set of platform p is refused: say so, send nothing */
static void only_refused(struct run *r, enum platform p)
{
	struct push_ctx x = { 0 };

	x.name = adapters[p]->name;
	x.ad = adapters[p];
	r->x = &x;
	for (size_t i = 0; i < r->ap->n_sets; i++)
		if (r->ap->sets[i].platform == p) {
			r->sum->skipped++;
			line(r, "skipped %s '%s': %s", x.ad->set_word,
			     r->ap->sets[i].name, refusal(&r->ap->sets[i]));
		}
	r->x = NULL;
}

/* is the failure one that every later request would meet too? */
static bool stops(int rc)
{
	return rc != 0 && rc != JM_PARTIAL;
}

static int push_sets(struct run *r, enum platform p, const int64_t *daily,
		     const char *campaign_id)
{
	int status = 0;

	for (size_t i = 0; i < r->ap->n_sets; i++) {
		const struct ad_set *s = &r->ap->sets[i];
		int rc;

		if (s->platform != p)
			continue;
		if (s->refused) {
			r->sum->skipped++;
			line(r, "skipped %s '%s': %s", r->x->ad->set_word,
			     s->name, refusal(s));
			continue;
		}
		if (daily[i] <
		    r->x->ad->min_daily * money_scale(r->x->unit_digits)) {
			r->sum->skipped++;
			line(r,
			     "skipped %s '%s': its daily budget is below the "
			     "platform's minimum of %d %s",
			     r->x->ad->set_word, s->name, r->x->ad->min_daily,
			     r->x->currency);
			continue;
		}
		rc = push_set(r, s, daily[i], campaign_id);
		status = worse(status, rc);
		if (stops(rc))
			break;
	}
	return status;
}

static int setup(struct run *r, enum platform p, struct push_ctx *x)
{
	const struct push_target *t = &r->o->targets[p];
	struct http_options ho;

	if (!t->account_id || !*t->account_id)
		return errorf("%s: no ad account: set account_id in [%s]",
			      x->name, x->name);
	if (!x->dry_run && (!t->token || !*t->token))
		return errorf("%s: no access token: set token_env or "
			      "token_file in [%s]",
			      x->name, x->name);
	if (!t->identity || !*t->identity)
		return errorf("%s: no identity for the ads (%s): set identity "
			      "in [%s]",
			      x->name, x->ad->identity_word, x->name);
	if (x->ad->needs_image && (!t->image || !*t->image))
		return errorf("%s: no image for the ads: set image in [%s]",
			      x->name, x->name);
	if (r->o->http)
		ho = *r->o->http;
	else
		http_options_init(&ho, x->ad->api);
	ho.platform = x->ad->api;
	ho.dry_run = x->dry_run;
	ho.dry_run_out = r->o->dry_run_out;
	x->http = http_client_new(&ho);
	if (!x->http)
		return -1;
	if (t->token)
		http_client_add_secret(x->http, t->token);
	return 0;
}

static int push_platform(struct run *r, enum platform p)
{
	struct push_ctx x = { 0 };
	struct strbuf cid = STRBUF_INIT;
	int64_t *daily = xcalloc(r->ap->n_sets + 1, sizeof(int64_t));
	int rc;

	x.platform = p;
	x.ad = adapters[p];
	x.name = x.ad->name;
	x.t = &r->o->targets[p];
	x.dry_run = r->o->dry_run;
	x.status = r->o->activate ? "ACTIVE" : "PAUSED";
	r->x = &x;
	rc = setup(r, p, &x) < 0 ? JM_CONFIG : read_account(r);
	if (rc == 0) {
		x.unit_digits = p == PLATFORM_META
					? push_meta_digits(x.currency)
					: money_digits(x.currency);
		rc = budgets(r, p, daily);
	}
	if (rc == 0)
		rc = campaign(r, &cid);
	if (rc == 0)
		rc = push_sets(r, p, daily, cid.buf);
	if (rc && rc != JM_PARTIAL && x.err.len)
		errorf("%s", x.err.buf);
	http_client_free(x.http);
	strbuf_release(&x.err);
	strbuf_release(&x.timezone);
	strbuf_release(&cid);
	free(daily);
	return rc;
}

int push_run(const struct ad_plan *ap, const struct push_options *o,
	     struct push_summary *sum)
{
	struct run r = { ap, o, sum, NULL, o->store };
	int status = 0;

	for (int p = 0; p < PLATFORM_OFFLINE; p++) {
		size_t any = 0, refused = 0;

		if (!o->targets[p].enabled)
			continue;
		for (size_t i = 0; i < ap->n_sets; i++)
			if (ap->sets[i].platform == (enum platform)p) {
				any++;
				refused += ap->sets[i].refused;
			}
		if (any && refused == any)
			only_refused(&r, p); /* not even a campaign is made */
		else if (any)
			status = worse(status, push_platform(&r, p));
	}
	return status;
}

void push_summary_release(struct push_summary *sum)
{
	strvec_clear(&sum->lines);
	memset(sum, 0, sizeof(*sum));
}
