/*
 * jobmatch - which jobs of a job feed each persona gets, by the
 * persona's "jobs" rules (docs/inputs.md, 1.4 and 8.3).
 *
 * A job is a persona's when any of its rules takes it: a category
 * equal to the job's <category>, a title keyword found anywhere in
 * its <title>, or a reference number equal to its <referencenumber>.
 * Categories and keywords are compared without regard to case for
 * A-Z and the Latin-1 letters (Å, Ä, Ö, Ø, Æ, É, Ü ...); reference
 * numbers exactly. A persona without rules gets no job.
 */
#ifndef JOBMATCH_H
#define JOBMATCH_H

#include <stdbool.h>

struct job;
struct persona;

bool job_for_persona(const struct job *j, const struct persona *p);

/*
 * s in lower case, as a new string the caller frees: A-Z, and the
 * upper-case letters of Latin-1 in UTF-8 (C3 80 to C3 9E but the
 * multiplication sign). The one folding of names jobmix compares:
 * categories and keywords here, cities, titles and skills in push.
 */
char *jobmatch_fold(const char *s);

#endif
