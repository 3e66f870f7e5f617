/*
 * planfile - an approved plan read back from its JSON file. Every
 * member is checked for its type with the JSON path in the message
 * (json.c's checked getters); every problem is reported before the
 * load gives up, with status 65. Only what ads and push need is read:
 * the campaign's head, the cells, the channels' flights and the
 * audience member (docs/plan-json.md).
 */
#include "planfile.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "diag.h"
#include "fileio.h"
#include "json.h"
#include "money.h"
#include "sha256.h"
#include "strbuf.h"
#include "wrapper.h"

/* the reader's state: the diag and the JSON path of the value read */
struct reader {
	struct diag *d;
	struct strbuf path;
};

static const struct json_range whole_range = { 0, 1e15, false };

/* the member key of obj, with its path pushed; pop with pop() */
static const struct json_value *enter(struct reader *r,
				      const struct json_value *obj,
				      const char *key, size_t *len)
{
	*len = json_path_key(&r->path, key);
	return json_get(obj, key);
}

static void pop(struct reader *r, size_t len)
{
	json_path_pop(&r->path, len);
}

/* is v of type t? If not, say so at the current path */
static int want_type(struct reader *r, const struct json_value *v,
		     enum json_type t, const char *what)
{
	if (json_type(v) == t && v)
		return 0;
	if (v)
		json_wrong(r->d, r->path.buf, what, v);
	else
		diag_path(r->d, r->path.buf, "missing; expected %s", what);
	return -1;
}

/* a non-empty string, or (optional) null or absent for NULL */
static int get_str(struct reader *r, const struct json_value *obj,
		   const char *key, bool optional, char **out)
{
	size_t len;
	const struct json_value *v = enter(r, obj, key, &len);
	const char *s = NULL;
	int rc = 0;

	*out = NULL;
	if (!(optional && (!v || json_type(v) == JSON_NULL)))
		rc = json_string_in(r->d, r->path.buf, v, &s);
	if (s)
		*out = xstrdup(s);
	pop(r, len);
	return rc;
}

/* a whole number from lo to hi */
static int get_int(struct reader *r, const struct json_value *obj,
		   const char *key, double lo, double hi, int64_t *out)
{
	struct json_range range = { lo, hi, false };
	size_t len;
	const struct json_value *v = enter(r, obj, key, &len);
	double x = 0;
	int rc = json_number_in(r->d, r->path.buf, v, &range, &x);

	if (rc == 0 && x != floor(x)) {
		json_wrong(r->d, r->path.buf, "a whole number", v);
		rc = -1;
	}
	*out = rc == 0 ? (int64_t)x : 0;
	pop(r, len);
	return rc;
}

/* money: a whole number of minor units >= 0, or null for MONEY_NONE */
static int get_money(struct reader *r, const struct json_value *obj,
		     const char *key, bool nullable, int64_t *out)
{
	const struct json_value *v = json_get(obj, key);

	if (nullable && json_type(v) == JSON_NULL && v) {
		*out = MONEY_NONE;
		return 0;
	}
	return get_int(r, obj, key, whole_range.lo, whole_range.hi, out);
}

/* an array of strings; absent is empty */
static int get_strlist(struct reader *r, const struct json_value *obj,
		       const char *key, struct strlist *out)
{
	size_t len, alloc = 0;
	const struct json_value *v = enter(r, obj, key, &len);
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (v && want_type(r, v, JSON_ARRAY, "an array of strings") < 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < json_count(v); i++) {
		size_t l = json_path_index(&r->path, i);
		const char *s;

		if (json_string_in(r->d, r->path.buf, json_item(v, i), &s) ==
		    0) {
			ALLOC_GROW(out->item, out->n + 1, alloc);
			out->item[out->n++] = xstrdup(s);
		} else
			rc = -1;
		pop(r, l);
	}
	pop(r, len);
	return rc;
}

static int get_place(struct reader *r, const struct json_value *v,
		     struct location *loc)
{
	const struct json_value *km;
	size_t len;
	int rc = 0;

	memset(loc, 0, sizeof(*loc));
	if (want_type(r, v, JSON_OBJECT, "an object") < 0)
		return -1;
	rc |= get_str(r, v, "city", false, &loc->city);
	rc |= get_str(r, v, "country", false, &loc->country);
	km = enter(r, v, "radius_km", &len);
	if (km) {
		struct json_range range = { 0, 1000, false };

		rc |= json_number_in(r->d, r->path.buf, km, &range,
				     &loc->radius_km);
	}
	pop(r, len);
	return rc;
}

/* an array of places; absent is none */
static int get_places(struct reader *r, const struct json_value *obj,
		      const char *key, struct location **out, size_t *n)
{
	size_t len;
	const struct json_value *v = enter(r, obj, key, &len);
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (v && want_type(r, v, JSON_ARRAY, "an array of places") < 0)
		rc = -1;
	else if (json_count(v)) {
		*out = xcalloc(json_count(v), sizeof(**out));
		for (size_t i = 0; i < json_count(v); i++) {
			size_t l = json_path_index(&r->path, i);

			rc |= get_place(r, json_item(v, i), &(*out)[i]);
			(*n)++;
			pop(r, l);
		}
	}
	pop(r, len);
	return rc;
}

static int get_targeting(struct reader *r, const struct json_value *obj,
			 struct persona_targeting *t)
{
	size_t len;
	const struct json_value *v = enter(r, obj, "targeting", &len);
	int rc = 0;

	if (v && want_type(r, v, JSON_OBJECT, "an object") < 0)
		rc = -1;
	else if (v) {
		if (json_get(v, "age_min"))
			rc |= get_int(r, v, "age_min", 13, 65, &t->age_min);
		if (json_get(v, "age_max"))
			rc |= get_int(r, v, "age_max", 13, 65, &t->age_max);
		rc |= get_strlist(r, v, "genders", &t->genders);
		rc |= get_strlist(r, v, "postal_codes", &t->postal_codes);
		rc |= get_places(r, v, "exclude_locations", &t->exclude,
				 &t->n_exclude);
		rc |= get_strlist(r, v, "exclude_interests",
				  &t->exclude_interests);
		rc |= get_str(r, v, "lookalike", true, &t->lookalike);
	}
	pop(r, len);
	return rc;
}

static int get_jobs(struct reader *r, const struct json_value *obj,
		    struct job_rules *j)
{
	size_t len;
	const struct json_value *v = enter(r, obj, "jobs", &len);
	int rc = 0;

	if (v && want_type(r, v, JSON_OBJECT, "an object") < 0)
		rc = -1;
	else if (v) {
		rc |= get_strlist(r, v, "categories", &j->categories);
		rc |= get_strlist(r, v, "title_keywords", &j->title_keywords);
		rc |= get_strlist(r, v, "references", &j->references);
	}
	pop(r, len);
	return rc;
}

static int get_persona(struct reader *r, const struct json_value *v,
		       struct persona *p)
{
	int rc = 0;

	p->value_per_hire = MONEY_NONE;
	p->budget_cap = MONEY_NONE;
	p->experience_max = -1;
	if (want_type(r, v, JSON_OBJECT, "an object") < 0)
		return -1;
	rc |= get_str(r, v, "id", false, &p->id);
	rc |= get_str(r, v, "name", false, &p->name);
	rc |= get_int(r, v, "size", 1, 1e15, &p->size);
	rc |= get_str(r, v, "hook", true, &p->hook);
	rc |= get_places(r, v, "locations", &p->locations, &p->n_locations);
	rc |= get_strlist(r, v, "interests", &p->interests);
	rc |= get_strlist(r, v, "job_titles", &p->job_titles);
	rc |= get_strlist(r, v, "skills", &p->skills);
	rc |= get_strlist(r, v, "languages", &p->languages);
	rc |= get_strlist(r, v, "education", &p->education);
	rc |= get_jobs(r, v, &p->jobs);
	rc |= get_targeting(r, v, &p->targeting);
	return rc;
}

/* audience.fx, if any: exchange rates as their decimal text (push) */
static int get_fx(struct reader *r, const struct json_value *a,
		  struct campaign *c)
{
	size_t len;
	const struct json_value *fx = enter(r, a, "fx", &len);
	int rc = 0;

	if (!fx) {
		pop(r, len);
		return 0;
	}
	if (want_type(r, fx, JSON_OBJECT, "an object of rates") < 0) {
		pop(r, len);
		return -1;
	}
	c->fx = xcalloc(json_count(fx) + 1, sizeof(*c->fx));
	for (size_t i = 0; i < json_count(fx); i++) {
		const struct json_value *v = json_item(fx, i);
		const char *text = json_num_text(v);
		size_t l = json_path_key(&r->path, json_key_at(fx, i));

		if (json_type(v) != JSON_NUMBER || !text ||
		    strpbrk(text, "eE-") || !(json_num(v) > 0) ||
		    !money_currency_valid(json_key_at(fx, i))) {
			json_wrong(r->d, r->path.buf,
				   "a rate above 0 for an ISO 4217 code", v);
			rc = -1;
		} else {
			c->fx[c->n_fx].currency = xstrdup(json_key_at(fx, i));
			c->fx[c->n_fx++].rate = xstrdup(text);
		}
		pop(r, l);
	}
	pop(r, len);
	return rc;
}

/* the "audience" member: the proposition and the personas */
static int get_audience(struct reader *r, const struct json_value *root,
			struct campaign *c)
{
	size_t len, l2;
	const struct json_value *a = enter(r, root, "audience", &len);
	const struct json_value *ps;
	int rc = 0;

	if (!a) {
		diag_path(r->d, "audience",
			  "missing: the plan was written before plans carried "
			  "their audience; plan it again with this jobmix");
		pop(r, len);
		return -1;
	}
	if (want_type(r, a, JSON_OBJECT, "an object") < 0) {
		pop(r, len);
		return -1;
	}
	rc |= get_str(r, a, "proposition", true, &c->proposition);
	rc |= get_fx(r, a, c);
	ps = enter(r, a, "personas", &l2);
	if (want_type(r, ps, JSON_ARRAY, "an array of personas") < 0 ||
	    json_count(ps) == 0) {
		if (json_type(ps) == JSON_ARRAY)
			diag_path(r->d, r->path.buf, "expected a persona");
		rc = -1;
	} else {
		c->personas = xcalloc(json_count(ps), sizeof(*c->personas));
		for (size_t i = 0; i < json_count(ps); i++) {
			size_t l = json_path_index(&r->path, i);

			rc |= get_persona(r, json_item(ps, i), &c->personas[i]);
			c->n_personas++;
			pop(r, l);
		}
	}
	pop(r, l2);
	pop(r, len);
	return rc;
}

/* "campaign", the currency, budget, objective and status */
static int get_head(struct reader *r, const struct json_value *root,
		    struct planfile *pf)
{
	struct campaign *c = &pf->c;
	size_t len;
	const struct json_value *v;
	char *s = NULL;
	int64_t n;
	int rc = 0;

	v = enter(r, root, "campaign", &len);
	if (want_type(r, v, JSON_OBJECT, "an object") < 0)
		rc = -1;
	else {
		char *start = NULL, *end = NULL;

		rc |= get_str(r, v, "name", false, &c->name);
		rc |= get_str(r, v, "client", true, &c->client);
		rc |= get_str(r, v, "start", false, &start);
		rc |= get_str(r, v, "end", false, &end);
		rc |= get_int(r, v, "days", 1, 1e6, &n);
		c->days = (int)n;
		if (start && end && date_span_days(start, end) > 0) {
			memcpy(c->start, start, 11);
			memcpy(c->end, end, 11);
		} else if (start && end) {
			diag_path(r->d, r->path.buf,
				  "expected start and end dates, found '%s' "
				  "and '%s'",
				  start, end);
			rc = -1;
		}
		free(start);
		free(end);
	}
	pop(r, len);
	rc |= get_str(r, root, "currency", false, &c->currency);
	rc |= get_int(r, root, "minor_digits", 0, 3, &n);
	c->digits = (int)n;
	rc |= get_money(r, root, "budget", false, &c->budget);
	rc |= get_str(r, root, "objective", false, &s);
	if (s && objective_parse(s, &pf->objective) < 0) {
		diag_path(r->d, "objective", "unknown objective '%s'", s);
		rc = -1;
	}
	c->objective = pf->objective;
	free(s);
	return rc;
}

/* the channel with this id in the plan's "channels", added once */
static long add_channel(struct reader *r, const struct json_value *root,
			const char *id, enum platform platform,
			enum pricing pricing, struct campaign *c)
{
	const struct json_value *chs = json_get(root, "channels");
	long k = campaign_find_channel(c, id);
	struct channel *ch;
	char *ad_set = NULL;
	size_t len;
	int rc = 0;

	if (k >= 0)
		return k;
	for (size_t i = 0; i < json_count(chs); i++) {
		const struct json_value *v = json_item(chs, i);
		const char *cid = json_str(json_get(v, "id"));
		int64_t days;

		if (!cid || strcmp(cid, id) != 0)
			continue;
		c->channels = xreallocarray(c->channels, c->n_channels + 1,
					    sizeof(*c->channels));
		ch = &c->channels[c->n_channels++];
		memset(ch, 0, sizeof(*ch));
		ch->id = xstrdup(id);
		ch->max_spend = MONEY_NONE;
		ch->max_share = 1;
		len = json_path_key(&r->path, "channels");
		json_path_index(&r->path, i);
		rc |= get_str(r, v, "name", false, &ch->name);
		ch->platform = platform;
		ch->pricing = pricing;
		rc |= get_int(r, v, "days", 1, 1e6, &days);
		ch->days = (int)days;
		rc |= get_str(r, v, "ad_set", false, &ad_set);
		if (ad_set && strcmp(ad_set, "shared") != 0 &&
		    strcmp(ad_set, "persona") != 0) {
			diag_path(r->d, r->path.buf,
				  "ad_set: expected \"persona\" or "
				  "\"shared\", found '%s'",
				  ad_set);
			rc = -1;
		}
		ch->shared_ad_set = ad_set && strcmp(ad_set, "shared") == 0;
		free(ad_set);
		for (int e = 0; e < 2; e++) {
			char *date = NULL;
			const char *key = e ? "end" : "start";

			rc |= get_str(r, v, key, false, &date);
			if (date && date_valid(date))
				memcpy(e ? ch->end : ch->start, date, 11);
			else if (date) {
				diag_path(r->d, r->path.buf,
					  "%s: expected a date YYYY-MM-DD, "
					  "found '%s'",
					  key, date);
				rc = -1;
			}
			free(date);
		}
		pop(r, len);
		return rc ? -2 : (long)c->n_channels - 1;
	}
	return -1;
}

/* cell i of the plan: its persona, channel, spend and daily budget */
static int get_cell(struct reader *r, const struct json_value *root,
		    const struct json_value *v, struct planfile *pf)
{
	struct planfile_cell *cell = &pf->cells[pf->n_cells];
	char *persona = NULL, *channel = NULL, *platform = NULL,
	     *pricing = NULL;
	enum platform pl = PLATFORM_OFFLINE;
	enum pricing pr = PRICING_CPM;
	long p = -1, ch = -1;
	int rc = 0;

	if (want_type(r, v, JSON_OBJECT, "an object") < 0)
		return -1;
	rc |= get_str(r, v, "persona", false, &persona);
	rc |= get_str(r, v, "channel", false, &channel);
	rc |= get_str(r, v, "platform", false, &platform);
	rc |= get_str(r, v, "pricing", false, &pricing);
	rc |= get_money(r, v, "spend", false, &cell->spend);
	rc |= get_money(r, v, "daily_budget", true, &cell->daily);
	if (platform && platform_parse(platform, &pl) < 0) {
		diag_path(r->d, r->path.buf, "unknown platform '%s'", platform);
		rc = -1;
	}
	if (pricing && pricing_parse(pricing, &pr) < 0) {
		diag_path(r->d, r->path.buf, "unknown pricing '%s'", pricing);
		rc = -1;
	}
	if (persona && (p = campaign_find_persona(&pf->c, persona)) < 0 &&
	    pf->c.n_personas) {
		diag_path(r->d, r->path.buf,
			  "persona '%s' is not in audience.personas", persona);
		rc = -1;
	}
	if (rc == 0 && channel) {
		ch = add_channel(r, root, channel, pl, pr, &pf->c);
		if (ch == -1)
			diag_path(r->d, r->path.buf,
				  "channel '%s' is not in channels", channel);
	}
	if (ch < 0 || p < 0)
		rc = -1;
	else {
		cell->persona = (size_t)p;
		cell->channel = (size_t)ch;
	}
	free(persona);
	free(channel);
	free(platform);
	free(pricing);
	return rc;
}

/* "status" a plan that can be bought, and its "cells" */
static int get_cells(struct reader *r, const struct json_value *root,
		     struct planfile *pf)
{
	size_t len;
	const struct json_value *cells;
	char *status = NULL;
	int rc = get_str(r, root, "status", false, &status);

	if (status && strcmp(status, "optimal") != 0 &&
	    strcmp(status, "feasible") != 0) {
		diag_path(r->d, "status",
			  "the plan is %s: only a plan that meets its goals "
			  "(optimal or feasible) can be bought",
			  status);
		rc = -1;
	}
	free(status);
	if (rc < 0)
		return rc;
	cells = enter(r, root, "cells", &len);
	if (want_type(r, cells, JSON_ARRAY, "an array of cells") < 0)
		rc = -1;
	else if (json_count(cells) == 0) {
		diag_path(r->d, "cells", "the plan buys nothing: no cell");
		rc = -1;
	} else {
		pf->cells = xcalloc(json_count(cells), sizeof(*pf->cells));
		for (size_t i = 0; i < json_count(cells); i++) {
			size_t l = json_path_index(&r->path, i);

			if (get_cell(r, root, json_item(cells, i), pf) == 0)
				pf->n_cells++;
			else
				rc = -1;
			pop(r, l);
		}
	}
	pop(r, len);
	return rc;
}

static int read_plan(struct reader *r, const struct json_value *root,
		     struct planfile *pf)
{
	int64_t version;
	int rc;

	if (json_type(root) != JSON_OBJECT) {
		json_wrong(r->d, "(the top level)", "an object: a plan", root);
		return -1;
	}
	if (get_int(r, root, "jobmix_plan", 0, 1e15, &version) < 0)
		return -1;
	if (version != 1) {
		diag_path(r->d, "jobmix_plan",
			  "plan format version %lld; this jobmix reads "
			  "version 1",
			  (long long)version);
		return -1;
	}
	rc = get_head(r, root, pf);
	rc |= get_audience(r, root, &pf->c);
	if (rc == 0)
		rc = get_cells(r, root, pf);
	return rc;
}

int planfile_parse(const char *text, size_t len, const char *path,
		   struct planfile *out, struct diag *d)
{
	struct reader r = { d, STRBUF_INIT };
	struct json_value *root = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	out->path = xstrdup(path);
	sha256_hex(text, len, out->sha256);
	rc = json_parse(text, len, d, &root);
	if (rc == 0)
		rc = read_plan(&r, root, out);
	json_free(root);
	strbuf_release(&r.path);
	if (rc == 0 && d->n_errors == 0)
		return 0;
	d->status = JM_DATAERR;
	planfile_release(out);
	return JM_DATAERR;
}

int planfile_load(const char *path, struct planfile *out, struct diag *d)
{
	struct strbuf text = STRBUF_INIT;
	int rc;

	memset(out, 0, sizeof(*out));
	if (read_input(path, &text, d) < 0) {
		strbuf_release(&text);
		return d->status;
	}
	rc = planfile_parse(text.buf ? text.buf : "", text.len, path, out, d);
	strbuf_release(&text);
	return rc;
}

void planfile_release(struct planfile *pf)
{
	campaign_release(&pf->c);
	free(pf->cells);
	free(pf->path);
	memset(pf, 0, sizeof(*pf));
}
