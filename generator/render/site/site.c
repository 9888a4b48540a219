/* The board's site: out/index.html, written once after every school. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "model/model.h"
#include "render/page/page.h"
#include "render/site/site.h"
#include "base/base.h"

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
	int			 pending;	/* nothing adopted yet */
	char			*follows;	/* the id of the board-wide
						   protocol, or NULL */
	char			*follows_name;
	struct site_revision	*revs;
	size_t			 nrevs;
};

struct site {
	char			**links;	/* outputs linked, in order */
	size_t			 nlinks;
	struct site_entry	*entries;
	size_t			 nentries, cap;
	size_t			*slots;		/* by id: entry index + 1 */
	size_t			 nslots;
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

static size_t
id_hash(const char *id)
{
	size_t h = 1469598103934665603ULL;

	for (; *id != '\0'; id++)
		h = (h ^ (unsigned char)*id) * 1099511628211ULL;
	return h;
}

/* Index of the entry with id, or SIZE_MAX. */
static size_t
find(const struct site *s, const char *id)
{
	size_t i;

	if (s->nslots == 0)
		return SIZE_MAX;
	for (i = id_hash(id) & (s->nslots - 1); s->slots[i] != 0;
	    i = (i + 1) & (s->nslots - 1))
		if (strcmp(s->entries[s->slots[i] - 1].id, id) == 0)
			return s->slots[i] - 1;
	return SIZE_MAX;
}

static void
slot_set(struct site *s, size_t k)
{
	size_t i;

	for (i = id_hash(s->entries[k].id) & (s->nslots - 1); s->slots[i] != 0;
	    i = (i + 1) & (s->nslots - 1))
		;
	s->slots[i] = k + 1;
}

/* Index every entry again (after a removal, or to grow). */
static void
reindex(struct site *s)
{
	size_t k;

	s->nslots = 64;
	while (s->nslots < s->nentries * 2 + 2)
		s->nslots *= 2;
	free(s->slots);
	s->slots = xcalloc(s->nslots, sizeof(*s->slots));
	for (k = 0; k < s->nentries; k++)
		slot_set(s, k);
}

/* Index the entry just filled in at the end. */
static void
index_last(struct site *s)
{
	if ((s->nentries + 1) * 2 > s->nslots)
		reindex(s);
	else
		slot_set(s, s->nentries - 1);
}

static struct site_entry *
entry_new(struct site *s)
{
	struct site_entry *e;

	if (s->nentries == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->entries = xreallocarray(s->entries, s->cap,
		    sizeof(*s->entries));
	}
	e = &s->entries[s->nentries++];
	memset(e, 0, sizeof(*e));
	return e;
}

static void
entry_free(struct site_entry *e)
{
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
	free(e->follows);
	free(e->follows_name);
	site_revisions_free(e->revs, e->nrevs);
}

void
site_add(struct site *s, const struct document *d, struct site_revision *revs,
    size_t nrevs)
{
	const struct doc_meta *m = &d->meta;
	struct site_entry *e = entry_new(s);

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
	e->pending = 0;
	e->follows = dup_or_null(m->follows);
	e->follows_name = dup_or_null(m->follows_name);
	e->revs = revs;
	e->nrevs = nrevs;
	index_last(s);
}

void
site_add_pending(struct site *s, const struct document *d)
{
	const struct doc_meta *m = &d->meta;
	struct site_entry *e = entry_new(s);

	/* who, never what: no version, status or date of the draft */
	e->id = xstrdup(m->school_id);
	e->name = xstrdup(m->school);
	e->board_id = xstrdup(m->board_id);
	e->board = xstrdup(m->board);
	e->title = xstrdup(m->title);
	e->version = xstrdup("");
	e->status = xstrdup("");
	e->pending = 1;
	e->follows = dup_or_null(m->follows);
	e->follows_name = dup_or_null(m->follows_name);
	index_last(s);
}

/* The last entry takes the place of the one removed: order is free
   (site_render sorts, site_records too). */
void
site_remove(struct site *s, const char *id)
{
	size_t i = find(s, id);

	if (i == SIZE_MAX)
		return;
	entry_free(&s->entries[i]);
	s->entries[i] = s->entries[--s->nentries];
	reindex(s);
}

size_t
site_count(const struct site *s)
{
	return s->nentries;
}

const char *
site_id(const struct site *s, size_t i)
{
	return s->entries[i].id;
}

/* ------------------------------------------------------------------ */
/* Records: one line per school, tab-separated, for workers and files   */

/* A field: backslash escapes for \\, tab, newline, CR; "\-" is NULL. */
static void
rec_field(struct buf *b, const char *v)
{
	if (b->len > 0 && b->data[b->len - 1] != '\n')
		buf_putc(b, '\t');
	if (v == NULL) {
		buf_puts(b, "\\-");
		return;
	}
	for (; *v != '\0'; v++)
		switch (*v) {
		case '\\': buf_puts(b, "\\\\"); break;
		case '\t': buf_puts(b, "\\t"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		default: buf_putc(b, *v); break;
		}
}

static void
rec_entry(struct buf *b, const struct site_entry *e)
{
	char num[32];
	size_t i;

	rec_field(b, e->id);
	rec_field(b, e->name);
	rec_field(b, e->board_id);
	rec_field(b, e->board);
	rec_field(b, e->title);
	rec_field(b, e->version);
	rec_field(b, e->status);
	rec_field(b, e->adopted);
	rec_field(b, e->review);
	rec_field(b, e->schoolyear);
	rec_field(b, e->pending ? "2" : "0");
	rec_field(b, e->follows);
	rec_field(b, e->follows_name);
	snprintf(num, sizeof(num), "%zu", e->nrevs);
	rec_field(b, num);
	for (i = 0; i < e->nrevs; i++) {
		rec_field(b, e->revs[i].version);
		rec_field(b, e->revs[i].status);
		rec_field(b, e->revs[i].date);
		rec_field(b, e->revs[i].href);
		rec_field(b, e->revs[i].label);
		rec_field(b, e->revs[i].pdf);
		rec_field(b, e->revs[i].text);
	}
	buf_putc(b, '\n');
}

void
site_record(const struct site *s, const char *id, struct buf *out)
{
	size_t i = find(s, id);

	if (i != SIZE_MAX)
		rec_entry(out, &s->entries[i]);
}

static int
id_cmp(const void *a, const void *b)
{
	return strcmp((*(const struct site_entry *const *)a)->id,
	    (*(const struct site_entry *const *)b)->id);
}

void
site_records(const struct site *s, struct buf *out)
{
	const struct site_entry **v = xcalloc(s->nentries + 1, sizeof(*v));
	size_t i;

	/* by id: the same bytes however the entries came */
	for (i = 0; i < s->nentries; i++)
		v[i] = &s->entries[i];
	qsort(v, s->nentries, sizeof(*v), id_cmp);
	for (i = 0; i < s->nentries; i++)
		rec_entry(out, v[i]);
	free(v);
}

/* The next field of a record line; NULL for "\-" or past the end. */
static char *
rec_take(const char **p, const char *end, int *ok)
{
	struct buf b = { 0 };
	const char *q = *p;

	if (q > end) {
		*ok = 0;
		return NULL;
	}
	if (end - q >= 2 && q[0] == '\\' && q[1] == '-' &&
	    (q + 2 == end || q[2] == '\t')) {
		*p = q + 3;
		return NULL;
	}
	buf_puts(&b, "");
	for (; q < end && *q != '\t'; q++) {
		if (*q != '\\' || q + 1 == end) {
			buf_putc(&b, *q);
			continue;
		}
		switch (*++q) {
		case 't': buf_putc(&b, '\t'); break;
		case 'n': buf_putc(&b, '\n'); break;
		case 'r': buf_putc(&b, '\r'); break;
		default: buf_putc(&b, *q); break;
		}
	}
	*p = q + 1;
	return buf_detach(&b);
}

/* Parse one line [p, end) into e; return 0, or -1 when malformed. */
static int
rec_parse(struct site_entry *e, const char *p, const char *end)
{
	char *draft, *nrevs, *x;
	unsigned long n;
	size_t i;
	int ok = 1;

	e->id = rec_take(&p, end, &ok);
	e->name = rec_take(&p, end, &ok);
	e->board_id = rec_take(&p, end, &ok);
	e->board = rec_take(&p, end, &ok);
	e->title = rec_take(&p, end, &ok);
	e->version = rec_take(&p, end, &ok);
	e->status = rec_take(&p, end, &ok);
	e->adopted = rec_take(&p, end, &ok);
	e->review = rec_take(&p, end, &ok);
	e->schoolyear = rec_take(&p, end, &ok);
	draft = rec_take(&p, end, &ok);
	e->follows = rec_take(&p, end, &ok);
	e->follows_name = rec_take(&p, end, &ok);
	nrevs = rec_take(&p, end, &ok);
	/* "2": nothing adopted; "1" (a draft shown as published) is an
	   older build's record: malformed, so the school is built again */
	e->pending = draft != NULL && strcmp(draft, "2") == 0;
	if (draft == NULL || (strcmp(draft, "0") != 0 && !e->pending))
		ok = 0;
	n = nrevs != NULL ? strtoul(nrevs, &x, 10) : 0;
	if (nrevs == NULL || *x != '\0' || n > 10000)
		ok = 0;
	free(draft);
	free(nrevs);
	if (ok && n > 0) {
		e->revs = xcalloc(n, sizeof(*e->revs));
		e->nrevs = n;
		for (i = 0; i < n; i++) {
			e->revs[i].version = rec_take(&p, end, &ok);
			e->revs[i].status = rec_take(&p, end, &ok);
			e->revs[i].date = rec_take(&p, end, &ok);
			e->revs[i].href = rec_take(&p, end, &ok);
			e->revs[i].label = rec_take(&p, end, &ok);
			e->revs[i].pdf = rec_take(&p, end, &ok);
			e->revs[i].text = rec_take(&p, end, &ok);
		}
	}
	if (p <= end)
		ok = 0;		/* fields left over */
	if (e->id == NULL || e->name == NULL || e->board_id == NULL ||
	    e->board == NULL || e->title == NULL || e->version == NULL ||
	    e->status == NULL)
		ok = 0;
	return ok ? 0 : -1;
}

int
site_add_records(struct site *s, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;
	struct site_entry e;
	size_t i;
	int bad = 0;

	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (nl == p)
			continue;
		memset(&e, 0, sizeof(e));
		if (rec_parse(&e, p, nl) == -1) {
			entry_free(&e);
			bad++;
			continue;
		}
		if ((i = find(s, e.id)) != SIZE_MAX) {
			/* a newer record replaces */
			entry_free(&s->entries[i]);
			s->entries[i] = e;
			continue;
		}
		*entry_new(s) = e;
		index_last(s);
	}
	return bad ? -1 : 0;
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
		free(r[i].text);
	}
	free(r);
}

void
site_free(struct site *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nentries; i++)
		entry_free(&s->entries[i]);
	free(s->entries);
	free(s->slots);
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
	char *text, *href;

	if (e->follows != NULL) {
		/* its protocol is the board's: link it (once adopted) */
		text = xasprintf("%s %s", tr("site.follows"), e->follows_name ?
		    e->follows_name : e->follows);
		h_el_text(dl, "dt", NULL, tr("site.follows.label"));
		dd = h_el(dl, "dd", NULL);
		if (e->pending)
			h_text(dd, text);
		else {
			href = xasprintf("%s/protocol.html", e->follows);
			h_link(dd, href, text);
			free(href);
		}
		free(text);
	}
	if (e->pending) {
		fact(dl, tr("meta.status"), tr("site.pending"));
		h_el_text(item, "p", "site-pending", tr("site.pending.note"));
		return;
	}
	fact(dl, tr("meta.version"), e->version);
	fact(dl, tr("meta.status"), trx("status", e->status));
	h_el_text(dl, "dt", NULL, tr("site.adopted"));
	dd = h_el(dl, "dd", NULL);
	if (e->adopted != NULL)
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
	const char *label, *file;
	size_t i;

	if (e->pending)
		return;		/* a draft is never linked from here */
	for (i = 0; i <= s->nlinks; i++) {
		/* the outputs, then the archive of every adopted version */
		file = i < s->nlinks ? s->links[i] : "versies.html";
		/* a follower has only its schoolgids section */
		if (e->follows != NULL && !str_starts(file, "schoolgids"))
			continue;
		buf_reset(&key);
		if (i < s->nlinks)
			buf_printf(&key, "site.file.%s", file);
		else
			buf_puts(&key, "site.archive");
		label = tr(buf_str(&key));
		if (ul == NULL) {
			ul = h_el(item, "ul", "site-links");
			h_attr(ul, "aria-label", tr("site.links"));
		}
		buf_reset(&href);
		buf_printf(&href, "%s/%s", e->id, file);
		a = h_link(h_el(ul, "li", NULL), buf_str(&href), label);
		/* a screen reader's list of links names the school too */
		buf_reset(&key);
		buf_printf(&key, ", %s", e->name);
		h_el_text(a, "span", "visually-hidden", buf_str(&key));
	}
	buf_free(&key);
	buf_free(&href);
}

/*
 * " (PDF, Word)" after a redline's link; a screen reader hears which one.
 * The Word file is always written beside the PDF (cli/publish.c), so its
 * name is the PDF's with another extension.
 */
static void
pdf_link(xmlNodePtr td, const struct site_revision *r)
{
	xmlNodePtr a;
	char *hidden, *docx;
	size_t n = strlen(r->pdf);

	h_text(td, " (");
	a = h_link(td, r->pdf, tr("site.history.pdf"));
	hidden = xasprintf(": %s", r->label ? r->label : r->pdf);
	h_el_text(a, "span", "visually-hidden", hidden);
	if (n > 4 && strcmp(r->pdf + n - 4, ".pdf") == 0) {
		h_text(td, ", ");
		docx = xasprintf("%.*s.docx", (int)(n - 4), r->pdf);
		a = h_link(td, docx, tr("site.history.docx"));
		h_el_text(a, "span", "visually-hidden", hidden);
		free(docx);
	}
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
		if (r->text != NULL) {
			xmlNodePtr a = h_link(td, r->text, tr("site.history.text"));
			char *hidden = xasprintf(" %s %s, %s", tr("meta.version"),
			    r->version, e->name);
			h_el_text(a, "span", "visually-hidden", hidden);
			free(hidden);
			if (r->href != NULL)
				h_text(td, "; ");
		}
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

int
site_deps(void (*fn)(void *, const char *), void *arg)
{
	return page_files("site.html", fn, arg);
}
