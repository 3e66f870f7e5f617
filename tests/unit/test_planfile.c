/* tests/unit/test_planfile.c - a plan's JSON read back, and its errors */
#include "planfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "diag.h"
#include "fileio.h"
#include "sha256.h"
#include "strbuf.h"
#include "test.h"
#include "planfile_fixture.h"

static char path[256];
static struct strbuf good = STRBUF_INIT;

static void round_trip(void)
{
	struct planfile pf;
	struct diag d;
	struct strbuf cap = STRBUF_INIT;
	char hex[65];
	const struct persona *f, *w;
	long meta, tt;

	diag_init(&d, path);
	d.capture = &cap;
	if (!CHECK(planfile_load(path, &pf, &d) == 0)) {
		printf("# %s", strbuf_str(&cap));
		return;
	}
	CHECK_STR(pf.c.name, "Fitters & welders, Umeå 2027");
	CHECK_STR(pf.c.client, "Verkstad AB");
	CHECK_STR(pf.c.currency, "SEK");
	CHECK(pf.c.digits == 2);
	CHECK_I64(pf.c.budget, 2000000);
	CHECK_STR(pf.c.start, "2027-03-01");
	CHECK_STR(pf.c.end, "2027-03-20");
	CHECK(pf.c.days == 20);
	CHECK_STR(pf.c.proposition, "Steady work close to home.");
	CHECK(pf.objective == OBJ_APPLICATIONS);
	sha256_hex(good.buf, good.len, hex);
	CHECK_STR(pf.sha256, hex);
	CHECK_STR(pf.path, path);
	CHECK(pf.c.n_personas == 2);
	f = &pf.c.personas[0];
	w = &pf.c.personas[1];
	CHECK_STR(f->id, "fitters");
	CHECK_STR(f->name, "Fitters");
	CHECK_I64(f->size, 800);
	CHECK_STR(f->hook, "Build the machines that build the north.");
	CHECK(f->n_locations == 1);
	CHECK_STR(f->locations[0].city, "Umeå");
	CHECK_STR(f->locations[0].country, "SE");
	CHECK(f->locations[0].radius_km == 10);
	CHECK(f->interests.n == 1 &&
	      strcmp(f->interests.item[0], "Motorsport") == 0);
	CHECK(f->job_titles.n == 1 &&
	      strcmp(f->job_titles.item[0], "Montör") == 0);
	CHECK(f->skills.n == 1 && f->languages.n == 1 && f->education.n == 1);
	CHECK(f->jobs.categories.n == 1 && f->jobs.references.n == 1 &&
	      f->jobs.title_keywords.n == 0);
	CHECK_STR(f->jobs.references.item[0], "R-9");
	CHECK_I64(f->targeting.age_min, 25);
	CHECK_I64(f->targeting.age_max, 50);
	CHECK(f->targeting.genders.n == 1);
	CHECK_STR(f->targeting.postal_codes.item[0], "903 30");
	CHECK(f->targeting.n_exclude == 1);
	CHECK_STR(f->targeting.exclude[0].city, "Vännäs");
	CHECK(f->targeting.exclude[0].radius_km == 5);
	CHECK_STR(f->targeting.exclude_interests.item[0], "Golf");
	CHECK_STR(f->targeting.lookalike, "past applicants");
	CHECK(w->hook == NULL);
	CHECK(w->targeting.genders.n == 0 && w->targeting.lookalike == NULL);
	CHECK_STR(w->jobs.title_keywords.item[0], "svetsare");
	meta = campaign_find_channel(&pf.c, "meta_feed");
	tt = campaign_find_channel(&pf.c, "tt");
	if (CHECK(meta >= 0 && tt >= 0)) {
		CHECK(pf.c.channels[meta].platform == PLATFORM_META);
		CHECK(!pf.c.channels[meta].shared_ad_set);
		CHECK(pf.c.channels[tt].platform == PLATFORM_TIKTOK);
		CHECK(pf.c.channels[tt].shared_ad_set);
		CHECK_STR(pf.c.channels[tt].start, "2027-03-01");
		CHECK(pf.c.channels[tt].days == 20);
	}
	CHECK(pf.n_cells >= 4);
	for (size_t i = 0; i < pf.n_cells; i++) {
		const struct planfile_cell *cl = &pf.cells[i];

		CHECK(cl->spend > 0);
		CHECK(cl->daily == cl->spend / 20 ||
		      (cl->daily == 1 && cl->spend < 20));
	}
	planfile_release(&pf);
	strbuf_release(&cap);
}

/* the good plan with from replaced by to: status 65 and want said */
static void broken(const char *from, const char *to, const char *want)
{
	struct strbuf text = STRBUF_INIT, cap = STRBUF_INIT;
	const char *at = strstr(good.buf, from);
	struct planfile pf;
	struct diag d;
	char bad[256];

	if (!CHECK(at != NULL)) {
		printf("#   '%s' not in the plan\n", from);
		return;
	}
	strbuf_add(&text, good.buf, (size_t)(at - good.buf));
	strbuf_addstr(&text, to);
	strbuf_addstr(&text, at + strlen(from));
	pff_temp(bad, sizeof(bad), "bad.json");
	write_file_atomic(bad, text.buf, text.len);
	diag_init(&d, "bad.json");
	d.capture = &cap;
	CHECK(planfile_load(bad, &pf, &d) == 65);
	if (!CHECK(strstr(strbuf_str(&cap), want) != NULL))
		printf("#   got: %s#   want: %s\n", strbuf_str(&cap), want);
	CHECK(pf.cells == NULL && pf.c.name == NULL);
	remove(bad);
	strbuf_release(&text);
	strbuf_release(&cap);
}

static void errors(void)
{
	broken("\"status\":\t\"optimal\"", "\"status\":\t\"infeasible\"",
	       "bad.json: status: error: the plan is infeasible: only a plan "
	       "that meets its goals (optimal or feasible) can be bought");
	broken("\"jobmix_plan\":\t1", "\"jobmix_plan\":\t2",
	       "bad.json: jobmix_plan: error: plan format version 2; this "
	       "jobmix reads version 1");
	broken("\"audience\":", "\"audienc\":",
	       "bad.json: audience: error: missing: the plan was written "
	       "before plans carried their audience");
	broken("\"cells\":\t[{", "\"cells\":\t[{,", "bad.json:");
	broken("\"cells\":\t[{", "\"cells\":\t[{,", "error: malformed JSON");
	broken("\"hook\":\t\"Build", "\"hook\":\t5, \"x\": \"Build",
	       "bad.json: audience.personas[0].hook: error: expected a "
	       "non-empty string, found 5");
	broken("\"daily_budget\":\t", "\"daily_budget\":\t\"x\", \"y\": ",
	       "bad.json: cells[0].daily_budget: error: expected a number");
	broken("\"persona\":\t\"fitters\"", "\"persona\":\t\"nobody\"",
	       "bad.json: cells[0]: error: persona 'nobody' is not in "
	       "audience.personas");
	broken("\"radius_km\":\t10", "\"radius_km\":\t\"ten\"",
	       "bad.json: audience.personas[0].locations[0].radius_km: "
	       "error: expected a number from 0 to 1000");
	broken("\"cells\":\t[", "\"cells\":\t[], \"x\": [",
	       "bad.json: cells: error: the plan buys nothing: no cell");
}

static void missing_file(void)
{
	struct strbuf cap = STRBUF_INIT;
	struct planfile pf;
	struct diag d;

	diag_init(&d, "/nonexistent/plan.json");
	d.capture = &cap;
	CHECK(planfile_load("/nonexistent/plan.json", &pf, &d) == 66);
	CHECK(strstr(strbuf_str(&cap), "cannot read") != NULL);
	strbuf_release(&cap);
}

int main(void)
{
	pff_temp(path, sizeof(path), "plan.json");
	if (!CHECK(pff_write(path, &good) == 0))
		return test_done();
	round_trip();
	errors();
	missing_file();
	remove(path);
	strbuf_release(&good);
	return test_done();
}
