/*
 * validate - check input files without planning: channel catalogues
 * (.csv), audience analyses (.json, against the catalogue), job feeds
 * (.xml) and config files (.ini). Every problem is printed as file:line
 * or file: json.path; the exit status is that of the first file that
 * failed. Uses catalogue, audience, feed and config.
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
#include "config.h"
#include "datadir.h"
#include "diag.h"
#include "feed.h"
#include "fileio.h"
#include "money.h"
#include "strbuf.h"
#include "wrapper.h"

static const char validate_usage[] =
	"usage: jobmix validate [--channels CSV] FILE...\n"
	"\n"
	"  FILE is an audience (.json), a channel catalogue (.csv), a job\n"
	"  feed (.xml) or a configuration (.ini). Audiences are checked\n"
	"  against the catalogue given by --channels (default\n"
	"  audiences/channels.csv).\n";

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

static int check_audience(const struct app *app, const char *channels,
			  const char *path)
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
		if (status == JM_OK)
			print_audience(path, &c);
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

static int check_feed(const char *path)
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
	feed_release(&f);
	return rc < 0 ? d.status : JM_OK;
}

static int check_file(const struct app *app, const char *channels,
		      const char *path)
{
	if (ends_with(path, ".json"))
		return check_audience(app, channels, path);
	if (ends_with(path, ".csv"))
		return check_catalogue(path);
	if (ends_with(path, ".ini"))
		return check_config(path);
	if (ends_with(path, ".xml"))
		return check_feed(path);
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
		status = worse(status, check_file(app, channels, argv[i]));
	return status;
}
