/*
 * datadir - where jobmix finds its shared data files when the command
 * line does not name them: the working folder, the folder of the file
 * being planned, and the installed data folder (JOBMIX_DATADIR, set
 * by the Makefile from $(DATADIR)).
 */
#ifndef DATADIR_H
#define DATADIR_H

/*
 * The channel catalogue to use: explicit_path if not NULL, else
 * configured (the config's [planner] channels) if not NULL, else
 * audiences/channels.csv, else channels.csv beside audience_path,
 * else the installed default; when none exists,
 * audiences/channels.csv, so the error names the usual place.
 * Returns an owned string the caller frees.
 */
char *datadir_catalogue_path(const char *explicit_path, const char *configured,
			     const char *audience_path);

/*
 * A file of the HTML report's (frame.html, report.css): configured if
 * not NULL, else reports/<name> in the working folder, else the
 * installed reports/<name>; when none exists, reports/<name>. Owned.
 */
char *datadir_report_path(const char *configured, const char *name);

#endif
