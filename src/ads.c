/*
 * ads - the ad sets and ads of an approved plan and a job feed: one ad
 * set per plan cell on an ad platform (or per channel whose ad set is
 * shared), its targeting after compliance.h's rules, and one ad per job
 * its persona gets (jobmatch.h), written from the job, the persona's
 * hook and the campaign's proposition within the platform's limits.
 */
#include "ads.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "compliance.h"
#include "diag.h"
#include "feed.h"
#include "jobmatch.h"
#include "money.h"
#include "planfile.h"
#include "strbuf.h"
#include "wrapper.h"

/* the smallest room worth filling with a shortened part of the text */
#define MIN_PART 20

static const char src_meta[] =
	"Meta's feed ad specs as summarised by third-party guides (about "
	"125 characters of primary text show before \"more\"; headline "
	"about 27 to 40, description about 30); Meta sets no hard limit "
	"in the sources stored";
static const char src_linkedin[] =
	"LinkedIn Help a426534, \"Single image ads advertising "
	"specifications\": introductory text 150 to avoid truncation, 600 "
	"at most; headline 70 to avoid truncation, 200 at most; "
	"description about 100, 300 at most";
static const char src_tiktok[] =
	"TikTok Ads help, \"Video ads specifications\": ad description "
	"(ad_text) 1 to 100 characters, 1 to 50 in Chinese, Japanese, "
	"Korean or Hindi";

static const struct ad_limit limits[] = {
	{ PLATFORM_META, AD_TEXT, "primary text", 125, 0, false, src_meta },
	{ PLATFORM_META, AD_HEADLINE, "headline", 40, 0, false, src_meta },
	{ PLATFORM_META, AD_DESCRIPTION, "description", 30, 0, false,
	  src_meta },
	{ PLATFORM_LINKEDIN, AD_TEXT, "introductory text", 150, 600, false,
	  src_linkedin },
	{ PLATFORM_LINKEDIN, AD_HEADLINE, "headline", 70, 200, false,
	  src_linkedin },
	{ PLATFORM_LINKEDIN, AD_DESCRIPTION, "description", 100, 300, false,
	  src_linkedin },
	{ PLATFORM_TIKTOK, AD_TEXT, "ad text", 0, 100, true, src_tiktok },
};

const struct ad_limit *ads_limits(size_t *n)
{
	*n = ARRAY_SIZE(limits);
	return limits;
}

const struct ad_limit *ads_limit(enum platform p, enum ad_field f)
{
	for (size_t i = 0; i < ARRAY_SIZE(limits); i++)
		if (limits[i].platform == p && limits[i].field == f)
			return &limits[i];
	return NULL;
}

const char *ads_cta(enum platform p)
{
	switch (p) {
	case PLATFORM_META:
		return "APPLY_NOW";
	case PLATFORM_LINKEDIN:
		return "APPLY";
	case PLATFORM_TIKTOK:
		return "APPLY_NOW";
	case PLATFORM_OFFLINE:
		break;
	}
	return NULL;
}

/* ---- counting and shortening ---- */

/* the code point at s (valid UTF-8), and its length in *len */
static unsigned long decode(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80 || !u[1]) {
		*len = 1;
		return u[0];
	}
	if ((u[0] & 0xe0) == 0xc0) {
		*len = 2;
		return (u[0] & 0x1fUL) << 6 | (u[1] & 0x3f);
	}
	if ((u[0] & 0xf0) == 0xe0 && u[2]) {
		*len = 3;
		return (u[0] & 0x0fUL) << 12 | (u[1] & 0x3fUL) << 6 |
		       (u[2] & 0x3f);
	}
	if ((u[0] & 0xf8) == 0xf0 && u[2] && u[3]) {
		*len = 4;
		return (u[0] & 0x07UL) << 18 | (u[1] & 0x3fUL) << 12 |
		       (u[2] & 0x3fUL) << 6 | (u[3] & 0x3f);
	}
	*len = 1;
	return u[0];
}

/* Chinese, Japanese, Korean and Devanagari: two on TikTok */
static bool is_wide(unsigned long c)
{
	return (c >= 0x0900 && c <= 0x097f) || (c >= 0x1100 && c <= 0x115f) ||
	       (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
	       (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
	       (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
	       (c >= 0x20000 && c <= 0x3fffd);
}

static size_t char_width(unsigned long c, bool wide)
{
	return wide && is_wide(c) ? 2 : 1;
}

size_t ads_width(const char *s, bool wide_counts_2)
{
	size_t n = 0, len;

	while (s && *s) {
		n += char_width(decode(s, &len), wide_counts_2);
		s += len;
	}
	return n;
}

static bool trailing_junk(char c)
{
	return c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' ||
	       c == '.' || c == '\n' || c == '(' || c == '/';
}

char *ads_shorten(const char *s, size_t limit, bool wide_counts_2)
{
	struct strbuf sb = STRBUF_INIT;
	size_t used = 0, len, cut = 0, boundary = 0, boundary_used = 0;

	if (ads_width(s, wide_counts_2) <= limit)
		return xstrdup(s);
	if (limit == 0)
		return xstrdup("");
	/* room for the ellipsis */
	for (size_t i = 0; s[i];) {
		size_t w = char_width(decode(s + i, &len), wide_counts_2);

		if (used + w > limit - 1)
			break;
		if (s[i] == ' ' || s[i] == '\n') {
			boundary = i;
			boundary_used = used;
		}
		used += w;
		i += len;
		cut = i;
	}
	/* the cut itself is at a word's end */
	if (s[cut] == ' ' || s[cut] == '\n') {
		boundary = cut;
		boundary_used = used;
	}
	/* a word boundary when it keeps at least half of the room */
	if (boundary > 0 && 2 * boundary_used >= limit - 1)
		cut = boundary;
	while (cut > 0 && trailing_junk(s[cut - 1]))
		cut--;
	strbuf_add(&sb, s, cut);
	strbuf_addstr(&sb, "\u2026");
	return strbuf_detach(&sb);
}

/* ---- URLs ---- */

static const struct {
	const char *utf8, *ascii;
} fold[] = {
	{ "å", "a" },  { "ä", "a" },  { "à", "a" }, { "á", "a" }, { "â", "a" },
	{ "Å", "a" },  { "Ä", "a" },  { "À", "a" }, { "Á", "a" }, { "Â", "a" },
	{ "æ", "ae" }, { "Æ", "ae" }, { "ö", "o" }, { "ø", "o" }, { "ó", "o" },
	{ "ô", "o" },  { "Ö", "o" },  { "Ø", "o" }, { "Ó", "o" }, { "é", "e" },
	{ "è", "e" },  { "ê", "e" },  { "É", "e" }, { "ü", "u" }, { "ú", "u" },
	{ "Ü", "u" },  { "í", "i" },  { "ï", "i" }, { "ñ", "n" }, { "ç", "c" },
	{ "ß", "ss" }, { "þ", "th" }, { "ð", "d" },
};

void ads_slug(struct strbuf *out, const char *s)
{
	size_t start = out->len;
	bool dash = false;

	while (*s) {
		unsigned char c = (unsigned char)*s;
		const char *ascii = NULL;
		size_t len = 1;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			ascii = s;
		} else if (c >= 'A' && c <= 'Z') {
			if (dash && out->len > start)
				strbuf_addch(out, '-');
			dash = false;
			strbuf_addch(out, c - 'A' + 'a');
			s++;
			continue;
		} else if (c >= 0x80) {
			decode(s, &len);
			for (size_t i = 0; i < ARRAY_SIZE(fold); i++)
				if (strncmp(s, fold[i].utf8, len) == 0 &&
				    strlen(fold[i].utf8) == len)
					ascii = fold[i].ascii;
		}
		if (ascii) {
			if (dash && out->len > start)
				strbuf_addch(out, '-');
			dash = false;
			strbuf_add(out, ascii, ascii == s ? 1 : strlen(ascii));
		} else
			dash = true;
		s += len;
	}
	if (out->len == start)
		strbuf_addstr(out, "campaign");
}

static void param(struct strbuf *out, const char *key, const char *value,
		  bool *first)
{
	if (!*first)
		strbuf_addch(out, '&');
	*first = false;
	strbuf_addstr(out, key);
	strbuf_addch(out, '=');
	strbuf_addstr_urlencoded(out, value);
}

static const char *utm_source(enum platform p)
{
	return p == PLATFORM_META       ? "meta"
	       : p == PLATFORM_LINKEDIN ? "linkedin"
	       : p == PLATFORM_TIKTOK   ? "tiktok"
					: "offline";
}

/*
 * The job URL's own query parameters, [q, end), each followed by '&',
 * except its utm_ ones: ours replace them, so a link the employer
 * already tagged is not counted under two campaigns.
 */
static void keep_query(struct strbuf *out, const char *q, const char *end)
{
	while (q < end) {
		const char *amp = memchr(q, '&', (size_t)(end - q));
		const char *stop = amp ? amp : end;

		if (stop > q && strncmp(q, "utm_", 4) != 0) {
			strbuf_add(out, q, (size_t)(stop - q));
			strbuf_addch(out, '&');
		}
		q = stop + (amp != NULL);
	}
}

void ads_landing_url(struct strbuf *out, const char *job_url, enum platform p,
		     const char *campaign_slug, const char *persona,
		     const char *channel)
{
	const char *hash = strchr(job_url, '#');
	size_t base = hash ? (size_t)(hash - job_url) : strlen(job_url);
	const char *q = memchr(job_url, '?', base);
	struct strbuf content = STRBUF_INIT;
	bool first = true;

	strbuf_add(out, job_url, q ? (size_t)(q - job_url) : base);
	strbuf_addch(out, '?');
	if (q)
		keep_query(out, q + 1, job_url + base);
	strbuf_addf(&content, "%s.%s", persona, channel);
	param(out, "utm_source", utm_source(p), &first);
	param(out, "utm_medium", "paid_social", &first);
	param(out, "utm_campaign", campaign_slug, &first);
	param(out, "utm_content", content.buf, &first);
	/* the macros go as written: the platform replaces them at click */
	if (p == PLATFORM_META)
		strbuf_addstr(out, "&utm_id={{ad.id}}");
	else if (p == PLATFORM_TIKTOK)
		strbuf_addstr(out, "&utm_id=__CID__");
	if (hash)
		strbuf_addstr(out, hash);
	strbuf_release(&content);
}

/* ---- copy ---- */

static const char *platform_title(enum platform p)
{
	return p == PLATFORM_META       ? "Meta"
	       : p == PLATFORM_LINKEDIN ? "LinkedIn"
					: "TikTok";
}

static size_t limit_of(const struct ad_limit *l)
{
	return l->recommended ? l->recommended : l->hard;
}

/* ": Meta recommends at most 40." */
static void why(struct strbuf *sb, const struct ad_limit *l)
{
	strbuf_addf(sb, ": %s %s at most %zu%s", platform_title(l->platform),
		    l->recommended ? "recommends" : "allows", limit_of(l),
		    l->wide_counts_2 ? " (a Chinese, Japanese or Korean "
				       "character counts as two)"
				     : "");
	strbuf_addch(sb, '.');
}

/* s within l's limit; a sentence in *said when it was shortened */
static char *fit(const char *s, const struct ad_limit *l, struct strvec *said)
{
	size_t n = ads_width(s, l->wide_counts_2);
	char *out = ads_shorten(s, limit_of(l), l->wide_counts_2);
	struct strbuf sb = STRBUF_INIT;

	if (strcmp(out, s) != 0) {
		strbuf_addf(&sb, "%s shortened from %zu to %zu characters",
			    l->name, n, ads_width(out, l->wide_counts_2));
		why(&sb, l);
		strvec_addf(said, "%s", sb.buf);
	}
	strbuf_release(&sb);
	return out;
}

/* the job's title, and its city when it is not in the title and fits */
static char *headline(const struct job *j, const struct ad_limit *l,
		      struct strvec *said)
{
	struct strbuf sb = STRBUF_INIT;
	char *out;

	strbuf_addstr(&sb, j->title);
	if (j->city && !strstr(j->title, j->city)) {
		size_t w = ads_width(j->title, false) + 2 +
			   ads_width(j->city, false);

		if (!l || w <= limit_of(l))
			strbuf_addf(&sb, ", %s", j->city);
	}
	out = l ? fit(sb.buf, l, said) : strbuf_detach(&sb);
	strbuf_release(&sb);
	return out;
}

/* the description's plain text on one line */
static char *job_excerpt(const struct job *j)
{
	char *plain = j->description ? feed_plain_text(j->description) : NULL;
	struct strbuf sb = STRBUF_INIT;

	for (const char *p = plain; p && *p; p++) {
		if (*p == '\n') {
			if (sb.len && sb.buf[sb.len - 1] != ' ')
				strbuf_addch(&sb, ' ');
		} else
			strbuf_addch(&sb, *p);
	}
	free(plain);
	return sb.len ? strbuf_detach(&sb) : NULL;
}

/*
 * The primary text: the hook, the proposition and the job's
 * description, in that order of priority, separated by blank lines.
 * A part that does not fit whole is shortened when at least MIN_PART
 * characters are left, else left out with the parts after it.
 */
static char *primary_text(const char *hook, const char *proposition,
			  const struct job *j, const struct ad_limit *l,
			  struct strvec *said)
{
	char *excerpt = job_excerpt(j);
	const char *part[3] = { hook, proposition, excerpt };
	const char *what[3] = { "the persona's hook", "the proposition",
				"the job's description" };
	struct strbuf sb = STRBUF_INIT, s = STRBUF_INIT;
	size_t limit = limit_of(l);

	for (int i = 0; i < 3; i++) {
		size_t used = ads_width(sb.buf, l->wide_counts_2);
		size_t sep = sb.len ? 2 : 0, room, w;
		char *cut;

		if (!part[i] || !*part[i])
			continue;
		w = ads_width(part[i], l->wide_counts_2);
		room = used + sep < limit ? limit - used - sep : 0;
		if (w <= room) {
			strbuf_addstr(&sb, sep ? "\n\n" : "");
			strbuf_addstr(&sb, part[i]);
			continue;
		}
		strbuf_reset(&s);
		if (room >= MIN_PART || !sb.len) {
			cut = ads_shorten(part[i], room ? room : limit,
					  l->wide_counts_2);
			strbuf_addstr(&sb, sep ? "\n\n" : "");
			strbuf_addstr(&sb, cut);
			strbuf_addf(&s,
				    "%s: %s shortened from %zu to %zu "
				    "characters to keep the text within %zu",
				    l->name, what[i], w,
				    ads_width(cut, l->wide_counts_2), limit);
			free(cut);
		} else {
			strbuf_addf(&s,
				    "%s: %s left out (%zu characters): %zu of "
				    "%zu were left",
				    l->name, what[i], w, room, limit);
		}
		why(&s, l);
		strvec_addf(said, "%s", s.buf);
		break;
	}
	if (!sb.len)
		strbuf_addstr(&sb, j->title);
	free(excerpt);
	strbuf_release(&s);
	return strbuf_detach(&sb);
}

/* the link description: the job's company and city, NULL without */
static char *description(const struct job *j, const struct ad_limit *l,
			 struct strvec *said)
{
	struct strbuf sb = STRBUF_INIT;
	char *out;

	if (!l)
		return NULL;
	if (j->company)
		strbuf_addstr(&sb, j->company);
	if (j->city)
		strbuf_addf(&sb, "%s%s", sb.len ? ", " : "", j->city);
	if (!sb.len)
		return NULL;
	out = fit(sb.buf, l, said);
	strbuf_release(&sb);
	return out;
}

/* ---- ad sets ---- */

struct build {
	const struct planfile *pf;
	const struct feed *feed;
	struct ad_plan *ap;
	struct strbuf slug;
	size_t alloc_sets;
};

/* does persona p buy on the set's channel (its own set, or shared)? */
static bool set_has_persona(const struct planfile *pf, const struct ad_set *s,
			    size_t p)
{
	if (s->persona != SIZE_MAX)
		return s->persona == p;
	for (size_t i = 0; i < pf->n_cells; i++)
		if (pf->cells[i].channel == s->channel &&
		    pf->cells[i].persona == p)
			return true;
	return false;
}

static void union_add(struct strlist *l, const struct strlist *from)
{
	for (size_t i = 0; i < from->n; i++) {
		size_t k = 0;

		while (k < l->n && strcmp(l->item[k], from->item[i]) != 0)
			k++;
		if (k < l->n)
			continue;
		l->item = xreallocarray(l->item, l->n + 1, sizeof(*l->item));
		l->item[l->n++] = from->item[i];
	}
}

static void union_places(struct persona *m, const struct persona *p)
{
	for (size_t i = 0; i < p->n_locations; i++) {
		const struct location *at = &p->locations[i];
		size_t k = 0;

		while (k < m->n_locations &&
		       (strcmp(m->locations[k].city, at->city) != 0 ||
			strcmp(m->locations[k].country, at->country) != 0))
			k++;
		if (k < m->n_locations) {
			if (at->radius_km > m->locations[k].radius_km)
				m->locations[k].radius_km = at->radius_km;
			continue;
		}
		m->locations = xreallocarray(m->locations, m->n_locations + 1,
					     sizeof(*m->locations));
		m->locations[m->n_locations++] = *at;
	}
}

/*
 * The personas of a shared ad set as one, borrowing their strings: the
 * union of places (the widest radius), interests, titles, skills,
 * languages and education; the widest ages and genders when every
 * persona narrows them. One persona's postal codes, exclusions and
 * lookalike would narrow the others' audience: they are left out.
 */
static void merge_personas(const struct planfile *pf, const struct ad_set *s,
			   struct persona *m)
{
	bool first = true, all_ages = true, all_genders = true;

	memset(m, 0, sizeof(*m));
	for (size_t i = 0; i < pf->c.n_personas; i++) {
		const struct persona *p = &pf->c.personas[i];
		const struct persona_targeting *t = &p->targeting;

		if (!set_has_persona(pf, s, i))
			continue;
		union_places(m, p);
		union_add(&m->interests, &p->interests);
		union_add(&m->job_titles, &p->job_titles);
		union_add(&m->skills, &p->skills);
		union_add(&m->languages, &p->languages);
		union_add(&m->education, &p->education);
		union_add(&m->targeting.genders, &t->genders);
		all_genders = all_genders && t->genders.n;
		all_ages = all_ages && t->age_min && t->age_max;
		if (first || t->age_min < m->targeting.age_min)
			m->targeting.age_min = t->age_min;
		if (first || t->age_max > m->targeting.age_max)
			m->targeting.age_max = t->age_max;
		first = false;
	}
	if (!all_ages)
		m->targeting.age_min = m->targeting.age_max = 0;
	if (!all_genders)
		m->targeting.genders.n = 0;
}

static void merged_release(struct persona *m)
{
	free(m->locations);
	free(m->interests.item);
	free(m->job_titles.item);
	free(m->skills.item);
	free(m->languages.item);
	free(m->education.item);
	free(m->targeting.genders.item);
}

static struct ad_set *new_set(struct build *b, size_t channel, size_t persona)
{
	const struct channel *ch = &b->pf->c.channels[channel];
	const char *who =
		persona == SIZE_MAX ? "shared" : b->pf->c.personas[persona].id;
	struct ad_plan *ap = b->ap;
	struct ad_set *s;
	struct strbuf sb = STRBUF_INIT;

	ALLOC_GROW(ap->sets, ap->n_sets + 1, b->alloc_sets);
	s = &ap->sets[ap->n_sets++];
	memset(s, 0, sizeof(*s));
	s->platform = ch->platform;
	s->channel = channel;
	s->persona = persona;
	strbuf_addf(&sb, "%s / %s", who, ch->id);
	s->name = strbuf_detach(&sb);
	strbuf_addf(&sb, "%s:%s:%s", ap->campaign_key, who, ch->id);
	s->local_key = strbuf_detach(&sb);
	memcpy(s->start, ch->start, sizeof(s->start));
	memcpy(s->end, ch->end, sizeof(s->end));
	return s;
}

/* the ad sets of the cells on ad platforms, with their money */
static void make_sets(struct build *b)
{
	const struct planfile *pf = b->pf;

	for (size_t i = 0; i < pf->n_cells; i++) {
		const struct planfile_cell *cell = &pf->cells[i];
		const struct channel *ch = &pf->c.channels[cell->channel];
		struct ad_set *s = NULL;

		if (ch->platform == PLATFORM_OFFLINE)
			continue;
		for (size_t k = 0; ch->shared_ad_set && k < b->ap->n_sets; k++)
			if (b->ap->sets[k].channel == cell->channel)
				s = &b->ap->sets[k];
		if (!s)
			s = new_set(b, cell->channel,
				    ch->shared_ad_set ? SIZE_MAX
						      : cell->persona);
		s->spend += cell->spend;
		if (cell->daily != MONEY_NONE)
			s->daily += cell->daily;
	}
}

static void apply_rules(const struct planfile *pf, struct ad_set *s)
{
	struct persona merged;

	if (s->persona != SIZE_MAX) {
		targeting_from_persona(&s->targeting,
				       &pf->c.personas[s->persona]);
	} else {
		merge_personas(pf, s, &merged);
		targeting_from_persona(&s->targeting, &merged);
		merged_release(&merged);
	}
	s->refused = compliance_apply(s->platform, &s->targeting,
				      &s->compliance) < 0;
}

static void add_ad(struct build *b, struct ad_set *s, size_t job,
		   const struct persona *p)
{
	const struct job *j = &b->feed->jobs[job];
	const struct channel *ch = &b->pf->c.channels[s->channel];
	struct strbuf sb = STRBUF_INIT;
	struct ad *a;

	s->ads = xreallocarray(s->ads, s->n_ads + 1, sizeof(*s->ads));
	a = &s->ads[s->n_ads++];
	memset(a, 0, sizeof(*a));
	a->job = job;
	strbuf_addf(&sb, "%s / %s / %s", j->referencenumber, p->id, ch->id);
	a->name = strbuf_detach(&sb);
	strbuf_addf(&sb, "%s:%s", s->local_key, j->referencenumber);
	a->local_key = strbuf_detach(&sb);
	a->headline =
		headline(j, ads_limit(s->platform, AD_HEADLINE), &a->shortened);
	a->text = primary_text(p->hook, b->pf->c.proposition, j,
			       ads_limit(s->platform, AD_TEXT), &a->shortened);
	a->description = description(j, ads_limit(s->platform, AD_DESCRIPTION),
				     &a->shortened);
	ads_landing_url(&sb, j->url, s->platform, b->slug.buf, p->id, ch->id);
	a->url = strbuf_detach(&sb);
	a->cta = ads_cta(s->platform);
}

/* one ad per job of the feed a persona of the set gets */
static void make_ads(struct build *b, struct ad_set *s)
{
	const struct planfile *pf = b->pf;

	for (size_t j = 0; j < b->feed->n; j++)
		for (size_t p = 0; p < pf->c.n_personas; p++) {
			const struct persona *pe = &pf->c.personas[p];

			if (set_has_persona(pf, s, p) &&
			    job_for_persona(&b->feed->jobs[j], pe)) {
				add_ad(b, s, j, pe);
				break;
			}
		}
}

/* ---- notes ---- */

static bool persona_has_set(const struct build *b, size_t p)
{
	for (size_t k = 0; k < b->ap->n_sets; k++)
		if (set_has_persona(b->pf, &b->ap->sets[k], p))
			return true;
	return false;
}

/* jobs no persona gets, or only personas without an ad set */
static void note_jobs(struct build *b)
{
	const struct campaign *c = &b->pf->c;

	for (size_t j = 0; j < b->feed->n; j++) {
		const struct job *job = &b->feed->jobs[j];
		bool any = false, served = false;

		for (size_t p = 0; p < c->n_personas; p++)
			if (job_for_persona(job, &c->personas[p])) {
				any = true;
				served = served || persona_has_set(b, p);
			}
		if (!any)
			strvec_addf(&b->ap->notes,
				    "job %s, '%s', matches no persona: it gets "
				    "no ad",
				    job->referencenumber, job->title);
		else if (!served)
			strvec_addf(
				&b->ap->notes,
				"job %s, '%s', goes only to personas with no "
				"ad set on Meta, LinkedIn or TikTok in the "
				"plan: it gets no ad",
				job->referencenumber, job->title);
	}
}

/* personas with an ad set that get no job */
static void note_personas(struct build *b)
{
	const struct campaign *c = &b->pf->c;

	for (size_t p = 0; p < c->n_personas; p++) {
		const struct persona *pe = &c->personas[p];
		const struct job_rules *r = &pe->jobs;
		bool gets = false;

		if (!persona_has_set(b, p))
			continue;
		for (size_t j = 0; j < b->feed->n && !gets; j++)
			gets = job_for_persona(&b->feed->jobs[j], pe);
		if (gets)
			continue;
		strvec_addf(
			&b->ap->notes,
			"persona '%s' %s: its ad sets have no ad of its "
			"own",
			pe->id,
			r->categories.n + r->title_keywords.n + r->references.n
				? "matches no job of the feed"
				: "has no \"jobs\" rules, so it gets no job");
	}
}

int ads_build(const struct planfile *pf, const struct feed *feed,
	      struct ad_plan *out, struct diag *d)
{
	struct build b = { pf, feed, out, STRBUF_INIT, 0 };
	struct strbuf sb = STRBUF_INIT;
	size_t n_ads = 0;

	memset(out, 0, sizeof(*out));
	out->campaign_name = xstrdup(pf->c.name);
	strbuf_addf(&sb, "jobmix:%.16s", pf->sha256);
	out->campaign_key = strbuf_detach(&sb);
	snprintf(out->currency, sizeof(out->currency), "%s", pf->c.currency);
	out->digits = pf->c.digits;
	ads_slug(&b.slug, pf->c.name);
	make_sets(&b);
	for (size_t k = 0; k < out->n_sets; k++) {
		apply_rules(pf, &out->sets[k]);
		make_ads(&b, &out->sets[k]);
		n_ads += out->sets[k].n_ads;
	}
	note_jobs(&b);
	note_personas(&b);
	strbuf_release(&b.slug);
	if (n_ads)
		return 0;
	if (!out->n_sets)
		diag_line(d, 0,
			  "the plan has no ad set: none of its cells is on "
			  "Meta, LinkedIn or TikTok");
	else
		diag_line(d, 0,
			  "no job of the feed goes to a persona with an ad "
			  "set: there is no ad to make");
	return -1;
}

static void ad_release(struct ad *a)
{
	free(a->name);
	free(a->local_key);
	free(a->headline);
	free(a->text);
	free(a->description);
	free(a->url);
	strvec_clear(&a->shortened);
}

void ad_plan_release(struct ad_plan *ap)
{
	for (size_t k = 0; k < ap->n_sets; k++) {
		struct ad_set *s = &ap->sets[k];

		for (size_t i = 0; i < s->n_ads; i++)
			ad_release(&s->ads[i]);
		free(s->ads);
		free(s->name);
		free(s->local_key);
		targeting_release(&s->targeting);
		compliance_release(&s->compliance);
	}
	free(ap->sets);
	free(ap->campaign_name);
	free(ap->campaign_key);
	strvec_clear(&ap->notes);
	memset(ap, 0, sizeof(*ap));
}

int ads_load(const char *plan_path, const char *feed_path, struct planfile *pf,
	     struct feed *f, struct ad_plan *ap)
{
	struct diag d;
	int status, rc;

	diag_init(&d, plan_path);
	status = planfile_load(plan_path, pf, &d);
	diag_finish(&d);
	if (status)
		return status;
	diag_init(&d, feed_path);
	rc = feed_load(feed_path, f, &d);
	diag_finish(&d);
	if (rc < 0)
		return d.status;
	diag_init(&d, plan_path);
	rc = ads_build(pf, f, ap, &d);
	diag_finish(&d);
	return rc < 0 ? JM_DATAERR : JM_OK;
}
