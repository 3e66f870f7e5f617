/*
 * cmd - the subcommands. Each lives in src/cmd/<verb>.c, takes argv
 * with argv[0] the verb, and returns an exit status (enum jm_status);
 * none calls exit(). main() loads the configuration into struct app
 * before it calls them.
 */
#ifndef CMD_H
#define CMD_H

#include <stdbool.h>

#include "config.h"

struct app {
	const char *config_path; /* borrowed from argv or the environment */
	bool config_explicit;    /* --config or JOBMIX_CONFIG given */
	struct config cfg;
};

int cmd_plan(int argc, char **argv, struct app *app);
int cmd_validate(int argc, char **argv, struct app *app);

/*
 * The channel catalogue to use: the explicit path if given, else the
 * config's [planner] channels, else audiences/channels.csv, else
 * channels.csv beside the audience file, else the installed default.
 * Returns an owned string.
 */
char *cmd_catalogue_path(const struct app *app, const char *explicit_path,
			 const char *audience_path);

#endif
