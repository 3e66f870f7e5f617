/*
 * ads - the ad sets and ads an approved plan and a job feed make: what
 * `jobmix ads` previews and `jobmix push` creates.
 *
 * One ad set per plan cell on an ad platform (Meta, LinkedIn, TikTok),
 * or one per channel whose ad set is shared (docs/inputs.md 1.2
 * ad_set), with the cell's daily budget, the channel's flight and the
 * persona's targeting after the platform's employment-ad rules
 * (compliance.h). One ad per job of the feed the persona gets
 * (jobmatch.h), with a headline and text from the job, the persona's
 * hook and the campaign's proposition, within the platform's text
 * limits (each shortening said in a sentence), a landing URL with UTM
 * parameters, and an apply call to action. Offline channels (job
 * boards, newspapers, referrals) have no ad set here.
 *
 * Every name and key is stable: the same plan and feed give the same
 * local keys, which the store maps to the platforms' ids, so a second
 * push updates instead of creating again.
 */
#ifndef ADS_H
#define ADS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "campaign.h"
#include "compliance.h"
#include "strbuf.h"

struct diag;
struct feed;
struct planfile;

struct ad {
	size_t job; /* index into the feed's jobs */
	char *name; /* owned; e.g. "EL-2027-014 / installers / meta_feed" */
	char *local_key;   /* owned; stable key of the ad in the store */
	char *headline;    /* owned; within the platform's headline limit */
	char *text;        /* owned; the primary text, within its limit */
	char *description; /* owned, may be NULL; link description */
	char *url;         /* owned; the job's URL with UTM parameters */
	const char *cta;   /* the platform's apply call to action */
	struct strvec shortened; /* a sentence per shortening */
};

struct ad_set {
	enum platform platform;
	size_t channel;  /* index into the plan's channels */
	size_t persona;  /* index into its personas; SIZE_MAX: shared ad set */
	char *name;      /* owned; e.g. "installers / meta_feed" */
	char *local_key; /* owned; stable key of the ad set in the store */
	int64_t daily;   /* minor units of the plan's currency */
	int64_t spend;   /* the ad set's whole planned spend, minor units */
	char start[11], end[11];      /* the channel's flight, YYYY-MM-DD */
	struct targeting targeting;   /* after the platform's rules */
	struct compliance compliance; /* what the rules changed, refused */
	bool refused; /* a rule refuses it: it is not pushed (see compliance) */
	struct ad *ads; /* owned */
	size_t n_ads;
};

struct ad_plan {
	char *campaign_name; /* owned; the plan's campaign name */
	char *campaign_key; /* owned; stable key of the campaign in the store */
	char currency[4];
	int digits;
	struct ad_set *sets; /* owned */
	size_t n_sets;
	struct strvec notes; /* jobs no persona gets, personas with no job... */
};

/*
 * Build the ad sets and ads of plan pf with the jobs of feed. 0, or -1
 * after a message through d (a plan and feed that give no ad at all).
 */
int ads_build(const struct planfile *pf, const struct feed *feed,
	      struct ad_plan *out, struct diag *d);
void ad_plan_release(struct ad_plan *ap);

/*
 * What `jobmix ads` and `jobmix push` start from: load the plan file
 * and the feed, and build their ad sets and ads, every problem reported
 * as file:line or file: JSON path. 0, or the exit status.
 */
int ads_load(const char *plan_path, const char *feed_path, struct planfile *pf,
	     struct feed *f, struct ad_plan *ap);

/*
 * Added for the ads preview and its tests (not used by push): the text
 * limits, counting and shortening, slugs and landing URLs.
 */

enum ad_field {
	AD_HEADLINE,
	AD_TEXT,        /* Meta primary text, LinkedIn introductory text,
			   TikTok ad_text */
	AD_DESCRIPTION, /* the link description */
};

/* one platform's limit on one field, with where the figure comes from */
struct ad_limit {
	enum platform platform;
	enum ad_field field;
	const char *name;   /* the platform's name for the field */
	size_t recommended; /* to avoid truncation; 0: none */
	size_t hard;        /* the platform refuses more; 0: none known */
	bool wide_counts_2; /* a Chinese, Japanese or Korean character
			       counts as two */
	const char *source;
};

/* the limits, in the order docs/ads-json.md lists them */
const struct ad_limit *ads_limits(size_t *n);
/* platform p's limit on field f, or NULL: the field is not sent */
const struct ad_limit *ads_limit(enum platform p, enum ad_field f);
/* the length of UTF-8 text s in characters, wide ones as two if asked */
size_t ads_width(const char *s, bool wide_counts_2);
/*
 * s within limit characters: a copy of s when it fits, else its longest
 * beginning that ends at a word boundary (or, for one long word, at a
 * character), without trailing punctuation, and an ellipsis "…".
 */
char *ads_shorten(const char *s, size_t limit, bool wide_counts_2);
/* a slug of s for utm_campaign: "grid-electricians-umea-winter-2027" */
void ads_slug(struct strbuf *out, const char *s);
/*
 * The landing URL: job_url with utm_source (meta, linkedin, tiktok),
 * utm_medium=paid_social, utm_campaign, utm_content (persona.channel)
 * and the platform's click-id macro as utm_id (Meta {{ad.id}}, TikTok
 * __CID__, none on LinkedIn), each percent-encoded, added to its query
 * before any fragment.
 */
void ads_landing_url(struct strbuf *out, const char *job_url, enum platform p,
		     const char *campaign_slug, const char *persona,
		     const char *channel);
/* the apply call to action of platform p: APPLY_NOW, APPLY ... */
const char *ads_cta(enum platform p);

#endif
