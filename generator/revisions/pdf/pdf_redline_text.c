/* PDF redline: the text part, its sections, clauses and their marked text. */
#include <stdio.h>
#include <stdlib.h>

#include "render/pdf/pdf.h"
#include "revisions/revisions.h"
#include "revisions/pdf/pdf_redline.h"
#include "base/base.h"

#define H3_SIZE		12.0
#define H3_LEAD		15.5
#define H3_BEFORE	14.0
#define SMALL_SIZE	9.0		/* pointers, cause notes, folds */
#define SMALL_LEAD	12.5

/* ---------------------------------------------------- lists inside text */

/* The lists open inside a clause's text, by depth (1-based). */
struct lists {
	int		 depth;
	int		 ordered[MAXDEPTH];
	int		 n[MAXDEPTH];
	int		 item[MAXDEPTH];	/* an item is open */
};

/* Close lists down to depth d, or one of another kind at d. */
static void
lists_close(struct rlx *x, struct lists *ls, int d, int ordered)
{
	while (ls->depth > d || (d > 0 && ls->depth == d &&
	    ls->ordered[d - 1] != ordered)) {
		if (ls->item[ls->depth - 1])
			pdf_item_end(&x->f);
		pdf_end(x->r, "L");
		x->f.indent -= LIST_INDENT;
		x->f.before = PARA_GAP;
		ls->depth--;
	}
}

/* A new item of a list at depth d, its bullet or number hanging. */
static void
list_item(struct rlx *x, struct lists *ls, int d, int ordered)
{
	char num[16];
	int k;

	d = d < 1 ? 1 : d > MAXDEPTH ? MAXDEPTH : d;
	lists_close(x, ls, d, ordered);
	while (ls->depth < d) {
		pdf_item_body(&x->f);
		pdf_tag(x->r, "L");
		ls->ordered[ls->depth] = ordered;
		ls->n[ls->depth] = 1;
		ls->item[ls->depth] = 0;
		ls->depth++;
		x->f.indent += LIST_INDENT;
	}
	k = d - 1;
	if (ls->item[k])
		pdf_item_end(&x->f);
	pdf_item_begin(&x->f);
	ls->item[k] = 1;
	if (ordered) {
		snprintf(num, sizeof(num), "%d.", ls->n[k]++);
		pdf_item_label(&x->f, num, FACE_REGULAR, INK, x->f.indent -
		    LIST_INDENT);
	} else
		pdf_item_label(&x->f, k % 2 ? "\xE2\x80\x93" : "\xE2\x80\xA2",
		    FACE_REGULAR, INK, x->f.indent - LIST_INDENT + 3);
}

/* A clause's marked text: paragraphs, list items, quotes. */
static void
text_blocks(struct rlx *x, const struct mtext *t)
{
	struct pdf_style base = pdf_style(FACE_REGULAR, BODY_SIZE, INK);
	struct lists ls = { .depth = 0 };
	size_t i;

	for (i = 0; i < t->nblocks; i++) {
		const struct mblock *b = &t->blocks[i];
		if (b->nspans == 0)
			continue;
		if (b->kind == BLOCK_ITEM)
			list_item(x, &ls, b->depth, b->ordered);
		else if (b->kind != BLOCK_MORE)
			lists_close(x, &ls, 0, 0);
		if (b->kind == BLOCK_QUOTE) {
			pdf_tag(x->r, "BlockQuote");
			x->f.indent += QUOTE_INDENT;
		}
		rlx_spans(x, &x->in, b, &base);
		rlx_para(x, BODY_SIZE, BODY_LEAD, 1, 0);
		if (b->kind == BLOCK_QUOTE) {
			x->f.indent -= QUOTE_INDENT;
			pdf_end(x->r, "BlockQuote");
		}
		if (ls.depth > 0)
			x->f.before = ITEM_GAP;
	}
	lists_close(x, &ls, 0, 0);
}

/* ------------------------------------------------------------- clauses */

/* Badges, and for a moved clause "stond als artikel 2.4". */
static void
head_line(struct rlx *x, const struct rl_clause *c)
{
	int link;

	rlx_change_badges(&x->in, c, BADGE_SIZE);
	if (c->moved) {
		rlx_words(&x->in, tr("diff.moved.from"), FACE_REGULAR,
		    SMALL_SIZE, MUTED, -1);
		x->in.glue = 1;
		rlx_anchor(c, 1, &x->b);
		link = rlx_link_to(x, buf_str(&x->b));
		rlx_unbroken(&x->in, rlx_label(x, c, 1), SMALL_SIZE, MUTED,
		    link);
	}
	rlx_para(x, BODY_SIZE, BODY_LEAD, 0, 1);
	x->f.before = 1;
}

/* "Gewijzigd door gegevens: kanaal Instagram toegevoegd" */
static void
cause_note(struct rlx *x, const struct rl_clause *c)
{
	char name[32];
	size_t i;

	if (c->ncauses == 0)
		return;
	rlx_words(&x->in, tr(c->by_config ? "diff.cause.only" :
	    "diff.cause.also"), FACE_REGULAR, SMALL_SIZE, MUTED, -1);
	for (i = 0; i < c->ncauses; i++) {
		if (i > 0) {
			x->in.glue = 0;
			rlx_words(&x->in, ";", FACE_REGULAR, SMALL_SIZE, MUTED,
			    -1);
		}
		x->in.glue = 1;
		snprintf(name, sizeof(name), "oorzaak-%zu", c->causes[i] + 1);
		rlx_words(&x->in, x->rl->causes[c->causes[i]].what,
		    FACE_REGULAR, SMALL_SIZE, MUTED, rlx_link_to(x, name));
	}
	x->f.before = 2;
	rlx_para(x, SMALL_SIZE, SMALL_LEAD, 0, 0);
}

static void
clause_entry(struct rlx *x, const struct rl_clause *c)
{
	const struct rev_clause *rc = c->new ? c->new : c->old;
	struct flow *f = &x->f;
	int item = rc->kind != CLAUSE_TEXT;

	rlx_anchor(c, 0, &x->b);
	rlx_place(x, buf_str(&x->b), NULL);
	if (item)
		pdf_item_begin(f);
	if (rc->kind == CLAUSE_ITEM) {
		pdf_item_label(f, "\xE2\x80\xA2", FACE_REGULAR, INK, 3);
		f->indent = LIST_INDENT;
	} else if (item) {
		if (*rc->number != '\0')
			pdf_item_label(f, rc->number, FACE_BOLD, ACCENT, 0);
		f->indent = ART_INDENT;
	} else
		f->indent = 0;
	if (c->change != RL_SAME || c->moved)
		head_line(x, c);
	text_blocks(x, &c->text);
	rlx_clause_why(x, c);
	cause_note(x, c);
	if (item)
		pdf_item_end(f);
	f->before = rc->kind == CLAUSE_ITEM ? ITEM_GAP + 1 : PARA_GAP + 2;
}

/* Where a moved clause stood: one line pointing to where it is now. */
static void
pointer_entry(struct rlx *x, const struct rl_clause *c)
{
	struct buf b = { 0 };

	rlx_anchor(c, 1, &x->b);
	rlx_place(x, buf_str(&x->b), NULL);
	rlx_badge(&x->in, B_MOVED, BADGE_SIZE);
	buf_printf(&b, "%s %s (%s); %s", tr("diff.pointer.here"),
	    rlx_label(x, c, 1), c->new->title, tr("diff.pointer.now"));
	rlx_words(&x->in, buf_str(&b), FACE_REGULAR, SMALL_SIZE, MUTED, -1);
	x->in.glue = 1;
	rlx_unbroken(&x->in, rlx_label(x, c, 0), SMALL_SIZE, MUTED,
	    rlx_link_to(x, c->new->id));
	x->in.glue = 0;
	rlx_words(&x->in, ".", FACE_REGULAR, SMALL_SIZE, MUTED, -1);
	x->f.indent = ART_INDENT;
	rlx_para(x, SMALL_SIZE, SMALL_LEAD, 0, 0);
	x->f.before = PARA_GAP + 2;
	buf_free(&b);
}

static int
unchanged(const struct rl_entry *e)
{
	return e->kind == RL_ENTRY_CLAUSE && e->c->change == RL_SAME &&
	    !e->c->moved;
}

/* --collapse: n unchanged clauses as one line, "3 ongewijzigde ...". */
static void
fold(struct rlx *x, const struct rl_entry *e, size_t n)
{
	const struct rev_clause *first = e[0].c->new, *last = e[n - 1].c->new;
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < n; i++) {	/* links to them land here */
		rlx_anchor(e[i].c, 0, &x->b);
		rlx_place(x, buf_str(&x->b), NULL);
	}
	buf_printf(&b, "%zu %s", n, tr(n == 1 ? "diff.unchanged.one" :
	    "diff.unchanged.many"));
	if (*first->number != '\0' && *last->number != '\0') {
		buf_printf(&b, " (%s", first->number);
		if (n > 1)
			buf_printf(&b, "\xE2\x80\x93%s", last->number);
		buf_putc(&b, ')');
	}
	rlx_words(&x->in, buf_str(&b), FACE_ITALIC, SMALL_SIZE, MUTED, -1);
	x->f.indent = ART_INDENT;
	rlx_para(x, SMALL_SIZE, SMALL_LEAD, 0, 0);
	x->f.before = PARA_GAP + 2;
	buf_free(&b);
}

enum run { RUN_NONE, RUN_ARTICLE, RUN_ITEM };

/* Articles and items come in runs: one list (L) each. */
static void
run_to(struct rlx *x, enum run *run, enum run want)
{
	if (*run == want)
		return;
	if (*run != RUN_NONE)
		pdf_end(x->r, "L");
	if (want != RUN_NONE)
		pdf_tag(x->r, "L");
	*run = want;
}

static enum run
run_of(const struct rl_clause *c)
{
	const struct rev_clause *rc = c->new ? c->new : c->old;

	return rc->kind == CLAUSE_ITEM ? RUN_ITEM : rc->kind == CLAUSE_TEXT ?
	    RUN_NONE : RUN_ARTICLE;
}

static void
entries(struct rlx *x, const struct rl_entry *e, size_t n)
{
	enum run run = RUN_NONE;
	size_t i, j;

	for (i = 0; i < n; i = j) {
		j = i + 1;
		if (x->collapse && unchanged(&e[i])) {
			while (j < n && unchanged(&e[j]))
				j++;
			run_to(x, &run, RUN_NONE);
			fold(x, &e[i], j - i);
		} else if (e[i].kind == RL_ENTRY_POINTER) {
			run_to(x, &run, RUN_NONE);
			pointer_entry(x, e[i].c);
		} else {
			run_to(x, &run, run_of(e[i].c));
			clause_entry(x, e[i].c);
		}
	}
	run_to(x, &run, RUN_NONE);
}

/* ------------------------------------------------------------ sections */

/* The badge of a section whose title changed, or that is new or gone. */
static void
section_badge(struct inl *in, enum rl_change ch)
{
	if (ch == RL_NEW)
		rlx_badge(in, B_NEW, BADGE_SIZE);
	else if (ch == RL_REMOVED)
		rlx_badge(in, B_REMOVED, BADGE_SIZE);
	else if (ch == RL_CHANGED)
		rlx_badge(in, B_CHANGED, BADGE_SIZE);
}

/*
 * A section heading: its number hangs where article numbers do (an
 * appendix's "Bijlage 1" leads the title instead); the title keeps its
 * marks.
 */
static void
section_heading(struct rlx *x, const struct rl_section *s, size_t idx)
{
	const struct rev_section *rs = s->new ? s->new : s->old;
	struct pdf_style st = pdf_style(FACE_BOLD, H3_SIZE, ACCENT);
	const struct shaped *num = pdf_shape_str(FACE_BOLD, rs->number);
	int hang = num->width * H3_SIZE < ART_INDENT - 4;
	char id[32];
	size_t i, first, n;

	snprintf(id, sizeof(id), "hoofdstuk-%zu", idx + 1);
	rlx_place(x, id, pdf_keep(x->r, xasprintf(hang ? "%s %s" : "%s: %s",
	    rs->number, rs->title)));
	if (s->new != NULL)
		rlx_place(x, s->new->id, NULL);
	pdf_tag(x->r, "H3");
	if (hang)
		pdf_unit(x->r, U_LABEL)->line = para_label(&x->r->store, num,
		    &st);
	else {
		x->in.glue = 0;
		rlx_words(&x->in, pdf_keep(x->r, xasprintf("%s:", rs->number)),
		    FACE_BOLD, H3_SIZE, ACCENT, -1);
		x->in.glue = 1;
	}
	for (i = 0; i < s->title.nblocks; i++)
		rlx_spans(x, &x->in, &s->title.blocks[i], &st);
	section_badge(&x->in, s->change);
	first = para_break(&x->r->store, x->in.a, x->in.n, TEXT_W -
	    (hang ? ART_INDENT : 0), 0, 0, &n);
	pdf_lines(x->r, first, n, hang ? ART_INDENT : 0, H3_SIZE, H3_LEAD,
	    H3_BEFORE, 1);
	pdf_end(x->r, "H3");
	x->in.n = 0;
	x->in.glue = x->in.hard = x->in.tie = 0;
	x->f.before = 4;
}

static void
notes_block(struct rlx *x)
{
	struct rl_entry *e;
	size_t i;

	if (x->rl->nnotes == 0)
		return;
	rlx_place(x, "voetnoten", tr("notes.heading"));
	pdf_title_line(x->r, "H3", tr("notes.heading"), FACE_BOLD, H3_SIZE,
	    H3_LEAD, ACCENT, H3_BEFORE);
	x->f.before = 4;
	e = xcalloc(x->rl->nnotes, sizeof(*e));
	for (i = 0; i < x->rl->nnotes; i++) {
		e[i].kind = RL_ENTRY_CLAUSE;
		e[i].c = &x->rl->notes[i];
	}
	entries(x, e, x->rl->nnotes);
	free(e);
}

void
rlx_text_part(struct rlx *x)
{
	size_t i;

	pdf_unit(x->r, U_NEWPAGE);
	rlx_h2(x, "tekst", tr("diff.text"));
	for (i = 0; i < x->rl->nsections; i++) {
		section_heading(x, &x->rl->sections[i], i);
		entries(x, x->rl->sections[i].entries,
		    x->rl->sections[i].nentries);
	}
	notes_block(x);
}

