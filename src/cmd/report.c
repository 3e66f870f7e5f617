/*
 * report - what the campaigns in the store spent and brought: HTML
 * (a file, by default under reports/), CSV, JSON or Markdown (standard
 * output unless -o). Uses report (the figures and writers), store and
 * money. docs/report.md describes the figures.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ads.h"
#include "campaign.h"
#include "cmd.h"
#include "config.h"
#include "fileio.h"
#include "money.h"
#include "report.h"
#include "store.h"
#include "strbuf.h"
#include "usage.h"

static const char report_usage[] =
	"usage: jobmix report [--campaign ID|NAME] [--from DATE] [--to DATE]\n"
	"                     [--by channel|persona|day|ad|platform]\n"
	"                     [--format html|csv|json|md] [-o FILE]\n"
	"                     [--plan PLAN.json] [--value-per-hire AMOUNT]\n"
	"                     [--store FILE]\n"
	"\n"
	"  Every campaign in the store unless --campaign. DATE is\n"
	"  YYYY-MM-DD, both ends included. HTML goes to a file (default\n"
	"  reports/CAMPAIGN_FROM_TO.html, its path printed); CSV, JSON and\n"
	"  Markdown to standard output unless -o. --by picks the breakdown\n"
	"  of CSV and Markdown (default channel). --plan is the plan of a\n"
	"  campaign the store holds none for (matched by campaign name).\n";

enum format { FMT_HTML, FMT_CSV, FMT_JSON, FMT_MD };

struct report_args {
	struct report_options o;
	enum report_by by;
	enum format format;
	const char *output, *store;
	bool help;
};

enum {
	OPT_CAMPAIGN = 256,
	OPT_FROM,
	OPT_TO,
	OPT_BY,
	OPT_FORMAT,
	OPT_PLAN,
	OPT_VALUE,
	OPT_STORE
};

static const struct option longopts[] = {
	{ "campaign", required_argument, NULL, OPT_CAMPAIGN },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "by", required_argument, NULL, OPT_BY },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "plan", required_argument, NULL, OPT_PLAN },
	{ "value-per-hire", required_argument, NULL, OPT_VALUE },
	{ "store", required_argument, NULL, OPT_STORE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int take_option(int opt, const char *arg, struct report_args *a)
{
	static const char *const formats[] = { "html", "csv", "json", "md" };

	switch (opt) {
	case OPT_CAMPAIGN:
		a->o.campaign = arg;
		return 0;
	case OPT_FROM:
	case OPT_TO:
		if (!date_valid(arg))
			return errorf("report: --%s: expected a date as "
				      "YYYY-MM-DD, found '%s'",
				      opt == OPT_FROM ? "from" : "to", arg);
		*(opt == OPT_FROM ? &a->o.from : &a->o.to) = arg;
		return 0;
	case OPT_BY:
		if (report_by_parse(arg, &a->by))
			return errorf(
				"report: --by: expected channel, persona, "
				"day, ad or platform, found '%s'",
				arg);
		return 0;
	case OPT_FORMAT:
		for (int i = 0; i < 4; i++)
			if (strcmp(arg, formats[i]) == 0) {
				a->format = (enum format)i;
				return 0;
			}
		return errorf("report: --format: expected html, csv, json or "
			      "md, found '%s'",
			      arg);
	case 'o':
		a->output = arg;
		return 0;
	case OPT_PLAN:
		a->o.plan_path = arg;
		return 0;
	case OPT_STORE:
		a->store = arg;
		return 0;
	case OPT_VALUE:
		a->o.value_per_hire = arg;
		return 0;
	}
	die("report: impossible option %d", opt);
}

static int parse_args(int argc, char **argv, struct report_args *a)
{
	int opt;

	memset(a, 0, sizeof(*a));
	a->by = REPORT_BY_CHANNEL;
	while ((opt = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		if (opt == 'h') {
			fputs(report_usage, stdout);
			a->help = true;
			return JM_OK;
		}
		if (opt == ':')
			return errorf("report: option '%s' needs a value",
				      argv[optind - 1]),
			       JM_USAGE;
		if (opt == '?')
			return errorf("report: unknown option '%s'; see "
				      "'jobmix report -h'",
				      argv[optind - 1]),
			       JM_USAGE;
		if (take_option(opt, optarg, a) < 0)
			return JM_USAGE;
	}
	if (optind != argc) {
		errorf("report: unexpected argument '%s'", argv[optind]);
		fputs(report_usage, stderr);
		return JM_USAGE;
	}
	if (a->o.from && a->o.to && strcmp(a->o.from, a->o.to) > 0)
		return errorf("report: --from %s is after --to %s", a->o.from,
			      a->o.to),
		       JM_USAGE;
	a->o.ads = a->by == REPORT_BY_AD;
	return JM_OK;
}

/* the campaign's slug, as its links' utm_campaign, at most 60 bytes */
static void slug(struct strbuf *sb, const char *s)
{
	size_t start = sb->len;

	ads_slug(sb, s);
	if (sb->len - start > 60)
		sb->len = start + 60;
	while (sb->len > start + 1 && sb->buf[sb->len - 1] == '-')
		sb->len--;
	sb->buf[sb->len] = '\0';
}

/* the name of the one campaign reported besides "(no campaign)", or NULL */
static const char *one_campaign(const struct report *r)
{
	const char *name = NULL;
	int64_t id = 0;

	for (size_t i = 0; i < r->n_groups; i++) {
		if (r->groups[i].campaign_id == 0)
			continue;
		if (name && r->groups[i].campaign_id != id)
			return NULL;
		id = r->groups[i].campaign_id;
		name = r->groups[i].campaign;
	}
	return name;
}

/* reports/<campaign>_<from>_<to>.html, the dates of the data if not asked */
static void default_path(const struct report *r, const struct config *cfg,
			 struct strbuf *out)
{
	const char *from = r->from, *to = r->to;

	strbuf_addf(out, "%s/", cfg->report_dir ? cfg->report_dir : "reports");
	slug(out, one_campaign(r) ? one_campaign(r) : "all campaigns");
	if (!*from || !*to) {
		for (size_t i = 0; i < r->n_groups; i++) {
			const struct report_group *g = &r->groups[i];

			if (!*r->from && g->first[0] &&
			    (!*from || strcmp(g->first, from) < 0))
				from = g->first;
			if (!*r->to && g->last[0] &&
			    (!*to || strcmp(g->last, to) > 0))
				to = g->last;
		}
	}
	strbuf_addf(out, "_%s_%s.html", *from ? from : "start",
		    *to ? to : "end");
}

static int write_out(const char *path, const struct strbuf *sb)
{
	if (!path || strcmp(path, "-") == 0) {
		fwrite(sb->buf, 1, sb->len, stdout);
		return JM_OK;
	}
	if (write_file_atomic(path, sb->buf, sb->len) < 0) {
		int err = errno;

		errorf("cannot write '%s': %s", path, strerror(err));
		return err == EIO || err == ENOSPC ? JM_IOERR : JM_CANTCREAT;
	}
	return JM_OK;
}

static int render(const struct report_args *a, const struct config *cfg,
		  const struct report *r, struct strbuf *out)
{
	struct report_style st = {
		.agency = cfg->report_agency,
		.client = cfg->report_client,
		.accent = cfg->report_accent,
		.logo_path = cfg->report_logo,
		.css_path = cfg->report_stylesheet,
		.frame_path = cfg->report_frame,
	};

	switch (a->format) {
	case FMT_HTML:
		return report_html(r, &st, out);
	case FMT_CSV:
		return report_csv(r, a->by, out);
	case FMT_JSON:
		return report_json(r, out);
	case FMT_MD:
		return report_md(r, a->by, out);
	}
	return JM_SOFTWARE;
}

int cmd_report(int argc, char **argv, struct app *app)
{
	struct report_args a;
	struct strbuf path = STRBUF_INIT, out = STRBUF_INIT;
	struct store *s = NULL;
	struct report r = { 0 };
	int rc = parse_args(argc, argv, &a);

	if (rc || a.help)
		return rc;
	if (a.store)
		strbuf_addstr(&path, a.store);
	else
		config_store_path(&app->cfg, &path);
	rc = store_open(path.buf, STORE_EXISTING, &s);
	if (!rc)
		rc = report_build(s, &a.o, &r);
	store_close(s);
	if (!rc)
		rc = render(&a, &app->cfg, &r, &out);
	strbuf_reset(&path);
	if (!rc && a.format == FMT_HTML && !a.output) {
		default_path(&r, &app->cfg, &path);
		mkdir(app->cfg.report_dir ? app->cfg.report_dir : "reports",
		      0777);
	} else if (a.output) {
		strbuf_addstr(&path, a.output);
	}
	if (!rc)
		rc = write_out(path.len ? path.buf : NULL, &out);
	if (!rc && a.format == FMT_HTML && path.len &&
	    strcmp(path.buf, "-") != 0)
		printf("%s\n", path.buf);
	report_release(&r);
	strbuf_release(&path);
	strbuf_release(&out);
	return rc;
}
