/* tests/unit/test_jobmatch.c - personas' "jobs" rules, read and applied */
#include "jobmatch.h"

#include <stdlib.h>
#include <string.h>

#include "audience.h"
#include "campaign.h"
#include "catalogue.h"
#include "diag.h"
#include "feed.h"
#include "strbuf.h"
#include "wrapper.h"
#include "test.h"

static struct strbuf cap;
static struct diag d;
static struct catalogue cat;

static const char catalogue_csv[] =
	"id,name,platform,pricing,price,currency,ctr,apply_rate,hire_rate,"
	"precision,min_daily,source\n"
	"meta_feed,Meta feed,meta,cpm,80,SEK,0.01,0.05,0.1,0.3,50,b\n";

/* an audience whose one persona has the given "jobs" member, ' for " */
static int parse_rules(const char *jobs, struct campaign *c)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	strbuf_addf(&sb,
		    "{'campaign': {'name': 'G', 'currency': 'SEK', 'budget': "
		    "1000, 'start': '2027-01-01', 'end': '2027-01-10'},\n"
		    " 'personas': [{'id': 'p', 'name': 'P', 'size': 100,\n"
		    "   'locations': [{'city': 'Umea', 'country': 'SE'}],\n"
		    "   %s%s 'channels': {'meta_feed': {'share': 0.5}}}]}\n",
		    jobs, *jobs ? "," : "");
	for (char *p = sb.buf; *p; p++)
		if (*p == '\'')
			*p = '"';
	strbuf_reset(&cap);
	diag_init(&d, "x.json");
	d.capture = &cap;
	rc = audience_parse(sb.buf, sb.len, &cat, c, &d);
	strbuf_release(&sb);
	return rc;
}

static struct job job(const char *title, const char *ref, const char *cat_)
{
	struct job j;

	memset(&j, 0, sizeof(j));
	j.title = (char *)title;
	j.referencenumber = (char *)ref;
	j.category = (char *)cat_;
	return j;
}

static void reads_the_rules(void)
{
	struct campaign c = { 0 };

	CHECK(parse_rules("'jobs': {'categories': ['Elektriker'], "
			  "'title_keywords': ['lärling', 'tekniker'], "
			  "'references': ['NE-1']}",
			  &c) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	CHECK_I64(c.personas[0].jobs.categories.n, 1);
	CHECK_STR(c.personas[0].jobs.categories.item[0], "Elektriker");
	CHECK_I64(c.personas[0].jobs.title_keywords.n, 2);
	CHECK_STR(c.personas[0].jobs.title_keywords.item[1], "tekniker");
	CHECK_STR(c.personas[0].jobs.references.item[0], "NE-1");
	campaign_release(&c);
	/* no "jobs" at all is fine: the persona gets no job */
	CHECK(parse_rules("", &c) == 0);
	CHECK_I64(c.personas[0].jobs.categories.n, 0);
	campaign_release(&c);
}

static void refuses_bad_rules(void)
{
	static const struct {
		const char *jobs, *want;
	} cases[] = {
		{ "'jobs': {}",
		  "x.json: personas[0].jobs: error: no rule; expected at least "
		  "one category, title keyword or reference number\n" },
		{ "'jobs': {'title_keywords': ['el', ' ']}",
		  "x.json: personas[0].jobs.title_keywords[1]: error: an empty "
		  "text; expected a category, keyword or reference number\n" },
		{ "'jobs': {'keywords': ['el']}",
		  "x.json: personas[0].jobs.keywords: error: unknown field "
		  "'keywords'\n" },
	};
	struct campaign c = { 0 };

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		CHECK(parse_rules(cases[i].jobs, &c) < 0);
		CHECK_STR(strbuf_str(&cap), cases[i].want);
		campaign_release(&c);
	}
	CHECK(parse_rules("'jobs': {'categories': 'Elektriker'}", &c) < 0);
	CHECK_HAS(strbuf_str(&cap), "x.json: personas[0].jobs.categories: "
				    "error: ");
	CHECK_HAS(strbuf_str(&cap), "an array of strings");
	campaign_release(&c);
}

static void applies_the_rules(void)
{
	struct campaign c = { 0 };
	const struct persona *p;
	struct job j;

	CHECK(parse_rules("'jobs': {'categories': ['sjukepleie'], "
			  "'title_keywords': ['ÅRETS', 'øk', 'Elektriker'], "
			  "'references': ['NE-1']}",
			  &c) == 0);
	p = &c.personas[0];
	/* a category whole, without regard to case */
	j = job("Nurse", "X", "SJUKEPLEIE");
	CHECK(job_for_persona(&j, p));
	j = job("Nurse", "X", "Sjukepleie, natt");
	CHECK(!job_for_persona(&j, p));
	/* a keyword anywhere in the title, case folded for Latin-1 too */
	j = job("Nätelektriker till Umeå", "X", NULL);
	CHECK(job_for_persona(&j, p));
	j = job("Vi söker årets sjuksköterska", "X", NULL);
	CHECK(job_for_persona(&j, p));
	j = job("ØKONOM", "X", NULL);
	CHECK(job_for_persona(&j, p));
	j = job("Elektro", "X", NULL);
	CHECK(!job_for_persona(&j, p));
	/* a reference number exactly */
	j = job("Anything", "NE-1", NULL);
	CHECK(job_for_persona(&j, p));
	j = job("Anything", "ne-1", NULL);
	CHECK(!job_for_persona(&j, p));
	campaign_release(&c);
	/* no rules: no job */
	CHECK(parse_rules("", &c) == 0);
	j = job("Elektriker", "NE-1", "Elektriker");
	CHECK(!job_for_persona(&j, &c.personas[0]));
	campaign_release(&c);
}

int main(void)
{
	diag_init(&d, "c.csv");
	d.capture = &cap;
	if (catalogue_parse(catalogue_csv, strlen(catalogue_csv), &cat, &d) <
	    0) {
		printf("Bail out! catalogue: %s\n", strbuf_str(&cap));
		return 1;
	}
	reads_the_rules();
	refuses_bad_rules();
	applies_the_rules();
	catalogue_release(&cat);
	strbuf_release(&cap);
	return test_done();
}
