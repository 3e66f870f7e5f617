/*
 * throttle - what an ad platform's reply means: success, a throttle and
 * how long to wait, an auth error, a client error or a server error.
 *
 * Each platform says "slow down" its own way (docs/development.md has
 * the table): Meta answers HTTP 400 with error.code 4, 17, 32, 613 or
 * 80000-80014 and tells in its usage headers when access comes back;
 * LinkedIn answers 429, perhaps with Retry-After; TikTok answers HTTP
 * 200 with code 40100. throttle_classify() reads a reply given as plain
 * data (no libcurl, no http.h), so the http module, the platform
 * adapters and the tests all use the same rules. It allocates nothing:
 * the verdict holds its message in place.
 */
#ifndef THROTTLE_H
#define THROTTLE_H

#include <stddef.h>

/*
 * Whose rules a reply is read by. Not campaign.h's enum platform: the
 * adapters map a plan's platform to these, so that this layer does not
 * depend on the planning model (and "offline" has no API).
 */
enum api_platform {
	API_GENERIC, /* HTTP status codes only */
	API_META,
	API_LINKEDIN,
	API_TIKTOK,
};

enum reply_class {
	REPLY_OK,
	REPLY_THROTTLED, /* slow down; verdict.wait_s says how long (0: unsaid)
			  */
	REPLY_RETRYABLE, /* the platform says the same request may succeed */
	REPLY_AUTH,     /* token missing, expired, revoked or lacking a right */
	REPLY_CLIENT,   /* the request is wrong: repeating it cannot help */
	REPLY_SERVER,   /* HTTP 5xx, or a reply not in the platform's shape */
	REPLY_NO_REPLY, /* no complete reply (set by http, never classified) */
};

/* a reply as the classifiers see it; header values NULL when absent */
struct reply {
	long status; /* HTTP status */
	const char *body;
	size_t body_len;
	const char *retry_after;       /* Retry-After */
	const char *buc_usage;         /* Meta X-Business-Use-Case-Usage */
	const char *app_usage;         /* Meta X-App-Usage */
	const char *ad_account_usage;  /* Meta X-Ad-Account-Usage */
	const char *insights_throttle; /* Meta X-FB-Ads-Insights-Throttle */
};

struct verdict {
	enum reply_class cls;
	/*
	 * Seconds the platform asks us to wait: Meta's largest
	 * estimated_time_to_regain_access (minutes) times 60, LinkedIn's
	 * Retry-After. Meta may set it on a successful reply too: the
	 * next call would be throttled.
	 */
	double wait_s;
	double usage_pct;  /* Meta: the highest usage percentage; -1 none */
	long code;         /* Meta error.code, TikTok code; 0 none */
	long subcode;      /* Meta error.error_subcode; 0 none */
	char message[256]; /* the platform's own words, or "" */
};

enum reply_class throttle_classify(enum api_platform p, const struct reply *r,
				   struct verdict *v);

/* "ok", "throttled", "retryable", "auth error", ... */
const char *throttle_class_name(enum reply_class cls);
/* "meta", "linkedin", "tiktok", "generic" */
const char *throttle_api_name(enum api_platform p);

#endif
