/* PDF backend: a paragraph's words broken into justified lines. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/pdf/text/text.h"
#include "base/base.h"

#define STRETCH		0.6	/* a space may grow by this part of itself */
#define SHRINK		0.2	/* and shrink by this part */
#define HYPHEN_COST	60.0
#define DOUBLE_HYPHEN	2000.0	/* two hyphenated lines in a row */
#define LOOSE_LIMIT	1.0e5

enum brk { BRK_NONE, BRK_GLUE, BRK_HYPHEN, BRK_HARD, BRK_END, BRK_EMERG };

/* A piece of an atom between two possible breaks. */
struct box {
	size_t		 atom;
	int		 g0, g1;
	double		 w;
	enum brk	 brk;		/* what may happen after it */
	double		 space;		/* the space after, when BRK_GLUE */
	double		 hyw;		/* the hyphen, when BRK_HYPHEN */
	int		 keep;		/* BRK_GLUE that must not break */
};

static struct box *boxes;
static size_t nboxes, capboxes;

double
para_hyphen_width(const struct pdf_style *st)
{
	return pdf_shape_str(st->face, "-")->width * st->size;
}

static double
space_width(const struct pdf_style *st)
{
	return pdf_shape_str(st->face, " ")->width * st->size;
}

static void
add_box(size_t atom, int g0, int g1, double w, enum brk brk)
{
	ARRAY_RESERVE(boxes, nboxes, capboxes);
	boxes[nboxes].atom = atom;
	boxes[nboxes].g0 = g0;
	boxes[nboxes].g1 = g1;
	boxes[nboxes].w = w;
	boxes[nboxes].brk = brk;
	boxes[nboxes].space = 0;
	boxes[nboxes].hyw = 0;
	boxes[nboxes].keep = 0;
	nboxes++;
}

/* A piece wider than the line: split it wherever it must (no hyphen). */
static void
add_split(size_t atom, const struct pdf_atom *a, int g0, int g1,
    double width, enum brk last)
{
	double x = 0, adv;
	int g, start = g0;

	for (g = g0; g < g1; g++) {
		adv = a->w->adv[g] * a->style.size;
		if (x + adv > width && g > start) {
			add_box(atom, start, g, x, BRK_EMERG);
			start = g;
			x = 0;
		}
		x += adv;
	}
	add_box(atom, start, g1, x, last);
}

/* Cut every atom at its hyphenation points and spaces. */
static void
make_boxes(const struct pdf_atom *a, size_t n, double width, int hyphenate)
{
	const struct shaped *w;
	enum brk end;
	size_t i, first;
	int k, g0, g1;

	nboxes = 0;
	for (i = 0; i < n; i++) {
		w = a[i].w;
		end = i + 1 == n ? BRK_END : a[i + 1].hard ? BRK_HARD :
		    a[i + 1].glue ? BRK_GLUE : BRK_NONE;
		g0 = 0;
		first = nboxes;
		if (hyphenate && !a[i].nohyph)
			for (k = 0; k < w->nbrk; k++) {
				g1 = w->brkg[k];
				add_split(i, &a[i], g0, g1, width, BRK_HYPHEN);
				boxes[nboxes - 1].hyw =
				    para_hyphen_width(&a[i].style);
				g0 = g1;
			}
		add_split(i, &a[i], g0, w->nglyphs, width, end);
		/* a boxed word has room inside its box on both sides */
		boxes[first].w += a[i].style.pad;
		boxes[nboxes - 1].w += a[i].style.pad;
		if (end == BRK_GLUE) {
			boxes[nboxes - 1].space = space_width(&a[i].style);
			/*
			 * "beeld- en geluidsopnamen": a line must not end in
			 * a word's own hyphen, or text extraction joins it to
			 * the next line's first word
			 */
			boxes[nboxes - 1].keep = (w->len > 1 &&
			    w->text[w->len - 1] == '-') || a[i + 1].tie;
		}
	}
}

/* Badness of setting boxes [s, e] at width; HUGE_VAL when it cannot. */
static double
badness(size_t s, size_t e, double natural, double spaces, double width,
    int prev_hyphen)
{
	enum brk b = boxes[e].brk;
	double r, bad;

	if (b == BRK_NONE || boxes[e].keep)
		return HUGE_VAL;
	if (b == BRK_HYPHEN)
		natural += boxes[e].hyw;
	if (natural > width + 1e-6) {
		if (spaces <= 0 || natural - width > spaces * SHRINK)
			return HUGE_VAL;
		r = (natural - width) / (spaces * SHRINK);
	} else if (b == BRK_END || b == BRK_HARD)
		r = 0;
	else if (spaces <= 0)
		r = natural < width * 0.6 ? 10 : 2;	/* ragged, no space */
	else
		r = (width - natural) / (spaces * STRETCH);
	bad = 100 * r * r * r;
	if (bad > LOOSE_LIMIT)
		bad = LOOSE_LIMIT;
	if (b == BRK_HYPHEN)
		bad += HYPHEN_COST + (prev_hyphen ? DOUBLE_HYPHEN : 0);
	if (b == BRK_EMERG)
		bad += LOOSE_LIMIT;
	(void)s;
	return bad;
}

/* The best end of the line that starts at box s. */
static size_t
best_end(size_t s, double width, int prev_hyphen, double *nat, double *sp)
{
	double natural = 0, spaces = 0, bad, best = HUGE_VAL;
	size_t e, end = s;

	*nat = *sp = 0;
	for (e = s; e < nboxes; e++) {
		natural += boxes[e].w;
		if (natural - spaces * SHRINK > width + 1e-6 && e > s)
			break;
		bad = badness(s, e, natural, spaces, width, prev_hyphen);
		if (bad <= best) {
			best = bad;
			end = e;
			*nat = natural + (boxes[e].brk == BRK_HYPHEN ?
			    boxes[e].hyw : 0);
			*sp = spaces;
		}
		if (boxes[e].brk == BRK_END || boxes[e].brk == BRK_HARD)
			break;
		natural += boxes[e].space;
		spaces += boxes[e].space;
	}
	if (best == HUGE_VAL) {		/* nothing fits: one box, overfull */
		*nat = boxes[s].w;
		*sp = 0;
		end = s;
	}
	return end;
}

static void
new_frag(struct pdf_store *st, const struct pdf_atom *a, const struct box *b)
{
	struct pdf_frag *f;

	ARRAY_RESERVE(st->frag, st->nfrag, st->capfrag);
	f = &st->frag[st->nfrag++];
	memset(f, 0, sizeof(*f));
	f->w = a->w;
	f->style = a->style;
	f->g0 = b->g0;
	f->g1 = b->g1;
}

/* Turn boxes [s, e] into frags with positions. */
static void
set_line(struct pdf_store *st, const struct pdf_atom *a, size_t s, size_t e,
    double extra)
{
	struct pdf_frag *f = NULL;
	double x = 0;
	size_t k;

	for (k = s; k <= e; k++) {
		const struct box *b = &boxes[k];
		if (f == NULL || b->atom != boxes[k - 1].atom ||
		    boxes[k - 1].brk == BRK_GLUE) {
			if (f != NULL)
				x += f->width + f->space_w;
			new_frag(st, &a[b->atom], b);
			f = &st->frag[st->nfrag - 1];
			f->x = x;
		}
		f->g1 = b->g1;
		f->width += b->w;
		if (k < e && b->brk == BRK_GLUE) {
			f->space = 1;
			f->space_w = b->space * (1 + extra);
		}
	}
	if (f != NULL && boxes[e].brk == BRK_HYPHEN)
		f->hyphen = 1;
	/* a space at the end of the line keeps the words apart in the
	   text that readers and screen readers take from the file */
	if (f != NULL && boxes[e].brk == BRK_GLUE)
		f->space = 1;
}

size_t
para_break(struct pdf_store *st, const struct pdf_atom *a, size_t n,
    double width, int justify, int hyphenate, size_t *nlines)
{
	size_t first = st->nline, s = 0, e;
	double natural, spaces, extra;
	int prev_hyphen = 0;
	struct pdf_line *l;

	*nlines = 0;
	if (n == 0)
		return first;
	make_boxes(a, n, width, hyphenate);
	while (s < nboxes) {
		e = best_end(s, width, prev_hyphen, &natural, &spaces);
		/* spaces grow (or shrink) in proportion to their width */
		extra = 0;
		if (spaces > 0 && (natural > width || (justify &&
		    boxes[e].brk != BRK_END && boxes[e].brk != BRK_HARD)))
			extra = (width - natural) / spaces;
		ARRAY_RESERVE(st->line, st->nline, st->capline);
		l = &st->line[st->nline++];
		memset(l, 0, sizeof(*l));
		l->f0 = st->nfrag;
		set_line(st, a, s, e, extra);
		l->nf = st->nfrag - l->f0;
		l->width = natural + extra * spaces;
		l->hyphenated = prev_hyphen = boxes[e].brk == BRK_HYPHEN;
		l->label = -1;
		(*nlines)++;
		s = e + 1;
	}
	return first;
}

size_t
para_label(struct pdf_store *st, const struct shaped *w,
    const struct pdf_style *style)
{
	struct pdf_frag *f;

	ARRAY_RESERVE(st->frag, st->nfrag, st->capfrag);
	f = &st->frag[st->nfrag];
	memset(f, 0, sizeof(*f));
	f->w = w;
	f->style = *style;
	f->g0 = 0;
	f->g1 = w->nglyphs;
	f->width = w->width * style->size;
	return st->nfrag++;
}

void
store_reset(struct pdf_store *st)
{
	st->nfrag = 0;
	st->nline = 0;
}

void
store_free(struct pdf_store *st)
{
	free(st->frag);
	free(st->line);
	memset(st, 0, sizeof(*st));
	free(boxes);
	boxes = NULL;
	nboxes = capboxes = 0;
}
