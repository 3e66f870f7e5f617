/*
 * validate - check input files without planning: channel catalogues
 * (.csv), audience analyses (.json, against the catalogue), job feeds
 * (.xml) and config files (.ini). Every problem is printed as file:line
 * or file: json.path; the exit status is that of the first file that
 * failed. A valid audience is also checked against the employment-ad
 * rules of the platforms its personas are planned on (warnings only,
 * the status stays), and given audiences and feeds, it says which jobs
 * no persona gets and which personas get no job. Uses catalogue,
 * audience, compliance, feed, jobmatch and config.
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audience.h"
#include "campaign.h"
#include "catalogue.h"
#include "cmd.h"
#include "compliance.h"
#include "config.h"
#include "datadir.h"
#include "diag.h"
#include "feed.h"
#include "fileio.h"
#include "jobmatch.h"
#include "money.h"
#include "strbuf.h"
#include "wrapper.h"

static const char validate_usage[] =
	"usage: jobmix validate [--channels CSV] FILE...\n"
	"\n"
	"  FILE is an audience (.json), a channel catalogue (.csv), a job\n"
	"  feed (.xml) or a configuration (.ini). Audiences are checked\n"
	"  against the catalogue given by --channels (default\n"
	"  audiences/channels.csv). Targeting that job ads may not use on a\n"
	"  persona's platforms (docs/compliance.md) is a warning; it does\n"
	"  not change the exit status. Given audiences and feeds, it also\n"
	"  says which jobs match no persona and which personas no job.\n";

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int worse(int a, int b)
{
	return a ? a : b;
}

/* an audience file, read with the input limit, against cat */
static int load_audience(const char *path, const struct catalogue *cat,
			 struct campaign *c)
{
	struct diag d;
	int rc;

	diag_init(&d, path);
	rc = audience_load(path, cat, c, &d);
	if (rc == 0)
		compliance_warn_campaign(c, &d);
	diag_finish(&d);
	return rc < 0 ? d.status : JM_OK;
}

static void print_audience(const char *path, const struct campaign *c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t cells = 0;

	for (size_t i = 0; i < c->n_personas; i++)
		cells += c->personas[i].n_channels;
	money_format_grouped(&sb, c->budget, c->digits);
	printf("%s: ok: %zu personas, %zu persona x channel cells, budget "
	       "%s %s over %d days\n",
	       path, c->n_personas, cells, sb.buf, c->currency, c->days);
	strbuf_release(&sb);
}

/* the audiences and feeds that passed, kept to match jobs to personas */
struct checked {
	const char **audience_path;
	struct campaign *audiences;
	size_t n_audiences, alloc_audiences;
	const char **feed_path;
	struct feed *feeds;
	size_t n_feeds, alloc_feeds;
};

static void keep_audience(struct checked *k, const char *path,
			  struct campaign *c)
{
	size_t n = k->n_audiences + 1, alloc = k->alloc_audiences;

	ALLOC_GROW(k->audiences, n, k->alloc_audiences);
	ALLOC_GROW(k->audience_path, n, alloc);
	k->audience_path[k->n_audiences] = path;
	k->audiences[k->n_audiences++] = *c;
	memset(c, 0, sizeof(*c));
}

static void keep_feed(struct checked *k, const char *path, struct feed *f)
{
	size_t n = k->n_feeds + 1, alloc = k->alloc_feeds;

	ALLOC_GROW(k->feeds, n, k->alloc_feeds);
	ALLOC_GROW(k->feed_path, n, alloc);
	k->feed_path[k->n_feeds] = path;
	k->feeds[k->n_feeds++] = *f;
	f->jobs = NULL;
	f->n = 0;
}

static void checked_release(struct checked *k)
{
	for (size_t i = 0; i < k->n_audiences; i++)
		campaign_release(&k->audiences[i]);
	for (size_t i = 0; i < k->n_feeds; i++)
		feed_release(&k->feeds[i]);
	free(k->audiences);
	free(k->audience_path);
	free(k->feeds);
	free(k->feed_path);
}

static int check_audience(const struct app *app, const char *channels,
			  const char *path, struct checked *k)
{
	struct catalogue cat = { 0 };
	struct campaign c = { 0 };
	struct diag d;
	char *cat_path =
		datadir_catalogue_path(channels, app->cfg.channels_path, path);
	int status, rc;

	diag_init(&d, cat_path);
	rc = catalogue_load(cat_path, &cat, &d);
	diag_finish(&d);
	if (rc < 0) {
		errorf("cannot check '%s' without its channel catalogue", path);
		status = d.status;
	} else {
		status = load_audience(path, &cat, &c);
		if (status == JM_OK) {
			print_audience(path, &c);
			keep_audience(k, path, &c);
		}
	}
	campaign_release(&c);
	catalogue_release(&cat);
	free(cat_path);
	return status;
}

static int check_catalogue(const char *path)
{
	struct catalogue cat = { 0 };
	struct diag d;
	int rc;

	diag_init(&d, path);
	rc = catalogue_load(path, &cat, &d);
	diag_finish(&d);
	if (rc == 0)
		printf("%s: ok: %zu channels\n", path, cat.n);
	catalogue_release(&cat);
	return rc < 0 ? d.status : JM_OK;
}

static int check_config(const char *path)
{
	struct config cfg;
	struct diag d;
	int rc;

	config_init(&cfg);
	diag_init(&d, path);
	rc = config_load(&cfg, path, true, &d);
	diag_finish(&d);
	if (rc == 0)
		printf("%s: ok\n", path);
	config_release(&cfg);
	return rc < 0 ? d.status : JM_OK;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* how many distinct values one field of the jobs has, absent not counted */
static size_t distinct(const struct feed *f, size_t off)
{
	const char **v = xcalloc(f->n ? f->n : 1, sizeof(*v));
	size_t n = 0, count = 0;

	for (size_t i = 0; i < f->n; i++) {
		const char *s =
			*(char *const *)((const char *)&f->jobs[i] + off);

		if (s)
			v[n++] = s;
	}
	qsort(v, n, sizeof(*v), by_text);
	for (size_t i = 0; i < n; i++)
		count += i == 0 || strcmp(v[i], v[i - 1]) != 0;
	free(v);
	return count;
}

static int check_feed(const char *path, struct checked *k)
{
	struct feed f;
	struct diag d;
	int rc;

	diag_init(&d, path);
	rc = feed_load(path, &f, &d);
	diag_finish(&d);
	if (rc == 0)
		printf("%s: ok: %zu jobs, %zu companies, %zu cities, %zu "
		       "categories\n",
		       path, f.n, distinct(&f, offsetof(struct job, company)),
		       distinct(&f, offsetof(struct job, city)),
		       distinct(&f, offsetof(struct job, category)));
	if (rc == 0)
		keep_feed(k, path, &f);
	feed_release(&f);
	return rc < 0 ? d.status : JM_OK;
}

/* does a persona of any audience kept get job j */
static bool job_taken(const struct checked *k, const struct job *j)
{
	for (size_t a = 0; a < k->n_audiences; a++)
		for (size_t i = 0; i < k->audiences[a].n_personas; i++)
			if (job_for_persona(j, &k->audiences[a].personas[i]))
				return true;
	return false;
}

/* does persona p get a job of any feed kept */
static bool persona_served(const struct checked *k, const struct persona *p)
{
	for (size_t f = 0; f < k->n_feeds; f++)
		for (size_t j = 0; j < k->feeds[f].n; j++)
			if (job_for_persona(&k->feeds[f].jobs[j], p))
				return true;
	return false;
}

static void match_personas(const struct checked *k, size_t a)
{
	const struct campaign *c = &k->audiences[a];
	struct strbuf path = STRBUF_INIT;
	struct diag d;
	size_t served = 0;

	diag_init(&d, k->audience_path[a]);
	for (size_t i = 0; i < c->n_personas; i++) {
		const struct persona *p = &c->personas[i];
		const struct job_rules *r = &p->jobs;

		if (persona_served(k, p)) {
			served++;
			continue;
		}
		strbuf_reset(&path);
		strbuf_addf(&path, "personas[%zu]", i);
		if (r->categories.n + r->title_keywords.n + r->references.n)
			diag_warn_path(&d, path.buf,
				       "persona '%s' matches no job of the "
				       "feeds given",
				       p->id);
		else
			diag_warn_path(&d, path.buf,
				       "persona '%s' has no \"jobs\" rules, "
				       "so it gets no job",
				       p->id);
	}
	printf("%s: jobs: %zu of %zu personas match a job\n",
	       k->audience_path[a], served, c->n_personas);
	strbuf_release(&path);
}

/*
 * Jobs to personas, over every audience and feed that passed: a
 * warning for each job no persona gets and each persona that gets no
 * job, and a count per file. Only with an audience and a feed.
 */
static void match_jobs(const struct checked *k)
{
	if (!k->n_audiences || !k->n_feeds)
		return;
	for (size_t f = 0; f < k->n_feeds; f++) {
		const struct feed *fd = &k->feeds[f];
		struct diag d;
		size_t taken = 0;

		diag_init(&d, k->feed_path[f]);
		for (size_t j = 0; j < fd->n; j++) {
			if (job_taken(k, &fd->jobs[j])) {
				taken++;
				continue;
			}
			diag_warn_line(&d, fd->jobs[j].line,
				       "job %s, '%s', matches no persona of "
				       "the audiences given",
				       fd->jobs[j].referencenumber,
				       fd->jobs[j].title);
		}
		printf("%s: jobs: %zu of %zu match a persona\n",
		       k->feed_path[f], taken, fd->n);
	}
	for (size_t a = 0; a < k->n_audiences; a++)
		match_personas(k, a);
}

static int check_file(const struct app *app, const char *channels,
		      const char *path, struct checked *k)
{
	if (ends_with(path, ".json"))
		return check_audience(app, channels, path, k);
	if (ends_with(path, ".csv"))
		return check_catalogue(path);
	if (ends_with(path, ".ini"))
		return check_config(path);
	if (ends_with(path, ".xml"))
		return check_feed(path, k);
	errorf("'%s': cannot tell what it is; expected an audience (.json), "
	       "a channel catalogue (.csv), a job feed (.xml) or a "
	       "configuration (.ini)",
	       path);
	return JM_USAGE;
}

int cmd_validate(int argc, char **argv, struct app *app)
{
	static const struct option longopts[] = {
		{ "channels", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *channels = NULL;
	struct checked k = { 0 };
	int opt, status = JM_OK;

	while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			channels = optarg;
			break;
		case 'h':
			fputs(validate_usage, stdout);
			return JM_OK;
		case ':':
			errorf("validate: option '%s' needs a value",
			       argv[optind - 1]);
			return JM_USAGE;
		default:
			errorf("validate: unknown option '%s'; see 'jobmix "
			       "validate -h'",
			       argv[optind - 1]);
			return JM_USAGE;
		}
	}
	if (optind == argc) {
		errorf("validate: no files given");
		fputs(validate_usage, stderr);
		return JM_USAGE;
	}
	for (int i = optind; i < argc; i++)
		status = worse(status, check_file(app, channels, argv[i], &k));
	match_jobs(&k);
	checked_release(&k);
	return status;
}
