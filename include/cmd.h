/*
 * cmd - the subcommands. Each lives in src/cmd/<verb>.c, takes argv
 * with argv[0] the verb, and returns an exit status (enum jm_status);
 * none calls exit(). main() loads the configuration into struct app
 * and applies its input limit before it calls them. A command depends
 * on the domain modules only; shared lookups live in datadir.h.
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
int cmd_report(int argc, char **argv, struct app *app);
int cmd_push(int argc, char **argv, struct app *app);
int cmd_validate(int argc, char **argv, struct app *app);
int cmd_ads(int argc, char **argv, struct app *app);
int cmd_import(int argc, char **argv, struct app *app);
int cmd_sync(int argc, char **argv, struct app *app);

#endif
