/*
 * compliance - the employment-ad rules of Meta, TikTok and LinkedIn,
 * applied to the targeting of one ad set before any request is built.
 *
 * struct targeting is what one ad set asks for, in no platform's terms.
 * compliance_apply() rewrites it for one platform, rule by rule from a
 * table (each row names its section of the ad-API reference,
 * shared/reference/ad-apis.md §1.5, §1.6, §2.9, §3.5): it widens what
 * can be widened (a radius up to the minimum, ages to the full range,
 * genders to all), drops what the rules forbid when dropping only
 * widens the audience, and refuses what cannot be made compliant. Each
 * change and refusal is one sentence a marketer understands, and the
 * result names the flag the platform needs for job ads. docs/compliance.md
 * has the rules as tables.
 *
 * A struct targeting and a struct compliance own what they point to;
 * targeting_release() and compliance_release() free it.
 */
#ifndef COMPLIANCE_H
#define COMPLIANCE_H

#include <stdbool.h>
#include <stddef.h>

#include "campaign.h"

struct diag;

/* genders, as bits; none set or both set: all */
enum { TG_FEMALE = 1u << 0, TG_MALE = 1u << 1 };

#define TG_AGE_TOP 65 /* an age_max of 65 or more reads "65+" */

struct targeting {
	struct location *places; /* owned; city NULL: the whole country */
	size_t n_places;
	struct location *excluded_places; /* owned */
	size_t n_excluded_places;
	struct strlist postal_codes;
	int age_min, age_max; /* 0: not narrowed at that end */
	unsigned genders;     /* TG_* bits; 0: all */
	struct strlist interests, excluded_interests;
	struct strlist job_titles, skills, languages, education;
	struct strlist lookalikes;         /* sources of lookalike audiences */
	struct strlist excluded_audiences; /* custom audiences left out */
	struct strlist interest_keywords;
	struct strlist device_prices; /* device price ranges */
	bool expansion; /* may the platform reach beyond the targeting? */
};

/* the part of a targeting a rule speaks about */
enum tg_part {
	TG_AGE,
	TG_GENDERS,
	TG_POSTAL_CODES,
	TG_EXCLUDED_PLACES,
	TG_RADIUS,
	TG_EXCLUDED_INTERESTS,
	TG_LOOKALIKES,
	TG_EXCLUDED_AUDIENCES,
	TG_DEVICE_PRICES,
	TG_INTEREST_KEYWORDS,
	TG_EXPANSION,
	TG_COUNTRY,
};

/* what compliance did about one rule */
enum tg_action {
	TG_WIDENED, /* the audience was made larger */
	TG_DROPPED, /* a setting was removed; the audience only grows */
	TG_REFUSED, /* cannot be made compliant: the ad set is not pushed */
};

struct compliance_note {
	enum tg_part part;
	enum tg_action action;
	size_t place;        /* TG_RADIUS, TG_COUNTRY: index into places */
	const char *section; /* of ad-apis.md, e.g. "§1.6" */
	char *text;          /* owned; one sentence */
};

struct compliance {
	struct compliance_note *notes; /* owned; in the order of the rules */
	size_t n_notes, alloc;
	size_t n_refused; /* notes with TG_REFUSED */
	/*
	 * The flag for job ads: Meta's campaign special_ad_categories and
	 * TikTok's special_industries, both ["EMPLOYMENT"]; NULL on
	 * LinkedIn, whose API has none (its rules are kept by never
	 * sending age or gender targeting).
	 */
	const char *category_field;
	const char *category_value;
	/* Meta's special_ad_category_country: the places' countries */
	struct strlist countries;
};

/* a targeting from persona p's locations, interests and targeting */
void targeting_from_persona(struct targeting *t, const struct persona *p);
void targeting_release(struct targeting *t);

/*
 * Apply platform p's employment-ad rules to t, in place, and say what
 * was done in *out (zeroed first; the caller releases it). Returns 0
 * when t may be pushed (perhaps changed), -1 when a rule refuses it.
 * PLATFORM_OFFLINE has no rules.
 */
int compliance_apply(enum platform p, struct targeting *t,
		     struct compliance *out);
void compliance_release(struct compliance *out);

/*
 * For `jobmix validate`: warn through d, at the persona's JSON path,
 * about each part of a persona's targeting that job ads may not use on
 * a platform it is planned on (a cell not excluded). Returns the number
 * of warnings.
 */
int compliance_warn_campaign(const struct campaign *c, struct diag *d);

#endif
