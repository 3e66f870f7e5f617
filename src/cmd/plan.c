/*
 * plan - read an audience analysis and the channel catalogue, find the
 * best spend per persona x channel (planner.c, GLPK) and print it as a
 * table, JSON, CSV or Markdown. Uses audience, catalogue, planner and
 * plan_format. An output file is written whole or not at all.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audience.h"
#include "campaign.h"
#include "catalogue.h"
#include "cmd.h"
#include "diag.h"
#include "money.h"
#include "plan_format.h"
#include "planner.h"
#include "strbuf.h"
#include "wrapper.h"
#include "number.h"
#include "fileio.h"

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

/* "a:b:c" in major units into minor units */
static int parse_frontier(const char *s, int digits, int64_t v[3])
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
		if (money_parse(part, digits, &v[i], &why) < 0 || v[i] <= 0)
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

static int write_output(const char *path, const struct strbuf *sb)
{
	if (!path || strcmp(path, "-") == 0) {
		fwrite(sb->buf, 1, sb->len, stdout);
		return JM_OK;
	}
	if (write_file_atomic(path, sb->buf, sb->len) < 0) {
		errorf("cannot write '%s': %s", path, strerror(errno));
		return errno == ENOENT || errno == EACCES || errno == EROFS ||
				       errno == ENOTDIR
			       ? JM_CANTCREAT
			       : JM_IOERR;
	}
	return JM_OK;
}

int cmd_plan(int argc, char **argv, struct app *app)
{
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
	const char *channels = NULL, *budget = NULL, *objective = NULL;
	const char *weight = NULL, *frontier = NULL, *output = NULL;
	const char *write_lp = NULL, *write_mps = NULL, *why;
	enum plan_format format = FORMAT_TABLE;
	struct catalogue cat = { 0 };
	struct campaign c = { 0 };
	struct plan_options o;
	struct plan p = { 0 };
	struct strbuf out = STRBUF_INIT;
	struct diag d;
	char *catalogue_path = NULL;
	double t0 = now_ms(), t_start = t0, v;
	int64_t check, fr[3];
	enum objective obj = OBJ_APPLICATIONS;
	int opt, status = JM_OK, segments = app->cfg.segments;
	int time_limit = app->cfg.time_limit_s;
	enum planner_error perr;

	while ((opt = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (opt) {
		case OPT_CHANNELS:
			channels = optarg;
			break;
		case OPT_BUDGET:
			budget = optarg;
			break;
		case OPT_OBJECTIVE:
			objective = optarg;
			break;
		case OPT_WEIGHT:
			weight = optarg;
			break;
		case OPT_SEGMENTS:
			if (parse_double(optarg, &v) < 0 || v != (int)v ||
			    v < 2 || v > 64) {
				errorf("--segments: expected a whole number "
				       "from 2 to 64, found '%s'",
				       optarg);
				return JM_USAGE;
			}
			segments = (int)v;
			break;
		case OPT_FORMAT:
			if (plan_format_parse(optarg, &format) < 0) {
				errorf("--format: expected table, json, csv "
				       "or md, found '%s'",
				       optarg);
				return JM_USAGE;
			}
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_LP:
			write_lp = optarg;
			break;
		case OPT_MPS:
			write_mps = optarg;
			break;
		case OPT_FRONTIER:
			frontier = optarg;
			break;
		case OPT_TIME:
			if (parse_double(optarg, &v) < 0 || v != (int)v ||
			    v < 0 || v > 86400) {
				errorf("--time-limit: expected whole seconds, "
				       "found '%s'",
				       optarg);
				return JM_USAGE;
			}
			time_limit = (int)v;
			break;
		case 'h':
			fputs(plan_usage, stdout);
			return JM_OK;
		case ':':
			errorf("plan: option '%s' needs a value",
			       argv[optind - 1]);
			return JM_USAGE;
		default:
			errorf("plan: unknown option '%s'; see 'jobmix plan "
			       "-h'",
			       argv[optind - 1]);
			return JM_USAGE;
		}
	}
	/* the command line is checked before any file is read */
	if (objective && objective_parse(objective, &obj) < 0) {
		errorf("--objective: expected applications, hires, value, "
		       "reach, blend or min-cost, found '%s'",
		       objective);
		return JM_USAGE;
	}
	if (weight && (parse_double(weight, &v) < 0 || v < 0 || v > 1)) {
		errorf("--short-term-weight: expected a number from 0 to 1, "
		       "found '%s'",
		       weight);
		return JM_USAGE;
	}
	if (budget && money_parse(budget, 3, &check, &why) < 0) {
		errorf("--budget: expected an amount, found '%s' (%s)", budget,
		       why);
		return JM_USAGE;
	}
	if (budget && check <= 0) {
		errorf("--budget: expected an amount above 0, found '%s'",
		       budget);
		return JM_USAGE;
	}
	if (frontier && parse_frontier(frontier, 3, fr) < 0)
		return JM_USAGE;
	if (optind + 1 != argc) {
		errorf(optind == argc ? "plan: no audience file given"
				      : "plan: expected one audience file");
		fputs(plan_usage, stderr);
		return JM_USAGE;
	}

	catalogue_path = cmd_catalogue_path(app, channels, argv[optind]);
	diag_init(&d, catalogue_path);
	if (catalogue_load(catalogue_path, &cat, &d) < 0) {
		status = d.status;
		goto out;
	}
	diag_init(&d, argv[optind]);
	if (audience_load(argv[optind], &cat, &c, &d) < 0) {
		status = d.status;
		goto out;
	}
	plan_options_init(&o, &c);
	o.segments = segments;
	o.time_limit_s = time_limit;
	o.mip_gap = app->cfg.mip_gap;
	o.write_lp = write_lp;
	o.write_mps = write_mps;
	if (app->cfg.short_term_weight >= 0)
		o.short_term_weight = app->cfg.short_term_weight;
	if (app->cfg.objective &&
	    objective_parse(app->cfg.objective, &o.objective) < 0)
		die("config let through objective '%s'", app->cfg.objective);
	if (objective)
		o.objective = obj;
	if (weight && parse_double(weight, &v) == 0)
		o.short_term_weight = v;
	if (budget) {
		if (money_parse(budget, c.digits, &o.budget, &why) < 0) {
			errorf("--budget: expected an amount in %s, found "
			       "'%s' (%s)",
			       c.currency, budget, why);
			status = JM_USAGE;
			goto out;
		}
		if (o.budget <= 0) {
			errorf("--budget: expected an amount above 0, found "
			       "'%s'",
			       budget);
			status = JM_USAGE;
			goto out;
		}
	}
	if (frontier) {
		int64_t f[3];

		if (parse_frontier(frontier, c.digits, f) < 0) {
			status = JM_USAGE;
			goto out;
		}
		o.frontier_from = f[0];
		o.frontier_to = f[1];
		o.frontier_step = f[2];
	}
	if (o.objective == OBJ_MIN_COST && c.goal_applications <= 0 &&
	    c.goal_hires <= 0) {
		bool any = false;

		for (size_t i = 0; i < c.n_personas; i++)
			any |= c.personas[i].goal_applications > 0 ||
			       c.personas[i].goal_hires > 0;
		if (!any) {
			errorf("objective 'min-cost' needs a goal to meet; "
			       "'%s' sets none",
			       argv[optind]);
			status = JM_DATAERR;
			goto out;
		}
	}
	tracef("timing: parse %.3f ms", now_ms() - t0);

	perr = planner_run(&c, &o, &p);
	if (perr != PLANNER_OK) {
		status = planner_exit_status(perr);
		goto out;
	}
	tracef("timing: build %.3f ms", p.ms_build);
	tracef("timing: solve %.3f ms", p.ms_solve);
	t0 = now_ms();
	plan_write(&out, format, &c, &p);
	status = write_output(output, &out);
	tracef("timing: write %.3f ms", p.ms_write + now_ms() - t0);
	tracef("timing: total %.3f ms", now_ms() - t_start);
	if (status == JM_OK && p.status == PLAN_INFEASIBLE) {
		if (format != FORMAT_TABLE || output)
			errorf("no plan meets the goals; see the plan's "
			       "reasons");
		status = JM_INFEASIBLE;
	}
out:
	strbuf_release(&out);
	plan_release(&p);
	campaign_release(&c);
	catalogue_release(&cat);
	free(catalogue_path);
	return status;
}
