/* tests/unit/test_plan_format.c - the plan as a table, CSV, Markdown, JSON */
#include "explain.h"
#include "plan_format.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "plan_text.h"
#include "planner.h"
#include "strbuf.h"
#include "wrapper.h"
#include "test.h"

/* two channels, two personas; the first persona's id is a formula */
static void build_campaign(struct campaign *c)
{
	static const char *const channels[] = { "meta_feed", "newspaper" };
	static const char *const personas[] = { "=HYPERLINK(1)", "installers" };

	memset(c, 0, sizeof(*c));
	c->name = xstrdup("Grid | electricians");
	c->client = xstrdup("Elnat AB");
	c->currency = xstrdup("SEK");
	c->digits = 2;
	c->budget = 1500000;
	memcpy(c->start, "2027-01-11", 11);
	memcpy(c->end, "2027-02-21", 11);
	c->days = 42;
	c->objective = OBJ_APPLICATIONS;
	c->channels = xcalloc(ARRAY_SIZE(channels), sizeof(*c->channels));
	c->n_channels = ARRAY_SIZE(channels);
	for (size_t i = 0; i < ARRAY_SIZE(channels); i++) {
		c->channels[i].id = xstrdup(channels[i]);
		c->channels[i].name = xstrdup(channels[i]);
		c->channels[i].currency = xstrdup("SEK");
		c->channels[i].source = xstrdup("test");
		c->channels[i].max_spend = MONEY_NONE;
	}
	c->channels[0].platform = PLATFORM_META;
	c->channels[0].pricing = PRICING_CPM;
	c->channels[1].platform = PLATFORM_OFFLINE;
	c->channels[1].pricing = PRICING_FLAT;
	c->personas = xcalloc(ARRAY_SIZE(personas), sizeof(*c->personas));
	c->n_personas = ARRAY_SIZE(personas);
	for (size_t i = 0; i < ARRAY_SIZE(personas); i++) {
		c->personas[i].id = xstrdup(personas[i]);
		c->personas[i].name = xstrdup(personas[i]);
		c->personas[i].value_per_hire = MONEY_NONE;
		c->personas[i].budget_cap = MONEY_NONE;
	}
	c->personas[1].goal_applications = 3;
}

/* an optimal plan of two cells, both on meta_feed */
static void build_plan(struct plan *p)
{
	memset(p, 0, sizeof(*p));
	p->status = PLAN_OPTIMAL;
	p->objective = OBJ_APPLICATIONS;
	p->objective_unit = "applications";
	p->budget = 1500000;
	p->segments = 8;
	p->objective_value = 6.5;
	p->objective_lp = 6.4;
	p->approx_error = 0.1;
	p->marginal = 0.0025;
	p->n_cols = 18;
	p->least_budget = MONEY_NONE;

	p->cells = xcalloc(2, sizeof(*p->cells));
	p->n_cells = 2;
	p->cells[0].persona = 0;
	p->cells[0].channel = 0;
	p->cells[0].spend = 123450;
	p->cells[0].daily = 2939;
	p->cells[0].impressions = 11988;
	p->cells[0].reach = 150;
	p->cells[0].clicks = 149;
	p->cells[0].applications = 2.5;
	p->cells[0].hires = 0;
	p->cells[0].cost_per_application = 49380;
	p->cells[0].cost_per_hire = MONEY_NONE;
	p->cells[0].paid_clicks = 300;
	p->cells[0].off_target_applications = 12.25;
	p->cells[1].persona = 1;
	p->cells[1].channel = 0;
	p->cells[1].spend = 1376550;
	p->cells[1].daily = 32775;
	p->cells[1].impressions = 100000;
	p->cells[1].reach = 400;
	p->cells[1].clicks = 800;
	p->cells[1].applications = 4;
	p->cells[1].hires = 0.25;
	p->cells[1].cost_per_application = 344138;
	p->cells[1].cost_per_hire = 5506200;
	p->cells[1].at_frequency_cap = true;
	p->cells[1].paid_clicks = 1000.5;
	p->cells[1].off_target_applications = 3.5;

	p->total.spend = 1500000;
	p->total.impressions = 111988;
	p->total.reach = 550;
	p->total.clicks = 949;
	p->total.applications = 6.5;
	p->total.hires = 0.25;
	p->total.cost_per_application = 230769;
	p->total.cost_per_hire = 6000000;
	p->total.paid_clicks = 1300.5;
	p->total.off_target_applications = 15.75;
	p->total.total_cost = 1500000;

	p->persona_totals = xcalloc(2, sizeof(*p->persona_totals));
	p->persona_totals[0].spend = 123450;
	p->persona_totals[0].reach = 150;
	p->persona_totals[0].reach_sum = 150;
	p->persona_totals[0].applications = 2.5;
	p->persona_totals[0].cost_per_application = 49380;
	p->persona_totals[0].cost_per_hire = MONEY_NONE;
	p->persona_totals[1].spend = 1376550;
	p->persona_totals[1].reach = 400;
	p->persona_totals[1].reach_sum = 400;
	p->persona_totals[1].applications = 4;
	p->persona_totals[1].hires = 0.25;
	p->persona_totals[1].cost_per_application = 344138;
	p->channel_totals = xcalloc(2, sizeof(*p->channel_totals));
	p->channel_totals[0] = p->total;
	p->channel_totals[1].cost_per_application = MONEY_NONE;

	p->bindings = xcalloc(1, sizeof(*p->bindings));
	p->n_bindings = 1;
	p->bindings[0].kind = BIND_BUDGET;
	p->bindings[0].name = xstrdup("budget");
	p->bindings[0].text = xstrdup("the budget of 15 000.00 SEK binds");
	p->bindings[0].dual = 0.0025;
	p->bindings[0].cost = NAN;

	p->notes = xcalloc(1, sizeof(*p->notes));
	p->n_notes = 1;
	p->notes[0] = xstrdup("newspaper gets nothing: too dear");
}

/* the plan made infeasible, with one reason */
static void make_infeasible(struct plan *p, int64_t least_budget)
{
	p->status = PLAN_INFEASIBLE;
	p->reasons = xcalloc(1, sizeof(*p->reasons));
	p->n_reasons = 1;
	p->reasons[0] = xstrdup("installers needs 3 applications; at most "
				"2.1 are possible");
	p->least_budget = least_budget;
	free(p->cells);
	p->cells = NULL;
	p->n_cells = 0;
}

/* the output of one writer, in a string the caller frees */
static char *write_plan(enum plan_format f, const struct campaign *c,
			const struct plan *p)
{
	struct strbuf sb = STRBUF_INIT;

	plan_write(&sb, f, c, p);
	return strbuf_detach(&sb);
}

/* line n (from 0) of text, in a string the caller frees */
static char *line_of(const char *text, int n)
{
	const char *end;

	for (; n > 0 && text; n--) {
		text = strchr(text, '\n');
		text = text ? text + 1 : NULL;
	}
	if (!text)
		return xstrdup("");
	end = strchr(text, '\n');
	return end ? xstrndup(text, (size_t)(end - text)) : xstrdup(text);
}

static void parses_format_names(void)
{
	enum plan_format f = FORMAT_JSON;

	CHECK(plan_format_parse("table", &f) == 0 && f == FORMAT_TABLE);
	CHECK(plan_format_parse("json", &f) == 0 && f == FORMAT_JSON);
	CHECK(plan_format_parse("csv", &f) == 0 && f == FORMAT_CSV);
	CHECK(plan_format_parse("md", &f) == 0 && f == FORMAT_MD);
	f = FORMAT_TABLE;
	CHECK(plan_format_parse("markdown", &f) == 0 && f == FORMAT_MD);
	CHECK(plan_format_parse("JSON", &f) == -1);
	CHECK(plan_format_parse("tsv", &f) == -1);
	CHECK(plan_format_parse("", &f) == -1);
	CHECK(f == FORMAT_MD);
}

static void writes_csv_with_a_fixed_header_and_crlf(void)
{
	struct campaign c;
	struct plan p;
	char *out, *line;

	build_campaign(&c);
	build_plan(&p);
	out = write_plan(FORMAT_CSV, &c, &p);
	line = line_of(out, 0);
	CHECK_STR(line, "persona,channel,platform,spend,daily_budget,"
			"impressions,reach,clicks,applications,hires,"
			"cost_per_application,cost_per_hire,currency,"
			"shared_by,paid_clicks,off_target_applications,"
			"screening_cost,content_cost,expected_payout,"
			"section,budget,marginal_per_1000,step\r");
	free(line);
	/* every line ends in CRLF: no bare LF anywhere */
	for (const char *q = strchr(out, '\n'); q; q = strchr(q + 1, '\n'))
		if (!CHECK(q > out && q[-1] == '\r'))
			break;
	CHECK(strlen(out) > 2 && strcmp(out + strlen(out) - 2, "\r\n") == 0);
	line = line_of(out, 1);
	CHECK_STR(line, "'=HYPERLINK(1),meta_feed,meta,1234.50,29.39,"
			"11988.00,150.00,149.00,2.5000,0.0000,493.80,,SEK,,"
			"300.00,12.2500,0.00,0.00,,plan,15000.00,,\r");
	free(line);
	line = line_of(out, 2);
	CHECK_STR(line, "installers,meta_feed,meta,13765.50,327.75,"
			"100000.00,400.00,800.00,4.0000,0.2500,3441.38,"
			"55062.00,SEK,,1000.50,3.5000,0.00,0.00,,plan,"
			"15000.00,,\r");
	free(line);
	line = line_of(out, 3);
	CHECK_STR(line, "total,,,15000.00,,111988.00,550.00,949.00,6.5000,"
			"0.2500,2307.69,60000.00,SEK,,1300.50,15.7500,0.00,"
			"0.00,,plan,15000.00,,\r");
	free(line);
	line = line_of(out, 4);
	CHECK_STR(line, "");
	free(line);
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

static void writes_only_the_csv_header_for_an_infeasible_plan(void)
{
	struct campaign c;
	struct plan p;
	char *out;

	build_campaign(&c);
	build_plan(&p);
	make_infeasible(&p, MONEY_NONE);
	out = write_plan(FORMAT_CSV, &c, &p);
	CHECK_STR(out, "persona,channel,platform,spend,daily_budget,"
		       "impressions,reach,clicks,applications,hires,"
		       "cost_per_application,cost_per_hire,currency,"
		       "shared_by,paid_clicks,off_target_applications,"
		       "screening_cost,content_cost,expected_payout,"
		       "section,budget,marginal_per_1000,step\r\n");
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

/* is v a JSON number holding exactly the integer want? */
static int is_int(const cJSON *v, double want)
{
	return cJSON_IsNumber(v) && v->valuedouble == want &&
	       floor(v->valuedouble) == v->valuedouble;
}

static void writes_json_that_reads_back(void)
{
	struct campaign c;
	struct plan p;
	char *out;
	cJSON *root;
	const cJSON *cells, *cell, *b;

	build_campaign(&c);
	build_plan(&p);
	out = write_plan(FORMAT_JSON, &c, &p);
	CHECK(strlen(out) > 0 && out[strlen(out) - 1] == '\n');
	root = cJSON_Parse(out);
	CHECK(root != NULL);
	if (!root) {
		free(out);
		plan_release(&p);
		campaign_release(&c);
		return;
	}
	CHECK(is_int(get(root, "jobmix_plan"), 1));
	CHECK_STR(cJSON_GetStringValue(get(get(root, "campaign"), "name")),
		  "Grid | electricians");
	CHECK_STR(cJSON_GetStringValue(get(get(root, "campaign"), "client")),
		  "Elnat AB");
	CHECK(is_int(get(get(root, "campaign"), "days"), 42));
	CHECK_STR(cJSON_GetStringValue(get(root, "currency")), "SEK");
	CHECK(is_int(get(root, "minor_digits"), 2));
	CHECK(is_int(get(root, "budget"), 1500000));
	CHECK_STR(cJSON_GetStringValue(get(root, "objective")), "applications");
	CHECK_STR(cJSON_GetStringValue(get(root, "status")), "optimal");
	CHECK(get(root, "infeasible") == NULL);
	CHECK(get(root, "blend") == NULL);
	CHECK(get(root, "frontier") == NULL);
	CHECK(is_int(get(get(root, "totals"), "spend"), 1500000));
	CHECK(is_int(get(get(root, "totals"), "cost_per_hire"), 6000000));
	CHECK(is_int(get(get(root, "marginal"), "per"), 100000));
	CHECK_NEAR(
		cJSON_GetNumberValue(get(get(root, "marginal"), "objective")),
		2.5, 1e-12);
	CHECK_STR(cJSON_GetStringValue(get(get(root, "marginal"), "text")),
		  "one more 1 000.00 SEK buys about 2.5 applications");

	cells = get(root, "cells");
	CHECK_I64(cJSON_GetArraySize(cells), 2);
	cell = cJSON_GetArrayItem(cells, 0);
	CHECK_STR(cJSON_GetStringValue(get(cell, "persona")), "=HYPERLINK(1)");
	CHECK_STR(cJSON_GetStringValue(get(cell, "channel")), "meta_feed");
	CHECK_STR(cJSON_GetStringValue(get(cell, "platform")), "meta");
	CHECK_STR(cJSON_GetStringValue(get(cell, "pricing")), "cpm");
	CHECK(is_int(get(cell, "spend"), 123450));
	CHECK(is_int(get(cell, "daily_budget"), 2939));
	CHECK(is_int(get(cell, "cost_per_application"), 49380));
	CHECK(cJSON_IsNull(get(cell, "cost_per_hire")));
	CHECK(cJSON_IsFalse(get(cell, "at_frequency_cap")));
	CHECK_NEAR(cJSON_GetNumberValue(get(cell, "applications")), 2.5, 0);
	cell = cJSON_GetArrayItem(cells, 1);
	CHECK(cJSON_IsTrue(get(cell, "at_frequency_cap")));
	CHECK(is_int(get(cell, "cost_per_hire"), 5506200));

	/* personas all, channels only those with spend */
	CHECK_I64(cJSON_GetArraySize(get(root, "personas")), 2);
	CHECK(cJSON_IsNull(get(cJSON_GetArrayItem(get(root, "personas"), 0),
			       "cost_per_hire")));
	CHECK(is_int(get(cJSON_GetArrayItem(get(root, "personas"), 1),
			 "goal_applications"),
		     3));
	CHECK(get(cJSON_GetArrayItem(get(root, "personas"), 0),
		  "goal_applications") == NULL);
	CHECK_I64(cJSON_GetArraySize(get(root, "channels")), 1);
	CHECK_NEAR(cJSON_GetNumberValue(
			   get(cJSON_GetArrayItem(get(root, "channels"), 0),
			       "share_of_spend")),
		   1, 0);

	CHECK_I64(cJSON_GetArraySize(get(root, "binding")), 1);
	b = cJSON_GetArrayItem(get(root, "binding"), 0);
	CHECK_STR(cJSON_GetStringValue(get(b, "kind")), "budget");
	CHECK_STR(cJSON_GetStringValue(get(b, "name")), "budget");
	CHECK_STR(cJSON_GetStringValue(get(b, "text")),
		  "the budget of 15 000.00 SEK binds");
	CHECK_NEAR(cJSON_GetNumberValue(get(b, "dual")), 0.0025, 1e-12);
	CHECK(cJSON_IsNull(get(b, "cost")));
	CHECK_I64(cJSON_GetArraySize(get(root, "notes")), 1);
	CHECK_STR(
		cJSON_GetStringValue(cJSON_GetArrayItem(get(root, "notes"), 0)),
		"newspaper gets nothing: too dear");
	cJSON_Delete(root);
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

static void writes_json_for_an_infeasible_plan(void)
{
	struct campaign c;
	struct plan p;
	char *out;
	cJSON *root;
	const cJSON *inf;

	build_campaign(&c);
	build_plan(&p);
	make_infeasible(&p, 2500000);
	out = write_plan(FORMAT_JSON, &c, &p);
	root = cJSON_Parse(out);
	CHECK(root != NULL);
	CHECK_STR(cJSON_GetStringValue(get(root, "status")), "infeasible");
	inf = get(root, "infeasible");
	CHECK_I64(cJSON_GetArraySize(get(inf, "reasons")), 1);
	CHECK_STR(cJSON_GetStringValue(
			  cJSON_GetArrayItem(get(inf, "reasons"), 0)),
		  "installers needs 3 applications; at most 2.1 are possible");
	CHECK(is_int(get(inf, "least_budget"), 2500000));
	CHECK(get(root, "totals") == NULL);
	CHECK(get(root, "marginal") == NULL);
	CHECK_I64(cJSON_GetArraySize(get(root, "cells")), 0);
	cJSON_Delete(root);
	free(out);

	p.least_budget = MONEY_NONE;
	out = write_plan(FORMAT_JSON, &c, &p);
	root = cJSON_Parse(out);
	CHECK(cJSON_IsNull(get(get(root, "infeasible"), "least_budget")));
	cJSON_Delete(root);
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

static void writes_markdown_with_escaped_cells(void)
{
	struct campaign c;
	struct plan p;
	char *out;

	build_campaign(&c);
	build_plan(&p);
	out = write_plan(FORMAT_MD, &c, &p);
	CHECK_HAS(out, "# Plan: Grid \\| electricians\n");
	CHECK_HAS(out, "Client: Elnat AB  \n");
	CHECK_HAS(out, "Period: 2027-01-11 to 2027-02-21 (42 days)  \n");
	CHECK_HAS(out, "Budget: 15 000.00 SEK\n\nObjective: applications. "
		       "Spend 15 000.00 SEK for 6.5 applications and 0.25 "
		       "hires.\n");
	CHECK_HAS(out, "\n## By channel\n\n| channel | spend (SEK) | daily "
		       "(SEK) | applications | hires | cost per application "
		       "| paid clicks | off-target applications |\n"
		       "|---|--:|--:|--:|--:|--:|--:|--:|\n"
		       "| meta\\_feed | 15 000 | 357 | 6.5 | 0.25 | 2 308 | "
		       "1 301 | 15.8 |\n"
		       "| **total** | 15 000 | 357 | 6.5 | 0.25 | 2 308 | "
		       "1 301 | 15.8 |\n");
	CHECK_HAS(out, "| people reached | goal |\n"
		       "|---|--:|--:|--:|--:|--:|--:|---|\n"
		       "| =HYPERLINK(1) | 1 235 | 29 | 2.5 | 0.00 | 494 | 150 "
		       "|  |\n"
		       "| installers | 13 766 | 328 | 4.0 | 0.25 | 3 441 | 400 "
		       "| 3 applications: met, 4.0 expected |\n");
	CHECK_HAS(
		out,
		"| **total** | 15 000 | 357 | 6.5 | 0.25 | 2 308 | 550 |  |\n\n"
		"People reached count each person once, however many "
		"channels reach them.\n");
	CHECK_HAS(out, "\n## Cells\n\n| persona | channel | spend (SEK) |");
	CHECK_HAS(out, "| =HYPERLINK(1) | meta\\_feed | 1 235 | 29 | 11 988 "
		       "| 150 | 149 | 2.5 | 0.00 | 494 | - |\n");
	CHECK_HAS(out, "| installers | meta\\_feed (at cap) | 13 766 |");
	CHECK_HAS(out, "| **total** | | 15 000 | | 111 988 | 550 | 949 | 6.5 "
		       "| 0.25 | 2 308 | 60 000 |\n");
	CHECK_HAS(out, "**Marginal value of budget:** one more 1 000.00 SEK "
		       "buys about 2.5 applications.\n");
	CHECK_HAS(out, "## Binding constraints\n\n- the budget of 15 000.00 "
		       "SEK binds\n");
	CHECK_HAS(out, "## Notes\n\n- newspaper gets nothing: too dear\n");
	free(out);

	/* a client's line breaks and markup would break the page */
	free(c.client);
	c.client = xstrdup("A*B\n[x]");
	out = write_plan(FORMAT_MD, &c, &p);
	CHECK_HAS(out, "Client: A\\*B \\[x\\]  \n");
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

static void writes_markdown_for_an_infeasible_plan(void)
{
	struct campaign c;
	struct plan p;
	char *out;

	build_campaign(&c);
	build_plan(&p);
	make_infeasible(&p, 2500000);
	out = write_plan(FORMAT_MD, &c, &p);
	CHECK_HAS(out, "\nObjective: applications: infeasible.\n");
	CHECK_HAS(out, "\nNo plan meets the goals:\n- installers needs 3 "
		       "applications; at most 2.1 are possible\n"
		       "Least budget that meets every goal: 25 000.00 SEK\n");
	CHECK(strstr(out, "| persona |") == NULL);
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

static void writes_a_table_for_the_terminal(void)
{
	struct campaign c;
	struct plan p;
	char *out, *line;

	build_campaign(&c);
	build_plan(&p);
	out = write_plan(FORMAT_TABLE, &c, &p);
	/* the header fits one line here; see puts_the_answer_first */
	line = line_of(out, 0);
	CHECK_STR(line, "Plan: Grid | electricians for Elnat AB, 2027-01-11 to "
			"2027-02-21 (42 days), budget 15 000.00 SEK");
	free(line);
	line = line_of(out, 1);
	CHECK_STR(line, "Objective: applications. Spend 15 000.00 SEK for 6.5 "
			"applications and 0.25 hires.");
	free(line);
	/* per channel: only channels with money, and the total */
	CHECK_HAS(out,
		  "\nchannel    spend SEK  daily SEK  apps  hires  "
		  "cost/app  paid clicks  off-target apps\n"
		  "meta_feed     15 000        357   6.5   0.25     2 308  "
		  "      1 301             15.8\n"
		  "total         15 000        357   6.5   0.25     2 308  "
		  "      1 301             15.8\n");
	CHECK(strstr(out, "\nnewspaper ") == NULL);
	/* per persona, with the goal of the one that has one */
	CHECK_HAS(out, "\npersona        spend SEK  daily SEK  apps  hires  "
		       "cost/app  reach  goal\n"
		       "=HYPERLINK(1)      1 235         29   2.5   0.00       "
		       "494    150\n"
		       "installers        13 766        328   4.0   0.25     "
		       "3 441    400  3 applications: met, 4.0 expected\n");
	CHECK_HAS(out, "total             15 000        357   6.5   0.25     "
		       "2 308    550\n"
		       "(reach: people reached, each counted once however many "
		       "channels reach them)\n");
	/* the cells, a persona's under its name */
	CHECK_HAS(out,
		  "\npersona / channel  spend SEK  daily  impressions  "
		  "reach  clicks  apps  hires    CPA     CPH\n"
		  "=HYPERLINK(1)\n"
		  "  meta_feed            1 235     29       11 988    150  "
		  "   149   2.5   0.00    494       -\n"
		  "installers\n"
		  "  meta_feed*          13 766    328      100 000    400  "
		  "   800   4.0   0.25  3 441  55 062\n"
		  "total                 15 000             111 988    550  "
		  "   949   6.5   0.25  2 308  60 000\n");
	CHECK_HAS(out,
		  "\n(* at its frequency cap; a cell's reach is its "
		  "channel's, the total counts each person once; clicks\n"
		  " are the persona's, apps the qualified applications)\n");
	CHECK_HAS(out, "\nMarginal value of budget: one more 1 000.00 SEK buys "
		       "about 2.5 applications\n");
	CHECK_HAS(out, "\nBinding constraints:\n  - the budget of 15 000.00 "
		       "SEK binds\n");
	CHECK_HAS(out, "\nNotes:\n  - newspaper gets nothing: too dear\n");
	CHECK(strstr(out, "No plan meets the goals") == NULL);
	CHECK(strstr(out, "Budget frontier") == NULL);
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

/* the order of the first screen: what it buys, then the detail */
static void puts_the_answer_first(void)
{
	struct campaign c;
	struct plan p;
	char *out;
	const char *order[] = { "\nObjective: ",
				"\nchannel ",
				"\npersona ",
				"\nMarginal value",
				"\npersona / channel ",
				"\nBinding constraints:",
				"\nNotes:" };
	const char *last;

	build_campaign(&c);
	build_plan(&p);
	/* a name too long for one line with the dates: two lines */
	free(c.name);
	c.name = xstrdup("Grid electricians, Umeå, winter 2027, with a name "
			 "as long as a client's brief");
	out = write_plan(FORMAT_TABLE, &c, &p);
	CHECK_HAS(out, "Plan: Grid electricians, Umeå, winter 2027, with a "
		       "name as long as a client's brief for Elnat AB\n"
		       "2027-01-11 to 2027-02-21 (42 days), budget 15 000.00 "
		       "SEK\n");
	last = out;
	for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
		const char *at = strstr(out, order[i]);

		CHECK(at != NULL && at >= last);
		last = at ? at : last;
	}
	free(out);
	/* a goal not met, and a campaign goal on the total */
	p.persona_totals[1].applications = 2.96;
	c.goal_hires = 0.2;
	out = write_plan(FORMAT_TABLE, &c, &p);
	CHECK_HAS(out, "  3 applications: not met, 2.9 of 3 expected\n");
	CHECK_HAS(out, "  0.2 hires: met, 0.25 expected\n");
	free(out);
	out = write_plan(FORMAT_MD, &c, &p);
	CHECK_HAS(out, "| 3 applications: not met, 2.9 of 3 expected |\n");
	CHECK_HAS(out, "| 0.2 hires: met, 0.25 expected |\n");
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

/* the solver's side of the plan is said at -v only, and then in full */
static void says_what_the_solver_did_at_verbose_only(void)
{
	struct campaign c;
	struct plan p;
	char *out;

	build_campaign(&c);
	build_plan(&p);
	p.is_mip = true;
	p.n_binaries = 2;
	p.n_rows = 7;
	p.n_nonzeros = 40;
	p.objective_value = 1774742.75;
	p.objective_lp = 1774742.76;
	p.approx_error = -0.01;
	for (int f = 0; f < 2; f++) {
		enum plan_format fmt = f ? FORMAT_MD : FORMAT_TABLE;

		out = write_plan(fmt, &c, &p);
		CHECK(strstr(out, "MIP") == NULL);
		CHECK(strstr(out, "columns") == NULL);
		CHECK(strstr(out, "segments") == NULL);
		CHECK(strstr(out, "pproximation") == NULL);
		CHECK(strstr(out, " ms") == NULL);
		free(out);
	}
	verbosity = 1;
	out = write_plan(FORMAT_TABLE, &c, &p);
	CHECK_HAS(out, "\nSolver: optimal MIP with 18 columns (2 binary), 7 "
		       "rows and 40 nonzeros; 8 segments per cell\n");
	/* wrapped at 100 columns; no exponent in the relative error */
	CHECK_HAS(out, "\nApproximation: the exact curves give 1 774 743 "
		       "applications against the LP's 1 774 743 applications\n"
		       "  (-0.000000563 %)\n");
	CHECK_HAS(out, "Time: build ");
	free(out);
	out = write_plan(FORMAT_MD, &c, &p);
	CHECK_HAS(out, "\n## Solver\n\noptimal MIP with 18 columns (2 "
		       "binary), 7 rows and 40 nonzeros; 8 segments per cell.");
	free(out);
	verbosity = 0;
	plan_release(&p);
	campaign_release(&c);
}

static void tells_why_there_is_no_table_for_an_infeasible_plan(void)
{
	struct campaign c;
	struct plan p;
	char *out;

	build_campaign(&c);
	build_plan(&p);
	make_infeasible(&p, 2500000);
	out = write_plan(FORMAT_TABLE, &c, &p);
	CHECK_HAS(out, "\nObjective: applications: infeasible.\n");
	CHECK_HAS(out, "\nNo plan meets the goals:\n  - installers needs 3 "
		       "applications; at most 2.1 are possible\n");
	CHECK_HAS(out, "Least budget that meets every goal: 25 000.00 SEK\n");
	CHECK(strstr(out, "persona ") == NULL);
	CHECK(strstr(out, "Marginal value") == NULL);
	free(out);

	p.least_budget = MONEY_NONE;
	out = write_plan(FORMAT_TABLE, &c, &p);
	CHECK_HAS(out, "No plan meets the goals");
	CHECK(strstr(out, "Least budget") == NULL);
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

static void writes_the_budget_frontier(void)
{
	struct campaign c;
	struct plan p;
	char *out;
	cJSON *root;
	const cJSON *f;

	build_campaign(&c);
	build_plan(&p);
	p.frontier = xcalloc(2, sizeof(*p.frontier));
	p.n_frontier = 2;
	p.frontier[0].budget = 500000;
	p.frontier[0].feasible = false;
	p.frontier[1].budget = 1500000;
	p.frontier[1].spend = 1500000;
	p.frontier[1].feasible = true;
	p.frontier[1].objective = 6.4;
	p.frontier[1].applications = 6.5;
	p.frontier[1].hires = 0.25;
	p.frontier[1].marginal = 2.5;
	p.frontier_spend = xcalloc(4, sizeof(*p.frontier_spend));
	p.frontier_spend[2] = 1200000;
	p.frontier_spend[3] = 300000;
	out = write_plan(FORMAT_TABLE, &c, &p);
	CHECK_HAS(out,
		  "\nBudget frontier (applications):\n"
		  "budget SEK       spend  objective  apps  hires  "
		  "marginal/1000\n"
		  "     5 000  infeasible\n"
		  "    15 000      15 000        6.4  6.50  0.250          "
		  "  2.5\n");
	/* the spend per channel: channels with money at some point only */
	CHECK_HAS(out, "\nSpend per channel at each budget:\n"
		       "budget SEK  5 000  15 000\n"
		       "meta_feed       -  12 000\n"
		       "newspaper       -   3 000\n");
	free(out);
	out = write_plan(FORMAT_MD, &c, &p);
	CHECK_HAS(out,
		  "\n## Budget frontier\n\n| budget (SEK) | spend | "
		  "objective (applications) | applications | hires | "
		  "marginal per 1 000 | meta\\_feed | newspaper |\n"
		  "|--:|--:|--:|--:|--:|--:|--:|--:|\n"
		  "| 5 000 | infeasible |\n"
		  "| 15 000 | 15 000 | 6.4 | 6.50 | 0.250 | 2.5 | 12 000 | "
		  "3 000 |\n");
	free(out);
	/* no spend per channel (a plan from elsewhere): no such table */
	free(p.frontier_spend);
	p.frontier_spend = NULL;
	out = write_plan(FORMAT_TABLE, &c, &p);
	CHECK(strstr(out, "Spend per channel") == NULL);
	free(out);

	out = write_plan(FORMAT_JSON, &c, &p);
	root = cJSON_Parse(out);
	f = get(root, "frontier");
	CHECK_I64(cJSON_GetArraySize(f), 2);
	CHECK(is_int(get(cJSON_GetArrayItem(f, 0), "budget"), 500000));
	CHECK(cJSON_IsFalse(get(cJSON_GetArrayItem(f, 0), "feasible")));
	CHECK(get(cJSON_GetArrayItem(f, 0), "spend") == NULL);
	CHECK(is_int(get(cJSON_GetArrayItem(f, 1), "spend"), 1500000));
	CHECK_NEAR(cJSON_GetNumberValue(
			   get(cJSON_GetArrayItem(f, 1), "marginal_per_1000")),
		   2.5, 0);
	cJSON_Delete(root);
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

/* explain_marginal for objective o and marginal m, digits from c */
static char *marginal(struct campaign *c, enum objective o, double m)
{
	struct plan p;
	struct strbuf sb = STRBUF_INIT;

	memset(&p, 0, sizeof(p));
	p.objective = o;
	p.objective_unit = objective_unit(o, c);
	p.marginal = m;
	explain_marginal(&sb, c, &p);
	return strbuf_detach(&sb);
}

#define CHECK_MARGINAL(c, o, m, want)                \
	do {                                         \
		char *got_text_ = marginal(c, o, m); \
		CHECK_STR(got_text_, want);          \
		free(got_text_);                     \
	} while (0)

static void tells_the_marginal_value_of_budget_in_words(void)
{
	struct campaign c;

	build_campaign(&c);
	CHECK_MARGINAL(&c, OBJ_APPLICATIONS, 0.0025,
		       "one more 1 000.00 SEK buys about 2.5 applications");
	CHECK_MARGINAL(&c, OBJ_APPLICATIONS, 0.0000723,
		       "one more 1 000.00 SEK buys about 0.0723 applications");
	CHECK_MARGINAL(&c, OBJ_HIRES, 0.000123456,
		       "one more 1 000.00 SEK buys about 0.123 hires");
	CHECK_MARGINAL(&c, OBJ_REACH, 0.4567,
		       "one more 1 000.00 SEK reaches about 457 more people");
	CHECK_MARGINAL(&c, OBJ_VALUE, 0.8,
		       "one more 1 000.00 SEK adds about 800.00 SEK of value "
		       "(hires' worth less spend)");
	CHECK_MARGINAL(&c, OBJ_BLEND, 0.00012346,
		       "one more 1 000.00 SEK adds about 0.1235 blend points");
	/* a min-cost dual is negative: more budget lowers the cost */
	CHECK_MARGINAL(&c, OBJ_MIN_COST, -0.25,
		       "one more 1 000.00 SEK of budget would save about "
		       "250.00 SEK");

	/* a currency without minor units */
	free(c.currency);
	c.currency = xstrdup("ISK");
	c.digits = 0;
	CHECK_MARGINAL(&c, OBJ_APPLICATIONS, 0.0025,
		       "one more 1 000 ISK buys about 2.5 applications");
	CHECK_MARGINAL(&c, OBJ_VALUE, 0.8,
		       "one more 1 000 ISK adds about 800 ISK of value (hires' "
		       "worth less spend)");
	campaign_release(&c);
}

static void says_when_more_budget_would_not_help(void)
{
	struct campaign c;

	build_campaign(&c);
	CHECK_MARGINAL(&c, OBJ_APPLICATIONS, 0,
		       "more budget would not improve the plan: the budget "
		       "does not bind");
	CHECK_MARGINAL(&c, OBJ_MIN_COST, -1e-15,
		       "more budget would not improve the plan: the budget "
		       "does not bind");
	campaign_release(&c);
}

/*
 * BUG (fixed): the header was wider than the rows, and a '*' widened
 * its row. The cells' rows and the header end in the same column.
 */
static void table_lines_up_its_columns(void)
{
	struct campaign c;
	struct plan p;
	char *out, *header;
	const char *body;

	build_campaign(&c);
	build_plan(&p);
	out = write_plan(FORMAT_TABLE, &c, &p);
	body = strstr(out, "\npersona / channel ");
	CHECK(body != NULL);
	header = line_of(body + 1, 0);
	/* rows 2 and 4 are cells (1 and 3 persona names), 5 the total */
	for (int i = 2; body && i <= 5; i += 1 + (i == 2)) {
		char *row = line_of(body + 1, i);

		CHECK_I64(strlen(row), strlen(header));
		free(row);
	}
	free(header);
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

/* a MIP stopped by its time limit says so in the table and Markdown */
static void says_when_the_time_limit_stopped_the_solver(void)
{
	struct campaign c;
	struct plan p;
	char *out, *line;

	build_campaign(&c);
	build_plan(&p);
	p.status = PLAN_FEASIBLE;
	p.is_mip = true;
	p.n_binaries = 2;
	out = write_plan(FORMAT_TABLE, &c, &p);
	line = line_of(out, 1);
	/* wrapped at 100 columns, and never inside an amount */
	CHECK_STR(line, "Objective: applications, stopped at the time limit: "
			"the best plan found, not proven optimal. Spend");
	free(line);
	line = line_of(out, 2);
	CHECK_STR(line, "  15 000.00 SEK for 6.5 applications and 0.25 hires.");
	free(line);
	free(out);
	out = write_plan(FORMAT_MD, &c, &p);
	CHECK_HAS(out, "\nObjective: applications, stopped at the time limit: "
		       "the best plan found, not proven optimal. Spend");
	free(out);
	plan_release(&p);
	campaign_release(&c);
}

/* the text pieces append to what is there; none keeps a buffer */
static void text_pieces_append(void)
{
	struct campaign c = { 0 };
	struct strbuf sb = STRBUF_INIT;

	c.digits = 2;
	c.currency = (char *)"SEK";
	strbuf_addstr(&sb, "a:");
	plan_text_whole(&sb, &c, 1234550);
	strbuf_addstr(&sb, " b:");
	plan_text_whole(&sb, &c, -1234550);
	strbuf_addstr(&sb, " c:");
	plan_text_whole(&sb, &c, 1234549);
	strbuf_addstr(&sb, " d:");
	plan_text_whole(&sb, &c, MONEY_NONE);
	strbuf_addstr(&sb, " e:");
	plan_text_amount(&sb, &c, 150050);
	strbuf_addstr(&sb, " f:");
	plan_text_num(&sb, 11987.5, 0);
	strbuf_addstr(&sb, " g:");
	plan_text_num(&sb, 2.345, 1);
	CHECK_STR(sb.buf, "a:12 346 b:-12 346 c:12 345 d:- e:1 500.50 SEK "
			  "f:11 988 g:2.3");
	strbuf_reset(&sb);
	plan_text_pad(&sb, "Umeå", 6, 1);
	plan_text_pad(&sb, "x", 3, 0);
	plan_text_pad(&sb, "toolong", 3, 1);
	CHECK_STR(sb.buf, "  Umeåx  toolong");
	strbuf_release(&sb);
}

int main(void)
{
	parses_format_names();
	writes_csv_with_a_fixed_header_and_crlf();
	writes_only_the_csv_header_for_an_infeasible_plan();
	writes_json_that_reads_back();
	writes_json_for_an_infeasible_plan();
	writes_markdown_with_escaped_cells();
	writes_markdown_for_an_infeasible_plan();
	writes_a_table_for_the_terminal();
	puts_the_answer_first();
	says_what_the_solver_did_at_verbose_only();
	tells_why_there_is_no_table_for_an_infeasible_plan();
	writes_the_budget_frontier();
	tells_the_marginal_value_of_budget_in_words();
	says_when_more_budget_would_not_help();
	table_lines_up_its_columns();
	says_when_the_time_limit_stopped_the_solver();
	text_pieces_append();
	return test_done();
}
