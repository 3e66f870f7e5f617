/*
 * sync - pull the daily figures of every ad in the configured ad
 * accounts into the store (docs/sync.md). Parses the options; the sync
 * module does the rest.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "cmd.h"
#include "sync.h"
#include "usage.h"

static const char sync_usage[] =
	"usage: jobmix sync [--platform P] [--account ID] [--since DATE]\n"
	"                   [--until DATE] [--lookback DAYS] [--full-refresh]\n"
	"                   [--dry-run]\n"
	"\n"
	"  Pulls one row per ad and day from Meta, LinkedIn and TikTok into\n"
	"  the store: the days after the last sync, and the trailing\n"
	"  attribution window again (lookback: meta 28, linkedin 7, tiktok 3\n"
	"  days, or [PLATFORM] lookback_days). Days are the ad account's\n"
	"  own; --until defaults to yesterday there. --full-refresh pulls\n"
	"  again from the first day stored; --dry-run prints the requests\n"
	"  and writes nothing.\n"
	"\n"
	"  Exit status: 0 ok, 64 usage, 65 bad data from the platform,\n"
	"  69 the platform failed after every retry, 74 store error,\n"
	"  75 try again later (throttled, timed out, another sync running),\n"
	"  78 fix the config or the token.\n";

static int parse_lookback(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s < '0' || *s > '9' || *end || v > 365) {
		errorf("sync: --lookback: expected a whole number of days from "
		       "0 to 365, found '%s'",
		       s);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/*
 * digits (after Meta's act_ or LinkedIn's URN prefix), else NULL after
 * a message
 */
static const char *account_id(const char *arg)
{
	const char *s = arg;
	static const char li[] = "urn:li:sponsoredAccount:";
	size_t n;

	if (strncmp(s, "act_", 4) == 0)
		s += 4;
	else if (strncmp(s, li, sizeof(li) - 1) == 0)
		s += sizeof(li) - 1;
	n = strspn(s, "0123456789");
	if (n > 0 && n <= 32 && s[n] == '\0')
		return s;
	errorf("sync: --account: expected an ad account id (digits, or act_ "
	       "and digits), found '%s'",
	       arg);
	return NULL;
}

static int parse_args(int argc, char **argv, struct sync_options *o)
{
	static const struct option longopts[] = {
		{ "platform", required_argument, NULL, 'p' },
		{ "account", required_argument, NULL, 'a' },
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "lookback", required_argument, NULL, 'l' },
		{ "full-refresh", no_argument, NULL, 'F' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, ":hq", longopts, NULL)) != -1) {
		switch (opt) {
		case 'p':
			if (platform_parse(optarg, &o->platform) < 0 ||
			    o->platform == PLATFORM_OFFLINE) {
				errorf("sync: --platform: expected meta, "
				       "linkedin or tiktok, found '%s'",
				       optarg);
				return JM_USAGE;
			}
			o->only = true;
			break;
		case 'a':
			if (!(o->account = account_id(optarg)))
				return JM_USAGE;
			break;
		case 's':
			o->since = optarg;
			break;
		case 'u':
			o->until = optarg;
			break;
		case 'l':
			if (parse_lookback(optarg, &o->lookback) < 0)
				return JM_USAGE;
			break;
		case 'F':
			o->full_refresh = true;
			break;
		case 'n':
			o->dry_run = true;
			break;
		case 'q':
			verbosity = -1;
			break;
		case 'h':
			fputs(sync_usage, stdout);
			return JM_OK;
		case ':':
			errorf("sync: option '%s' needs a value",
			       argv[optind - 1]);
			return JM_USAGE;
		default:
			errorf("sync: unknown option '%s'; see 'jobmix sync "
			       "-h'",
			       argv[optind - 1]);
			return JM_USAGE;
		}
	}
	if (optind != argc) {
		errorf("sync: unexpected argument '%s'", argv[optind]);
		return JM_USAGE;
	}
	if (o->account && !o->only) {
		errorf("sync: --account needs --platform");
		return JM_USAGE;
	}
	return -1;
}

int cmd_sync(int argc, char **argv, struct app *app)
{
	struct sync_options o = { .lookback = -1 };
	int rc = parse_args(argc, argv, &o);

	if (rc >= 0)
		return rc;
	return sync_run(&app->cfg, &o);
}
