/*
 * PDF backend: Markdown into the flow of units: inline text, paragraphs,
 * lists and block quotes with hanging labels, headings, table rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "model/model.h"
#include "render/pdf/pdf.h"

/* --------------------------------------------------------------- inline */

static int
face_of(int bold, int italic)
{
	return bold ? (italic ? FACE_BOLDITALIC : FACE_BOLD) :
	    (italic ? FACE_ITALIC : FACE_REGULAR);
}

/* A link's target: a destination in this document, or a safe URI. */
static int
inline_link(struct render *r, const char *url)
{
	if (url[0] == '#') {
		if (doc_block_by_id(r->d, url + 1) == NULL &&
		    doc_section_by_id(r->d, url + 1) == NULL)
			return -1;
		return pdf_link(r, 1, url + 1);
	}
	if (str_starts(url, "https://") || str_starts(url, "http://") ||
	    str_starts(url, "mailto:") || str_starts(url, "tel:"))
		return pdf_link(r, 0, url);
	return -1;
}

static void
footnote_ref(struct render *r, struct inl *in, int k, double size,
    unsigned rgb)
{
	struct pdf_style st = pdf_style(FACE_REGULAR, size * 0.62, rgb);
	char num[16], name[32];

	snprintf(num, sizeof(num), "%d", k);
	snprintf(name, sizeof(name), "fn-%d", k);
	st.rise = size * 0.36;
	st.note = k;
	st.link = pdf_link(r, 1, name);
	in->glue = 0;
	pdf_inl_text(in, num, &st, 1);
}

/* Collect the inline content of a paragraph node into f->in. */
void
pdf_collect(struct flow *f, cmark_node *para)
{
	cmark_iter *it = cmark_iter_new(para);
	cmark_event_type ev;
	cmark_node *n;
	int bold = 0, italic = 0, link = -1, k;
	struct pdf_style st;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		int enter = ev == CMARK_EVENT_ENTER;
		st = pdf_style(face_of(bold, italic), f->size,
		    link >= 0 ? ACCENT : f->rgb);
		st.link = link;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			pdf_inl_text(&f->in, cmark_node_get_literal(n), &st, 0);
			break;
		case CMARK_NODE_CODE:
			pdf_inl_text(&f->in, cmark_node_get_literal(n), &st, 1);
			break;
		case CMARK_NODE_SOFTBREAK:
			f->in.glue = 1;
			break;
		case CMARK_NODE_LINEBREAK:
			f->in.glue = f->in.hard = 1;
			break;
		case CMARK_NODE_EMPH:
			italic += enter ? 1 : -1;
			break;
		case CMARK_NODE_STRONG:
			bold += enter ? 1 : -1;
			break;
		case CMARK_NODE_LINK:
			link = enter ? inline_link(f->r,
			    cmark_node_get_url(n)) : -1;
			break;
		case CMARK_NODE_CUSTOM_INLINE:
			if (enter && (k = doc_footnote_ref(n)) > 0)
				footnote_ref(f->r, &f->in, k, f->size, f->rgb);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* ---------------------------------------------------------------- blocks */

/* The waiting label opens its list item's body before the next line. */
static void
open_body(struct flow *f)
{
	struct unit *u;

	if (!f->has_label)
		return;
	pdf_tag(f->r, "Lbl");
	u = pdf_unit(f->r, U_LABEL);
	u->line = f->label;
	u->x = f->label_x;
	pdf_end(f->r, "Lbl");
	pdf_tag(f->r, "LBody");
	if (f->nitems > 0)
		f->body_open[f->nitems - 1] = 1;
	f->has_label = 0;
}

static void
set_label(struct flow *f, const char *text, int face, unsigned rgb,
    double x)
{
	struct pdf_style st = pdf_style(face, f->size, rgb);

	f->label = para_label(&f->r->store, pdf_shape_str(face, text), &st);
	f->label_x = x;
	f->has_label = 1;
}

static void
item_begin(struct flow *f)
{
	pdf_tag(f->r, "LI");
	if (f->nitems < MAXDEPTH)
		f->body_open[f->nitems] = 0;
	f->nitems++;
}

static void
item_end(struct flow *f)
{
	f->has_label = 0;
	if (f->nitems > 0 && f->nitems <= MAXDEPTH &&
	    f->body_open[f->nitems - 1])
		pdf_end(f->r, "LBody");
	f->nitems--;
	pdf_end(f->r, "LI");
}

static void
paragraph(struct flow *f, cmark_node *n)
{
	size_t first, count;

	f->in.n = 0;
	f->in.glue = f->in.hard = 0;
	pdf_collect(f, n);
	if (f->in.n == 0)
		return;
	open_body(f);
	pdf_tag(f->r, "P");
	first = para_break(&f->r->store, f->in.a, f->in.n, TEXT_W - f->indent,
	    1, 1, &count);
	pdf_lines(f->r, first, count, f->indent, f->size, f->lead, f->before,
	    0);
	pdf_end(f->r, "P");
	f->before = f->nlists > 0 && f->list[f->nlists - 1].tight ?
	    ITEM_GAP : PARA_GAP;
}

static void
list_enter(struct flow *f, cmark_node *n)
{
	open_body(f);
	pdf_tag(f->r, "L");
	if (f->nlists < MAXDEPTH) {
		f->list[f->nlists].ordered =
		    cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		f->list[f->nlists].n = cmark_node_get_list_start(n);
		f->list[f->nlists].tight = cmark_node_get_list_tight(n);
	}
	f->nlists++;
	f->indent += LIST_INDENT;
}

static void
list_exit(struct flow *f)
{
	f->nlists--;
	f->indent -= LIST_INDENT;
	pdf_end(f->r, "L");
	f->before = f->nlists > 0 && f->nlists <= MAXDEPTH &&
	    f->list[f->nlists - 1].tight ? ITEM_GAP : PARA_GAP;
}

static void
item_enter(struct flow *f)
{
	char num[16];
	int depth = f->nlists - 1;

	item_begin(f);
	if (depth >= 0 && depth < MAXDEPTH && f->list[depth].ordered) {
		snprintf(num, sizeof(num), "%d.", f->list[depth].n++);
		set_label(f, num, FACE_REGULAR, f->rgb, f->indent -
		    LIST_INDENT);
	} else
		set_label(f, depth % 2 ? "\xE2\x80\x93" : "\xE2\x80\xA2",
		    FACE_REGULAR, f->rgb, f->indent - LIST_INDENT + 3);
}

/* Walk the blocks of a clause (or footnote) tree. */
void
pdf_blocks(struct flow *f, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		int enter = ev == CMARK_EVENT_ENTER;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			if (enter)
				paragraph(f, n);
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			break;
		case CMARK_NODE_LIST:
			if (enter)
				list_enter(f, n);
			else
				list_exit(f);
			break;
		case CMARK_NODE_ITEM:
			if (enter)
				item_enter(f);
			else
				item_end(f);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			if (enter) {
				open_body(f);
				pdf_tag(f->r, "BlockQuote");
			} else
				pdf_end(f->r, "BlockQuote");
			f->indent += enter ? QUOTE_INDENT : -QUOTE_INDENT;
			break;
		case CMARK_NODE_DOCUMENT:
			break;
		default:	/* the library rejects everything else */
			if (enter && cmark_node_first_child(n) != NULL)
				cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			break;
		}
	}
	cmark_iter_free(it);
}

static void
flow_init(struct flow *f, struct render *r, double size, double lead)
{
	memset(f, 0, sizeof(*f));
	f->r = r;
	f->size = size;
	f->lead = lead;
	f->rgb = INK;
}

/* ------------------------------------------------------------- headings */

/* A heading: its number hangs where article numbers do. */
void
pdf_heading(struct flow *f, const char *tagname, const char *num,
    const char *title, double size, double lead, double before)
{
	struct pdf_style st = pdf_style(FACE_BOLD, size, ACCENT);
	size_t first, n;
	double x = num != NULL ? ART_INDENT : 0;

	pdf_tag(f->r, tagname);
	if (num != NULL) {
		f->label = para_label(&f->r->store, pdf_shape_str(FACE_BOLD,
		    num), &st);
		pdf_unit(f->r, U_LABEL)->line = f->label;
	}
	first = pdf_plain(f->r, title, &st, TEXT_W - x, &n);
	pdf_lines(f->r, first, n, x, size, lead, before, 1);
	pdf_end(f->r, tagname);
	f->before = 4;
}

/* ---------------------------------------------------------------- tables */

struct unit *
pdf_row(struct render *r, struct inl *cells, const double *xs, int n,
    int header, int th_col, double size, double lead)
{
	struct unit *u;
	size_t first, count, most = 1, k;
	double w;
	int i;

	pdf_tag(r, "TR");
	u = pdf_unit(r, U_ROW);
	k = (size_t)(u - r->u);
	for (i = 0; i < n && i < MAXCELLS; i++) {
		w = (i + 1 < n ? xs[i + 1] : TEXT_W) - xs[i] - 2 * CELL_PAD;
		first = para_break(&r->store, cells[i].a, cells[i].n, w, 0, 0,
		    &count);
		u->cell[i].line = first;
		u->cell[i].nlines = count;
		u->cell[i].x = xs[i] + CELL_PAD;
		u->cell[i].tag = header || i == th_col ? "TH" : "TD";
		if (count > most)
			most = count;
	}
	u->ncell = i;
	u->lead = lead;
	u->h = (double)most * lead + 2 * CELL_PAD;
	u->base = CELL_PAD + pdf_baseline(size, lead);
	u->w = TEXT_W;
	u->rule = 1;
	u->bg = header;
	u->keep = header;
	u->rgb = TINT;
	pdf_end(r, "TR");		/* may move the units */
	return &r->u[k];
}

/* A table row; cells[i] is the text of column i at xs[i]. */
void
pdf_text_row(struct render *r, const char *const *cells, const double *xs,
    int n, int header, int head_col)
{
	struct inl in[MAXCELLS];
	int i, th;

	memset(in, 0, sizeof(in));
	for (i = 0; i < n && i < MAXCELLS; i++) {
		th = header || (head_col && i == 0);
		struct pdf_style st = pdf_style(th ? FACE_BOLD : FACE_REGULAR,
		    BODY_SIZE, th ? MUTED : INK);
		pdf_inl_text(&in[i], cells[i], &st, 1);
	}
	pdf_row(r, in, xs, n, header, head_col ? 0 : -1, BODY_SIZE,
	    BODY_LEAD);
	for (i = 0; i < n && i < MAXCELLS; i++)
		free(in[i].a);
}

static void
caption(struct render *r, const char *text)
{
	pdf_tag(r, "Caption");
	struct pdf_style st = pdf_style(FACE_BOLD, BODY_SIZE, INK);
	size_t n, first = pdf_plain(r, text, &st, TEXT_W, &n);
	pdf_lines(r, first, n, 0, BODY_SIZE, BODY_LEAD, 12, 1);
	pdf_end(r, "Caption");
}

/* ------------------------------------- shared with other layouts */

void
pdf_flow_init(struct flow *f, struct render *r, double size, double lead)
{
	flow_init(f, r, size, lead);
}

void
pdf_item_begin(struct flow *f)
{
	item_begin(f);
}

void
pdf_item_label(struct flow *f, const char *text, int face, unsigned rgb,
    double x)
{
	set_label(f, text, face, rgb, x);
}

void
pdf_item_body(struct flow *f)
{
	open_body(f);
}

void
pdf_item_end(struct flow *f)
{
	item_end(f);
}

void
pdf_caption(struct render *r, const char *text)
{
	caption(r, text);
}
