/* Sequence comparison: Myers' shortest edit script and longest increasing subsequences. */
#ifndef DIFF_H
#define DIFF_H

#include <stddef.h>

/*
 * Compare a[0..n) with b[0..m) (symbols compared by value) with Myers'
 * O((n+m)D) algorithm in linear space.  Set del[i] for every a[i] that a
 * shortest edit script deletes and ins[j] for every b[j] it inserts; the
 * elements left unmarked form a longest common subsequence.  Return the
 * number of edits D.
 */
size_t	diff_myers(const unsigned *a, size_t n, const unsigned *b, size_t m,
	    unsigned char *del, unsigned char *ins);

/*
 * Mark in in_lis[] one longest strictly increasing subsequence of v[0..n):
 * the elements that keep their relative order.  Among equally long ones it
 * keeps the one ending in the smallest values.  O(n log n).  Return its
 * length.
 */
size_t	diff_lis(const size_t *v, size_t n, unsigned char *in_lis);

#endif
