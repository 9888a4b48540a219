/*
 * PDF backend: pagination.  Units keep their order; a page ends where a
 * break is allowed (not after a unit that keeps with the next), the
 * footnotes of its lines fit above the bottom margin, and a structure
 * tag, label or destination always travels with the line after it.
 */
#include <string.h>

#include "render/pdf/pdf.h"
#include "base/base.h"

#define MAXREFS	8

static int
sized(const struct unit *u)
{
	return u->kind == U_LINE || u->kind == U_ROW || u->kind == U_RULE ||
	    u->kind == U_GAP || u->kind == U_IMAGE;
}

/* Height of the notes of unit i not yet on a page. */
static double
new_notes(struct render *r, size_t i, int have_notes)
{
	int refs[MAXREFS], n, k;
	double h = 0;

	if (r->u[i].kind != U_LINE)
		return 0;
	n = para_line_notes(&r->store, r->u[i].line, refs, MAXREFS);
	for (k = 0; k < n; k++) {
		struct note *nt = &r->notes[refs[k] - 1];
		if (refs[k] > (int)r->nnotes || nt->page >= 0)
			continue;
		h += nt->h + NOTE_GAP;
		if (!have_notes) {
			h += NOTE_SEP;
			have_notes = 1;
		}
	}
	return h;
}

static void
claim_notes(struct render *r, size_t i, int page)
{
	int refs[MAXREFS], n, k;

	if (r->u[i].kind != U_LINE)
		return;
	n = para_line_notes(&r->store, r->u[i].line, refs, MAXREFS);
	for (k = 0; k < n; k++)
		if (refs[k] <= (int)r->nnotes &&
		    r->notes[refs[k] - 1].page < 0) {
			r->notes[refs[k] - 1].page = page;
			r->notes[refs[k] - 1].ref = i;
		}
}

/*
 * Where a page that ends after sized unit p must break, when the next
 * sized unit is k: closing tags stay with p, everything else goes with k.
 */
static size_t
split_at(const struct render *r, size_t p, size_t k)
{
	size_t b = p + 1;

	while (b < k && r->u[b].kind == U_END)
		b++;
	return b;
}

/*
 * The unit to start the next page with, when unit i does not fit on the
 * page that starts at first; first when there is no allowed break.
 */
static size_t
break_before(const struct render *r, size_t i, size_t first)
{
	size_t k, p;

	for (k = i; k > first; k--) {
		if (!sized(&r->u[k]))
			continue;
		for (p = k; p-- > first && !sized(&r->u[p]);)
			;
		if (p < first || p >= k || !sized(&r->u[p]))
			return first;
		if (r->u[p].keep)
			continue;
		return split_at(r, p, k);
	}
	return first;
}

/* A break right before sized unit i, whatever it keeps. */
static size_t
forced_break(const struct render *r, size_t i, size_t first)
{
	size_t p;

	for (p = i; p-- > first && !sized(&r->u[p]);)
		;
	if (p < first || p >= i)
		return i;
	return split_at(r, p, i);
}

/* Forget the notes that units from b on had claimed on page. */
static void
release_notes(struct render *r, size_t b, int page)
{
	size_t k;

	for (k = 0; k < r->nnotes; k++)
		if (r->notes[k].page == page && r->notes[k].ref >= b)
			r->notes[k].page = -1;
}

/* Stack the notes of every page above the bottom margin. */
static void
place_notes(struct render *r)
{
	double h;
	size_t k;
	int p;

	for (p = 0; p < r->npages; p++) {
		h = 0;
		for (k = 0; k < r->nnotes; k++)
			if (r->notes[k].page == p)
				h += r->notes[k].h + NOTE_GAP;
		h = BODY_BOTTOM - h;
		for (k = 0; k < r->nnotes; k++)
			if (r->notes[k].page == p) {
				r->notes[k].y = h;
				h += r->notes[k].h + NOTE_GAP;
			}
	}
}

/*
 * The top of a page that starts with unit b: below the header row of a
 * table that goes on there, which drawing repeats (r->repeat).
 */
static double
page_top(struct render *r, size_t b, int page)
{
	size_t k;

	ARRAY_RESERVE(r->repeat, (size_t)page, r->caprepeat);
	r->repeat[page] = 0;
	for (k = b; k < r->nu && !sized(&r->u[k]); k++)
		;
	if (k < r->nu && r->u[k].kind == U_ROW && r->u[k].head > 0) {
		r->repeat[page] = r->u[k].head;
		return BODY_TOP + r->u[r->u[k].head - 1].h;
	}
	return BODY_TOP;
}

void
pdf_paginate(struct render *r)
{
	size_t i = 0, first = 0, b;
	double y = page_top(r, 0, 0), notes = 0, need, fn;
	int page = 0, empty = 1;

	while (i < r->nu) {
		struct unit *u = &r->u[i];
		if (u->kind == U_NEWPAGE && !empty) {
			page++;
			first = i;
			y = page_top(r, i, page);
			notes = 0;
			empty = 1;
		}
		u->page = page;
		u->y = y;
		if (!sized(u) || (u->kind == U_GAP && empty)) {
			i++;
			continue;
		}
		need = (empty ? 0 : u->before) + u->h;
		fn = new_notes(r, i, notes > 0);
		if (empty || y + need + notes + fn <= BODY_BOTTOM + 0.01) {
			u->y = y + (empty ? 0 : u->before);
			y += need;
			notes += fn;
			claim_notes(r, i, page);
			empty = 0;
			i++;
			continue;
		}
		if ((b = break_before(r, i, first)) <= first)
			b = forced_break(r, i, first);
		if (b <= first)
			b = i;
		release_notes(r, b, page);
		page++;
		first = i = b;
		y = page_top(r, b, page);
		notes = 0;
		empty = 1;
	}
	r->npages = page + 1;
	place_notes(r);
}
