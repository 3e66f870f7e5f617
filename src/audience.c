/*
 * The audience analysis. cJSON stays inside this file: values are
 * checked field by field with their JSON path, so a message can say
 * "personas[1].channels.meta_feed.share: expected a share above 0 and
 * at most 1, found 1.4". Unknown and duplicate keys are errors.
 */
#include "audience.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "catalogue.h"
#include "diag.h"
#include "money.h"
#include "strbuf.h"
#include "wrapper.h"
#include "fileio.h"

struct ctx {
	struct diag *d;
	struct campaign *c;
	const struct catalogue *cat;
};

/* "a.b", "a[3]": a child path in a buffer the caller releases */
static const char *child(struct strbuf *sb, const char *path, const char *key)
{
	strbuf_reset(sb);
	if (*path)
		strbuf_addf(sb, "%s.%s", path, key);
	else
		strbuf_addstr(sb, key);
	return strbuf_str(sb);
}

static const char *item(struct strbuf *sb, const char *path, size_t i)
{
	strbuf_reset(sb);
	strbuf_addf(sb, "%s[%zu]", path, i);
	return strbuf_str(sb);
}

static const char *type_name(const cJSON *v)
{
	if (!v)
		return "nothing";
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsBool(v))
		return "a boolean";
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsArray(v))
		return v->child ? "an array" : "an empty array";
	return "an object";
}

/* "1.4", "\"abc\"" or "an object": what was found, for messages */
static void describe(struct strbuf *sb, const cJSON *v)
{
	if (cJSON_IsNumber(v))
		strbuf_addf(sb, "%.10g", v->valuedouble);
	else if (cJSON_IsString(v) && strlen(v->valuestring) <= 40)
		strbuf_addf(sb, "\"%s\"", v->valuestring);
	else
		strbuf_addstr(sb, type_name(v));
}

static void wrong(struct ctx *x, const char *path, const char *expected,
		  const cJSON *v)
{
	struct strbuf sb = STRBUF_INIT;

	describe(&sb, v);
	diag_path(x->d, path, "expected %s, found %s", expected, sb.buf);
	strbuf_release(&sb);
}

/* check an object's keys: unknown and repeated keys are errors */
static int check_object(struct ctx *x, const cJSON *obj, const char *path,
			const char *const *allowed)
{
	struct strbuf sb = STRBUF_INIT;
	int bad = 0;

	if (!cJSON_IsObject(obj)) {
		wrong(x, *path ? path : "(top level)", "an object", obj);
		return -1;
	}
	for (const cJSON *k = obj->child; k; k = k->next) {
		int known = allowed == NULL;

		for (const char *const *a = allowed; a && *a; a++)
			if (strcmp(*a, k->string) == 0)
				known = 1;
		if (!known) {
			diag_path(x->d, child(&sb, path, k->string),
				  "unknown field '%s'", k->string);
			bad = 1;
		}
		for (const cJSON *j = obj->child; j != k; j = j->next)
			if (strcmp(j->string, k->string) == 0) {
				diag_path(x->d, child(&sb, path, k->string),
					  "field '%s' given twice", k->string);
				bad = 1;
				break;
			}
	}
	strbuf_release(&sb);
	return bad ? -1 : 0;
}

static const cJSON *field(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* a string field; NULL *out when absent and optional */
static int get_string(struct ctx *x, const cJSON *obj, const char *path,
		      const char *key, int required, char **out)
{
	const cJSON *v = field(obj, key);
	struct strbuf sb = STRBUF_INIT;
	int rc = 0;

	*out = NULL;
	child(&sb, path, key);
	if (!v) {
		if (required) {
			diag_path(x->d, sb.buf, "missing; expected a string");
			rc = -1;
		}
	} else if (!cJSON_IsString(v) || !*v->valuestring) {
		wrong(x, sb.buf, "a non-empty string", v);
		rc = -1;
	} else {
		*out = xstrdup(v->valuestring);
	}
	strbuf_release(&sb);
	return rc;
}

/*
 * A number in [lo, hi] (lo excluded if lo_open); absent gives def, or
 * an error when required.
 */
static int get_number(struct ctx *x, const cJSON *obj, const char *path,
		      const char *key, int required, double lo, double hi,
		      int lo_open, double def, double *out)
{
	const cJSON *v = field(obj, key);
	struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
	int rc = 0;

	*out = def;
	child(&sb, path, key);
	if (lo_open)
		strbuf_addf(&want, "a number above %g", lo);
	else
		strbuf_addf(&want, "a number from %g", lo);
	if (hi < 1e15)
		strbuf_addf(&want, lo_open ? " and at most %g" : " to %g", hi);
	if (!v) {
		if (required) {
			diag_path(x->d, sb.buf, "missing; expected %s",
				  want.buf);
			rc = -1;
		}
	} else if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
		   v->valuedouble < lo || v->valuedouble > hi ||
		   (lo_open && v->valuedouble == lo)) {
		wrong(x, sb.buf, want.buf, v);
		rc = -1;
	} else {
		*out = v->valuedouble;
	}
	strbuf_release(&sb);
	strbuf_release(&want);
	return rc;
}

/* an amount in the campaign currency; absent gives def */
static int get_money(struct ctx *x, const cJSON *obj, const char *path,
		     const char *key, int required, int64_t def, int64_t *out)
{
	const cJSON *v = field(obj, key);
	struct strbuf sb = STRBUF_INIT;
	const char *why = NULL;
	int rc = 0;

	*out = def;
	child(&sb, path, key);
	if (!v) {
		if (required) {
			diag_path(x->d, sb.buf, "missing; expected an amount");
			rc = -1;
		}
	} else if (!cJSON_IsNumber(v)) {
		wrong(x, sb.buf, "an amount (a number)", v);
		rc = -1;
	} else if (money_from_double(v->valuedouble, x->c->digits, out, &why) <
		   0) {
		diag_path(x->d, sb.buf,
			  "expected an amount in %s, found %.10g "
			  "(%s)",
			  x->c->currency ? x->c->currency
					 : "the "
					   "campaign currency",
			  v->valuedouble, why);
		rc = -1;
	} else if (*out < 0) {
		diag_path(x->d, sb.buf,
			  "expected an amount of at least 0, found %.10g",
			  v->valuedouble);
		rc = -1;
	}
	strbuf_release(&sb);
	return rc;
}

static int get_strlist(struct ctx *x, const cJSON *obj, const char *path,
		       const char *key, struct strlist *out)
{
	const cJSON *v = field(obj, key), *e;
	struct strbuf sb = STRBUF_INIT, ib = STRBUF_INIT;
	int bad = 0;
	size_t i = 0;

	child(&sb, path, key);
	if (!v)
		goto out;
	if (!cJSON_IsArray(v)) {
		wrong(x, sb.buf, "an array of strings", v);
		bad = 1;
		goto out;
	}
	out->item = xcalloc((size_t)cJSON_GetArraySize(v), sizeof(char *));
	cJSON_ArrayForEach(e, v)
	{
		if (!cJSON_IsString(e) || !*e->valuestring) {
			wrong(x, item(&ib, sb.buf, i), "a non-empty string", e);
			bad = 1;
		} else {
			out->item[out->n++] = xstrdup(e->valuestring);
		}
		i++;
	}
out:
	strbuf_release(&sb);
	strbuf_release(&ib);
	return bad ? -1 : 0;
}

static int get_goal(struct ctx *x, const cJSON *obj, const char *path,
		    double *apps, double *hires)
{
	static const char *const keys[] = { "applications", "hires", NULL };
	const cJSON *g = field(obj, "goal");
	struct strbuf sb = STRBUF_INIT;
	int bad = 0;

	*apps = *hires = 0;
	if (!g)
		return 0;
	child(&sb, path, "goal");
	if (check_object(x, g, sb.buf, keys) < 0) {
		strbuf_release(&sb);
		return -1;
	}
	bad |= get_number(x, g, sb.buf, "applications", 0, 0, 1e9, 0, 0, apps) <
	       0;
	bad |= get_number(x, g, sb.buf, "hires", 0, 0, 1e9, 0, 0, hires) < 0;
	strbuf_release(&sb);
	return bad ? -1 : 0;
}

static int parse_campaign(struct ctx *x, const cJSON *o, const cJSON **fx)
{
	static const char *const keys[] = {
		"name",  "client", "currency",    "budget",
		"start", "end",    "objective",   "short_term_weight",
		"goal",  "fx",     "proposition", NULL
	};
	struct campaign *c = x->c;
	char *s = NULL;
	int bad = 0;

	if (!o) {
		diag_path(x->d, "campaign", "missing; expected an object");
		return -1;
	}
	if (check_object(x, o, "campaign", keys) < 0)
		bad = 1;
	if (!cJSON_IsObject(o))
		return -1;
	bad |= get_string(x, o, "campaign", "name", 1, &c->name) < 0;
	bad |= get_string(x, o, "campaign", "client", 0, &c->client) < 0;
	bad |= get_string(x, o, "campaign", "proposition", 0, &c->proposition) <
	       0;
	if (get_string(x, o, "campaign", "currency", 1, &c->currency) < 0) {
		bad = 1;
	} else if (!money_currency_valid(c->currency)) {
		diag_path(x->d, "campaign.currency",
			  "expected an ISO 4217 code such as SEK, found "
			  "\"%s\"",
			  c->currency);
		bad = 1;
	}
	c->digits = c->currency ? money_digits(c->currency) : 2;
	if (get_money(x, o, "campaign", "budget", 1, 0, &c->budget) < 0) {
		bad = 1;
	} else if (c->budget <= 0) {
		diag_path(x->d, "campaign.budget",
			  "expected a budget above 0, found %.10g",
			  field(o, "budget")->valuedouble);
		bad = 1;
	}
	for (int i = 0; i < 2; i++) {
		const char *key = i ? "end" : "start";
		char *dst = i ? c->end : c->start;

		if (get_string(x, o, "campaign", key, 1, &s) < 0) {
			bad = 1;
		} else if (!date_valid(s)) {
			diag_path(x->d, i ? "campaign.end" : "campaign.start",
				  "expected a date YYYY-MM-DD, found \"%s\"",
				  s);
			bad = 1;
		} else {
			memcpy(dst, s, 11);
		}
		free(s);
		s = NULL;
	}
	if (c->start[0] && c->end[0]) {
		c->days = date_span_days(c->start, c->end);
		if (c->days < 0) {
			diag_path(x->d, "campaign.end",
				  "%s is before the start, %s", c->end,
				  c->start);
			bad = 1;
		} else if (c->days > 3660) {
			diag_path(x->d, "campaign.end",
				  "a campaign of %d days is absurd; expected "
				  "at most 10 years",
				  c->days);
			bad = 1;
		}
	}
	c->objective = OBJ_APPLICATIONS;
	if (get_string(x, o, "campaign", "objective", 0, &s) < 0) {
		bad = 1;
	} else if (s && objective_parse(s, &c->objective) < 0) {
		diag_path(x->d, "campaign.objective",
			  "expected applications, hires, value, reach, blend "
			  "or min-cost, found \"%s\"",
			  s);
		bad = 1;
	}
	free(s);
	bad |= get_number(x, o, "campaign", "short_term_weight", 0, 0, 1, 0,
			  0.7, &c->short_term_weight) < 0;
	bad |= get_goal(x, o, "campaign", &c->goal_applications,
			&c->goal_hires) < 0;
	*fx = field(o, "fx");
	if (*fx && !cJSON_IsObject(*fx)) {
		wrong(x, "campaign.fx", "an object of rates", *fx);
		*fx = NULL;
		bad = 1;
	}
	return bad ? -1 : 0;
}

static const char *const rate_keys[] = { "ctr", "apply_rate", "hire_rate",
					 "precision", "max_share" };

/* convert every catalogue channel to the campaign currency */
static int copy_channels(struct ctx *x, const cJSON *fx)
{
	struct campaign *c = x->c;
	struct strbuf sb = STRBUF_INIT;
	int bad = 0;

	c->channels = xcalloc(x->cat->n ? x->cat->n : 1, sizeof(*c->channels));
	c->n_channels = x->cat->n;
	for (size_t i = 0; i < x->cat->n; i++) {
		const struct channel *src = &x->cat->channels[i];
		struct channel *ch = &c->channels[i];
		double rate = 1, scale;
		int seen = 0;
		const cJSON *r;

		*ch = *src;
		ch->id = xstrdup(src->id);
		ch->name = xstrdup(src->name);
		ch->currency = xstrdup(src->currency);
		ch->source = xstrdup(src->source);
		if (!c->currency || !money_currency_valid(c->currency) ||
		    strcmp(src->currency, c->currency) == 0)
			continue;
		/* one message per currency */
		for (size_t j = 0; j < i && !seen; j++)
			seen = !strcmp(x->cat->channels[j].currency,
				       src->currency);
		r = fx ? field(fx, src->currency) : NULL;
		if (!r) {
			if (!seen)
				diag_path(x->d, "campaign.fx",
					  "no rate for %s, the currency of "
					  "channel '%s' and others in the "
					  "catalogue; add \"%s\": <%s per 1 "
					  "%s>",
					  src->currency, src->id, src->currency,
					  c->currency, src->currency);
			bad = 1;
			continue;
		}
		if (!cJSON_IsNumber(r) || !isfinite(r->valuedouble) ||
		    r->valuedouble <= 0 || r->valuedouble > 1e6) {
			if (!seen)
				wrong(x,
				      child(&sb, "campaign.fx", src->currency),
				      "a rate above 0 and at most 1000000", r);
			bad = 1;
			continue;
		}
		rate = r->valuedouble;
		scale = rate * (double)money_scale(c->digits) /
			(double)money_scale(money_digits(src->currency));
		ch->price = llround((double)src->price * scale);
		if (ch->price < 1)
			ch->price = 1;
		ch->min_daily = llround((double)src->min_daily * scale);
		ch->min_spend = llround((double)src->min_spend * scale);
		if (src->max_spend != MONEY_NONE)
			ch->max_spend = llround((double)src->max_spend * scale);
	}
	strbuf_release(&sb);
	return bad ? -1 : 0;
}

static int parse_overrides(struct ctx *x, const cJSON *o)
{
	static const char *const keys[] = {
		"price",     "ctr",           "apply_rate", "hire_rate",
		"precision", "frequency_cap", "min_daily",  "min_spend",
		"max_spend", "max_share",     "exclude",    NULL
	};
	struct strbuf sb = STRBUF_INIT;
	int bad = 0;

	if (!o)
		return 0;
	if (check_object(x, o, "channels", NULL) < 0)
		return -1;
	for (const cJSON *e = o->child; e; e = e->next) {
		struct strbuf pb = STRBUF_INIT;
		const char *path = child(&pb, "channels", e->string);
		long i = campaign_find_channel(x->c, e->string);
		struct channel *ch;
		double v;
		int64_t m;
		const cJSON *ex;

		if (i < 0) {
			diag_path(x->d, path,
				  "unknown channel '%s' (not in the "
				  "catalogue)",
				  e->string);
			bad = 1;
			strbuf_release(&pb);
			continue;
		}
		ch = &x->c->channels[i];
		if (check_object(x, e, path, keys) < 0) {
			bad = 1;
			strbuf_release(&pb);
			continue;
		}
		for (size_t k = 0; k < ARRAY_SIZE(rate_keys); k++) {
			int open = k != 1 && k != 2;
			double *dst = k == 0   ? &ch->ctr
				      : k == 1 ? &ch->apply_rate
				      : k == 2 ? &ch->hire_rate
				      : k == 3 ? &ch->precision
					       : &ch->max_share;

			if (!field(e, rate_keys[k]))
				continue;
			if (get_number(x, e, path, rate_keys[k], 0, 0, 1, open,
				       0, &v) < 0)
				bad = 1;
			else
				*dst = v;
		}
		if (field(e, "frequency_cap")) {
			if (get_number(x, e, path, "frequency_cap", 0, 0, 1000,
				       1, 0, &v) < 0)
				bad = 1;
			else
				ch->frequency_cap = v;
		}
		if (field(e, "price")) {
			if (get_money(x, e, path, "price", 0, 0, &m) < 0) {
				bad = 1;
			} else if (m <= 0) {
				diag_path(x->d, child(&sb, path, "price"),
					  "expected a price above 0, found "
					  "%.10g",
					  field(e, "price")->valuedouble);
				bad = 1;
			} else {
				ch->price = m;
			}
		}
		bad |= get_money(x, e, path, "min_daily", 0, ch->min_daily,
				 &ch->min_daily) < 0;
		bad |= get_money(x, e, path, "min_spend", 0, ch->min_spend,
				 &ch->min_spend) < 0;
		bad |= get_money(x, e, path, "max_spend", 0, ch->max_spend,
				 &ch->max_spend) < 0;
		if (ch->max_spend != MONEY_NONE &&
		    ch->min_spend > ch->max_spend) {
			diag_path(x->d, path,
				  "min_spend is above max_spend for channel "
				  "'%s'",
				  ch->id);
			bad = 1;
		}
		ex = field(e, "exclude");
		if (ex && !cJSON_IsBool(ex)) {
			wrong(x, child(&sb, path, "exclude"), "true or false",
			      ex);
			bad = 1;
		} else if (ex) {
			ch->excluded = cJSON_IsTrue(ex);
		}
		strbuf_release(&pb);
	}
	strbuf_release(&sb);
	return bad ? -1 : 0;
}

static void list_channels(struct strbuf *sb, const struct campaign *c)
{
	for (size_t i = 0; i < c->n_channels && i < 16; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", c->channels[i].id);
	if (c->n_channels > 16)
		strbuf_addstr(sb, ", ...");
}

static int parse_locations(struct ctx *x, const cJSON *o, const char *path,
			   struct persona *p)
{
	static const char *const keys[] = { "city", "country", "radius_km",
					    NULL };
	const cJSON *v = field(o, "locations"), *e;
	struct strbuf sb = STRBUF_INIT, ib = STRBUF_INIT;
	int bad = 0;
	size_t i = 0;

	child(&sb, path, "locations");
	if (!v || !cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
		wrong(x, sb.buf, "a non-empty array of locations", v);
		strbuf_release(&sb);
		return -1;
	}
	p->locations =
		xcalloc((size_t)cJSON_GetArraySize(v), sizeof(*p->locations));
	cJSON_ArrayForEach(e, v)
	{
		struct location *l = &p->locations[p->n_locations];
		const char *lp = item(&ib, sb.buf, i++);

		if (check_object(x, e, lp, keys) < 0) {
			bad = 1;
			continue;
		}
		p->n_locations++;
		bad |= get_string(x, e, lp, "city", 1, &l->city) < 0;
		bad |= get_string(x, e, lp, "country", 1, &l->country) < 0;
		if (l->country &&
		    (strlen(l->country) != 2 || l->country[0] < 'A' ||
		     l->country[0] > 'Z' || l->country[1] < 'A' ||
		     l->country[1] > 'Z')) {
			diag_path(x->d, lp,
				  "country: expected an ISO 3166 code such as "
				  "SE, found \"%s\"",
				  l->country);
			bad = 1;
		}
		bad |= get_number(x, e, lp, "radius_km", 0, 0, 1000, 0, 0,
				  &l->radius_km) < 0;
	}
	strbuf_release(&sb);
	strbuf_release(&ib);
	return bad ? -1 : 0;
}

static int parse_persona_channels(struct ctx *x, const cJSON *o,
				  const char *path, struct persona *p)
{
	static const char *const keys[] = { "share", "affinity", NULL };
	const cJSON *v = field(o, "channels");
	struct strbuf sb = STRBUF_INIT, cb = STRBUF_INIT, list = STRBUF_INIT;
	int bad = 0;

	child(&sb, path, "channels");
	if (!v || !cJSON_IsObject(v) || !v->child) {
		wrong(x, sb.buf,
		      "an object of channels where the persona "
		      "can be reached",
		      v);
		strbuf_release(&sb);
		return -1;
	}
	if (check_object(x, v, sb.buf, NULL) < 0)
		bad = 1;
	p->channels =
		xcalloc((size_t)cJSON_GetArraySize(v), sizeof(*p->channels));
	for (const cJSON *e = v->child; e; e = e->next) {
		const char *cp = child(&cb, sb.buf, e->string);
		long ci = campaign_find_channel(x->c, e->string);
		struct persona_channel *pc;

		if (ci < 0) {
			strbuf_reset(&list);
			list_channels(&list, x->c);
			diag_path(x->d, cp,
				  "unknown channel '%s'; the catalogue has: "
				  "%s",
				  e->string, list.buf);
			bad = 1;
			continue;
		}
		if (check_object(x, e, cp, keys) < 0) {
			bad = 1;
			continue;
		}
		pc = &p->channels[p->n_channels];
		pc->channel = (size_t)ci;
		if (get_number(x, e, cp, "share", 1, 0, 1, 1, 0, &pc->share) <
			    0 ||
		    get_number(x, e, cp, "affinity", 0, 0, 10, 1, 1,
			       &pc->affinity) < 0) {
			bad = 1;
			continue;
		}
		p->n_channels++;
	}
	strbuf_release(&sb);
	strbuf_release(&cb);
	strbuf_release(&list);
	return bad ? -1 : 0;
}

static int parse_persona(struct ctx *x, const cJSON *o, const char *path,
			 struct persona *p)
{
	static const char *const keys[] = {
		"id",         "name",       "size",           "locations",
		"education",  "interests",  "job_titles",     "skills",
		"languages",  "experience", "value_per_hire", "goal",
		"budget_cap", "hook",       "channels",       NULL
	};
	static const char *const exp_keys[] = { "min_years", "max_years",
						NULL };
	const cJSON *e;
	struct strbuf sb = STRBUF_INIT;
	double size = 0;
	int bad = 0;

	p->value_per_hire = MONEY_NONE;
	p->budget_cap = MONEY_NONE;
	p->experience_max = -1;
	if (check_object(x, o, path, keys) < 0) {
		if (!cJSON_IsObject(o))
			return -1;
		bad = 1;
	}
	if (get_string(x, o, path, "id", 1, &p->id) < 0) {
		bad = 1;
	} else if (!id_valid(p->id)) {
		diag_path(x->d, child(&sb, path, "id"),
			  "expected 1 to 64 of a-z 0-9 _ -, found \"%s\"",
			  p->id);
		bad = 1;
	}
	bad |= get_string(x, o, path, "name", 1, &p->name) < 0;
	if (get_number(x, o, path, "size", 1, 0, 1e10, 1, 0, &size) < 0) {
		bad = 1;
	} else if (size != floor(size)) {
		diag_path(x->d, child(&sb, path, "size"),
			  "expected a whole number of people, found %.10g",
			  size);
		bad = 1;
	}
	p->size = (int64_t)size;
	bad |= parse_locations(x, o, path, p) < 0;
	bad |= get_strlist(x, o, path, "education", &p->education) < 0;
	bad |= get_strlist(x, o, path, "interests", &p->interests) < 0;
	bad |= get_strlist(x, o, path, "job_titles", &p->job_titles) < 0;
	bad |= get_strlist(x, o, path, "skills", &p->skills) < 0;
	bad |= get_strlist(x, o, path, "languages", &p->languages) < 0;
	e = field(o, "experience");
	if (e) {
		const char *ep = child(&sb, path, "experience");

		if (check_object(x, e, ep, exp_keys) < 0) {
			bad = 1;
		} else {
			bad |= get_number(x, e, ep, "min_years", 0, 0, 70, 0, 0,
					  &p->experience_min) < 0;
			bad |= get_number(x, e, ep, "max_years", 0, 0, 70, 0,
					  -1, &p->experience_max) < 0;
			if (p->experience_max >= 0 &&
			    p->experience_max < p->experience_min) {
				diag_path(x->d, ep,
					  "max_years %g is below min_years %g",
					  p->experience_max, p->experience_min);
				bad = 1;
			}
		}
	}
	bad |= get_money(x, o, path, "value_per_hire", 0, MONEY_NONE,
			 &p->value_per_hire) < 0;
	if (get_money(x, o, path, "budget_cap", 0, MONEY_NONE, &p->budget_cap) <
	    0) {
		bad = 1;
	} else if (p->budget_cap == 0) {
		diag_path(x->d, child(&sb, path, "budget_cap"),
			  "a budget cap of 0 leaves the persona out; expected "
			  "an amount above 0 (or use \"exclude\")");
		bad = 1;
	}
	bad |= get_goal(x, o, path, &p->goal_applications, &p->goal_hires) < 0;
	bad |= get_string(x, o, path, "hook", 0, &p->hook) < 0;
	bad |= parse_persona_channels(x, o, path, p) < 0;
	strbuf_release(&sb);
	return bad ? -1 : 0;
}

static int parse_personas(struct ctx *x, const cJSON *v)
{
	struct campaign *c = x->c;
	struct strbuf sb = STRBUF_INIT;
	const cJSON *e;
	int bad = 0;
	size_t i = 0;

	if (!v || !cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
		wrong(x, "personas", "a non-empty array of personas", v);
		return -1;
	}
	c->personas =
		xcalloc((size_t)cJSON_GetArraySize(v), sizeof(*c->personas));
	cJSON_ArrayForEach(e, v)
	{
		struct persona *p = &c->personas[c->n_personas++];
		const char *path = item(&sb, "personas", i++);

		if (parse_persona(x, e, path, p) < 0) {
			bad = 1;
			continue;
		}
		for (size_t j = 0; j + 1 < c->n_personas; j++)
			if (c->personas[j].id &&
			    strcmp(c->personas[j].id, p->id) == 0) {
				diag_path(x->d, path,
					  "duplicate persona id '%s' (also "
					  "personas[%zu])",
					  p->id, j);
				bad = 1;
			}
	}
	strbuf_release(&sb);
	return bad ? -1 : 0;
}

static int parse_exclusions(struct ctx *x, const cJSON *v)
{
	static const char *const keys[] = { "persona", "channel", "reason",
					    NULL };
	struct campaign *c = x->c;
	struct strbuf sb = STRBUF_INIT;
	const cJSON *e;
	int bad = 0;
	size_t i = 0;

	if (!v)
		return 0;
	if (!cJSON_IsArray(v)) {
		wrong(x, "exclude", "an array of {persona, channel, reason}",
		      v);
		return -1;
	}
	c->exclusions = xcalloc((size_t)cJSON_GetArraySize(v) + 1,
				sizeof(*c->exclusions));
	cJSON_ArrayForEach(e, v)
	{
		const char *path = item(&sb, "exclude", i++);
		char *pid = NULL, *cid = NULL, *reason = NULL;
		long pi = -1, ci = -1;

		if (check_object(x, e, path, keys) < 0) {
			bad = 1;
			continue;
		}
		if (get_string(x, e, path, "persona", 1, &pid) == 0 &&
		    (pi = campaign_find_persona(c, pid)) < 0) {
			diag_path(x->d, path, "unknown persona '%s'", pid);
		}
		if (get_string(x, e, path, "channel", 1, &cid) == 0 &&
		    (ci = campaign_find_channel(c, cid)) < 0) {
			diag_path(x->d, path, "unknown channel '%s'", cid);
		}
		get_string(x, e, path, "reason", 0, &reason);
		if (pi >= 0 && ci >= 0) {
			struct exclusion *ex =
				&c->exclusions[c->n_exclusions++];

			ex->persona = (size_t)pi;
			ex->channel = (size_t)ci;
			ex->reason = reason;
			reason = NULL;
		} else {
			bad = 1;
		}
		free(pid);
		free(cid);
		free(reason);
	}
	strbuf_release(&sb);
	return bad ? -1 : 0;
}

/* checks that need the whole campaign */
static void cross_check(struct ctx *x)
{
	struct campaign *c = x->c;
	struct strbuf sb = STRBUF_INIT, m1 = STRBUF_INIT, m2 = STRBUF_INIT;
	int has_goal = c->goal_applications > 0 || c->goal_hires > 0;
	int64_t floors = 0, cheapest = -1;
	long cheapest_ch = -1;
	int usable = 0;

	for (size_t i = 0; i < c->n_personas; i++) {
		const struct persona *p = &c->personas[i];

		if (p->goal_applications > 0 || p->goal_hires > 0)
			has_goal = 1;
		if (c->objective == OBJ_VALUE &&
		    p->value_per_hire == MONEY_NONE)
			diag_path(x->d, item(&sb, "personas", i),
				  "objective 'value' needs value_per_hire on "
				  "every persona; '%s' has none",
				  p->id);
	}
	if (c->objective == OBJ_MIN_COST && !has_goal)
		diag_path(x->d, "campaign.objective",
			  "objective 'min-cost' needs a goal (campaign.goal "
			  "or a persona's goal) to meet");
	for (size_t i = 0; i < c->n_channels; i++)
		floors +=
			c->channels[i].excluded ? 0 : c->channels[i].min_spend;
	if (floors > c->budget) {
		strbuf_reset(&m1);
		strbuf_reset(&m2);
		money_format_grouped(&m1, floors, c->digits);
		money_format_grouped(&m2, c->budget, c->digits);
		diag_path(x->d, "campaign.budget",
			  "the channels' minimum spends add up to %s %s, more "
			  "than the budget of %s %s",
			  m1.buf, c->currency, m2.buf, c->currency);
	}
	/* the budget must fund at least one cell's platform minimum */
	for (size_t i = 0; i < c->n_personas; i++) {
		const struct persona *p = &c->personas[i];

		for (size_t j = 0; j < p->n_channels; j++) {
			size_t ci = p->channels[j].channel;
			const struct channel *ch = &c->channels[ci];
			int64_t need = ch->pricing == PRICING_FLAT
					       ? ch->price
					       : ch->min_daily * c->days;

			if (campaign_cell_excluded(c, i, ci))
				continue;
			if (need <= c->budget)
				usable = 1;
			if (cheapest < 0 || need < cheapest) {
				cheapest = need;
				cheapest_ch = (long)ci;
			}
		}
	}
	if (!usable && cheapest_ch >= 0 && c->days > 0) {
		const struct channel *ch = &c->channels[cheapest_ch];

		strbuf_reset(&m1);
		strbuf_reset(&m2);
		money_format_grouped(&m1, c->budget, c->digits);
		money_format_grouped(&m2, cheapest, c->digits);
		diag_path(x->d, "campaign.budget",
			  "a budget of %s %s is below every channel's "
			  "minimum for this %d-day campaign; the lowest is "
			  "%s %s on '%s'",
			  m1.buf, c->currency, c->days, m2.buf, c->currency,
			  ch->id);
	} else if (cheapest_ch < 0 && c->n_personas > 0 && !x->d->n_errors) {
		diag_path(x->d, "personas",
			  "every persona x channel cell is excluded; nothing "
			  "can be planned");
	}
	strbuf_release(&sb);
	strbuf_release(&m1);
	strbuf_release(&m2);
}

/* line and column of a position in text */
static void position(const char *text, const char *at, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (const char *p = text; p < at; p++) {
		if (*p == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/*
 * cJSON only says where it gave up. A scan of the brackets and strings
 * tells the common causes apart: a truncated file, an unterminated
 * string, nesting deeper than cJSON allows.
 */
static int structural_error(struct ctx *x, const char *text, size_t len)
{
	const char *open[64], *str = NULL, *end = text + len;
	size_t depth = 0;
	int line, col;

	for (const char *p = text; p < end; p++) {
		if (str) {
			if (*p == '\\')
				p++;
			else if (*p == '"')
				str = NULL;
			continue;
		}
		if (*p == '"') {
			str = p;
		} else if (*p == '{' || *p == '[') {
			if (depth < ARRAY_SIZE(open))
				open[depth] = p;
			if (++depth > CJSON_NESTING_LIMIT) {
				position(text, p, &line, &col);
				diag_pos(x->d, line, col,
					 "malformed JSON: nested more than %d "
					 "levels deep",
					 CJSON_NESTING_LIMIT);
				return 1;
			}
		} else if ((*p == '}' || *p == ']') && depth > 0) {
			depth--;
		}
	}
	if (str) {
		position(text, str, &line, &col);
		diag_pos(x->d, line, col,
			 "malformed JSON: the string that starts here is not "
			 "closed before the end of the file");
		return 1;
	}
	if (depth > 0) {
		const char *o = open[depth <= ARRAY_SIZE(open) ? depth - 1 : 0];

		position(text, o, &line, &col);
		diag_pos(x->d, line, col,
			 "malformed JSON: unexpected end of file; the '%c' "
			 "opened here is not closed",
			 *o);
		return 1;
	}
	return 0;
}

/* cJSON would cut a string at a \u0000 escape without a word */
static int nul_escape(struct ctx *x, const char *text, size_t len)
{
	int line, col;

	for (size_t i = 0; i + 6 <= len; i++) {
		if (text[i] != '\\' || (i > 0 && text[i - 1] == '\\'))
			continue;
		if (text[i + 1] == 'u' &&
		    strncmp(text + i + 2, "0000", 4) == 0) {
			position(text, text + i, &line, &col);
			diag_pos(x->d, line, col,
				 "a \\u0000 (NUL) escape in a string is not "
				 "allowed");
			return 1;
		}
	}
	return 0;
}

static void syntax_error(struct ctx *x, const char *text, size_t len,
			 const char *at)
{
	int line, col;
	const char *p;
	struct strbuf near = STRBUF_INIT;

	if (structural_error(x, text, len))
		return;
	if (!at || at < text || at > text + len)
		at = text + len;
	position(text, at, &line, &col);
	for (p = at; p < text + len && p < at + 24 && *p != '\n'; p++)
		strbuf_addch(&near, (unsigned char)*p >= 0x20 ? *p : '?');
	for (p = at; p < text + len && isspace((unsigned char)*p); p++)
		;
	if (p == text + len)
		diag_pos(x->d, line, col,
			 "malformed JSON: unexpected end of file");
	else if (near.len == 0)
		diag_pos(x->d, line, col,
			 "malformed JSON at the end of this line");
	else
		diag_pos(x->d, line, col, "malformed JSON near '%s'", near.buf);
	strbuf_release(&near);
}

int audience_parse(const char *text, size_t len, const struct catalogue *cat,
		   struct campaign *out, struct diag *d)
{
	static const char *const keys[] = { "campaign", "channels", "exclude",
					    "personas", NULL };
	struct ctx x = { d, out, cat };
	const char *end = NULL;
	const cJSON *fx = NULL;
	cJSON *root;
	int errors = d->n_errors;

	memset(out, 0, sizeof(*out));
	if (memchr(text, '\0', len)) {
		diag_line(d, 0, "malformed JSON: the file holds a NUL byte");
		return -1;
	}
	if (nul_escape(&x, text, len))
		return -1;
	root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (!root) {
		syntax_error(&x, text, len, end ? end : cJSON_GetErrorPtr());
		return -1;
	}
	while (end && end < text + len && isspace((unsigned char)*end))
		end++;
	if (end && end < text + len) {
		int line, col;

		position(text, end, &line, &col);
		diag_pos(d, line, col,
			 "malformed JSON: text after the end of the document");
		cJSON_Delete(root);
		return -1;
	}
	if (check_object(&x, root, "", keys) < 0 && !cJSON_IsObject(root))
		goto out;
	if (parse_campaign(&x, field(root, "campaign"), &fx) < 0 &&
	    !out->currency)
		goto out;
	copy_channels(&x, fx);
	parse_overrides(&x, field(root, "channels"));
	parse_personas(&x, field(root, "personas"));
	if (d->n_errors == errors)
		parse_exclusions(&x, field(root, "exclude"));
	if (d->n_errors == errors)
		cross_check(&x);
out:
	cJSON_Delete(root);
	if (d->n_errors > errors) {
		campaign_release(out);
		return -1;
	}
	return 0;
}

int audience_load(const char *path, const struct catalogue *cat,
		  struct campaign *out, struct diag *d)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	memset(out, 0, sizeof(*out));
	if (read_file(path, &sb) < 0) {
		diag_line(d, 0, "cannot read: %s", strerror(errno));
		d->status = JM_NOINPUT;
		strbuf_release(&sb);
		return -1;
	}
	rc = audience_parse(strbuf_str(&sb), sb.len, cat, out, d);
	strbuf_release(&sb);
	return rc;
}
