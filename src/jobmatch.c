#include "jobmatch.h"

#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "feed.h"
#include "wrapper.h"

char *jobmatch_fold(const char *s)
{
	char *out = xstrdup(s);

	for (unsigned char *p = (unsigned char *)out; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (unsigned char)(*p + 32);
		else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e &&
			 p[1] != 0x97)
			p[1] = (unsigned char)(p[1] + 0x20), p++;
	}
	return out;
}

/* is any of l's texts equal to s (whole) or in it (anywhere), folded */
static bool any_folded(const struct strlist *l, const char *s, bool whole)
{
	char *fs;
	bool hit = false;

	if (!s || !l->n)
		return false;
	fs = jobmatch_fold(s);
	for (size_t i = 0; i < l->n && !hit; i++) {
		char *fi = jobmatch_fold(l->item[i]);

		hit = whole ? strcmp(fs, fi) == 0 : strstr(fs, fi) != NULL;
		free(fi);
	}
	free(fs);
	return hit;
}

bool job_for_persona(const struct job *j, const struct persona *p)
{
	const struct job_rules *r = &p->jobs;

	for (size_t i = 0; i < r->references.n; i++)
		if (j->referencenumber &&
		    strcmp(j->referencenumber, r->references.item[i]) == 0)
			return true;
	return any_folded(&r->categories, j->category, true) ||
	       any_folded(&r->title_keywords, j->title, false);
}
