/*
 * Word backends: what protocol.docx and schoolgids.docx share -- runs and
 * paragraphs, clause text (a cmark tree) as paragraphs with their lists,
 * links and footnote references, bookmarks, tables, the title lines and
 * draft banner, the running header and footer, the styles and the
 * package.  The layout is the PDF's (render/pdf): the same title block,
 * the same numbers, every date from the document model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "base/base.h"
#include "model/model.h"
#include "render/page/page.h"
#include "render/office/docx.h"

#define MUTED		"57606a"
#define MARK_INK	"3d2e00"
#define MARK_BG		"fff4c2"
#define DEFAULT_ACCENT	"0b4f8a"	/* the PDF's */

#define NS_WP	"http://schemas.openxmlformats.org/drawingml/2006/" \
		"wordprocessingDrawing"
#define NS_A	"http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC	"http://schemas.openxmlformats.org/drawingml/2006/picture"
#define EMU_PT	12700		/* EMU per point */
#define LOGO_H	42.0		/* the PDF's logo box, points */
#define LOGO_W	160.0

/* ------------------------------------------------------------- styles */

/*
 * Word's built-in styles by their ids and names (a Dutch Word shows
 * Heading1 as "Kop 1"), sizes as the PDF's: body 10.5 pt, headings 13.5.
 */
#define REST	NULL, NULL, 0, 0, NULL	/* font, colour, u, sup, jc */
static const struct docx_style styles_v[] = {
	{ "paragraph", "Normal", "Normal", NULL, 21, 0, 0, 0, 0, -1, -1,
	    0, 0, NULL, NULL, 0, 0, "both" },
	{ "paragraph", "Title", "Title", "Normal", 48, 1, 0, 1, 0, 0, 80,
	    0, 0, NULL, NULL, 0, 0, "left" },
	{ "paragraph", "Subtitle", "Subtitle", "Normal", 26, 0, 0, 0, 0, 0,
	    240, 0, 0, NULL, NULL, 0, 0, "left" },
	{ "paragraph", "Heading1", "heading 1", "Normal", 27, 1, 0, 1, 1, 360,
	    120, 0, 0, NULL, NULL, 0, 0, "left" },
	{ "paragraph", "Heading2", "heading 2", "Normal", 23, 1, 0, 1, 2, 240,
	    80, 0, 0, NULL, NULL, 0, 0, "left" },
	{ "paragraph", "Quote", "Quote", "Normal", 0, 0, 1, 0, 0, -1, -1,
	    300, 0, REST },
	{ "paragraph", "Caption", "caption", "Normal", 19, 1, 0, 0, 0, 160,
	    60, 0, 0, NULL, NULL, 0, 0, "left" },
	{ "paragraph", "TableText", "Tabeltekst", "Normal", 19, 0, 0, 0, 0, 0,
	    0, 0, 0, NULL, NULL, 0, 0, "left" },
	{ "paragraph", "FootnoteText", "footnote text", "Normal", 17, 0, 0,
	    0, 0, 0, 40, 0, 0, REST },
	{ "paragraph", "Header", "header", "Normal", 17, 0, 0, 0, 0, 0, 0,
	    0, 0, NULL, MUTED, 0, 0, "left" },
	{ "paragraph", "Footer", "footer", "Normal", 17, 0, 0, 0, 0, 0, 0,
	    0, 0, NULL, MUTED, 0, 0, "left" },
	{ "character", "DefaultParagraphFont", "Default Paragraph Font", NULL,
	    0, 0, 0, 0, 0, -1, -1, 0, 0, REST },
	{ "character", "FootnoteReference", "footnote reference",
	    "DefaultParagraphFont", 0, 0, 0, 0, 0, -1, -1, 0, 0, NULL, NULL,
	    0, 1, NULL },
	{ "character", "Hyperlink", "Hyperlink", "DefaultParagraphFont", 0, 0,
	    0, 1, 0, -1, -1, 0, 0, NULL, NULL, 1, 0, NULL },
	{ "character", "HTMLCode", "HTML Code", "DefaultParagraphFont", 0, 0,
	    0, 0, 0, -1, -1, 0, 0, "DejaVu Sans Mono", NULL, 0, 0, NULL },
};
#undef REST

/* ---------------------------------------------------------- writing */

void
dxd_init(struct dxd *x, const struct document *d, const struct doc_meta *m)
{
	memset(x, 0, sizeof(*x));
	x->d = d;
	x->m = m;
	x->accent = DEFAULT_ACCENT;
	if (m->look != NULL && m->look->colour != NULL &&
	    strlen(m->look->colour) == 7)
		x->accent = m->look->colour + 1;	/* "#rrggbb" */
	x->noted = xcalloc(d->nnotes + 1, 1);
	x->custom = xcalloc(d->nnotes + 1, 1);
	x->body.w = dx_writer(&x->body.b);
	x->p = &x->body;
	dx_start(x->body.w, "w:document");
	dx_attr(x->body.w, "xmlns:w", DOCX_NS_W);
	dx_attr(x->body.w, "xmlns:r", DOCX_NS_R);
	docx_drawing_ns(x->body.w);
	dx_start(x->body.w, "w:body");
}

static void
part_free(struct dxp *p)
{
	size_t i;

	if (p->w != NULL) {
		xmlFreeTextWriter(p->w);
		xmlBufferFree(p->b);
	}
	for (i = 0; i < p->nlinks; i++)
		free(p->links[i]);
	free(p->links);
}

/* The r:id of an external link of the part being written. */
static void
link_id(struct dxp *p, const char *url, char *id, size_t idsz)
{
	size_t i;

	for (i = 0; i < p->nlinks; i++)
		if (strcmp(p->links[i], url) == 0)
			break;
	if (i == p->nlinks) {
		p->links = xreallocarray(p->links, p->nlinks + 1,
		    sizeof(*p->links));
		p->links[p->nlinks++] = xstrdup(url);
	}
	snprintf(id, idsz, "link%zu", i + 1);
}

/*
 * A bookmark's name for an anchor id: Word's rules (a letter first, then
 * letters, digits and '_', at most 40) over the id, which is unique.
 */
void
dxd_bookmark_name(const char *id, char *out, size_t outsz)
{
	size_t n = 0, max = outsz - 1 < 40 ? outsz - 1 : 40;
	const char *p;

	if (!((*id >= 'a' && *id <= 'z') || (*id >= 'A' && *id <= 'Z')))
		out[n++] = 'b';
	for (p = id; *p != '\0' && n < max; p++)
		out[n++] = (*p >= 'a' && *p <= 'z') || (*p >= 'A' &&
		    *p <= 'Z') || (*p >= '0' && *p <= '9') ? *p : '_';
	out[n] = '\0';
}

void
dxd_bookmark_start(struct dxd *x, const char *id)
{
	char name[48];

	dxd_bookmark_name(id, name, sizeof(name));
	dx_start(x->p->w, "w:bookmarkStart");
	dx_attr_int(x->p->w, "w:id", x->bookmark);
	dx_attr(x->p->w, "w:name", name);
	dx_end(x->p->w);
}

void
dxd_bookmark_end(struct dxd *x)
{
	dx_start(x->p->w, "w:bookmarkEnd");
	dx_attr_int(x->p->w, "w:id", x->bookmark++);
	dx_end(x->p->w);
}

/*
 * A paragraph in style (NULL: Normal); left > 0: indented, the first
 * line hanging by hanging; rule: a line under it in the accent; shade:
 * the draft banner's box.
 */
void
dxd_para(struct dxd *x, const char *style, int left, int hanging, int flags)
{
	xmlTextWriterPtr w = x->p->w;

	dx_start(w, "w:p");
	if (style == NULL && left == 0 && flags == 0)
		return;
	dx_start(w, "w:pPr");
	if (style != NULL)
		dx_val(w, "w:pStyle", style);
	if (flags & DXD_KEEP)
		dx_val(w, "w:keepNext", NULL);
	if (flags & (DXD_RULE | DXD_BOX)) {
		static const char *const sides[] = { "w:top", "w:left",
		    "w:bottom", "w:right" };
		size_t i;
		dx_start(w, "w:pBdr");
		for (i = 0; i < 4; i++) {
			if ((flags & DXD_RULE) && i != 2)
				continue;
			dx_start(w, sides[i]);
			dx_attr(w, "w:val", "single");
			dx_attr(w, "w:sz", flags & DXD_RULE ? "12" : "6");
			dx_attr(w, "w:space", "4");
			dx_attr(w, "w:color", flags & DXD_RULE ? x->accent :
			    MARK_INK);
			dx_end(w);
		}
		dx_end(w);
	}
	if (flags & DXD_BOX) {
		dx_start(w, "w:shd");
		dx_attr(w, "w:val", "clear");
		dx_attr(w, "w:color", "auto");
		dx_attr(w, "w:fill", MARK_BG);
		dx_end(w);
	}
	if (flags & DXD_RIGHT_TAB) {
		dx_start(w, "w:tabs");
		dx_start(w, "w:tab");
		dx_attr(w, "w:val", "right");
		dx_attr_int(w, "w:pos", DXD_TEXT_TWIPS);
		dx_end(w);
		dx_end(w);
	}
	if (flags & DXD_SPACE) {
		dx_start(w, "w:spacing");
		dx_attr(w, "w:before", "240");
		dx_end(w);
	}
	if (left > 0) {
		dx_start(w, "w:ind");
		dx_attr_int(w, "w:left", left);
		if (hanging > 0)
			dx_attr_int(w, "w:hanging", hanging);
		dx_end(w);
	}
	dx_end(w);
}

void
dxd_para_end(struct dxd *x)
{
	dx_end(x->p->w);
}

/*
 * One run of text (a tab in it a w:tab) with style bits, in character
 * style rstyle (NULL: none) and colour (NULL: the paragraph's).  Every
 * run says it is Dutch: pasted into another document, it stays so.
 */
void
dxd_run(struct dxd *x, const char *text, int style, const char *rstyle,
    const char *colour)
{
	xmlTextWriterPtr w = x->p->w;
	const char *p, *q;

	dx_start(w, "w:r");
	dx_start(w, "w:rPr");
	if (rstyle != NULL)
		dx_val(w, "w:rStyle", rstyle);
	if (style & DXD_BOLD)
		dx_val(w, "w:b", NULL);
	if (style & DXD_ITALIC)
		dx_val(w, "w:i", NULL);
	if (colour != NULL)
		dx_val(w, "w:color", colour);
	dx_val(w, "w:lang", DOCX_LANG);
	dx_end(w);
	for (p = text; *p != '\0'; p = *q ? q + 1 : q) {
		q = p + strcspn(p, "\t");
		if (q > p) {
			char *piece = xstrndup(p, (size_t)(q - p));
			dx_start(w, "w:t");
			dx_attr(w, "xml:space", "preserve");
			dx_text(w, piece);
			dx_end(w);
			free(piece);
		}
		if (*q == '\t')
			dx_val(w, "w:tab", NULL);
	}
	dx_end(w);
}

/* A paragraph of plain text. */
void
dxd_plain(struct dxd *x, const char *style, const char *text, int flags)
{
	dxd_para(x, style, 0, 0, flags);
	dxd_run(x, text, 0, NULL, NULL);
	dxd_para_end(x);
}

/* A field (PAGE, NUMPAGES) with its last value shown until updated. */
static void
field(struct dxd *x, const char *instr, const char *shown)
{
	xmlTextWriterPtr w = x->p->w;

	dx_start(w, "w:fldSimple");
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "w:instr",
	    " %s \\* MERGEFORMAT ", instr);
	dxd_run(x, shown, 0, NULL, NULL);
	dx_end(w);
}

/* ------------------------------------------------------------ inline */

/* A footnote reference: Word's own for the first, the number again after. */
static void
note_ref(struct dxd *x, int k)
{
	xmlTextWriterPtr w = x->p->w;
	char num[16];

	if (k < 1 || (size_t)k > x->d->nnotes)
		return;
	snprintf(num, sizeof(num), "%d", k);
	if (x->p != &x->body || x->noted[k - 1]) {
		dxd_run(x, num, 0, "FootnoteReference", NULL);
		return;
	}
	x->noted[k - 1] = 1;
	/* Word numbers its footnotes in order; one out of it says its own */
	x->custom[k - 1] = k != x->autonote + 1;
	if (!x->custom[k - 1])
		x->autonote++;
	dx_start(w, "w:r");
	dx_start(w, "w:rPr");
	dx_val(w, "w:rStyle", "FootnoteReference");
	dx_end(w);
	dx_start(w, "w:footnoteReference");
	if (x->custom[k - 1])
		dx_attr(w, "w:customMarkFollows", "1");
	dx_attr_int(w, "w:id", k);
	dx_end(w);
	if (x->custom[k - 1]) {
		dx_start(w, "w:t");
		dx_text(w, num);
		dx_end(w);
	}
	dx_end(w);
}

/*
 * Open a link's w:hyperlink: to a bookmark for a reference to an article
 * or section, an external one for what the other backends link (the
 * PDF's schemes); none (the text alone) for anything else.  Return
 * whether one was opened.
 */
static int
link_open(struct dxd *x, const char *url)
{
	xmlTextWriterPtr w = x->p->w;
	char id[48];

	if (url == NULL || *url == '\0' || !h_safe_href(url))
		return 0;
	if (url[0] == '#') {
		if (doc_block_by_id(x->d, url + 1) == NULL &&
		    doc_section_by_id(x->d, url + 1) == NULL)
			return 0;
		dxd_bookmark_name(url + 1, id, sizeof(id));
		dx_start(w, "w:hyperlink");
		dx_attr(w, "w:anchor", id);
		dx_attr(w, "w:history", "1");
		return 1;
	}
	if (!str_starts(url, "https://") && !str_starts(url, "http://") &&
	    !str_starts(url, "mailto:") && !str_starts(url, "tel:"))
		return 0;	/* relative: nothing to go to in a download */
	link_id(x->p, url, id, sizeof(id));
	dx_start(w, "w:hyperlink");
	dx_attr(w, "r:id", id);
	dx_attr(w, "w:history", "1");
	return 1;
}

/* The inline content of a paragraph node as runs. */
static void
inlines(struct dxd *x, cmark_node *para, const char *colour)
{
	cmark_iter *it = cmark_iter_new(para);
	cmark_event_type ev;
	cmark_node *n;
	int bold = 0, italic = 0, link = 0, k, st;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		int enter = ev == CMARK_EVENT_ENTER;
		n = cmark_iter_get_node(it);
		st = (bold > 0 ? DXD_BOLD : 0) | (italic > 0 ? DXD_ITALIC : 0);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			dxd_run(x, cmark_node_get_literal(n), st, link ?
			    "Hyperlink" : NULL, link ? NULL : colour);
			break;
		case CMARK_NODE_CODE:
			dxd_run(x, cmark_node_get_literal(n), st, "HTMLCode",
			    colour);
			break;
		case CMARK_NODE_SOFTBREAK:
			dxd_run(x, " ", st, NULL, NULL);
			break;
		case CMARK_NODE_LINEBREAK:
			dx_start(x->p->w, "w:r");
			dx_val(x->p->w, "w:br", NULL);
			dx_end(x->p->w);
			break;
		case CMARK_NODE_EMPH:
			italic += enter ? 1 : -1;
			break;
		case CMARK_NODE_STRONG:
			bold += enter ? 1 : -1;
			break;
		case CMARK_NODE_LINK:
			if (enter)
				link = link_open(x, cmark_node_get_url(n));
			else if (link) {
				dx_end(x->p->w);
				link = 0;
			}
			break;
		case CMARK_NODE_CUSTOM_INLINE:
			if (enter && (k = doc_footnote_ref(n)) > 0)
				note_ref(x, k);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* ------------------------------------------------------------- blocks */

/* What the next paragraph starts with: a number, a bullet, a note mark. */
static void
lead(struct dxd *x)
{
	struct dxd_lead *l = &x->lead;
	xmlTextWriterPtr w = x->p->w;

	if (l->bookmark != NULL) {
		dxd_bookmark_start(x, l->bookmark);
		dxd_bookmark_end(x);
		l->bookmark = NULL;
	}
	if (l->note > 0) {
		dx_start(w, "w:r");
		dx_start(w, "w:rPr");
		dx_val(w, "w:rStyle", "FootnoteReference");
		dx_end(w);
		dx_val(w, "w:footnoteRef", NULL);
		dx_end(w);
		dxd_run(x, " ", 0, NULL, NULL);
		l->note = 0;
	}
	if (l->text != NULL) {
		dxd_run(x, l->text, l->style, NULL, l->colour);
		l->text = NULL;
	}
}

struct list_state {
	int	 ordered, n;
};

/*
 * The blocks of a clause or footnote tree as paragraphs in style, left
 * of base twips; x->lead goes before the first (an article's number
 * hangs there: hang > 0).
 */
void
dxd_blocks(struct dxd *x, cmark_node *root, const char *style, int base,
    int hang)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;
	struct list_state ls[DXD_MAXDEPTH];
	int depth = 0, quote = 0, item = 0, first = 1, left;
	char num[24];

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		int enter = ev == CMARK_EVENT_ENTER;
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			if (!enter)
				break;
			left = base + DXD_LIST_TWIPS * (depth < DXD_MAXDEPTH ?
			    depth : DXD_MAXDEPTH) + (quote ? DXD_QUOTE_TWIPS :
			    0);
			if (first && hang > 0)
				dxd_para(x, quote ? "Quote" : style, left, hang,
				    0);
			else if (item && depth > 0)
				dxd_para(x, quote ? "Quote" : style, left,
				    DXD_LIST_TWIPS, 0);
			else
				dxd_para(x, quote ? "Quote" : style, left, 0, 0);
			if (first)
				lead(x);
			if (item && depth > 0) {
				struct list_state *l = &ls[(depth <=
				    DXD_MAXDEPTH ? depth : DXD_MAXDEPTH) - 1];
				if (l->ordered)
					snprintf(num, sizeof(num), "%d.\t",
					    l->n++);
				else
					snprintf(num, sizeof(num), "%s\t",
					    depth % 2 ? "\xE2\x80\xA2" :
					    "\xE2\x80\x93");
				dxd_run(x, num, 0, NULL, NULL);
			}
			item = 0;
			first = 0;
			inlines(x, n, NULL);
			dxd_para_end(x);
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			break;
		case CMARK_NODE_LIST:
			if (enter) {
				if (depth < DXD_MAXDEPTH) {
					ls[depth].ordered =
					    cmark_node_get_list_type(n) ==
					    CMARK_ORDERED_LIST;
					ls[depth].n =
					    cmark_node_get_list_start(n);
				}
				depth++;
			} else
				depth--;
			break;
		case CMARK_NODE_ITEM:
			item = enter;
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			quote += enter ? 1 : -1;
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
	if (first && (x->lead.text != NULL || x->lead.bookmark != NULL)) {
		dxd_para(x, style, base, hang, 0);	/* an empty clause */
		lead(x);
		dxd_para_end(x);
	}
}

/* ------------------------------------------------------------- tables */

/* A table of ncols columns of the widths w (per mille of the text). */
void
dxd_table_open(struct dxd *x, const int *w, size_t ncols)
{
	docx_table_open(x->p->w, w, ncols, DXD_TEXT_TWIPS);
}

/* A row of n cells; head: the header row, bold and on every page. */
void
dxd_row(struct dxd *x, const char *const *cells, const int *w, size_t n,
    int head)
{
	xmlTextWriterPtr t = x->p->w;
	size_t i;

	dx_start(t, "w:tr");
	if (head) {
		dx_start(t, "w:trPr");
		dx_val(t, "w:tblHeader", NULL);
		dx_end(t);
	}
	for (i = 0; i < n; i++) {
		dx_start(t, "w:tc");
		dx_start(t, "w:tcPr");
		dx_start(t, "w:tcW");
		dx_attr_int(t, "w:w", (long)DXD_TEXT_TWIPS * w[i] / 1000);
		dx_attr(t, "w:type", "dxa");
		dx_end(t);
		dx_end(t);
		dxd_para(x, "TableText", 0, 0, 0);
		dxd_run(x, cells[i] != NULL ? cells[i] : "", head ? DXD_BOLD :
		    0, NULL, NULL);
		dxd_para_end(x);
		dx_end(t);
	}
	dx_end(t);
}

void
dxd_table_close(struct dxd *x)
{
	dx_end(x->p->w);
}

/* ------------------------------------------------ title, banner, running */

/* The board's name above the title, when it is not the school's. */
void
dxd_board_line(struct dxd *x)
{
	if (strcmp(x->m->board, x->m->school) == 0)
		return;
	dxd_para(x, NULL, 0, 0, 0);
	dxd_run(x, x->m->board, 0, NULL, MUTED);
	dxd_para_end(x);
}

/* The namespaces a logo's drawing uses, on the document element w. */
void
docx_drawing_ns(xmlTextWriterPtr w)
{
	dx_attr(w, "xmlns:wp", NS_WP);
	dx_attr(w, "xmlns:a", NS_A);
	dx_attr(w, "xmlns:pic", NS_PIC);
}

/*
 * The board's or school's logo of m as a run, as in the PDF: at most
 * LOGO_H high and LOGO_W wide, its shape kept, with its alternative text,
 * the picture the part with r:id "logo1".  Return 0 when m has no logo.
 */
int
docx_logo_run(xmlTextWriterPtr w, const struct doc_meta *m)
{
	const struct look *lk = m->look;
	struct buf alt = { 0 };
	double pw, ph;
	long cx, cy;

	if (lk == NULL || lk->png == NULL || lk->width == 0 || lk->height == 0)
		return 0;
	ph = LOGO_H;
	pw = ph * lk->width / lk->height;
	if (pw > LOGO_W) {
		pw = LOGO_W;
		ph = pw * lk->height / lk->width;
	}
	cx = (long)(pw * EMU_PT);
	cy = (long)(ph * EMU_PT);
	doc_logo_alt(m, &alt);
	dx_start(w, "w:r");
	dx_start(w, "w:drawing");
	dx_start(w, "wp:inline");
	dx_start(w, "wp:extent");
	dx_attr_int(w, "cx", cx);
	dx_attr_int(w, "cy", cy);
	dx_end(w);
	dx_start(w, "wp:docPr");
	dx_attr(w, "id", "1");
	dx_attr(w, "name", "Logo");
	dx_attr(w, "descr", buf_str(&alt));
	dx_end(w);
	dx_start(w, "wp:cNvGraphicFramePr");
	dx_start(w, "a:graphicFrameLocks");
	dx_attr(w, "noChangeAspect", "1");
	dx_end(w);
	dx_end(w);
	dx_start(w, "a:graphic");
	dx_start(w, "a:graphicData");
	dx_attr(w, "uri", NS_PIC);
	dx_start(w, "pic:pic");
	dx_start(w, "pic:nvPicPr");
	dx_start(w, "pic:cNvPr");
	dx_attr(w, "id", "0");
	dx_attr(w, "name", "logo.png");
	dx_attr(w, "descr", buf_str(&alt));
	dx_end(w);
	dx_start(w, "pic:cNvPicPr");
	dx_end(w);
	dx_end(w);
	dx_start(w, "pic:blipFill");
	dx_start(w, "a:blip");
	dx_attr(w, "r:embed", "logo1");
	dx_end(w);
	dx_start(w, "a:stretch");
	dx_start(w, "a:fillRect");
	dx_end(w);
	dx_end(w);
	dx_end(w);
	dx_start(w, "pic:spPr");
	dx_start(w, "a:xfrm");
	dx_start(w, "a:off");
	dx_attr(w, "x", "0");
	dx_attr(w, "y", "0");
	dx_end(w);
	dx_start(w, "a:ext");
	dx_attr_int(w, "cx", cx);
	dx_attr_int(w, "cy", cy);
	dx_end(w);
	dx_end(w);
	dx_start(w, "a:prstGeom");
	dx_attr(w, "prst", "rect");
	dx_start(w, "a:avLst");
	dx_end(w);
	dx_end(w);
	dx_end(w);	/* pic:spPr */
	dx_end(w);	/* pic:pic */
	dx_end(w);	/* a:graphicData */
	dx_end(w);	/* a:graphic */
	dx_end(w);	/* wp:inline */
	dx_end(w);	/* w:drawing */
	dx_end(w);	/* w:r */
	buf_free(&alt);
	return 1;
}

/* The board's or school's logo above the title, as in the PDF. */
void
dxd_logo(struct dxd *x)
{
	const struct look *lk = x->m->look;

	if (lk == NULL || lk->png == NULL || lk->width == 0 || lk->height == 0)
		return;
	x->logo = 1;
	dxd_para(x, NULL, 0, 0, 0);
	docx_logo_run(x->p->w, x->m);
	dxd_para_end(x);
}

/* The draft notice: "CONCEPT – dit protocol is nog niet vastgesteld." */
void
dxd_banner(struct dxd *x, const char *mark, const char *note)
{
	dxd_para(x, NULL, 0, 0, DXD_BOX | DXD_SPACE);
	dxd_run(x, mark, DXD_BOLD, NULL, MARK_INK);
	dxd_run(x, " \xE2\x80\x93 ", 0, NULL, MARK_INK);
	dxd_run(x, note, 0, NULL, MARK_INK);
	dxd_para_end(x);
}

static void
part_open(struct dxp *p, const char *root)
{
	p->w = dx_writer(&p->b);
	dx_start(p->w, root);
	dx_attr(p->w, "xmlns:w", DOCX_NS_W);
	dx_attr(p->w, "xmlns:r", DOCX_NS_R);
}

/*
 * Header: school and title, then at the right the draft mark and the
 * version; footer: the status line, then "pagina X van Y".
 */
static void
running(struct dxd *x)
{
	const struct doc_meta *m = x->m;
	struct dxp *keep = x->p;
	struct buf b = { 0 };

	part_open(&x->head, "w:hdr");
	x->p = &x->head;
	dxd_para(x, "Header", 0, 0, DXD_RIGHT_TAB);
	buf_printf(&b, "%s \xC2\xB7 %s\t", m->school, m->title);
	dxd_run(x, buf_str(&b), 0, NULL, NULL);
	if (m->draft) {
		dxd_run(x, trx("mark", m->status), DXD_BOLD, NULL, MARK_INK);
		dxd_run(x, "  ", 0, NULL, NULL);
	}
	buf_reset(&b);
	buf_printf(&b, "%s %s", tr("meta.version.short"), m->version);
	dxd_run(x, buf_str(&b), 0, NULL, NULL);
	dxd_para_end(x);
	dx_end(x->head.w);

	part_open(&x->foot, "w:ftr");
	x->p = &x->foot;
	dxd_para(x, "Footer", 0, 0, DXD_RIGHT_TAB);
	buf_reset(&b);
	doc_status_line(m, &b);
	buf_putc(&b, '\t');
	buf_printf(&b, "%s ", tr("pdf.page"));
	dxd_run(x, buf_str(&b), 0, NULL, NULL);
	field(x, "PAGE", "1");
	buf_reset(&b);
	buf_printf(&b, " %s ", tr("pdf.of"));
	dxd_run(x, buf_str(&b), 0, NULL, NULL);
	field(x, "NUMPAGES", "1");
	dxd_para_end(x);
	dx_end(x->foot.w);
	x->p = keep;
	buf_free(&b);
}

/* The footnotes part: the separators, then every footnote in order. */
static void
footnotes(struct dxd *x)
{
	xmlTextWriterPtr w;
	char num[24];
	size_t i;
	int k;

	part_open(&x->notes, "w:footnotes");
	x->p = &x->notes;
	w = x->notes.w;
	for (k = -1; k <= 0; k++) {
		dx_start(w, "w:footnote");
		dx_attr(w, "w:type", k < 0 ? "separator" :
		    "continuationSeparator");
		dx_attr_int(w, "w:id", k);
		dx_start(w, "w:p");
		dx_start(w, "w:pPr");
		dx_start(w, "w:spacing");
		dx_attr(w, "w:after", "0");
		dx_attr(w, "w:line", "240");
		dx_attr(w, "w:lineRule", "auto");
		dx_end(w);
		dx_end(w);
		dx_start(w, "w:r");
		dx_val(w, k < 0 ? "w:separator" : "w:continuationSeparator",
		    NULL);
		dx_end(w);
		dx_end(w);
		dx_end(w);
	}
	for (i = 0; x->with_notes && i < x->d->nnotes; i++) {
		const struct doc_footnote *fn = &x->d->notes[i];
		if (fn->number < 1 || (size_t)fn->number > x->d->nnotes)
			continue;
		dx_start(w, "w:footnote");
		dx_attr_int(w, "w:id", fn->number);
		memset(&x->lead, 0, sizeof(x->lead));
		if (x->custom[fn->number - 1] || !x->noted[fn->number - 1]) {
			snprintf(num, sizeof(num), "%d ", fn->number);
			x->lead.text = num;
		} else
			x->lead.note = fn->number;
		dxd_blocks(x, fn->tree, "FootnoteText", 0, 0);
		if (x->lead.note > 0 || x->lead.text != NULL) {
			dxd_para(x, "FootnoteText", 0, 0, 0);
			lead(x);
			dxd_para_end(x);
		}
		dx_end(w);
	}
	dx_end(w);
	x->p = &x->body;
}

/* A4, margins of 25 mm as the PDF's, the header and footer on each page. */
static void
section_props(struct dxd *x)
{
	xmlTextWriterPtr w = x->body.w;

	dx_start(w, "w:sectPr");
	dx_start(w, "w:headerReference");
	dx_attr(w, "w:type", "default");
	dx_attr(w, "r:id", "hdr1");
	dx_end(w);
	dx_start(w, "w:footerReference");
	dx_attr(w, "w:type", "default");
	dx_attr(w, "r:id", "ftr1");
	dx_end(w);
	dx_start(w, "w:pgSz");
	dx_attr(w, "w:w", "11906");
	dx_attr(w, "w:h", "16838");
	dx_end(w);
	dx_start(w, "w:pgMar");
	dx_attr(w, "w:top", "1417");
	dx_attr(w, "w:right", "1417");
	dx_attr(w, "w:bottom", "1417");
	dx_attr(w, "w:left", "1417");
	dx_attr(w, "w:header", "708");
	dx_attr(w, "w:footer", "708");
	dx_attr(w, "w:gutter", "0");
	dx_end(w);
	dx_end(w);
}

/* Document properties, as the PDF's document information. */
static void
properties(const struct doc_meta *m, struct buf *out)
{
	struct buf t = { 0 }, s = { 0 }, k = { 0 }, date = { 0 };

	buf_printf(&t, "%s \xE2\x80\x93 %s", m->title, m->school);
	buf_printf(&s, "%s %s, %s %s (%s)", m->title, m->school,
	    tr("meta.version.short"), m->version, trx("status", m->status));
	buf_printf(&k, "%s, %s, ", m->title, m->school);
	if (strcmp(m->board, m->school) != 0)
		buf_printf(&k, "%s, ", m->board);
	buf_printf(&k, "%s %s, %s", tr("meta.version.short"), m->version,
	    trx("status", m->status));
	buf_printf(&date, "%sT00:00:00Z", m->generated != NULL ?
	    m->generated : "1980-01-01");
	docx_core(buf_str(&t), buf_str(&s), m->author != NULL ? m->author :
	    m->board, buf_str(&k), buf_str(&date), out);
	buf_free(&t);
	buf_free(&s);
	buf_free(&k);
	buf_free(&date);
}

#define CT	"application/vnd.openxmlformats-officedocument.wordprocessingml."

int
dxd_finish(struct dxd *x, struct buf *out, const char *what)
{
	struct buf data[7], core = { 0 };
	struct docx_part p[7];
	size_t np = 6;
	int rc, i;

	memset(data, 0, sizeof(data));
	memset(p, 0, sizeof(p));
	running(x);
	footnotes(x);
	section_props(x);
	dx_end(x->body.w);	/* w:body */
	dx_end(x->body.w);	/* w:document */
	dx_finish(x->body.w, x->body.b, &data[0]);
	x->body.w = NULL;
	docx_styles(styles_v, sizeof(styles_v) / sizeof(styles_v[0]),
	    x->accent, &data[1]);
	docx_settings(0, 1, 1, &data[2]);
	dx_finish(x->notes.w, x->notes.b, &data[3]);
	x->notes.w = NULL;
	dx_finish(x->head.w, x->head.b, &data[4]);
	x->head.w = NULL;
	dx_finish(x->foot.w, x->foot.b, &data[5]);
	x->foot.w = NULL;
	p[0] = (struct docx_part){ "word/document.xml", CT "document.main+xml",
	    NULL, NULL, &data[0], x->body.links, x->body.nlinks };
	p[1] = (struct docx_part){ "word/styles.xml", CT "styles+xml",
	    "styles", NULL, &data[1], NULL, 0 };
	p[2] = (struct docx_part){ "word/settings.xml", CT "settings+xml",
	    "settings", NULL, &data[2], NULL, 0 };
	p[3] = (struct docx_part){ "word/footnotes.xml", CT "footnotes+xml",
	    "footnotes", NULL, &data[3], x->notes.links, x->notes.nlinks };
	p[4] = (struct docx_part){ "word/header1.xml", CT "header+xml",
	    "header", "hdr1", &data[4], NULL, 0 };
	p[5] = (struct docx_part){ "word/footer1.xml", CT "footer+xml",
	    "footer", "ftr1", &data[5], NULL, 0 };
	if (x->logo) {
		buf_put(&data[6], (const char *)x->m->look->png,
		    x->m->look->png_len);
		p[np++] = (struct docx_part){ "word/media/logo.png", NULL,
		    "image", "logo1", &data[6], NULL, 0 };
	}
	properties(x->m, &core);
	rc = docx_package(x->m->generated, &core, p, np, out);
	if (rc == -1)
		diag(DIAG_ERROR, NULL, 0, "cannot write %s", what);
	for (i = 0; i < 7; i++)
		buf_free(&data[i]);
	buf_free(&core);
	dxd_free(x);
	return rc;
}

void
dxd_free(struct dxd *x)
{
	part_free(&x->body);
	part_free(&x->notes);
	part_free(&x->head);
	part_free(&x->foot);
	free(x->noted);
	free(x->custom);
	memset(x, 0, sizeof(*x));
}
