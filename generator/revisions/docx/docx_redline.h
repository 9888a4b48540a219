#ifndef REVISIONS_DOCX_DOCX_REDLINE_H
#define REVISIONS_DOCX_DOCX_REDLINE_H
/*
 * Word redline: a redline (revisions.h) as a .docx whose changes are
 * Word's own tracked changes (w:ins, w:del), so "Alles accepteren" gives
 * the new text and "Alles weigeren" the old.  docx_redline.c writes the
 * document body; docx_parts.c the other parts and the package.
 */

#include <libxml/xmlwriter.h>

#include "base/base.h"
#include "revisions/revisions.h"

/*
 * Render rl as out/<id>/diff-A-B.docx: title, summary, "was / wordt" and
 * legend as ordinary text, then the text with its changes tracked, with
 * a comment on every changed clause naming what changed and why (a
 * config value, a move, the rationale).  author is who the changes are
 * by (the board office); NULL: the board's name.  Return 0, or -1 after
 * reporting.
 */
int	docx_redline(const struct redline *, const char *author,
	    struct buf *out);

/* ------------------------------------------------------------- internal */

/* One Word redline being written. */
struct dx {
	const struct redline *rl;
	xmlTextWriterPtr w;		/* word/document.xml */
	xmlBufferPtr	 wb;
	xmlTextWriterPtr c;		/* word/comments.xml */
	xmlBufferPtr	 cb;
	int		 id;		/* the next w:id: revisions and
					   comments share one counter */
	const char	*author;
	char		 date[32];	/* "2026-03-02T00:00:00Z", or "" */
	char		 day[16];	/* "2026-03-02", or "" */
	const char	*accent;	/* "1f4e79": headings */
};

/* docx_parts.c */
/* Start an element, set an attribute, write text, end an element. */
void	 dx_start(xmlTextWriterPtr, const char *name);
void	 dx_attr(xmlTextWriterPtr, const char *name, const char *value);
void	 dx_attr_int(xmlTextWriterPtr, const char *name, long value);
void	 dx_end(xmlTextWriterPtr);
/* An empty element with one w:val attribute (NULL: none). */
void	 dx_val(xmlTextWriterPtr, const char *name, const char *val);
/* Text, without the characters XML 1.0 cannot hold. */
void	 dx_text(xmlTextWriterPtr, const char *s);
/* A new writer into *b, its XML declaration written. */
xmlTextWriterPtr dx_writer(xmlBufferPtr *b);
/* The package around document.xml and comments.xml; 0 or -1. */
int	 dx_package(struct dx *, struct buf *out);

#endif
