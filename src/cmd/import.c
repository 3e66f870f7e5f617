/*
 * import - ATS and ad-manager exports (CSV) into the store: `jobmix
 * import ats FILE` and `jobmix import metrics --platform P FILE`. Each
 * file is all or nothing, and the same file twice adds nothing
 * (import.h). Prints what it added; uses import, store and config.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "diag.h"
#include "fileio.h"
#include "import.h"
#include "money.h"
#include "store.h"
#include "strbuf.h"

static const char import_usage[] =
	"usage: jobmix import ats [--store DB] FILE.csv\n"
	"       jobmix import metrics --platform meta|linkedin|tiktok\n"
	"                     [--account ID] [--currency CUR] [--timezone TZ]\n"
	"                     [--store DB] FILE.csv\n"
	"\n"
	"  ats: applications and hires from an ATS export (timestamps, job\n"
	"  reference, source, status, utm_* of the landing link). Names,\n"
	"  e-mail addresses and phone numbers are never read or stored.\n"
	"  metrics: an ad manager's daily export (Meta, LinkedIn, TikTok);\n"
	"  each row replaces that ad's figures for its day.\n"
	"  Header names are matched case- and order-insensitively, with the\n"
	"  aliases of docs/import.md and the config's [import] section. A\n"
	"  bad row writes nothing (exit 65); the same file twice adds\n"
	"  nothing. --store defaults to the config's [store] path.\n";

struct import_args {
	const char *kind, *file, *store;
	bool help;
	struct import_options o;
	bool has_platform;
};

static int parse_args(int argc, char **argv, struct import_args *a)
{
	static const struct option longopts[] = {
		{ "platform", required_argument, NULL, 'p' },
		{ "account", required_argument, NULL, 'a' },
		{ "currency", required_argument, NULL, 'C' },
		{ "timezone", required_argument, NULL, 'z' },
		{ "store", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'p':
			if (platform_parse(optarg, &a->o.platform) != 0 ||
			    a->o.platform == PLATFORM_OFFLINE) {
				errorf("import: unknown platform '%s' "
				       "(meta, linkedin or tiktok)",
				       optarg);
				return JM_USAGE;
			}
			a->has_platform = true;
			break;
		case 'a':
			a->o.account_id = optarg;
			break;
		case 'C':
			if (!money_currency_valid(optarg)) {
				errorf("import: --currency '%s': expected an "
				       "ISO 4217 code such as SEK",
				       optarg);
				return JM_USAGE;
			}
			a->o.currency = optarg;
			break;
		case 'z':
			if (!timezone_valid(optarg)) {
				errorf("import: --timezone '%s': expected a "
				       "time zone name such as "
				       "Europe/Stockholm",
				       optarg);
				return JM_USAGE;
			}
			a->o.timezone = optarg;
			break;
		case 's':
			a->store = optarg;
			break;
		case 'h':
			a->help = true;
			return JM_OK;
		case ':':
			errorf("import: option '%s' needs a value",
			       argv[optind - 1]);
			return JM_USAGE;
		default:
			errorf("import: unknown option '%s'; see 'jobmix "
			       "import -h'",
			       argv[optind - 1]);
			return JM_USAGE;
		}
	}
	if (optind != argc - 1) {
		errorf("import: give one file");
		return JM_USAGE;
	}
	a->file = argv[optind];
	return JM_OK;
}

/* headers as the file has them, control characters defused */
static void print_list(const char *what, const struct strvec *v)
{
	struct strbuf sb = STRBUF_INIT;

	if (!v->n)
		return;
	strbuf_addf(&sb, "  %s:", what);
	for (size_t i = 0; i < v->n; i++)
		strbuf_addf(&sb, "%s %s", i ? "," : "", v->item[i]);
	defuse_controls(sb.buf, sb.len);
	printf("%s\n", sb.buf);
	strbuf_release(&sb);
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void print_ats(const char *file, const struct import_result *r)
{
	printf("%s: %zu %s: %zu %s and %zu %s", file, r->rows,
	       plural(r->rows, "row", "rows"), r->applications,
	       plural(r->applications, "application", "applications"), r->hires,
	       plural(r->hires, "hire", "hires"));
	printf(", %zu added, %zu already in the store\n", r->added, r->known);
	print_list("not read or stored (personal data)", &r->personal);
	print_list("columns not used", &r->ignored);
}

static void print_metrics(const char *file, const struct import_options *o,
			  const struct import_result *r)
{
	struct strbuf spend = STRBUF_INIT, impressions = STRBUF_INIT,
		      clicks = STRBUF_INIT;

	printf("%s: %zu %s, %zu %s", file, r->rows,
	       plural(r->rows, "row", "rows"), r->days,
	       plural(r->days, "day", "days"));
	if (r->days)
		printf(" (%s to %s)", r->first_day, r->last_day);
	printf(", %s account %s%s\n", platform_name(o->platform),
	       r->account_id.buf, r->new_account ? " (new)" : "");
	money_format_currency(&spend, r->spend, r->digits, r->currency);
	money_format_grouped(&impressions, r->impressions, 0);
	money_format_grouped(&clicks, r->clicks, 0);
	printf("  spend %s, %s impressions, %s clicks\n", spend.buf,
	       impressions.buf, clicks.buf);
	strbuf_release(&spend);
	strbuf_release(&impressions);
	strbuf_release(&clicks);
	print_list("columns not used", &r->ignored);
}

/* a store this run created and then wrote nothing to is removed again */
static void remove_new_store(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", ".lock" };
	struct strbuf p = STRBUF_INIT;

	for (size_t i = 0; i < ARRAY_SIZE(suffix); i++) {
		strbuf_reset(&p);
		strbuf_addf(&p, "%s%s", path, suffix[i]);
		remove_regular(p.buf);
	}
	strbuf_release(&p);
}

static int run_import(struct app *app, struct import_args *a)
{
	struct strbuf path = STRBUF_INIT;
	struct import_result r;
	struct store *s = NULL;
	struct diag d;
	bool ats = strcmp(a->kind, "ats") == 0, existed;
	int rc;

	a->o.mapping = app->cfg.import_headers;
	if (!a->o.timezone)
		a->o.timezone = app->cfg.import_timezone;
	if (!ats && !a->o.account_id)
		a->o.account_id = app->cfg.platforms[a->o.platform].account_id;
	if (a->store)
		strbuf_addstr(&path, a->store);
	else
		config_store_path(&app->cfg, &path);
	import_result_init(&r);
	diag_init(&d, a->file);
	existed = access(path.buf, F_OK) == 0;
	rc = store_open(path.buf, STORE_CREATE, &s);
	if (rc == 0)
		rc = ats ? import_ats(s, a->file, &a->o, &r, &d)
			 : import_metrics(s, a->file, &a->o, &r, &d);
	diag_finish(&d);
	if (rc == 0 && r.already)
		printf("%s: already imported (%s); nothing added\n", a->file,
		       r.when.buf);
	else if (rc == 0 && ats)
		print_ats(a->file, &r);
	else if (rc == 0)
		print_metrics(a->file, &a->o, &r);
	else if (d.n_errors)
		fprintf(stderr, "%s: nothing imported\n", a->file);
	store_close(s);
	if (rc && !existed)
		remove_new_store(path.buf);
	import_result_release(&r);
	strbuf_release(&path);
	return rc;
}

int cmd_import(int argc, char **argv, struct app *app)
{
	struct import_args a = { 0 };
	int rc;

	if (argc < 2 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0) {
		fputs(import_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? JM_USAGE : JM_OK;
	}
	a.kind = argv[1];
	if (strcmp(a.kind, "ats") != 0 && strcmp(a.kind, "metrics") != 0) {
		errorf("import: '%s' is not ats or metrics; see 'jobmix import "
		       "-h'",
		       a.kind);
		return JM_USAGE;
	}
	rc = parse_args(argc - 1, argv + 1, &a);
	if (rc || a.help) {
		if (a.help)
			fputs(import_usage, stdout);
		return rc;
	}
	if (strcmp(a.kind, "ats") == 0 && (a.has_platform || a.o.account_id ||
					   a.o.currency || a.o.timezone)) {
		errorf("import ats: --platform, --account, --currency and "
		       "--timezone are for import metrics");
		return JM_USAGE;
	}
	if (strcmp(a.kind, "metrics") == 0 && !a.has_platform) {
		errorf("import metrics: which ad manager made the file? Give "
		       "--platform meta, linkedin or tiktok");
		return JM_USAGE;
	}
	if (a.o.account_id) {
		const char *id =
			config_account_digits(a.o.platform, a.o.account_id);

		if (!id) {
			errorf("import: --account '%s': expected an ad "
			       "account id: digits%s",
			       a.o.account_id,
			       a.o.platform == PLATFORM_META
				       ? ", or act_ and digits"
				       : "");
			return JM_USAGE;
		}
		a.o.account_id = id;
	}
	return run_import(app, &a);
}
