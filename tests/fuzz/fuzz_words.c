/* libFuzzer harness: the word diff of two clause texts (the input split at
 * its first "\n====\n"), checked against its own promises: read without
 * deletions it has the new text's words and punctuation in order, without
 * insertions the old's (so no word is glued to or split from another), and
 * a deleted and an inserted word never touch. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "base/base.h"
#include "revisions/revisions.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* t read whole, as words_plain marks it. */
static void
plain(const struct tokens *t, struct buf *out)
{
	struct mtext m = { 0 };

	words_plain(t, MARK_SAME, &m);
	mtext_read(&m, -1, out);
	mtext_free(&m);
}

/*
 * The words (maximal runs of word characters) and single punctuation marks
 * of s, one per line: white space only separates them.
 */
static char *
word_seq(const char *s)
{
	struct buf b = { 0 };
	size_t n, len = strlen(s);
	const char *end = s + len;
	int in_word = 0;

	while (s < end) {
		utf8_decode(s, (size_t)(end - s), &n);
		if (*s == ' ' || *s == '\n' || *s == '\t') {
			in_word = 0;
		} else if (words_is_wordch(s, (size_t)(end - s))) {
			if (!in_word && b.len > 0)
				buf_putc(&b, '\n');
			buf_put(&b, s, n);
			in_word = 1;
		} else {
			if (b.len > 0)
				buf_putc(&b, '\n');
			buf_put(&b, s, n);
			in_word = 0;
		}
		s += n;
	}
	return buf_detach(&b);
}

static int
same_text(const struct buf *x, const struct buf *y)
{
	char *a = word_seq(buf_str(x)), *b = word_seq(buf_str(y));
	int same = strcmp(a, b) == 0;

	free(a);
	free(b);
	return same;
}

/* A deleted span followed at once by an inserted one: words must not touch. */
static int
glued(const struct mtext *m)
{
	size_t i, j;

	for (i = 0; i < m->nblocks; i++)
		for (j = 1; j < m->blocks[i].nspans; j++) {
			const struct mspan *x = &m->blocks[i].spans[j - 1];
			const struct mspan *y = &m->blocks[i].spans[j];
			size_t n = strlen(x->text), k = n;
			if (x->mark != MARK_DEL || y->mark != MARK_INS ||
			    n == 0 || x->note || y->note || x->brk || y->brk)
				continue;
			/* the last character, not its last byte */
			while (k > 0 && ((unsigned char)x->text[k - 1] &
			    0xC0) == 0x80)
				k--;
			if (k > 0 && words_is_wordch(x->text + k - 1,
			    n - k + 1) &&
			    words_is_wordch(y->text, strlen(y->text)))
				return 1;
		}
	return 0;
}

/* Would the clause library accept md as a clause body (no headings, raw
 * HTML, code blocks, images or rules)?  Only such text reaches the diff. */
static int
clause_body(const char *md)
{
	cmark_node *doc = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_DEFAULT | CMARK_OPT_SMART);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int ok = 1;

	while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		switch (cmark_node_get_type(cmark_iter_get_node(it))) {
		case CMARK_NODE_HEADING:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_IMAGE:
		case CMARK_NODE_THEMATIC_BREAK:
			ok = 0;
			break;
		default:
			break;
		}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return ok;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tokens a = { 0 }, b = { 0 };
	struct buf oldt = { 0 }, newt = { 0 }, r = { 0 };
	struct symtab *sym;
	struct mtext m = { 0 };
	char *text, *sep, *second;

	if (utf8_valid_prefix((const char *)data, size) != size ||
	    memchr(data, '\0', size) != NULL)
		return 0;	/* clause files are valid UTF-8 */
	text = xstrndup((const char *)data, size);
	if ((sep = strstr(text, "\n====\n")) != NULL) {
		*sep = '\0';
		second = sep + 6;
	} else
		second = text + strlen(text);
	if (!clause_body(text) || !clause_body(second)) {
		free(text);
		return 0;
	}
	sym = symtab_new();
	tokens_make(text, sym, NULL, NULL, &a);
	tokens_make(second, sym, NULL, NULL, &b);
	words_diff(&a, &b, &m);
	plain(&a, &oldt);
	plain(&b, &newt);
	mtext_read(&m, MARK_DEL, &r);
	if (!same_text(&r, &newt))
		abort();	/* without deletions: not the new text */
	buf_reset(&r);
	mtext_read(&m, MARK_INS, &r);
	if (!same_text(&r, &oldt))
		abort();	/* without insertions: not the old text */
	if (glued(&m))
		abort();	/* a deleted word touches an inserted one */
	mtext_free(&m);
	tokens_free(&a);
	tokens_free(&b);
	symtab_free(sym);
	buf_free(&oldt);
	buf_free(&newt);
	buf_free(&r);
	free(text);
	return 0;
}
