/*
 * config - the INI configuration file (config.example.ini documents it).
 *
 * Syntax: "[section]" headers, "key = value" lines, "#" or ";" comment
 * lines, blank lines; values may be double-quoted. Unknown sections or
 * keys, duplicate keys and bad values are errors reported as
 * "file:line: error: ..." and make config_load() return -1. A missing
 * file is an error only when must_exist is set (an explicit --config);
 * otherwise the defaults stand. struct config owns its strings.
 *
 * The file is read with the default input limit (FILEIO_DEFAULT_LIMIT),
 * whatever a config read earlier set: it is the file that sets it.
 * A file that is not text (a NUL byte, a control character, bytes that
 * are not UTF-8) is refused as a whole.
 */
#ifndef CONFIG_H
#define CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "campaign.h"
#include "import_columns.h"

struct diag;
struct strbuf;

/*
 * [meta], [linkedin], [tiktok]: where the platform's API is and whose
 * token to use. The token itself is never in the config: token_env
 * names an environment variable, token_file a file of mode 0600
 * (token.h reads them). NULL: not given (the getters below give the
 * defaults).
 */
struct platform_config {
	char *base_url, *api_version, *account_id; /* owned, may be NULL */
	char *token_env, *token_file;              /* owned, may be NULL */
	int lookback_days; /* days sync pulls again every run; -1 unset */
	char *accounts;    /* more accounts for sync, "1,2,3"; owned, or NULL */
	/*
	 * push: who the ads run as (Meta's page id, LinkedIn's
	 * organization id, TikTok's identity id) and the image they show
	 * (Meta's image hash, LinkedIn's image URN, TikTok's image id);
	 * owned, may be NULL.
	 */
	char *identity, *image;
};

/* [sync] defaults, seconds, and the largest lookback_days */
#define CONFIG_SYNC_TIMEOUT       60
#define CONFIG_SYNC_MAX_WAIT      300
#define CONFIG_SYNC_THROTTLE_WAIT 60
#define CONFIG_SYNC_MAX_RUN_WAIT  1800
#define CONFIG_MAX_LOOKBACK       365
#define CONFIG_MAX_ACCOUNTS       100

#define CONFIG_N_PLATFORMS 3 /* meta, linkedin, tiktok: enum platform */

struct config {
	char *path;               /* owned; the file read, or NULL */
	char *channels_path;      /* [planner] channels; owned, may be NULL */
	bool has_objective;       /* [planner] objective given */
	enum objective objective; /* [planner] objective, if has_objective */
	int segments;             /* [planner] segments, 2..64 */
	double short_term_weight; /* [planner] short_term_weight; -1 unset */
	double mip_gap;           /* [planner] mip_gap, [0,1) */
	int time_limit_s;         /* [planner] time_limit, s; 0 none */
	size_t max_input_bytes;   /* [limits] max_input_bytes */
	/* by enum platform, PLATFORM_META to PLATFORM_TIKTOK */
	struct platform_config platforms[CONFIG_N_PLATFORMS];
	char *store_path; /* [store] path; owned, may be NULL */
	/* [sync]: one request's timeout, the waits of one request in all,
	 * the wait after a throttle that does not say how long; seconds */
	int sync_timeout_s, sync_max_wait_s, sync_throttle_wait_s;
	int sync_max_run_wait_s; /* all waits of one account's run */
	/* [report]: branding and files of the HTML report; owned, may be NULL
	 */
	char *report_agency, *report_client, *report_accent, *report_logo;
	char *report_stylesheet, *report_frame, *report_dir;
	/* [import]: by enum import_column, the header a user's exports use */
	char *import_headers[IMPORT_N_COLUMNS]; /* owned, each may be NULL */
	char *import_timezone; /* [import] timezone; owned, may be NULL */
};

/* the largest [limits] max_input_bytes: 1 TiB */
#define CONFIG_MAX_INPUT_BYTES 1099511627776ULL

/* the defaults: planner.h's PLAN_DEFAULT_*, fileio.h's input limit */
void config_init(struct config *cfg);
int config_load(struct config *cfg, const char *path, bool must_exist,
		struct diag *d);
void config_release(struct config *cfg);

/* the platform's base URL (no trailing '/') and API version, or defaults */
const char *config_base_url(const struct config *cfg, enum platform p);
const char *config_api_version(const struct config *cfg, enum platform p);
/*
 * The store's path: [store] path, else jobmix.db beside the config
 * file in use, else jobmix.db in the working folder.
 */
void config_store_path(const struct config *cfg, struct strbuf *out);

/*
 * An ad account id as the store keeps it, digits: meta's act_ and
 * LinkedIn's urn:li:sponsoredAccount: are dropped. NULL if v is not one.
 */
const char *config_account_digits(enum platform p, const char *v);

/* an IANA time zone name as [import] timezone and --timezone take it */
bool timezone_valid(const char *v);

/*
 * The generic INI reader under config_load(): calls fn for every
 * key/value with its section ("" before any header) and line. fn
 * returns 0 to go on, -1 to count an error (it reports it itself).
 * Returns 0 if the file read cleanly and every fn call returned 0.
 */
int ini_parse(const char *data, struct diag *d,
	      int (*fn)(void *ctx, const char *section, const char *key,
			const char *value, int line, struct diag *d),
	      void *ctx);

#endif
