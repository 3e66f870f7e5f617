/*
 * ads - preview what would be pushed: the ad sets and ads an approved
 * plan file (planfile.h) and a job feed (feed.h) make (ads.h), with
 * the compliance sentences and every shortening, as a table or JSON
 * (ads_format.h). Nothing is sent anywhere.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ads.h"
#include "ads_format.h"
#include "cmd.h"
#include "feed.h"
#include "fileio.h"
#include "planfile.h"
#include "strbuf.h"

static const char ads_usage[] =
	"usage: jobmix ads PLAN --feed FEED [options]\n"
	"\n"
	"  PLAN is a plan written by 'jobmix plan --format json'.\n"
	"  --feed FEED           the job feed (.xml)\n"
	"  --format FMT          table (default) or json\n"
	"  -o, --output FILE     write the preview to FILE instead of stdout\n"
	"  -h, --help            this help\n";

struct ads_args {
	const char *plan, *feed, *output;
	bool json, help;
};

enum { OPT_FEED = 256, OPT_FORMAT };

static int parse_args(int argc, char **argv, struct ads_args *a)
{
	static const struct option longopts[] = {
		{ "feed", required_argument, NULL, OPT_FEED },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	memset(a, 0, sizeof(*a));
	while ((opt = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (opt) {
		case OPT_FEED:
			a->feed = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "json") != 0 &&
			    strcmp(optarg, "table") != 0) {
				errorf("--format: expected table or json, "
				       "found '%s'",
				       optarg);
				return JM_USAGE;
			}
			a->json = strcmp(optarg, "json") == 0;
			break;
		case 'o':
			a->output = optarg;
			break;
		case 'h':
			fputs(ads_usage, stdout);
			a->help = true;
			return JM_OK;
		case ':':
			errorf("ads: option '%s' needs a value",
			       argv[optind - 1]);
			return JM_USAGE;
		default:
			errorf("ads: unknown option '%s'; see 'jobmix ads -h'",
			       argv[optind - 1]);
			return JM_USAGE;
		}
	}
	if (optind + 1 != argc || !a->feed) {
		errorf(optind == argc ? "ads: no plan file given"
		       : optind + 1 != argc
			       ? "ads: expected one plan file"
			       : "ads: no job feed given (--feed)");
		fputs(ads_usage, stderr);
		return JM_USAGE;
	}
	a->plan = argv[optind];
	return JM_OK;
}

static bool is_stdout(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

/* the output must not be an input, nor a folder */
static int check_output(const struct ads_args *a)
{
	struct stat st;

	if (is_stdout(a->output))
		return JM_OK;
	if (same_file(a->output, a->plan) || same_file(a->output, a->feed)) {
		errorf("--output: '%s' is an input; refusing to overwrite it",
		       a->output);
		return JM_USAGE;
	}
	if (stat(a->output, &st) == 0 && S_ISDIR(st.st_mode)) {
		errorf("--output: cannot create '%s': it is a folder",
		       a->output);
		return JM_CANTCREAT;
	}
	return JM_OK;
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
		return err == EIO || err == ENOSPC ? JM_IOERR : JM_CANTCREAT;
	}
	return JM_OK;
}

static int run(const struct ads_args *a, struct planfile *pf, struct feed *f,
	       struct ad_plan *ap)
{
	struct strbuf out = STRBUF_INIT;
	int status = check_output(a);

	if (status)
		return status;
	status = ads_load(a->plan, a->feed, pf, f, ap);
	if (status)
		return status;
	if (a->json)
		ads_write_json(&out, pf, f, ap);
	else
		ads_write_table(&out, pf, f, ap);
	status = write_output(a->output, &out);
	strbuf_release(&out);
	return status;
}

int cmd_ads(int argc, char **argv, struct app *app)
{
	struct ads_args a;
	struct planfile pf = { 0 };
	struct feed f = { 0 };
	struct ad_plan ap = { 0 };
	int status;

	(void)app;
	status = parse_args(argc, argv, &a);
	if (status || a.help)
		return status;
	status = run(&a, &pf, &f, &ap);
	ad_plan_release(&ap);
	feed_release(&f);
	planfile_release(&pf);
	return status;
}
