/* Dutch hyphenation: a thin wrapper around libhyphen and hyph_nl_NL.dic. */
#ifndef HYPHEN_H
#define HYPHEN_H

#include <stddef.h>

/*
 * Load the dictionary (ISO-8859-1 patterns) once per process.  Return 0,
 * or -1 after reporting.  Loading again is a no-op.
 */
int	hyph_load(const char *path);
void	hyph_free(void);

/*
 * Find the points where the UTF-8 word w (len bytes, letters only) may be
 * hyphenated.  Store the byte offsets after which a hyphen may go, in
 * increasing order, in at (room for max); return how many there are.
 * A word the dictionary cannot spell (characters outside ISO-8859-1),
 * shorter than five letters, or non-standard breaks (with replacements)
 * give no points.  Without a loaded dictionary the answer is 0.
 */
size_t	hyph_points(const char *w, size_t len, unsigned short *at,
	    size_t max);

#endif
