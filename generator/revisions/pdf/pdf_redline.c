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
#define BADGE_SIZE	7.5
#define BADGE_PAD	2.5		/* room inside a badge's box */
#define NOTE_REF	0.62		/* a footnote reference, per pt */
#define NOTE_RISE	0.36
#define H3_SIZE		12.0
#define H3_LEAD		15.5
#define H3_BEFORE	14.0
#define SMALL_SIZE	9.0		/* pointers, cause notes, folds */
#define SMALL_LEAD	12.5

#define INS_INK		0x0a4d1c
#define INS_BG		0xe3f4e6
#define DEL_INK		0x7a1212
#define DEL_BG		0xfbe6e6
#define CHANGED_BG	0xfff4c2
#define MOVED_BG	0xe7f0fa
#define CONFIG_BG	0xeef0f2

#define DASH		"\xE2\x80\x94"	/* an empty cell */

enum badge { B_NEW, B_REMOVED, B_CHANGED, B_MOVED, B_CONFIG };

/* Badges as in the HTML: a word in a box, dashed or dotted for some. */
static const struct {
	const char	*key;
	unsigned	 ink, bg;
	int		 deco;
} badges[] = {
	{ "diff.badge.new",	INS_INK, INS_BG,	DECO_BOX },
	{ "diff.badge.removed",	DEL_INK, DEL_BG,	DECO_BOX_DASHED },
	{ "diff.badge.changed",	INK,	 CHANGED_BG,	DECO_BOX },
	{ "diff.badge.moved",	ACCENT,	 MOVED_BG,	DECO_BOX_DOTTED },
	{ "diff.badge.config",	INK,	 CONFIG_BG,	DECO_BOX },
};

/* One redline being laid out. */
struct rlx {
	struct render	*r;
	const struct redline *rl;
	int		 collapse;
	struct flow	 f;
	struct inl	 in;		/* the paragraph being collected */
	char		**dests;	/* every destination name, sorted */
	size_t		 ndests, capdests;
	unsigned char	*placed;	/* dests[i] is on a page already */
	struct buf	 b;		/* scratch */
};

/* A table collected before it is laid out: columns fit their content. */
struct table {
	struct inl	*cells;		/* nrows x ncols; row 0 is the header */
	const char	**dests;	/* per row: a destination, or NULL */
	size_t		 nrows, cap;
	int		 ncols;
};

/* ---------------------------------------------------------- destinations */

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
dest_add(struct rlx *x, char *name)
{
	ARRAY_RESERVE(x->dests, x->ndests, x->capdests);
	x->dests[x->ndests++] = name;
}

/* "vervallen-ID" for removed clauses, "was-ID" for pointers, else ID. */
static void
anchor(const struct rl_clause *c, int pointer, struct buf *b)
{
	buf_reset(b);
	if (pointer)
		buf_printf(b, "was-%s", c->old->id);
	else if (c->new == NULL)
		buf_printf(b, "vervallen-%s", c->old->id);
	else
		buf_puts(b, c->new->id);
}

static void
entry_dests(struct rlx *x, const struct rl_entry *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		anchor(e[i].c, e[i].kind == RL_ENTRY_POINTER, &x->b);
		dest_add(x, xstrdup(buf_str(&x->b)));
	}
}

/*
 * Every name a link may point at, known before the text is laid out so
 * that a reference further down links too; names appear once.
 */
static void
dests_collect(struct rlx *x)
{
	static const char *const fixed[] = { "samenvatting", "was-wordt",
	    "leeswijzer", "tekst", "voetnoten" };
	const struct redline *rl = x->rl;
	size_t i, k;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		dest_add(x, xstrdup(fixed[i]));
	for (i = 0; i < rl->nsections; i++) {
		dest_add(x, xasprintf("hoofdstuk-%zu", i + 1));
		if (rl->sections[i].new != NULL)
			dest_add(x, xstrdup(rl->sections[i].new->id));
		entry_dests(x, rl->sections[i].entries,
		    rl->sections[i].nentries);
	}
	for (i = 0; i < rl->nnotes; i++) {
		anchor(&rl->notes[i], 0, &x->b);
		dest_add(x, xstrdup(buf_str(&x->b)));
	}
	for (i = 0; i < rl->ncauses; i++)
		dest_add(x, xasprintf("oorzaak-%zu", i + 1));
	if (x->ndests > 1)
		qsort(x->dests, x->ndests, sizeof(*x->dests), str_cmp);
	for (i = k = 0; i < x->ndests; i++) {	/* unique */
		if (k > 0 && strcmp(x->dests[k - 1], x->dests[i]) == 0)
			free(x->dests[i]);
		else
			x->dests[k++] = x->dests[i];
	}
	x->ndests = k;
	x->placed = xcalloc(k + 1, 1);
}

static long
dest_find(const struct rlx *x, const char *name)
{
	char **p;

	p = bsearch(&name, x->dests, x->ndests, sizeof(*x->dests), str_cmp);
	return p == NULL ? -1 : p - x->dests;
}

/* A destination (and a bookmark) at the next line, once per name. */
static void
place(struct rlx *x, const char *name, const char *bookmark)
{
	long k = dest_find(x, name);

	if (k < 0 || x->placed[k])
		return;
	x->placed[k] = 1;
	pdf_dest(x->r, x->dests[k], bookmark);
}

/* A link to name in this document, or -1 when it has no such place. */
static int
link_to(struct rlx *x, const char *name)
{
	return dest_find(x, name) < 0 ? -1 : pdf_link(x->r, 1, name);
}

/* A link of the clause text: a place in this document or a safe URI. */
static int
text_link(struct rlx *x, const char *url)
{
	if (url[0] == '#')
		return link_to(x, url + 1);
	if (str_starts(url, "https://") || str_starts(url, "http://") ||
	    str_starts(url, "mailto:") || str_starts(url, "tel:"))
		return pdf_link(x->r, 0, url);
	return -1;
}

/* --------------------------------------------------------------- inline */

/* Words in one style; a space in s is a place to break. */
static void
words(struct inl *in, const char *s, int face, double size, unsigned rgb,
    int link)
{
	struct pdf_style st = pdf_style(face, size, link >= 0 ? ACCENT : rgb);

	st.link = link;
	pdf_inl_text(in, s, &st, link >= 0);
}

/* A label ("artikel 2.1") as one atom: a line never breaks inside it. */
static void
unbroken(struct inl *in, const char *s, double size, unsigned rgb, int link)
{
	struct pdf_style st = pdf_style(FACE_REGULAR, size, link >= 0 ? ACCENT :
	    rgb);

	st.link = link;
	pdf_inl_word(in, s, strlen(s), &st, 1);
}

/* A badge: its word(s) in a box, one atom that never breaks. */
static void
badge(struct inl *in, enum badge b, double size)
{
	struct pdf_style st = pdf_style(FACE_BOLD, size, badges[b].ink);
	const char *t = tr(badges[b].key);

	st.deco = badges[b].deco;
	st.pad = BADGE_PAD;
	st.bg = badges[b].bg;
	in->glue = 1;
	pdf_inl_word(in, t, strlen(t), &st, 1);
	in->glue = 1;
}

static void
change_badges(struct inl *in, const struct rl_clause *c, double size)
{
	if (c->moved)
		badge(in, B_MOVED, size);
	if (c->change == RL_CHANGED && c->by_config)
		badge(in, B_CONFIG, size);
	else if (c->change == RL_CHANGED)
		badge(in, B_CHANGED, size);
	else if (c->change == RL_NEW)
		badge(in, B_NEW, size);
	else if (c->change == RL_REMOVED)
		badge(in, B_REMOVED, size);
}

/*
 * The words that open a mark ("[ingevoegd:"), set off by a space from
 * what comes before and tied to the first marked word.
 */
static void
mark_open(struct inl *in, enum mark m, double size)
{
	struct pdf_style st = pdf_style(FACE_REGULAR, size, MUTED);

	in->glue = 1;
	pdf_inl_text(in, tr(m == MARK_INS ? "diff.sr.ins" : "diff.sr.del"),
	    &st, 1);
	in->glue = in->tie = 1;
}

/* The "]" that closes a mark, glued to the last marked word. */
static void
mark_close(struct inl *in, double size)
{
	struct pdf_style st = pdf_style(FACE_REGULAR, size, MUTED);
	int glue = in->glue;

	in->glue = 0;
	pdf_inl_text(in, tr("diff.sr.end"), &st, 1);
	in->glue = glue;
}

/* The style of marked text: its colour and decoration. */
static struct pdf_style
mark_style(const struct pdf_style *base, enum mark m)
{
	struct pdf_style st = *base;

	if (m == MARK_INS) {
		st.rgb = INS_INK;
		st.deco = DECO_INS;
	} else if (m == MARK_DEL) {
		st.rgb = DEL_INK;
		st.deco = DECO_DEL;
	}
	return st;
}

static void
span(struct rlx *x, struct inl *in, const struct mspan *s,
    const struct pdf_style *base)
{
	struct pdf_style st = *base;
	int bold = base->face == FACE_BOLD || base->face == FACE_BOLDITALIC ||
	    (s->style & STYLE_STRONG);
	int italic = (s->style & STYLE_EM) != 0;

	if (s->brk) {
		in->glue = in->hard = 1;
		return;
	}
	if (s->note) {		/* a footnote reference, raised */
		st.size = base->size * NOTE_REF;
		st.rise = base->size * NOTE_RISE;
		in->glue = 0;
		pdf_inl_text(in, s->text, &st, 1);
		return;
	}
	st.face = bold ? (italic ? FACE_BOLDITALIC : FACE_BOLD) :
	    (italic ? FACE_ITALIC : FACE_REGULAR);
	if (s->link != NULL && (st.link = text_link(x, s->link)) >= 0 &&
	    s->mark == MARK_SAME)
		st.rgb = ACCENT;
	pdf_inl_text(in, s->text, &st, st.link >= 0);
}

/* A block's spans as atoms, each mark opened and closed in words. */
static void
spans(struct rlx *x, struct inl *in, const struct mblock *b,
    const struct pdf_style *base)
{
	enum mark open = MARK_SAME;
	struct pdf_style st = *base;
	size_t i;

	for (i = 0; i < b->nspans; i++) {
		const struct mspan *s = &b->spans[i];
		if (s->mark != open) {
			if (open != MARK_SAME)
				mark_close(in, base->size);
			open = (enum mark)s->mark;
			if (open != MARK_SAME)
				mark_open(in, open, base->size);
			st = mark_style(base, open);
		}
		span(x, in, s, &st);
	}
	if (open != MARK_SAME)
		mark_close(in, base->size);
}

/* A marked example for the legend: "[ingevoegd: voorbeeld]". */
static void
marked_words(struct inl *in, enum mark m, const char *text, double size)
{
	struct pdf_style base = pdf_style(FACE_REGULAR, size, INK);
	struct pdf_style st = mark_style(&base, m);

	mark_open(in, m, size);
	pdf_inl_text(in, text, &st, 0);
	mark_close(in, size);
}

/* ---------------------------------------------------------- paragraphs */

/* The collected atoms as a paragraph at the flow's indent. */
static void
para(struct rlx *x, double size, double lead, int justify, int keep_last)
{
	struct flow *f = &x->f;
	struct inl *in = &x->in;
	size_t first, n;

	if (in->n > 0) {
		pdf_item_body(f);
		pdf_tag(x->r, "P");
		first = para_break(&x->r->store, in->a, in->n, TEXT_W -
		    f->indent, justify, justify, &n);
		pdf_lines(x->r, first, n, f->indent, size, lead, f->before,
		    keep_last);
		pdf_end(x->r, "P");
		f->before = PARA_GAP;
	}
	in->n = 0;
	in->glue = in->hard = in->tie = 0;
}

/* A paragraph of plain text in one style. */
static void
plain_para(struct rlx *x, const char *text, double size, double lead,
    unsigned rgb)
{
	words(&x->in, text, FACE_REGULAR, size, rgb, -1);
	para(x, size, lead, 1, 0);
}

/* A heading with its destination and bookmark. */
static void
h2(struct rlx *x, const char *id, const char *text)
{
	place(x, id, text);
	pdf_title_line(x->r, "H2", text, FACE_BOLD, H2_SIZE, H2_LEAD, ACCENT,
	    H2_BEFORE);
	x->f.before = 4;
}

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
		spans(x, &x->in, b, &base);
		para(x, BODY_SIZE, BODY_LEAD, 1, 0);
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

/* "artikel 2.1" of the clause on its new (or old) side, or "". */
static const char *
label(struct rlx *x, const struct rl_clause *c, int old)
{
	buf_reset(&x->b);
	if (old && c->old != NULL)
		rl_label(x->rl->from, c->old, &x->b);
	else if (!old && c->new != NULL)
		rl_label(x->rl->to, c->new, &x->b);
	return buf_str(&x->b);
}

/* Badges, and for a moved clause "stond als artikel 2.4". */
static void
head_line(struct rlx *x, const struct rl_clause *c)
{
	int link;

	change_badges(&x->in, c, BADGE_SIZE);
	if (c->moved) {
		words(&x->in, tr("diff.moved.from"), FACE_REGULAR, SMALL_SIZE,
		    MUTED, -1);
		x->in.glue = 1;
		anchor(c, 1, &x->b);
		link = link_to(x, buf_str(&x->b));
		unbroken(&x->in, label(x, c, 1), SMALL_SIZE, MUTED, link);
	}
	para(x, BODY_SIZE, BODY_LEAD, 0, 1);
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
	words(&x->in, tr(c->by_config ? "diff.cause.only" : "diff.cause.also"),
	    FACE_REGULAR, SMALL_SIZE, MUTED, -1);
	for (i = 0; i < c->ncauses; i++) {
		if (i > 0) {
			x->in.glue = 0;
			words(&x->in, ";", FACE_REGULAR, SMALL_SIZE, MUTED, -1);
		}
		x->in.glue = 1;
		snprintf(name, sizeof(name), "oorzaak-%zu", c->causes[i] + 1);
		words(&x->in, x->rl->causes[c->causes[i]].what, FACE_REGULAR,
		    SMALL_SIZE, MUTED, link_to(x, name));
	}
	x->f.before = 2;
	para(x, SMALL_SIZE, SMALL_LEAD, 0, 0);
}

static void
clause_entry(struct rlx *x, const struct rl_clause *c)
{
	const struct rev_clause *rc = c->new ? c->new : c->old;
	struct flow *f = &x->f;
	int item = rc->kind != CLAUSE_TEXT;

	anchor(c, 0, &x->b);
	place(x, buf_str(&x->b), NULL);
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

	anchor(c, 1, &x->b);
	place(x, buf_str(&x->b), NULL);
	badge(&x->in, B_MOVED, BADGE_SIZE);
	buf_printf(&b, "%s %s (%s); %s", tr("diff.pointer.here"),
	    label(x, c, 1), c->new->title, tr("diff.pointer.now"));
	words(&x->in, buf_str(&b), FACE_REGULAR, SMALL_SIZE, MUTED, -1);
	x->in.glue = 1;
	unbroken(&x->in, label(x, c, 0), SMALL_SIZE, MUTED,
	    link_to(x, c->new->id));
	x->in.glue = 0;
	words(&x->in, ".", FACE_REGULAR, SMALL_SIZE, MUTED, -1);
	x->f.indent = ART_INDENT;
	para(x, SMALL_SIZE, SMALL_LEAD, 0, 0);
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
		anchor(e[i].c, 0, &x->b);
		place(x, buf_str(&x->b), NULL);
	}
	buf_printf(&b, "%zu %s", n, tr(n == 1 ? "diff.unchanged.one" :
	    "diff.unchanged.many"));
	if (*first->number != '\0' && *last->number != '\0') {
		buf_printf(&b, " (%s", first->number);
		if (n > 1)
			buf_printf(&b, "\xE2\x80\x93%s", last->number);
		buf_putc(&b, ')');
	}
	words(&x->in, buf_str(&b), FACE_ITALIC, SMALL_SIZE, MUTED, -1);
	x->f.indent = ART_INDENT;
	para(x, SMALL_SIZE, SMALL_LEAD, 0, 0);
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
		badge(in, B_NEW, BADGE_SIZE);
	else if (ch == RL_REMOVED)
		badge(in, B_REMOVED, BADGE_SIZE);
	else if (ch == RL_CHANGED)
		badge(in, B_CHANGED, BADGE_SIZE);
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
	place(x, id, pdf_keep(x->r, xasprintf(hang ? "%s %s" : "%s: %s",
	    rs->number, rs->title)));
	if (s->new != NULL)
		place(x, s->new->id, NULL);
	pdf_tag(x->r, "H3");
	if (hang)
		pdf_unit(x->r, U_LABEL)->line = para_label(&x->r->store, num,
		    &st);
	else {
		x->in.glue = 0;
		words(&x->in, pdf_keep(x->r, xasprintf("%s:", rs->number)),
		    FACE_BOLD, H3_SIZE, ACCENT, -1);
		x->in.glue = 1;
	}
	for (i = 0; i < s->title.nblocks; i++)
		spans(x, &x->in, &s->title.blocks[i], &st);
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
	place(x, "voetnoten", tr("notes.heading"));
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

static void
text_part(struct rlx *x)
{
	size_t i;

	pdf_unit(x->r, U_NEWPAGE);
	h2(x, "tekst", tr("diff.text"));
	for (i = 0; i < x->rl->nsections; i++) {
		section_heading(x, &x->rl->sections[i], i);
		entries(x, x->rl->sections[i].entries,
		    x->rl->sections[i].nentries);
	}
	notes_block(x);
}

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
		words(&row[i], tr(keys[i]), FACE_BOLD, TABLE_SIZE, MUTED, -1);
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
			place(x, t->dests[i], NULL);
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

	unbroken(&row[0], c->new ? label(x, c, 0) : DASH, TABLE_SIZE, INK, -1);
	unbroken(&row[1], c->old ? label(x, c, 1) : DASH, TABLE_SIZE, INK, -1);
	change_badges(&row[2], c, BADGE_SIZE);
	anchor(c, 0, &x->b);
	link = link_to(x, buf_str(&x->b));
	words(&row[3], rc->title, FACE_BOLD, TABLE_SIZE, INK, link);
	words(&row[4], rc->id, FACE_REGULAR, TABLE_SIZE, MUTED, -1);
	words(&row[5], consent(x->rl, c), FACE_REGULAR, TABLE_SIZE, INK, -1);
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
	badge(in, b, BADGE_SIZE);
	snprintf(num, sizeof(num), "%zu", n);
	in->tie = 1;
	words(in, num, FACE_BOLD, BODY_SIZE, INK, -1);
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

	h2(x, "samenvatting", tr("diff.summary"));
	if (k->added + k->removed + k->changed + k->moved + k->by_config ==
	    0) {
		plain_para(x, tr("diff.nochange"), BODY_SIZE, BODY_LEAD, INK);
		return;
	}
	count(&x->in, B_NEW, k->added);
	count(&x->in, B_REMOVED, k->removed);
	count(&x->in, B_CHANGED, k->changed);
	count(&x->in, B_MOVED, k->moved);
	count(&x->in, B_CONFIG, k->by_config);
	para(x, BODY_SIZE, BODY_LEAD, 0, 0);
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
		words(cell, DASH, FACE_REGULAR, TABLE_SIZE, INK, -1);
	for (i = 0; i < u->nclauses; i++) {
		const struct rl_clause *c = u->clauses[i] < rl->nclauses ?
		    &rl->clauses[u->clauses[i]] :
		    &rl->notes[u->clauses[i] - rl->nclauses];
		if (i > 0) {
			cell->glue = 0;
			words(cell, ",", FACE_REGULAR, TABLE_SIZE, INK, -1);
			cell->glue = 1;
		}
		unbroken(cell, label(x, c, 0), TABLE_SIZE, INK,
		    link_to(x, c->new->id));
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

	h2(x, "was-wordt", tr("diff.causes"));
	if (x->rl->ncauses == 0) {
		plain_para(x, tr("diff.nocauses"), BODY_SIZE, BODY_LEAD, INK);
		return;
	}
	table_head(&t, cols);
	for (i = 0; i < x->rl->ncauses; i++) {
		const struct rl_cause *u = &x->rl->causes[i];
		row = table_row(&t, pdf_keep(x->r, xasprintf("oorzaak-%zu",
		    i + 1)));
		words(&row[0], u->what, FACE_BOLD, TABLE_SIZE, INK, -1);
		words(&row[1], u->was ? u->was : DASH, FACE_REGULAR,
		    TABLE_SIZE, INK, -1);
		words(&row[2], u->now ? u->now : DASH, FACE_REGULAR,
		    TABLE_SIZE, INK, -1);
		effect_cell(x, &row[3], u);
	}
	table_emit(x, &t, tr("diff.table.causes"), 1, 0, 0);
}

static void
legend_row(struct table *t, enum badge b, const char *desc)
{
	struct inl *row = table_row(t, NULL);

	badge(&row[0], b, BADGE_SIZE);
	words(&row[1], tr(desc), FACE_REGULAR, TABLE_SIZE, INK, -1);
}

static void
legend(struct rlx *x)
{
	struct table t = { .ncols = 2 };
	struct inl *row;

	h2(x, "leeswijzer", tr("diff.legend"));
	row = table_row(&t, NULL);
	marked_words(&row[0], MARK_INS, tr("diff.legend.example"), TABLE_SIZE);
	words(&row[1], tr("diff.legend.ins"), FACE_REGULAR, TABLE_SIZE, INK,
	    -1);
	row = table_row(&t, NULL);
	marked_words(&row[0], MARK_DEL, tr("diff.legend.example"), TABLE_SIZE);
	words(&row[1], tr("diff.legend.del"), FACE_REGULAR, TABLE_SIZE, INK,
	    -1);
	legend_row(&t, B_NEW, "diff.legend.new");
	legend_row(&t, B_REMOVED, "diff.legend.removed");
	legend_row(&t, B_CHANGED, "diff.legend.changed");
	legend_row(&t, B_MOVED, "diff.legend.moved");
	legend_row(&t, B_CONFIG, "diff.legend.config");
	table_emit(x, &t, NULL, 0, 0, 1);
	plain_para(x, tr("diff.pdf.marks"), BODY_SIZE, BODY_LEAD, INK);
	plain_para(x, tr("diff.legend.numbers"), BODY_SIZE, BODY_LEAD, INK);
	if (x->collapse)
		plain_para(x, tr("diff.pdf.collapsed"), BODY_SIZE, BODY_LEAD,
		    INK);
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

/* A config value the text was made from ("school.short"), or NULL. */
static const char *
value_of(const struct revdoc *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nvalues; i++)
		if (strcmp(r->values[i].key, key) == 0)
			return r->values[i].value;
	return NULL;
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
	    value_of(x->rl->to, "school.short"),
	    revdoc_meta(x->rl->to, "board"));
	running_lines(x);
	title_block(x);
	pdf_flow_init(&x->f, x->r, BODY_SIZE, BODY_LEAD);
	legend(x);
	summary(x);
	causes(x);
	text_part(x);
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
	dests_collect(&x);
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
