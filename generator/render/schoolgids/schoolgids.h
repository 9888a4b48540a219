#ifndef RENDER_SCHOOLGIDS_SCHOOLGIDS_H
#define RENDER_SCHOOLGIDS_SCHOOLGIDS_H
/* Schoolgids section: the short text a school puts in its yearly schoolgids. */

#include <stddef.h>

#include <cmark.h>

#include "base/base.h"

struct buf;
struct doc_meta;
struct document;

/* Bounds the section must stay within (DOMAIN.md). */
#define SG_MIN_WORDS		150
#define SG_MAX_WORDS		400
#define SG_MIN_AGREEMENTS	5
#define SG_MAX_AGREEMENTS	8

/* A table: a caption, a header row and nrows rows of ncols text cells. */
struct sg_table {
	char		*caption;
	char		**head;		/* ncols */
	char		**cells;	/* nrows * ncols; "" when empty */
	size_t		 ncols;
	size_t		 nrows;
};

/*
 * One block of a part: CommonMark (paragraphs, bullet lists, links,
 * emphasis; a CMARK_NODE_DOCUMENT, every value a text node) or a table.
 * Exactly one of tree and table is set.
 */
struct sg_block {
	cmark_node	*tree;
	struct sg_table	*table;
};

/* A titled part ("Onze kanalen"); the opening part has no title. */
struct sg_part {
	const char	*id;		/* anchor: "sg-kanalen" */
	char		*title;		/* NULL for the opening */
	struct sg_block	*blocks;
	size_t		 nblocks;
};

/* Something a board office should know about a school's section. */
struct sg_finding {
	enum diag_level	 level;
	char		*file;
	int		 line;
	char		*msg;
};

/*
 * The schoolgids section of one document: a document-like structure that
 * every backend (HTML, Markdown, PDF) renders in order: the draft mark,
 * the title, the parts, the version line.
 */
struct schoolgids {
	const struct doc_meta *meta;	/* borrowed from the document */
	char		*title;		/* "Sociale media" */
	char		*mark;		/* "CONCEPT", or NULL when adopted */
	char		*mark_note;
	struct sg_part	*parts;
	size_t		 nparts;
	char		*version_line;	/* "Protocol sociale media, versie 1.0, ..." */
	char		*protocol_href;	/* where the full protocol is read */
	size_t		 nagreements;
	size_t		 words;		/* of everything above, as read */
	struct sg_finding *findings;
	size_t		 nfindings;
};

/*
 * Build the section from a school's document.  Never fails; what is
 * missing or out of bounds is recorded in findings (not reported).
 */
struct schoolgids *schoolgids_build(const struct document *);
void		 schoolgids_free(struct schoolgids *);

/*
 * Report the findings of a document's schoolgids section through diag()
 * (once per school: build and check call it).  Return the number of errors.
 */
int		 schoolgids_check(const struct document *);

/* The section as plain text, blocks separated by newlines (for counting). */
void		 schoolgids_text(const struct schoolgids *, struct buf *out);
/* Words in UTF-8 text: runs of non-space holding a letter or digit. */
size_t		 schoolgids_count_words(const char *text);

/* Backends: out/<id>/schoolgids.html, schoolgids-fragment.html, .md. */
int		 schoolgids_html(const struct document *, struct buf *out);
int		 schoolgids_fragment(const struct document *, struct buf *out);
int		 schoolgids_md(const struct document *, struct buf *out);
/* The files schoolgids.html is made from (see html_deps()). */
int		 schoolgids_html_deps(void (*fn)(void *, const char *),
		    void *arg);

#endif
