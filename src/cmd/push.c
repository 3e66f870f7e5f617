/*
 * push - create the ad sets and ads of an approved plan and a job feed
 * on Meta, LinkedIn and TikTok (push.h), paused unless --activate;
 * --dry-run prints every request instead and sends nothing. The
 * summary says what was created, updated, left unchanged, skipped and
 * why; the exit status tells a partial failure, an auth or config
 * error and a throttle apart (README.md, "Exit status").
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ads.h"
#include "cmd.h"
#include "feed.h"
#include "fileio.h"
#include "http.h"
#include "planfile.h"
#include "push.h"
#include "store.h"
#include "strbuf.h"
#include "token.h"
#include "wrapper.h"

static const char push_usage[] =
	"usage: jobmix push PLAN --feed FEED [options]\n"
	"\n"
	"  PLAN is a plan written by 'jobmix plan --format json'.\n"
	"  --feed FEED           the job feed (.xml)\n"
	"  --platform P          only meta, linkedin or tiktok\n"
	"  --dry-run             send nothing: print each request as a "
	"JSON line\n"
	"  --activate            create (or set) everything ACTIVE; "
	"default PAUSED\n"
	"  -h, --help            this help\n"
	"\n"
	"The [meta], [linkedin] and [tiktok] sections of the config name "
	"the\n"
	"accounts and the tokens; [store] path the id map "
	"(docs/push.md).\n";

struct push_args {
	const char *plan, *feed;
	bool dry_run, activate, help;
	int only; /* an enum platform, or -1 */
};

enum { OPT_FEED = 256, OPT_PLATFORM, OPT_DRY_RUN, OPT_ACTIVATE };

static int bad_usage(const char *msg)
{
	errorf("push: %s", msg);
	fputs(push_usage, stderr);
	return JM_USAGE;
}

static int parse_args(int argc, char **argv, struct push_args *a)
{
	static const struct option longopts[] = {
		{ "feed", required_argument, NULL, OPT_FEED },
		{ "platform", required_argument, NULL, OPT_PLATFORM },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ "activate", no_argument, NULL, OPT_ACTIVATE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum platform p;
	int opt;

	memset(a, 0, sizeof(*a));
	a->only = -1;
	while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (opt) {
		case OPT_FEED:
			a->feed = optarg;
			break;
		case OPT_PLATFORM:
			if (platform_parse(optarg, &p) < 0 ||
			    p == PLATFORM_OFFLINE) {
				errorf("--platform: expected meta, linkedin or "
				       "tiktok, found '%s'",
				       optarg);
				return JM_USAGE;
			}
			a->only = (int)p;
			break;
		case OPT_DRY_RUN:
			a->dry_run = true;
			break;
		case OPT_ACTIVATE:
			a->activate = true;
			break;
		case 'h':
			fputs(push_usage, stdout);
			a->help = true;
			return JM_OK;
		case ':':
			errorf("push: option '%s' needs a value",
			       argv[optind - 1]);
			return JM_USAGE;
		default:
			errorf("push: unknown option '%s'; see 'jobmix push "
			       "-h'",
			       argv[optind - 1]);
			return JM_USAGE;
		}
	}
	if (optind == argc)
		return bad_usage("no plan file given");
	if (optind + 1 != argc)
		return bad_usage("expected one plan file");
	if (!a->feed)
		return bad_usage("no job feed given (--feed)");
	a->plan = argv[optind];
	return JM_OK;
}

/* the platforms to push to: those of the plan, or --platform's */
static int targets(const struct push_args *a, const struct config *cfg,
		   const struct ad_plan *ap, struct push_options *o,
		   struct strbuf tokens[PLATFORM_OFFLINE])
{
	for (size_t i = 0; i < ap->n_sets; i++) {
		enum platform p = ap->sets[i].platform;
		const struct platform_config *pc;
		struct push_target *t;

		if (p == PLATFORM_OFFLINE ||
		    (a->only >= 0 && (int)p != a->only))
			continue;
		t = &o->targets[p];
		if (t->enabled)
			continue;
		pc = &cfg->platforms[p];
		t->enabled = true;
		t->base_url = config_base_url(cfg, p);
		t->api_version = config_api_version(cfg, p);
		t->account_id = pc->account_id;
		t->identity = pc->identity;
		t->image = pc->image;
		if (!t->account_id)
			return errorf("%s: no ad account: set account_id in "
				      "[%s] of the config",
				      platform_name(p), platform_name(p)),
			       JM_CONFIG;
		if (a->dry_run)
			continue; /* a dry run never reads a token */
		if (token_load(platform_name(p), pc, &tokens[p]) != 0)
			return JM_CONFIG;
		t->token = tokens[p].buf;
	}
	if (a->only >= 0 && !o->targets[a->only].enabled) {
		errorf("push: the plan has no ad set on %s",
		       platform_name((enum platform)a->only));
		return JM_DATAERR;
	}
	return JM_OK;
}

/* the plan's cells on offline channels: nothing to push, said once each */
static void offline_cells(const struct push_args *a, const struct planfile *pf,
			  struct push_summary *sum)
{
	if (a->only >= 0)
		return;
	for (size_t i = 0; i < pf->n_cells; i++) {
		const struct planfile_cell *cell = &pf->cells[i];
		const struct channel *ch = &pf->c.channels[cell->channel];

		if (ch->platform != PLATFORM_OFFLINE)
			continue;
		sum->skipped++;
		strvec_addf(&sum->lines,
			    "offline: skipped '%s / %s': an offline channel "
			    "has no ad platform to push to",
			    pf->c.personas[cell->persona].id, ch->id);
	}
}

static void print_summary(const struct push_args *a, const struct ad_plan *ap,
			  const struct push_summary *sum)
{
	FILE *out = a->dry_run ? stderr : stdout;

	for (size_t i = 0; i < sum->lines.n; i++)
		fprintf(out, "%s\n", sum->lines.item[i]);
	for (size_t i = 0; i < ap->notes.n; i++)
		fprintf(out, "note: %s\n", ap->notes.item[i]);
	fprintf(out,
		"push%s: %d created, %d updated, %d unchanged, %d skipped, %d "
		"failed\n",
		a->dry_run ? " (dry run, nothing sent)" : "", sum->created,
		sum->updated, sum->unchanged, sum->skipped, sum->failed);
}

/* the store, locked against a second push; none in a dry run */
static int open_store(const struct push_args *a, const struct config *cfg,
		      struct store **st, int *lock)
{
	struct strbuf path = STRBUF_INIT;
	int rc;

	config_store_path(cfg, &path);
	if (a->dry_run) {
		/* what the store knows, if there is one; never written */
		if (access(path.buf, F_OK) != 0 ||
		    store_open(path.buf, STORE_EXISTING, st) != 0)
			*st = NULL;
		strbuf_release(&path);
		return JM_OK;
	}
	rc = store_lock(path.buf, lock);
	if (rc == 1)
		errorf("%s: another push or sync holds the store; try again "
		       "when it is done",
		       path.buf);
	if (rc != 0) {
		strbuf_release(&path);
		return rc == 1 ? JM_TEMPFAIL : JM_IOERR;
	}
	rc = store_open(path.buf, STORE_CREATE, st);
	strbuf_release(&path);
	return rc;
}

/*
 * The approved plan into the store (its campaign, the plan and its
 * cells), so that report finds them; ids into cell_ids. 0 or JM_IOERR.
 */
static int record_plan(struct store *st, const struct planfile *pf,
		       int64_t *cell_ids)
{
	const struct campaign *c = &pf->c;
	struct store_plan_cell *cells =
		xcalloc(pf->n_cells + 1, sizeof(*cells));
	struct store_plan p = { c->name,
				c->client,
				c->currency,
				c->start,
				c->end,
				pf->sha256,
				objective_name(pf->objective),
				c->budget,
				NULL,
				cells,
				pf->n_cells };
	struct strbuf body = STRBUF_INIT;
	int rc;

	for (size_t i = 0; i < pf->n_cells; i++) {
		const struct planfile_cell *pc = &pf->cells[i];
		const struct channel *ch = &c->channels[pc->channel];

		cells[i] = (struct store_plan_cell){
			c->personas[pc->persona].id, ch->id,
			platform_name(ch->platform), pc->spend,
			pc->daily == MONEY_NONE ? -1 : pc->daily
		};
	}
	rc = read_file(pf->path, &body);
	if (rc == 0) {
		p.body = body.buf;
		rc = store_plan_record(st, &p, cell_ids);
	} else {
		errorf("%s: cannot read the plan again: %s", pf->path,
		       strerror(errno));
	}
	strbuf_release(&body);
	free(cells);
	return rc ? JM_IOERR : JM_OK;
}

/* the plan cell an ad set serves; SIZE_MAX for a shared ad set */
static size_t cell_of(const struct planfile *pf, const struct ad_set *s)
{
	for (size_t i = 0; i < pf->n_cells; i++)
		if (pf->cells[i].persona == s->persona &&
		    pf->cells[i].channel == s->channel)
			return i;
	return SIZE_MAX;
}

/* tie every ad set and ad pushed to its plan cell, for the report */
static int link_cells(struct store *st, const struct planfile *pf,
		      const struct ad_plan *ap, const int64_t *cell_ids)
{
	int rc = store_begin(st);

	for (size_t k = 0; rc == 0 && k < ap->n_sets; k++) {
		const struct ad_set *s = &ap->sets[k];
		size_t i = cell_of(pf, s);

		if (s->refused || i == SIZE_MAX)
			continue;
		rc = store_object_link_cell(st, "ad_set", s->local_key,
					    cell_ids[i]);
		for (size_t a = 0; rc == 0 && a < s->n_ads; a++)
			rc = store_object_link_cell(
				st, "ad", s->ads[a].local_key, cell_ids[i]);
	}
	if (rc) {
		store_rollback(st);
		return JM_IOERR;
	}
	return store_commit(st) ? JM_IOERR : JM_OK;
}

/* the push's own status, unless it is fine and the store's is not */
static int worse_of(int status, int store_status)
{
	return status == JM_OK ? store_status : status;
}

static int run(const struct push_args *a, struct app *app,
	       const struct planfile *pf, struct ad_plan *ap)
{
	struct push_options o = { 0 };
	struct push_fx *fx = xcalloc(pf->c.n_fx + 1, sizeof(*fx));
	struct push_summary sum = { 0 };
	struct strbuf tokens[PLATFORM_OFFLINE] = { STRBUF_INIT, STRBUF_INIT,
						   STRBUF_INIT };
	struct store *st = NULL;
	int64_t *cell_ids = xcalloc(pf->n_cells + 1, sizeof(*cell_ids));
	int lock = -1, status;

	o.dry_run = a->dry_run;
	o.activate = a->activate;
	status = targets(a, &app->cfg, ap, &o, tokens);
	if (status == JM_OK)
		status = open_store(a, &app->cfg, &st, &lock);
	if (status == JM_OK) {
		o.store = st;
		for (size_t i = 0; i < pf->c.n_fx; i++) {
			fx[i].currency = pf->c.fx[i].currency;
			fx[i].rate = pf->c.fx[i].rate;
		}
		o.fx = fx;
		o.n_fx = pf->c.n_fx;
		if (st && !a->dry_run)
			status = record_plan(st, pf, cell_ids);
	}
	if (status == JM_OK) {
		status = push_run(ap, &o, &sum);
		if (st && !a->dry_run)
			status = worse_of(status,
					  link_cells(st, pf, ap, cell_ids));
		offline_cells(a, pf, &sum);
		print_summary(a, ap, &sum);
	}
	store_close(st);
	if (lock >= 0)
		store_unlock(lock);
	for (int p = 0; p < PLATFORM_OFFLINE; p++)
		strbuf_release(&tokens[p]);
	push_summary_release(&sum);
	free(fx);
	free(cell_ids);
	return status;
}

int cmd_push(int argc, char **argv, struct app *app)
{
	struct push_args a;
	struct planfile pf = { 0 };
	struct feed f = { 0 };
	struct ad_plan ap = { 0 };
	int status;

	status = parse_args(argc, argv, &a);
	if (status || a.help)
		return status;
	if (http_global_init() < 0)
		return JM_SOFTWARE;
	status = ads_load(a.plan, a.feed, &pf, &f, &ap);
	if (status == JM_OK)
		status = run(&a, app, &pf, &ap);
	ad_plan_release(&ap);
	feed_release(&f);
	planfile_release(&pf);
	http_global_cleanup();
	return status;
}
