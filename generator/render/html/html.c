/* HTML backend: a school's protocol as one self-contained HTML5 page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "model/model.h"
#include "render/html/html.h"
#include "render/page/page.h"
#include "base/base.h"

static void
meta_row(xmlNodePtr tbody, const char *label, const char *value)
{
	xmlNodePtr row;

	if (value == NULL || *value == '\0')
		return;
	row = h_el(tbody, "tr", NULL);
	h_attr(h_el_text(row, "th", NULL, label), "scope", "row");
	h_el_text(row, "td", NULL, value);
}

static void
date_row(xmlNodePtr tbody, const char *label, const char *iso)
{
	struct buf b = { 0 };

	if (iso == NULL)
		return;
	date_format_nl(iso, &b);
	meta_row(tbody, label, buf_str(&b));
	buf_free(&b);
}

/* The metadata block: document data and the decision steps. */
static void
render_meta(xmlNodePtr main, const struct doc_meta *m)
{
	xmlNodePtr sec, table, tbody, row;
	struct buf b = { 0 };
	size_t i;

	sec = h_el(main, "section", "meta");
	h_attr(sec, "aria-labelledby", "documentgegevens");
	h_attr(h_el_text(sec, "h2", NULL, tr("meta.heading")), "id",
	    "documentgegevens");
	table = h_el(sec, "table", "meta-table");
	h_el_text(table, "caption", "visually-hidden", tr("meta.caption"));
	tbody = h_el(table, "tbody", NULL);
	/* title, school and board are in the page header */
	meta_row(tbody, tr("meta.version"), m->version);
	meta_row(tbody, tr("meta.status"), trx("status", m->status));
	meta_row(tbody, tr("meta.schoolyear"), m->schoolyear);
	meta_row(tbody, tr("meta.author"), m->author);
	meta_row(tbody, tr("meta.owner"), m->owner);
	meta_row(tbody, tr("meta.maintainer"), m->maintainer);
	date_row(tbody, tr("meta.effective"), m->effective);
	date_row(tbody, tr("meta.review"), m->review);
	meta_row(tbody, tr("meta.replaces"), m->replaces);

	if (m->nsteps == 0)
		return;
	table = h_el(sec, "table", "steps-table");
	h_el_text(table, "caption", NULL, tr("steps.caption"));
	row = h_el(h_el(table, "thead", NULL), "tr", NULL);
	h_attr(h_el_text(row, "th", NULL, tr("steps.body")), "scope", "col");
	h_attr(h_el_text(row, "th", NULL, tr("steps.act")), "scope", "col");
	h_attr(h_el_text(row, "th", NULL, tr("steps.date")), "scope", "col");
	tbody = h_el(table, "tbody", NULL);
	for (i = 0; i < m->nsteps; i++) {
		row = h_el(tbody, "tr", NULL);
		h_el_text(row, "td", NULL, m->steps[i].body);
		h_el_text(row, "td", NULL, trx("act", m->steps[i].act));
		buf_reset(&b);
		date_format_nl(m->steps[i].date, &b);
		xmlNodePtr td = h_el(row, "td", NULL);
		xmlNodePtr t = h_el_text(td, "time", NULL, buf_str(&b));
		h_attr(t, "datetime", m->steps[i].date);
	}
	buf_free(&b);
}

static void
render_toc(xmlNodePtr main, const struct document *d)
{
	xmlNodePtr nav, ol, li;
	struct buf b = { 0 };
	size_t i;

	if (d->nsections < 3)
		return;
	nav = h_el(main, "nav", "toc");
	h_attr(nav, "aria-labelledby", "inhoudsopgave");
	h_attr(h_el_text(nav, "h2", NULL, tr("toc.heading")), "id",
	    "inhoudsopgave");
	ol = h_el(nav, "ol", NULL);
	for (i = 0; i < d->nsections; i++) {
		const struct doc_section *s = &d->sections[i];
		buf_reset(&b);
		buf_printf(&b, "#%s", s->id);
		li = h_el(ol, "li", NULL);
		h_el_text(li, "span", "num", s->number);
		h_text(li, " ");
		h_link(li, buf_str(&b), s->title);
	}
	buf_free(&b);
}

/* Open the list a run of articles or items goes into. */
static xmlNodePtr
run_list(xmlNodePtr sec, xmlNodePtr *list, enum clause_kind *kind,
    enum clause_kind k)
{
	if (*list != NULL && *kind == k)
		return *list;
	*kind = k;
	if (k == CLAUSE_ARTICLE)
		*list = h_el(sec, "ol", "articles");
	else if (k == CLAUSE_ITEM)
		*list = h_el(sec, "ul", "items");
	else
		*list = NULL;
	return *list;
}

static void
render_section(xmlNodePtr main, const struct document *d,
    const struct doc_section *s, int *refcount)
{
	xmlNodePtr sec, h, list = NULL, el;
	enum clause_kind kind = CLAUSE_TEXT;
	char hid[128];
	size_t i;

	sec = h_el(main, "section", s->appendix ? "section appendix" :
	    "section");
	h_attr(sec, "id", s->id);
	snprintf(hid, sizeof(hid), "%s-kop", s->id);
	h_attr(sec, "aria-labelledby", hid);
	h = h_el(sec, "h2", NULL);
	h_attr(h, "id", hid);
	h_el_text(h, "span", "num", s->number);
	h_text(h, " ");
	h_text(h, s->title);
	for (i = s->first; i < s->first + s->count; i++) {
		const struct doc_block *b = &d->blocks[i];
		switch (b->kind) {
		case CLAUSE_ARTICLE:
			el = h_el(run_list(sec, &list, &kind, b->kind), "li",
			    "article");
			h_attr(el, "id", b->clause->id);
			h_el_text(el, "span", "art-num", b->number);
			html_cmark(h_el(el, "div", "art-body"), b->tree,
			    refcount, d->nnotes);
			break;
		case CLAUSE_ITEM:
			el = h_el(run_list(sec, &list, &kind, b->kind), "li",
			    NULL);
			h_attr(el, "id", b->clause->id);
			html_cmark(el, b->tree, refcount, d->nnotes);
			break;
		default:
			run_list(sec, &list, &kind, b->kind);
			el = h_el(sec, "div", "text");
			h_attr(el, "id", b->clause->id);
			html_cmark(el, b->tree, refcount, d->nnotes);
			break;
		}
	}
}

static void
render_footnotes(xmlNodePtr main, const struct document *d)
{
	xmlNodePtr sec, ol, li, back, last;
	char id[32], href[32], label[96];
	size_t i;

	if (d->nnotes == 0)
		return;
	sec = h_el(main, "section", "footnotes");
	h_attr(sec, "aria-labelledby", "voetnoten");
	h_attr(h_el_text(sec, "h2", NULL, tr("notes.heading")), "id",
	    "voetnoten");
	ol = h_el(sec, "ol", NULL);
	for (i = 0; i < d->nnotes; i++) {
		li = h_el(ol, "li", NULL);
		snprintf(id, sizeof(id), "fn-%d", d->notes[i].number);
		h_attr(li, "id", id);
		html_cmark(li, d->notes[i].tree, NULL, 0);
		/* the back link goes at the end of the last paragraph */
		last = xmlGetLastChild(li);
		if (last == NULL || last->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)last->name, "p") != 0)
			last = li;
		h_text(last, " ");
		snprintf(href, sizeof(href), "#fnref-%d", d->notes[i].number);
		back = h_link(last, href, "\xE2\x86\xA9");	/* ↩ */
		h_attr(back, "class", "fn-back");
		snprintf(label, sizeof(label), "%s %d", tr("notes.back"),
		    d->notes[i].number);
		h_attr(back, "aria-label", label);
		h_attr(back, "role", "doc-backlink");
	}
}

static void
render_header(xmlNodePtr header, const struct doc_meta *m)
{
	struct buf b = { 0 };

	h_logo(header, m);
	if (strcmp(m->board, m->school) != 0)
		h_el_text(header, "p", "kicker", m->board);
	h_el_text(header, "h1", NULL, m->title);
	buf_puts(&b, m->school);
	if (m->place != NULL)
		buf_printf(&b, ", %s", m->place);
	if (m->schoolyear != NULL)
		buf_printf(&b, " \xC2\xB7 %s %s", tr("meta.schoolyear.short"),
		    m->schoolyear);
	h_el_text(header, "p", "subtitle", buf_str(&b));
	buf_free(&b);
}

/* "Versie 1.0 · vastgesteld op 26 november 2019 · revisie november 2020" */
void
html_footer_line(const struct doc_meta *m, struct buf *b)
{
	buf_printf(b, "%s \xC2\xB7 %s %s \xC2\xB7 %s", m->title,
	    tr("meta.version.short"), m->version, trx("status", m->status));
	if (m->adopted != NULL && strcmp(m->status, "vastgesteld") == 0) {
		buf_printf(b, " %s ", tr("footer.on"));
		date_format_nl(m->adopted, b);
	}
	if (m->review != NULL) {
		buf_printf(b, " \xC2\xB7 %s ", tr("footer.review"));
		date_format_nl(m->review, b);
	}
}

static void
render_mark(xmlNodePtr slot, const struct doc_meta *m)
{
	xmlNodePtr p;

	if (!m->draft) {
		xmlUnlinkNode(slot);
		xmlFreeNode(slot);
		return;
	}
	p = h_el(slot, "p", NULL);
	h_el_text(p, "strong", NULL, trx("mark", m->status));
	h_text(p, " \xE2\x80\x93 ");
	h_text(p, trx("mark.note", m->status));
}

int
html_render(const struct document *d, struct buf *out)
{
	const struct doc_meta *m = &d->meta;
	struct page *p;
	xmlNodePtr slot, body;
	struct buf b = { 0 };
	int *refcount;
	size_t i;

	if ((p = page_new("protocol.html")) == NULL)
		return -1;
	page_accent(p, m);
	if ((slot = page_slot(p, "title")) != NULL) {
		buf_printf(&b, "%s \xE2\x80\x93 %s", m->title, m->school);
		h_text(slot, buf_str(&b));
	}
	if ((slot = page_slot(p, "description")) != NULL) {
		buf_reset(&b);
		buf_printf(&b, "%s %s, %s %s (%s).", m->title, m->school,
		    tr("meta.version.short"), m->version,
		    trx("status", m->status));
		h_attr(slot, "content", buf_str(&b));
	}
	if ((body = page_slot(p, "body")) != NULL && m->draft) {
		h_attr(body, "class", "is-draft");
		h_attr(body, "data-mark", trx("mark", m->status));
	}
	if ((slot = page_slot(p, "mark")) != NULL)
		render_mark(slot, m);
	if ((slot = page_slot(p, "header")) != NULL)
		render_header(slot, m);
	if ((slot = page_slot(p, "main")) != NULL) {
		render_meta(slot, m);
		render_toc(slot, d);
		refcount = xcalloc(d->nnotes, sizeof(*refcount));
		for (i = 0; i < d->nsections; i++)
			render_section(slot, d, &d->sections[i], refcount);
		render_footnotes(slot, d);
		free(refcount);
	}
	if ((slot = page_slot(p, "footer")) != NULL) {
		buf_reset(&b);
		html_footer_line(m, &b);
		h_el_text(slot, "p", NULL, buf_str(&b));
	}
	page_serialize(p, out);
	page_free(p);
	buf_free(&b);
	return 0;
}

int
html_deps(void (*fn)(void *, const char *), void *arg)
{
	return page_files("protocol.html", fn, arg);
}
