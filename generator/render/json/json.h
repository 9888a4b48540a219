#ifndef RENDER_JSON_JSON_H
#define RENDER_JSON_JSON_H
/* JSON: a small streaming writer, and the protocol.json backend. */

#include <stddef.h>

struct buf;
struct document;

#define JSON_MAX_DEPTH	32

/*
 * A writer appending indented JSON to out.  Members are written in the
 * order of the calls, so key order is the caller's and never varies.
 * key is NULL inside arrays and for the top value.
 */
struct json {
	struct buf	*out;
	int		 depth;
	int		 members[JSON_MAX_DEPTH];	/* written at each depth */
};

void	json_open(struct json *, const char *key, char bracket);  /* '{' '[' */
void	json_close(struct json *, char bracket);		    /* '}' ']' */
/* A string, or null when value is NULL. */
void	json_string(struct json *, const char *key, const char *value);
void	json_int(struct json *, const char *key, long long value);
void	json_bool(struct json *, const char *key, int value);
/*
 * Append s as a JSON string literal: quotes, backslashes and control
 * characters escaped, U+2028/U+2029 as \u escapes, invalid UTF-8 as U+FFFD.
 */
void	json_escape(struct buf *out, const char *s);

/*
 * out/<id>/protocol.json: the protocol's metadata, its sections and
 * clauses with their numbers, channels and lessons (docs/FORMATS.md).
 * Return 0.
 */
int	json_render(const struct document *, struct buf *out);

#endif
