/*
 * import_columns.c - the canonical column names, in enum import_column
 * order.
 */
#include "import_columns.h"

#include <string.h>

static const char *const names[IMPORT_N_COLUMNS] = {
	[IC_APPLICATION_ID] = "application_id",
	[IC_APPLIED_AT] = "applied_at",
	[IC_JOB_REFERENCE] = "job_reference",
	[IC_SOURCE] = "source",
	[IC_STATUS] = "status",
	[IC_HIRED_AT] = "hired_at",
	[IC_UTM_SOURCE] = "utm_source",
	[IC_UTM_MEDIUM] = "utm_medium",
	[IC_UTM_CAMPAIGN] = "utm_campaign",
	[IC_UTM_CONTENT] = "utm_content",
	[IC_UTM_TERM] = "utm_term",
	[IC_UTM_ID] = "utm_id",
	[IC_DAY] = "day",
	[IC_ACCOUNT_ID] = "account_id",
	[IC_CAMPAIGN_ID] = "campaign_id",
	[IC_AD_ID] = "ad_id",
	[IC_AD_NAME] = "ad_name",
	[IC_CURRENCY] = "currency",
	[IC_SPEND] = "spend",
	[IC_IMPRESSIONS] = "impressions",
	[IC_CLICKS] = "clicks",
	[IC_REACH] = "reach",
	[IC_LINK_CLICKS] = "link_clicks",
	[IC_APPLICATIONS] = "applications",
	[IC_LEADS] = "leads",
};

const char *import_column_name(enum import_column c)
{
	return (unsigned)c < IMPORT_N_COLUMNS ? names[c] : "?";
}

int import_column_find(const char *name)
{
	for (int c = 0; c < IMPORT_N_COLUMNS; c++)
		if (strcmp(name, names[c]) == 0)
			return c;
	return -1;
}
