/* Source positions of fields in Lua table constructors (Lua keeps none). */
#ifndef LUAPOS_H
#define LUAPOS_H

#include <stddef.h>

struct luapos_entry {
	char	*path;	/* "channels[2].url" relative to the entry call's table */
	int	 line;
	size_t	 seq;	/* order of appearance */
};

struct luapos {
	struct luapos_entry *v;
	size_t	 n;
	size_t	 cap;
	int	 call_line;	/* line of the first "name {" / "name({" call */
};

/*
 * Scan Lua source text for the table constructor passed to a call of
 * one of the functions named in entry (e.g. "school") and record the line
 * of every field whose key is a name, a string or a position.  Fields
 * built by code rather than literal constructors are not recorded.
 */
void	luapos_scan(struct luapos *, const char *src, size_t len,
	    const char *entry);
/* Line of path, or of its nearest recorded ancestor, or the call line. */
int	luapos_line(const struct luapos *, const char *path);
void	luapos_free(struct luapos *);

#endif
