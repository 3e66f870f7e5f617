/*
 * tests/plan_fixture.h - a campaign of one persona from strings, planned:
 * what the planner's unit tests share. The persona "p" (1000 people in
 * Umeå) runs 2027-01-01 to 2027-01-10 (10 days) in SEK.
 */
#ifndef PLAN_FIXTURE_H
#define PLAN_FIXTURE_H

#include <string.h>

#include "audience.h"
#include "campaign.h"
#include "catalogue.h"
#include "diag.h"
#include "planner.h"
#include "strbuf.h"

struct fixture {
	struct catalogue cat;
	struct campaign c;
	struct plan_options o;
	struct plan p;
	int rc;
};

/*
 * Parse the catalogue csv and an audience: `campaign` is the inside of
 * the campaign object after name/currency/dates, `rest` further
 * top-level members, `persona_extra` further persona members (each
 * starting with a comma), `channels` the persona's channels object.
 */
static inline int fixture_plan(struct fixture *f, const char *csv,
			       const char *campaign, const char *channels,
			       const char *persona_extra, const char *rest)
{
	struct strbuf json = STRBUF_INIT;
	struct diag d;

	memset(f, 0, sizeof(*f));
	diag_init(&d, "catalogue.csv");
	if (catalogue_parse(csv, strlen(csv), &f->cat, &d) < 0)
		return -1;
	strbuf_addf(&json,
		    "{\"campaign\": {\"name\": \"t\", \"currency\": \"SEK\", "
		    "\"start\": \"2027-01-01\", \"end\": \"2027-01-10\", %s},"
		    " %s%s \"personas\": [{\"id\": \"p\", \"name\": \"P\", "
		    "\"size\": 1000, \"locations\": [{\"city\": \"Umeå\", "
		    "\"country\": \"SE\", \"radius_km\": 25}] %s, "
		    "\"channels\": %s}]}",
		    campaign, rest, *rest ? "," : "", persona_extra, channels);
	diag_init(&d, "a.json");
	f->rc = audience_parse(json.buf, json.len, &f->cat, &f->c, &d);
	strbuf_release(&json);
	if (f->rc < 0)
		return -1;
	plan_options_init(&f->o, &f->c);
	return 0;
}

static inline int fixture_run(struct fixture *f)
{
	plan_release(&f->p);
	f->rc = planner_run(&f->c, &f->o, &f->p);
	return f->rc;
}

static inline void fixture_done(struct fixture *f)
{
	plan_release(&f->p);
	campaign_release(&f->c);
	catalogue_release(&f->cat);
}

#endif
