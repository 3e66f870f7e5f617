/*
 * campaign - the resolved inputs of a plan: the campaign, its personas
 * and the channel catalogue with the campaign's overrides applied.
 *
 * Money is int64_t minor units of the campaign currency (öre, cents);
 * catalogue prices are converted with the campaign's fx rates when the
 * campaign is resolved. A struct campaign owns everything it points
 * to; campaign_release() frees it. Loaders live in catalogue.h (CSV)
 * and audience.h (JSON).
 */
#ifndef CAMPAIGN_H
#define CAMPAIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

#define MONEY_NONE (-1) /* an optional amount that was not given */

enum platform {
	PLATFORM_META,
	PLATFORM_LINKEDIN,
	PLATFORM_TIKTOK,
	PLATFORM_OFFLINE,
};

enum pricing {
	PRICING_CPM,      /* price per 1000 impressions */
	PRICING_CPC,      /* price per click */
	PRICING_FLAT,     /* a fixed fee buys a fixed number of impressions */
	PRICING_PER_HIRE, /* a bonus per hire (referral programmes) */
};

/* what a channel's content_cost is charged per */
enum content_unit {
	CONTENT_NONE,  /* no content cost */
	CONTENT_SEND,  /* per send (per impression of a cpm or cpc row) */
	CONTENT_MONTH, /* per month of the campaign (days / 30), once */
};

enum ctr_basis {
	CTR_IMPRESSION, /* clicks per impression */
	CTR_UNIQUE,     /* share of reached people who click at least once */
};

struct channel {
	char *id;       /* owned */
	char *name;     /* owned */
	char *currency; /* owned; the catalogue row's currency */
	char *source;   /* owned; where the figures come from */
	enum platform platform;
	enum pricing pricing;
	int64_t price; /* minor units of the campaign currency */
	double ctr;
	enum ctr_basis ctr_basis;
	double ref_frequency; /* frequency the ctr was measured at, >= 1 */
	double apply_rate;    /* click to application */
	double hire_rate;     /* application to hire */
	double precision;     /* share of impressions on the persona */
	double frequency_cap; /* 0: none */
	int64_t min_daily;    /* per ad set; 0: none */
	bool shared_ad_set;   /* one ad set serves every persona (ad_set
				 "shared"); else one per persona */
	int64_t min_spend;    /* channel floor; 0: none */
	int64_t max_spend;    /* MONEY_NONE: none */
	double max_share;     /* of the budget; 1: none */
	double impressions;   /* flat channels: what the fee buys */
	bool excluded;        /* the campaign excludes the whole channel */
	int line;             /* catalogue line, for messages */
	/* the channel's flight: its own dates inside the campaign's, or
	 * the campaign's; days = end - start + 1 */
	char start[11], end[11];
	int days;
	bool own_dates; /* start and end were given for the channel */
	/* off-target clicks apply at apply_rate x this factor, [0, 1];
	 * the campaign's off_target_factor unless off_target_given */
	double off_target_factor;
	bool off_target_given;
	/* content written for the channel (talent-pool nurture), minor
	 * units of the campaign currency per content_unit; 0: none */
	int64_t content_cost;
	enum content_unit content_unit;
};

struct location {
	char *city;    /* owned */
	char *country; /* owned; ISO 3166-1 alpha-2 */
	double radius_km;
};

struct strlist {
	char **item; /* owned, each owned */
	size_t n;
};

/* which of a persona_channel's own figures the audience gives */
enum {
	PC_APPLY_RATE = 1u << 0,
	PC_HIRE_RATE = 1u << 1,
	PC_PRECISION = 1u << 2,
	PC_PRICE = 1u << 3,
	PC_IMPRESSIONS = 1u << 4,
};

/*
 * One persona on one channel. The figures after affinity override the
 * channel's (catalogue, then campaign overrides) for this persona only;
 * each counts only when its PC_* bit is set in given, so a zeroed
 * persona_channel overrides nothing. response_init() applies them.
 */
struct persona_channel {
	size_t channel;  /* index into campaign.channels */
	double share;    /* of the persona reachable there, (0,1] */
	double affinity; /* multiplies the click-through, default 1 */
	unsigned given;  /* PC_* bits: the overrides below that are set */
	double apply_rate, hire_rate, precision;
	int64_t price;      /* minor units of the campaign currency, > 0 */
	double impressions; /* flat channels: what the fee buys, > 0 */
};

/*
 * Targeting a persona asks the ad platforms for, beyond its locations
 * and interests (the audience's "targeting" object). Job ads may not
 * use most of it: compliance.h widens, drops or refuses each part per
 * platform, and validate warns about it.
 */
struct persona_targeting {
	int64_t age_min, age_max;    /* 0: not given; age_max 65: 65+ */
	struct strlist genders;      /* "female", "male"; none: all */
	struct strlist postal_codes; /* as the persona writes them */
	struct location *exclude;    /* owned; places left out */
	size_t n_exclude;
	struct strlist exclude_interests;
	char *lookalike; /* owned, may be NULL: a lookalike's source */
};

/*
 * A persona's "jobs": which jobs of the job feed it gets. A job is the
 * persona's when any rule takes it; a persona with no rule gets none.
 */
struct job_rules {
	struct strlist categories;     /* the job's <category>, whole */
	struct strlist title_keywords; /* found anywhere in its <title> */
	struct strlist references;     /* its <referencenumber>, exactly */
};

struct persona {
	char *id;   /* owned */
	char *name; /* owned */
	int64_t size;
	struct location *locations; /* owned */
	size_t n_locations;
	struct strlist education, interests, job_titles, skills, languages;
	double experience_min, experience_max; /* years; max < 0: open */
	int64_t value_per_hire;                /* MONEY_NONE: not given */
	/* the most one application or hire may cost; 0: the campaign's */
	int64_t max_cost_per_application, max_cost_per_hire;
	double goal_applications;         /* 0: none */
	double goal_hires;                /* 0: none */
	int64_t budget_cap;               /* MONEY_NONE: none */
	char *hook;                       /* owned, may be NULL */
	struct job_rules jobs;            /* which feed jobs it gets */
	struct persona_channel *channels; /* owned */
	size_t n_channels;
	struct persona_targeting targeting; /* what it asks the platforms */
};

struct exclusion {
	size_t persona, channel;
	char *reason; /* owned, may be NULL */
};

/*
 * An exchange rate of the audience's campaign.fx: campaign-currency
 * units per one unit of currency, as the decimal text of the audience
 * (push converts budgets with it exactly).
 */
struct fx_rate {
	char *currency; /* owned; ISO 4217 */
	char *rate;     /* owned; e.g. "10.45" */
};

enum objective {
	OBJ_APPLICATIONS,
	OBJ_HIRES,
	OBJ_VALUE,
	OBJ_REACH,
	OBJ_BLEND,
	OBJ_MIN_COST,
};

struct campaign {
	char *name;        /* owned */
	char *client;      /* owned, may be NULL */
	char *currency;    /* owned; ISO 4217 */
	int digits;        /* minor-unit digits of the currency */
	char *proposition; /* owned, may be NULL; employer-brand message */
	int64_t budget;
	char start[11], end[11]; /* YYYY-MM-DD */
	int days;                /* end - start + 1 */
	enum objective objective;
	double short_term_weight; /* blend: weight of applications, [0,1] */
	double goal_applications; /* campaign-wide; 0: none */
	double goal_hires;
	/* the most one application or hire may cost, minor units; 0: none */
	int64_t max_cost_per_application, max_cost_per_hire;
	struct channel *channels; /* owned; the catalogue, overridden */
	size_t n_channels;
	struct persona *personas; /* owned */
	size_t n_personas;
	struct exclusion *exclusions; /* owned */
	size_t n_exclusions;
	/* screening one application (qualified or off-target), minor units */
	int64_t screening_cost;
	/* off-target clicks apply at this factor of the apply rate, [0, 1] */
	double off_target_factor;
	/* per-hire payouts do not count against the budget */
	bool referral_outside_budget;
	/* campaign.fx's valid rates, kept for push; owned */
	struct fx_rate *fx;
	size_t n_fx;
};

void campaign_release(struct campaign *c);
void channel_release(struct channel *ch);
void strlist_release(struct strlist *l);

/* index of the channel with this id, or -1 */
long campaign_find_channel(const struct campaign *c, const char *id);
long campaign_find_persona(const struct campaign *c, const char *id);
/* is the cell excluded by the user (or its channel excluded)? */
bool campaign_cell_excluded(const struct campaign *c, size_t persona,
			    size_t channel);

/*
 * The price of persona p's channel entry pc (an index into its
 * channels): the persona's override, or the channel's. A flat channel
 * has no persona override: its fee is one buy for every persona.
 */
int64_t campaign_cell_price(const struct campaign *c, size_t p, size_t pc);

/*
 * The content cost of channel ch that the campaign pays once, whatever
 * it sends: content_cost x days / 30 for a per-month cost, rounded to a
 * minor unit, when some persona can use the channel; 0 for none or a
 * per-send cost (that is in the price per 1000 sends).
 */
int64_t campaign_content_fixed(const struct campaign *c, size_t ch);
/* does channel ch's spend count against the budget? */
bool campaign_in_budget(const struct campaign *c, size_t ch);

/* index of the first persona without value_per_hire, or -1 */
long campaign_persona_without_value(const struct campaign *c);
/* a goal on the campaign or on any persona? */
bool campaign_has_goal(const struct campaign *c);
/*
 * Can the campaign be planned for objective o? 0, or -1 with a sentence
 * appended to *why: 'value' needs value_per_hire on every persona,
 * 'min-cost' a goal to meet.
 */
int campaign_objective_check(const struct campaign *c, enum objective o,
			     struct strbuf *why);

const char *platform_name(enum platform p);
int platform_parse(const char *s, enum platform *out);
const char *pricing_name(enum pricing p);
int pricing_parse(const char *s, enum pricing *out);
const char *objective_name(enum objective o);
int objective_parse(const char *s, enum objective *out);
/* the unit an objective is counted in: "applications", "SEK", ... */
const char *objective_unit(enum objective o, const struct campaign *c);

/*
 * Days from start to end inclusive, both YYYY-MM-DD; -1 if either is
 * not a real calendar date or end is before start.
 */
int date_span_days(const char *start, const char *end);
/* is s a real calendar date YYYY-MM-DD? */
bool date_valid(const char *s);
/*
 * Days as numbers, days since 1970-01-01, and back: date_day() of a
 * real date YYYY-MM-DD from 1970 (-1 for anything else, NULL too),
 * date_format() into 11 bytes, days_from_civil() of a year, month, day.
 */
long date_day(const char *s);
void date_format(long day, char out[11]);
long days_from_civil(long y, long m, long d);

#endif
