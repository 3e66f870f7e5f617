/*
 * import - ATS exports and ad-manager exports (CSV) into the store.
 *
 * import_ats() reads applications and hires (when, job reference,
 * candidate source, status, the UTM fields of the landing link) into
 * ats_event; import_metrics() reads an ad manager's daily export (Meta,
 * LinkedIn, TikTok) into metric_day, each row replacing that ad's
 * figures for its day. Header names are matched case- and
 * order-insensitively against each column's canonical name, its
 * aliases (docs/import.md) and the config's [import] mapping. Columns
 * holding a candidate's name, e-mail address or phone number are
 * recognised and never read.
 *
 * Each file is all or nothing: every row is checked first, each problem
 * reported through the diag as file:line: column 'name': value; one bad
 * row writes nothing. The file's SHA-256 is recorded, so the same file
 * twice adds nothing, and rows carry keys (an application's event_key,
 * a metric's (platform, account, day, ad)), so an overlapping file adds
 * nothing it already added. Functions return 0 or an exit status
 * (enum jm_status) after their message.
 */
#ifndef IMPORT_H
#define IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "campaign.h"
#include "import_columns.h"
#include "strbuf.h"

struct diag;
struct store;

struct import_options {
	/* by enum import_column, the header a file uses; NULL: the aliases */
	char *const *mapping;
	/* import_metrics() only */
	enum platform platform;
	const char *account_id; /* may be NULL: the file's account column */
	const char *currency;   /* may be NULL: the header's, the file's */
	const char *timezone;   /* a new account's time zone; may be NULL */
};

struct import_result {
	bool already;        /* the same file was imported: nothing added */
	struct strbuf when;  /* if already: when it was imported */
	size_t rows;         /* data rows read */
	size_t added, known; /* ATS events added, and those already there */
	size_t applications, hires; /* ATS events in the file */
	struct strvec personal;     /* the columns never read (names, e-mail) */
	struct strvec ignored;      /* the columns no canonical column uses */
	/* import_metrics() */
	size_t days;
	char first_day[11], last_day[11];
	char currency[4];
	int digits;
	struct strbuf account_id;
	bool new_account;
	int64_t spend, impressions, clicks;
};

void import_result_init(struct import_result *r);
void import_result_release(struct import_result *r);

int import_ats(struct store *s, const char *path,
	       const struct import_options *o, struct import_result *r,
	       struct diag *d);
int import_metrics(struct store *s, const char *path,
		   const struct import_options *o, struct import_result *r,
		   struct diag *d);

#endif
