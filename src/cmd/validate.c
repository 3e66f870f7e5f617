/*
 * validate - check input files without planning: channel catalogues
 * (.csv), audience analyses (.json, against the catalogue) and config
 * files (.ini). Every problem is printed as file:line or file: json.path;
 * the exit status is that of the first file that failed. Uses
 * catalogue, audience and config.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "audience.h"
#include "campaign.h"
#include "catalogue.h"
#include "cmd.h"
#include "config.h"
#include "diag.h"
#include "money.h"
#include "strbuf.h"
#include "wrapper.h"

#ifndef JOBMIX_DATADIR
#define JOBMIX_DATADIR "/usr/local/share/jobmix"
#endif

static const char validate_usage[] =
	"usage: jobmix validate [--channels CSV] FILE...\n"
	"\n"
	"  FILE is an audience (.json), a channel catalogue (.csv) or a\n"
	"  configuration (.ini). Audiences are checked against the\n"
	"  catalogue given by --channels (default audiences/channels.csv).\n";

static bool exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

char *cmd_catalogue_path(const struct app *app, const char *explicit_path,
			 const char *audience_path)
{
	struct strbuf sb = STRBUF_INIT;
	const char *slash;

	if (explicit_path)
		return xstrdup(explicit_path);
	if (app->cfg.channels_path)
		return xstrdup(app->cfg.channels_path);
	if (exists("audiences/channels.csv"))
		return xstrdup("audiences/channels.csv");
	if (audience_path && (slash = strrchr(audience_path, '/'))) {
		strbuf_add(&sb, audience_path,
			   (size_t)(slash - audience_path) + 1);
		strbuf_addstr(&sb, "channels.csv");
		if (exists(sb.buf))
			return strbuf_detach(&sb);
		strbuf_release(&sb);
	}
	if (exists(JOBMIX_DATADIR "/channels.csv"))
		return xstrdup(JOBMIX_DATADIR "/channels.csv");
	return xstrdup("audiences/channels.csv");
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int worse(int a, int b)
{
	return a ? a : b;
}

static int check_audience(const struct app *app, const char *channels,
			  const char *path)
{
	struct catalogue cat = { 0 };
	struct campaign c = { 0 };
	struct diag d;
	char *cat_path = cmd_catalogue_path(app, channels, path);
	struct strbuf sb = STRBUF_INIT;
	size_t cells = 0;
	int status = JM_OK;

	diag_init(&d, cat_path);
	if (catalogue_load(cat_path, &cat, &d) < 0) {
		errorf("cannot check '%s' without its channel catalogue", path);
		status = d.status;
		goto out;
	}
	diag_init(&d, path);
	if (audience_load(path, &cat, &c, &d) < 0) {
		status = d.status;
		goto out;
	}
	for (size_t i = 0; i < c.n_personas; i++)
		cells += c.personas[i].n_channels;
	money_format_grouped(&sb, c.budget, c.digits);
	printf("%s: ok: %zu personas, %zu persona x channel cells, budget "
	       "%s %s over %d days\n",
	       path, c.n_personas, cells, sb.buf, c.currency, c.days);
out:
	strbuf_release(&sb);
	campaign_release(&c);
	catalogue_release(&cat);
	free(cat_path);
	return status;
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
	for (int i = optind; i < argc; i++) {
		const char *path = argv[i];
		struct diag d;

		diag_init(&d, path);
		if (ends_with(path, ".json")) {
			status = worse(status,
				       check_audience(app, channels, path));
		} else if (ends_with(path, ".csv")) {
			struct catalogue cat = { 0 };

			if (catalogue_load(path, &cat, &d) < 0) {
				status = worse(status, d.status);
			} else {
				printf("%s: ok: %zu channels\n", path, cat.n);
			}
			catalogue_release(&cat);
		} else if (ends_with(path, ".ini")) {
			struct config cfg;

			config_init(&cfg);
			if (config_load(&cfg, path, true, &d) < 0)
				status = worse(status, d.status);
			else
				printf("%s: ok\n", path);
			config_release(&cfg);
		} else {
			errorf("'%s': cannot tell what it is; expected an "
			       "audience (.json), a channel catalogue (.csv) "
			       "or a configuration (.ini)",
			       path);
			status = worse(status, JM_USAGE);
		}
	}
	return status;
}
