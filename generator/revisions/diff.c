/* Sequence comparison: Myers' shortest edit script and longest increasing subsequences. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "revisions/revisions.h"
#include "base/base.h"

/*
 * Myers, "An O(ND) difference algorithm and its variations" (1986), the
 * linear-space variant: find a point on a shortest edit path by running
 * the search from both ends until the paths meet, then solve both halves.
 * Diagonals are numbered k = x - y; fd[k] holds the furthest x a forward
 * path of the current cost reaches on diagonal k, bd[k] the smallest x a
 * backward path reaches.
 */
struct myers {
	const unsigned	*a, *b;
	unsigned char	*del, *ins;
	ptrdiff_t	*fd, *bd;	/* indexed by diagonal, offset applied */
};

/* Store in *xm, *ym a point an optimal path from (x0,y0) to (x1,y1) passes. */
static void
midpoint(struct myers *c, ptrdiff_t x0, ptrdiff_t x1, ptrdiff_t y0,
    ptrdiff_t y1, ptrdiff_t *xm, ptrdiff_t *ym)
{
	ptrdiff_t *fd = c->fd, *bd = c->bd;
	const ptrdiff_t dmin = x0 - y1, dmax = x1 - y0;
	const ptrdiff_t fmid = x0 - y0, bmid = x1 - y1;
	ptrdiff_t fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid, k, x, y;
	const int odd = (fmid - bmid) & 1;

	fd[fmid] = x0;
	bd[bmid] = x1;
	for (;;) {
		/* one more step forward, on every second diagonal */
		if (fmin > dmin)
			fd[--fmin - 1] = -1;
		else
			++fmin;
		if (fmax < dmax)
			fd[++fmax + 1] = -1;
		else
			--fmax;
		for (k = fmax; k >= fmin; k -= 2) {
			x = fd[k - 1] >= fd[k + 1] ? fd[k - 1] + 1 : fd[k + 1];
			y = x - k;
			while (x < x1 && y < y1 && c->a[x] == c->b[y])
				x++, y++;
			fd[k] = x;
			if (odd && bmin <= k && k <= bmax && bd[k] <= x) {
				*xm = x;
				*ym = y;
				return;
			}
		}
		/* one more step backward */
		if (bmin > dmin)
			bd[--bmin - 1] = PTRDIFF_MAX;
		else
			++bmin;
		if (bmax < dmax)
			bd[++bmax + 1] = PTRDIFF_MAX;
		else
			--bmax;
		for (k = bmax; k >= bmin; k -= 2) {
			x = bd[k - 1] < bd[k + 1] ? bd[k - 1] : bd[k + 1] - 1;
			y = x - k;
			while (x > x0 && y > y0 && c->a[x - 1] == c->b[y - 1])
				x--, y--;
			bd[k] = x;
			if (!odd && fmin <= k && k <= fmax && x <= fd[k]) {
				*xm = x;
				*ym = y;
				return;
			}
		}
	}
}

/* Mark the edits between a[x0..x1) and b[y0..y1); iterate on the right half. */
static void
compare(struct myers *c, ptrdiff_t x0, ptrdiff_t x1, ptrdiff_t y0,
    ptrdiff_t y1)
{
	ptrdiff_t xm, ym;

	for (;;) {
		while (x0 < x1 && y0 < y1 && c->a[x0] == c->b[y0])
			x0++, y0++;
		while (x0 < x1 && y0 < y1 && c->a[x1 - 1] == c->b[y1 - 1])
			x1--, y1--;
		if (x0 == x1) {
			while (y0 < y1)
				c->ins[y0++] = 1;
			return;
		}
		if (y0 == y1) {
			while (x0 < x1)
				c->del[x0++] = 1;
			return;
		}
		midpoint(c, x0, x1, y0, y1, &xm, &ym);
		compare(c, x0, xm, y0, ym);
		x0 = xm;
		y0 = ym;
	}
}

size_t
diff_myers(const unsigned *a, size_t n, const unsigned *b, size_t m,
    unsigned char *del, unsigned char *ins)
{
	struct myers c = { .a = a, .b = b, .del = del, .ins = ins };
	size_t i, d = 0;
	ptrdiff_t *v;

	if (n > 0)
		memset(del, 0, n);
	if (m > 0)
		memset(ins, 0, m);
	/* diagonals run from -m - 1 to n + 1 */
	v = xcalloc(2 * (n + m + 3), sizeof(*v));
	c.fd = v + m + 1;
	c.bd = v + (n + m + 3) + m + 1;
	compare(&c, 0, (ptrdiff_t)n, 0, (ptrdiff_t)m);
	free(v);
	for (i = 0; i < n; i++)
		d += del[i];
	for (i = 0; i < m; i++)
		d += ins[i];
	return d;
}

size_t
diff_lis(const size_t *v, size_t n, unsigned char *in_lis)
{
	size_t *tail, *prev, len = 0, lo, hi, mid, i, k;

	if (n == 0)
		return 0;
	memset(in_lis, 0, n);
	tail = xcalloc(n, sizeof(*tail));	/* index of the smallest end of
						   an increasing run of length i+1 */
	prev = xcalloc(n, sizeof(*prev));
	for (i = 0; i < n; i++) {
		lo = 0;
		hi = len;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (v[tail[mid]] < v[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tail[lo - 1] : SIZE_MAX;
		tail[lo] = i;
		if (lo == len)
			len++;
	}
	for (k = tail[len - 1]; k != SIZE_MAX; k = prev[k])
		in_lis[k] = 1;
	free(tail);
	free(prev);
	return len;
}
