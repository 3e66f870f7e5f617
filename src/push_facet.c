/*
 * push_facet.c - the job titles and skills of an ad set in a platform's
 * own ids. Each is looked up once through the platform's search of that
 * facet (the adapter's search_facet; only LinkedIn has one) and the
 * answer, found or not, is kept in the store's facet table, so a second
 * push asks nothing. The match is the entry of the same name, compared
 * without regard to case as push_geo.c compares cities; no match, or
 * more than one, and the title or skill is left out, which the summary
 * says. docs/push.md, "Titles and skills", has the rules.
 */
#include <stdlib.h>
#include <string.h>

#include "jobmatch.h"
#include "push_int.h"
#include "store.h"
#include "usage.h"
#include "wrapper.h"

/* what became of one title or skill */
struct facet_item {
	const char *word; /* "title" or "skill" */
	const char *text; /* as the persona writes it */
	int matches;      /* -1: a dry run found it in no cache */
};

struct facet_items {
	struct facet_item *item;
	size_t n;
};

/* the one entry of hits named q (folded): its index, or -1; *n matches */
static long pick(const struct push_geo_hits *hits, const char *q, int *n)
{
	bool *same = xcalloc(hits->n + 1, sizeof(*same));
	long at = -1;

	*n = 0;
	for (size_t i = 0; i < hits->n; i++) {
		char *name = jobmatch_fold(hits->item[i].name);
		size_t k;

		same[i] = strcmp(name, q) == 0;
		free(name);
		if (!same[i])
			continue;
		for (k = 0; k < i; k++) /* the same entry twice counts once */
			if (same[k] &&
			    strcmp(hits->item[k].key, hits->item[i].key) == 0)
				break;
		if (k < i)
			continue;
		(*n)++;
		at = (long)i;
	}
	free(same);
	return *n == 1 ? at : -1;
}

/*
 * text of facet from the cache, else the search (then cached): its id
 * into key ("" when not found), how many entries have its name into
 * *matches; *cached says where the answer came from
 */
static int lookup(struct push_ctx *x, struct store *st, const char *facet,
		  const char *text, struct strbuf *key, int *matches,
		  bool *cached)
{
	char *q = jobmatch_fold(text);
	struct push_geo_hits hits = { 0 };
	int found =
		st ? store_facet_get(st, x->name, facet, q, key, matches) : 0;
	long at;

	*cached = found == 1;
	if (found != 0) {
		free(q);
		return found < 0 ? JM_IOERR : 0;
	}
	if (x->ad->search_facet(x, facet, text, &hits) < 0) {
		free(q);
		push_geo_hits_release(&hits);
		return -1;
	}
	at = pick(&hits, q, matches);
	strbuf_reset(key);
	if (at >= 0)
		strbuf_addstr(key, hits.item[at].key);
	if (!x->dry_run && st) {
		struct store_facet f = { x->name,
					 facet,
					 q,
					 at >= 0 ? hits.item[at].key : NULL,
					 at >= 0 ? hits.item[at].name : NULL,
					 *matches };

		if (store_begin(st) < 0 || store_facet_put(st, &f) < 0 ||
		    store_commit(st) < 0)
			found = JM_IOERR;
	}
	free(q);
	push_geo_hits_release(&hits);
	return found;
}

static void add_once(struct strvec *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->item[i], s) == 0)
			return;
	strvec_addf(v, "%s", s);
}

/* does list hold text before index i, folded alike? */
static bool seen(const struct strlist *list, size_t i)
{
	char *q = jobmatch_fold(list->item[i]);
	bool dup = false;

	for (size_t k = 0; k < i && !dup; k++) {
		char *o = jobmatch_fold(list->item[k]);

		dup = strcmp(o, q) == 0;
		free(o);
	}
	free(q);
	return dup;
}

/* each text of list into out (ids) or into missed */
static int resolve(struct push_ctx *x, struct store *st, const char *facet,
		   const char *word, const struct strlist *list,
		   struct strvec *out, struct facet_items *missed)
{
	struct strbuf key = STRBUF_INIT;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < list->n; i++) {
		int matches = 0;
		bool cached = false;
		struct facet_item *m;

		if (!*list->item[i] || seen(list, i))
			continue;
		rc = lookup(x, st, facet, list->item[i], &key, &matches,
			    &cached);
		if (rc != 0)
			break;
		if (key.len) {
			add_once(out, key.buf);
			continue;
		}
		m = &missed->item[missed->n++];
		m->word = word;
		m->text = list->item[i];
		m->matches = x->dry_run && !cached ? -1 : matches;
	}
	strbuf_release(&key);
	return rc;
}

/* "a", "a and b", "a, b and c": the items with matches as asked */
static size_t join(struct strbuf *sb, const struct facet_items *m, bool dry)
{
	size_t n = 0, of = 0;

	for (size_t i = 0; i < m->n; i++)
		of += (m->item[i].matches < 0) == dry;
	for (size_t i = 0; i < m->n; i++) {
		const struct facet_item *it = &m->item[i];

		if ((it->matches < 0) != dry)
			continue;
		if (n)
			strbuf_addstr(sb, n + 1 == of ? " and " : ", ");
		n++;
		if (dry)
			strbuf_addf(sb, "the %s '%s'", it->word, it->text);
		else if (it->matches == 0)
			strbuf_addf(sb, "no %s '%s'", it->word, it->text);
		else
			strbuf_addf(sb, "%d %ss named '%s'", it->matches,
				    it->word, it->text);
	}
	return n;
}

/* the sentences for what is left out */
static void left_out(struct push_ctx *x, const struct ad_set *s,
		     const struct facet_items *m, struct strvec *notes)
{
	struct strbuf sb = STRBUF_INIT;
	const char *w = x->ad->set_word;
	size_t n;

	if ((n = join(&sb, m, true)) > 0)
		strvec_addf(notes,
			    "%s '%s': dry run: %s %s not in the store's cache "
			    "of %s's title and skill ids, so this dry run "
			    "leaves %s out; a push looks %s up (the lookups "
			    "are among the requests printed)",
			    w, s->name, sb.buf, n == 1 ? "is" : "are", x->name,
			    n == 1 ? "it" : "them", n == 1 ? "it" : "them");
	strbuf_reset(&sb);
	if ((n = join(&sb, m, false)) > 0)
		strvec_addf(notes,
			    "%s '%s': %s's title and skill search found %s, so "
			    "%s left out "
			    "of its targeting%s",
			    w, s->name, x->name, sb.buf,
			    n == 1 ? "it is" : "they are",
			    x->titles.n || x->skills.n
				    ? ""
				    : "; it targets its places alone");
	strbuf_release(&sb);
}

int push_facet_resolve(struct push_ctx *x, struct store *st,
		       const struct ad_set *s, struct strvec *notes)
{
	const struct targeting *t = &s->targeting;
	struct facet_items missed = { 0 };
	int rc;

	push_facet_release(x);
	if (!x->ad->search_facet)
		return 0;
	missed.item = xcalloc(t->job_titles.n + t->skills.n + 1,
			      sizeof(*missed.item));
	rc = resolve(x, st, "titles", "title", &t->job_titles, &x->titles,
		     &missed);
	if (rc == 0)
		rc = resolve(x, st, "skills", "skill", &t->skills, &x->skills,
			     &missed);
	if (rc == 0)
		left_out(x, s, &missed, notes);
	free(missed.item);
	return rc;
}

void push_facet_release(struct push_ctx *x)
{
	strvec_clear(&x->titles);
	strvec_clear(&x->skills);
}
