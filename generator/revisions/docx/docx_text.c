/*
 * Word redline: the text part -- sections, clauses and footnotes with
 * their changes as w:ins and w:del, paragraph marks included, and the
 * comment on each changed clause -- and the paragraphs and runs the rest
 * of the document (docx_redline.c) is made of.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "base/base.h"
#include "revisions/revisions.h"
#include "revisions/docx/docx_redline.h"

#define DASH		"\xE2\x80\x94"	/* an empty cell */

/* How a piece of marked text is shown. */
enum force {
	AS_MARKED,		/* with its own marks */
	ALL_INS,		/* its new side, wholly inserted (a move) */
	ALL_DEL,		/* its old side, wholly deleted (a move) */
};


/* ------------------------------------------------------ revision marks */

/*
 * Open a w:ins or w:del (m) with a new id, the author and the date; in a
 * clause that only moved, a w:moveTo or w:moveFrom.
 */
static void
rev_open(struct dx *x, enum mark m)
{
	if (x->move)
		dx_start(x->w, m == MARK_INS ? "w:moveTo" : "w:moveFrom");
	else
		dx_start(x->w, m == MARK_INS ? "w:ins" : "w:del");
	dx_attr_int(x->w, "w:id", x->id++);
	dx_attr(x->w, "w:author", x->author);
	if (*x->date)
		dx_attr(x->w, "w:date", x->date);
}

/*
 * The start or end of the range of a move's one side (from: where the
 * clause stood), named by the clause's id so that Word pairs the two
 * sides.  Return the range's id for its end.
 */
static int
move_range(struct dx *x, int from, const char *name, int id)
{
	if (name != NULL) {
		dx_start(x->w, from ? "w:moveFromRangeStart" :
		    "w:moveToRangeStart");
		dx_attr_int(x->w, "w:id", id = x->id++);
		dx_attr(x->w, "w:author", x->author);
		if (*x->date)
			dx_attr(x->w, "w:date", x->date);
		dx_attr(x->w, "w:name", name);
	} else {
		dx_start(x->w, from ? "w:moveFromRangeEnd" :
		    "w:moveToRangeEnd");
		dx_attr_int(x->w, "w:id", id);
	}
	dx_end(x->w);
	return id;
}

/*
 * A paragraph with style (NULL: the default) whose mark is m: an
 * inserted mark joins the paragraph to the next when its insertion is
 * rejected, a deleted one when its deletion is accepted.
 */
void
dx_para_open(struct dx *x, const char *style, enum mark m, int ind)
{
	dx_start(x->w, "w:p");
	if (style == NULL && m == MARK_SAME && ind == 0)
		return;
	dx_start(x->w, "w:pPr");
	if (style != NULL)
		dx_val(x->w, "w:pStyle", style);
	if (ind > 0) {
		dx_start(x->w, "w:ind");
		dx_attr_int(x->w, "w:left", ind);
		dx_attr_int(x->w, "w:hanging", 360);
		dx_end(x->w);
	}
	if (m != MARK_SAME) {
		dx_start(x->w, "w:rPr");
		rev_open(x, m);
		dx_end(x->w);
		dx_end(x->w);
	}
	dx_end(x->w);
}

/* One run: text in style bits, deleted text as w:delText. */
void
dx_run(struct dx *x, const char *text, int style, int sup, enum mark m)
{
	const char *p, *q;

	dx_start(x->w, "w:r");
	if (style != 0 || sup) {
		dx_start(x->w, "w:rPr");
		if (style & STYLE_CODE)
			dx_val(x->w, "w:rStyle", "Code");
		if (style & STYLE_STRONG)
			dx_val(x->w, "w:b", NULL);
		if (style & STYLE_EM)
			dx_val(x->w, "w:i", NULL);
		if (sup)
			dx_val(x->w, "w:vertAlign", "superscript");
		dx_end(x->w);
	}
	/* a tab is an element of its own, between pieces of text */
	for (p = text; *p != '\0'; p = *q ? q + 1 : q) {
		q = p + strcspn(p, "\t");
		if (q > p) {
			char *piece = xstrndup(p, (size_t)(q - p));
			/* moved-away text stays w:t (ECMA-376 17.13.5.22) */
			dx_start(x->w, m == MARK_DEL && !x->move ?
			    "w:delText" : "w:t");
			dx_attr(x->w, "xml:space", "preserve");
			dx_text(x->w, piece);
			dx_end(x->w);
			free(piece);
		}
		if (*q == '\t')
			dx_val(x->w, "w:tab", NULL);
	}
	dx_end(x->w);
}

/* A run inside its own w:ins or w:del when m is a change. */
void
dx_mrun(struct dx *x, const char *text, int style, enum mark m)
{
	if (m != MARK_SAME)
		rev_open(x, m);
	dx_run(x, text, style, 0, m);
	if (m != MARK_SAME)
		dx_end(x->w);
}

/* Ordinary text: one paragraph in style. */
void
dx_plain_para(struct dx *x, const char *style, const char *text)
{
	dx_para_open(x, style, MARK_SAME, 0);
	dx_run(x, text, 0, 0, MARK_SAME);
	dx_end(x->w);
}

/* "was / wordt" of a number: the same, or the old struck and the new in. */
static void
number_runs(struct dx *x, const char *old, const char *now, int style)
{
	struct buf b = { 0 };

	if (old != NULL && now != NULL && strcmp(old, now) == 0) {
		buf_printf(&b, "%s\t", now);
		dx_run(x, buf_str(&b), style, 0, MARK_SAME);
	} else {
		if (old != NULL && *old != '\0') {
			buf_printf(&b, "%s\t", old);
			dx_mrun(x, buf_str(&b), style, MARK_DEL);
		}
		if (now != NULL && *now != '\0') {
			buf_reset(&b);
			buf_printf(&b, "%s\t", now);
			dx_mrun(x, buf_str(&b), style, MARK_INS);
		}
	}
	buf_free(&b);
}

/* ---------------------------------------------------------- marked text */

/* The mark span s shows with under force f; -1: not shown at all. */
static int
span_mark(const struct mspan *s, enum force f)
{
	if (s->glue)	/* in neither text: Word's marks keep words apart */
		return -1;
	if (f == ALL_INS)
		return s->mark == MARK_DEL ? -1 : MARK_INS;
	if (f == ALL_DEL)
		return s->mark == MARK_INS ? -1 : MARK_DEL;
	return s->mark;
}

/*
 * Where number now stands in text as a number of its own ("artikel 2.1",
 * not "12.1"), text with was there instead; NULL when it is not in it.
 */
static char *
swap_number(const char *text, const char *now, const char *was)
{
	size_t n = strlen(now);
	const char *p;

	for (p = strstr(text, now); p != NULL; p = strstr(p + 1, now))
		if ((p == text || (p[-1] < '0' || p[-1] > '9')) &&
		    (p[n] < '0' || p[n] > '9') && !(p[n] == '.' &&
		    p[n + 1] >= '0' && p[n + 1] <= '9'))
			return xasprintf("%.*s%s%s", (int)(p - text), text, was,
			    p + n);
	return NULL;
}

/*
 * An unchanged span as the old text had it, when it differs: a footnote
 * reference or a cross-reference's text reads the new numbers (numbers
 * play no part in the redline), but rejecting every change must give the
 * old ones.  NULL when the old text is the same.
 */
static char *
old_text(const struct dx *x, const struct mspan *s)
{
	const struct redline *rl = x->rl;
	const char *id;
	size_t i;

	if (s->mark != MARK_SAME)
		return NULL;
	if (s->note) {
		for (i = 0; i < rl->nnotes; i++)
			if (rl->notes[i].new != NULL && rl->notes[i].old !=
			    NULL && strcmp(rl->notes[i].new->number,
			    s->text) == 0)
				return strcmp(rl->notes[i].old->number,
				    s->text) == 0 ? NULL :
				    xstrdup(rl->notes[i].old->number);
		return NULL;
	}
	if (s->link == NULL || s->link[0] != '#')
		return NULL;
	id = s->link + 1;
	for (i = 0; i < rl->nclauses; i++) {
		const struct rl_clause *c = &rl->clauses[i];
		if (c->new != NULL && strcmp(c->new->id, id) == 0)
			return c->old == NULL || *c->new->number == '\0' ||
			    strcmp(c->old->number, c->new->number) == 0 ?
			    NULL : swap_number(s->text, c->new->number,
			    c->old->number);
	}
	for (i = 0; i < rl->nsections; i++) {
		const struct rl_section *c = &rl->sections[i];
		if (c->new != NULL && strcmp(c->new->id, id) == 0)
			return c->old == NULL || strcmp(c->old->number,
			    c->new->number) == 0 ? NULL :
			    swap_number(s->text, c->new->number,
			    c->old->number);
	}
	return NULL;
}

/* One piece of text in mark m, in the w:ins or w:del open (*open). */
static void
piece(struct dx *x, int *open, const struct mspan *s, const char *text,
    int m)
{
	if (m != *open) {
		if (*open != MARK_SAME)
			dx_end(x->w);
		if ((*open = m) != MARK_SAME)
			rev_open(x, (enum mark)m);
	}
	if (s->brk) {
		dx_start(x->w, "w:r");
		dx_val(x->w, "w:br", NULL);
		dx_end(x->w);
	} else
		dx_run(x, text, s->style, s->note, (enum mark)m);
}

/* The spans of block b, each change in its w:ins or w:del. */
static void
spans(struct dx *x, const struct mblock *b, enum force f)
{
	int open = MARK_SAME, m;
	char *was;
	size_t i;

	for (i = 0; i < b->nspans; i++) {
		const struct mspan *s = &b->spans[i];
		if ((m = span_mark(s, f)) == -1)
			continue;
		was = old_text(x, s);
		if (was != NULL && m == MARK_SAME) {
			piece(x, &open, s, was, MARK_DEL);
			piece(x, &open, s, s->text, MARK_INS);
		} else
			piece(x, &open, s, was != NULL && m == MARK_DEL ? was :
			    s->text, m);
		free(was);
	}
	if (open != MARK_SAME)
		dx_end(x->w);
}

/* Is block b, start and spans, all of mark m (glue aside)? */
static int
block_all(const struct mblock *b, enum mark m)
{
	size_t i;

	if (b->mark != m)
		return 0;
	for (i = 0; i < b->nspans; i++)
		if (b->spans[i].mark != m && !b->spans[i].glue)
			return 0;
	return 1;
}

/* What a clause's first paragraph starts with: its number, or a bullet. */
struct lead {
	const char	*old, *now;	/* the number on each side, or NULL */
	int		 style;
};

/* The lists open in a text: numbers on each side, by depth. */
struct lists {
	int		 nold[16], nnew[16];
};

/* A list item's bullet or number, on the sides that have it. */
static void
item_lead(struct dx *x, struct lists *ls, const struct mblock *b,
    enum force f, int on_old, int on_new)
{
	int d = b->depth < 1 ? 0 : b->depth > 16 ? 15 : b->depth - 1, k;
	char o[16], n[16];

	for (k = d + 1; k < 16; k++)
		ls->nold[k] = ls->nnew[k] = 0;
	if (!b->ordered) {
		dx_mrun(x, d % 2 ? "\xE2\x80\x93\t" : "\xE2\x80\xA2\t", 0,
		    f == ALL_INS || !on_old ? MARK_INS : f == ALL_DEL ||
		    !on_new ? MARK_DEL : MARK_SAME);
		return;
	}
	snprintf(o, sizeof(o), "%d.", on_old ? ++ls->nold[d] : 0);
	snprintf(n, sizeof(n), "%d.", on_new ? ++ls->nnew[d] : 0);
	number_runs(x, on_old && f != ALL_INS ? o : NULL,
	    on_new && f != ALL_DEL ? n : NULL, 0);
}

/*
 * A clause's marked text as paragraphs.  A block start only one side has
 * is the mark of the paragraph before it (a split or a joined paragraph);
 * a block wholly inserted or deleted carries its own.  Shown wholly
 * inserted or deleted (f), a block start of the other side only joins the
 * paragraph before it.  comment >= 0: the range of that comment.
 */
static void
blocks(struct dx *x, const struct mtext *t, enum force f,
    const struct lead *lead, int comment)
{
	struct lists ls;
	size_t i, j, n = 0, *v;
	int *mk, open = 0, skip;

	memset(&ls, 0, sizeof(ls));
	skip = f == ALL_INS ? MARK_DEL : f == ALL_DEL ? MARK_INS : -1;
	v = xcalloc(t->nblocks + 1, sizeof(*v));
	mk = xcalloc(t->nblocks + 1, sizeof(*mk));
	for (i = 0; i < t->nblocks; i++)	/* the paragraphs shown */
		if (t->blocks[i].nspans > 0 && (skip == -1 ||
		    !block_all(&t->blocks[i], (enum mark)skip)))
			v[n++] = i;
	for (j = 0; j < n; j++) {		/* the mark of each */
		const struct mblock *b = &t->blocks[v[j]];
		const struct mblock *next = j + 1 < n ? &t->blocks[v[j + 1]] :
		    NULL;
		if (f != AS_MARKED)
			mk[j] = f == ALL_INS ? MARK_INS : MARK_DEL;
		else if (block_all(b, MARK_INS) || block_all(b, MARK_DEL))
			mk[j] = b->mark;
		else if (next != NULL && !block_all(next, MARK_INS) &&
		    !block_all(next, MARK_DEL))
			mk[j] = next->mark;
		else
			mk[j] = MARK_SAME;
	}
	for (j = 0; j < n; j++) {
		const struct mblock *b = &t->blocks[v[j]];
		int joined = j > 0 && skip != -1 && b->mark == skip;
		int on_old = !block_all(b, MARK_INS);
		int on_new = !block_all(b, MARK_DEL);
		if (!joined) {
			if (open)
				dx_end(x->w);
			dx_para_open(x, b->kind == BLOCK_QUOTE ? "Citaat" :
			    lead->now != NULL || lead->old != NULL ?
			    "Artikel" : b->kind == BLOCK_PARA ? NULL :
			    "Lijstalinea", (enum mark)mk[j],
			    b->kind == BLOCK_PARA || b->kind == BLOCK_QUOTE ?
			    0 : 709 + 360 * (b->depth < 1 ? 1 : b->depth));
			open = 1;
			if (j == 0 && comment >= 0) {
				dx_start(x->w, "w:commentRangeStart");
				dx_attr_int(x->w, "w:id", comment);
				dx_end(x->w);
			}
			if (j == 0 && (lead->old != NULL || lead->now != NULL))
				number_runs(x, lead->old, lead->now,
				    lead->style);
			if (b->kind == BLOCK_ITEM)
				item_lead(x, &ls, b, f, on_old, on_new);
			else if (b->kind == BLOCK_PARA)
				memset(&ls, 0, sizeof(ls));
		}
		spans(x, b, f);
	}
	if (!open) {	/* nothing to show: keep the comment's anchor */
		dx_para_open(x, NULL, MARK_SAME, 0);
		open = 1;
		if (comment >= 0) {
			dx_start(x->w, "w:commentRangeStart");
			dx_attr_int(x->w, "w:id", comment);
			dx_end(x->w);
		}
	}
	if (comment >= 0) {
		dx_start(x->w, "w:commentRangeEnd");
		dx_attr_int(x->w, "w:id", comment);
		dx_end(x->w);
		dx_start(x->w, "w:r");
		dx_start(x->w, "w:rPr");
		dx_val(x->w, "w:rStyle", "Verwijzingopmerking");
		dx_end(x->w);
		dx_start(x->w, "w:commentReference");
		dx_attr_int(x->w, "w:id", comment);
		dx_end(x->w);
		dx_end(x->w);
	}
	dx_end(x->w);
	free(v);
	free(mk);
}

/* ------------------------------------------------------------ comments */

/* One paragraph of a comment; the first carries the annotation mark. */
static void
comment_para(struct dx *x, const char *bold, const char *text, int first)
{
	xmlTextWriterPtr c = x->c;

	dx_start(c, "w:p");
	dx_start(c, "w:pPr");
	dx_val(c, "w:pStyle", "Tekstopmerking");
	dx_end(c);
	if (first) {
		dx_start(c, "w:r");
		dx_start(c, "w:rPr");
		dx_val(c, "w:rStyle", "Verwijzingopmerking");
		dx_end(c);
		dx_val(c, "w:annotationRef", NULL);
		dx_end(c);
	}
	if (bold != NULL) {
		dx_start(c, "w:r");
		dx_start(c, "w:rPr");
		dx_val(c, "w:b", NULL);
		dx_end(c);
		dx_start(c, "w:t");
		dx_attr(c, "xml:space", "preserve");
		dx_text(c, bold);
		dx_end(c);
		dx_end(c);
	}
	dx_start(c, "w:r");
	dx_start(c, "w:t");
	dx_attr(c, "xml:space", "preserve");
	dx_text(c, text);
	dx_end(c);
	dx_end(c);
	dx_end(c);
}

const char *
dx_badge_key(const struct rl_clause *c)
{
	static const char *const keys[] = { NULL, "diff.badge.new",
	    "diff.badge.removed", "diff.badge.changed" };

	if (c->change == RL_CHANGED && c->by_config)
		return "diff.badge.config";
	return keys[c->change];
}

/*
 * The comment on a clause: its badges, where a moved one stood, its
 * rationale and the config values that changed it, as the page's badges
 * and notes say them.  Return its id, or -1 when there is nothing to say.
 */
static int
clause_comment(struct dx *x, const struct rl_clause *c, int pointer)
{
	const struct redline *rl = x->rl;
	struct buf b = { 0 };
	int id;
	size_t i;

	if (c->change == RL_SAME && !c->moved && c->ncauses == 0)
		return -1;
	id = x->id++;
	dx_start(x->c, "w:comment");
	dx_attr_int(x->c, "w:id", id);
	dx_attr(x->c, "w:author", x->author);
	if (*x->date)
		dx_attr(x->c, "w:date", x->date);
	if (c->moved)
		buf_puts(&b, tr("diff.badge.moved"));
	if (!pointer && dx_badge_key(c) != NULL)
		buf_printf(&b, "%s%s", b.len ? " \xC2\xB7 " : "",
		    tr(dx_badge_key(c)));
	if (c->moved) {
		buf_puts(&b, ": ");
		if (pointer) {
			buf_printf(&b, "%s ", tr("diff.pointer.here"));
			rl_label(rl->from, c->old, &b);
			buf_printf(&b, " (%s); %s ", c->new->title,
			    tr("diff.pointer.now"));
			rl_label(rl->to, c->new, &b);
		} else {
			buf_printf(&b, "%s ", tr("diff.moved.from"));
			rl_label(rl->from, c->old, &b);
		}
		buf_putc(&b, '.');
	}
	comment_para(x, NULL, buf_str(&b), 1);
	if (!pointer && c->why != NULL)
		comment_para(x, tr("diff.rationale.clause"), c->why, 0);
	for (i = 0; !pointer && i < c->ncauses; i++) {
		const struct rl_cause *u = &rl->causes[c->causes[i]];
		buf_reset(&b);
		buf_printf(&b, " %s (%s %s, %s %s)", u->what,
		    tr("diff.col.before"), u->was ? u->was : DASH,
		    tr("diff.col.after"), u->now ? u->now : DASH);
		comment_para(x, i == 0 ? tr(c->by_config ? "diff.cause.only" :
		    "diff.cause.also") : "", buf_str(&b), 0);
	}
	dx_end(x->c);
	buf_free(&b);
	return id;
}

/* -------------------------------------------------------- text part */

/*
 * Did clause c only move, its text the same?  Then Word's move markup
 * shows it; a move that also changed stays a deletion and an insertion,
 * as Word's move of one text would not say what changed in it.
 */
static int
moved_only(const struct rl_clause *c)
{
	return c->moved && c->change == RL_SAME && c->old != NULL &&
	    c->new != NULL && strcmp(c->old->id, c->new->id) == 0;
}

static void
clause_entry(struct dx *x, const struct rl_clause *c)
{
	const struct rev_clause *rc = c->new ? c->new : c->old;
	struct lead lead = { NULL, NULL, STYLE_STRONG };
	int comment = clause_comment(x, c, 0);
	enum force f = c->moved ? ALL_INS : AS_MARKED;

	if (rc->kind == CLAUSE_ITEM) {
		lead.style = 0;
		lead.old = c->old && !c->moved ? "\xE2\x80\xA2" : NULL;
		lead.now = c->new ? "\xE2\x80\xA2" : NULL;
	} else if (rc->kind != CLAUSE_TEXT) {
		lead.old = c->old && !c->moved ? c->old->number : NULL;
		lead.now = c->new ? c->new->number : NULL;
	}
	if (lead.old != NULL && *lead.old == '\0')
		lead.old = NULL;
	if (lead.now != NULL && *lead.now == '\0')
		lead.now = NULL;
	if (moved_only(c)) {
		int r = move_range(x, 0, c->new->id, 0);

		x->move = 1;
		blocks(x, &c->text, f, &lead, comment);
		x->move = 0;
		move_range(x, 0, NULL, r);
	} else
		blocks(x, &c->text, f, &lead, comment);
}

/* Where a moved clause stood: its old text, wholly deleted. */
static void
pointer_entry(struct dx *x, const struct rl_clause *c)
{
	struct lead lead = { NULL, NULL, STYLE_STRONG };
	int comment = clause_comment(x, c, 1);

	if (c->old->kind == CLAUSE_ITEM) {
		lead.style = 0;
		lead.old = "\xE2\x80\xA2";
	} else if (c->old->kind != CLAUSE_TEXT && *c->old->number != '\0')
		lead.old = c->old->number;
	if (moved_only(c)) {
		int r = move_range(x, 1, c->old->id, 0);

		x->move = 1;
		blocks(x, &c->text, ALL_DEL, &lead, comment);
		x->move = 0;
		move_range(x, 1, NULL, r);
	} else
		blocks(x, &c->text, ALL_DEL, &lead, comment);
}

/* A heading: its number and title, each side's, marked like a clause. */
static void
section_heading(struct dx *x, const struct rl_section *s)
{
	enum mark whole = s->change == RL_NEW ? MARK_INS :
	    s->change == RL_REMOVED ? MARK_DEL : MARK_SAME;
	enum force f = whole == MARK_INS ? ALL_INS : whole == MARK_DEL ?
	    ALL_DEL : AS_MARKED;
	const char *old = s->old ? s->old->number : NULL;
	const char *now = s->new ? s->new->number : NULL;
	size_t i;

	dx_para_open(x, "Kop2", whole, 0);
	number_runs(x, old, now, 0);
	for (i = 0; i < s->title.nblocks; i++)
		spans(x, &s->title.blocks[i], f);
	dx_end(x->w);
}

/* Do the footnotes the old text had come in rl->notes in its order? */
static int
notes_in_old_order(const struct redline *rl)
{
	long last = 0, n;
	size_t i;

	for (i = 0; i < rl->nnotes; i++) {
		if (rl->notes[i].old == NULL)
			continue;
		if ((n = strtol(rl->notes[i].old->number, NULL, 10)) < last)
			return 0;
		last = n;
	}
	return 1;
}

static int
by_old_number(const void *a, const void *b)
{
	long x = strtol((*(const struct rl_clause *const *)a)->old->number,
	    NULL, 10);
	long y = strtol((*(const struct rl_clause *const *)b)->old->number,
	    NULL, 10);

	return x < y ? -1 : x > y;
}

/* A footnote's text wholly deleted (the old side) or inserted. */
static void
note_whole(struct dx *x, const struct rl_clause *c, enum force f)
{
	struct lead lead = { NULL, NULL, STYLE_STRONG };

	if (f == ALL_DEL)
		lead.old = c->old->number;
	else
		lead.now = c->new->number;
	blocks(x, &c->text, f, &lead, f == ALL_INS ? clause_comment(x, c, 0) :
	    -1);
}

/*
 * The footnotes, in the new order (removed ones last).  Where that is not
 * the old order too (footnotes renumbered, one removed before another),
 * the old ones wholly deleted in their order, then the new ones wholly
 * inserted: rejecting every change must give the old order.
 */
static void
notes_part(struct dx *x)
{
	const struct redline *rl = x->rl;
	const struct rl_clause **v;
	int has_old = 0, has_new = 0;
	size_t i, n = 0;

	for (i = 0; i < rl->nnotes; i++) {
		has_old |= rl->notes[i].old != NULL;
		has_new |= rl->notes[i].new != NULL;
	}
	if (!has_old && !has_new)
		return;
	dx_para_open(x, "Kop2", !has_old ? MARK_INS : !has_new ? MARK_DEL :
	    MARK_SAME, 0);
	dx_mrun(x, tr("notes.heading"), 0, !has_old ? MARK_INS : !has_new ?
	    MARK_DEL : MARK_SAME);
	dx_end(x->w);
	if (notes_in_old_order(rl)) {
		for (i = 0; i < rl->nnotes; i++)
			clause_entry(x, &rl->notes[i]);
		return;
	}
	v = xcalloc(rl->nnotes + 1, sizeof(*v));
	for (i = 0; i < rl->nnotes; i++)
		if (rl->notes[i].old != NULL)
			v[n++] = &rl->notes[i];
	qsort(v, n, sizeof(*v), by_old_number);
	for (i = 0; i < n; i++)
		note_whole(x, v[i], ALL_DEL);
	free(v);
	for (i = 0; i < rl->nnotes; i++)
		if (rl->notes[i].new != NULL)
			note_whole(x, &rl->notes[i], ALL_INS);
}

void
dx_text_part(struct dx *x)
{
	const struct redline *rl = x->rl;
	size_t i, j;

	dx_plain_para(x, "Kop1", tr("diff.text"));
	for (i = 0; i < rl->nsections; i++) {
		const struct rl_section *s = &rl->sections[i];
		section_heading(x, s);
		for (j = 0; j < s->nentries; j++)
			if (s->entries[j].kind == RL_ENTRY_POINTER)
				pointer_entry(x, s->entries[j].c);
			else
				clause_entry(x, s->entries[j].c);
	}
	notes_part(x);
}
