#include "throttle.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "json.h"
#include "strbuf.h"

const char *throttle_class_name(enum reply_class cls)
{
	switch (cls) {
	case REPLY_OK:
		return "ok";
	case REPLY_THROTTLED:
		return "throttled";
	case REPLY_RETRYABLE:
		return "retryable";
	case REPLY_AUTH:
		return "auth error";
	case REPLY_CLIENT:
		return "client error";
	case REPLY_SERVER:
		return "server error";
	case REPLY_NO_REPLY:
		return "no reply";
	}
	return "unknown";
}

const char *throttle_api_name(enum api_platform p)
{
	switch (p) {
	case API_META:
		return "meta";
	case API_LINKEDIN:
		return "linkedin";
	case API_TIKTOK:
		return "tiktok";
	case API_GENERIC:
		break;
	}
	return "generic";
}

/* text as JSON, or NULL: a reply's body or header is never trusted */
static struct json_value *parse_quietly(const char *text, size_t len)
{
	struct strbuf sink = STRBUF_INIT;
	struct json_value *root = NULL;
	struct diag d;

	if (!text || !len)
		return NULL;
	diag_init(&d, "reply");
	d.capture = &sink;
	if (json_parse(text, len, &d, &root) < 0)
		root = NULL;
	strbuf_release(&sink);
	return root;
}

/* the platform's words, cut at a character boundary to fit */
static void set_message(struct verdict *v, const char *s)
{
	size_t n;

	if (!s)
		return;
	n = strlen(s);
	if (n >= sizeof(v->message)) {
		n = sizeof(v->message) - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(v->message, s, n);
	v->message[n] = '\0';
}

static long num_member(const struct json_value *obj, const char *key)
{
	const struct json_value *m = json_get(obj, key);
	double x = json_num(m);

	if (json_type(m) != JSON_NUMBER || !isfinite(x) || fabs(x) > 1e15)
		return 0;
	return (long)x;
}

/* Retry-After in delta-seconds; an HTTP date or junk counts as unsaid */
static double retry_after_s(const char *s)
{
	char *end;
	long n;

	if (!s)
		return 0;
	while (*s == ' ')
		s++;
	errno = 0;
	n = strtol(s, &end, 10);
	if (end == s || errno || n < 0)
		return 0;
	while (*end == ' ')
		end++;
	if (*end)
		return 0;
	return n > 86400 ? 86400 : (double)n;
}

static const char *const pct_keys[] = {
	"call_count",      "total_time",      "total_cputime",
	"acc_id_util_pct", "app_id_util_pct",
};

/*
 * Walk one of Meta's usage headers (a JSON object, in the business
 * header keyed by business or account id, with an array of usage
 * objects under each): the highest percentage goes to *pct, the
 * longest estimated_time_to_regain_access (minutes) to *regain_min.
 */
static void walk_usage(const struct json_value *v, int depth, double *pct,
		       double *regain_min)
{
	size_t n = json_count(v);

	if (depth > 4)
		return;
	for (size_t i = 0; i < n; i++) {
		const struct json_value *item = json_item(v, i);
		const char *key =
			json_type(v) == JSON_OBJECT ? json_key_at(v, i) : NULL;
		double x = json_num(item);

		if (json_type(item) != JSON_NUMBER) {
			walk_usage(item, depth + 1, pct, regain_min);
			continue;
		}
		if (!key || !isfinite(x) || x < 0)
			continue;
		if (strcmp(key, "estimated_time_to_regain_access") == 0 &&
		    x > *regain_min)
			*regain_min = x;
		for (size_t k = 0; k < ARRAY_SIZE(pct_keys); k++)
			if (strcmp(key, pct_keys[k]) == 0 && x > *pct)
				*pct = x;
	}
}

static void meta_usage(const struct reply *r, struct verdict *v)
{
	const char *headers[] = { r->buc_usage, r->app_usage,
				  r->ad_account_usage, r->insights_throttle };
	double regain_min = 0;

	for (size_t i = 0; i < ARRAY_SIZE(headers); i++) {
		struct json_value *root;

		if (!headers[i])
			continue;
		root = parse_quietly(headers[i], strlen(headers[i]));
		if (root)
			walk_usage(root, 0, &v->usage_pct, &regain_min);
		json_free(root);
	}
	/* a day at most: a wild header must not park a run for ever */
	v->wait_s = regain_min > 1440 ? 86400 : regain_min * 60;
}

/* the class an HTTP status alone gives */
static enum reply_class by_status(const struct reply *r, struct verdict *v)
{
	long s = r->status;
	double stated = retry_after_s(r->retry_after);

	if ((s == 429 || s == 503) && stated > 0)
		v->wait_s = stated;
	if (s >= 200 && s < 300)
		return REPLY_OK;
	if (s == 429)
		return REPLY_THROTTLED;
	if (s == 401 || s == 403)
		return REPLY_AUTH;
	if (s == 408)
		return REPLY_RETRYABLE;
	if (s >= 500)
		return REPLY_SERVER;
	return REPLY_CLIENT;
}

static bool meta_throttle_code(long code)
{
	return code == 4 || code == 17 || code == 32 || code == 613 ||
	       (code >= 80000 && code <= 80014);
}

static bool meta_auth_code(long code)
{
	/* 190 token, 102 session, 10 and 200-299 permissions */
	return code == 190 || code == 102 || code == 10 ||
	       (code >= 200 && code <= 299);
}

static enum reply_class classify_meta(const struct reply *r, struct verdict *v)
{
	struct json_value *root = parse_quietly(r->body, r->body_len);
	const struct json_value *err = json_get(root, "error");
	enum reply_class cls;

	meta_usage(r, v);
	if (json_type(err) != JSON_OBJECT) {
		json_free(root);
		cls = by_status(r, v);
		/* Meta has no 429 and no Retry-After: keep the header's wait */
		if (cls != REPLY_OK && cls != REPLY_THROTTLED)
			v->wait_s = 0;
		return cls;
	}
	v->code = num_member(err, "code");
	v->subcode = num_member(err, "error_subcode");
	set_message(v, json_str(json_get(err, "message")));
	if (meta_throttle_code(v->code))
		cls = REPLY_THROTTLED;
	else if (meta_auth_code(v->code))
		cls = REPLY_AUTH;
	else if (v->code == 1 || v->code == 2 ||
		 json_type(json_get(err, "is_transient")) == JSON_TRUE)
		cls = REPLY_RETRYABLE;
	else if (r->status >= 500)
		cls = REPLY_SERVER;
	else
		cls = REPLY_CLIENT;
	if (cls != REPLY_THROTTLED)
		v->wait_s = 0;
	json_free(root);
	return cls;
}

static enum reply_class classify_linkedin(const struct reply *r,
					  struct verdict *v)
{
	enum reply_class cls = by_status(r, v);

	if (cls != REPLY_OK) {
		struct json_value *root = parse_quietly(r->body, r->body_len);

		set_message(v, json_str(json_get(root, "message")));
		v->code = num_member(root, "serviceErrorCode");
		json_free(root);
	}
	return cls;
}

static bool tiktok_auth_code(long code)
{
	/*
	 * 40001 permission, 40102 token expired, 40103 refresh token
	 * expired, 40104 empty token, 40105 invalid token, 40107 invalid
	 * refresh token, 40130 scope not authorised
	 */
	return code == 40001 || (code >= 40102 && code <= 40105) ||
	       code == 40107 || code == 40130;
}

static enum reply_class classify_tiktok(const struct reply *r,
					struct verdict *v)
{
	struct json_value *root;
	const struct json_value *code;
	enum reply_class cls = by_status(r, v);

	if (cls != REPLY_OK)
		return cls;
	root = parse_quietly(r->body, r->body_len);
	code = json_get(root, "code");
	set_message(v, json_str(json_get(root, "message")));
	if (json_type(code) != JSON_NUMBER) {
		json_free(root);
		set_message(v, "the reply is not TikTok's {\"code\": ...} "
			       "envelope");
		return REPLY_SERVER;
	}
	v->code = num_member(root, "code");
	json_free(root);
	if (v->code == 0 || v->code == 20001) /* 20001: partly ok */
		return REPLY_OK;
	/* 40100 too frequent, 40132 frequency limited, 61000 too many */
	if (v->code == 40100 || v->code == 40132 || v->code == 61000)
		return REPLY_THROTTLED;
	if (tiktok_auth_code(v->code))
		return REPLY_AUTH;
	/* 40201 task not ready, 50002 system timeout */
	if (v->code == 40201 || v->code == 50002)
		return REPLY_RETRYABLE;
	/* 50000 system error, 51000+ internal, 60001 maintenance */
	if (v->code == 50000 || (v->code >= 51000 && v->code < 52000) ||
	    v->code == 60001)
		return REPLY_SERVER;
	return REPLY_CLIENT;
}

enum reply_class throttle_classify(enum api_platform p, const struct reply *r,
				   struct verdict *v)
{
	memset(v, 0, sizeof(*v));
	v->usage_pct = -1;
	switch (p) {
	case API_META:
		v->cls = classify_meta(r, v);
		break;
	case API_LINKEDIN:
		v->cls = classify_linkedin(r, v);
		break;
	case API_TIKTOK:
		v->cls = classify_tiktok(r, v);
		break;
	case API_GENERIC:
		v->cls = by_status(r, v);
		break;
	}
	return v->cls;
}
