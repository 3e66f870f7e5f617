/*
 * number - strict parsing of decimal numbers from text inputs.
 */
#ifndef NUMBER_H
#define NUMBER_H

#include <stdbool.h>

/*
 * Parse the whole of s as a finite decimal number (strtod syntax, no
 * leading or trailing space, no "nan", "inf" or hex); 0, or -1 if it
 * is not one.
 */
int parse_double(const char *s, double *out);

/* is s one or more ASCII digits and nothing else? */
bool all_digits(const char *s);

#endif
