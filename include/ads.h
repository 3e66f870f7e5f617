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

#endif
