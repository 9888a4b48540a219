/*
 * PDF backend: drawing.  Walks the paginated units once and hands glyphs,
 * rules, structure tags, links and destinations to the device.
 *
 * cairo 1.16 marks content only for a structure element without
 * children: the own text of a paragraph that holds a link or a footnote
 * would be left outside marked content (an artifact to pdf_finish).  So
 * an element that gets a child on a page draws its own text there in
 * Span children, one for each stretch between its other children.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "render/pdf/text/text.h"
#include "render/pdf/pdf.h"

#define MAXOPEN	32

/* Decorations, per point of the text's size (a box in points). */
#define DEL_RISE	0.27	/* strike-through above the baseline */
#define INS_DROP1	0.11	/* the two underlines below it */
#define INS_DROP2	0.25
#define MARK_WEIGHT	0.05	/* their thickness */
#define BOX_ABOVE	0.92	/* a badge's box above the baseline */
#define BOX_BELOW	0.36	/* and below */
#define BOX_LINE	0.7

struct draw {
	struct render	*r;
	struct pdf_dev	*dev;
	int		 page;		/* -1 before the first */
	const char	*open[MAXOPEN];	/* structure tags open, outermost first */
	int		 kids[MAXOPEN];	/* open[i] has children on this page:
					   its own text goes into a Span */
	int		 nopen;
	int		 span;		/* a Span open (in open[nopen - 1]) */
	int		 pagination;	/* drawing the running lines: no Span */
	int		 link;		/* link open, or -1 */
	/* the glyph run being collected */
	cairo_glyph_t	*g;
	size_t		 ng, capg;
	cairo_text_cluster_t *cl;
	size_t		 ncl, capcl;
	struct buf	 text;
	struct pdf_style run;
	int		 notes_drawn;	/* on this page */
	const struct shaped *space[NFACES], *hyphen[NFACES];
};

static void
add_glyph(struct draw *dw, unsigned id, double x, double y)
{
	ARRAY_RESERVE(dw->g, dw->ng, dw->capg);
	dw->g[dw->ng].index = id;
	dw->g[dw->ng].x = x;
	dw->g[dw->ng].y = y;
	dw->ng++;
}

static void
add_cluster(struct draw *dw, const char *s, int bytes, int glyphs)
{
	ARRAY_RESERVE(dw->cl, dw->ncl, dw->capcl);
	dw->cl[dw->ncl].num_bytes = bytes;
	dw->cl[dw->ncl].num_glyphs = glyphs;
	dw->ncl++;
	buf_put(&dw->text, s, (size_t)bytes);
}

/* Is the text drawn now the own text of an element with children? */
static int
wants_span(const struct draw *dw)
{
	return dw->link < 0 && !dw->pagination && dw->nopen > 0 &&
	    dw->nopen <= MAXOPEN && dw->kids[dw->nopen - 1];
}

static void
span_end(struct draw *dw)
{
	if (!dw->span)
		return;
	dev_tag_end(dw->dev, "Span");
	dw->span = 0;
}

static void
flush(struct draw *dw)
{
	if (dw->ng == 0)
		return;
	if (!dw->span && wants_span(dw)) {
		dev_tag_begin(dw->dev, "Span");
		dw->span = 1;
	}
	dev_glyphs(dw->dev, pdf_font_face(dw->run.face), dw->run.size,
	    dw->run.rgb, dw->g, (int)dw->ng, buf_str(&dw->text),
	    (int)dw->text.len, dw->cl, (int)dw->ncl);
	dw->ng = dw->ncl = 0;
	buf_reset(&dw->text);
}

/* Glyphs [g0, g1) of w at pen x; return the pen after them. */
static double
add_glyphs(struct draw *dw, const struct shaped *w, int g0, int g1,
    double x, double base, const struct pdf_style *st)
{
	double size = st->size, y = base - st->rise;
	int g, k, end;

	for (g = g0; g < g1; g++) {
		add_glyph(dw, w->glyph[g], x + w->xoff[g] * size,
		    y + w->yoff[g] * size);
		x += w->adv[g] * size;
	}
	for (g = g0; g < g1; g = k) {
		for (k = g + 1; k < g1 && w->cluster[k] == w->cluster[g]; k++)
			;
		end = k < w->nglyphs ? w->cluster[k] : (int)w->len;
		add_cluster(dw, w->text + w->cluster[g], end - w->cluster[g],
		    k - g);
	}
	return x;
}

/* The whole of a small shaped text ("-", " ") at pen x. */
static void
add_word(struct draw *dw, const struct shaped *w, double x, double base,
    const struct pdf_style *st)
{
	if (w->nglyphs > 0)
		add_glyphs(dw, w, 0, w->nglyphs, x, base, st);
}

static int
same_run(const struct pdf_style *a, const struct pdf_style *b)
{
	return a->face == b->face && a->size == b->size && a->rgb == b->rgb &&
	    a->link == b->link;
}

static void
set_link(struct draw *dw, int link)
{
	if (link == dw->link)
		return;
	flush(dw);
	span_end(dw);
	if (dw->link >= 0)
		dev_link_end(dw->dev);
	dw->link = link;
	if (link >= 0 && !dw->pagination && dw->nopen > 0 &&
	    dw->nopen <= MAXOPEN)
		dw->kids[dw->nopen - 1] = 1;	/* a parent now */
	if (link >= 0)
		dev_link_begin(dw->dev, dw->r->links[link].internal,
		    dw->r->links[link].target);
}

static void
draw_frag(struct draw *dw, const struct pdf_frag *f, double x, double base)
{
	const struct pdf_style *st = &f->style;
	double pen;

	if (dw->ng > 0 && !same_run(&dw->run, st))
		flush(dw);
	set_link(dw, st->link);
	dw->run = *st;
	pen = add_glyphs(dw, f->w, f->g0, f->g1, x + f->x +
	    (f->g0 == 0 ? st->pad : 0), base, st);
	if (f->hyphen)
		add_word(dw, dw->hyphen[st->face], pen, base, st);
	if (f->space && st->link < 0)
		add_word(dw, dw->space[st->face], pen, base, st);
}

/* ---------------------------------------------------------- decorations */

/* Boxes around badges: the fill before the glyphs, the border after. */
static void
draw_boxes(struct draw *dw, const struct pdf_line *l, double x, double base,
    int border)
{
	const struct pdf_frag *f;
	const struct pdf_style *st;
	double top, h;
	size_t i;

	for (i = l->f0; i < l->f0 + l->nf; i++) {
		f = &dw->r->store.frag[i];
		st = &f->style;
		if (st->deco < DECO_BOX)
			continue;
		top = base - st->size * BOX_ABOVE;
		h = st->size * (BOX_ABOVE + BOX_BELOW);
		if (!border && st->bg != 0)
			dev_rect(dw->dev, x + f->x, top, f->width, h, st->bg);
		else if (border)
			dev_box(dw->dev, x + f->x, top, f->width, h, BOX_LINE,
			    st->rgb, st->deco == DECO_BOX_DASHED ? DEV_DASHED :
			    st->deco == DECO_BOX_DOTTED ? DEV_DOTTED :
			    DEV_SOLID);
	}
}

/* One stretch of marked text: a strike-through or a double underline. */
static void
draw_mark(struct draw *dw, int deco, double x0, double x1, double base,
    double size, unsigned rgb)
{
	double w = size * MARK_WEIGHT;

	if (deco == DECO_DEL) {
		dev_hline(dw->dev, x0, x1, base - size * DEL_RISE, w, rgb);
		return;
	}
	dev_hline(dw->dev, x0, x1, base + size * INS_DROP1, w, rgb);
	dev_hline(dw->dev, x0, x1, base + size * INS_DROP2, w, rgb);
}

/*
 * The marks of a line: each run of frags with the same mark and colour is
 * one stretch, from the first glyph to the last (its hyphen included), over
 * the spaces between them but not the space after, so that the marks
 * follow justification and both parts of a hyphenated word.
 */
static void
draw_marks(struct draw *dw, const struct pdf_line *l, double x, double base)
{
	const struct pdf_frag *f;
	double x0 = 0, x1 = 0, size = 0, end;
	unsigned rgb = 0;
	int deco = DECO_NONE;
	size_t i;

	for (i = l->f0; i <= l->f0 + l->nf; i++) {
		f = i < l->f0 + l->nf ? &dw->r->store.frag[i] : NULL;
		if (deco != DECO_NONE && (f == NULL || f->style.deco != deco ||
		    f->style.rgb != rgb)) {
			draw_mark(dw, deco, x0, x1, base, size, rgb);
			deco = DECO_NONE;
		}
		if (f == NULL || (f->style.deco != DECO_INS &&
		    f->style.deco != DECO_DEL))
			continue;
		end = x + f->x + f->width + (f->hyphen ?
		    para_hyphen_width(&f->style) : 0);
		if (deco == DECO_NONE) {
			deco = f->style.deco;
			rgb = f->style.rgb;
			x0 = x + f->x;
			size = 0;
		}
		x1 = end;
		if (f->style.size > size)
			size = f->style.size;
	}
}

static void
draw_line(struct draw *dw, size_t line, double x, double base)
{
	const struct pdf_line *l = &dw->r->store.line[line];
	const struct pdf_frag *f;
	struct pdf_style st;
	size_t i;

	draw_boxes(dw, l, x, base, 0);
	for (i = l->f0; i < l->f0 + l->nf; i++) {
		f = &dw->r->store.frag[i];
		draw_frag(dw, f, x, base);
		if (!f->space || f->style.link < 0)
			continue;
		/* a space inside a link only when the link goes on */
		st = f->style;
		if (i + 1 >= l->f0 + l->nf ||
		    dw->r->store.frag[i + 1].style.link != st.link) {
			set_link(dw, -1);
			st.link = -1;
		}
		if (dw->ng > 0 && !same_run(&dw->run, &st))
			flush(dw);
		dw->run = st;
		add_word(dw, dw->space[st.face], x + f->x + f->width, base,
		    &st);
	}
	set_link(dw, -1);
	flush(dw);
	draw_boxes(dw, l, x, base, 1);
	draw_marks(dw, l, x, base);
}

static void
draw_label(struct draw *dw, size_t frag, double x, double base)
{
	const struct pdf_frag *f = &dw->r->store.frag[frag];

	draw_frag(dw, f, x - f->x, base);
	set_link(dw, -1);
	flush(dw);
}

/* Natural width of a one-line text. */
static double
line_width(const struct render *r, size_t line)
{
	return r->store.line[line].width;
}

static void
draw_header(struct draw *dw, int page)
{
	struct render *r = dw->r;
	double right = MARGIN_L + TEXT_W, w;
	char num[64];
	size_t line, n;
	struct pdf_style st = pdf_style(0, 8.5, MUTED);

	if (r->watermark != NULL)
		dev_outline_text(dw->dev, pdf_font_face(FACE_BOLD), 120,
		    WATERMARK, PAGE_W / 2, PAGE_H / 2, -0.95, r->watermark);
	draw_line(dw, r->head_left, MARGIN_L, HEADER_BASE);
	w = line_width(r, r->head_right);
	draw_line(dw, r->head_right, right - w, HEADER_BASE);
	if (r->head_mark >= 0)
		draw_line(dw, (size_t)r->head_mark, right - w - 8 -
		    line_width(r, (size_t)r->head_mark), HEADER_BASE);
	dev_hline(dw->dev, MARGIN_L, right, HEADER_BASE + 6, 0.5, RULE);
	dev_hline(dw->dev, MARGIN_L, right, FOOTER_BASE - 11, 0.5, RULE);
	draw_line(dw, r->foot_left, MARGIN_L, FOOTER_BASE);
	snprintf(num, sizeof(num), "%s %d %s %d", tr("pdf.page"), page + 1,
	    tr("pdf.of"), r->npages);
	line = para_plain(&r->store, num, &st, TEXT_W, &n);
	draw_line(dw, line, right - line_width(r, line), FOOTER_BASE);
}

static void	draw_row(struct draw *, const struct unit *, double, int);

/* ------------------------------------------------------------ structure */

/* Do lines [line, line + n) hold a link or a footnote mark? */
static int
lines_link(const struct render *r, size_t line, size_t n)
{
	const struct pdf_line *l;
	const struct pdf_style *st;
	size_t k, i;

	for (k = line; k < line + n; k++) {
		l = &r->store.line[k];
		if (l->label >= 0 && r->store.frag[l->label].style.link >= 0)
			return 1;
		for (i = l->f0; i < l->f0 + l->nf; i++) {
			st = &r->store.frag[i].style;
			if (st->link >= 0 || st->note > 0)
				return 1;
		}
	}
	return 0;
}

/*
 * Does the element that goes on at unit i get a child on this page, before
 * it ends: a structure element (a table row's cells among them), a link,
 * a footnote (drawn after the line that refers to it)?
 */
static int
has_kids(const struct render *r, size_t i, int page)
{
	const struct unit *u;

	for (; i < r->nu && r->u[i].page == page; i++) {
		u = &r->u[i];
		if (u->kind == U_TAG || u->kind == U_ROW)
			return 1;
		if (u->kind == U_IMAGE)
			return 0;
		if (u->kind == U_END)
			return 0;
		if (u->kind == U_LINE && lines_link(r, u->line, 1))
			return 1;
		if (u->kind == U_LABEL &&
		    r->store.frag[u->line].style.link >= 0)
			return 1;
	}
	return 0;
}

/*
 * Close the open tags (but the Document) at the end of a page and reopen
 * them on the next, so that running headers and footers, drawn between,
 * stay out of the paragraphs.  Unit i is the first of the new page.
 */
static void
turn_page(struct draw *dw, int page, size_t i)
{
	int k, n = dw->nopen < MAXOPEN ? dw->nopen : MAXOPEN;

	span_end(dw);
	if (dw->page >= 0) {
		for (k = n; k-- > 1;)
			dev_tag_end(dw->dev, dw->open[k]);
		dev_page_end(dw->dev);
	}
	dw->page = page;
	dw->notes_drawn = 0;
	dw->pagination = 1;
	draw_header(dw, page);
	/* a table going on: its header row again, outside the structure */
	if (dw->r->repeat[page] > 0)
		draw_row(dw, &dw->r->u[dw->r->repeat[page] - 1], BODY_TOP, 0);
	dw->pagination = 0;
	/* new elements: each the parent of the next, the last as it goes on */
	for (k = 1; k < n; k++) {
		dw->kids[k] = k + 1 < n || has_kids(dw->r, i, page);
		dev_tag_begin(dw->dev, dw->open[k]);
	}
}

/* An element begins; kids: it will have children on this page. */
static void
tag_begin(struct draw *dw, const char *tag, int kids)
{
	span_end(dw);
	if (dw->nopen > 0 && dw->nopen <= MAXOPEN)
		dw->kids[dw->nopen - 1] = 1;	/* a parent now */
	if (dw->nopen < MAXOPEN) {
		dw->open[dw->nopen] = tag;
		dw->kids[dw->nopen] = kids;
	}
	dw->nopen++;
	dev_tag_begin(dw->dev, tag);
}

static void
tag_end(struct draw *dw, const char *tag)
{
	span_end(dw);
	if (dw->nopen > 0)
		dw->nopen--;
	dev_tag_end(dw->dev, tag);
}

/* The footnote k (1-based), at the foot of its page. */
static void
draw_note(struct draw *dw, int k)
{
	struct note *nt = &dw->r->notes[k - 1];
	const struct pdf_line *l;
	char name[32];
	size_t i;

	if (nt->drawn || nt->page != dw->page)
		return;
	nt->drawn = 1;
	tag_begin(dw, "Note", lines_link(dw->r, nt->line, nt->nlines));
	if (dw->notes_drawn++ == 0)
		dev_hline(dw->dev, MARGIN_L, MARGIN_L + 120, nt->y -
		    NOTE_SEP / 2, 0.5, MUTED);
	snprintf(name, sizeof(name), "fn-%d", k);
	dev_dest(dw->dev, name, MARGIN_L, nt->y);
	for (i = 0; i < nt->nlines; i++) {
		double base = nt->y + (i + 0.78) * NOTE_LEAD;
		l = &dw->r->store.line[nt->line + i];
		if (l->label >= 0)
			draw_label(dw, (size_t)l->label, MARGIN_L, base);
		draw_line(dw, nt->line + i, MARGIN_L + NOTE_INDENT, base);
	}
	tag_end(dw, "Note");
}

static void
draw_notes_of(struct draw *dw, size_t line)
{
	int refs[8], n, k;

	n = para_line_notes(&dw->r->store, line, refs, 8);
	for (k = 0; k < n; k++)
		if (refs[k] <= (int)dw->r->nnotes)
			draw_note(dw, refs[k]);
}

/* The unit after i that has a place of its own (for labels and dests). */
static const struct unit *
next_sized(const struct render *r, size_t i)
{
	for (i++; i < r->nu; i++)
		if (r->u[i].kind == U_LINE || r->u[i].kind == U_ROW)
			return &r->u[i];
	return NULL;
}

/* A table row at y; untagged when it repeats a header on a new page. */
static void
draw_row(struct draw *dw, const struct unit *u, double y, int tagged)
{
	const struct cell *c;
	int i;
	size_t k;

	if (u->bg)
		dev_rect(dw->dev, MARGIN_L + u->x, y, u->w, u->h, u->rgb);
	for (i = 0; i < u->ncell; i++) {
		c = &u->cell[i];
		if (tagged)
			tag_begin(dw, c->tag, lines_link(dw->r, c->line,
			    c->nlines));
		for (k = 0; k < c->nlines; k++)
			draw_line(dw, c->line + k, MARGIN_L + c->x, y +
			    u->base + k * u->lead);
		if (tagged)
			tag_end(dw, c->tag);
	}
	if (u->rule)
		dev_hline(dw->dev, MARGIN_L + u->x, MARGIN_L + u->x + u->w,
		    y + u->h, 0.5, RULE);
}

static void
draw_unit(struct draw *dw, size_t i)
{
	const struct unit *u = &dw->r->u[i], *next;

	switch (u->kind) {
	case U_LINE:
		draw_line(dw, u->line, MARGIN_L + u->x, u->y + u->base);
		draw_notes_of(dw, u->line);
		break;
	case U_ROW:
		draw_row(dw, u, u->y, 1);
		break;
	case U_IMAGE:
		dev_image(dw->dev, u->png, u->png_len, MARGIN_L + u->x, u->y,
		    u->w, u->h);
		break;
	case U_RULE:
		dev_hline(dw->dev, MARGIN_L + u->x, MARGIN_L + u->x + u->w,
		    u->y + u->h / 2, u->base, u->rgb);
		break;
	case U_TAG:
		tag_begin(dw, u->tag, has_kids(dw->r, i + 1, u->page));
		break;
	case U_END:
		tag_end(dw, u->tag);
		break;
	case U_LABEL:
		if ((next = next_sized(dw->r, i)) != NULL)
			draw_label(dw, u->line, MARGIN_L + u->x,
			    next->y + next->base);
		break;
	case U_DEST:
		next = next_sized(dw->r, i);
		dev_dest(dw->dev, u->name, MARGIN_L, next ? next->y : u->y);
		if (u->bookmark != NULL)
			dev_bookmark(dw->dev, u->bookmark, u->name);
		break;
	default:
		break;
	}
}

int
pdf_draw(struct render *r, const struct dev_info *info, struct buf *out,
    struct pdf_alt *alt)
{
	struct draw dw = { .r = r, .page = -1, .link = -1 };
	size_t i;
	int rc;

	for (i = 0; i < NFACES; i++) {
		dw.space[i] = pdf_shape_str((int)i, " ");
		dw.hyphen[i] = pdf_shape_str((int)i, "-");
	}
	dw.dev = dev_new(PAGE_W, PAGE_H, out, alt);
	dev_info(dw.dev, info);
	turn_page(&dw, 0, 0);
	tag_begin(&dw, "Document", 1);
	for (i = 0; i < r->nu; i++) {
		if (r->u[i].page != dw.page)
			turn_page(&dw, r->u[i].page, i);
		draw_unit(&dw, i);
	}
	while (dw.nopen > 0)
		tag_end(&dw, dw.open[dw.nopen - 1]);
	if ((rc = dev_finish(dw.dev)) == -1)
		diag_error(NULL, 0, "PDF: cairo: %s", dev_error(dw.dev));
	dev_free(dw.dev);
	free(dw.g);
	free(dw.cl);
	buf_free(&dw.text);
	return rc;
}
