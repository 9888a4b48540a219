/* Schoolgids section as HTML: a full page, and a fragment for a CMS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "model/model.h"
#include "render/page/page.h"
#include "render/schoolgids/schoolgids.h"
#include "base/base.h"

static void
render_table(xmlNodePtr parent, const struct sg_table *t)
{
	xmlNodePtr table, row, cell;
	size_t r, c;

	table = h_el(parent, "table", "pg-sg-table");
	h_el_text(table, "caption", NULL, t->caption);
	row = h_el(h_el(table, "thead", NULL), "tr", NULL);
	for (c = 0; c < t->ncols; c++)
		h_attr(h_el_text(row, "th", NULL, t->head[c]), "scope", "col");
	table = h_el(table, "tbody", NULL);
	for (r = 0; r < t->nrows; r++) {
		row = h_el(table, "tr", NULL);
		for (c = 0; c < t->ncols; c++) {
			/* the programme names its row */
			cell = h_el_text(row, c == 0 ? "th" : "td", NULL,
			    t->cells[r * t->ncols + c]);
			if (c == 0)
				h_attr(cell, "scope", "row");
			else	/* a phone shows the rows as cards (site.css) */
				h_attr(cell, "data-label", t->head[c]);
		}
	}
}

/*
 * The same table as a list, for the fragment: a CMS page has none of our
 * styles, and a table of four columns scrolls sideways on a phone.  The
 * caption leads; each row is an item, its first cell in bold, the others
 * as "Head: value", empty cells left out.
 */
static void
render_table_list(xmlNodePtr parent, const struct sg_table *t)
{
	xmlNodePtr list, item;
	struct buf b = { 0 };
	const char *v;
	size_t r, c;

	h_el_text(h_el(parent, "p", "pg-sg-caption"), "strong", NULL,
	    t->caption);
	list = h_el(parent, "ul", "pg-sg-list");
	for (r = 0; r < t->nrows; r++) {
		item = h_el(list, "li", NULL);
		h_el_text(item, "strong", NULL, t->cells[r * t->ncols]);
		buf_reset(&b);
		for (c = 1; c < t->ncols; c++) {
			v = t->cells[r * t->ncols + c];
			if (v == NULL || *v == '\0')
				continue;
			buf_printf(&b, "%s%s: %s", b.len ? "; " : " \xE2\x80\x93 ",
			    t->head[c], v);
		}
		if (b.len)
			h_text(item, buf_str(&b));
	}
	buf_free(&b);
}

static void
heading(xmlNodePtr parent, int level, const char *id, const char *text)
{
	char name[4];

	snprintf(name, sizeof(name), "h%d", level);
	h_attr(h_el_text(parent, name, NULL, text), "id", id);
}

/*
 * The section itself: one <section class="pg-schoolgids"> holding every
 * part, its title a heading of the given level and the parts one below.
 */
static void
render_section(xmlNodePtr parent, const struct schoolgids *sg, int level,
    int fragment)
{
	xmlNodePtr sec, p;
	size_t i, j;

	sec = h_el(parent, "section", "pg-schoolgids");
	h_attr(sec, "id", "sociale-media");
	h_attr(sec, "aria-labelledby", "sg-titel");
	heading(sec, level, "sg-titel", sg->title);
	if (sg->mark != NULL) {
		p = h_el(sec, "p", "pg-sg-mark");
		h_el_text(p, "strong", NULL, sg->mark);
		h_text(p, " \xE2\x80\x93 ");
		h_text(p, sg->mark_note);
	}
	for (i = 0; i < sg->nparts; i++) {
		const struct sg_part *part = &sg->parts[i];
		if (part->title != NULL)
			heading(sec, level + 1, part->id, part->title);
		for (j = 0; j < part->nblocks; j++) {
			if (part->blocks[j].tree != NULL)
				html_cmark(sec, part->blocks[j].tree, NULL, 0);
			else if (fragment)
				render_table_list(sec, part->blocks[j].table);
			else
				render_table(sec, part->blocks[j].table);
		}
	}
	h_el_text(sec, "p", "pg-sg-version", sg->version_line);
}

/* The section ends with the version line; the footer links the protocol. */
static void
render_footer(xmlNodePtr footer, const struct doc_meta *m)
{
	char *href;

	/* a follower's protocol is its board's: out/<leader>/ */
	href = m->follows != NULL ? xasprintf("../%s/protocol.html",
	    m->follows) : xstrdup("protocol.html");
	h_link(h_el(footer, "p", NULL), href, tr("sg.page.protocol"));
	free(href);
}

int
schoolgids_html(const struct document *d, struct buf *out)
{
	const struct doc_meta *m = &d->meta;
	const struct schoolgids *sg;
	struct page *p;
	xmlNodePtr slot;
	struct buf b = { 0 };

	if ((p = page_new("schoolgids.html")) == NULL)
		return -1;
	page_accent(p, m);
	sg = d->schoolgids;
	if ((slot = page_slot(p, "title")) != NULL) {
		buf_printf(&b, "%s \xE2\x80\x93 %s", sg->title, m->school);
		h_text(slot, buf_str(&b));
	}
	if ((slot = page_slot(p, "description")) != NULL) {
		buf_reset(&b);
		buf_printf(&b, "%s %s, %s %s.", tr("sg.page.description"),
		    m->school, tr("meta.version.short"), m->version);
		h_attr(slot, "content", buf_str(&b));
	}
	/* a draft prints with the protocol's CONCEPT watermark */
	if ((slot = page_slot(p, "body")) != NULL && m->draft) {
		h_attr(slot, "class", "is-draft");
		h_attr(slot, "data-mark", trx("mark", m->status));
	}
	if ((slot = page_slot(p, "header")) != NULL) {
		h_logo(slot, m);
		if (strcmp(m->board, m->school) != 0)
			h_el_text(slot, "p", "kicker", m->board);
		buf_reset(&b);
		buf_puts(&b, m->school);
		if (m->schoolyear != NULL)
			buf_printf(&b, " \xC2\xB7 %s %s", tr("sg.page.guide"),
			    m->schoolyear);
		h_el_text(slot, "p", "site-school", buf_str(&b));
	}
	if ((slot = page_slot(p, "main")) != NULL)
		render_section(slot, sg, 1, 0);
	if ((slot = page_slot(p, "footer")) != NULL)
		render_footer(slot, m);
	page_serialize(p, out);
	page_free(p);
	buf_free(&b);
	return 0;
}

/*
 * The section alone, headings from <h2>, no styles: what a school pastes
 * into a CMS or includes in its schoolgids page.  Tables become lists, so
 * it reflows at any width without a stylesheet.
 */
int
schoolgids_fragment(const struct document *d, struct buf *out)
{
	const struct schoolgids *sg = d->schoolgids;
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr root = h_el(NULL, "div", NULL);
	xmlBufferPtr xb = xmlBufferCreate();
	xmlOutputBufferPtr ob;

	xmlDocSetRootElement(doc, root);
	render_section(root, sg, 2, 1);
	ob = xmlOutputBufferCreateBuffer(xb,
	    xmlFindCharEncodingHandler("UTF-8"));
	htmlNodeDumpFormatOutput(ob, doc, xmlFirstElementChild(root), "UTF-8",
	    0);
	xmlOutputBufferClose(ob);
	buf_put(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	buf_putc(out, '\n');
	xmlBufferFree(xb);
	xmlFreeDoc(doc);
	return 0;
}

int
schoolgids_html_deps(void (*fn)(void *, const char *), void *arg)
{
	return page_files("schoolgids.html", fn, arg);
}
