/*
 * main - global options, the command table and the exit status.
 * Everything else happens in src/cmd/<verb>.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "fileio.h"

#ifndef JOBMIX_VERSION
#define JOBMIX_VERSION "0.0.0"
#endif

enum { USE_CONFIG = 1 << 0 };

struct command {
	const char *name;
	int (*run)(int argc, char **argv, struct app *app);
	unsigned flags;
	const char *summary;
};

static int cmd_help(int argc, char **argv, struct app *app);

static const struct command commands[] = {
	{ "plan", cmd_plan, USE_CONFIG,
	  "find the best channel mix and spend per persona" },
	{ "report", cmd_report, USE_CONFIG,
	  "what the campaigns spent and brought: HTML, CSV, JSON, Markdown" },
	{ "validate", cmd_validate, USE_CONFIG,
	  "check audience, channel and config files" },
	{ "ads", cmd_ads, USE_CONFIG,
	  "preview the ad sets and ads of a plan and a job feed" },
	{ "import", cmd_import, USE_CONFIG,
	  "read ATS and ad-manager CSV exports into the store" },
	{ "push", cmd_push, USE_CONFIG,
	  "create the plan's ad sets and ads on the platforms, paused" },
	{ "sync", cmd_sync, USE_CONFIG,
	  "pull daily ad metrics from the platforms into the store" },
	{ "help", cmd_help, 0, "show help for a command" },
};

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: jobmix [-qv] [--config FILE] COMMAND [ARGS]\n"
		   "\n"
		   "Plan, launch and measure social-media recruitment "
		   "campaigns.\n"
		   "\n"
		   "Commands:\n");
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name,
			commands[i].summary);
	fprintf(f,
		"\n"
		"Options:\n"
		"  -c, --config FILE  configuration (default ./jobmix.ini, or "
		"$JOBMIX_CONFIG)\n"
		"  -q, --quiet        errors only\n"
		"  -v, --verbose      progress and timings; twice: solver "
		"log\n"
		"  -h, --help         this help; 'jobmix COMMAND -h' for a "
		"command\n"
		"      --version      print the version\n"
		"\n"
		"Exit status: 0 ok, 1 the goals cannot be met, 2 push partly "
		"failed,\n"
		"64 usage, 65 bad data, 66 missing input, 69 platform "
		"unavailable,\n"
		"70 internal error, 73 cannot create output, 74 I/O error, "
		"75 try again\n"
		"later, 78 bad configuration.\n");
}

static int cmd_help(int argc, char **argv, struct app *app)
{
	const struct command *cmd;
	char *args[] = { NULL, (char *)"-h", NULL };

	if (argc < 2) {
		usage(stdout);
		return JM_OK;
	}
	cmd = find_command(argv[1]);
	if (!cmd || cmd->run == cmd_help) {
		errorf("'%s' is not a command; see 'jobmix --help'", argv[1]);
		return JM_USAGE;
	}
	args[0] = argv[1];
	return cmd->run(2, args, app);
}

/* A full disk or a closed pipe must not look like success. */
static int finish_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		errorf("write error on standard output");
		return status ? status : JM_IOERR;
	}
	return status;
}

static const struct option global_options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/*
 * The options before the command; -1 to go on to the command, else
 * the exit status (after --help, --version or a usage error).
 */
static int parse_globals(int argc, char **argv, struct app *app)
{
	int opt;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+c:qvh", global_options,
				  NULL)) != -1) {
		switch (opt) {
		case 'c':
			app->config_path = optarg;
			app->config_explicit = true;
			break;
		case 'q':
			verbosity = -1;
			break;
		case 'v':
			verbosity = verbosity < 0 ? 1 : verbosity + 1;
			break;
		case 'h':
			usage(stdout);
			return finish_stdout(JM_OK);
		case 'V':
			printf("jobmix %s\n", JOBMIX_VERSION);
			return finish_stdout(JM_OK);
		default:
			if (optopt)
				errorf("unknown option '-%c'", optopt);
			else
				errorf("unknown option '%s'", argv[optind - 1]);
			usage(stderr);
			return JM_USAGE;
		}
	}
	return -1;
}

/* the config file, then its input limit for every later read */
static int load_config(struct app *app)
{
	struct diag d;
	int rc;

	diag_init(&d, app->config_path);
	rc = config_load(&app->cfg, app->config_path, app->config_explicit, &d);
	diag_finish(&d);
	if (rc < 0)
		return JM_CONFIG;
	read_file_limit = app->cfg.max_input_bytes;
	return JM_OK;
}

int main(int argc, char **argv)
{
	struct app app = { 0 };
	const struct command *cmd;
	int status;

	config_init(&app.cfg);
	app.config_path = getenv("JOBMIX_CONFIG");
	app.config_explicit = app.config_path && *app.config_path;
	if (!app.config_explicit)
		app.config_path = "jobmix.ini";
	status = parse_globals(argc, argv, &app);
	if (status >= 0)
		return status;
	if (optind == argc) {
		usage(stderr);
		return JM_USAGE;
	}
	cmd = find_command(argv[optind]);
	if (!cmd) {
		errorf("'%s' is not a command; see 'jobmix --help'",
		       argv[optind]);
		return JM_USAGE;
	}
	if ((cmd->flags & USE_CONFIG) && load_config(&app) != JM_OK) {
		config_release(&app.cfg);
		return JM_CONFIG;
	}
	argc -= optind;
	argv += optind;
	optind = 0; /* glibc: a full reset of getopt for the command */
	status = cmd->run(argc, argv, &app);
	config_release(&app.cfg);
	return finish_stdout(status);
}
