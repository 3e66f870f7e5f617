/*
 * The audience analysis, read through json.c. Each object is described
 * by a table of its fields (key, kind, range, where it goes), read in
 * document order by read_fields(); what a table cannot say (dates,
 * country codes, cross-field rules) follows in code. Every message
 * names its JSON path, as in "personas[1].channels.meta_feed.share:
 * expected a number above 0 and at most 1, found 1.4". Ids are looked
 * up through sorted indexes, so no check is quadratic in the input.
 */
#include "audience.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "catalogue.h"
#include "diag.h"
#include "fileio.h"
#include "json.h"
#include "money.h"
#include "strbuf.h"
#include "wrapper.h"

#define FX_MIN 1e-6 /* rates outside [FX_MIN, FX_MAX] are refused */
#define FX_MAX 1e6

/* a sorted (id, index) list, for lookups in O(log n) */
struct id_index {
	struct id_entry {
		const char *id;
		size_t i;
	} * v;
	size_t n;
};

struct ctx {
	struct diag *d;
	struct campaign *c;
	const struct catalogue *cat;
	struct strbuf path;       /* of the value being read */
	struct id_index channels; /* campaign channels by id */
	struct id_index personas; /* personas by id */
};

static int cmp_id_entry(const void *pa, const void *pb)
{
	const struct id_entry *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	if (c)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* index n ids, each at base + i * stride; NULL ids are left out */
static void index_build(struct id_index *ix, const void *base, size_t n,
			size_t stride)
{
	ix->v = xreallocarray(NULL, n ? n : 1, sizeof(*ix->v));
	ix->n = 0;
	for (size_t i = 0; i < n; i++) {
		const char *id =
			*(char *const *)((const char *)base + i * stride);

		if (id) {
			ix->v[ix->n].id = id;
			ix->v[ix->n++].i = i;
		}
	}
	qsort(ix->v, ix->n, sizeof(*ix->v), cmp_id_entry);
}

/* the first index with this id, or -1 */
static long index_find(const struct id_index *ix, const char *id)
{
	size_t lo = 0, hi = ix->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(ix->v[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ix->n && strcmp(ix->v[lo].id, id) == 0)
		return (long)ix->v[lo].i;
	return -1;
}

/* ---- field tables ---- */

enum kind {
	K_STRING,  /* char *, owned copy of a non-empty string */
	K_NUMBER,  /* double in the range */
	K_WHOLE,   /* int64_t: a whole number in the range */
	K_MONEY,   /* int64_t minor units of the campaign currency, >= 0 */
	K_STRLIST, /* struct strlist of non-empty strings */
	K_BOOL,    /* bool */
	K_OTHER,   /* a known key the caller reads itself */
};

#define REQUIRED 1u

struct field {
	const char *key;
	enum kind kind;
	unsigned flags;
	size_t offset; /* in the struct being filled */
	struct json_range range;
	/* K_WHOLE: what is counted ("people"); K_OTHER: what is missing */
	const char *what;
};

#define ABOVE(lo, hi)            \
	{                        \
		(lo), (hi), true \
	}
#define FROM(lo, hi)              \
	{                         \
		(lo), (hi), false \
	}
#define NONE                \
	{                   \
		0, 0, false \
	}

static const char *path_of(const struct ctx *x)
{
	return x->path.len ? x->path.buf : "(top level)";
}

/* "expected an amount in SEK, found 1500.555 (more than 2 decimals)" */
static int read_money(struct ctx *x, const struct json_value *v, int64_t *out)
{
	const char *text = json_num_text(v), *why = NULL;
	const char *cur =
		x->c->currency ? x->c->currency : "the campaign currency";
	struct strbuf found = STRBUF_INIT;
	int64_t m = 0;
	int rc;

	if (!text) {
		json_wrong(x->d, path_of(x), "an amount (a number)", v);
		return -1;
	}
	/* without an exponent, the text itself is read exactly */
	if (strpbrk(text, "eE") || strlen(text) > 40) {
		rc = money_from_double(json_num(v), x->c->digits, &m, &why);
		strbuf_addf(&found, "%.10g", json_num(v));
	} else {
		rc = money_parse(text, x->c->digits, &m, &why);
		strbuf_addstr(&found, text);
	}
	if (rc < 0)
		diag_path(x->d, path_of(x),
			  "expected an amount in %s, found "
			  "%s (%s)",
			  cur, found.buf, why);
	else if (m < 0)
		diag_path(x->d, path_of(x),
			  "expected an amount of at least 0, found %s",
			  found.buf);
	else
		*out = m;
	strbuf_release(&found);
	return rc < 0 || m < 0 ? -1 : 0;
}

static int read_strlist(struct ctx *x, const struct json_value *v,
			struct strlist *out)
{
	int bad = 0;

	if (json_type(v) != JSON_ARRAY) {
		json_wrong(x->d, path_of(x), "an array of strings", v);
		return -1;
	}
	out->item = xcalloc(json_count(v) + 1, sizeof(char *));
	for (size_t i = 0; i < json_count(v); i++) {
		size_t at = json_path_index(&x->path, i);
		const char *s;

		if (json_string_in(x->d, path_of(x), json_item(v, i), &s) < 0)
			bad = 1;
		else
			out->item[out->n++] = xstrdup(s);
		json_path_pop(&x->path, at);
	}
	return bad ? -1 : 0;
}

static int read_whole(struct ctx *x, const struct json_value *v,
		      const struct field *f, int64_t *out)
{
	double n;

	if (json_number_in(x->d, path_of(x), v, &f->range, &n) < 0)
		return -1;
	if (n != floor(n)) {
		diag_path(x->d, path_of(x),
			  "expected a whole number of %s, found %.10g", f->what,
			  n);
		return -1;
	}
	*out = (int64_t)n;
	return 0;
}

/* one value of a table's field into dst + f->offset */
static int read_one(struct ctx *x, const struct json_value *v,
		    const struct field *f, void *dst)
{
	void *p;
	const char *s;

	if (f->kind == K_OTHER || !dst)
		return 0; /* only recognised; the caller reads it */
	p = (char *)dst + f->offset;
	switch (f->kind) {
	case K_STRING:
		if (json_string_in(x->d, path_of(x), v, &s) < 0)
			return -1;
		free(*(char **)p);
		*(char **)p = xstrdup(s);
		return 0;
	case K_NUMBER:
		return json_number_in(x->d, path_of(x), v, &f->range,
				      (double *)p);
	case K_WHOLE:
		return read_whole(x, v, f, (int64_t *)p);
	case K_MONEY:
		return read_money(x, v, (int64_t *)p);
	case K_STRLIST:
		return read_strlist(x, v, (struct strlist *)p);
	case K_BOOL:
		return json_bool_in(x->d, path_of(x), v, (bool *)p);
	case K_OTHER:
		break;
	}
	return 0;
}

static void report_missing(struct ctx *x, const struct field *f)
{
	struct strbuf want = STRBUF_INIT;

	if (f->kind == K_NUMBER || f->kind == K_WHOLE)
		json_range_text(&want, &f->range);
	else if (f->kind == K_OTHER && f->what)
		strbuf_addstr(&want, f->what);
	else
		strbuf_addstr(&want,
			      f->kind == K_MONEY ? "an amount" : "a string");
	diag_path(x->d, path_of(x), "missing; expected %s", want.buf);
	strbuf_release(&want);
}

/*
 * Read the object at x->path by its table: each member in document
 * order (an unknown key is an error), then the required fields that
 * were missing. K_OTHER members are only recognised. 0, or -1 after
 * errors; a value that is not an object reads nothing.
 */
static int read_fields(struct ctx *x, const struct json_value *obj,
		       const struct field *spec, size_t n, void *dst)
{
	uint64_t seen = 0;
	int bad = 0;

	if (n > 64)
		die("read_fields: a table of %zu fields", n);
	if (json_type(obj) != JSON_OBJECT) {
		json_wrong(x->d, path_of(x), "an object", obj);
		return -1;
	}
	for (size_t i = 0; i < json_count(obj); i++) {
		const char *key = json_key_at(obj, i);
		size_t at = json_path_key(&x->path, key), j = 0;

		while (j < n && strcmp(spec[j].key, key) != 0)
			j++;
		if (j == n) {
			diag_path(x->d, x->path.buf, "unknown field '%s'", key);
			bad = 1;
		} else {
			seen |= UINT64_C(1) << j;
			bad |= read_one(x, json_item(obj, i), &spec[j], dst) <
			       0;
		}
		json_path_pop(&x->path, at);
	}
	for (size_t j = 0; j < n; j++) {
		size_t at;

		if (!(spec[j].flags & REQUIRED) || (seen >> j & 1))
			continue;
		at = json_path_key(&x->path, spec[j].key);
		report_missing(x, &spec[j]);
		json_path_pop(&x->path, at);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* ---- the campaign ---- */

struct goal {
	double applications, hires;
};

static const struct field goal_fields[] = {
	{ "applications", K_NUMBER, 0, offsetof(struct goal, applications),
	  FROM(0, 1e9), NULL },
	{ "hires", K_NUMBER, 0, offsetof(struct goal, hires), FROM(0, 1e9),
	  NULL },
};

/* the "goal" member of obj, if any */
static int read_goal(struct ctx *x, const struct json_value *obj, double *apps,
		     double *hires)
{
	const struct json_value *v = json_get(obj, "goal");
	struct goal g = { 0, 0 };
	size_t at;
	int rc;

	if (!v)
		return 0;
	at = json_path_key(&x->path, "goal");
	rc = read_fields(x, v, goal_fields, ARRAY_SIZE(goal_fields), &g);
	json_path_pop(&x->path, at);
	*apps = g.applications;
	*hires = g.hires;
	return rc;
}

static const struct field campaign_fields[] = {
	{ "name", K_STRING, REQUIRED, offsetof(struct campaign, name), NONE,
	  NULL },
	{ "client", K_STRING, 0, offsetof(struct campaign, client), NONE,
	  NULL },
	{ "currency", K_OTHER, REQUIRED, 0, NONE, "a string" },
	{ "budget", K_OTHER, REQUIRED, 0, NONE, "an amount" },
	{ "start", K_OTHER, REQUIRED, 0, NONE, "a string" },
	{ "end", K_OTHER, REQUIRED, 0, NONE, "a string" },
	{ "objective", K_OTHER, 0, 0, NONE, NULL },
	{ "short_term_weight", K_NUMBER, 0,
	  offsetof(struct campaign, short_term_weight), FROM(0, 1), NULL },
	{ "goal", K_OTHER, 0, 0, NONE, NULL },
	{ "fx", K_OTHER, 0, 0, NONE, NULL },
	{ "proposition", K_STRING, 0, offsetof(struct campaign, proposition),
	  NONE, NULL },
	{ "screening_cost", K_MONEY, 0,
	  offsetof(struct campaign, screening_cost), NONE, NULL },
	{ "off_target_factor", K_NUMBER, 0,
	  offsetof(struct campaign, off_target_factor), FROM(0, 1), NULL },
	{ "referral_in_budget", K_OTHER, 0, 0, NONE, NULL },
	{ "max_cost_per_application", K_MONEY, 0,
	  offsetof(struct campaign, max_cost_per_application), NONE, NULL },
	{ "max_cost_per_hire", K_MONEY, 0,
	  offsetof(struct campaign, max_cost_per_hire), NONE, NULL },
};

/* a string member of obj checked by ok(); NULL when absent or wrong */
static const char *read_text(struct ctx *x, const struct json_value *obj,
			     const char *key, int (*ok)(const char *),
			     const char *want)
{
	const struct json_value *v = json_get(obj, key);
	size_t at = json_path_key(&x->path, key);
	const char *s = NULL;

	if (v && json_string_in(x->d, x->path.buf, v, &s) == 0 && !ok(s)) {
		diag_path(x->d, x->path.buf, "expected %s, found \"%s\"", want,
			  s);
		s = NULL;
	}
	json_path_pop(&x->path, at);
	return s;
}

static int is_date(const char *s)
{
	return date_valid(s);
}

static int is_objective(const char *s)
{
	enum objective o;

	return objective_parse(s, &o) == 0;
}

static void read_dates(struct ctx *x, const struct json_value *o)
{
	struct campaign *c = x->c;
	const char *start =
		read_text(x, o, "start", is_date, "a date YYYY-MM-DD");
	const char *end = read_text(x, o, "end", is_date, "a date YYYY-MM-DD");

	if (!start || !end)
		return;
	memcpy(c->start, start, 11);
	memcpy(c->end, end, 11);
	c->days = date_span_days(c->start, c->end);
	if (c->days < 0)
		diag_path(x->d, "campaign.end", "%s is before the start, %s",
			  c->end, c->start);
	else if (c->days > 3660)
		diag_path(x->d, "campaign.end",
			  "a campaign of %d days is absurd; expected at most "
			  "10 years",
			  c->days);
}

/*
 * A ceiling of 0 would leave everything out: the members of obj that
 * cap a cost must be above 0 when given (apps and hires hold what was
 * read).
 */
static void check_ceilings(struct ctx *x, const struct json_value *obj,
			   int64_t apps, int64_t hires)
{
	static const char *const key[] = { "max_cost_per_application",
					   "max_cost_per_hire" };
	const int64_t got[] = { apps, hires };

	for (size_t i = 0; i < ARRAY_SIZE(key); i++) {
		const struct json_value *v = json_get(obj, key[i]);
		size_t at;

		/* a negative or malformed amount has had its message */
		if (!v || got[i] != 0 || !json_num_text(v) || json_num(v) != 0)
			continue;
		at = json_path_key(&x->path, key[i]);
		diag_path(x->d, x->path.buf,
			  "expected an amount above 0, found %s",
			  json_num_text(v));
		json_path_pop(&x->path, at);
	}
}

static void read_budget(struct ctx *x, const struct json_value *v)
{
	size_t at = json_path_key(&x->path, "budget");

	if (v && read_money(x, v, &x->c->budget) == 0 && x->c->budget == 0)
		diag_path(x->d, x->path.buf,
			  "expected a budget above 0, found %s",
			  json_num_text(v));
	json_path_pop(&x->path, at);
}

/* "referral_in_budget": true (the default) or false */
static void read_in_budget(struct ctx *x, const struct json_value *o)
{
	const struct json_value *v = json_get(o, "referral_in_budget");
	size_t at;
	bool in = true;

	if (!v)
		return;
	at = json_path_key(&x->path, "referral_in_budget");
	if (json_bool_in(x->d, x->path.buf, v, &in) == 0)
		x->c->referral_outside_budget = !in;
	json_path_pop(&x->path, at);
}

/* fills x->c from "campaign"; *fx is its rates object, if any */
static void read_campaign(struct ctx *x, const struct json_value *o,
			  const struct json_value **fx)
{
	struct campaign *c = x->c;
	const char *s;

	*fx = NULL;
	c->objective = OBJ_APPLICATIONS;
	c->short_term_weight = 0.7;
	c->off_target_factor = 1;
	c->digits = 2;
	if (!o) {
		diag_path(x->d, "campaign", "missing; expected an object");
		return;
	}
	s = read_text(x, o, "currency", money_currency_valid,
		      "an ISO 4217 code such as SEK");
	if (s) {
		c->currency = xstrdup(s);
		c->digits = money_digits(s);
	}
	if (read_fields(x, o, campaign_fields, ARRAY_SIZE(campaign_fields), c) <
		    0 &&
	    json_type(o) != JSON_OBJECT)
		return;
	read_budget(x, json_get(o, "budget"));
	check_ceilings(x, o, c->max_cost_per_application, c->max_cost_per_hire);
	read_dates(x, o);
	s = read_text(x, o, "objective", is_objective,
		      "applications, hires, value, reach, blend or min-cost");
	if (s)
		objective_parse(s, &c->objective);
	read_goal(x, o, &c->goal_applications, &c->goal_hires);
	read_in_budget(x, o);
	*fx = json_get(o, "fx");
	if (*fx && json_type(*fx) != JSON_OBJECT) {
		json_wrong(x->d, "campaign.fx", "an object of rates", *fx);
		*fx = NULL;
	}
}

/*
 * campaign.fx's valid rates, kept as their decimal text for push: an
 * ISO 4217 code with a plain decimal from FX_MIN to FX_MAX. Rates of
 * the catalogue's currencies are checked (and reported) by
 * copy_channels(); the others are kept only when valid.
 */
static void keep_rates(struct campaign *c, const struct json_value *fx)
{
	c->fx = xcalloc(json_count(fx) + 1, sizeof(*c->fx));
	for (size_t i = 0; i < json_count(fx); i++) {
		const struct json_value *r = json_item(fx, i);
		const char *text = json_num_text(r);
		double v = json_num(r);

		if (json_type(r) != JSON_NUMBER || !text ||
		    strpbrk(text, "eE-") || !(v >= FX_MIN && v <= FX_MAX) ||
		    !money_currency_valid(json_key_at(fx, i)))
			continue;
		c->fx[c->n_fx].currency = xstrdup(json_key_at(fx, i));
		c->fx[c->n_fx++].rate = xstrdup(text);
	}
}

/* ---- the channels: the catalogue in the campaign currency ---- */

/* a currency's rate from campaign.fx; 0 when missing or bad */
struct rate {
	const char *currency; /* borrowed from the catalogue */
	double rate;
};

static double find_rate(struct ctx *x, const struct json_value *fx,
			const struct channel *src)
{
	const struct json_value *r = json_get(fx, src->currency);
	const struct campaign *c = x->c;
	size_t at = json_path_key(&x->path, src->currency);
	double v = json_num(r);

	if (!r)
		diag_path(x->d, "campaign.fx",
			  "no rate for %s, the currency of channel '%s' and "
			  "others in the catalogue; add \"%s\": <%s per 1 %s>",
			  src->currency, src->id, src->currency, c->currency,
			  src->currency);
	else if (!(v > 0 && v <= FX_MAX))
		json_wrong(x->d, x->path.buf,
			   "a rate above 0 and at most 1000000", r);
	else if (v < FX_MIN)
		diag_path(x->d, x->path.buf,
			  "expected a rate of at least 0.000001, found %.10g",
			  v);
	json_path_pop(&x->path, at);
	return v >= FX_MIN && v <= FX_MAX ? v : 0;
}

/* the rate of cur, looked up (and reported) once per currency */
static double rate_of(struct ctx *x, const struct json_value *fx,
		      const struct channel *src, struct rate **rates, size_t *n,
		      size_t *alloc)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*rates)[i].currency, src->currency) == 0)
			return (*rates)[i].rate;
	ALLOC_GROW(*rates, *n + 1, *alloc);
	(*rates)[*n].currency = src->currency;
	(*rates)[*n].rate = find_rate(x, fx, src);
	return (*rates)[(*n)++].rate;
}

/* src's amounts into ch, times factor; each must stay below MONEY_MAX */
static void convert_amounts(struct ctx *x, struct channel *ch,
			    const struct channel *src, double factor)
{
	static const char *const name[] = { "price", "min_daily", "min_spend",
					    "max_spend" };
	int64_t *to[] = { &ch->price, &ch->min_daily, &ch->min_spend,
			  &ch->max_spend };
	const int64_t from[] = { src->price, src->min_daily, src->min_spend,
				 src->max_spend };
	struct strbuf most = STRBUF_INIT;

	for (size_t k = 0; k < ARRAY_SIZE(to); k++) {
		if (from[k] == MONEY_NONE ||
		    money_convert(from[k], factor, to[k]) == 0)
			continue;
		strbuf_reset(&most);
		money_format_currency(&most, MONEY_MAX, x->c->digits,
				      x->c->currency);
		diag_path(x->d, "campaign.fx",
			  "the %s of channel '%s' converted at the %s rate is "
			  "more than the largest amount, %s",
			  name[k], src->id, src->currency, most.buf);
	}
	if (ch->price < 1)
		ch->price = 1;
	strbuf_release(&most);
}

static void copy_channels(struct ctx *x, const struct json_value *fx)
{
	struct campaign *c = x->c;
	struct rate *rates = NULL;
	size_t n_rates = 0, alloc = 0;
	size_t at = json_path_key(&x->path, "campaign");

	json_path_key(&x->path, "fx");
	c->channels = xcalloc(x->cat->n ? x->cat->n : 1, sizeof(*c->channels));
	c->n_channels = x->cat->n;
	for (size_t i = 0; i < x->cat->n; i++) {
		const struct channel *src = &x->cat->channels[i];
		struct channel *ch = &c->channels[i];
		double rate;

		*ch = *src;
		ch->id = xstrdup(src->id);
		ch->name = xstrdup(src->name);
		ch->currency = xstrdup(src->currency);
		ch->source = xstrdup(src->source);
		memcpy(ch->start, c->start, sizeof(ch->start));
		memcpy(ch->end, c->end, sizeof(ch->end));
		ch->days = c->days;
		if (strcmp(src->currency, c->currency) == 0)
			continue;
		rate = rate_of(x, fx, src, &rates, &n_rates, &alloc);
		if (rate > 0)
			convert_amounts(
				x, ch, src,
				rate * (double)money_scale(c->digits) /
					(double)money_scale(
						money_digits(src->currency)));
	}
	free(rates);
	json_path_pop(&x->path, at);
	index_build(&x->channels, &c->channels[0].id, c->n_channels,
		    sizeof(*c->channels));
}

static const struct field override_fields[] = {
	{ "price", K_OTHER, 0, 0, NONE, NULL },
	{ "ctr", K_NUMBER, 0, offsetof(struct channel, ctr), ABOVE(0, 1),
	  NULL },
	{ "apply_rate", K_NUMBER, 0, offsetof(struct channel, apply_rate),
	  FROM(0, 1), NULL },
	{ "hire_rate", K_NUMBER, 0, offsetof(struct channel, hire_rate),
	  FROM(0, 1), NULL },
	{ "precision", K_NUMBER, 0, offsetof(struct channel, precision),
	  ABOVE(0, 1), NULL },
	{ "frequency_cap", K_NUMBER, 0, offsetof(struct channel, frequency_cap),
	  ABOVE(0, 1000), NULL },
	{ "min_daily", K_MONEY, 0, offsetof(struct channel, min_daily), NONE,
	  NULL },
	{ "min_spend", K_MONEY, 0, offsetof(struct channel, min_spend), NONE,
	  NULL },
	{ "max_spend", K_MONEY, 0, offsetof(struct channel, max_spend), NONE,
	  NULL },
	{ "max_share", K_NUMBER, 0, offsetof(struct channel, max_share),
	  ABOVE(0, 1), NULL },
	{ "exclude", K_BOOL, 0, offsetof(struct channel, excluded), NONE,
	  NULL },
	{ "off_target_factor", K_NUMBER, 0,
	  offsetof(struct channel, off_target_factor), FROM(0, 1), NULL },
	{ "content_cost", K_MONEY, 0, offsetof(struct channel, content_cost),
	  NONE, NULL },
	{ "content_cost_unit", K_OTHER, 0, 0, NONE, NULL },
	{ "ad_set", K_OTHER, 0, 0, NONE, NULL },
	{ "start", K_OTHER, 0, 0, NONE, NULL },
	{ "end", K_OTHER, 0, 0, NONE, NULL },
};

static int is_ad_set(const char *s)
{
	return strcmp(s, "persona") == 0 || strcmp(s, "shared") == 0;
}

/*
 * channels.<id>.start and end: the channel's own flight, both given,
 * inside the campaign's dates, start on or before end.
 */
static void read_flight(struct ctx *x, const struct json_value *o,
			struct channel *ch)
{
	const struct campaign *c = x->c;
	const char *start =
		read_text(x, o, "start", is_date, "a date YYYY-MM-DD");
	const char *end = read_text(x, o, "end", is_date, "a date YYYY-MM-DD");
	const char *miss = NULL, *path = NULL, *bad = NULL;
	size_t at;

	if (!json_get(o, "start") && !json_get(o, "end"))
		return;
	if (!json_get(o, "start") || !json_get(o, "end"))
		miss = json_get(o, "start") ? "end" : "start";
	if (miss) {
		at = json_path_key(&x->path, miss);
		diag_path(x->d, x->path.buf,
			  "missing; a channel's flight needs both start and "
			  "end");
		json_path_pop(&x->path, at);
		return;
	}
	if (!start || !end || c->days <= 0)
		return;
	if (strcmp(start, c->start) < 0 || strcmp(start, c->end) > 0) {
		path = "start";
		bad = start;
	} else if (strcmp(end, c->start) < 0 || strcmp(end, c->end) > 0) {
		path = "end";
		bad = end;
	} else if (strcmp(end, start) < 0) {
		at = json_path_key(&x->path, "end");
		diag_path(x->d, x->path.buf, "%s is before the start, %s", end,
			  start);
		json_path_pop(&x->path, at);
		return;
	}
	if (path) {
		at = json_path_key(&x->path, path);
		diag_path(x->d, x->path.buf,
			  "%s is outside the campaign's dates, %s to %s", bad,
			  c->start, c->end);
		json_path_pop(&x->path, at);
		return;
	}
	memcpy(ch->start, start, 11);
	memcpy(ch->end, end, 11);
	ch->days = date_span_days(start, end);
	ch->own_dates = true;
}

static int is_content_unit(const char *s)
{
	return strcmp(s, "send") == 0 || strcmp(s, "month") == 0;
}

/* content_cost and its unit: both or neither, on a cpm or cpc row */
static void read_content(struct ctx *x, const struct json_value *o,
			 struct channel *ch)
{
	const char *unit = read_text(x, o, "content_cost_unit", is_content_unit,
				     "send or month");
	bool has_cost = json_get(o, "content_cost") != NULL;
	bool has_unit = json_get(o, "content_cost_unit") != NULL;

	if (unit)
		ch->content_unit = strcmp(unit, "send") == 0 ? CONTENT_SEND
							     : CONTENT_MONTH;
	if (has_cost && !has_unit)
		diag_path(x->d, x->path.buf,
			  "content_cost needs content_cost_unit, send or "
			  "month");
	else if (has_unit && !has_cost)
		diag_path(x->d, x->path.buf,
			  "content_cost_unit needs a content_cost");
	else if (has_cost && ch->content_unit == CONTENT_SEND &&
		 ch->pricing != PRICING_CPM && ch->pricing != PRICING_CPC)
		diag_path(x->d, x->path.buf,
			  "a content cost per send needs a cpm or cpc channel "
			  "(one send is one impression), not %s",
			  pricing_name(ch->pricing));
	if (ch->content_cost == 0)
		ch->content_unit = CONTENT_NONE;
}

/* channels.<id>: the campaign's corrections to a catalogue row */
static void read_override(struct ctx *x, const struct json_value *o,
			  struct channel *ch)
{
	const struct json_value *price = json_get(o, "price");
	const char *ad_set;
	int64_t m = 0;

	if (read_fields(x, o, override_fields, ARRAY_SIZE(override_fields),
			ch) < 0 &&
	    json_type(o) != JSON_OBJECT)
		return;
	ch->off_target_given |= json_get(o, "off_target_factor") != NULL;
	read_content(x, o, ch);
	if (price) {
		size_t at = json_path_key(&x->path, "price");

		if (read_money(x, price, &m) == 0 && m == 0)
			diag_path(x->d, x->path.buf,
				  "expected a price above 0, found %s",
				  json_num_text(price));
		else if (m > 0)
			ch->price = m;
		json_path_pop(&x->path, at);
	}
	ad_set = read_text(x, o, "ad_set", is_ad_set, "persona or shared");
	if (ad_set)
		ch->shared_ad_set = strcmp(ad_set, "shared") == 0;
	read_flight(x, o, ch);
	if (ch->max_spend != MONEY_NONE && ch->min_spend > ch->max_spend)
		diag_path(x->d, x->path.buf,
			  "min_spend is above max_spend for channel '%s'",
			  ch->id);
}

static void read_overrides(struct ctx *x, const struct json_value *o)
{
	size_t at0 = json_path_key(&x->path, "channels");

	if (o && json_type(o) != JSON_OBJECT) {
		json_wrong(x->d, x->path.buf, "an object", o);
		json_path_pop(&x->path, at0);
		return;
	}
	for (size_t i = 0; i < json_count(o); i++) {
		const char *key = json_key_at(o, i);
		size_t at = json_path_key(&x->path, key);
		long ci = index_find(&x->channels, key);

		if (ci < 0)
			diag_path(x->d, x->path.buf,
				  "unknown channel '%s' (not in the catalogue)",
				  key);
		else
			read_override(x, json_item(o, i), &x->c->channels[ci]);
		json_path_pop(&x->path, at);
	}
	json_path_pop(&x->path, at0);
}

/* ---- personas ---- */

static const struct field location_fields[] = {
	{ "city", K_STRING, REQUIRED, offsetof(struct location, city), NONE,
	  NULL },
	{ "country", K_OTHER, REQUIRED, 0, NONE, "a string" },
	{ "radius_km", K_NUMBER, 0, offsetof(struct location, radius_km),
	  FROM(0, 1000), NULL },
};

/* ISO 3166-1 alpha-2: two upper-case ASCII letters */
static int is_country(const char *s)
{
	return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
	       s[2] == '\0';
}

static int read_locations(struct ctx *x, const struct json_value *o,
			  struct persona *p)
{
	const struct json_value *v = json_get(o, "locations");
	size_t at0 = json_path_key(&x->path, "locations");
	int bad = 0;

	if (json_type(v) != JSON_ARRAY || json_count(v) == 0) {
		json_wrong(x->d, x->path.buf, "a non-empty array of locations",
			   v);
		json_path_pop(&x->path, at0);
		return -1;
	}
	p->locations = xcalloc(json_count(v), sizeof(*p->locations));
	for (size_t i = 0; i < json_count(v); i++) {
		const struct json_value *e = json_item(v, i);
		struct location *l = &p->locations[p->n_locations++];
		size_t at = json_path_index(&x->path, i);
		const char *cc;

		bad |= read_fields(x, e, location_fields,
				   ARRAY_SIZE(location_fields), l) < 0;
		cc = read_text(x, e, "country", is_country,
			       "an ISO 3166-1 alpha-2 code such as SE");
		if (cc)
			l->country = xstrdup(cc);
		else
			bad |= json_get(e, "country") != NULL;
		json_path_pop(&x->path, at);
	}
	json_path_pop(&x->path, at0);
	return bad ? -1 : 0;
}

static void list_channels(struct strbuf *sb, const struct campaign *c)
{
	for (size_t i = 0; i < c->n_channels && i < 16; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", c->channels[i].id);
	if (c->n_channels > 16)
		strbuf_addstr(sb, ", ...");
}

static const struct field reach_fields[] = {
	{ "share", K_NUMBER, REQUIRED, offsetof(struct persona_channel, share),
	  ABOVE(0, 1), NULL },
	{ "affinity", K_NUMBER, 0, offsetof(struct persona_channel, affinity),
	  ABOVE(0, 10), NULL },
	/* the persona's own figures: the ranges of the catalogue's */
	{ "apply_rate", K_NUMBER, 0,
	  offsetof(struct persona_channel, apply_rate), FROM(0, 1), NULL },
	{ "hire_rate", K_NUMBER, 0, offsetof(struct persona_channel, hire_rate),
	  FROM(0, 1), NULL },
	{ "precision", K_NUMBER, 0, offsetof(struct persona_channel, precision),
	  ABOVE(0, 1), NULL },
	{ "price", K_OTHER, 0, 0, NONE, NULL },
	{ "impressions", K_NUMBER, 0,
	  offsetof(struct persona_channel, impressions), ABOVE(0, 1e12), NULL },
};

/* the reach_fields keys that override a figure, and their PC_* bits */
static const struct {
	const char *key;
	unsigned bit;
} cell_figures[] = {
	{ "apply_rate", PC_APPLY_RATE },   { "hire_rate", PC_HIRE_RATE },
	{ "precision", PC_PRECISION },     { "price", PC_PRICE },
	{ "impressions", PC_IMPRESSIONS },
};

/* the price of a persona x channel entry o: money above 0 */
static int read_cell_price(struct ctx *x, const struct json_value *o,
			   struct persona_channel *pc)
{
	const struct json_value *v = json_get(o, "price");
	size_t at;
	int rc;

	if (!v)
		return 0;
	at = json_path_key(&x->path, "price");
	rc = read_money(x, v, &pc->price);
	if (rc == 0 && pc->price == 0) {
		diag_path(x->d, x->path.buf,
			  "expected a price above 0, found %s",
			  json_num_text(v));
		rc = -1;
	}
	json_path_pop(&x->path, at);
	return rc;
}

/* what a table cannot check of the overrides in pc, for channel ch */
static int check_cell_figures(struct ctx *x, const struct persona_channel *pc,
			      const struct channel *ch)
{
	const char *rate = NULL;
	size_t at;

	if ((pc->given & PC_PRICE) && ch->pricing == PRICING_FLAT) {
		at = json_path_key(&x->path, "price");
		diag_path(x->d, x->path.buf,
			  "a flat-fee channel ('%s') is one buy shared by "
			  "every persona, so it has no persona price; set the "
			  "fee under channels.%s.price instead",
			  ch->id, ch->id);
		json_path_pop(&x->path, at);
		return -1;
	}
	if ((pc->given & PC_IMPRESSIONS) && ch->pricing != PRICING_FLAT) {
		at = json_path_key(&x->path, "impressions");
		diag_path(x->d, x->path.buf,
			  "only for a flat-fee channel; '%s' is priced %s",
			  ch->id, pricing_name(ch->pricing));
		json_path_pop(&x->path, at);
		return -1;
	}
	if (ch->pricing != PRICING_PER_HIRE)
		return 0;
	if ((pc->given & PC_APPLY_RATE) && pc->apply_rate <= 0)
		rate = "apply_rate";
	else if ((pc->given & PC_HIRE_RATE) && pc->hire_rate <= 0)
		rate = "hire_rate";
	if (!rate)
		return 0;
	at = json_path_key(&x->path, rate);
	diag_path(x->d, x->path.buf,
		  "expected a rate above 0 on a per_hire channel ('%s'), "
		  "found 0",
		  ch->id);
	json_path_pop(&x->path, at);
	return -1;
}

/* entry o of a persona's channels, on channel ci, into pc */
static int read_cell(struct ctx *x, const struct json_value *o,
		     struct persona_channel *pc, size_t ci)
{
	int bad;

	memset(pc, 0, sizeof(*pc));
	pc->channel = ci;
	pc->affinity = 1;
	bad = read_fields(x, o, reach_fields, ARRAY_SIZE(reach_fields), pc) < 0;
	if (json_type(o) != JSON_OBJECT)
		return -1;
	bad |= read_cell_price(x, o, pc) < 0;
	for (size_t k = 0; k < ARRAY_SIZE(cell_figures); k++)
		if (json_get(o, cell_figures[k].key))
			pc->given |= cell_figures[k].bit;
	if (!bad)
		bad = check_cell_figures(x, pc, &x->c->channels[ci]) < 0;
	return bad ? -1 : 0;
}

/* personas[i].channels: where the persona can be reached, and how well */
static void read_reach(struct ctx *x, const struct json_value *o,
		       struct persona *p)
{
	const struct json_value *v = json_get(o, "channels");
	size_t at0 = json_path_key(&x->path, "channels");
	struct strbuf list = STRBUF_INIT;

	if (json_type(v) != JSON_OBJECT || json_count(v) == 0)
		json_wrong(x->d, x->path.buf,
			   "an object of channels where the persona can be "
			   "reached",
			   v);
	else
		p->channels = xcalloc(json_count(v), sizeof(*p->channels));
	for (size_t i = 0; p->channels && i < json_count(v); i++) {
		const char *key = json_key_at(v, i);
		size_t at = json_path_key(&x->path, key);
		long ci = index_find(&x->channels, key);
		struct persona_channel *pc = &p->channels[p->n_channels];

		if (ci < 0) {
			strbuf_reset(&list);
			list_channels(&list, x->c);
			diag_path(x->d, x->path.buf,
				  "unknown channel '%s'; the catalogue has: %s",
				  key, strbuf_str(&list));
		} else if (read_cell(x, json_item(v, i), pc, (size_t)ci) == 0) {
			p->n_channels++;
		}
		json_path_pop(&x->path, at);
	}
	strbuf_release(&list);
	json_path_pop(&x->path, at0);
}

struct experience {
	double min_years, max_years;
};

static const struct field experience_fields[] = {
	{ "min_years", K_NUMBER, 0, offsetof(struct experience, min_years),
	  FROM(0, 70), NULL },
	{ "max_years", K_NUMBER, 0, offsetof(struct experience, max_years),
	  FROM(0, 70), NULL },
};

static void read_experience(struct ctx *x, const struct json_value *o,
			    struct persona *p)
{
	const struct json_value *v = json_get(o, "experience");
	struct experience e = { 0, -1 };
	size_t at;

	if (!v)
		return;
	at = json_path_key(&x->path, "experience");
	if (read_fields(x, v, experience_fields, ARRAY_SIZE(experience_fields),
			&e) == 0 &&
	    e.max_years >= 0 && e.max_years < e.min_years)
		diag_path(x->d, x->path.buf,
			  "max_years %g is below min_years %g", e.max_years,
			  e.min_years);
	p->experience_min = e.min_years;
	p->experience_max = e.max_years;
	json_path_pop(&x->path, at);
}

/* ---- personas[].targeting: what job ads may not use (compliance.h) ---- */

static const struct field targeting_fields[] = {
	{ "age_min", K_WHOLE, 0, offsetof(struct persona_targeting, age_min),
	  FROM(13, 65), "years" },
	{ "age_max", K_WHOLE, 0, offsetof(struct persona_targeting, age_max),
	  FROM(13, 65), "years" },
	{ "genders", K_STRLIST, 0, offsetof(struct persona_targeting, genders),
	  NONE, NULL },
	{ "postal_codes", K_STRLIST, 0,
	  offsetof(struct persona_targeting, postal_codes), NONE, NULL },
	{ "exclude_locations", K_OTHER, 0, 0, NONE, NULL },
	{ "exclude_interests", K_STRLIST, 0,
	  offsetof(struct persona_targeting, exclude_interests), NONE, NULL },
	{ "lookalike", K_STRING, 0,
	  offsetof(struct persona_targeting, lookalike), NONE, NULL },
};

/* targeting.exclude_locations: an array of locations, like locations */
static void read_exclude_locations(struct ctx *x, const struct json_value *v,
				   struct persona_targeting *t)
{
	size_t at0 = json_path_key(&x->path, "exclude_locations");

	if (json_type(v) != JSON_ARRAY) {
		json_wrong(x->d, x->path.buf, "an array of locations", v);
		json_path_pop(&x->path, at0);
		return;
	}
	t->exclude = xcalloc(json_count(v) + 1, sizeof(*t->exclude));
	for (size_t i = 0; i < json_count(v); i++) {
		const struct json_value *e = json_item(v, i);
		struct location *l = &t->exclude[t->n_exclude++];
		size_t at = json_path_index(&x->path, i);
		const char *cc;

		read_fields(x, e, location_fields, ARRAY_SIZE(location_fields),
			    l);
		cc = read_text(x, e, "country", is_country,
			       "an ISO 3166-1 alpha-2 code such as SE");
		if (cc)
			l->country = xstrdup(cc);
		json_path_pop(&x->path, at);
	}
	json_path_pop(&x->path, at0);
}

/* what the table cannot check: the genders and the order of the ages */
static void check_targeting(struct ctx *x, const struct persona_targeting *t)
{
	size_t at0;

	if (t->age_min && t->age_max && t->age_max < t->age_min) {
		at0 = json_path_key(&x->path, "age_max");
		diag_path(x->d, x->path.buf, "%lld is below age_min %lld",
			  (long long)t->age_max, (long long)t->age_min);
		json_path_pop(&x->path, at0);
	}
	at0 = json_path_key(&x->path, "genders");
	for (size_t i = 0; i < t->genders.n; i++) {
		const char *g = t->genders.item[i];
		size_t at;

		if (strcmp(g, "female") == 0 || strcmp(g, "male") == 0)
			continue;
		at = json_path_index(&x->path, i);
		diag_path(x->d, x->path.buf,
			  "expected \"female\" or \"male\", found \"%s\"", g);
		json_path_pop(&x->path, at);
	}
	json_path_pop(&x->path, at0);
}

static void read_targeting(struct ctx *x, const struct json_value *o,
			   struct persona *p)
{
	const struct json_value *v = json_get(o, "targeting"), *ex;
	size_t at;

	if (!v)
		return;
	at = json_path_key(&x->path, "targeting");
	read_fields(x, v, targeting_fields, ARRAY_SIZE(targeting_fields),
		    &p->targeting);
	if (json_type(v) == JSON_OBJECT) {
		ex = json_get(v, "exclude_locations");
		if (ex)
			read_exclude_locations(x, ex, &p->targeting);
		check_targeting(x, &p->targeting);
	}
	json_path_pop(&x->path, at);
}

static const struct field job_rule_fields[] = {
	{ "categories", K_STRLIST, 0, offsetof(struct job_rules, categories),
	  NONE, NULL },
	{ "title_keywords", K_STRLIST, 0,
	  offsetof(struct job_rules, title_keywords), NONE, NULL },
	{ "references", K_STRLIST, 0, offsetof(struct job_rules, references),
	  NONE, NULL },
};

/* a rule that is empty or all white space would take every job */
static void check_rule_texts(struct ctx *x, const char *key,
			     const struct strlist *l)
{
	size_t at = json_path_key(&x->path, key);

	for (size_t i = 0; i < l->n; i++) {
		size_t at_i;

		if (strspn(l->item[i], " \t\r\n") < strlen(l->item[i]))
			continue;
		at_i = json_path_index(&x->path, i);
		diag_path(x->d, x->path.buf,
			  "an empty text; expected a category, keyword or "
			  "reference number");
		json_path_pop(&x->path, at_i);
	}
	json_path_pop(&x->path, at);
}

/* "jobs": { "categories": [...], "title_keywords": [...], ... } */
static void read_job_rules(struct ctx *x, const struct json_value *o,
			   struct persona *p)
{
	const struct json_value *v = json_get(o, "jobs");
	struct job_rules *r = &p->jobs;
	size_t at;

	if (!v)
		return;
	at = json_path_key(&x->path, "jobs");
	if (read_fields(x, v, job_rule_fields, ARRAY_SIZE(job_rule_fields),
			r) == 0 &&
	    r->categories.n + r->title_keywords.n + r->references.n == 0)
		diag_path(x->d, x->path.buf,
			  "no rule; expected at least one category, title "
			  "keyword or reference number");
	check_rule_texts(x, "categories", &r->categories);
	check_rule_texts(x, "title_keywords", &r->title_keywords);
	check_rule_texts(x, "references", &r->references);
	json_path_pop(&x->path, at);
}

static const struct field persona_fields[] = {
	{ "id", K_OTHER, REQUIRED, 0, NONE, "a string" },
	{ "name", K_STRING, REQUIRED, offsetof(struct persona, name), NONE,
	  NULL },
	{ "size", K_WHOLE, REQUIRED, offsetof(struct persona, size),
	  ABOVE(0, 1e10), "people" },
	{ "locations", K_OTHER, 0, 0, NONE, NULL },
	{ "education", K_STRLIST, 0, offsetof(struct persona, education), NONE,
	  NULL },
	{ "interests", K_STRLIST, 0, offsetof(struct persona, interests), NONE,
	  NULL },
	{ "job_titles", K_STRLIST, 0, offsetof(struct persona, job_titles),
	  NONE, NULL },
	{ "skills", K_STRLIST, 0, offsetof(struct persona, skills), NONE,
	  NULL },
	{ "languages", K_STRLIST, 0, offsetof(struct persona, languages), NONE,
	  NULL },
	{ "experience", K_OTHER, 0, 0, NONE, NULL },
	{ "value_per_hire", K_MONEY, 0,
	  offsetof(struct persona, value_per_hire), NONE, NULL },
	{ "max_cost_per_application", K_MONEY, 0,
	  offsetof(struct persona, max_cost_per_application), NONE, NULL },
	{ "max_cost_per_hire", K_MONEY, 0,
	  offsetof(struct persona, max_cost_per_hire), NONE, NULL },
	{ "goal", K_OTHER, 0, 0, NONE, NULL },
	{ "budget_cap", K_MONEY, 0, offsetof(struct persona, budget_cap), NONE,
	  NULL },
	{ "hook", K_STRING, 0, offsetof(struct persona, hook), NONE, NULL },
	{ "jobs", K_OTHER, 0, 0, NONE, NULL },
	{ "channels", K_OTHER, 0, 0, NONE, NULL },
	{ "targeting", K_OTHER, 0, 0, NONE, NULL },
};

static int id_ok(const char *s)
{
	return id_valid(s);
}

static void read_persona(struct ctx *x, const struct json_value *o,
			 struct persona *p)
{
	const char *id;

	p->value_per_hire = MONEY_NONE;
	p->budget_cap = MONEY_NONE;
	p->experience_max = -1;
	if (read_fields(x, o, persona_fields, ARRAY_SIZE(persona_fields), p) <
		    0 &&
	    json_type(o) != JSON_OBJECT)
		return;
	id = read_text(x, o, "id", id_ok, "1 to 64 of a-z 0-9 _ -");
	if (id)
		p->id = xstrdup(id);
	if (p->budget_cap == 0) {
		size_t at = json_path_key(&x->path, "budget_cap");

		diag_path(x->d, x->path.buf,
			  "a budget cap of 0 leaves the persona out; expected "
			  "an amount above 0 (or use \"exclude\")");
		json_path_pop(&x->path, at);
	}
	check_ceilings(x, o, p->max_cost_per_application, p->max_cost_per_hire);
	read_locations(x, o, p);
	read_experience(x, o, p);
	read_job_rules(x, o, p);
	read_goal(x, o, &p->goal_applications, &p->goal_hires);
	read_reach(x, o, p);
	read_targeting(x, o, p);
}

/* "personas[3]: duplicate persona id 'a' (also personas[1])" */
static void check_persona_ids(struct ctx *x)
{
	const struct id_index *ix = &x->personas;
	size_t *first =
		xreallocarray(NULL, x->c->n_personas + 1, sizeof(*first));

	for (size_t i = 0; i < x->c->n_personas; i++)
		first[i] = SIZE_MAX;
	for (size_t k = 1, group = 0; k < ix->n; k++) {
		if (strcmp(ix->v[k].id, ix->v[group].id) != 0)
			group = k;
		else
			first[ix->v[k].i] = ix->v[group].i;
	}
	for (size_t i = 0; i < x->c->n_personas; i++) {
		size_t at;

		if (first[i] == SIZE_MAX)
			continue;
		at = json_path_index(&x->path, i);
		diag_path(x->d, x->path.buf,
			  "duplicate persona id '%s' (also personas[%zu])",
			  x->c->personas[i].id, first[i]);
		json_path_pop(&x->path, at);
	}
	free(first);
}

static void read_personas(struct ctx *x, const struct json_value *v)
{
	struct campaign *c = x->c;
	size_t at0 = json_path_key(&x->path, "personas");

	if (json_type(v) != JSON_ARRAY || json_count(v) == 0) {
		json_wrong(x->d, x->path.buf, "a non-empty array of personas",
			   v);
		json_path_pop(&x->path, at0);
		return;
	}
	c->personas = xcalloc(json_count(v), sizeof(*c->personas));
	for (size_t i = 0; i < json_count(v); i++) {
		size_t at = json_path_index(&x->path, i);

		read_persona(x, json_item(v, i), &c->personas[c->n_personas++]);
		json_path_pop(&x->path, at);
	}
	index_build(&x->personas, &c->personas[0].id, c->n_personas,
		    sizeof(*c->personas));
	check_persona_ids(x);
	json_path_pop(&x->path, at0);
}

/* ---- exclusions ---- */

struct exclusion_text {
	char *persona, *channel, *reason;
};

static const struct field exclusion_fields[] = {
	{ "persona", K_STRING, REQUIRED,
	  offsetof(struct exclusion_text, persona), NONE, NULL },
	{ "channel", K_STRING, REQUIRED,
	  offsetof(struct exclusion_text, channel), NONE, NULL },
	{ "reason", K_STRING, 0, offsetof(struct exclusion_text, reason), NONE,
	  NULL },
};

static void read_exclusion(struct ctx *x, const struct json_value *o)
{
	struct exclusion_text t = { NULL, NULL, NULL };
	long pi = -1, ci = -1;

	read_fields(x, o, exclusion_fields, ARRAY_SIZE(exclusion_fields), &t);
	if (t.persona && (pi = index_find(&x->personas, t.persona)) < 0)
		diag_path(x->d, x->path.buf, "unknown persona '%s'", t.persona);
	if (t.channel && (ci = index_find(&x->channels, t.channel)) < 0)
		diag_path(x->d, x->path.buf, "unknown channel '%s'", t.channel);
	if (pi >= 0 && ci >= 0) {
		struct exclusion *ex = &x->c->exclusions[x->c->n_exclusions++];

		ex->persona = (size_t)pi;
		ex->channel = (size_t)ci;
		ex->reason = t.reason;
		t.reason = NULL;
	}
	free(t.persona);
	free(t.channel);
	free(t.reason);
}

static void read_exclusions(struct ctx *x, const struct json_value *v)
{
	size_t at0;

	if (!v)
		return;
	at0 = json_path_key(&x->path, "exclude");
	if (json_type(v) != JSON_ARRAY)
		json_wrong(x->d, x->path.buf,
			   "an array of {persona, channel, reason}", v);
	x->c->exclusions =
		xcalloc(json_count(v) + 1, sizeof(*x->c->exclusions));
	for (size_t i = 0; i < json_count(v); i++) {
		size_t at = json_path_index(&x->path, i);

		read_exclusion(x, json_item(v, i));
		json_path_pop(&x->path, at);
	}
	json_path_pop(&x->path, at0);
}

/* ---- checks that need the whole campaign ---- */

static int cmp_exclusion(const void *pa, const void *pb)
{
	const struct exclusion *a = pa, *b = pb;

	if (a->persona != b->persona)
		return a->persona < b->persona ? -1 : 1;
	return a->channel < b->channel ? -1 : a->channel > b->channel;
}

/* campaign_cell_excluded() with the exclusions sorted: no n^2 */
static bool cell_excluded(const struct campaign *c,
			  const struct exclusion *sorted, size_t persona,
			  size_t channel)
{
	struct exclusion key = { persona, channel, NULL };

	return c->channels[channel].excluded ||
	       bsearch(&key, sorted, c->n_exclusions, sizeof(key),
		       cmp_exclusion) != NULL;
}

static void check_objective(struct ctx *x)
{
	struct strbuf why = STRBUF_INIT, path = STRBUF_INIT;
	long i = campaign_persona_without_value(x->c);

	if (campaign_objective_check(x->c, x->c->objective, &why) < 0) {
		if (x->c->objective == OBJ_VALUE && i >= 0)
			strbuf_addf(&path, "personas[%ld]", i);
		else
			strbuf_addstr(&path, "campaign.objective");
		diag_path(x->d, path.buf, "%s", why.buf);
	}
	strbuf_release(&why);
	strbuf_release(&path);
}

/* "1 500.00 SEK", or "more than 1 000 000 000 000.00 SEK" */
static void amount_text(struct strbuf *sb, const struct campaign *c, int64_t m)
{
	if (m > MONEY_MAX) {
		strbuf_addstr(sb, "more than ");
		m = MONEY_MAX;
	}
	money_format_currency(sb, m, c->digits, c->currency);
}

/* the channels' floors must fit in the budget */
static void check_floors(struct ctx *x)
{
	const struct campaign *c = x->c;
	struct strbuf m1 = STRBUF_INIT, m2 = STRBUF_INIT;
	int64_t floors = 0;

	for (size_t i = 0; i < c->n_channels; i++)
		if (!c->channels[i].excluded &&
		    money_add(floors, c->channels[i].min_spend, &floors) < 0) {
			floors = MONEY_MAX + 1;
			break;
		}
	if (floors > c->budget) {
		amount_text(&m1, c, floors);
		amount_text(&m2, c, c->budget);
		diag_path(x->d, "campaign.budget",
			  "the channels' minimum spends add up to %s, more "
			  "than the budget of %s",
			  m1.buf, m2.buf);
	}
	strbuf_release(&m1);
	strbuf_release(&m2);
}

/*
 * What persona p's channel entry pc needs before it buys anything: the
 * channel's flat fee (one buy for every persona), or the minimum over
 * the channel's days.
 */
static int64_t cell_need(const struct campaign *c, size_t p, size_t pc)
{
	const struct channel *ch =
		&c->channels[c->personas[p].channels[pc].channel];
	int64_t need;

	if (ch->pricing == PRICING_FLAT)
		return campaign_cell_price(c, p, pc);
	if (money_mul(ch->min_daily, ch->days, &need) < 0)
		return MONEY_MAX + 1;
	return need;
}

/* the budget must fund at least one cell's platform minimum */
static void check_cells(struct ctx *x, const struct exclusion *sorted)
{
	const struct campaign *c = x->c;
	struct strbuf m1 = STRBUF_INIT, m2 = STRBUF_INIT;
	int64_t cheapest = -1;
	long cheapest_ch = -1;

	for (size_t i = 0; i < c->n_personas; i++) {
		const struct persona *p = &c->personas[i];

		for (size_t j = 0; j < p->n_channels; j++) {
			size_t ci = p->channels[j].channel;
			int64_t need = cell_need(c, i, j);

			if (cell_excluded(c, sorted, i, ci))
				continue;
			if (cheapest < 0 || need < cheapest) {
				cheapest = need;
				cheapest_ch = (long)ci;
			}
		}
	}
	if (cheapest_ch >= 0 && cheapest > c->budget && c->days > 0) {
		const struct channel *ch = &c->channels[cheapest_ch];

		amount_text(&m1, c, c->budget);
		amount_text(&m2, c, cheapest);
		if (ch->days != c->days)
			strbuf_addf(&m2, " over its flight of %d days",
				    ch->days);
		diag_path(x->d, "campaign.budget",
			  "a budget of %s is below every channel's minimum for "
			  "this %d-day campaign; the lowest is %s on '%s'",
			  m1.buf, c->days, m2.buf, ch->id);
	} else if (cheapest_ch < 0 && c->n_personas > 0 && !x->d->n_errors) {
		diag_path(x->d, "personas",
			  "every persona x channel cell is excluded; nothing "
			  "can be planned");
	}
	strbuf_release(&m1);
	strbuf_release(&m2);
}

static void cross_check(struct ctx *x)
{
	struct campaign *c = x->c;
	struct exclusion *sorted =
		xreallocarray(NULL, c->n_exclusions + 1, sizeof(*sorted));

	if (c->n_exclusions)
		memcpy(sorted, c->exclusions,
		       c->n_exclusions * sizeof(*sorted));
	qsort(sorted, c->n_exclusions, sizeof(*sorted), cmp_exclusion);
	check_objective(x);
	check_floors(x);
	check_cells(x, sorted);
	free(sorted);
}

/* ---- the document ---- */

static const struct field top_fields[] = {
	{ "campaign", K_OTHER, 0, 0, NONE, NULL },
	{ "channels", K_OTHER, 0, 0, NONE, NULL },
	{ "exclude", K_OTHER, 0, 0, NONE, NULL },
	{ "personas", K_OTHER, 0, 0, NONE, NULL },
};

static void read_document(struct ctx *x, const struct json_value *root)
{
	const struct json_value *fx;
	int errors = x->d->n_errors;
	size_t at;

	if (read_fields(x, root, top_fields, ARRAY_SIZE(top_fields), NULL) <
		    0 &&
	    json_type(root) != JSON_OBJECT)
		return;
	at = json_path_key(&x->path, "campaign");
	read_campaign(x, json_get(root, "campaign"), &fx);
	json_path_pop(&x->path, at);
	if (!x->c->currency)
		return;
	copy_channels(x, fx);
	keep_rates(x->c, fx);
	read_overrides(x, json_get(root, "channels"));
	read_personas(x, json_get(root, "personas"));
	if (x->d->n_errors == errors)
		read_exclusions(x, json_get(root, "exclude"));
	if (x->d->n_errors == errors)
		cross_check(x);
}

int audience_parse(const char *text, size_t len, const struct catalogue *cat,
		   struct campaign *out, struct diag *d)
{
	struct ctx x = { d, out, cat, STRBUF_INIT, { NULL, 0 }, { NULL, 0 } };
	struct json_value *root;
	int errors = d->n_errors;

	memset(out, 0, sizeof(*out));
	if (json_parse(text, len, d, &root) < 0)
		return -1;
	read_document(&x, root);
	json_free(root);
	strbuf_release(&x.path);
	free(x.channels.v);
	free(x.personas.v);
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
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (read_input(path, &sb, d) == 0)
		rc = audience_parse(strbuf_str(&sb), sb.len, cat, out, d);
	strbuf_release(&sb);
	return rc;
}
