/* Word-level redlines: UTF-8 tokens of a clause's CommonMark, their diff, marked text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "revisions/revisions.h"
#include "base/base.h"

/* ------------------------------------------------------------------ */
/* Interning                                                            */

struct symtab {
	char		**keys;		/* slot → key, NULL when empty */
	unsigned	*ids;
	size_t		 cap, n;
};

struct symtab *
symtab_new(void)
{
	struct symtab *t = xcalloc(1, sizeof(*t));

	t->cap = 1024;
	t->keys = xcalloc(t->cap, sizeof(*t->keys));
	t->ids = xcalloc(t->cap, sizeof(*t->ids));
	return t;
}

void
symtab_free(struct symtab *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->cap; i++)
		free(t->keys[i]);
	free(t->keys);
	free(t->ids);
	free(t);
}

static uint64_t
fnv1a(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void
symtab_grow(struct symtab *t)
{
	struct symtab big = { .cap = t->cap * 2 };
	size_t i, j;

	big.keys = xcalloc(big.cap, sizeof(*big.keys));
	big.ids = xcalloc(big.cap, sizeof(*big.ids));
	for (i = 0; i < t->cap; i++) {
		if (t->keys[i] == NULL)
			continue;
		j = fnv1a(t->keys[i], strlen(t->keys[i])) & (big.cap - 1);
		while (big.keys[j] != NULL)
			j = (j + 1) & (big.cap - 1);
		big.keys[j] = t->keys[i];
		big.ids[j] = t->ids[i];
	}
	free(t->keys);
	free(t->ids);
	t->keys = big.keys;
	t->ids = big.ids;
	t->cap = big.cap;
}

/* The id of key (n bytes, no NUL inside), adding it when new. */
static unsigned
intern(struct symtab *t, const char *key, size_t n)
{
	size_t j;

	if (2 * (t->n + 1) > t->cap)
		symtab_grow(t);
	j = fnv1a(key, n) & (t->cap - 1);
	while (t->keys[j] != NULL) {
		if (strncmp(t->keys[j], key, n) == 0 && t->keys[j][n] == '\0')
			return t->ids[j];
		j = (j + 1) & (t->cap - 1);
	}
	t->keys[j] = xstrndup(key, n);
	t->ids[j] = (unsigned)t->n++;
	return t->ids[j];
}

/* ------------------------------------------------------------------ */
/* Characters                                                           */

enum chclass { CH_SPACE, CH_WORD, CH_PUNCT };

static enum chclass
classify(unsigned c)
{
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
	    c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF)
		return CH_SPACE;
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') ? CH_WORD : CH_PUNCT;
	/* Latin-1 signs, general punctuation, symbols, arrows, dingbats,
	   CJK punctuation, pictographs: one token each */
	if ((c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xB2 && c != 0xB3 &&
	    c != 0xB5 && c != 0xB9 && c != 0xBA) || c == 0xD7 || c == 0xF7 ||
	    (c >= 0x2010 && c <= 0x2BFF) || (c >= 0x3001 && c <= 0x303F) ||
	    (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0x1F000 && c <= 0x1FAFF))
		return CH_PUNCT;
	return CH_WORD;	/* letters, digits and combining marks of any script */
}

/* Characters that join two word characters into one word. */
static int
is_joiner(unsigned c, unsigned prev, unsigned next)
{
	switch (c) {
	case '\'':
	case 0x2019:	/* ’ */
	case '-':
	case 0x2010:	/* ‐ */
	case 0x2011:	/* non-breaking hyphen */
	case '.':
	case '@':
	case '_':
	case '/':
		return 1;
	case ',':	/* 1,5 */
		return prev >= '0' && prev <= '9' && next >= '0' && next <= '9';
	default:
		return 0;
	}
}

int
words_is_wordch(const char *s, size_t len)
{
	size_t n;

	return len > 0 && classify(utf8_decode(s, len, &n)) == CH_WORD;
}

/* ------------------------------------------------------------------ */
/* Tokens                                                               */

struct tokenizer {
	struct tokens	*out;
	struct symtab	*syms;
	const char	*(*note_id)(void *, const char *);
	void		*arg;
	unsigned char	 style;
	int		 em, strong;
	const char	*link;		/* innermost link target */
	struct buf	 key;
};

static void
push(struct tokenizer *z, enum tok_type type, const char *s, size_t n,
    const char *keytext, size_t keylen)
{
	struct tokens *o = z->out;
	struct token *t;

	ARRAY_RESERVE(o->v, o->n, o->cap);
	t = &o->v[o->n++];
	memset(t, 0, sizeof(*t));
	t->type = (unsigned char)type;
	t->style = z->style;
	t->off = o->text.len;
	t->len = n;
	buf_put(&o->text, s, n);
	buf_putc(&o->text, '\0');
	if (z->link != NULL && type != TOK_BLOCK) {
		t->link = o->text.len + 1;
		buf_puts(&o->text, z->link);
		buf_putc(&o->text, '\0');
	}
	buf_reset(&z->key);
	if (type == TOK_SPACE) {
		buf_puts(&z->key, "s");
	} else {
		buf_putc(&z->key, 'a' + type);
		buf_putc(&z->key, 'a' + z->style);
		if (t->link)
			buf_puts(&z->key, z->link);
		buf_putc(&z->key, '\x1f');
		buf_put(&z->key, keytext, keylen);
	}
	t->sym = intern(z->syms, buf_str(&z->key), z->key.len);
}

static void
push_block(struct tokenizer *z, enum block_kind kind, int depth, int ordered)
{
	char key[16];
	struct token *t;

	snprintf(key, sizeof(key), "%d/%d/%d", kind, depth, ordered);
	z->style = 0;
	push(z, TOK_BLOCK, "", 0, key, strlen(key));
	t = &z->out->v[z->out->n - 1];
	t->block = (unsigned char)kind;
	t->depth = (unsigned char)(depth > 255 ? 255 : depth);
	t->ordered = (unsigned char)ordered;
}

/* A word: inside a link to "#target" its digits do not count. */
static void
push_word(struct tokenizer *z, const char *s, size_t n)
{
	char *masked;
	size_t i;

	if (z->link == NULL || z->link[0] != '#') {
		push(z, TOK_WORD, s, n, s, n);
		return;
	}
	masked = xstrndup(s, n);
	for (i = 0; i < n; i++)
		if (masked[i] >= '0' && masked[i] <= '9')
			masked[i] = '#';
	push(z, TOK_WORD, s, n, masked, n);
	free(masked);
}

/* "[^12]" at s: the length of the reference, or 0. */
static size_t
note_ref(const char *s, size_t n)
{
	size_t i = 2;

	if (n < 4 || s[0] != '[' || s[1] != '^')
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 2 && i < n && s[i] == ']' ? i + 1 : 0;
}

static void
push_note(struct tokenizer *z, const char *s, size_t n)
{
	char num[16];
	const char *id;
	char *key;

	snprintf(num, sizeof(num), "%.*s", (int)(n - 3), s + 2);
	id = z->note_id != NULL ? z->note_id(z->arg, num) : NULL;
	key = xasprintf("^%s", id != NULL ? id : num);
	push(z, TOK_NOTE, num, strlen(num), key, strlen(key));
	free(key);
}

/* Split text into words, spaces, punctuation and footnote references. */
static void
split_text(struct tokenizer *z, const char *s)
{
	size_t n = strlen(s), i = 0, k, start;
	unsigned c, prev, next;
	enum chclass cl;

	while (i < n) {
		if ((k = note_ref(s + i, n - i)) > 0) {
			push_note(z, s + i, k);
			i += k;
			continue;
		}
		start = i;
		c = utf8_decode(s + i, n - i, &k);
		cl = classify(c);
		i += k;
		if (cl == CH_PUNCT) {
			push(z, TOK_PUNCT, s + start, k, s + start, k);
			continue;
		}
		prev = c;
		while (i < n) {
			c = utf8_decode(s + i, n - i, &k);
			if (classify(c) == cl) {
				prev = c;
				i += k;
				continue;
			}
			if (cl != CH_WORD || i + k >= n)
				break;
			size_t k2;
			next = utf8_decode(s + i + k, n - i - k, &k2);
			if (!is_joiner(c, prev, next) ||
			    classify(next) != CH_WORD)
				break;
			prev = next;
			i += k + k2;
		}
		if (cl == CH_SPACE)
			push(z, TOK_SPACE, " ", 1, " ", 1);
		else
			push_word(z, s + start, i - start);
	}
}

/* The kind of the leaf block a paragraph opens. */
static void
open_paragraph(struct tokenizer *z, cmark_node *n)
{
	cmark_node *p, *item = NULL, *list;
	int depth = 0, quote = 0, ordered = 0;

	for (p = cmark_node_parent(n); p != NULL; p = cmark_node_parent(p)) {
		cmark_node_type t = cmark_node_get_type(p);
		if (t == CMARK_NODE_ITEM && item == NULL)
			item = p;
		else if (t == CMARK_NODE_LIST)
			depth++;
		else if (t == CMARK_NODE_BLOCK_QUOTE)
			quote = 1;
	}
	if (item != NULL) {
		list = cmark_node_parent(item);
		ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
		push_block(z, cmark_node_first_child(item) == n ? BLOCK_ITEM :
		    BLOCK_MORE, depth, ordered);
	} else
		push_block(z, quote ? BLOCK_QUOTE : BLOCK_PARA, 0, 0);
}

static void
set_style(struct tokenizer *z)
{
	z->style = (unsigned char)((z->em > 0 ? STYLE_EM : 0) |
	    (z->strong > 0 ? STYLE_STRONG : 0));
}

void
tokens_make(const char *md, struct symtab *syms,
    const char *(*note_id)(void *, const char *), void *arg,
    struct tokens *out)
{
	struct tokenizer z = { .out = out, .syms = syms, .note_id = note_id,
	    .arg = arg };
	cmark_node *root = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_DEFAULT), *n, *first;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	const char **links = NULL;
	size_t nlinks = 0, lcap = 0;
	int enter;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		enter = ev == CMARK_EVENT_ENTER;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			if (enter)
				open_paragraph(&z, n);
			break;
		case CMARK_NODE_ITEM:
			first = cmark_node_first_child(n);
			if (enter && (first == NULL || cmark_node_get_type(first)
			    != CMARK_NODE_PARAGRAPH))
				open_paragraph(&z, n);
			break;
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
			push_block(&z, BLOCK_PARA, 0, 0);
			split_text(&z, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_EMPH:
			z.em += enter ? 1 : -1;
			set_style(&z);
			break;
		case CMARK_NODE_STRONG:
			z.strong += enter ? 1 : -1;
			set_style(&z);
			break;
		case CMARK_NODE_LINK:
			if (enter) {
				ARRAY_RESERVE(links, nlinks, lcap);
				links[nlinks++] = cmark_node_get_url(n);
			} else
				nlinks--;
			z.link = nlinks > 0 ? links[nlinks - 1] : NULL;
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_HTML_INLINE:
			split_text(&z, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_CODE:
			z.style |= STYLE_CODE;
			split_text(&z, cmark_node_get_literal(n));
			set_style(&z);
			break;
		case CMARK_NODE_SOFTBREAK:
			push(&z, TOK_SPACE, " ", 1, " ", 1);
			break;
		case CMARK_NODE_LINEBREAK:
			push(&z, TOK_BREAK, "", 0, "", 0);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	free(links);
	buf_free(&z.key);
}

void
tokens_free(struct tokens *t)
{
	free(t->v);
	buf_free(&t->text);
	memset(t, 0, sizeof(*t));
}

int
tokens_equal(const struct tokens *a, const struct tokens *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->v[i].sym != b->v[i].sym)
			return 0;
	return 1;
}

size_t
tokens_words(const struct tokens *t)
{
	size_t i, n = 0;

	for (i = 0; i < t->n; i++)
		n += t->v[i].type == TOK_WORD;
	return n;
}

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
		v[i] = intern(syms, buf_str(&key), key.len);
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
