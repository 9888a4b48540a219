/*
 * PDF backend: layout.  Turns the document model into a flow of units
 * (lines, table rows, rules, structure tags, destinations) that
 * pdf_page.c paginates and pdf_draw.c draws.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "model/model.h"
#include "render/pdf/pdf.h"
#include "render/schoolgids/schoolgids.h"

#define HYPHEN_DIC	"/usr/share/hyphen/hyph_nl_NL.dic"

static struct {
	int		 ready;
	struct render	 r;		/* reused by every render */
	char		*names;		/* words of this school's names */
	char		*conf;		/* templates/fonts.conf */
} P;

struct pdf_style
pdf_style(int face, double size, unsigned rgb)
{
	struct pdf_style st = { .face = face, .size = size, .rgb = rgb,
	    .link = -1 };

	return st;
}

/* Baseline below the top of a line box. */
static double
baseline(double size, double lead)
{
	double asc, desc;

	pdf_font_metrics(FACE_REGULAR, &asc, &desc);
	return (lead + (asc - desc) * size) / 2;
}

/* ---------------------------------------------------------------- units */

static struct unit *
unit_add(struct render *r, enum ukind k)
{
	struct unit *u;

	ARRAY_RESERVE(r->u, r->nu, r->capu);
	u = &r->u[r->nu++];
	memset(u, 0, sizeof(*u));
	u->kind = k;
	return u;
}

static void
tag(struct render *r, const char *t)
{
	unit_add(r, U_TAG)->tag = t;
}

static void
end(struct render *r, const char *t)
{
	unit_add(r, U_END)->tag = t;
}

/* A string the units may borrow until the next render. */
static const char *
keep_str(struct render *r, char *s)
{
	ARRAY_RESERVE(r->owned, r->nowned, r->capowned);
	r->owned[r->nowned++] = s;
	return s;
}

static void
dest(struct render *r, const char *name, const char *bookmark)
{
	struct unit *u = unit_add(r, U_DEST);

	u->name = name;
	u->bookmark = bookmark;
}

static int
link_add(struct render *r, int internal, const char *target)
{
	ARRAY_RESERVE(r->links, r->nlinks, r->caplinks);
	r->links[r->nlinks].internal = internal;
	r->links[r->nlinks].target = xstrdup(target);
	return (int)r->nlinks++;
}

/*
 * Lines [first, first + n) as units at x.  The first and last two lines
 * of a paragraph stay together: no widows, no orphans.
 */
static void
emit_lines(struct render *r, size_t first, size_t n, double x, double size,
    double lead, double before, int keep_last)
{
	struct unit *u;
	size_t k;

	for (k = 0; k < n; k++) {
		u = unit_add(r, U_LINE);
		u->h = lead;
		u->base = baseline(size, lead);
		u->x = x;
		u->line = first + k;
		u->before = k == 0 ? before : 0;
		u->keep = n >= 2 && (k == 0 || k + 2 == n);
		if (k + 1 == n && keep_last)
			u->keep = 1;
	}
}

/* --------------------------------------------------------------- inline */

static int
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Is the word (without surrounding punctuation) part of a name? */
static int
name_word(const char *w, size_t len)
{
	const char *p;
	size_t n;

	while (len > 0 && strchr(",.;:!?)'\"", w[len - 1]) != NULL)
		len--;
	while (len > 0 && strchr("('\"", w[0]) != NULL) {
		w++;
		len--;
	}
	for (p = P.names; p != NULL && *p != '\0'; p += n + 1) {
		n = strcspn(p, " ");
		if (n == len && memcmp(p, w, n) == 0)
			return 1;
		if (p[n] == '\0')
			break;
	}
	return 0;
}

static void
inl_word(struct inl *in, const char *w, size_t len,
    const struct pdf_style *st, int nohyph)
{
	struct pdf_atom *a;
	char *clean = NULL;
	const char *shy;

	/* soft hyphens in the source would survive into extracted text */
	if ((shy = memmem(w, len, "\xC2\xAD", 2)) != NULL) {
		size_t i, k = 0;
		clean = xmalloc(len);
		for (i = 0; i < len; i++) {
			if (i + 1 < len && memcmp(w + i, "\xC2\xAD", 2) == 0) {
				i++;
				continue;
			}
			clean[k++] = w[i];
		}
		w = clean;
		len = k;
	}
	if (len > 0) {
		ARRAY_RESERVE(in->a, in->n, in->cap);
		a = &in->a[in->n++];
		a->w = pdf_shape(st->face, w, len);
		a->style = *st;
		a->glue = in->glue && in->n > 1;
		a->hard = in->hard && in->n > 1;
		a->nohyph = nohyph || st->link >= 0 || name_word(w, len);
		a->tie = in->tie && in->n > 1;
		in->glue = in->hard = in->tie = 0;
	}
	free(clean);
}

/* Text split at spaces into atoms. */
static void
inl_text(struct inl *in, const char *s, const struct pdf_style *st,
    int nohyph)
{
	size_t n;

	while (*s != '\0') {
		if (is_space(*s)) {
			in->glue = 1;
			s++;
			continue;
		}
		for (n = 0; s[n] != '\0' && !is_space(s[n]); n++)
			;
		inl_word(in, s, n, st, nohyph);
		s += n;
	}
}

size_t
pdf_plain(struct render *r, const char *text, const struct pdf_style *st,
    double width, size_t *n)
{
	struct inl in = { 0 };
	size_t first;

	inl_text(&in, text, st, 1);
	first = para_break(&r->store, in.a, in.n, width, 0, 0, n);
	free(in.a);
	return first;
}

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
		return link_add(r, 1, url + 1);
	}
	if (str_starts(url, "https://") || str_starts(url, "http://") ||
	    str_starts(url, "mailto:") || str_starts(url, "tel:"))
		return link_add(r, 0, url);
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
	st.link = link_add(r, 1, name);
	in->glue = 0;
	inl_text(in, num, &st, 1);
}

/* Collect the inline content of a paragraph node into f->in. */
static void
collect(struct flow *f, cmark_node *para)
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
			inl_text(&f->in, cmark_node_get_literal(n), &st, 0);
			break;
		case CMARK_NODE_CODE:
			inl_text(&f->in, cmark_node_get_literal(n), &st, 1);
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
	tag(f->r, "Lbl");
	u = unit_add(f->r, U_LABEL);
	u->line = f->label;
	u->x = f->label_x;
	end(f->r, "Lbl");
	tag(f->r, "LBody");
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
	tag(f->r, "LI");
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
		end(f->r, "LBody");
	f->nitems--;
	end(f->r, "LI");
}

static void
paragraph(struct flow *f, cmark_node *n)
{
	size_t first, count;

	f->in.n = 0;
	f->in.glue = f->in.hard = 0;
	collect(f, n);
	if (f->in.n == 0)
		return;
	open_body(f);
	tag(f->r, "P");
	first = para_break(&f->r->store, f->in.a, f->in.n, TEXT_W - f->indent,
	    1, 1, &count);
	emit_lines(f->r, first, count, f->indent, f->size, f->lead, f->before,
	    0);
	end(f->r, "P");
	f->before = f->nlists > 0 && f->list[f->nlists - 1].tight ?
	    ITEM_GAP : PARA_GAP;
}

static void
list_enter(struct flow *f, cmark_node *n)
{
	open_body(f);
	tag(f->r, "L");
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
	end(f->r, "L");
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
static void
blocks(struct flow *f, cmark_node *root)
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
				tag(f->r, "BlockQuote");
			} else
				end(f->r, "BlockQuote");
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

/* ------------------------------------------------------------- sections */

/* A heading: its number hangs where article numbers do. */
static void
heading(struct flow *f, const char *tagname, const char *num,
    const char *title, double size, double lead, double before)
{
	struct pdf_style st = pdf_style(FACE_BOLD, size, ACCENT);
	size_t first, n;
	double x = num != NULL ? ART_INDENT : 0;

	tag(f->r, tagname);
	if (num != NULL) {
		f->label = para_label(&f->r->store, pdf_shape_str(FACE_BOLD,
		    num), &st);
		unit_add(f->r, U_LABEL)->line = f->label;
	}
	first = pdf_plain(f->r, title, &st, TEXT_W - x, &n);
	emit_lines(f->r, first, n, x, size, lead, before, 1);
	end(f->r, tagname);
	f->before = 4;
}

static void
section_heading(struct flow *f, const struct doc_section *s)
{
	struct buf b = { 0 };
	const char *mark;

	if (s->appendix)
		buf_printf(&b, "%s: %s", s->number, s->title);
	else
		buf_printf(&b, "%s %s", s->number, s->title);
	mark = keep_str(f->r, buf_detach(&b));
	dest(f->r, s->id, mark);
	if (s->appendix)
		heading(f, "H2", NULL, mark, H2_SIZE, H2_LEAD, H2_BEFORE);
	else
		heading(f, "H2", s->number, s->title, H2_SIZE, H2_LEAD,
		    H2_BEFORE);
}

/* Articles and items come in runs: one list each. */
static void
run_switch(struct flow *f, enum clause_kind *run, enum clause_kind k)
{
	if (*run == k)
		return;
	if (*run == CLAUSE_ARTICLE || *run == CLAUSE_ITEM)
		end(f->r, "L");
	if (k == CLAUSE_ARTICLE || k == CLAUSE_ITEM)
		tag(f->r, "L");
	*run = k;
}

static void
block(struct flow *f, const struct doc_block *b)
{
	dest(f->r, b->clause->id, NULL);
	switch (b->kind) {
	case CLAUSE_ARTICLE:
		item_begin(f);
		set_label(f, b->number, FACE_BOLD, ACCENT, 0);
		f->indent = ART_INDENT;
		blocks(f, b->tree);
		item_end(f);
		break;
	case CLAUSE_ITEM:
		item_begin(f);
		set_label(f, "\xE2\x80\xA2", FACE_REGULAR, INK, 3);
		f->indent = LIST_INDENT;
		blocks(f, b->tree);
		item_end(f);
		f->before = ITEM_GAP + 1;
		return;
	default:
		f->indent = 0;
		blocks(f, b->tree);
		break;
	}
	f->before = PARA_GAP;
}

static void
section(struct flow *f, const struct document *d, const struct doc_section *s)
{
	enum clause_kind run = CLAUSE_TEXT;
	size_t i;

	if (s->appendix)
		unit_add(f->r, U_NEWPAGE);
	section_heading(f, s);
	for (i = s->first; i < s->first + s->count; i++) {
		run_switch(f, &run, d->blocks[i].kind);
		block(f, &d->blocks[i]);
	}
	run_switch(f, &run, CLAUSE_TEXT);
}

/* Footnotes are laid out before pagination: their height matters. */
static void
layout_notes(struct render *r, const struct document *d)
{
	struct flow f;
	struct pdf_style st = pdf_style(FACE_REGULAR, NOTE_SIZE, INK);
	size_t i, first, n;
	char num[16];

	r->notes = xcalloc(d->nnotes, sizeof(*r->notes));
	r->nnotes = d->nnotes;
	for (i = 0; i < d->nnotes; i++) {
		flow_init(&f, r, NOTE_SIZE, NOTE_LEAD);
		first = r->store.nline;
		cmark_node *p = cmark_node_first_child(d->notes[i].tree);
		for (; p != NULL; p = cmark_node_next(p)) {
			if (cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
				continue;
			f.in.n = 0;
			collect(&f, p);
			para_break(&r->store, f.in.a, f.in.n,
			    TEXT_W - NOTE_INDENT, 1, 1, &n);
		}
		free(f.in.a);
		n = r->store.nline - first;
		snprintf(num, sizeof(num), "%d", d->notes[i].number);
		if (n > 0)
			r->store.line[first].label = (int)para_label(&r->store,
			    pdf_shape_str(FACE_REGULAR, num), &st);
		r->notes[i].line = first;
		r->notes[i].nlines = n;
		r->notes[i].h = (double)n * NOTE_LEAD;
		r->notes[i].page = -1;
	}
}

/* ---------------------------------------------------------- title block */

static void
title_line(struct render *r, const char *tagname, const char *text, int face,
    double size, double lead, unsigned rgb, double before)
{
	struct pdf_style st = pdf_style(face, size, rgb);
	size_t first, n;

	tag(r, tagname);
	first = pdf_plain(r, text, &st, TEXT_W, &n);
	emit_lines(r, first, n, 0, size, lead, before, 1);
	end(r, tagname);
}

struct unit *
pdf_row(struct render *r, struct inl *cells, const double *xs, int n,
    int header, int th_col, double size, double lead)
{
	struct unit *u;
	size_t first, count, most = 1, k;
	double w;
	int i;

	tag(r, "TR");
	u = unit_add(r, U_ROW);
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
	u->base = CELL_PAD + baseline(size, lead);
	u->w = TEXT_W;
	u->rule = 1;
	u->bg = header;
	u->keep = header;
	u->rgb = TINT;
	end(r, "TR");		/* may move the units */
	return &r->u[k];
}

/* A table row; cells[i] is the text of column i at xs[i]. */
static void
row(struct render *r, const char *const *cells, const double *xs, int n,
    int header, int head_col)
{
	struct inl in[MAXCELLS];
	int i, th;

	memset(in, 0, sizeof(in));
	for (i = 0; i < n && i < MAXCELLS; i++) {
		th = header || (head_col && i == 0);
		struct pdf_style st = pdf_style(th ? FACE_BOLD : FACE_REGULAR,
		    BODY_SIZE, th ? MUTED : INK);
		inl_text(&in[i], cells[i], &st, 1);
	}
	pdf_row(r, in, xs, n, header, head_col ? 0 : -1, BODY_SIZE,
	    BODY_LEAD);
	for (i = 0; i < n && i < MAXCELLS; i++)
		free(in[i].a);
}

static void
meta_row(struct render *r, const char *label, const char *value)
{
	static const double xs[] = { 0, 130 };
	const char *cells[2];

	if (value == NULL || *value == '\0')
		return;
	cells[0] = label;
	cells[1] = value;
	row(r, cells, xs, 2, 0, 1);
}

static void
meta_date(struct render *r, const char *label, const char *iso)
{
	struct buf b = { 0 };

	if (iso == NULL)
		return;
	date_format_nl(iso, &b);
	meta_row(r, label, buf_str(&b));
	buf_free(&b);
}

static void
caption(struct render *r, const char *text)
{
	tag(r, "Caption");
	struct pdf_style st = pdf_style(FACE_BOLD, BODY_SIZE, INK);
	size_t n, first = pdf_plain(r, text, &st, TEXT_W, &n);
	emit_lines(r, first, n, 0, BODY_SIZE, BODY_LEAD, 12, 1);
	end(r, "Caption");
}

static void
steps_table(struct render *r, const struct doc_meta *m)
{
	static const double xs[] = { 0, 160, 320 };
	const char *cells[3];
	struct buf b = { 0 };
	size_t i;

	if (m->nsteps == 0)
		return;
	tag(r, "Table");
	caption(r, tr("steps.caption"));
	cells[0] = tr("steps.body");
	cells[1] = tr("steps.act");
	cells[2] = tr("steps.date");
	row(r, cells, xs, 3, 1, 0);
	for (i = 0; i < m->nsteps; i++) {
		buf_reset(&b);
		date_format_nl(m->steps[i].date, &b);
		cells[0] = m->steps[i].body;
		cells[1] = trx("act", m->steps[i].act);
		cells[2] = buf_str(&b);
		row(r, cells, xs, 3, 0, 0);
	}
	end(r, "Table");
	buf_free(&b);
}

static void
meta_table(struct render *r, const struct doc_meta *m)
{
	struct flow f;

	flow_init(&f, r, BODY_SIZE, BODY_LEAD);
	dest(r, "documentgegevens", tr("meta.heading"));
	heading(&f, "H2", NULL, tr("meta.heading"), H2_SIZE, H2_LEAD, 18);
	tag(r, "Table");
	meta_row(r, tr("meta.title"), m->title);
	meta_row(r, tr("meta.school"), m->school);
	if (strcmp(m->board, m->school) != 0)
		meta_row(r, tr("meta.board"), m->board);
	meta_row(r, tr("meta.version"), m->version);
	meta_row(r, tr("meta.status"), trx("status", m->status));
	meta_row(r, tr("meta.schoolyear"), m->schoolyear);
	meta_row(r, tr("meta.author"), m->author);
	meta_row(r, tr("meta.owner"), m->owner);
	meta_row(r, tr("meta.maintainer"), m->maintainer);
	meta_date(r, tr("meta.effective"), m->effective);
	meta_date(r, tr("meta.review"), m->review);
	meta_row(r, tr("meta.replaces"), m->replaces);
	end(r, "Table");
	steps_table(r, m);
}

/* The draft notice: a tinted box on the first page. */
static void
draft_box(struct render *r, const struct doc_meta *m)
{
	struct inl in = { 0 };
	struct pdf_style st = pdf_style(FACE_BOLD, BODY_SIZE, MARK_INK);
	struct unit *u;
	size_t first, n;

	inl_text(&in, trx("mark", m->status), &st, 1);
	st.face = FACE_REGULAR;
	in.glue = 1;
	inl_text(&in, "\xE2\x80\x93", &st, 1);
	in.glue = 1;
	inl_text(&in, trx("mark.note", m->status), &st, 1);
	first = para_break(&r->store, in.a, in.n, TEXT_W - 2 * 8, 0, 0, &n);
	free(in.a);
	u = unit_add(r, U_ROW);
	u->ncell = 1;
	u->cell[0].line = first;
	u->cell[0].nlines = n;
	u->cell[0].x = 8;
	u->cell[0].tag = "P";
	u->lead = BODY_LEAD;
	u->h = (double)n * BODY_LEAD + 12;
	u->base = 6 + baseline(BODY_SIZE, BODY_LEAD);
	u->w = TEXT_W;
	u->bg = 1;
	u->rgb = MARK_BG;
	u->before = 10;
}

void
pdf_title_rule(struct render *r)
{
	struct unit *u = unit_add(r, U_RULE);

	u->h = 12;
	u->w = TEXT_W;
	u->base = 1.5;
	u->rgb = ACCENT;
}

static void
title_block(struct render *r, const struct doc_meta *m)
{
	struct buf b = { 0 };

	if (strcmp(m->board, m->school) != 0)
		title_line(r, "P", m->board, FACE_REGULAR, 11, 14, MUTED, 0);
	title_line(r, "H1", m->title, FACE_BOLD, 24, 30, ACCENT, 2);
	buf_puts(&b, m->school);
	if (m->schoolyear != NULL)
		buf_printf(&b, " \xC2\xB7 %s %s", tr("meta.schoolyear.short"),
		    m->schoolyear);
	title_line(r, "P", buf_str(&b), FACE_REGULAR, 13, 17, INK, 2);
	buf_free(&b);
	pdf_title_rule(r);
	if (m->draft)
		draft_box(r, m);
	meta_table(r, m);
}

/* ------------------------------------------------------- header, footer */

/* The footer's status line: "Vastgesteld op 26 november 2019 · revisie ..." */
static void
status_line(const struct doc_meta *m, struct buf *b)
{
	buf_puts(b, trx("status", m->status));
	if (b->len > 0 && b->data[0] >= 'a' && b->data[0] <= 'z')
		b->data[0] = (char)(b->data[0] - 'a' + 'A');
	if (m->adopted != NULL && strcmp(m->status, "vastgesteld") == 0) {
		buf_printf(b, " %s ", tr("footer.on"));
		date_format_nl(m->adopted, b);
	}
	if (m->review != NULL) {
		buf_printf(b, " \xC2\xB7 %s ", tr("footer.review"));
		date_format_nl(m->review, b);
	}
}

/*
 * Header: school and title on the left, the draft mark and the version on
 * the right; what does not fit on one line drops the title.
 */
static void
running_lines(struct render *r, const struct doc_meta *m)
{
	struct pdf_style st = pdf_style(FACE_REGULAR, 8.5, MUTED);
	struct pdf_style mk = pdf_style(FACE_BOLD, 8.5, MARK_INK);
	struct buf b = { 0 };
	double right;
	size_t n;

	buf_printf(&b, "%s %s", tr("meta.version.short"), m->version);
	r->head_right = pdf_plain(r, buf_str(&b), &st, TEXT_W / 3, &n);
	right = r->store.line[r->head_right].width;
	r->head_mark = -1;
	r->watermark = NULL;
	if (m->draft) {
		r->head_mark = (long)pdf_plain(r, trx("mark", m->status), &mk,
		    TEXT_W / 3, &n);
		r->watermark = trx("mark", m->status);
		right += r->store.line[r->head_mark].width + 8;
	}
	buf_reset(&b);
	buf_printf(&b, "%s \xC2\xB7 %s", m->school, m->title);
	r->head_left = pdf_plain(r, buf_str(&b), &st, TEXT_W - right - 24, &n);
	if (n > 1)
		r->head_left = pdf_plain(r, m->school, &st, TEXT_W - right - 24,
		    &n);
	buf_reset(&b);
	status_line(m, &b);
	r->foot_left = pdf_plain(r, buf_str(&b), &st, TEXT_W * 0.7, &n);
	buf_free(&b);
}

/* ------------------------------------------------------------ document */

void
pdf_layout_names(const char *school, const char *shortname,
    const char *board)
{
	struct buf b = { 0 };

	buf_printf(&b, "%s %s %s", school ? school : "", shortname ?
	    shortname : "", board ? board : "");
	free(P.names);
	P.names = buf_detach(&b);
}

static void
set_names(const struct doc_meta *m)
{
	pdf_layout_names(m->school, m->school_short, m->board);
}

static void
render_reset(struct render *r, const struct document *d)
{
	size_t i;

	for (i = 0; i < r->nlinks; i++)
		free(r->links[i].target);
	for (i = 0; i < r->nowned; i++)
		free(r->owned[i]);
	free(r->notes);
	r->notes = NULL;
	r->nnotes = 0;
	r->nlinks = r->nowned = r->nu = 0;
	store_reset(&r->store);
	r->d = d;
	pdf_font_next_document();
}

static void
layout(struct render *r, const struct document *d)
{
	struct flow f;
	size_t i;

	set_names(&d->meta);
	running_lines(r, &d->meta);
	layout_notes(r, d);
	title_block(r, &d->meta);
	flow_init(&f, r, BODY_SIZE, BODY_LEAD);
	for (i = 0; i < d->nsections; i++)
		section(&f, d, &d->sections[i]);
	free(f.in.a);
}

/* Document information; every date from the revision or SOURCE_DATE_EPOCH. */
static void
info(const struct doc_meta *m, struct buf *b, struct dev_info *in)
{
	size_t t, s, k, dt;

	buf_printf(b, "%s \xE2\x80\x93 %s", m->title, m->school);
	t = 0;
	buf_putc(b, '\0');
	s = b->len;
	buf_printf(b, "%s %s, %s %s (%s)", m->title, m->school,
	    tr("meta.version.short"), m->version, trx("status", m->status));
	buf_putc(b, '\0');
	k = b->len;
	buf_printf(b, "%s, %s, ", m->title, m->school);
	if (strcmp(m->board, m->school) != 0)
		buf_printf(b, "%s, ", m->board);
	buf_printf(b, "%s %s, %s", tr("meta.version.short"), m->version,
	    trx("status", m->status));
	buf_putc(b, '\0');
	dt = b->len;
	buf_printf(b, "%sT00:00:00Z", m->generated != NULL ? m->generated :
	    "1980-01-01");
	in->title = b->data + t;
	in->subject = b->data + s;
	in->keywords = b->data + k;
	in->date = b->data + dt;
	in->author = m->author != NULL ? m->author : m->board;
	in->creator = "protocolgen";
}

struct render *
pdf_layout_begin(const struct document *d)
{
	if (!P.ready) {
		diag_error(NULL, 0, "PDF backend used before pdf_init()");
		return NULL;
	}
	render_reset(&P.r, d);
	return &P.r;
}

int
pdf_layout_end(struct render *r, const struct dev_info *in, struct buf *out,
    const char *what)
{
	int rc;

	pdf_paginate(r);
	buf_reset(out);
	rc = pdf_draw(r, in, out);
	if (rc == 0 && pdf_catalog_set_lang(out, "nl-NL") == -1) {
		diag_error(NULL, 0, "PDF: cannot add /Lang to the catalogue "
		    "of %s", what);
		rc = -1;
	}
	return rc;
}

int
pdf_render(const struct document *d, struct buf *out)
{
	struct render *r;
	struct dev_info in;
	struct buf ib = { 0 };
	int rc;

	if ((r = pdf_layout_begin(d)) == NULL)
		return -1;
	layout(r, d);
	info(&d->meta, &ib, &in);
	rc = pdf_layout_end(r, &in, out, d->meta.school_id);
	buf_free(&ib);
	return rc;
}

/* ------------------------------------------------------------ schoolgids */

/* Column starts of a table: each column as wide as its longest text. */
static void
sg_columns(const struct sg_table *t, size_t ncols, double *xs)
{
	double want[MAXCELLS], total = 0;
	size_t i, j, len;

	for (j = 0; j < ncols; j++) {
		want[j] = (double)strlen(t->head[j]);
		for (i = 0; i < t->nrows; i++) {
			len = strlen(t->cells[i * t->ncols + j]);
			if ((double)len > want[j])
				want[j] = (double)len;
		}
		if (want[j] < 8)	/* room for a short heading */
			want[j] = 8;
		total += want[j];
	}
	xs[0] = 0;
	for (j = 1; j < ncols; j++)
		xs[j] = xs[j - 1] + TEXT_W * want[j - 1] / total;
}

static void
sg_table(struct render *r, const struct sg_table *t)
{
	const char *cells[MAXCELLS];
	double xs[MAXCELLS];
	size_t i, j, n = t->ncols < MAXCELLS ? t->ncols : MAXCELLS;

	sg_columns(t, n, xs);
	tag(r, "Table");
	if (t->caption != NULL)
		caption(r, t->caption);
	for (j = 0; j < n; j++)
		cells[j] = t->head[j];
	row(r, cells, xs, (int)n, 1, 0);
	for (i = 0; i < t->nrows; i++) {
		for (j = 0; j < n; j++)
			cells[j] = t->cells[i * t->ncols + j];
		row(r, cells, xs, (int)n, 0, 0);
	}
	end(r, "Table");
}

/* The schoolgids section: title, draft mark, parts, version line. */
static void
sg_layout(struct render *r, const struct doc_meta *m,
    const struct schoolgids *sg)
{
	struct flow f;
	struct buf b = { 0 };
	size_t i, j;

	set_names(m);
	running_lines(r, m);
	if (strcmp(m->board, m->school) != 0)
		title_line(r, "P", m->board, FACE_REGULAR, 11, 14, MUTED, 0);
	title_line(r, "H1", sg->title, FACE_BOLD, 24, 30, ACCENT, 2);
	buf_printf(&b, "%s \xC2\xB7 %s", m->school, tr("sg.page.guide"));
	if (m->schoolyear != NULL)
		buf_printf(&b, " %s", m->schoolyear);
	title_line(r, "P", buf_str(&b), FACE_REGULAR, 13, 17, INK, 2);
	buf_free(&b);
	pdf_title_rule(r);
	if (m->draft)
		draft_box(r, m);
	flow_init(&f, r, BODY_SIZE, BODY_LEAD);
	for (i = 0; i < sg->nparts; i++) {
		const struct sg_part *p = &sg->parts[i];
		if (p->title != NULL) {
			dest(r, p->id, p->title);
			heading(&f, "H2", NULL, p->title, H2_SIZE, H2_LEAD,
			    H2_BEFORE);
		}
		for (j = 0; j < p->nblocks; j++) {
			if (p->blocks[j].table != NULL) {
				sg_table(r, p->blocks[j].table);
				f.before = PARA_GAP;
				continue;
			}
			f.indent = 0;
			blocks(&f, p->blocks[j].tree);
			f.before = PARA_GAP;
		}
	}
	title_line(r, "P", sg->version_line, FACE_REGULAR, 9, 12, MUTED, 14);
	free(f.in.a);
}

int
pdf_schoolgids(const struct document *d, struct buf *out)
{
	struct render *r;
	struct schoolgids *sg;
	struct doc_meta m;
	struct dev_info in;
	struct buf ib = { 0 };
	char *what;
	int rc;

	if ((r = pdf_layout_begin(d)) == NULL)
		return -1;
	sg = schoolgids_build(d);
	m = d->meta;
	m.title = sg->title;	/* header, footer and document information */
	sg_layout(r, &m, sg);
	info(&m, &ib, &in);
	what = xasprintf("the schoolgids section of %s", d->meta.school_id);
	rc = pdf_layout_end(r, &in, out, what);
	free(what);
	buf_free(&ib);
	schoolgids_free(sg);
	return rc;
}

int
pdf_init(const char *templates_dir)
{
	char *conf, *abs;
	int rc;

	if (P.ready)
		return 0;
	/* fontconfig reads a relative name from its own folder */
	conf = xasprintf("%s/fonts.conf", templates_dir);
	abs = realpath(conf, NULL);
	rc = pdf_font_init(abs != NULL ? abs : conf);
	free(abs);
	if (rc == -1 || hyph_load(HYPHEN_DIC) == -1) {
		free(conf);
		return -1;
	}
	P.conf = conf;
	P.ready = 1;
	return 0;
}

int
pdf_deps(void (*fn)(void *, const char *), void *arg)
{
	if (!P.ready) {
		diag_error(NULL, 0, "PDF backend used before pdf_init()");
		return -1;
	}
	fn(arg, P.conf);
	pdf_font_files(fn, arg);
	fn(arg, HYPHEN_DIC);
	return 0;
}

void
pdf_teardown(void)
{
	render_reset(&P.r, NULL);
	free(P.r.u);
	free(P.r.links);
	free(P.r.owned);
	free(P.r.repeat);
	store_free(&P.r.store);
	free(P.names);
	free(P.conf);
	memset(&P, 0, sizeof(P));
	pdf_font_free();
	hyph_free();
}

/* ------------------------------------- shared with other layouts (pdf_build.h) */

struct unit *
pdf_unit(struct render *r, enum ukind k)
{
	return unit_add(r, k);
}

void
pdf_tag(struct render *r, const char *t)
{
	tag(r, t);
}

void
pdf_end(struct render *r, const char *t)
{
	end(r, t);
}

void
pdf_dest(struct render *r, const char *name, const char *bookmark)
{
	dest(r, name, bookmark);
}

int
pdf_link(struct render *r, int internal, const char *target)
{
	return link_add(r, internal, target);
}

const char *
pdf_keep(struct render *r, char *s)
{
	return keep_str(r, s);
}

void
pdf_lines(struct render *r, size_t first, size_t n, double x, double size,
    double lead, double before, int keep_last)
{
	emit_lines(r, first, n, x, size, lead, before, keep_last);
}

void
pdf_inl_text(struct inl *in, const char *s, const struct pdf_style *st,
    int nohyph)
{
	inl_text(in, s, st, nohyph);
}

void
pdf_inl_word(struct inl *in, const char *w, size_t len,
    const struct pdf_style *st, int nohyph)
{
	inl_word(in, w, len, st, nohyph);
}

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
pdf_title_line(struct render *r, const char *tagname, const char *text,
    int face, double size, double lead, unsigned rgb, double before)
{
	title_line(r, tagname, text, face, size, lead, rgb, before);
}

void
pdf_caption(struct render *r, const char *text)
{
	caption(r, text);
}
