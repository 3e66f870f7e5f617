#include "campaign.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

void strlist_release(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->item[i]);
	free(l->item);
	l->item = NULL;
	l->n = 0;
}

void channel_release(struct channel *ch)
{
	free(ch->id);
	free(ch->name);
	free(ch->currency);
	free(ch->source);
	memset(ch, 0, sizeof(*ch));
}

static void persona_release(struct persona *p)
{
	free(p->id);
	free(p->name);
	for (size_t i = 0; i < p->n_locations; i++) {
		free(p->locations[i].city);
		free(p->locations[i].country);
	}
	free(p->locations);
	strlist_release(&p->education);
	strlist_release(&p->interests);
	strlist_release(&p->job_titles);
	strlist_release(&p->skills);
	strlist_release(&p->languages);
	free(p->hook);
	strlist_release(&p->jobs.categories);
	strlist_release(&p->jobs.title_keywords);
	strlist_release(&p->jobs.references);
	free(p->channels);
	strlist_release(&p->targeting.genders);
	strlist_release(&p->targeting.postal_codes);
	for (size_t i = 0; i < p->targeting.n_exclude; i++) {
		free(p->targeting.exclude[i].city);
		free(p->targeting.exclude[i].country);
	}
	free(p->targeting.exclude);
	strlist_release(&p->targeting.exclude_interests);
	free(p->targeting.lookalike);
}

void campaign_release(struct campaign *c)
{
	if (!c)
		return;
	free(c->name);
	free(c->client);
	free(c->currency);
	free(c->proposition);
	for (size_t i = 0; i < c->n_fx; i++) {
		free(c->fx[i].currency);
		free(c->fx[i].rate);
	}
	free(c->fx);
	for (size_t i = 0; i < c->n_channels; i++)
		channel_release(&c->channels[i]);
	free(c->channels);
	for (size_t i = 0; i < c->n_personas; i++)
		persona_release(&c->personas[i]);
	free(c->personas);
	for (size_t i = 0; i < c->n_exclusions; i++)
		free(c->exclusions[i].reason);
	free(c->exclusions);
	memset(c, 0, sizeof(*c));
}

long campaign_find_channel(const struct campaign *c, const char *id)
{
	for (size_t i = 0; i < c->n_channels; i++)
		if (strcmp(c->channels[i].id, id) == 0)
			return (long)i;
	return -1;
}

long campaign_find_persona(const struct campaign *c, const char *id)
{
	for (size_t i = 0; i < c->n_personas; i++)
		if (strcmp(c->personas[i].id, id) == 0)
			return (long)i;
	return -1;
}

bool campaign_cell_excluded(const struct campaign *c, size_t persona,
			    size_t channel)
{
	if (c->channels[channel].excluded)
		return true;
	for (size_t i = 0; i < c->n_exclusions; i++)
		if (c->exclusions[i].persona == persona &&
		    c->exclusions[i].channel == channel)
			return true;
	return false;
}

int64_t campaign_cell_price(const struct campaign *c, size_t p, size_t pc)
{
	const struct persona_channel *cell = &c->personas[p].channels[pc];

	if (cell->given & PC_PRICE)
		return cell->price;
	return c->channels[cell->channel].price;
}

int64_t campaign_content_fixed(const struct campaign *c, size_t ch)
{
	const struct channel *chan = &c->channels[ch];

	if (chan->content_unit != CONTENT_MONTH || chan->excluded)
		return 0;
	/* paid once the campaign can use the channel at all */
	for (size_t p = 0; p < c->n_personas; p++)
		for (size_t k = 0; k < c->personas[p].n_channels; k++)
			if (c->personas[p].channels[k].channel == ch &&
			    !campaign_cell_excluded(c, p, ch))
				return llround((double)chan->content_cost *
					       c->days / 30);
	return 0;
}

bool campaign_in_budget(const struct campaign *c, size_t ch)
{
	return !c->referral_outside_budget ||
	       c->channels[ch].pricing != PRICING_PER_HIRE;
}

long campaign_persona_without_value(const struct campaign *c)
{
	for (size_t i = 0; i < c->n_personas; i++)
		if (c->personas[i].value_per_hire == MONEY_NONE)
			return (long)i;
	return -1;
}

bool campaign_has_goal(const struct campaign *c)
{
	if (c->goal_applications > 0 || c->goal_hires > 0)
		return true;
	for (size_t i = 0; i < c->n_personas; i++)
		if (c->personas[i].goal_applications > 0 ||
		    c->personas[i].goal_hires > 0)
			return true;
	return false;
}

int campaign_objective_check(const struct campaign *c, enum objective o,
			     struct strbuf *why)
{
	long i;

	if (o == OBJ_VALUE && (i = campaign_persona_without_value(c)) >= 0) {
		strbuf_addf(why,
			    "objective 'value' needs value_per_hire on every "
			    "persona; '%s' has none",
			    c->personas[i].id);
		return -1;
	}
	if (o == OBJ_MIN_COST && !campaign_has_goal(c)) {
		strbuf_addstr(why, "objective 'min-cost' needs a goal "
				   "(campaign.goal or a persona's goal) to "
				   "meet");
		return -1;
	}
	return 0;
}

static const char *const platform_names[] = {
	[PLATFORM_META] = "meta",
	[PLATFORM_LINKEDIN] = "linkedin",
	[PLATFORM_TIKTOK] = "tiktok",
	[PLATFORM_OFFLINE] = "offline",
};

static const char *const pricing_names[] = {
	[PRICING_CPM] = "cpm",
	[PRICING_CPC] = "cpc",
	[PRICING_FLAT] = "flat",
	[PRICING_PER_HIRE] = "per_hire",
};

static const char *const objective_names[] = {
	[OBJ_APPLICATIONS] = "applications",
	[OBJ_HIRES] = "hires",
	[OBJ_VALUE] = "value",
	[OBJ_REACH] = "reach",
	[OBJ_BLEND] = "blend",
	[OBJ_MIN_COST] = "min-cost",
};

static int lookup(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *platform_name(enum platform p)
{
	return platform_names[p];
}

int platform_parse(const char *s, enum platform *out)
{
	int i = lookup(platform_names,
		       sizeof(platform_names) / sizeof(*platform_names), s);

	if (i < 0)
		return -1;
	*out = (enum platform)i;
	return 0;
}

const char *pricing_name(enum pricing p)
{
	return pricing_names[p];
}

int pricing_parse(const char *s, enum pricing *out)
{
	int i = lookup(pricing_names,
		       sizeof(pricing_names) / sizeof(*pricing_names), s);

	if (i < 0)
		return -1;
	*out = (enum pricing)i;
	return 0;
}

const char *objective_name(enum objective o)
{
	return objective_names[o];
}

int objective_parse(const char *s, enum objective *out)
{
	int i = lookup(objective_names,
		       sizeof(objective_names) / sizeof(*objective_names), s);

	if (i < 0)
		return -1;
	*out = (enum objective)i;
	return 0;
}

long days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int parse_date(const char *s, long *day)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31 };
	long y, m, d, dim;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = strtol(s, NULL, 10);
	m = strtol(s + 5, NULL, 10);
	d = strtol(s + 8, NULL, 10);
	if (y < 1970 || y > 9999 || m < 1 || m > 12)
		return -1;
	dim = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		dim = 29;
	if (d < 1 || d > dim)
		return -1;
	*day = days_from_civil(y, m, d);
	return 0;
}

bool date_valid(const char *s)
{
	long day;

	return parse_date(s, &day) == 0;
}

long date_day(const char *s)
{
	long day;

	return s && parse_date(s, &day) == 0 ? day : -1;
}

/* the proleptic Gregorian date of day z (H. Hinnant's civil_from_days) */
static void civil_from_days(long z, long *y, long *m, long *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

void date_format(long day, char out[11])
{
	long y, m, d;

	civil_from_days(day, &y, &m, &d);
	y = y < 0 ? 0 : y % 10000;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

int date_span_days(const char *start, const char *end)
{
	long a, b;

	if (parse_date(start, &a) < 0 || parse_date(end, &b) < 0 || b < a)
		return -1;
	return (int)(b - a + 1);
}

const char *objective_unit(enum objective o, const struct campaign *c)
{
	switch (o) {
	case OBJ_APPLICATIONS:
		return "applications";
	case OBJ_HIRES:
		return "hires";
	case OBJ_VALUE:
	case OBJ_MIN_COST:
		return c->currency;
	case OBJ_REACH:
		return "people reached";
	case OBJ_BLEND:
		return "blend points";
	}
	return "";
}
