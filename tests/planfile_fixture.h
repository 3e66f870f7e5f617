/*
 * tests/planfile_fixture.h - an audience of two personas on Meta,
 * LinkedIn, TikTok (its ad set shared) and a job board, planned and
 * written as plan JSON to a file: what the planfile and ads tests
 * read back. Quotes are written ' and turned into ".
 */
#ifndef PLANFILE_FIXTURE_H
#define PLANFILE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audience.h"
#include "campaign.h"
#include "catalogue.h"
#include "diag.h"
#include "fileio.h"
#include "plan_json.h"
#include "planner.h"
#include "strbuf.h"

static const char pff_catalogue[] =
	"id,name,platform,pricing,price,currency,ctr,apply_rate,hire_rate,"
	"precision,source\n"
	"meta_feed,Meta feed,meta,cpm,60,SEK,0.01,0.05,0.1,0.3,t\n"
	"li,LinkedIn,linkedin,cpm,80,SEK,0.01,0.05,0.1,0.3,t\n"
	"tt,TikTok,tiktok,cpm,50,SEK,0.01,0.05,0.1,0.3,t\n"
	"board,Board,offline,cpc,5,SEK,0.01,0.05,0.1,0.3,t\n";

static const char pff_audience[] =
	"{'campaign': {'name': 'Fitters & welders, Umeå 2027', 'client': "
	"'Verkstad AB', 'currency': 'SEK', 'budget': 20000, 'start': "
	"'2027-03-01', 'end': '2027-03-20', 'proposition': 'Steady work "
	"close to home.'},"
	" 'channels': {'tt': {'ad_set': 'shared'}},"
	" 'personas': ["
	"{'id': 'fitters', 'name': 'Fitters', 'size': 800, 'locations': "
	"[{'city': 'Umeå', 'country': 'SE', 'radius_km': 10}],"
	" 'interests': ['Motorsport'], 'job_titles': ['Montör'],"
	" 'skills': ['Welding'], 'languages': ['sv'], 'education': ['Yrkes'],"
	" 'hook': 'Build the machines that build the north.',"
	" 'jobs': {'categories': ['Montage'], 'references': ['R-9']},"
	" 'targeting': {'age_min': 25, 'age_max': 50, 'genders': ['male'],"
	" 'postal_codes': ['903 30'], 'exclude_locations': [{'city': "
	"'Vännäs', 'country': 'SE', 'radius_km': 5}], 'exclude_interests':"
	" ['Golf'], 'lookalike': 'past applicants'},"
	" 'channels': {'meta_feed': {'share': 0.8}, 'li': {'share': 0.5},"
	" 'tt': {'share': 0.4}, 'board': {'share': 0.3}}},"
	"{'id': 'welders', 'name': 'Welders', 'size': 500, 'locations': "
	"[{'city': 'Skellefteå', 'country': 'SE', 'radius_km': 30}],"
	" 'jobs': {'title_keywords': ['svetsare']},"
	" 'channels': {'meta_feed': {'share': 0.7}, 'tt': {'share': 0.5}}}"
	"]}";

static char *pff_quotes(const char *s)
{
	char *j = strdup(s);

	for (char *p = j; *p; p++)
		if (*p == '\'')
			*p = '"';
	return j;
}

/*
 * Plan the fixture and write its JSON to path (and to *json when not
 * NULL, which the caller releases): 0, or -1.
 */
static inline int pff_write(const char *path, struct strbuf *json)
{
	struct catalogue cat = { 0 };
	struct campaign c = { 0 };
	struct plan_options o;
	struct plan p = { 0 };
	struct strbuf sb = STRBUF_INIT;
	struct diag d;
	char *text = pff_quotes(pff_audience);
	int rc = -1;

	diag_init(&d, "catalogue.csv");
	if (catalogue_parse(pff_catalogue, strlen(pff_catalogue), &cat, &d) < 0)
		goto out;
	diag_init(&d, "audience.json");
	if (audience_parse(text, strlen(text), &cat, &c, &d) < 0)
		goto out;
	plan_options_init(&o, &c);
	if (planner_run(&c, &o, &p) != PLANNER_OK)
		goto out;
	plan_write_json(&sb, &c, &p);
	rc = write_file_atomic(path, sb.buf, sb.len);
	if (json)
		strbuf_add(json, sb.buf, sb.len);
out:
	free(text);
	strbuf_release(&sb);
	plan_release(&p);
	campaign_release(&c);
	catalogue_release(&cat);
	return rc;
}

/* a scratch file name, removed by the caller */
static inline void pff_temp(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/jobmix-%ld-%s",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid(),
		 name);
}

#endif
