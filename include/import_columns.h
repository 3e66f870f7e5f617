/*
 * import_columns - the canonical columns of the CSV exports that
 * `jobmix import` reads, by name: what the config's [import] section
 * maps and what docs/import.md lists. The aliases of each are
 * import.c's.
 */
#ifndef IMPORT_COLUMNS_H
#define IMPORT_COLUMNS_H

/* the canonical columns; import_column_name() gives their names */
enum import_column {
	/* ATS exports */
	IC_APPLICATION_ID,
	IC_APPLIED_AT,
	IC_JOB_REFERENCE,
	IC_SOURCE,
	IC_STATUS,
	IC_HIRED_AT,
	IC_UTM_SOURCE,
	IC_UTM_MEDIUM,
	IC_UTM_CAMPAIGN,
	IC_UTM_CONTENT,
	IC_UTM_TERM,
	IC_UTM_ID, /* the platform's ad id, filled in at click */
	/* ad-manager exports */
	IC_DAY,
	IC_ACCOUNT_ID,
	IC_CAMPAIGN_ID,
	IC_AD_ID,
	IC_AD_NAME,
	IC_CURRENCY,
	IC_SPEND,
	IC_IMPRESSIONS,
	IC_CLICKS,
	IC_REACH,
	IC_LINK_CLICKS,
	IC_APPLICATIONS,
	IC_LEADS,
	IMPORT_N_COLUMNS
};

/* "applied_at"; the column's name in docs and in [import] */
const char *import_column_name(enum import_column c);
/* the column of that canonical name, or -1 */
int import_column_find(const char *name);

#endif
