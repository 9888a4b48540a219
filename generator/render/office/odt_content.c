/*
 * OpenDocument text: content.xml.  The protocol as the PDF prints it: the
 * draft banner, the logo, the title block, the document data and every
 * approval step, then the sections with the model's own numbers (never
 * Writer's), articles with hanging numbers, items as bullets, footnotes
 * as text:note at their reference, every clause and section a bookmark
 * that cross references link to.  The schoolgids section the same way:
 * title, parts, tables, version line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "base/base.h"
#include "model/model.h"
#include "render/office/odt.h"

#define TINT		"#f3f6f9"
#define RULE		"#d0d7de"
#define TEXT_CM		16.0

/* Where a run of blocks goes: the paragraph styles and list styles. */
struct ctx {
	const char	*first;		/* style of the first paragraph */
	const char	*rest;		/* of the others */
	const char	*bullets, *numbers;	/* list styles at the top */
	const char	*quote;		/* paragraph style of a block quote */
	const char	*label;		/* article number before the first
					   paragraph's text, or NULL */
	const char	*bookmark;	/* at the first paragraph, or NULL */
	int		 started;	/* the first paragraph is written */
};

static void	inlines(struct odt *, cmark_node *);

/* --------------------------------------------------------------- inline */

/* A link target: a bookmark of this document or a safe URI, else NULL. */
static const char *
link_target(struct odt *o, const char *url)
{
	if (url == NULL)
		return NULL;
	if (url[0] == '#') {
		if (doc_block_by_id(o->d, url + 1) == NULL &&
		    doc_section_by_id(o->d, url + 1) == NULL)
			return NULL;
		return url;
	}
	if (str_starts(url, "https://") || str_starts(url, "http://") ||
	    str_starts(url, "mailto:") || str_starts(url, "tel:"))
		return url;
	return NULL;		/* javascript:, data:, ...: the text only */
}

/* The note itself at its first reference; a reference to it after. */
static void
footnote(struct odt *o, int k)
{
	xmlTextWriterPtr w = o->w;
	char id[32], num[16];
	cmark_node *p;

	if (o->in_note || k < 1 || (size_t)k > o->d->nnotes)
		return;
	snprintf(id, sizeof(id), "ftn%d", k);
	snprintf(num, sizeof(num), "%d", k);
	if (o->noted[k - 1]) {
		odt_start(w, "text:span");
		odt_attr(w, "text:style-name", "Footnote_20_anchor");
		odt_start(w, "text:note-ref");
		odt_attr(w, "text:note-class", "footnote");
		odt_attr(w, "text:reference-format", "text");
		odt_attr(w, "text:ref-name", id);
		odt_text(w, num);
		odt_end(w);
		odt_end(w);
		return;
	}
	o->noted[k - 1] = 1;
	odt_start(w, "text:note");
	odt_attr(w, "text:id", id);
	odt_attr(w, "text:note-class", "footnote");
	odt_el_text(w, "text:note-citation", NULL, num);
	odt_start(w, "text:note-body");
	o->in_note = 1;
	for (p = cmark_node_first_child(o->d->notes[k - 1].tree); p != NULL;
	    p = cmark_node_next(p)) {
		if (cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
			continue;
		odt_start(w, "text:p");
		odt_attr(w, "text:style-name", "Footnote");
		inlines(o, p);
		odt_end(w);
	}
	o->in_note = 0;
	odt_end(w);
	odt_end(w);
}

static void
span(struct odt *o, const char *style, cmark_node *n)
{
	odt_start(o->w, "text:span");
	odt_attr(o->w, "text:style-name", style);
	inlines(o, n);
	odt_end(o->w);
}

/* The inline children of n. */
static void
inlines(struct odt *o, cmark_node *n)
{
	xmlTextWriterPtr w = o->w;
	cmark_node *c;
	const char *href;
	int k;

	for (c = cmark_node_first_child(n); c != NULL; c = cmark_node_next(c))
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
			odt_text(w, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_CODE:
			odt_el_text(w, "text:span", "Source_20_Text",
			    cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK:
			odt_text(w, " ");
			break;
		case CMARK_NODE_LINEBREAK:
			odt_start(w, "text:line-break");
			odt_end(w);
			break;
		case CMARK_NODE_EMPH:
			span(o, "Emphasis", c);
			break;
		case CMARK_NODE_STRONG:
			span(o, "Strong_20_Emphasis", c);
			break;
		case CMARK_NODE_LINK:
			if ((href = link_target(o,
			    cmark_node_get_url(c))) == NULL) {
				inlines(o, c);
				break;
			}
			odt_start(w, "text:a");
			odt_attr(w, "xlink:type", "simple");
			odt_attr(w, "xlink:href", href);
			odt_attr(w, "text:style-name", "Internet_20_link");
			odt_attr(w, "text:visited-style-name",
			    "Internet_20_link");
			inlines(o, c);
			odt_end(w);
			break;
		case CMARK_NODE_CUSTOM_INLINE:
			if ((k = doc_footnote_ref(c)) > 0)
				footnote(o, k);
			break;
		default:	/* the library rejects everything else */
			break;
		}
}

/* ---------------------------------------------------------------- blocks */

static void
bookmark(xmlTextWriterPtr w, const char *name)
{
	odt_start(w, "text:bookmark");
	odt_attr(w, "text:name", name);
	odt_end(w);
}

/* Open a paragraph of the run; the first carries bookmark and label. */
static void
para_open(struct odt *o, struct ctx *c)
{
	xmlTextWriterPtr w = o->w;

	odt_start(w, "text:p");
	odt_attr(w, "text:style-name", c->started ? c->rest : c->first);
	if (!c->started) {
		if (c->bookmark != NULL)
			bookmark(w, c->bookmark);
		if (c->label != NULL) {
			odt_el_text(w, "text:span", "Artikelnummer", c->label);
			odt_start(w, "text:tab");
			odt_end(w);
		}
	}
	c->started = 1;
}

static void	blocks(struct odt *, cmark_node *, struct ctx *);

static void
list(struct odt *o, cmark_node *n, struct ctx *c)
{
	xmlTextWriterPtr w = o->w;
	int ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	int start = cmark_node_get_list_start(n);
	struct ctx ic;
	cmark_node *item;
	char num[16];

	if (!c->started) {	/* the label and bookmark need a paragraph */
		para_open(o, c);
		odt_end(w);
	}
	odt_start(w, "text:list");
	odt_attr(w, "text:style-name", ordered ? c->numbers : c->bullets);
	for (item = cmark_node_first_child(n); item != NULL;
	    item = cmark_node_next(item)) {
		odt_start(w, "text:list-item");
		if (ordered && item == cmark_node_first_child(n) &&
		    start != 1) {
			snprintf(num, sizeof(num), "%d", start);
			odt_attr(w, "text:start-value", num);
		}
		memset(&ic, 0, sizeof(ic));
		ic.first = ic.rest = "List_20_Contents";
		ic.bullets = c->bullets;
		ic.numbers = c->numbers;
		ic.quote = c->quote;
		ic.started = 1;
		blocks(o, item, &ic);
		odt_end(w);
	}
	odt_end(w);
}

/* The block children of root (a clause, a list item, a quote). */
static void
blocks(struct odt *o, cmark_node *root, struct ctx *c)
{
	cmark_node *n;
	struct ctx q;

	for (n = cmark_node_first_child(root); n != NULL; n = cmark_node_next(n))
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			para_open(o, c);
			inlines(o, n);
			odt_end(o->w);
			break;
		case CMARK_NODE_LIST:
			list(o, n, c);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			if (!c->started) {
				para_open(o, c);
				odt_end(o->w);
			}
			q = *c;
			q.first = q.rest = c->quote != NULL ? c->quote :
			    "Quotations";
			blocks(o, n, &q);
			break;
		default:	/* the library rejects everything else */
			break;
		}
}

/* A paragraph holding only text. */
static void
para(struct odt *o, const char *style, const char *text)
{
	odt_el_text(o->w, "text:p", style, text);
}

/* ---------------------------------------------------------------- tables */

static void
table_begin(struct odt *o, const char *cols_prefix, size_t ncols)
{
	xmlTextWriterPtr w = o->w;
	char name[32], style[48];
	size_t j;

	snprintf(name, sizeof(name), "Tabel%d", ++o->ntables);
	odt_start(w, "table:table");
	odt_attr(w, "table:name", name);
	odt_attr(w, "table:style-name", "Tabel");
	for (j = 0; j < ncols; j++) {
		snprintf(style, sizeof(style), "%s.%c", cols_prefix,
		    (char)('A' + j));
		odt_start(w, "table:table-column");
		odt_attr(w, "table:style-name", style);
		odt_end(w);
	}
}

static void
cell(struct odt *o, const char *cstyle, const char *pstyle, const char *text)
{
	xmlTextWriterPtr w = o->w;

	odt_start(w, "table:table-cell");
	odt_attr(w, "table:style-name", cstyle);
	odt_attr(w, "office:value-type", "string");
	para(o, pstyle, text);
	odt_end(w);
}

static void
row(struct odt *o, const char *const *cells, size_t n, int header,
    int head_col)
{
	size_t j;

	odt_start(o->w, "table:table-row");
	for (j = 0; j < n; j++)
		cell(o, header ? "Cel_20_kop" : "Cel", header ||
		    (head_col && j == 0) ? "Table_20_Heading" :
		    "Table_20_Contents", cells[j]);
	odt_end(o->w);
}

static void
header_rows(struct odt *o, const char *const *cells, size_t n)
{
	odt_start(o->w, "table:table-header-rows");
	row(o, cells, n, 1, 0);
	odt_end(o->w);
}

/* Column widths of a schoolgids table: as wide as its longest text (the
   PDF's rule). */
static void
sg_widths(const struct sg_table *t, double *cm)
{
	double total = 0, want;
	size_t i, j, len;

	for (j = 0; j < t->ncols; j++) {
		want = (double)strlen(t->head[j]);
		for (i = 0; i < t->nrows; i++) {
			len = strlen(t->cells[i * t->ncols + j]);
			if ((double)len > want)
				want = (double)len;
		}
		cm[j] = want < 8 ? 8 : want;
		total += cm[j];
	}
	for (j = 0; j < t->ncols; j++)
		cm[j] = TEXT_CM * cm[j] / total;
}

static void
sg_table(struct odt *o, const struct sg_table *t, int k)
{
	char prefix[32];
	size_t i, j;
	const char **cells = xcalloc(t->ncols + 1, sizeof(*cells));

	if (t->caption != NULL)
		para(o, "Table", t->caption);
	snprintf(prefix, sizeof(prefix), "Tabel.sg%d", k);
	table_begin(o, prefix, t->ncols);
	for (j = 0; j < t->ncols; j++)
		cells[j] = t->head[j];
	header_rows(o, cells, t->ncols);
	for (i = 0; i < t->nrows; i++) {
		for (j = 0; j < t->ncols; j++)
			cells[j] = t->cells[i * t->ncols + j];
		row(o, cells, t->ncols, 0, 0);	/* as the PDF's */
	}
	odt_end(o->w);
	free(cells);
}

/* ------------------------------------------------------ automatic styles */

static void
auto_begin(xmlTextWriterPtr w, const char *family, const char *name,
    const char *parent)
{
	odt_start(w, "style:style");
	odt_attr(w, "style:name", name);
	odt_attr(w, "style:family", family);
	if (parent != NULL)
		odt_attr(w, "style:parent-style-name", parent);
}

static void
column_style(xmlTextWriterPtr w, const char *prefix, size_t j, double cm)
{
	char name[48], width[32];

	snprintf(name, sizeof(name), "%s.%c", prefix, (char)('A' + j));
	snprintf(width, sizeof(width), "%.3fcm", cm);
	auto_begin(w, "table-column", name, NULL);
	odt_start(w, "style:table-column-properties");
	odt_attr(w, "style:column-width", width);
	odt_end(w);
	odt_end(w);
}

static void
cell_style(xmlTextWriterPtr w, const char *name, const char *bg)
{
	auto_begin(w, "table-cell", name, NULL);
	odt_start(w, "style:table-cell-properties");
	odt_attr(w, "fo:padding", "0.1cm");
	odt_attr(w, "fo:border-top", "none");
	odt_attr(w, "fo:border-left", "none");
	odt_attr(w, "fo:border-right", "none");
	odt_attr(w, "fo:border-bottom", "0.5pt solid " RULE);
	if (bg != NULL)
		odt_attr(w, "fo:background-color", bg);
	odt_end(w);
	odt_end(w);
}

static void
automatic_styles(struct odt *o, int schoolgids)
{
	static const double meta_cm[] = { 4.586, 11.414 };
	static const double steps_cm[] = { 5.645, 5.645, 4.71 };
	xmlTextWriterPtr w = o->w;
	const struct schoolgids *sg = o->d->schoolgids;
	double *cm;
	char prefix[32];
	size_t i, j, k;
	int n = 0;

	odt_start(w, "office:automatic-styles");
	auto_begin(w, "paragraph", "Kop_20_genummerd", "Heading_20_1");
	odt_start(w, "style:paragraph-properties");
	odt_attr(w, "fo:margin-left", "1.2cm");
	odt_attr(w, "fo:text-indent", "-1.2cm");
	odt_end(w);
	odt_end(w);
	auto_begin(w, "paragraph", "Kop_20_bijlage", "Heading_20_1");
	odt_start(w, "style:paragraph-properties");
	odt_attr(w, "fo:break-before", "page");
	odt_end(w);
	odt_end(w);
	auto_begin(w, "table", "Tabel", NULL);
	odt_start(w, "style:table-properties");
	odt_attr(w, "style:width", "16cm");
	odt_attr(w, "table:align", "left");
	odt_attr(w, "fo:margin-bottom", "0.3cm");
	odt_end(w);
	odt_end(w);
	for (j = 0; j < 2; j++)
		column_style(w, "Tabel.meta", j, meta_cm[j]);
	for (j = 0; j < 3; j++)
		column_style(w, "Tabel.stappen", j, steps_cm[j]);
	if (schoolgids)
		for (i = 0; i < sg->nparts; i++)
			for (k = 0; k < sg->parts[i].nblocks; k++) {
				const struct sg_table *t =
				    sg->parts[i].blocks[k].table;
				if (t == NULL)
					continue;
				snprintf(prefix, sizeof(prefix), "Tabel.sg%d",
				    ++n);
				cm = xcalloc(t->ncols + 1, sizeof(*cm));
				sg_widths(t, cm);
				for (j = 0; j < t->ncols; j++)
					column_style(w, prefix, j, cm[j]);
				free(cm);
			}
	cell_style(w, "Cel", NULL);
	cell_style(w, "Cel_20_kop", TINT);
	auto_begin(w, "graphic", "Logo", NULL);
	odt_start(w, "style:graphic-properties");
	odt_attr(w, "style:vertical-pos", "top");
	odt_attr(w, "style:vertical-rel", "baseline");
	odt_end(w);
	odt_end(w);
	odt_end(w);
}

/* ---------------------------------------------------------- title block */

/* The draft banner: the mark and what it means, first in the text. */
static void
banner(struct odt *o)
{
	const struct doc_meta *m = o->m;

	if (!m->draft)
		return;
	odt_start(o->w, "text:p");
	odt_attr(o->w, "text:style-name", "Concept");
	odt_el_text(o->w, "text:span", "Concept_20_mark",
	    trx("mark", m->status));
	odt_text(o->w, " \xE2\x80\x93 ");
	odt_text(o->w, trx("mark.note", m->status));
	odt_end(o->w);
}

/* The logo, at most 42 by 160 pt (the PDF's box), its shape kept. */
static void
logo(struct odt *o)
{
	const struct look *lk = o->m->look;
	xmlTextWriterPtr w = o->w;
	struct buf alt = { 0 };
	double wd, ht;
	char sw[32], sh[32];

	if (!o->logo)
		return;
	ht = 42.0;
	wd = ht * lk->width / lk->height;
	if (wd > 160.0) {
		wd = 160.0;
		ht = wd * lk->height / lk->width;
	}
	snprintf(sw, sizeof(sw), "%.3fcm", wd * 2.54 / 72);
	snprintf(sh, sizeof(sh), "%.3fcm", ht * 2.54 / 72);
	doc_logo_alt(o->m, &alt);
	odt_start(w, "text:p");
	odt_attr(w, "text:style-name", "Logo");
	odt_start(w, "draw:frame");
	odt_attr(w, "draw:style-name", "Logo");
	odt_attr(w, "draw:name", "Logo");
	odt_attr(w, "text:anchor-type", "as-char");
	odt_attr(w, "svg:width", sw);
	odt_attr(w, "svg:height", sh);
	odt_start(w, "draw:image");
	odt_attr(w, "xlink:href", "Pictures/logo.png");
	odt_attr(w, "xlink:type", "simple");
	odt_attr(w, "xlink:show", "embed");
	odt_attr(w, "xlink:actuate", "onLoad");
	odt_end(w);
	odt_start(w, "svg:title");
	odt_text(w, buf_str(&alt));
	odt_end(w);
	odt_end(w);
	odt_end(w);
	buf_free(&alt);
}

static void
title_block(struct odt *o, const char *title, const char *subtitle)
{
	const struct doc_meta *m = o->m;

	banner(o);
	logo(o);
	if (strcmp(m->board, m->school) != 0)
		para(o, "Kicker", m->board);
	para(o, "Title", title);
	para(o, "Subtitle", subtitle);
}

static void
heading(struct odt *o, const char *style, const char *id, const char *num,
    const char *title)
{
	xmlTextWriterPtr w = o->w;

	odt_start(w, "text:h");
	odt_attr(w, "text:style-name", style);
	odt_attr(w, "text:outline-level", "1");
	if (id != NULL)
		bookmark(w, id);
	if (num != NULL) {
		odt_text(w, num);
		odt_start(w, "text:tab");
		odt_end(w);
	}
	odt_text(w, title);
	odt_end(w);
}

static void
meta_row(struct odt *o, const char *label, const char *value)
{
	const char *cells[2];

	if (value == NULL || *value == '\0')
		return;
	cells[0] = label;
	cells[1] = value;
	row(o, cells, 2, 0, 1);
}

static void
meta_date(struct odt *o, const char *label, const char *iso)
{
	struct buf b = { 0 };

	if (iso == NULL)
		return;
	date_format_nl(iso, &b);
	meta_row(o, label, buf_str(&b));
	buf_free(&b);
}

/* The document data and the decision steps, exactly as the PDF's. */
static void
meta_tables(struct odt *o)
{
	const struct doc_meta *m = o->m;
	const char *cells[3];
	struct buf b = { 0 };
	size_t i;

	heading(o, "Heading_20_1", "documentgegevens", NULL,
	    tr("meta.heading"));
	table_begin(o, "Tabel.meta", 2);
	meta_row(o, tr("meta.title"), m->title);
	meta_row(o, tr("meta.school"), m->school);
	if (strcmp(m->board, m->school) != 0)
		meta_row(o, tr("meta.board"), m->board);
	meta_row(o, tr("meta.version"), m->version);
	meta_row(o, tr("meta.status"), trx("status", m->status));
	meta_row(o, tr("meta.schoolyear"), m->schoolyear);
	meta_row(o, tr("meta.author"), m->author);
	meta_row(o, tr("meta.owner"), m->owner);
	meta_row(o, tr("meta.maintainer"), m->maintainer);
	meta_date(o, tr("meta.effective"), m->effective);
	meta_date(o, tr("meta.review"), m->review);
	meta_row(o, tr("meta.replaces"), m->replaces);
	odt_end(o->w);
	if (m->nsteps == 0)
		return;
	para(o, "Table", tr("steps.caption"));
	table_begin(o, "Tabel.stappen", 3);
	cells[0] = tr("steps.body");
	cells[1] = tr("steps.act");
	cells[2] = tr("steps.date");
	header_rows(o, cells, 3);
	for (i = 0; i < m->nsteps; i++) {
		buf_reset(&b);
		date_format_nl(m->steps[i].date, &b);
		cells[0] = m->steps[i].body;
		cells[1] = trx("act", m->steps[i].act);
		cells[2] = buf_str(&b);
		row(o, cells, 3, 0, 0);
	}
	odt_end(o->w);
	buf_free(&b);
}

/* ------------------------------------------------------------- protocol */

static void
section(struct odt *o, const struct doc_section *s)
{
	const struct document *d = o->d;
	struct ctx c;
	size_t i;
	int in_items = 0;

	if (s->appendix) {
		struct buf b = { 0 };
		buf_printf(&b, "%s: %s", s->number, s->title);
		heading(o, "Kop_20_bijlage", s->id, NULL, buf_str(&b));
		buf_free(&b);
	} else
		heading(o, "Kop_20_genummerd", s->id, s->number, s->title);
	for (i = s->first; i < s->first + s->count; i++) {
		const struct doc_block *b = &d->blocks[i];
		memset(&c, 0, sizeof(c));
		c.bookmark = b->clause->id;
		if (b->kind != CLAUSE_ITEM && in_items) {
			odt_end(o->w);		/* the run's text:list */
			in_items = 0;
		}
		switch (b->kind) {
		case CLAUSE_ARTICLE:
			c.first = "Artikel";
			c.rest = "Artikel_20_vervolg";
			c.bullets = "Opsomming_20_artikel";
			c.numbers = "Nummering_20_artikel";
			c.quote = "Artikel_20_citaat";
			c.label = b->number;
			break;
		case CLAUSE_ITEM:
			if (!in_items) {
				odt_start(o->w, "text:list");
				odt_attr(o->w, "text:style-name", "Opsomming");
				in_items = 1;
			}
			odt_start(o->w, "text:list-item");
			c.first = c.rest = "List_20_Contents";
			c.bullets = "Opsomming";
			c.numbers = "Nummering";
			blocks(o, b->tree, &c);
			if (!c.started) {
				para_open(o, &c);
				odt_end(o->w);
			}
			odt_end(o->w);
			continue;
		default:
			c.first = c.rest = "Text_20_body";
			c.bullets = "Opsomming";
			c.numbers = "Nummering";
			break;
		}
		blocks(o, b->tree, &c);
		if (!c.started) {	/* an empty clause keeps its bookmark */
			para_open(o, &c);
			odt_end(o->w);
		}
	}
	if (in_items)
		odt_end(o->w);
}

static void
protocol(struct odt *o)
{
	const struct doc_meta *m = o->m;
	struct buf b = { 0 };
	size_t i;

	buf_puts(&b, m->school);
	if (m->place != NULL)
		buf_printf(&b, ", %s", m->place);
	if (m->schoolyear != NULL)
		buf_printf(&b, " \xC2\xB7 %s %s", tr("meta.schoolyear.short"),
		    m->schoolyear);
	title_block(o, m->title, buf_str(&b));
	buf_free(&b);
	meta_tables(o);
	for (i = 0; i < o->d->nsections; i++)
		section(o, &o->d->sections[i]);
}

/* ----------------------------------------------------------- schoolgids */

static void
schoolgids(struct odt *o)
{
	const struct doc_meta *m = o->m;
	const struct schoolgids *sg = o->d->schoolgids;
	struct buf b = { 0 };
	struct ctx c;
	size_t i, j;
	int k = 0;

	buf_printf(&b, "%s \xC2\xB7 %s", m->school, tr("sg.page.guide"));
	if (m->schoolyear != NULL)
		buf_printf(&b, " %s", m->schoolyear);
	title_block(o, sg->title, buf_str(&b));
	buf_free(&b);
	for (i = 0; i < sg->nparts; i++) {
		const struct sg_part *p = &sg->parts[i];
		if (p->title != NULL)
			heading(o, "Heading_20_1", p->id, NULL, p->title);
		for (j = 0; j < p->nblocks; j++) {
			if (p->blocks[j].table != NULL) {
				sg_table(o, p->blocks[j].table, ++k);
				continue;
			}
			memset(&c, 0, sizeof(c));
			c.first = c.rest = "Text_20_body";
			c.bullets = "Opsomming";
			c.numbers = "Nummering";
			blocks(o, p->blocks[j].tree, &c);
		}
	}
	para(o, "Versieregel", sg->version_line);
}

void
odt_content(struct odt *o, int is_schoolgids)
{
	xmlTextWriterPtr w = o->w;

	odt_start(w, "office:document-content");
	odt_namespaces(w);
	odt_font_faces(w);
	automatic_styles(o, is_schoolgids);
	odt_start(w, "office:body");
	odt_start(w, "office:text");
	if (is_schoolgids)
		schoolgids(o);
	else
		protocol(o);
	odt_end(w);
	odt_end(w);
	odt_end(w);
}
