/* "Did you mean": the known name nearest to a misspelt one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

size_t
str_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, best;
	size_t *row;

	if (la > 40 || lb > 40)
		return 99;
	row = xcalloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t sub = prev + (a[i - 1] != b[j - 1]);
			best = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 :
			    row[j - 1] + 1;
			row[j] = sub < best ? sub : best;
			prev = cur;
		}
	}
	best = row[lb];
	free(row);
	return best;
}

void
nearest_init(struct nearest *n, const char *word)
{
	n->word = word;
	n->best = NULL;
	n->dist = 99;
}

/*
 * Offer a candidate.  Close means one edit in a word of two letters or
 * more, or two in one of four or more ("hatl": "halt"); the first of
 * equals wins, so the answer follows the order the candidates come in.
 */
void
nearest_try(struct nearest *n, const char *cand)
{
	size_t d, len;

	if (cand == NULL || n->word == NULL || strcmp(cand, n->word) == 0)
		return;
	d = str_edit_distance(n->word, cand);
	len = strlen(n->word);
	if (d <= 2 && d < len && (d < 2 || len >= 4) && d < n->dist) {
		n->best = cand;
		n->dist = d;
	}
}

const char *
nearest_get(const struct nearest *n)
{
	return n->best;
}

const char *
nearest_hint(const struct nearest *n, char *buf, size_t size)
{
	if (n->best == NULL)
		return "";
	snprintf(buf, size, " (did you mean '%s'?)", n->best);
	return buf;
}
