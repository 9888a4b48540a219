/* Dutch hyphenation: a thin wrapper around libhyphen and hyph_nl_NL.dic. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hyphen.h>

#include "base/base.h"
#include "render/pdf/text/text.h"

#define HYPH_LEFT	2	/* letters kept before a hyphen */
#define HYPH_RIGHT	3	/* letters carried to the next line */
#define HYPH_MAXWORD	64	/* longer "words" are not hyphenated */

static HyphenDict *dict;

int
hyph_load(const char *path)
{
	if (dict != NULL)
		return 0;
	if (access(path, R_OK) == -1) {
		diag_error(path, 0, "cannot read hyphenation dictionary: %s "
		    "(install hyphen-nl)", strerror(errno));
		return -1;
	}
	if ((dict = hnj_hyphen_load(path)) == NULL) {
		diag_error(path, 0, "cannot load hyphenation dictionary");
		return -1;
	}
	return 0;
}

void
hyph_free(void)
{
	if (dict != NULL)
		hnj_hyphen_free(dict);
	dict = NULL;
}

/* Lower-case ISO-8859-1 of a UTF-8 letter, or 0 when there is none. */
static int
latin1_lower(unsigned cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return (int)(cp + 32);
	if (cp >= 'a' && cp <= 'z')
		return (int)cp;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return (int)(cp + 32);
	if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
		return (int)cp;
	return 0;
}

/*
 * Convert w to lower-case ISO-8859-1 in out; off[i] is the byte offset in
 * w just after letter i.  Return the number of letters, or 0 when w holds
 * anything else.
 */
static size_t
to_latin1(const char *w, size_t len, char *out, unsigned short *off)
{
	size_t i = 0, n = 0, k;
	int c;

	while (i < len) {
		if (n >= HYPH_MAXWORD)
			return 0;
		c = latin1_lower(utf8_decode(w + i, len - i, &k));
		if (c == 0)
			return 0;
		out[n] = (char)c;
		i += k;
		off[n++] = (unsigned short)i;
	}
	out[n] = '\0';
	return n;
}

static void
free_reps(char **rep, int *pos, int *cut, size_t n)
{
	size_t i;

	if (rep != NULL)
		for (i = 0; i < n; i++)
			free(rep[i]);
	free(rep);
	free(pos);
	free(cut);
}

size_t
hyph_points(const char *w, size_t len, unsigned short *at, size_t max)
{
	char word[HYPH_MAXWORD + 1], hy[HYPH_MAXWORD + 5];
	unsigned short off[HYPH_MAXWORD];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	size_t n, i, found = 0;

	if (dict == NULL || (n = to_latin1(w, len, word, off)) < 5)
		return 0;
	memset(hy, 0, sizeof(hy));
	if (hnj_hyphen_hyphenate2(dict, word, (int)n, hy, NULL, &rep, &pos,
	    &cut) != 0) {
		free_reps(rep, pos, cut, n);
		return 0;
	}
	for (i = HYPH_LEFT - 1; i + HYPH_RIGHT < n && found < max; i++) {
		if ((hy[i] & 1) == 0)
			continue;
		if (rep != NULL && rep[i] != NULL)
			continue;	/* non-standard: would change letters */
		at[found++] = off[i];
	}
	free_reps(rep, pos, cut, n);
	return found;
}
