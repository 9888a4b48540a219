/* The board's site: out/index.html, written once after every school. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "doc.h"
#include "htmlpage.h"
#include "site.h"
#include "text.h"
#include "util.h"

/* What the index shows of one school: copied, the document is freed. */
struct site_entry {
	char			*id;
	char			*name;
	char			*board_id;
	char			*board;
	char			*title;
	char			*version;
	char			*status;
	char			*adopted;
	char			*review;
	char			*schoolyear;
	int			 draft;
	struct site_revision	*revs;
	size_t			 nrevs;
};

struct site {
	char			**links;	/* outputs linked, in order */
	size_t			 nlinks;
	site_revisions_fn	 revisions;
	struct site_entry	*entries;
	size_t			 nentries;
};

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct site *
site_new(const char *const *files, size_t nfiles)
{
	struct site *s = xcalloc(1, sizeof(*s));
	char *order = xstrdup(tr("site.files")), *w, *save = NULL;
	size_t i;

	/* the outputs site.files names, in its order, that this build writes */
	for (w = strtok_r(order, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save))
		for (i = 0; i < nfiles; i++)
			if (strcmp(files[i], w) == 0) {
				s->links = xreallocarray(s->links, s->nlinks + 1,
				    sizeof(*s->links));
				s->links[s->nlinks++] = xstrdup(w);
				break;
			}
	free(order);
	return s;
}

void
site_set_revisions(struct site *s, site_revisions_fn fn)
{
	s->revisions = fn;
}

void
site_add(struct site *s, const struct document *d)
{
	const struct doc_meta *m = &d->meta;
	struct site_entry *e;

	s->entries = xreallocarray(s->entries, s->nentries + 1,
	    sizeof(*s->entries));
	e = &s->entries[s->nentries++];
	memset(e, 0, sizeof(*e));
	e->id = xstrdup(m->school_id);
	e->name = xstrdup(m->school);
	e->board_id = xstrdup(m->board_id);
	e->board = xstrdup(m->board);
	e->title = xstrdup(m->title);
	e->version = xstrdup(m->version);
	e->status = xstrdup(m->status);
	e->adopted = dup_or_null(m->adopted);
	e->review = dup_or_null(m->review);
	e->schoolyear = dup_or_null(m->schoolyear);
	e->draft = m->draft;
	if (s->revisions != NULL)
		e->nrevs = s->revisions(d, &e->revs);
}

void
site_revisions_free(struct site_revision *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(r[i].version);
		free(r[i].status);
		free(r[i].date);
		free(r[i].href);
		free(r[i].label);
		free(r[i].pdf);
	}
	free(r);
}

void
site_free(struct site *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nentries; i++) {
		struct site_entry *e = &s->entries[i];
		free(e->id);
		free(e->name);
		free(e->board_id);
		free(e->board);
		free(e->title);
		free(e->version);
		free(e->status);
		free(e->adopted);
		free(e->review);
		free(e->schoolyear);
		site_revisions_free(e->revs, e->nrevs);
	}
	free(s->entries);
	for (i = 0; i < s->nlinks; i++)
		free(s->links[i]);
	free(s->links);
	free(s);
}

/* ------------------------------------------------------------------ */

/* By board, then by school name (ignoring case), then by id. */
static int
entry_cmp(const void *a, const void *b)
{
	const struct site_entry *x = *(const struct site_entry *const *)a;
	const struct site_entry *y = *(const struct site_entry *const *)b;
	int c;

	if ((c = strcasecmp(x->board, y->board)) != 0 ||
	    (c = strcmp(x->board_id, y->board_id)) != 0 ||
	    (c = strcasecmp(x->name, y->name)) != 0)
		return c;
	return strcmp(x->id, y->id);
}

static void
time_el(xmlNodePtr parent, const char *iso)
{
	struct buf b = { 0 };

	date_format_nl(iso, &b);
	h_attr(h_el_text(parent, "time", NULL, buf_str(&b)), "datetime", iso);
	buf_free(&b);
}

static void
fact(xmlNodePtr dl, const char *label, const char *value)
{
	h_el_text(dl, "dt", NULL, label);
	h_el_text(dl, "dd", NULL, value);
}

static void
render_facts(xmlNodePtr item, const struct site_entry *e)
{
	xmlNodePtr dl = h_el(item, "dl", "site-facts"), dd;

	fact(dl, tr("meta.version"), e->version);
	h_el_text(dl, "dt", NULL, tr("meta.status"));
	dd = h_el(dl, "dd", NULL);
	if (e->draft)
		h_el_text(dd, "strong", "site-status-draft",
		    trx("status", e->status));
	else
		h_text(dd, trx("status", e->status));
	h_el_text(dl, "dt", NULL, tr("site.adopted"));
	dd = h_el(dl, "dd", NULL);
	if (e->adopted != NULL && !e->draft)
		time_el(dd, e->adopted);
	else
		h_text(dd, tr("site.not-adopted"));
	if (e->schoolyear != NULL)
		fact(dl, tr("meta.schoolyear"), e->schoolyear);
	if (e->review != NULL) {
		h_el_text(dl, "dt", NULL, tr("meta.review"));
		time_el(h_el(dl, "dd", NULL), e->review);
	}
}

static void
render_links(xmlNodePtr item, const struct site *s, const struct site_entry *e)
{
	xmlNodePtr ul = NULL, a;
	struct buf key = { 0 }, href = { 0 };
	const char *label;
	size_t i;

	for (i = 0; i < s->nlinks; i++) {
		buf_reset(&key);
		buf_printf(&key, "site.file.%s", s->links[i]);
		label = tr(buf_str(&key));
		if (ul == NULL) {
			ul = h_el(item, "ul", "site-links");
			h_attr(ul, "aria-label", tr("site.links"));
		}
		buf_reset(&href);
		buf_printf(&href, "%s/%s", e->id, s->links[i]);
		a = h_link(h_el(ul, "li", NULL), buf_str(&href), label);
		/* a screen reader's list of links names the school too */
		buf_reset(&key);
		buf_printf(&key, ", %s", e->name);
		h_el_text(a, "span", "visually-hidden", buf_str(&key));
	}
	buf_free(&key);
	buf_free(&href);
}

/* " (PDF)" after a redline's link; a screen reader hears which one. */
static void
pdf_link(xmlNodePtr td, const struct site_revision *r)
{
	xmlNodePtr a;
	char *hidden;

	h_text(td, " (");
	a = h_link(td, r->pdf, tr("site.history.pdf"));
	hidden = xasprintf(": %s", r->label ? r->label : r->pdf);
	h_el_text(a, "span", "visually-hidden", hidden);
	free(hidden);
	h_text(td, ")");
}

static void
render_history(xmlNodePtr item, const struct site_entry *e)
{
	xmlNodePtr sec, table, row, td;
	char hid[160];
	size_t i;

	if (e->nrevs == 0)
		return;
	sec = h_el(item, "section", "site-history");
	snprintf(hid, sizeof(hid), "%s-versies", e->id);
	h_attr(sec, "aria-labelledby", hid);
	h_attr(h_el_text(sec, "h4", NULL, tr("site.history")), "id", hid);
	table = h_el(sec, "table", NULL);
	row = h_el(h_el(table, "thead", NULL), "tr", NULL);
	h_attr(h_el_text(row, "th", NULL, tr("meta.version")), "scope", "col");
	h_attr(h_el_text(row, "th", NULL, tr("meta.status")), "scope", "col");
	h_attr(h_el_text(row, "th", NULL, tr("steps.date")), "scope", "col");
	h_attr(h_el_text(row, "th", NULL, tr("site.history.doc")), "scope",
	    "col");
	table = h_el(table, "tbody", NULL);
	for (i = 0; i < e->nrevs; i++) {
		const struct site_revision *r = &e->revs[i];
		row = h_el(table, "tr", NULL);
		h_attr(h_el_text(row, "th", NULL, r->version), "scope", "row");
		h_el_text(row, "td", NULL, r->status ? trx("status",
		    r->status) : "");
		td = h_el(row, "td", NULL);
		if (r->date != NULL)
			time_el(td, r->date);
		td = h_el(row, "td", NULL);
		if (r->href != NULL)
			h_link(td, r->href, r->label ? r->label : r->href);
		if (r->pdf != NULL)
			pdf_link(td, r);
	}
}

static void
render_school(xmlNodePtr list, const struct site *s, const struct site_entry *e)
{
	xmlNodePtr item = h_el(list, "li", "site-school-item");
	char hid[160];

	h_attr(item, "id", e->id);
	snprintf(hid, sizeof(hid), "%s-naam", e->id);
	h_attr(h_el_text(item, "h3", NULL, e->name), "id", hid);
	render_facts(item, e);
	render_links(item, s, e);
	render_history(item, e);
}

/*
 * A section per board, headed by its name; with one board, whose name
 * heads the page, by "Scholen".
 */
static void
render_boards(xmlNodePtr main, const struct site *s,
    const struct site_entry **v, int single)
{
	xmlNodePtr sec = NULL, list = NULL;
	char hid[160];
	size_t i;

	for (i = 0; i < s->nentries; i++) {
		if (i == 0 || strcmp(v[i]->board_id, v[i - 1]->board_id) != 0) {
			sec = h_el(main, "section", "site-board");
			snprintf(hid, sizeof(hid), "bestuur-%s", v[i]->board_id);
			h_attr(sec, "aria-labelledby", hid);
			h_attr(h_el_text(sec, "h2", NULL, single ?
			    tr("site.schools") : v[i]->board), "id", hid);
			list = h_el(sec, "ul", "site-schools");
		}
		render_school(list, s, v[i]);
	}
}

/* The board's name when every school has the same board, else NULL. */
static const char *
single_board(const struct site *s)
{
	size_t i;

	for (i = 1; i < s->nentries; i++)
		if (strcmp(s->entries[i].board_id, s->entries[0].board_id) != 0)
			return NULL;
	return s->nentries ? s->entries[0].board : NULL;
}

int
site_render(const struct site *s, struct buf *out)
{
	const struct site_entry **v;
	const char *board = single_board(s);
	struct page *p;
	xmlNodePtr slot;
	struct buf b = { 0 };
	size_t i;

	if ((p = page_new("site.html")) == NULL)
		return -1;
	v = xcalloc(s->nentries + 1, sizeof(*v));
	for (i = 0; i < s->nentries; i++)
		v[i] = &s->entries[i];
	if (s->nentries > 1)
		qsort(v, s->nentries, sizeof(*v), entry_cmp);
	buf_puts(&b, tr("site.title"));
	if (board != NULL)
		buf_printf(&b, " \xE2\x80\x93 %s", board);
	if ((slot = page_slot(p, "title")) != NULL)
		h_text(slot, buf_str(&b));
	if ((slot = page_slot(p, "description")) != NULL)
		h_attr(slot, "content", buf_str(&b));
	if ((slot = page_slot(p, "header")) != NULL) {
		if (board != NULL)
			h_el_text(slot, "p", "kicker", board);
		h_el_text(slot, "h1", NULL, tr("site.title"));
	}
	if ((slot = page_slot(p, "main")) != NULL) {
		h_el_text(slot, "p", "site-intro", s->nentries ?
		    tr("site.intro") : tr("site.empty"));
		render_boards(slot, s, v, board != NULL);
	}
	if ((slot = page_slot(p, "footer")) != NULL)
		h_el_text(slot, "p", NULL, tr("site.footer"));
	page_serialize(p, out);
	page_free(p);
	free(v);
	buf_free(&b);
	return 0;
}
