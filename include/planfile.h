/*
 * planfile - an approved plan read back from its JSON file
 * (docs/plan-json.md): what `jobmix ads` and `jobmix push` work from,
 * so that an approved plan file is all they need besides the job feed.
 *
 * The plan JSON carries the audience's parts that push needs (its
 * "audience" member: the proposition, and per persona its hook,
 * locations, interests, job titles, skills, languages, education, job
 * rules and targeting), so planfile_load() rebuilds them as a struct
 * campaign whose personas compliance.h and jobmatch.h take as they
 * are. Only a feasible plan (status optimal or feasible, with cells)
 * can be loaded; anything else is an error naming the file and the
 * JSON path, with status 65.
 */
#ifndef PLANFILE_H
#define PLANFILE_H

#include <stddef.h>
#include <stdint.h>

#include "campaign.h"

struct diag;

/* one cell of the plan: a persona on a channel with its money */
struct planfile_cell {
	size_t persona, channel; /* indices into plan.c.personas, channels */
	int64_t spend;           /* minor units of the plan's currency */
	int64_t daily;           /* minor units; MONEY_NONE: no daily budget */
};

struct planfile {
	/*
	 * The campaign as the plan has it: name, client, currency, digits,
	 * proposition, budget, start, end, days; the channels of its cells
	 * (id, name, platform, pricing, start, end, days, shared_ad_set);
	 * the personas (id, name, size, locations, interests, job_titles,
	 * skills, languages, education, hook, jobs, targeting). Figures the
	 * plan does not carry (prices, rates) are zero.
	 */
	struct campaign c;
	enum objective objective;
	struct planfile_cell *cells; /* owned; the plan's cells, in order */
	size_t n_cells;
	char sha256[65]; /* of the file's bytes, lower-case hex: its identity */
	char *path;      /* owned; for messages */
};

/* 0, or an exit status after every problem is reported through d */
int planfile_load(const char *path, struct planfile *out, struct diag *d);
/*
 * Added: planfile_load() on len bytes in memory (the fuzz harness);
 * path is kept for messages. 0, or 65 after every problem is reported.
 */
int planfile_parse(const char *text, size_t len, const char *path,
		   struct planfile *out, struct diag *d);
void planfile_release(struct planfile *pf);

#endif
