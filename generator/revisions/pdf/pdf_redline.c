/*
 * PDF backend: a redline as a tagged A4 PDF (out/<id>/diff-A-B.pdf).  The
 * same content as diffhtml.c, from the redline model only, laid out with
 * the building blocks of pdf_build.h: summary, "was / wordt", legend, then
 * the text with its marks (double underline, strike-through, and the words
 * "[ingevoegd: …]" / "[verwijderd: …]" that extract and read aloud).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/pdf/pdf.h"
#include "revisions/revisions.h"
#include "revisions/pdf/pdf_redline.h"
#include "base/base.h"

#define TABLE_SIZE	9.5
#define TABLE_LEAD	12.5
#define DASH		"\xE2\x80\x94"	/* an empty cell */

/* A table collected before it is laid out: columns fit their content. */
struct table {
	struct inl	*cells;		/* nrows x ncols; row 0 is the header */
	const char	**dests;	/* per row: a destination, or NULL */
	size_t		 nrows, cap;
	int		 ncols;
};

/* -------------------------------------------------------------- tables */

static struct inl *
table_row(struct table *t, const char *dest)
{
	struct inl *row;

	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 8;
		t->cells = xreallocarray(t->cells, t->cap * (size_t)t->ncols,
		    sizeof(*t->cells));
		t->dests = xreallocarray(t->dests, t->cap, sizeof(*t->dests));
	}
	row = &t->cells[t->nrows * (size_t)t->ncols];
	memset(row, 0, (size_t)t->ncols * sizeof(*row));
	t->dests[t->nrows++] = dest;
	return row;
}

/* The header row: column names, bold and muted. */
static void
table_head(struct table *t, const char *const *keys)
{
	struct inl *row = table_row(t, NULL);
	int i;

	for (i = 0; i < t->ncols; i++)
		rlx_words(&row[i], tr(keys[i]), FACE_BOLD, TABLE_SIZE, MUTED,
		    -1);
}

/* The width of atoms set on one line, and of the widest atom. */
static void
measure(const struct inl *in, double *total, double *widest)
{
	const struct pdf_atom *a;
	double w;
	size_t i;

	*total = *widest = 0;
	for (i = 0; i < in->n; i++) {
		a = &in->a[i];
		w = a->w->width * a->style.size + 2 * a->style.pad;
		if (w > *widest)
			*widest = w;
		if (a->glue)
			*total += pdf_shape_str(a->style.face, " ")->width *
			    a->style.size;
		*total += w;
	}
}

/*
 * Column starts: every column as wide as its content if that fits (the
 * rest shared in proportion), else no narrower than its widest word and
 * the room above that shared in proportion to what each wants.
 */
static void
table_columns(const struct table *t, double *xs)
{
	double want[MAXCELLS] = { 0 }, least[MAXCELLS] = { 0 }, w[MAXCELLS];
	double total = 0, floor = 0, nat, wide;
	size_t i;
	int j;

	for (i = 0; i < t->nrows; i++)
		for (j = 0; j < t->ncols; j++) {
			measure(&t->cells[i * (size_t)t->ncols + j], &nat,
			    &wide);
			if (nat + 2 * CELL_PAD > want[j])
				want[j] = nat + 2 * CELL_PAD;
			if (wide + 2 * CELL_PAD > least[j])
				least[j] = wide + 2 * CELL_PAD;
		}
	for (j = 0; j < t->ncols; j++) {
		total += want[j];
		floor += least[j];
	}
	for (j = 0; j < t->ncols; j++)
		if (total <= TEXT_W)
			w[j] = want[j] + (TEXT_W - total) * want[j] / total;
		else if (floor < TEXT_W)
			w[j] = least[j] + (want[j] - least[j]) *
			    (TEXT_W - floor) / (total - floor);
		else
			w[j] = TEXT_W * least[j] / floor;
	xs[0] = 0;
	for (j = 1; j < t->ncols; j++)
		xs[j] = xs[j - 1] + w[j - 1];
}

static void
table_free(struct table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i].a);
	free(t->cells);
	free(t->dests);
	memset(t, 0, sizeof(*t));
}

/*
 * Lay the table out (caption, header row, rows) and free it; with whole,
 * no page breaks inside it.
 */
static void
table_emit(struct rlx *x, struct table *t, const char *caption, int header,
    int th_col, int whole)
{
	double xs[MAXCELLS];
	struct unit *u;
	size_t i, head = 0;

	table_columns(t, xs);
	pdf_tag(x->r, "Table");
	if (caption != NULL)
		pdf_caption(x->r, caption);
	for (i = 0; i < t->nrows; i++) {
		if (t->dests[i] != NULL)
			rlx_place(x, t->dests[i], NULL);
		u = pdf_row(x->r, &t->cells[i * (size_t)t->ncols], xs,
		    t->ncols, header && i == 0, th_col, TABLE_SIZE, TABLE_LEAD);
		if (whole && i + 1 < t->nrows)
			u->keep = 1;
		u->head = head;
		if (header && i == 0)	/* repeated on a new page */
			head = 1 + (size_t)(u - x->r->u);
	}
	pdf_end(x->r, "Table");
	table_free(t);
	x->f.before = PARA_GAP + 4;
}

/* ------------------------------------------------------------- summary */

static const char *
consent(const struct redline *rl, const struct rl_clause *c)
{
	const char *scope = revdoc_meta(c->new ? rl->to : rl->from, "scope");
	int board = scope != NULL && strcmp(scope, "board") == 0;

	return tr(c->consent == CONSENT_STAFF ? (board ?
	    "diff.consent.staff.gmr" : "diff.consent.staff.mr") : (board ?
	    "diff.consent.whole.gmr" : "diff.consent.whole.mr"));
}

static void
summary_row(struct rlx *x, struct table *t, const struct rl_clause *c)
{
	struct inl *row = table_row(t, NULL);
	const struct rev_clause *rc = c->new ? c->new : c->old;
	int link;

	rlx_unbroken(&row[0], c->new ? rlx_label(x, c, 0) : DASH, TABLE_SIZE,
	    INK, -1);
	rlx_unbroken(&row[1], c->old ? rlx_label(x, c, 1) : DASH, TABLE_SIZE,
	    INK, -1);
	rlx_change_badges(&row[2], c, BADGE_SIZE);
	rlx_anchor(c, 0, &x->b);
	link = rlx_link_to(x, buf_str(&x->b));
	rlx_words(&row[3], rc->title, FACE_BOLD, TABLE_SIZE, INK, link);
	rlx_words(&row[4], rc->id, FACE_REGULAR, TABLE_SIZE, MUTED, -1);
	rlx_words(&row[5], consent(x->rl, c), FACE_REGULAR, TABLE_SIZE, INK,
	    -1);
	if (c->why != NULL) {	/* under the title: a row has six cells */
		row[3].glue = row[3].hard = 1;
		rlx_words(&row[3], tr("diff.rationale.clause"), FACE_BOLD,
		    TABLE_SIZE, ACCENT, -1);
		row[3].glue = 1;
		rlx_words(&row[3], c->why, FACE_ITALIC, TABLE_SIZE, INK, -1);
	}
}


/* "NIEUW 1 · VERVALLEN 1 · ...": each count after its badge. */
static void
count(struct inl *in, enum badge b, size_t n)
{
	struct pdf_style dot = pdf_style(FACE_BOLD, BODY_SIZE, MUTED);
	char num[32];

	if (n == 0)
		return;
	if (in->n > 0) {
		dot.pad = 2;
		pdf_inl_word(in, "\xC2\xB7", 2, &dot, 1);
	}
	rlx_badge(in, b, BADGE_SIZE);
	snprintf(num, sizeof(num), "%zu", n);
	in->tie = 1;
	rlx_words(in, num, FACE_BOLD, BODY_SIZE, INK, -1);
	in->glue = 1;
}

static void
clause_table(struct rlx *x)
{
	static const char *const cols[] = { "diff.col.now", "diff.col.was",
	    "diff.col.change", "diff.col.title", "diff.col.id",
	    "diff.col.consent" };
	const struct redline *rl = x->rl;
	struct table t = { .ncols = 6 };
	size_t i, j;

	table_head(&t, cols);
	for (i = 0; i < rl->nsections; i++)
		for (j = 0; j < rl->sections[i].nentries; j++) {
			const struct rl_entry *e = &rl->sections[i].entries[j];
			if (e->kind == RL_ENTRY_CLAUSE && rl_listed(e->c))
				summary_row(x, &t, e->c);
		}
	for (i = 0; i < rl->nnotes; i++)
		if (rl_listed(&rl->notes[i]))
			summary_row(x, &t, &rl->notes[i]);
	if (t.nrows > 1)
		table_emit(x, &t, tr("diff.table.clauses"), 1, 3, 0);
	else
		table_free(&t);
}

static void
summary(struct rlx *x)
{
	const struct rl_counts *k = &x->rl->count;

	rlx_h2(x, "samenvatting", tr("diff.summary"));
	rlx_rationale(x);
	if (k->added + k->removed + k->changed + k->moved + k->by_config ==
	    0) {
		rlx_plain_para(x, tr("diff.nochange"), BODY_SIZE, BODY_LEAD,
		    INK);
		return;
	}
	count(&x->in, B_NEW, k->added);
	count(&x->in, B_REMOVED, k->removed);
	count(&x->in, B_CHANGED, k->changed);
	count(&x->in, B_MOVED, k->moved);
	count(&x->in, B_CONFIG, k->by_config);
	rlx_para(x, BODY_SIZE, BODY_LEAD, 0, 0);
	clause_table(x);
}

/* ------------------------------------------------ was / wordt, legend */

/* "hoofdstuk 1, artikel 2.3": the clauses a cause changed, linked. */
static void
effect_cell(struct rlx *x, struct inl *cell, const struct rl_cause *u)
{
	const struct redline *rl = x->rl;
	size_t i;

	if (u->nclauses == 0)
		rlx_words(cell, DASH, FACE_REGULAR, TABLE_SIZE, INK, -1);
	for (i = 0; i < u->nclauses; i++) {
		const struct rl_clause *c = u->clauses[i] < rl->nclauses ?
		    &rl->clauses[u->clauses[i]] :
		    &rl->notes[u->clauses[i] - rl->nclauses];
		if (i > 0) {
			cell->glue = 0;
			rlx_words(cell, ",", FACE_REGULAR, TABLE_SIZE, INK, -1);
			cell->glue = 1;
		}
		rlx_unbroken(cell, rlx_label(x, c, 0), TABLE_SIZE, INK,
		    rlx_link_to(x, c->new->id));
	}
}

static void
causes(struct rlx *x)
{
	static const char *const cols[] = { "diff.col.what", "diff.col.before",
	    "diff.col.after", "diff.col.effect" };
	struct table t = { .ncols = 4 };
	struct inl *row;
	size_t i;

	rlx_h2(x, "was-wordt", tr("diff.causes"));
	if (x->rl->ncauses == 0) {
		rlx_plain_para(x, tr("diff.nocauses"), BODY_SIZE, BODY_LEAD,
		    INK);
		return;
	}
	table_head(&t, cols);
	for (i = 0; i < x->rl->ncauses; i++) {
		const struct rl_cause *u = &x->rl->causes[i];
		row = table_row(&t, pdf_keep(x->r, xasprintf("oorzaak-%zu",
		    i + 1)));
		rlx_words(&row[0], u->what, FACE_BOLD, TABLE_SIZE, INK, -1);
		rlx_words(&row[1], u->was ? u->was : DASH, FACE_REGULAR,
		    TABLE_SIZE, INK, -1);
		rlx_words(&row[2], u->now ? u->now : DASH, FACE_REGULAR,
		    TABLE_SIZE, INK, -1);
		effect_cell(x, &row[3], u);
	}
	table_emit(x, &t, tr("diff.table.causes"), 1, 0, 0);
}

static void
legend_row(struct table *t, enum badge b, const char *desc)
{
	struct inl *row = table_row(t, NULL);

	rlx_badge(&row[0], b, BADGE_SIZE);
	rlx_words(&row[1], tr(desc), FACE_REGULAR, TABLE_SIZE, INK, -1);
}

static void
legend(struct rlx *x)
{
	struct table t = { .ncols = 2 };
	struct inl *row;

	rlx_h2(x, "leeswijzer", tr("diff.legend"));
	row = table_row(&t, NULL);
	rlx_marked_words(&row[0], MARK_INS, tr("diff.legend.example"),
	    TABLE_SIZE);
	rlx_words(&row[1], tr("diff.legend.ins"), FACE_REGULAR, TABLE_SIZE, INK,
	    -1);
	row = table_row(&t, NULL);
	rlx_marked_words(&row[0], MARK_DEL, tr("diff.legend.example"),
	    TABLE_SIZE);
	rlx_words(&row[1], tr("diff.legend.del"), FACE_REGULAR, TABLE_SIZE, INK,
	    -1);
	legend_row(&t, B_NEW, "diff.legend.new");
	legend_row(&t, B_REMOVED, "diff.legend.removed");
	legend_row(&t, B_CHANGED, "diff.legend.changed");
	legend_row(&t, B_MOVED, "diff.legend.moved");
	legend_row(&t, B_CONFIG, "diff.legend.config");
	table_emit(x, &t, NULL, 0, 0, 1);
	rlx_plain_para(x, tr("diff.pdf.marks"), BODY_SIZE, BODY_LEAD, INK);
	rlx_plain_para(x, tr("diff.legend.numbers"), BODY_SIZE, BODY_LEAD, INK);
	if (x->collapse)
		rlx_plain_para(x, tr("diff.pdf.collapsed"), BODY_SIZE,
		    BODY_LEAD, INK);
}

/* ---------------------------------------------- title, header, info */

/* "basisschool De Linde · van versie 1.0 (vastgesteld) naar ..." */
static void
from_to(const struct redline *rl, struct buf *b)
{
	buf_printf(b, "%s ", tr("diff.from"));
	rl_version(rl->from, b);
	buf_printf(b, " %s ", tr("diff.to"));
	rl_version(rl->to, b);
}

static void
title_block(struct rlx *x)
{
	const struct redline *rl = x->rl;
	const char *board = revdoc_meta(rl->to, "board");
	const char *school = revdoc_meta(rl->to, "name");
	const char *title = revdoc_meta(rl->to, "title");
	struct buf b = { 0 };

	if (rl->look != NULL)
		pdf_logo(x->r, rl->look);
	if (board != NULL && school != NULL && strcmp(board, school) != 0)
		pdf_title_line(x->r, "P", board, FACE_REGULAR, 11, 14, MUTED,
		    0);
	buf_printf(&b, "%s: %s", title ? title : "", tr("diff.heading"));
	pdf_title_line(x->r, "H1", buf_str(&b), FACE_BOLD, 24, 30, ACCENT, 2);
	buf_reset(&b);
	buf_printf(&b, "%s \xC2\xB7 ", school ? school : "");
	from_to(rl, &b);
	if (rl->to->draft)
		buf_printf(&b, ", %s", tr("diff.current"));
	pdf_title_line(x->r, "P", buf_str(&b), FACE_REGULAR, 13, 17, INK, 2);
	pdf_title_rule(x->r);
	buf_free(&b);
}

/*
 * Header: the school and "Wijzigingen" left, "versie 1.0 → 1.1" right;
 * footer: "Vergelijking van versie 1.0 (vastgesteld) naar ...", shorter
 * when that does not fit.
 */
static void
running_lines(struct rlx *x)
{
	struct render *r = x->r;
	struct pdf_style st = pdf_style(FACE_REGULAR, 8.5, MUTED);
	const char *school = revdoc_meta(x->rl->to, "name");
	struct buf b = { 0 };
	double right;
	size_t n;

	buf_printf(&b, "%s %s \xE2\x86\x92 %s", tr("meta.version.short"),
	    x->rl->from->version, x->rl->to->version);
	r->head_right = pdf_plain(r, buf_str(&b), &st, TEXT_W / 3, &n);
	right = r->store.line[r->head_right].width;
	r->head_mark = -1;
	r->watermark = NULL;
	buf_reset(&b);
	buf_printf(&b, "%s \xC2\xB7 %s", school ? school : "",
	    tr("diff.title"));
	r->head_left = pdf_plain(r, buf_str(&b), &st, TEXT_W - right - 24, &n);
	if (n > 1)
		r->head_left = pdf_plain(r, school ? school : "", &st, TEXT_W -
		    right - 24, &n);
	buf_reset(&b);
	buf_printf(&b, "%s ", tr("diff.footer"));
	rl_version(x->rl->from, &b);
	buf_printf(&b, " %s ", tr("diff.to"));
	rl_version(x->rl->to, &b);
	r->foot_left = pdf_plain(r, buf_str(&b), &st, TEXT_W * 0.7, &n);
	if (n > 1) {
		buf_reset(&b);
		buf_printf(&b, "%s %s %s %s %s", tr("diff.footer"),
		    tr("meta.version.short"), x->rl->from->version,
		    tr("diff.to"), x->rl->to->version);
		r->foot_left = pdf_plain(r, buf_str(&b), &st, TEXT_W * 0.7,
		    &n);
	}
	buf_free(&b);
}

/* The date of the last approval step of r ("step: MR instemming DATE"). */
static const char *
last_step_date(const struct revdoc *r)
{
	const char *date = NULL, *sp;
	size_t i;

	for (i = 0; i < r->nmeta; i++)
		if (strcmp(r->meta[i].key, "step") == 0 &&
		    (sp = strrchr(r->meta[i].value, ' ')) != NULL)
			date = sp + 1;
	return date;
}

/*
 * The date of the document, never the clock: SOURCE_DATE_EPOCH, else the
 * new revision's adoption, consent or last step, as for the protocol.
 */
static void
doc_date(const struct revdoc *to, struct buf *b)
{
	struct rev_step s;
	int set;

	source_date_epoch(&set);
	if (set)
		buf_puts(b, date_today());
	else if (revdoc_step(to, "vaststelling", -1, &s) ||
	    revdoc_step(to, "instemming", -1, &s))
		buf_puts(b, s.date);
	else
		buf_puts(b, last_step_date(to) ? last_step_date(to) :
		    "1980-01-01");
	buf_puts(b, "T00:00:00Z");
}

/* Document information: title as the HTML's, every date from a revision. */
static void
info(const struct redline *rl, struct buf *b, struct dev_info *in)
{
	const char *school = revdoc_meta(rl->to, "name");
	const char *board = revdoc_meta(rl->to, "board");
	const char *title = revdoc_meta(rl->to, "title");
	const char *author = revdoc_meta(rl->to, "author");
	size_t t, s, k, d;

	school = school ? school : "";
	title = title ? title : "";
	t = b->len;
	buf_printf(b, "%s %s \xE2\x86\x92 %s \xE2\x80\x93 %s", tr("diff.title"),
	    rl->from->version, rl->to->version, school);
	buf_putc(b, '\0');
	s = b->len;
	buf_printf(b, "%s, %s: %s ", title, school, tr("diff.pdf.subject"));
	rl_version(rl->from, b);
	buf_printf(b, " %s ", tr("diff.to"));
	rl_version(rl->to, b);
	buf_putc(b, '\0');
	k = b->len;
	buf_printf(b, "%s, %s, ", title, school);
	if (board != NULL && strcmp(board, school) != 0)
		buf_printf(b, "%s, ", board);
	buf_printf(b, "%s, %s %s, %s %s", tr("diff.heading"),
	    tr("meta.version.short"), rl->from->version,
	    tr("meta.version.short"), rl->to->version);
	buf_putc(b, '\0');
	d = b->len;
	doc_date(rl->to, b);
	in->title = b->data + t;
	in->subject = b->data + s;
	in->keywords = b->data + k;
	in->date = b->data + d;
	in->author = author != NULL ? author : board;
	in->creator = "protocolgen";
}

/* ------------------------------------------------------------ document */

static void
layout(struct rlx *x)
{
	pdf_layout_names(revdoc_meta(x->rl->to, "name"),
	    revdoc_value(x->rl->to, "school.short"),
	    revdoc_meta(x->rl->to, "board"));
	running_lines(x);
	title_block(x);
	pdf_flow_init(&x->f, x->r, BODY_SIZE, BODY_LEAD);
	legend(x);
	summary(x);
	causes(x);
	rlx_text_part(x);
	rlx_decision(x);
}

int
pdf_redline(const struct redline *rl, int collapse, struct buf *out)
{
	struct rlx x = { .rl = rl, .collapse = collapse };
	struct dev_info in;
	struct buf ib = { 0 };
	char *what;
	size_t i;
	int rc;

	if ((x.r = pdf_layout_begin(NULL)) == NULL)
		return -1;
	if (rl->look != NULL)
		pdf_layout_look(rl->look);
	rlx_dests_collect(&x);
	layout(&x);
	memset(&in, 0, sizeof(in));
	info(rl, &ib, &in);
	what = xasprintf("the redline %s to %s of %s", rl->from->version,
	    rl->to->version, revdoc_meta(rl->to, "school") ?
	    revdoc_meta(rl->to, "school") : "?");
	rc = pdf_layout_end(x.r, &in, out, what);
	free(what);
	buf_free(&ib);
	for (i = 0; i < x.ndests; i++)
		free(x.dests[i]);
	free(x.dests);
	free(x.placed);
	free(x.in.a);
	free(x.f.in.a);
	buf_free(&x.b);
	return rc;
}

