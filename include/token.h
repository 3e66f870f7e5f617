/*
 * token - a platform's access token, from where the config says it is:
 * the environment variable [PLATFORM] token_env names, or the file
 * token_file names, which must be a regular file of its user's own
 * with no access for group or others (mode 0600 or 0400).
 *
 * A token never comes from the command line, and no message here ever
 * quotes one: errors name the variable or the file and what to do.
 */
#ifndef TOKEN_H
#define TOKEN_H

struct platform_config;
struct strbuf;

/* the most bytes a token may have */
#define TOKEN_MAX 8192

/*
 * Read the token of platform (its name, for messages) into out.
 * 0, or JM_CONFIG (78) after a message: no source configured, the
 * variable unset or empty, the file missing, open to others, not a
 * regular file, empty, too long, or a token with spaces or control
 * characters in it.
 */
int token_load(const char *platform, const struct platform_config *pc,
	       struct strbuf *out);

#endif
