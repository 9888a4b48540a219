/* Word-level redlines: UTF-8 tokens of a clause's CommonMark, their diff, marked text. */
#ifndef WORDS_H
#define WORDS_H

#include <stddef.h>

#include "util.h"

/* Inline styles a token carries (part of its identity). */
enum {
	STYLE_EM	= 1,
	STYLE_STRONG	= 2,
	STYLE_CODE	= 4,
};

/* Leaf blocks: every one starts with a TOK_BLOCK token. */
enum block_kind {
	BLOCK_PARA,	/* a paragraph */
	BLOCK_ITEM,	/* the first paragraph of a list item */
	BLOCK_MORE,	/* a further paragraph of a list item */
	BLOCK_QUOTE,	/* a paragraph in a block quote */
};

enum tok_type {
	TOK_BLOCK,	/* start of a leaf block */
	TOK_WORD,	/* letters, digits, marks, joined by ' ’ - . @ _ / */
	TOK_SPACE,	/* white space of any kind: all compare equal */
	TOK_PUNCT,	/* one punctuation character or symbol */
	TOK_BREAK,	/* a hard line break */
	TOK_NOTE,	/* a footnote reference; compares by footnote id */
};

struct token {
	unsigned char	 type;
	unsigned char	 style;
	unsigned char	 block;		/* TOK_BLOCK: enum block_kind */
	unsigned char	 depth;		/* TOK_BLOCK: list nesting */
	unsigned char	 ordered;	/* TOK_BLOCK: in a numbered list */
	unsigned	 sym;		/* identity: equal symbols, equal tokens */
	size_t		 off, len;	/* display text in tokens.text */
	size_t		 link;		/* 1 + offset of the link target, or 0 */
};

struct tokens {
	struct token	*v;
	size_t		 n, cap;
	struct buf	 text;		/* display texts and link targets */
};

/* Interned token identities, shared by the two sides of a comparison. */
struct symtab;
struct symtab	*symtab_new(void);
void		 symtab_free(struct symtab *);

/*
 * Tokenize a clause's CommonMark.  note_id maps a footnote number as
 * written ("[^3]") to the footnote's clause id, so renumbered footnotes
 * compare equal; in links to "#target" digits do not count either, so
 * "artikel 4.5" and "artikel 4.6" pointing at one clause are the same.
 */
void		 tokens_make(const char *md, struct symtab *,
		    const char *(*note_id)(void *arg, const char *num),
		    void *arg, struct tokens *out);
void		 tokens_free(struct tokens *);
int		 tokens_equal(const struct tokens *, const struct tokens *);
size_t		 tokens_words(const struct tokens *);

/* Marked text: what the redline shows of one clause. */
enum mark {
	MARK_SAME,
	MARK_DEL,
	MARK_INS,
};

struct mspan {
	unsigned char	 mark;
	unsigned char	 style;
	unsigned char	 note;		/* a footnote reference; text is its number */
	unsigned char	 brk;		/* a hard line break */
	unsigned char	 glue;		/* a space between a deletion and an
					   insertion: shown, in neither text */
	char		*text;
	char		*link;		/* NULL when not in a link */
};

struct mblock {
	unsigned char	 kind, depth, ordered;
	unsigned char	 mark;		/* of the block start itself */
	struct mspan	*spans;
	size_t		 nspans;
};

struct mtext {
	struct mblock	*blocks;
	size_t		 nblocks;
};

/*
 * The word diff of old a and new b: Myers over the tokens, deletions
 * before insertions in every change, unchanged gaps of white space and
 * punctuation (or one short word between two replacements) merged into
 * the changes around them, and a space kept between a deletion and an
 * insertion that would otherwise touch.
 */
void		 words_diff(const struct tokens *a, const struct tokens *b,
		    struct mtext *out);
/* All of t with one mark (unchanged, or a whole clause removed or new). */
void		 words_plain(const struct tokens *t, enum mark, struct mtext *out);
void		 mtext_free(struct mtext *);
/* The text as read with the marks of kind skip left out (tests, dumps). */
void		 mtext_read(const struct mtext *, int skip, struct buf *out);

/* Does the UTF-8 character at s count as part of a word? */
int		 words_is_wordch(const char *s, size_t len);

#endif
