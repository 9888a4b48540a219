/* Word-level redlines: UTF-8 tokens of a clause's CommonMark (their diff and marked text: words_diff.c). */
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
unsigned
symtab_intern(struct symtab *t, const char *key, size_t n)
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
	t->sym = symtab_intern(z->syms, buf_str(&z->key), z->key.len);
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
