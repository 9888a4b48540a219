/* PDF redline: destinations and links, words, badges and marks, paragraphs. */
#include <stdlib.h>
#include <string.h>

#include "render/pdf/pdf.h"
#include "revisions/revisions.h"
#include "revisions/pdf/pdf_redline.h"
#include "base/base.h"

#define BADGE_PAD	2.5		/* room inside a badge's box */
#define NOTE_REF	0.62		/* a footnote reference, per pt */
#define NOTE_RISE	0.36

#define INS_INK		0x0a4d1c
#define INS_BG		0xe3f4e6
#define DEL_INK		0x7a1212
#define DEL_BG		0xfbe6e6
#define CHANGED_BG	0xfff4c2
#define MOVED_BG	0xe7f0fa
#define CONFIG_BG	0xeef0f2

/* Badges as in the HTML: a word in a box, dashed or dotted for some. */
static const struct {
	const char	*key;
	unsigned	 ink, bg;
	int		 deco;
} badges[] = {
	{ "diff.badge.new",	INS_INK, INS_BG,	DECO_BOX },
	{ "diff.badge.removed",	DEL_INK, DEL_BG,	DECO_BOX_DASHED },
	{ "diff.badge.changed",	INK,	 CHANGED_BG,	DECO_BOX },
	{ "diff.badge.moved",	DEFAULT_ACCENT,	 MOVED_BG,	DECO_BOX_DOTTED },
	{ "diff.badge.config",	INK,	 CONFIG_BG,	DECO_BOX },
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
void
rlx_anchor(const struct rl_clause *c, int pointer, struct buf *b)
{
	buf_reset(b);
	if (pointer)
		buf_printf(b, "was-%s", c->old->id);
	else if (c->new == NULL)
		buf_printf(b, "vervallen-%s", c->old->id);
	else
		buf_puts(b, c->new->id);
}

/* "artikel 2.1" of the clause on its new (or old) side, or "". */
const char *
rlx_label(struct rlx *x, const struct rl_clause *c, int old)
{
	buf_reset(&x->b);
	if (old && c->old != NULL)
		rl_label(x->rl->from, c->old, &x->b);
	else if (!old && c->new != NULL)
		rl_label(x->rl->to, c->new, &x->b);
	return buf_str(&x->b);
}

static void
entry_dests(struct rlx *x, const struct rl_entry *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		rlx_anchor(e[i].c, e[i].kind == RL_ENTRY_POINTER, &x->b);
		dest_add(x, xstrdup(buf_str(&x->b)));
	}
}

/*
 * Every name a link may point at, known before the text is laid out so
 * that a reference further down links too; names appear once.
 */
void
rlx_dests_collect(struct rlx *x)
{
	static const char *const fixed[] = { "samenvatting", "was-wordt",
	    "leeswijzer", "tekst", "voetnoten", "besluit" };
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
		rlx_anchor(&rl->notes[i], 0, &x->b);
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
void
rlx_place(struct rlx *x, const char *name, const char *bookmark)
{
	long k = dest_find(x, name);

	if (k < 0 || x->placed[k])
		return;
	x->placed[k] = 1;
	pdf_dest(x->r, x->dests[k], bookmark);
}

/* A link to name in this document, or -1 when it has no such place. */
int
rlx_link_to(struct rlx *x, const char *name)
{
	return dest_find(x, name) < 0 ? -1 : pdf_link(x->r, 1, name);
}

/* A link of the clause text: a place in this document or a safe URI. */
static int
text_link(struct rlx *x, const char *url)
{
	if (url[0] == '#')
		return rlx_link_to(x, url + 1);
	if (str_starts(url, "https://") || str_starts(url, "http://") ||
	    str_starts(url, "mailto:") || str_starts(url, "tel:"))
		return pdf_link(x->r, 0, url);
	return -1;
}

/* --------------------------------------------------------------- inline */

/* Words in one style; a space in s is a place to break. */
void
rlx_words(struct inl *in, const char *s, int face, double size, unsigned rgb,
    int link)
{
	struct pdf_style st = pdf_style(face, size, link >= 0 ? ACCENT : rgb);

	st.link = link;
	pdf_inl_text(in, s, &st, link >= 0);
}

/* A label ("artikel 2.1") as one atom: a line never breaks inside it. */
void
rlx_unbroken(struct inl *in, const char *s, double size, unsigned rgb, int link)
{
	struct pdf_style st = pdf_style(FACE_REGULAR, size, link >= 0 ? ACCENT :
	    rgb);

	st.link = link;
	pdf_inl_word(in, s, strlen(s), &st, 1);
}

/* A badge: its word(s) in a box, one atom that never breaks. */
void
rlx_badge(struct inl *in, enum badge b, double size)
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

void
rlx_change_badges(struct inl *in, const struct rl_clause *c, double size)
{
	if (c->moved)
		rlx_badge(in, B_MOVED, size);
	if (c->change == RL_CHANGED && c->by_config)
		rlx_badge(in, B_CONFIG, size);
	else if (c->change == RL_CHANGED)
		rlx_badge(in, B_CHANGED, size);
	else if (c->change == RL_NEW)
		rlx_badge(in, B_NEW, size);
	else if (c->change == RL_REMOVED)
		rlx_badge(in, B_REMOVED, size);
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
void
rlx_spans(struct rlx *x, struct inl *in, const struct mblock *b,
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
void
rlx_marked_words(struct inl *in, enum mark m, const char *text, double size)
{
	struct pdf_style base = pdf_style(FACE_REGULAR, size, INK);
	struct pdf_style st = mark_style(&base, m);

	mark_open(in, m, size);
	pdf_inl_text(in, text, &st, 0);
	mark_close(in, size);
}

/* ---------------------------------------------------------- paragraphs */

/* The collected atoms as a paragraph at the flow's indent. */
void
rlx_para(struct rlx *x, double size, double lead, int justify, int keep_last)
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
void
rlx_plain_para(struct rlx *x, const char *text, double size, double lead,
    unsigned rgb)
{
	rlx_words(&x->in, text, FACE_REGULAR, size, rgb, -1);
	rlx_para(x, size, lead, 1, 0);
}

/* A heading with its destination and bookmark. */
void
rlx_h2(struct rlx *x, const char *id, const char *text)
{
	rlx_place(x, id, text);
	pdf_title_line(x->r, "H2", text, FACE_BOLD, H2_SIZE, H2_LEAD, ACCENT,
	    H2_BEFORE);
	x->f.before = 4;
}

