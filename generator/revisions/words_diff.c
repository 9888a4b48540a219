/* Word diff: the edit script of two clauses' tokens, folded into marked text. */
#include <stdlib.h>
#include <string.h>

#include "revisions/revisions.h"
#include "base/base.h"

/* ------------------------------------------------------------------ */
/* Marked text                                                          */

static const char *
tok_text(const struct tokens *t, size_t i)
{
	return t->text.data + t->v[i].off;
}

static const char *
tok_link(const struct tokens *t, size_t i)
{
	return t->v[i].link ? t->text.data + t->v[i].link - 1 : NULL;
}

static int
same_link(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Growing a marked text: capacities of its arrays and of the last span. */
struct builder {
	struct mtext	*m;
	size_t		 bcap, scap;
	size_t		 len, cap;	/* of the last span's text */
};

/* Append token i of t with a mark to the marked text. */
static void
mt_add(struct builder *w, const struct tokens *t, size_t i, enum mark mark)
{
	struct mtext *m = w->m;
	size_t *bcap = &w->bcap, *scap = &w->scap;
	const struct token *k = &t->v[i];
	struct mblock *b;
	struct mspan *s;
	const char *link = tok_link(t, i);

	if (k->type == TOK_BLOCK || m->nblocks == 0) {
		ARRAY_RESERVE(m->blocks, m->nblocks, *bcap);
		b = &m->blocks[m->nblocks++];
		memset(b, 0, sizeof(*b));
		b->kind = k->type == TOK_BLOCK ? k->block : BLOCK_PARA;
		b->depth = k->depth;
		b->ordered = k->ordered;
		b->mark = (unsigned char)mark;
		*scap = 0;
		if (k->type == TOK_BLOCK)
			return;
	}
	b = &m->blocks[m->nblocks - 1];
	s = b->nspans > 0 ? &b->spans[b->nspans - 1] : NULL;
	if (s != NULL && s->mark == mark && s->style == k->style &&
	    !s->note && !s->brk && k->type != TOK_NOTE &&
	    k->type != TOK_BREAK && same_link(s->link, link)) {
		if (w->len + k->len + 1 > w->cap) {
			while (w->len + k->len + 1 > w->cap)
				w->cap *= 2;
			s->text = xrealloc(s->text, w->cap);
		}
		memcpy(s->text + w->len, tok_text(t, i), k->len + 1);
		w->len += k->len;
		return;
	}
	ARRAY_RESERVE(b->spans, b->nspans, *scap);
	s = &b->spans[b->nspans++];
	memset(s, 0, sizeof(*s));
	s->mark = (unsigned char)mark;
	s->style = k->style;
	s->note = k->type == TOK_NOTE;
	s->brk = k->type == TOK_BREAK;
	w->len = k->len;
	w->cap = k->len + 64;
	s->text = xmalloc(w->cap);
	memcpy(s->text, tok_text(t, i), k->len + 1);
	s->link = link ? xstrdup(link) : NULL;
}

void
words_plain(const struct tokens *t, enum mark mark, struct mtext *out)
{
	struct builder w = { .m = out };
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < t->n; i++)
		mt_add(&w, t, i, mark);
}

/* One step of an edit script: a token of a, of b, or of both. */
struct op {
	enum mark	 mark;
	size_t		 a, b;
};

/* Is the unchanged run ops[from..to) small enough to fold into changes? */
static int
tiny_gap(const struct tokens *b, const struct op *ops, size_t from,
    size_t to, int replaces_around)
{
	size_t i, words = 0, chars = 0, k;
	const char *s;

	for (i = from; i < to; i++) {
		const struct token *t = &b->v[ops[i].b];
		if (t->type == TOK_BLOCK || t->type == TOK_NOTE ||
		    t->type == TOK_BREAK)
			return 0;
		if (t->type != TOK_WORD)
			continue;
		words++;
		for (s = tok_text(b, ops[i].b); *s != '\0'; s += k) {
			utf8_decode(s, strlen(s), &k);
			chars++;
		}
	}
	return words == 0 || (words == 1 && chars <= 3 && replaces_around);
}

/* Does the change ops[from..to) delete and insert words? */
static int
replaces_words(const struct tokens *a, const struct tokens *b,
    const struct op *ops, size_t from, size_t to)
{
	int del = 0, ins = 0;
	size_t i;

	for (i = from; i < to; i++) {
		if (ops[i].mark == MARK_DEL && a->v[ops[i].a].type == TOK_WORD)
			del = 1;
		if (ops[i].mark == MARK_INS && b->v[ops[i].b].type == TOK_WORD)
			ins = 1;
	}
	return del && ins;
}

/*
 * Append to ops the edit script of a[a0..a1) against b[b0..b1): per
 * change, deletions first.
 */
static void
edit_script(const struct tokens *a, size_t a0, size_t a1,
    const struct tokens *b, size_t b0, size_t b1, struct op *ops, size_t *n)
{
	size_t na = a1 - a0, nb = b1 - b0, i, j;
	unsigned *sa = xcalloc(na + 1, sizeof(*sa));
	unsigned *sb = xcalloc(nb + 1, sizeof(*sb));
	unsigned char *del = xcalloc(na + 1, 1), *ins = xcalloc(nb + 1, 1);

	for (i = 0; i < na; i++)
		sa[i] = a->v[a0 + i].sym;
	for (j = 0; j < nb; j++)
		sb[j] = b->v[b0 + j].sym;
	diff_myers(sa, na, sb, nb, del, ins);
	i = j = 0;
	while (i < na || j < nb) {
		if (i < na && del[i])
			ops[(*n)++] = (struct op){ MARK_DEL, a0 + i++, 0 };
		else if (j < nb && ins[j])
			ops[(*n)++] = (struct op){ MARK_INS, 0, b0 + j++ };
		else {
			ops[(*n)++] = (struct op){ MARK_SAME, a0 + i, b0 + j };
			i++, j++;
		}
	}
	free(sa);
	free(sb);
	free(del);
	free(ins);
}

/* Where the leaf blocks of t start, and t->n at the end. */
static size_t *
block_starts(const struct tokens *t, size_t *nb)
{
	size_t *st = xcalloc(t->n + 2, sizeof(*st)), i;

	*nb = 0;
	for (i = 0; i < t->n; i++)
		if (i == 0 || t->v[i].type == TOK_BLOCK)
			st[(*nb)++] = i;
	st[*nb] = t->n;
	return st;
}

/* Each block's identity: its token symbols, interned. */
static unsigned *
block_syms(const struct tokens *t, const size_t *st, size_t nb,
    struct symtab *syms)
{
	unsigned *v = xcalloc(nb + 1, sizeof(*v));
	struct buf key = { 0 };
	size_t i, k;

	for (i = 0; i < nb; i++) {
		buf_reset(&key);
		buf_puts(&key, "");
		for (k = st[i]; k < st[i + 1]; k++)
			buf_printf(&key, "%x.", t->v[k].sym);
		v[i] = symtab_intern(syms, buf_str(&key), key.len);
	}
	buf_free(&key);
	return v;
}

/*
 * The edit script of a against b: leaf blocks (paragraphs, list items)
 * are aligned first, so a list item added never borrows words from its
 * neighbours; then words inside each run of changed blocks.
 */
static struct op *
block_script(const struct tokens *a, const struct tokens *b, size_t *nops)
{
	struct symtab *syms = symtab_new();
	struct op *ops = xcalloc(a->n + b->n + 1, sizeof(*ops));
	size_t na, nb, *sa = block_starts(a, &na), *sb = block_starts(b, &nb);
	unsigned *ka = block_syms(a, sa, na, syms);
	unsigned *kb = block_syms(b, sb, nb, syms);
	unsigned char *del = xcalloc(na + 1, 1), *ins = xcalloc(nb + 1, 1);
	size_t i = 0, j = 0, i2, j2, k, n = 0;

	diff_myers(ka, na, kb, nb, del, ins);
	while (i < na || j < nb) {
		if ((i < na && del[i]) || (j < nb && ins[j])) {
			for (i2 = i; i2 < na && del[i2]; i2++)
				;
			for (j2 = j; j2 < nb && ins[j2]; j2++)
				;
			edit_script(a, sa[i], sa[i2], b, sb[j], sb[j2], ops, &n);
			i = i2;
			j = j2;
			continue;
		}
		for (k = 0; k < sa[i + 1] - sa[i]; k++)
			ops[n++] = (struct op){ MARK_SAME, sa[i] + k, sb[j] + k };
		i++, j++;
	}
	free(sa);
	free(sb);
	free(ka);
	free(kb);
	free(del);
	free(ins);
	symtab_free(syms);
	*nops = n;
	return ops;
}

/* Move the pending change (deletions, then insertions) into out. */
static void
flush(struct op *out, size_t *nout, struct op *dels, size_t *nd,
    struct op *inss, size_t *ni)
{
	memcpy(out + *nout, dels, *nd * sizeof(*dels));
	*nout += *nd;
	memcpy(out + *nout, inss, *ni * sizeof(*inss));
	*nout += *ni;
	*nd = *ni = 0;
}

/* The end of the change that starts at ops[from]. */
static size_t
next_change_end(const struct op *ops, size_t n, size_t from)
{
	while (from < n && ops[from].mark != MARK_SAME)
		from++;
	return from;
}

/*
 * Fold tiny unchanged gaps between two changes into them; the result
 * has, per change, every deletion before every insertion.
 */
static struct op *
merge_gaps(const struct tokens *a, const struct tokens *b, struct op *ops,
    size_t n, size_t *nout)
{
	struct op *out = xcalloc(2 * n + 1, sizeof(*out));
	struct op *dels = xcalloc(n + 1, sizeof(*dels));
	struct op *inss = xcalloc(n + 1, sizeof(*inss));
	size_t i = 0, j, k, nd = 0, ni = 0, prev_from = 0, prev_to = 0;

	*nout = 0;
	while (i < n) {
		for (j = i; j < n && (ops[j].mark != MARK_SAME) ==
		    (ops[i].mark != MARK_SAME); j++)
			;
		if (ops[i].mark != MARK_SAME) {
			for (k = i; k < j; k++) {
				if (ops[k].mark == MARK_DEL)
					dels[nd++] = ops[k];
				else
					inss[ni++] = ops[k];
			}
			prev_from = i;
			prev_to = j;
		} else if (nd + ni > 0 && j < n && tiny_gap(b, ops, i, j,
		    replaces_words(a, b, ops, prev_from, prev_to) &&
		    replaces_words(a, b, ops, j, next_change_end(ops, n, j)))) {
			for (k = i; k < j; k++) {
				dels[nd++] = (struct op){ MARK_DEL, ops[k].a, 0 };
				inss[ni++] = (struct op){ MARK_INS, 0, ops[k].b };
			}
		} else {
			flush(out, nout, dels, &nd, inss, &ni);
			memcpy(out + *nout, ops + i, (j - i) * sizeof(*ops));
			*nout += j - i;
		}
		i = j;
	}
	flush(out, nout, dels, &nd, inss, &ni);
	free(dels);
	free(inss);
	return out;
}

/* The last (or first) character of s: is it part of a word? */
static int
ends_in_word(const char *s)
{
	size_t n = strlen(s), k = n;

	while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
		k--;
	return k > 0 && words_is_wordch(s + k - 1, n - k + 1);
}

static int
starts_with_word(const char *s)
{
	return words_is_wordch(s, strlen(s));
}

/*
 * Keep a space between a deletion and an insertion that would touch: a
 * span of its own, flagged glue, which the redline shows and neither the
 * old nor the new text contains (":e" → ":a" reads ":~~e~~ a", not ": a").
 */
static void
unglue(struct mblock *b)
{
	struct mspan *x, *y, glue;
	size_t i;

	for (i = 1; i < b->nspans; i++) {
		x = &b->spans[i - 1];
		y = &b->spans[i];
		if (x->mark == MARK_SAME || y->mark == MARK_SAME ||
		    x->mark == y->mark || y->note || y->brk ||
		    !(ends_in_word(x->text) || x->note) ||
		    !starts_with_word(y->text))
			continue;
		memset(&glue, 0, sizeof(glue));
		glue.mark = MARK_SAME;
		glue.glue = 1;
		glue.text = xstrdup(" ");
		b->spans = xreallocarray(b->spans, b->nspans + 1,
		    sizeof(*b->spans));
		memmove(&b->spans[i + 1], &b->spans[i],
		    (b->nspans - i) * sizeof(*b->spans));
		b->spans[i] = glue;
		b->nspans++;
		i++;
	}
}

void
words_diff(const struct tokens *a, const struct tokens *b, struct mtext *out)
{
	struct builder w = { .m = out };
	struct op *raw, *ops;
	size_t nraw, n, i;

	memset(out, 0, sizeof(*out));
	raw = block_script(a, b, &nraw);
	ops = merge_gaps(a, b, raw, nraw, &n);
	for (i = 0; i < n; i++) {
		if (ops[i].mark == MARK_DEL)
			mt_add(&w, a, ops[i].a, MARK_DEL);
		else	/* unchanged text shows as it reads now */
			mt_add(&w, b, ops[i].b, (enum mark)ops[i].mark);
	}
	for (i = 0; i < out->nblocks; i++)
		unglue(&out->blocks[i]);
	free(raw);
	free(ops);
}

void
mtext_free(struct mtext *m)
{
	size_t i, j;

	for (i = 0; i < m->nblocks; i++) {
		for (j = 0; j < m->blocks[i].nspans; j++) {
			free(m->blocks[i].spans[j].text);
			free(m->blocks[i].spans[j].link);
		}
		free(m->blocks[i].spans);
	}
	free(m->blocks);
	memset(m, 0, sizeof(*m));
}

/* Is block b, start and spans, all of the kind skipped? */
static int
block_hidden(const struct mblock *b, int skip)
{
	size_t j;

	if (b->mark != skip)
		return 0;
	for (j = 0; j < b->nspans; j++)
		if (b->spans[j].mark != skip)
			return 0;
	return 1;
}

void
mtext_read(const struct mtext *m, int skip, struct buf *out)
{
	size_t i, j;
	int first = 1;

	for (i = 0; i < m->nblocks; i++) {
		if (block_hidden(&m->blocks[i], skip))
			continue;	/* a block wholly deleted (or inserted) */
		/* a block start only the skipped side has separates nothing */
		if (!first && m->blocks[i].mark != skip)
			buf_puts(out, "\n");
		first = 0;
		for (j = 0; j < m->blocks[i].nspans; j++) {
			const struct mspan *s = &m->blocks[i].spans[j];
			if (s->mark == skip || (s->glue && skip >= 0))
				continue;	/* glue is in neither text */
			if (s->note)
				buf_printf(out, "[^%s]", s->text);
			else if (s->brk)
				buf_putc(out, '\n');
			else
				buf_puts(out, s->text);
		}
	}
}
