/*
 * plan - read an audience analysis and the channel catalogue, find the
 * best spend per persona x channel (planner.h) and print it as a
 * table, JSON, CSV or Markdown (plan_format.h).
 *
 * The command line is read once into a struct plan_args and checked
 * whole before any file is read; the amounts in it wait only for the
 * campaign's currency to become minor units. An output that would
 * overwrite an input, or that names a folder, is refused before the
 * solver runs; an output file is written whole or not at all.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "audience.h"
#include "campaign.h"
#include "catalogue.h"
#include "cmd.h"
#include "datadir.h"
#include "diag.h"
#include "fileio.h"
#include "money.h"
#include "number.h"
#include "plan_format.h"
#include "planner.h"
#include "strbuf.h"
#include "wrapper.h"

static const char plan_usage[] =
	"usage: jobmix plan AUDIENCE [options]\n"
	"\n"
	"  --channels CSV        channel catalogue (default "
	"audiences/channels.csv)\n"
	"  --budget N            total budget in the campaign currency\n"
	"  --objective NAME      applications, hires, value, reach, blend, "
	"min-cost\n"
	"  --short-term-weight W blend: weight of applications against "
	"reach, 0..1\n"
	"  --segments N          linear pieces per response curve, 2..64 "
	"(default 8)\n"
	"  --format FMT          table (default), json, csv, md\n"
	"  -o, --output FILE     write the plan to FILE instead of stdout\n"
	"  --write-lp FILE       write the model in CPLEX LP format\n"
	"  --write-mps FILE      write the model in free MPS format\n"
	"  --frontier F:T:S      also solve at budgets F, F+S, ... T\n"
	"  --time-limit S        stop the solver after S seconds\n"
	"  -h, --help            this help\n";

/*
 * Amounts on the command line are read before the campaign's currency
 * is known, so they are kept in thousandths of a major unit (no
 * currency has more minor digits) and scaled down exactly later.
 */
#define ARG_DIGITS 3

/* the command line, read once */
struct plan_args {
	const char *audience, *channels; /* borrowed from argv */
	const char *output, *write_lp, *write_mps;
	const char *budget_text, *frontier_text; /* for messages */
	int64_t budget;                          /* ARG_DIGITS; 0: none */
	int64_t frontier[3];                     /* ARG_DIGITS; from:to:step */
	bool has_objective, has_weight, has_segments, has_time_limit;
	enum objective objective;
	double weight;
	int segments, time_limit;
	enum plan_format format;
	bool help;
};

/* what cmd_plan() holds between its steps; plan_run_release() frees */
struct plan_run {
	char *catalogue_path; /* owned */
	struct catalogue cat;
	struct campaign c;
	struct plan p;
};

enum {
	OPT_CHANNELS = 256,
	OPT_BUDGET,
	OPT_OBJECTIVE,
	OPT_WEIGHT,
	OPT_SEGMENTS,
	OPT_FORMAT,
	OPT_LP,
	OPT_MPS,
	OPT_FRONTIER,
	OPT_TIME,
};

static const struct option longopts[] = {
	{ "channels", required_argument, NULL, OPT_CHANNELS },
	{ "budget", required_argument, NULL, OPT_BUDGET },
	{ "objective", required_argument, NULL, OPT_OBJECTIVE },
	{ "short-term-weight", required_argument, NULL, OPT_WEIGHT },
	{ "segments", required_argument, NULL, OPT_SEGMENTS },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "write-lp", required_argument, NULL, OPT_LP },
	{ "write-mps", required_argument, NULL, OPT_MPS },
	{ "frontier", required_argument, NULL, OPT_FRONTIER },
	{ "time-limit", required_argument, NULL, OPT_TIME },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* "a:b:c", three amounts above 0, into v in ARG_DIGITS */
static int parse_frontier(const char *s, int64_t v[3])
{
	char *copy = xstrdup(s), *part = copy, *colon;
	const char *why;
	int i;

	for (i = 0; i < 3; i++) {
		colon = strchr(part, ':');
		if ((colon == NULL) != (i == 2))
			break;
		if (colon)
			*colon = '\0';
		if (money_parse(part, ARG_DIGITS, &v[i], &why) < 0 || v[i] <= 0)
			break;
		part = colon + 1;
	}
	free(copy);
	if (i < 3)
		return errorf("--frontier: expected FROM:TO:STEP, three "
			      "amounts above 0, found '%s'",
			      s);
	if (v[1] < v[0])
		return errorf("--frontier: TO is below FROM in '%s'", s);
	if ((v[1] - v[0]) / v[2] > 1000)
		return errorf("--frontier: '%s' asks for more than 1000 "
			      "points",
			      s);
	return 0;
}

static int parse_budget(const char *s, int64_t *out)
{
	const char *why;

	if (money_parse(s, ARG_DIGITS, out, &why) < 0)
		return errorf("--budget: expected an amount, found '%s' (%s)",
			      s, why);
	if (*out <= 0)
		return errorf("--budget: expected an amount above 0, found "
			      "'%s'",
			      s);
	return 0;
}

/* a whole number from lo to hi, for --segments and --time-limit */
static int parse_whole(const char *s, int lo, int hi, int *out)
{
	double v;

	if (parse_double(s, &v) < 0 || v != (int)v || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* one option into a; 0, or -1 after a message */
static int take_option(int opt, const char *arg, struct plan_args *a)
{
	switch (opt) {
	case OPT_CHANNELS:
		a->channels = arg;
		return 0;
	case OPT_BUDGET:
		a->budget_text = arg;
		return parse_budget(arg, &a->budget);
	case OPT_OBJECTIVE:
		a->has_objective = true;
		if (objective_parse(arg, &a->objective) == 0)
			return 0;
		return errorf("--objective: expected applications, hires, "
			      "value, reach, blend or min-cost, found '%s'",
			      arg);
	case OPT_WEIGHT:
		a->has_weight = true;
		if (parse_double(arg, &a->weight) == 0 && a->weight >= 0 &&
		    a->weight <= 1)
			return 0;
		return errorf("--short-term-weight: expected a number from 0 "
			      "to 1, found '%s'",
			      arg);
	case OPT_SEGMENTS:
		a->has_segments = true;
		if (parse_whole(arg, 2, 64, &a->segments) == 0)
			return 0;
		return errorf("--segments: expected a whole number from 2 to "
			      "64, found '%s'",
			      arg);
	case OPT_FORMAT:
		if (plan_format_parse(arg, &a->format) == 0)
			return 0;
		return errorf("--format: expected table, json, csv or md, "
			      "found '%s'",
			      arg);
	case 'o':
		a->output = arg;
		return 0;
	case OPT_LP:
		a->write_lp = arg;
		return 0;
	case OPT_MPS:
		a->write_mps = arg;
		return 0;
	case OPT_FRONTIER:
		a->frontier_text = arg;
		return parse_frontier(arg, a->frontier);
	case OPT_TIME:
		a->has_time_limit = true;
		if (parse_whole(arg, 0, 86400, &a->time_limit) == 0)
			return 0;
		return errorf("--time-limit: expected whole seconds, found "
			      "'%s'",
			      arg);
	}
	die("plan: impossible option %d", opt);
}

/* argv into a; JM_OK (a->help: the help was printed) or JM_USAGE */
static int parse_args(int argc, char **argv, struct plan_args *a)
{
	int opt;

	memset(a, 0, sizeof(*a));
	a->format = FORMAT_TABLE;
	while ((opt = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		if (opt == 'h') {
			fputs(plan_usage, stdout);
			a->help = true;
			return JM_OK;
		}
		if (opt == ':') {
			errorf("plan: option '%s' needs a value",
			       argv[optind - 1]);
			return JM_USAGE;
		}
		if (opt == '?') {
			errorf("plan: unknown option '%s'; see 'jobmix plan "
			       "-h'",
			       argv[optind - 1]);
			return JM_USAGE;
		}
		if (take_option(opt, optarg, a) < 0)
			return JM_USAGE;
	}
	if (optind + 1 != argc) {
		errorf(optind == argc ? "plan: no audience file given"
				      : "plan: expected one audience file");
		fputs(plan_usage, stderr);
		return JM_USAGE;
	}
	a->audience = argv[optind];
	return JM_OK;
}

static bool is_stdout(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

/* an input of the plan, named for messages */
struct input {
	const char *what, *path;
};

/*
 * An output must not overwrite an input, nor name a folder: 0, or the
 * exit status after a message.
 */
static int check_output(const char *option, const char *path,
			const struct input *inputs, size_t n_inputs)
{
	struct stat st;

	if (is_stdout(path))
		return 0;
	for (size_t i = 0; i < n_inputs; i++)
		if (inputs[i].path && same_file(path, inputs[i].path)) {
			errorf("%s: '%s' is the %s '%s'; refusing to "
			       "overwrite an input",
			       option, path, inputs[i].what, inputs[i].path);
			return JM_USAGE;
		}
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		errorf("%s: cannot create '%s': it is a folder", option, path);
		return JM_CANTCREAT;
	}
	return 0;
}

/* -o, --write-lp and --write-mps against the inputs and each other */
static int check_outputs(const struct plan_args *a, const char *catalogue_path,
			 const char *config_path)
{
	const struct input inputs[] = {
		{ "audience file", a->audience },
		{ "channel catalogue", catalogue_path },
		{ "configuration file", config_path },
	};
	const char *outputs[][2] = {
		{ "--output", a->output },
		{ "--write-lp", a->write_lp },
		{ "--write-mps", a->write_mps },
	};
	int status;

	for (size_t i = 0; i < ARRAY_SIZE(outputs); i++) {
		status = check_output(outputs[i][0], outputs[i][1], inputs,
				      ARRAY_SIZE(inputs));
		if (status)
			return status;
		for (size_t j = 0; j < i; j++)
			if (!is_stdout(outputs[i][1]) && outputs[j][1] &&
			    strcmp(outputs[i][1], outputs[j][1]) == 0) {
				errorf("%s and %s both name '%s'",
				       outputs[j][0], outputs[i][0],
				       outputs[i][1]);
				return JM_USAGE;
			}
	}
	return 0;
}

/* the catalogue, then the audience against it; 0 or the exit status */
static int load_inputs(const struct plan_args *a, struct plan_run *r)
{
	struct diag d;
	int rc;

	diag_init(&d, r->catalogue_path);
	rc = catalogue_load(r->catalogue_path, &r->cat, &d);
	diag_finish(&d);
	if (rc < 0)
		return d.status;
	diag_init(&d, a->audience);
	rc = audience_load(a->audience, &r->cat, &r->c, &d);
	diag_finish(&d);
	return rc < 0 ? d.status : 0;
}

/* an ARG_DIGITS amount in the campaign's minor units, if exact */
static int to_minor(int64_t v, const struct campaign *c, int64_t *out)
{
	int64_t div = money_scale(ARG_DIGITS - c->digits);

	if (v % div)
		return -1;
	*out = v / div;
	return 0;
}

static int set_amounts(const struct plan_args *a, const struct campaign *c,
		       struct plan_options *o)
{
	int64_t f[3];

	if (a->budget_text && to_minor(a->budget, c, &o->budget) < 0) {
		errorf("--budget: expected an amount in %s, found '%s' (more "
		       "than %d decimal%s)",
		       c->currency, a->budget_text, c->digits,
		       c->digits == 1 ? "" : "s");
		return JM_USAGE;
	}
	if (!a->frontier_text)
		return 0;
	for (int i = 0; i < 3; i++)
		if (to_minor(a->frontier[i], c, &f[i]) < 0) {
			errorf("--frontier: expected FROM:TO:STEP, three "
			       "amounts in %s, found '%s'",
			       c->currency, a->frontier_text);
			return JM_USAGE;
		}
	o->frontier_from = f[0];
	o->frontier_to = f[1];
	o->frontier_step = f[2];
	return 0;
}

static int set_options(const struct plan_args *a, const struct config *cfg,
		       const struct campaign *c, struct plan_options *o)
{
	plan_options_init(o, c);
	o->segments = a->has_segments ? a->segments : cfg->segments;
	o->time_limit_s = a->has_time_limit ? a->time_limit : cfg->time_limit_s;
	o->mip_gap = cfg->mip_gap;
	o->write_lp = a->write_lp;
	o->write_mps = a->write_mps;
	if (cfg->short_term_weight >= 0)
		o->short_term_weight = cfg->short_term_weight;
	if (a->has_weight)
		o->short_term_weight = a->weight;
	if (cfg->has_objective)
		o->objective = cfg->objective;
	if (a->has_objective)
		o->objective = a->objective;
	/* whether the objective fits the campaign: planner_run() says */
	return set_amounts(a, c, o);
}

static int write_output(const char *path, const struct strbuf *sb)
{
	if (is_stdout(path)) {
		fwrite(sb->buf, 1, sb->len, stdout);
		return JM_OK;
	}
	if (write_file_atomic(path, sb->buf, sb->len) < 0) {
		int err = errno;

		errorf("cannot write '%s': %s", path, strerror(err));
		return err == EIO || err == ENOSPC || err == EDQUOT
			       ? JM_IOERR
			       : JM_CANTCREAT;
	}
	return JM_OK;
}

/* the plan in a->format to its place; 0 or the exit status */
static int write_plan(const struct plan_args *a, const struct plan_run *r)
{
	struct strbuf out = STRBUF_INIT;
	double t0 = now_ms();
	int status;

	plan_write(&out, a->format, &r->c, &r->p);
	status = write_output(a->output, &out);
	tracef("timing: write %.3f ms", r->p.ms_write + now_ms() - t0);
	strbuf_release(&out);
	if (status == JM_OK && r->p.status == PLAN_INFEASIBLE) {
		if (a->format != FORMAT_TABLE || !is_stdout(a->output))
			errorf("no plan meets the goals; see the plan's "
			       "reasons");
		status = JM_INFEASIBLE;
	}
	return status;
}

static int run(const struct plan_args *a, const struct app *app,
	       struct plan_run *r)
{
	struct plan_options o;
	enum planner_error perr;
	double t0 = now_ms();
	int status;

	r->catalogue_path = datadir_catalogue_path(
		a->channels, app->cfg.channels_path, a->audience);
	status = check_outputs(a, r->catalogue_path, app->cfg.path);
	if (!status)
		status = load_inputs(a, r);
	if (!status)
		status = set_options(a, &app->cfg, &r->c, &o);
	if (status)
		return status;
	tracef("timing: parse %.3f ms", now_ms() - t0);
	perr = planner_run(&r->c, &o, &r->p);
	if (perr != PLANNER_OK)
		return planner_exit_status(perr);
	tracef("timing: build %.3f ms", r->p.ms_build);
	tracef("timing: solve %.3f ms", r->p.ms_solve);
	status = write_plan(a, r);
	tracef("timing: total %.3f ms", now_ms() - t0);
	return status;
}

int cmd_plan(int argc, char **argv, struct app *app)
{
	struct plan_args a;
	struct plan_run r = { 0 };
	int status;

	status = parse_args(argc, argv, &a);
	if (status || a.help)
		return status;
	status = run(&a, app, &r);
	plan_release(&r.p);
	campaign_release(&r.c);
	catalogue_release(&r.cat);
	free(r.catalogue_path);
	return status;
}
